/**
 * text/space: no blanks between Chinese characters (a space typed to "align" text, or left over
 * from a web page). Blanks next to Latin letters and digits are not judged: official text puts
 * none there either (2017年9月28日), but that is a matter for the author, not a mechanical fix.
 */
import type { NamedRule } from '../context.js';
import { patternRule } from './pattern.js';
import { charAt, charBefore, excerpt, isChinese } from '../text.js';

const BLANKS = /[ \t\u00a0\u3000]+/g;

export const spaceBetweenChinese: NamedRule = patternRule({ id: 'text/space', severity: 'warning', fixable: true, stage: 'check', source: { standard: 'house style' }, description: { zh: '汉字之间不留空格', en: "no blanks between Chinese characters" } }, BLANKS, (m, u) => {
  const i = m.index!;
  const end = i + m[0].length;
  if (!isChinese(charBefore(u.text, i)) || !isChinese(charAt(u.text, end))) return undefined;
  const what = m[0].includes('\u3000') ? { zh: '全角空格', en: 'ideographic space' } : { zh: '空格', en: 'space' };
  return {
    at: i,
    length: m[0].length,
    replacement: '',
    message: { zh: `两个汉字（或中文标点）之间有${what.zh}：${excerpt(u.text, i, m[0].length)}`, en: `a ${what.en} between Chinese characters: ${excerpt(u.text, i, m[0].length)}` },
    hint: { zh: '删去这个空格（可运行 bulletin fix 自动修正）', en: 'delete the space (bulletin fix does it)' },
  };
});
