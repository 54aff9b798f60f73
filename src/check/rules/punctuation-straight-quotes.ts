/**
 * punctuation/straight-quotes: straight quotes "…" around Chinese text (pasted from a web page
 * or typed on an English keyboard) — Chinese text takes “…” (GB/T 15834 §4.8). The quotes of a
 * paragraph are paired in order: first opens, second closes. A pair with Chinese inside or next to
 * it is fixed to “”; a pair around Latin text (He said "yes".) is left alone; an odd count cannot
 * be paired safely, so it is reported without a fix.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/index.js';
import type { NamedRule } from '../context.js';
import { charAt, charBefore, excerpt, fixAt, isChinese, locAt, proseUnits, type TextUnit } from '../text.js';

export const STRAIGHT_QUOTES = {
  id: 'punctuation/straight-quotes',
  severity: 'warning',
  message: (context: string) => ({
    zh: `中文里用了直引号“"”，应为弯引号“”：${context}`,
    en: `straight quotes " in Chinese text should be “ and ”: ${context}`,
  }),
  hintPaired: { zh: '改为“”（可运行 bulletin fix 按先后配对自动修正）', en: 'change them to “ ” (bulletin fix pairs them in order)' },
  hintOdd: {
    zh: '本段直引号个数为奇数，无法自动配对，请逐个改为“或”',
    en: 'this paragraph has an odd number of straight quotes, so they cannot be paired automatically: change each to “ or ”',
  },
} as const;

function hasChinese(s: string): boolean {
  for (const ch of s) if (isChinese(ch)) return true;
  return false;
}

export const straightQuotes: NamedRule = {
  meta: [
    {
      id: STRAIGHT_QUOTES.id,
      severity: STRAIGHT_QUOTES.severity,
      fixable: true,
      stage: 'check',
      source: { standard: 'GB/T 15834-2011', clause: '4.8' },
      description: { zh: '中文用了直引号"…"', en: 'straight quotes "…" around Chinese text' },
    },
  ],
  create(ctx) {
    const out: Diagnostic[] = [];
    for (const u of proseUnits(ctx)) out.push(...check(u));
    return out;
  },
};

function check(u: TextUnit): Diagnostic[] {
  const at: number[] = [];
  for (let i = u.text.indexOf('"'); i >= 0; i = u.text.indexOf('"', i + 1)) at.push(i);
  if (!at.length) return [];
  const out: Diagnostic[] = [];
  const report = (i: number, replacement: string | undefined, hint: { zh: string; en: string }) => {
    const fix = replacement ? fixAt(u, i, 1, replacement) : undefined;
    out.push(
      diagnostic(STRAIGHT_QUOTES.id, STRAIGHT_QUOTES.severity, locAt(u, i), STRAIGHT_QUOTES.message(excerpt(u.text, i, 1)), { hint, ...(fix ? { fix } : {}) }),
    );
  };
  if (at.length % 2) {
    // Unpaired: report those in Chinese context, fix none.
    for (const i of at) if (isChinese(charBefore(u.text, i)) || isChinese(charAt(u.text, i + 1))) report(i, undefined, STRAIGHT_QUOTES.hintOdd);
    return out;
  }
  for (let k = 0; k < at.length; k += 2) {
    const [open, close] = [at[k], at[k + 1]];
    const chinese = hasChinese(u.text.slice(open + 1, close)) || isChinese(charBefore(u.text, open)) || isChinese(charAt(u.text, close + 1));
    if (!chinese) continue;
    report(open, '“', STRAIGHT_QUOTES.hintPaired);
    report(close, '”', STRAIGHT_QUOTES.hintPaired);
  }
  return out;
}
