/**
 * date/weekday: a weekday written with a date is the real weekday of that date —
 * 2017年9月28日（星期五） is wrong, 28 September 2017 was a Thursday. A date without its year is
 * read in the issue's year; when the weekday fits the year before or after instead (a January
 * issue looking back at December), nothing is said: a false alarm is worse than a miss.
 */
import type { NamedRule } from '../context.js';
import { excerpt } from '../text.js';
import { patternRule } from './pattern.js';

const DATE_WEEKDAY = /(1[0-2]|[1-9])月([12]\d|3[01]|[1-9])日[（(]?(星期|周|礼拜)([一二三四五六日天])/g;
const DAYS = '日一二三四五六';

function weekday(y: number, m: number, d: number): number | undefined {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined; // 2月30日
  return t.getUTCDay();
}

export const dateWeekday: NamedRule = patternRule(
  {
    id: 'date/weekday',
    severity: 'error',
    fixable: false,
    stage: 'check',
    source: { standard: 'house style' },
    description: { zh: '日期后写的星期几与日历不符', en: 'the weekday written with a date is not that date’s weekday' },
  },
  DATE_WEEKDAY,
  (m, u, ctx) => {
    const [all, mText, dText, word, dayText] = m;
    if (/\d/.test(u.text[m.index! - 1] ?? '')) return undefined; // 11月 read from 1月 by a later start
    const yText = /(\d{4})年$/.exec(u.text.slice(Math.max(0, m.index! - 5), m.index!))?.[1];
    const month = Number(mText);
    const day = Number(dText);
    const written = dayText === '天' ? 0 : DAYS.indexOf(dayText);
    const year = yText ? Number(yText) : ctx.issue.date.year;
    const real = weekday(year, month, day);
    if (real === undefined || real === written) return undefined;
    if (!yText && [year - 1, year + 1].some((y) => weekday(y, month, day) === written)) return undefined;
    const at = m.index! + all.length - 1;
    const from = yText ? m.index! - yText.length - 1 : m.index!;
    const right = `${word}${DAYS[real]}`;
    return {
      at,
      length: 1,
      message: {
        zh: `${year}年${month}月${day}日是${right}，这里写的是“${word}${dayText}”：${excerpt(u.text, from, at + 1 - from)}`,
        en: `${month}/${day}/${year} was a ${['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][real]}, not “${word}${dayText}”: ${excerpt(u.text, from, at + 1 - from)}`,
      },
      hint: { zh: `核对日期；若日期无误，星期应为“${right}”`, en: `check the date; if it is right, the weekday is “${right}”` },
    };
  },
);
