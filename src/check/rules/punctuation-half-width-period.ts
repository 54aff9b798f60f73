/**
 * punctuation/half-width-period: a half-width full stop "." pasted into Chinese text (开会.明天,
 * 完成任务.) — GB/T 15834 §4.1 ends a Chinese sentence with 。. At a paragraph end or before a
 * closing mark it can only be a full stop, and `bulletin fix` makes it 。; between two characters
 * it may also stand for the middle dot of a foreign name (马克思.韦伯 → 马克思·韦伯), so the
 * author decides. Numbers (3.14), numbering (1.), addresses and Latin text are not touched.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/index.js';
import type { NamedRule } from '../context.js';
import { excerpt, fixAt, locAt, periodContext, proseUnits } from '../text.js';

export const HALF_WIDTH_PERIOD = {
  id: 'punctuation/half-width-period',
  severity: 'warning',
  message: (context: string) => ({
    zh: `中文里用了半角句点“.”：${context}`,
    en: `a half-width period “.” in Chinese text: ${context}`,
  }),
  hintEnd: { zh: '句末应为句号“。”（可运行 bulletin fix 自动修正）', en: 'a Chinese sentence ends with “。” (bulletin fix does it)' },
  hintBetween: {
    zh: '若是句末，改为句号“。”；若是外国人名的间隔，改为间隔号“·”',
    en: 'if it ends a sentence, write “。”; if it separates the parts of a foreign name, write the middle dot “·”',
  },
} as const;

export const halfWidthPeriod: NamedRule = {
  meta: [
    {
      id: HALF_WIDTH_PERIOD.id,
      severity: HALF_WIDTH_PERIOD.severity,
      fixable: true,
      stage: 'check',
      source: { standard: 'GB/T 15834-2011', clause: '4.1' },
      description: { zh: '中文句末用了半角句点“.”', en: 'a half-width . ending a Chinese sentence' },
    },
  ],
  create(ctx) {
    const out: Diagnostic[] = [];
    for (const u of proseUnits(ctx)) {
      for (let i = u.text.indexOf('.'); i >= 0; i = u.text.indexOf('.', i + 1)) {
        if (u.text[i - 1] === '.' || u.text[i + 1] === '.') continue; // "..." is an ellipsis (text/ellipsis)
        const where = periodContext(u.text, i);
        if (!where) continue;
        const fix = where === 'end' ? fixAt(u, i, 1, '。') : undefined;
        out.push(
          diagnostic(HALF_WIDTH_PERIOD.id, HALF_WIDTH_PERIOD.severity, locAt(u, i), HALF_WIDTH_PERIOD.message(excerpt(u.text, i, 1)), {
            hint: where === 'end' ? HALF_WIDTH_PERIOD.hintEnd : HALF_WIDTH_PERIOD.hintBetween,
            ...(fix ? { fix } : {}),
          }),
        );
      }
    }
    return out;
  },
};
