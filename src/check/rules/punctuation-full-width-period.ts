/**
 * punctuation/full-width-period: the full-width full stop "．" (U+FF0E) is the period of
 * scientific typesetting, not of a bulletin: Chinese sentences end with 。 (GB/T 15834 §4.1).
 * At a paragraph end or before a closing mark `bulletin fix` makes it 。; between two characters
 * it may stand for a name's middle dot (·), so the author decides. After a digit (1．, ３．１４)
 * it is numbering or a decimal point and is left to the digit rules.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/index.js';
import type { NamedRule } from '../context.js';
import { excerpt, fixAt, locAt, periodContext, proseUnits } from '../text.js';

export const FULL_WIDTH_PERIOD = {
  id: 'punctuation/full-width-period',
  severity: 'warning',
  message: (context: string) => ({
    zh: `用了全角句点“．”，中文句号应为“。”：${context}`,
    en: `the full-width period “．” is used; a Chinese full stop is “。”: ${context}`,
  }),
  hintEnd: { zh: '改为句号“。”（可运行 bulletin fix 自动修正）', en: 'change it to “。” (bulletin fix does it)' },
  hintBetween: {
    zh: '若是句末，改为句号“。”；若是外国人名的间隔，改为间隔号“·”',
    en: 'if it ends a sentence, write “。”; if it separates the parts of a foreign name, write the middle dot “·”',
  },
} as const;

export const fullWidthPeriod: NamedRule = {
  meta: [
    {
      id: FULL_WIDTH_PERIOD.id,
      severity: FULL_WIDTH_PERIOD.severity,
      fixable: true,
      stage: 'check',
      source: { standard: 'GB/T 15834-2011', clause: '4.1' },
      description: { zh: '中文句末用了全角句点“．”', en: 'a full-width ． ending a Chinese sentence' },
    },
  ],
  create(ctx) {
    const out: Diagnostic[] = [];
    for (const u of proseUnits(ctx)) {
      for (let i = u.text.indexOf('．'); i >= 0; i = u.text.indexOf('．', i + 1)) {
        if (u.text[i - 1] === '．' || u.text[i + 1] === '．') continue; // a row of them is an ellipsis (text/ellipsis)
        const where = periodContext(u.text, i);
        if (!where) continue;
        const fix = where === 'end' ? fixAt(u, i, 1, '。') : undefined;
        out.push(
          diagnostic(FULL_WIDTH_PERIOD.id, FULL_WIDTH_PERIOD.severity, locAt(u, i), FULL_WIDTH_PERIOD.message(excerpt(u.text, i, 1)), {
            hint: where === 'end' ? FULL_WIDTH_PERIOD.hintEnd : FULL_WIDTH_PERIOD.hintBetween,
            ...(fix ? { fix } : {}),
          }),
        );
      }
    }
    return out;
  },
};
