/**
 * How marks are used in a sentence (GB/T 15834-2011):
 * - punctuation/double-colon (hint): two colons in one sentence (§4.7.3: 一个句子内部一般不套用冒号);
 *   a list of 时间：…；地点：… is separate clauses and is not reported;
 * - punctuation/approximate-number (hint): 三、五天 — neighbouring numerals giving an approximate
 *   number take no 顿号 (§4.5.3.4: 通常不用顿号);
 * - punctuation/ordinal-mark: the mark after an ordinal at the start of a paragraph or heading:
 *   1、 → 1.  （一）、 → （一）  第一、 → 第一， (附录B.3 序次语之后的标点; GB/T 9704-2012 §7.3.3);
 * - punctuation/event-date: an event named by its month and day is written “5·12”, not 5.12 or 5-12 (§4.14.3).
 */
import type { CheckContext, NamedRule } from '../context.js';
import { excerpt, proseUnits, type TextUnit } from '../text.js';
import { patternRule } from './pattern.js';

/** A sentence: up to 。？！ or the end of the unit. */
const SENTENCE = /[^。？！]+/g;

export const doubleColon: NamedRule = patternRule(
  {
    id: 'punctuation/double-colon',
    severity: 'hint',
    fixable: false,
    stage: 'check',
    source: { standard: 'GB/T 15834-2011', clause: '4.7.3（一个句子内部一般不套用冒号）' },
    description: { zh: '一句之内套用了两个冒号', en: 'two colons within one sentence' },
  },
  SENTENCE,
  (m, u) => {
    const s = m[0];
    const first = s.indexOf('：');
    if (first < 0) return undefined;
    const second = s.indexOf('：', first + 1);
    if (second < 0) return undefined;
    const between = s.slice(first, second);
    // 时间：…；地点：… are clauses in a list; a colon inside quotes or brackets is quoted matter.
    if (/[；;“”‘’（）()《》]/.test(between) || /[“（(《]/.test(s.slice(0, first))) return undefined;
    const at = m.index! + second;
    return {
      at,
      length: 1,
      message: { zh: `一句之内用了两个冒号：${excerpt(u.text, at, 1)}`, en: `a second colon in one sentence: ${excerpt(u.text, at, 1)}` },
      hint: { zh: '一个句子内部一般不套用冒号，可改用逗号或拆成两句', en: 'a sentence should not nest colons: use a comma, or make two sentences' },
    };
  }, // Only paragraphs with two colons are read sentence by sentence.
  (ctx) => proseUnits(ctx).filter((u) => u.text.indexOf('：') !== u.text.lastIndexOf('：')),
);

const NUMERALS = '一二三四五六七八九';
/** Two neighbouring Chinese numerals joined by 、, then a word that counts (天, 年, 个, 人 …). */
const APPROX =
  /(?<![第一二三四五六七八九十、\d])([一二三四五六七八])、([二三四五六七八九])(?=[十百千万]?(?:天|年|个|人|名|次|位|岁|周|倍|遍|小时|分钟|公里|里|米|斤|家|户|所|项|条|本|篇|句|句话)(?![级度份]))/gu;

export const approximateNumber: NamedRule = patternRule(
  {
    id: 'punctuation/approximate-number',
    severity: 'hint',
    fixable: false,
    stage: 'check',
    source: { standard: 'GB/T 15834-2011', clause: '4.5.3.4（概数通常不用顿号）' },
    description: { zh: '相邻数字连用表示概数时不用顿号（三、五天 → 三五天）', en: 'an approximate number takes no 顿号 (三、五天 → 三五天)' },
  },
  APPROX,
  (m, u) => {
    // Neighbouring or near numerals (三、四 · 三、五): 一、三 and the like are two exact items.
    const gap = NUMERALS.indexOf(m[2]) - NUMERALS.indexOf(m[1]);
    if (gap !== 1 && !(gap === 2 && m[1] === '三')) return undefined;
    const at = m.index! + 1;
    return {
      at,
      length: 1,
      message: {
        zh: `概数“${m[1]}、${m[2]}”中间不用顿号：${excerpt(u.text, at, 1)}`,
        en: `the approximate number “${m[1]}、${m[2]}” takes no 顿号: ${excerpt(u.text, at, 1)}`,
      },
      hint: {
        zh: `如表示概数，写作“${m[1]}${m[2]}”；如是两个确数并列，可保留`,
        en: `for an approximate number write “${m[1]}${m[2]}”; two exact items may keep it`,
      },
    };
  },
);

/** An ordinal opening a paragraph or heading, followed by the wrong mark. */
const ORDINAL =
  /^(?:(\d{1,2})、|([（(][一二三四五六七八九十]{1,3}[）)]|[（(]\d{1,2}[）)])[、，．.]|(第[一二三四五六七八九十]{1,3}|其[一二三四五六七八九十])、)/g;

function opening(u: TextUnit): boolean {
  return u.kind === 'paragraph' || u.kind === 'heading';
}

export const ordinalMark: NamedRule = patternRule(
  {
    id: 'punctuation/ordinal-mark',
    severity: 'warning',
    fixable: true,
    stage: 'check',
    source: { standard: 'GB/T 15834-2011', clause: '附录B.3（序次语之后的标点）' },
    description: { zh: '序次语后的标点：1. （一） 第一，', en: 'the mark after an ordinal: 1.  （一）  第一，' },
  },
  ORDINAL,
  (m, u) => {
    if (!opening(u)) return undefined;
    const [all, arabic, bracketed, di] = m;
    const at = all.length - 1;
    const to = arabic ? '.' : bracketed ? '' : '，';
    const good = arabic ? `${arabic}.` : bracketed ? bracketed : `${di}，`;
    // 1、2月 or 第三、四季度 opening a paragraph are two items listed, not an ordinal.
    if (/^[\d一二三四五六七八九十]/.test(u.text.slice(all.length))) return undefined;
    // （一）……… or 1、、: a run of marks is not an ordinal's mark (text/ellipsis and the doubled-mark
    // rule take the run); deleting one mark a round would never converge.
    if (/^[、，．.…。]/.test(u.text.slice(all.length))) return undefined;
    return {
      at,
      length: 1,
      replacement: to,
      message: { zh: `序次语“${all}”后的标点不对，应为“${good}”`, en: `the ordinal “${all}” takes the wrong mark; write “${good}”` },
      hint: {
        zh: arabic
          ? '阿拉伯数字序次语后用下脚点“.”，不用顿号（可运行 bulletin fix 自动修正）'
          : bracketed
            ? '带括号的序次语后不再加标点（可运行 bulletin fix 自动修正）'
            : '“第一”“其一”之类序次语后用逗号（可运行 bulletin fix 自动修正）',
        en: arabic
          ? 'an Arabic ordinal takes a full point “.”, not 、 (bulletin fix does it)'
          : bracketed
            ? 'a bracketed ordinal takes no mark after it (bulletin fix does it)'
            : '第一, 其一 … take a ， (bulletin fix does it)',
      },
    };
  },
  (ctx) => proseOpenings(ctx),
);

function proseOpenings(ctx: CheckContext): TextUnit[] {
  return proseUnits(ctx).filter(opening);
}

/** 5.12 or 5-12 right before the name of an event (地震, 事件, 特大暴雨 …), a place name of up to four characters between. */
const EVENT =
  /(1[0-2]|[1-9])[.．\-－](3[01]|[12]\d|[1-9])(”?)(?=[^\P{Script=Han}起个万亿千百十次倍元人名件项条期年月日天号点分秒]{0,4}(?:大地震|地震|事件|事故|暴雨|洪灾|洪水|火灾|惨案|汛情|灾害))/gu;

export const eventDate: NamedRule = patternRule(
  {
    id: 'punctuation/event-date',
    severity: 'warning',
    fixable: false,
    stage: 'check',
    source: { standard: 'GB/T 15834-2011', clause: '4.14.3（间隔号标示事件的月日）' },
    description: { zh: '以月日称事件用间隔号加引号：“5·12”', en: 'an event named by its date is written “5·12”' },
  },
  EVENT,
  (m, u) => {
    const at = m.index!;
    if (/[\d.．\-－/:]/.test(u.text[at - 1] ?? '')) return undefined; // 15.12, 2026-5-12: not a month and day
    // “5.12”地震 inside quotes: only the dot is wrong; bare 5.12地震 also needs the quotes.
    const quoted = u.text[at - 1] === '“';
    const good = quoted ? `${m[1]}·${m[2]}` : `“${m[1]}·${m[2]}”`;
    return {
      at,
      length: m[1].length + 1 + m[2].length,
      message: {
        zh: `以月日称事件，应写作${good}：${excerpt(u.text, at, m[0].length)}`,
        en: `an event named by its date is written ${good}: ${excerpt(u.text, at, m[0].length)}`,
      },
      hint: { zh: `改为${good}（月、日之间用间隔号，并加引号）`, en: `write ${good} (a middle dot between month and day, in quotes)` },
    };
  },
);
