/**
 * Numbers (GB/T 15835-2011), each its own rule id:
 * - number/two-digit-year: 17年9月 → 2017年9月 (years are written in full);
 * - number/range-unit: 15～30% → 15%～30%, 3～5万 → 3万～5万 (dropping the first unit changes the value);
 * - number/leading-zero: .5 → 0.5 (a decimal below 1 is written with its 0 before the point);
 * - number/mixed-forms: 3千 → 3000 or 三千, 二〇二6年 → 2026年 (one number is written in one form);
 * - number/year-zero: 二零二六年 / 二○二六年 → 二〇二六年 (the zero of a year is 〇).
 */
import type { NamedRule, RuleMeta } from '../context.js';
import { excerpt } from '../text.js';
import { patternRule } from './pattern.js';

const GB15835 = (clause: string): RuleMeta['source'] => ({ standard: 'GB/T 15835-2011', clause });

/** 17年9月: two digits, 年, a month. Not 2017年, not 1.5年, not 17年来. */
const SHORT_YEAR = /(?<![\d.．\-－/:A-Za-z])(\d{2})年(?=(?:1[0-2]|[1-9])月)/g;

export const twoDigitYear: NamedRule = patternRule(
  {
    id: 'number/two-digit-year',
    severity: 'warning',
    fixable: false,
    stage: 'check',
    source: GB15835('5.1（阿拉伯数字的使用：四位数字的年份不简写为两位）'),
    description: { zh: '年份写全称（17年 → 2017年）', en: 'years are written in full (17年 → 2017年)' },
  },
  SHORT_YEAR,
  (m, u) => {
    const y = Number(m[1]);
    const full = (y <= 50 ? 2000 : 1900) + y;
    return {
      at: m.index!,
      length: 2,
      message: { zh: `年份“${m[1]}年”是简写：${excerpt(u.text, m.index!, 3)}`, en: `the year “${m[1]}年” is abbreviated: ${excerpt(u.text, m.index!, 3)}` },
      hint: { zh: `年份写全称，如“${full}年”`, en: `write the year in full, e.g. “${full}年”` },
    };
  },
);

/** 15～30%, 3—5万元, 9～16亿: the first number lacks the unit the second carries. */
const RANGE_UNIT = /(?<![\d.])(\d+(?:\.\d+)?)([～~〜—])(\d+(?:\.\d+)?)(%|％|万|亿)/g;

export const rangeUnit: NamedRule = patternRule(
  {
    id: 'number/range-unit',
    severity: 'warning',
    fixable: true,
    stage: 'check',
    source: GB15835('5.1（阿拉伯数字的使用：数值范围，省略会造成歧义的不应省略）'),
    description: { zh: '数值范围前一个数也写单位（15%～30%，3万～5万）', en: 'both ends of a range carry the unit (15%～30%, 3万～5万)' },
  },
  RANGE_UNIT,
  (m, u) => {
    const [all, a, dash, b, unit] = m;
    const at = m.index!;
    const good = `${a}${unit}${dash}${b}${unit}`;
    // bulletin fix adds a mark (%), never a word (万, 亿): it changes only marks and blanks.
    const mark = unit === '%' || unit === '％';
    return {
      at: at + a.length,
      length: 1,
      ...(mark ? { replacement: unit + dash } : {}),
      message: {
        zh: `范围“${all}”的前一个数缺少“${unit}”，易误读：${excerpt(u.text, at, all.length)}`,
        en: `the range “${all}” drops “${unit}” from its first number: ${excerpt(u.text, at, all.length)}`,
      },
      hint: mark
        ? { zh: `写作“${good}”（可运行 bulletin fix 自动修正）`, en: `write “${good}” (bulletin fix does it)` }
        : { zh: `写作“${good}”`, en: `write “${good}”` },
    };
  },
);

/** .5 with nothing numeric before the point. */
const BARE_DECIMAL = /[.．](?<=(?:^|[\p{Script=Han}，。、；：（“\s])[.．])(\d+)(?=[%％\p{Script=Han}])/gu;

export const leadingZero: NamedRule = patternRule(
  {
    id: 'number/leading-zero',
    severity: 'warning',
    fixable: false,
    stage: 'check',
    source: GB15835('5.1（阿拉伯数字的使用：纯小数写出小数点前的“0”）'),
    description: { zh: '小数点前须有数字（.5 → 0.5）', en: 'a decimal has a digit before its point (.5 → 0.5)' },
  },
  BARE_DECIMAL,
  (m, u) => ({
    at: m.index!,
    length: 1,
    message: {
      zh: `小数“${m[0]}”缺少整数位的 0：${excerpt(u.text, m.index!, m[0].length)}`,
      en: `the decimal “${m[0]}” has no 0 before its point: ${excerpt(u.text, m.index!, m[0].length)}`,
    },
    hint: { zh: `写作“0.${m[1]}”`, en: `write “0.${m[1]}”` },
  }),
);

/**
 * 3千, 5百 (not 3千米, 5千克, 10千伏 — units — nor 5百分点), and a year mixing digit forms (二〇二6年).
 */
const MIXED = /(\d{1,3})([千百十])(?![米克瓦伏帕焦卡兆字赫分])|([\d〇○一二三四五六七八九]{4})年/g;

export const mixedForms: NamedRule = patternRule(
  {
    id: 'number/mixed-forms',
    severity: 'warning',
    fixable: false,
    stage: 'check',
    source: GB15835('5（同一数值不混用阿拉伯数字与汉字数字）'),
    description: {
      zh: '一个数不混用阿拉伯数字和汉字数字（3千 → 3000）',
      en: 'one number is not written half in digits, half in Chinese numerals (3千 → 3000)',
    },
  },
  MIXED,
  (m, u) => {
    const at = m.index!;
    // Only a whole number: 12.3千 or 12026年 are other matters.
    if (/[\d.〇零○一二三四五六七八九]/.test(u.text[at - 1] ?? '')) return undefined;
    if (m[3] && !(/\d/.test(m[3]) && /[〇○一二三四五六七八九]/.test(m[3]))) return undefined;
    if (m[1]) {
      const n = Number(m[1]) * (m[2] === '千' ? 1000 : m[2] === '百' ? 100 : 10);
      // 3千万 is 3000万; 2百多 is about 200.
      return {
        at,
        length: m[0].length,
        message: {
          zh: `“${m[0]}”混用了阿拉伯数字和汉字数字：${excerpt(u.text, at, m[0].length)}`,
          en: `“${m[0]}” mixes digits and a Chinese numeral: ${excerpt(u.text, at, m[0].length)}`,
        },
        hint: { zh: `写作“${n}”或全用汉字`, en: `write “${n}”, or the whole number in Chinese` },
      };
    }
    return {
      at,
      length: m[3].length,
      message: { zh: `年份“${m[3]}年”混用了阿拉伯数字和汉字数字`, en: `the year “${m[3]}年” mixes digits and Chinese numerals` },
      hint: { zh: '年份全用阿拉伯数字（如2026年）或全用汉字（如二〇二六年）', en: 'write the year all in digits (2026年) or all in Chinese (二〇二六年)' },
    };
  },
);

/** A year in Chinese numerals whose zero is 零, ○ (a circle), O or 0. */
const YEAR_ZERO = /(?<![〇零○OＯ0一二三四五六七八九])(?=[一二])[〇零○OＯ0一二三四五六七八九]{4}(?=年)/g;

export const yearZero: NamedRule = patternRule(
  {
    id: 'number/year-zero',
    severity: 'warning',
    fixable: false,
    stage: 'check',
    source: GB15835('5.2（汉字数字的使用：“0”用作编号时写作“〇”）'),
    description: { zh: '汉字年份中的零写“〇”（二零二六年 → 二〇二六年）', en: 'the zero of a year in Chinese numerals is 〇 (二零二六年 → 二〇二六年)' },
  },
  YEAR_ZERO,
  (m, u) => {
    if (!/[零○OＯ]/.test(m[0]) || /\d/.test(m[0])) return undefined;
    const good = m[0].replace(/[零○OＯ]/g, '〇');
    return {
      at: m.index!,
      length: 4,
      message: {
        zh: `年份“${m[0]}年”中的零应写作“〇”：${excerpt(u.text, m.index!, 5)}`,
        en: `the zero in the year “${m[0]}年” is written “〇”: ${excerpt(u.text, m.index!, 5)}`,
      },
      hint: { zh: `改为“${good}年”`, en: `write “${good}年”` },
    };
  },
);
