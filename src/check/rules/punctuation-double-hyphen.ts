/**
 * punctuation/double-hyphen: "--" (or "---") typed for a dash between Chinese text, the habit of
 * an English keyboard, or "－－" (full-width hyphen-minus), the same habit with a Chinese input
 * method. The Chinese dash is —— (two U+2014, GB/T 15834 §4.10); `bulletin fix` writes it, taking
 * the blanks typed around the hyphens with them.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/index.js';
import type { NamedRule } from '../context.js';
import { charAt, charBefore, excerpt, fixAt, isChinese, locAt, nonBlank, proseUnits } from '../text.js';

export const DOUBLE_HYPHEN = {
  id: 'punctuation/double-hyphen',
  severity: 'warning',
  message: (found: string, context: string) => ({
    zh: `中文里用“${found}”当破折号，应为“——”：${context}`,
    en: `“${found}” is used as a dash in Chinese text; the dash is “——”: ${context}`,
  }),
  hint: { zh: '改为“——”（可运行 bulletin fix 自动修正）', en: 'change it to “——” (bulletin fix does it)' },
} as const;

/** Two or three hyphens, half-width or the full-width － (U+FF0D) a Chinese input method types. */
const HYPHENS = /(?<![-－])[-－]{2,3}(?![-－])/g;

export const doubleHyphen: NamedRule = {
  meta: [
    {
      id: DOUBLE_HYPHEN.id,
      severity: DOUBLE_HYPHEN.severity,
      fixable: true,
      stage: 'check',
      source: { standard: 'GB/T 15834-2011', clause: '4.10' },
      description: { zh: '用“--”或“－－”代替破折号“——”', en: '-- or －－ typed for the dash ——' },
    },
  ],
  create(ctx) {
    const out: Diagnostic[] = [];
    for (const u of proseUnits(ctx)) {
      for (const m of u.text.matchAll(HYPHENS)) {
        const i = m.index!;
        const end = i + m[0].length;
        const l = nonBlank(u.text, i - 1, -1);
        const r = nonBlank(u.text, end, 1);
        if (l < 0 || r < 0 || !isChinese(charBefore(u.text, l + 1)) || !isChinese(charAt(u.text, r))) continue;
        const fix = fixAt(u, l + 1, r - l - 1, '——') ?? fixAt(u, i, m[0].length, '——');
        out.push(
          diagnostic(DOUBLE_HYPHEN.id, DOUBLE_HYPHEN.severity, locAt(u, i), DOUBLE_HYPHEN.message(m[0], excerpt(u.text, i, m[0].length)), {
            hint: DOUBLE_HYPHEN.hint,
            ...(fix ? { fix } : {}),
          }),
        );
      }
    }
    return out;
  },
};
