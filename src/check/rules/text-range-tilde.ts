/**
 * text/range-tilde: a half-width ~ typed for the wave dash of a range (3~5年, 80万~100万元). The
 * wave dash of GB/T 15834 §4.13 is the full-width ～; the half-width tilde is a Latin character,
 * set narrow and high on the line. It can mean nothing else between two numbers in Chinese text,
 * so `bulletin fix` writes ～. A tilde in an address (/~user) or Latin text is left alone.
 */
import type { NamedRule } from '../context.js';
import { patternRule } from './pattern.js';
import { excerpt } from '../text.js';

/**
 * A digit (or a number's Chinese unit or %) before, a digit after: 3~5年, 80万~100万元, 15%~30%.
 * The lookahead for the tilde comes first only for speed: it fails at once on almost every
 * character, where the lookbehind tests up to three (4× faster over an issue's text).
 */
const TILDE = /(?=\s*~)(?<=[0-9][\p{Script=Han}%％]{0,2})\s*~\s*(?=[0-9])/gu;

export const rangeTilde: NamedRule = patternRule(
  {
    id: 'text/range-tilde',
    severity: 'warning',
    fixable: true,
    stage: 'check',
    source: { standard: 'GB/T 15834-2011', clause: '4.13' },
    description: { zh: '数值范围的浪纹线是全角“～”，不是半角“~”', en: 'the wave dash of a range is the full-width ～, not a half-width ~' },
  },
  TILDE,
  (m, u) => {
    const i = m.index! + m[0].indexOf('~');
    return {
      at: m.index!,
      length: m[0].length,
      replacement: '～',
      message: {
        zh: `数值范围中用了半角“~”，浪纹线应为全角“～”：${excerpt(u.text, i, 1)}`,
        en: `a half-width “~” in a range; the wave dash is the full-width “～”: ${excerpt(u.text, i, 1)}`,
      },
      hint: { zh: '改为“～”（可运行 bulletin fix 自动修正）', en: 'change it to “～” (bulletin fix does it)' },
    };
  },
);
