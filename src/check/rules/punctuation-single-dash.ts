/**
 * punctuation/single-dash: a single "—" standing for a dash in Chinese text. The Chinese dash is
 * —— (two U+2014 filling two cells, GB/T 15834 §4.10); a lone — is the connector (一字线) of
 * §4.13, right between places or times (北京—上海, 1—8月). So `bulletin fix` makes it —— only
 * where it cannot be a connector: with blanks typed around it (这是 — 测试, the English way of
 * setting a dash) or next to a Chinese punctuation mark (工作—“三个一”). Between two characters
 * the author decides. Digits around it are a range and are left alone.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/index.js';
import type { NamedRule } from '../context.js';
import { charAt, charBefore, excerpt, fixAt, isChinese, isHan, locAt, nonBlank, proseUnits } from '../text.js';

export const SINGLE_DASH = {
  id: 'punctuation/single-dash',
  severity: 'warning',
  message: (context: string) => ({
    zh: `中文里用了单个“—”：${context}`,
    en: `a single “—” in Chinese text: ${context}`,
  }),
  hintFix: { zh: '破折号应为“——”（可运行 bulletin fix 自动修正）', en: 'the Chinese dash is “——” (bulletin fix does it)' },
  hintAsk: {
    zh: '若是破折号，改为“——”；若连接起止（如“北京—上海”），保留单个“—”',
    en: 'if it is a dash, write “——”; if it joins a start and an end (北京—上海), the single “—” is right',
  },
} as const;

export const singleDash: NamedRule = {
  meta: [
    {
      id: SINGLE_DASH.id,
      severity: SINGLE_DASH.severity,
      fixable: true,
      stage: 'check',
      source: { standard: 'GB/T 15834-2011', clause: '4.10' },
      description: { zh: '破折号是“——”，单个“—”是连接号', en: 'the Chinese dash is ——; a single — is the connector' },
    },
  ],
  create(ctx) {
    const out: Diagnostic[] = [];
    for (const u of proseUnits(ctx)) {
      for (let i = u.text.indexOf('—'); i >= 0; i = u.text.indexOf('—', i + 1)) {
        if (u.text[i - 1] === '—' || u.text[i + 1] === '—') continue;
        const l = nonBlank(u.text, i - 1, -1);
        const r = nonBlank(u.text, i + 1, 1);
        if (l < 0 || r < 0) continue;
        const left = charBefore(u.text, l + 1);
        const right = charAt(u.text, r);
        if (!isChinese(left) || !isChinese(right) || left === '—' || right === '—') continue;
        const spaced = l < i - 1 || r > i + 1;
        const byMark = !isHan(left) || !isHan(right);
        const fix = spaced || byMark ? fixAt(u, l + 1, r - l - 1, '——') : undefined;
        out.push(
          diagnostic(SINGLE_DASH.id, SINGLE_DASH.severity, locAt(u, i), SINGLE_DASH.message(excerpt(u.text, i, 1)), {
            hint: fix ? SINGLE_DASH.hintFix : SINGLE_DASH.hintAsk,
            ...(fix ? { fix } : {}),
          }),
        );
      }
    }
    return out;
  },
};
