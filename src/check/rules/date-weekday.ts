/**
 * date/weekday: a weekday written with a date is the real weekday of that date —
 * 2017年9月28日（星期五） is wrong, 28 September 2017 was a Thursday. A date without its year is
 * read in the issue's year; when the weekday fits the year before or after instead (a January
 * issue looking back at December), nothing is said: a false alarm is worse than a miss.
 */
import type { NamedRule } from '../context.js';
import { excerpt } from '../text.js';
import { patternRule } from './pattern.js';

const DATE_WEEKDAY = /(?:(\d{4})年)?(1[0-2]|[1-9])月([12]\d|3[01]|[1-9])日[（(]?(星期|周|礼拜)([一二三四五六日天])/g;
const DAYS = '日一二三四五六';

function weekday(y: number, m: number, d: number): number | undefined {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined; // 2月30日
  return t.getUTCDay();
}

export const dateWeekday: NamedRule = patternRule(
  { id: 'date/weekday', severity: 'error', fixable: false, stage: 'check', source: { standard: 'house style' }, description: { zh: '日期后写的星期几与日历不符', en: 'the weekday written with a date is not that date’s weekday' } },
  DATE_WEEKDAY,
  (m, u, ctx) => {
    const [all, yText, mText, dText, word, dayText] = m;
    const month = Number(mText);
    const day = Number(dText);
    const written = dayText === '天' ? 0 : DAYS.indexOf(dayText);
    const year = yText ? Number(yText) : ctx.issue.date.year;
    const real = weekday(year, month, day);
    if (real === undefined || real === written) return undefined;
    if (!yText && [year - 1, year + 1].some((y) => weekday(y, month, day) === written)) return undefined;
    const at = m.index! + all.length - 1;
    const right = `${word}${DAYS[real]}`;
    return {
      at,
      length: 1,
      message: {
        zh: `${yText ? '' : `${year}年`}${month}月${day}日是${right}，这里写的是“${word}${dayText}”：${excerpt(u.text, m.index!, all.length)}`,
        en: `${month}/${day}/${year} was a ${['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][real]}, not “${word}${dayText}”: ${excerpt(u.text, m.index!, all.length)}`,
      },
      hint: { zh: `核对日期；若日期无误，星期应为“${right}”`, en: `check the date; if it is right, the weekday is “${right}”` },
    };
  },
);
