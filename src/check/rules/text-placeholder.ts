/**
 * text/placeholder: marks an author leaves for something still to be filled in — XX, ××, ＿＿,
 * 【待补】, 【待核实】 — would be printed as they stand. An error: a bulletin never goes out with
 * a blank in it. (The template text of `bulletin new` is article/placeholder.) XX inside a Latin
 * word (XXL) is not a placeholder.
 */
import type { NamedRule } from '../context.js';
import { excerpt } from '../text.js';
import { patternRule } from './pattern.js';

const PLACEHOLDERS =
  /(?:[XＸ](?<![A-Za-z][XＸ])[XＸ]+|[xｘ](?<![A-Za-z][xｘ])[xｘ]+(?=[\p{Script=Han}]))(?![A-Za-z])|[×Ｘ]{2,}|[＿_]{3,}|＿{2,}|[【〔\[［](?:待[补填定核查确][^】〕\]］]{0,6}|此处[^】〕\]］]{0,12}|[?？]{1,3})[】〕\]］]|[□]{2,}/gu;

export const placeholderText: NamedRule = patternRule(
  {
    id: 'text/placeholder',
    severity: 'error',
    fixable: false,
    stage: 'check',
    source: { standard: 'house style' },
    description: { zh: '正文留有待填内容（XX、××、＿＿、【待补】）', en: 'something left to fill in (XX, ××, ＿＿, 【待补】)' },
  },
  PLACEHOLDERS,
  (m, u) => ({
    at: m.index!,
    length: m[0].length,
    message: {
      zh: `这里还是待填的“${m[0]}”，会原样印出：${excerpt(u.text, m.index!, m[0].length)}`,
      en: `“${m[0]}” is still to be filled in and would be printed as it stands: ${excerpt(u.text, m.index!, m[0].length)}`,
    },
    hint: { zh: '补上实际内容（名称、数字、日期）后再付印', en: 'fill in the actual name, number or date before print' },
  }),
);
