/**
 * text/range-hyphen: a range of numbers is joined by a dash or a wave (1—8月, 80万～100万元), not
 * by a hyphen (1-8月). Dates (2026-01-12), telephone numbers and standard numbers (GB/T 9704-2012)
 * keep their hyphens. A hint: GB/T 15834 §4.13.3.2 says a range 一般用一字线，有时也可用浪纹线, and
 * GB/T 15835 §5.1.3 可采用 either. Which mark to use is the author's choice, so no fix.
 */
import type { NamedRule } from '../context.js';
import { patternRule } from './pattern.js';
import { excerpt } from '../text.js';

const RANGE = /(?<![\w\-－./:])(\d+(?:\.\d+)?)([-－‐‑])(\d+(?:\.\d+)?)(?=[\p{Script=Han}%％])/gu;

export const rangeHyphen: NamedRule = patternRule(
  {
    id: 'text/range-hyphen',
    severity: 'hint',
    fixable: false,
    stage: 'check',
    source: { standard: 'GB/T 15834-2011', clause: '4.13.3.2（起止、数值范围一般用一字线，有时也可用浪纹线）' },
    description: { zh: '数值范围用一字线或浪纹线，不用连字符', en: 'a range of numbers takes a dash or a wave, not a hyphen' },
  },
  RANGE,
  (m, u) => {
    const before = u.text.slice(Math.max(0, m.index! - 3), m.index!);
    if (/[A-Za-z]\s?$/.test(before)) return undefined; // GB/T 9704-2012…
    // A range counts up between short numbers; 0731-28888888 is a telephone number.
    const [a, b] = [m[1], m[3]];
    if (/^0\d/.test(a) || /^0\d/.test(b) || a.split('.')[0].length > 4 || b.split('.')[0].length > 4 || !(Number(b) > Number(a))) return undefined;
    const i = m.index! + m[1].length;
    const after = u.text.slice(i + 1 + b.length).match(/^\p{Script=Han}?/u)![0];
    return {
      at: i,
      length: 1,
      message: {
        zh: `数字范围“${m[0]}${after}”中用了连字符“${m[2]}”：${excerpt(u.text, i, 1)}`,
        en: `the range “${m[0]}${after}” is joined by a hyphen “${m[2]}”: ${excerpt(u.text, i, 1)}`,
      },
      hint: {
        zh: `表示范围用一字线或浪纹线，改为“${a}—${b}${after}”或“${a}～${b}${after}”`,
        en: `a range takes a dash or a wave: write “${a}—${b}${after}” or “${a}～${b}${after}”`,
      },
    };
  },
);
