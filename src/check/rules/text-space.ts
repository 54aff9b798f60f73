/**
 * text/space: no blanks between Chinese characters (a space typed to "align" text, or left over
 * from a web page). Blanks between Latin letters or digits and ideographs are not judged: official
 * text puts none there either (2017年9月28日), but that is a matter for the author, not a mechanical
 * fix. A blank beside a full-width mark is judged whatever stands on its other side (98.5% 。,
 * gov.cn ，): the mark's own half-em of space is already there, so the blank only prints as a gap.
 *
 * A blank that separates personal names is meaning, not a slip: （执笔：李堃　王喆　张䶮） with
 * the blanks deleted runs three names into one. Such blanks are never reported (see
 * separatesNames).
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/index.js';
import type { NamedRule } from '../context.js';
import { charAt, charBefore, excerpt, fixAt, isChinese, isHan, locAt, proseUnits } from '../text.js';

const BLANKS = /[ \t\u00a0\u3000]+/g;
/** Full-width marks that carry their own blank half (stops, pauses, brackets, title marks). */
const FULL_WIDTH_MARK = /^[。，、；：？！（）《》〈〉「」『』【】〔〕〖〗［］｛｝]$/u;

export const spaceBetweenChinese: NamedRule = {
  meta: [
    {
      id: 'text/space',
      severity: 'warning',
      fixable: true,
      stage: 'check',
      source: { standard: 'house style' },
      description: {
        zh: '汉字之间、全角标点旁不留空格（分隔人名的空格除外）',
        en: 'no blanks between Chinese characters or beside a full-width mark (blanks separating names excepted)',
      },
    },
  ],
  create(ctx) {
    const out: Diagnostic[] = [];
    for (const u of proseUnits(ctx)) {
      for (const m of u.text.matchAll(BLANKS)) {
        const i = m.index!;
        const end = i + m[0].length;
        const before = charBefore(u.text, i);
        const after = charAt(u.text, end);
        if (!before || !after) continue;
        const besideMark = FULL_WIDTH_MARK.test(before) || FULL_WIDTH_MARK.test(after);
        if (!besideMark && (!isChinese(before) || !isChinese(after))) continue;
        if (separatesNames(u.text, i, end)) continue;
        // Blanks around a lone dash go with it (punctuation/single-dash: 这是 — 测试 → 这是——测试).
        if (loneDash(u.text, i - 1) || loneDash(u.text, end)) continue;
        // A blank right after a half-width mark is handled with that mark.
        const fix = fixAt(u, i, m[0].length, '');
        const what = m[0].includes('\u3000') ? { zh: '全角空格', en: 'an ideographic space' } : { zh: '空格', en: 'a space' };
        const where =
          besideMark && (!isChinese(before) || !isChinese(after))
            ? { zh: '全角标点旁有', en: 'next to a full-width mark' }
            : { zh: '两个汉字（或中文标点）之间有', en: 'between Chinese characters' };
        out.push(
          diagnostic(
            'text/space',
            'warning',
            locAt(u, i),
            {
              zh: `${where.zh}${what.zh}：${excerpt(u.text, i, m[0].length)}`,
              en: `${what.en} ${where.en}: ${excerpt(u.text, i, m[0].length)}`,
            },
            { hint: { zh: '删去这个空格（可运行 bulletin fix 自动修正）', en: 'delete the space (bulletin fix does it)' }, ...(fix ? { fix } : {}) },
          ),
        );
      }
    }
    return out;
  },
};

function loneDash(text: string, k: number): boolean {
  return text[k] === '—' && text[k - 1] !== '—' && text[k + 1] !== '—';
}

/** Labels after which names follow: a byline, a photo credit, a list of people. */
const NAME_LABEL =
  /(?:执笔|作者|撰稿|撰文|摄影|摄像|图片|文\/图|文字|图文|记者|通讯员|编辑|责任编辑|责编|审核|审稿|校对|整理|主编|编审|签发|核稿|联系人|供稿人|报送人|参加人员|参会人员|出席人员|成员|组长|副组长)\s*[：:]/;

/** The hundred commonest surnames and the compound ones, for telling 李堃 王喆 from 研究部署 工作. */
const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
]);
const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '令狐',
  '慕容',
  '夏侯',
  '尉迟',
  '公孙',
  '长孙',
  '宇文',
  '司徒',
  '南宫',
  '端木',
  '独孤',
  '西门',
];

const CLAUSE = 120;
const CLAUSE_END = new Set([...'。；！？（(【[']);

/** The run of Han characters (at most 6: names are shorter) ending at `at` (step −1) or starting there (+1). */
function hanRun(text: string, at: number, step: 1 | -1): string {
  let s = '';
  let k = at;
  for (let n = 0; n < 6; n++) {
    const ch = step === 1 ? charAt(text, k) : charBefore(text, k);
    if (!ch || !isHan(ch)) break;
    s = step === 1 ? s + ch : ch + s;
    k += step * ch.length;
  }
  return s;
}

function looksLikeName(token: string): boolean {
  const n = [...token].length;
  if (n < 2 || n > 4) return false;
  if (COMPOUND_SURNAMES.some((c) => token.startsWith(c))) return n >= 3;
  return n <= 3 && SURNAMES.has([...token][0]);
}

/**
 * True when the blank text[i, end) separates names, so deleting it would run them together:
 * - after a byline label (执笔：, 摄影：, 参会人员：…) in the same clause or bracket;
 * - between two words that each look like a personal name (a common surname, two to three
 *   characters in all, or four with a compound surname; whole words between blanks or marks).
 * Blanks in ordinary text (市委 组织部, 研究部署　工作) are still reported and fixed.
 */
export function separatesNames(text: string, i: number, end: number): boolean {
  // The clause the blank belongs to: back to the last stop, opening bracket or paragraph start
  // (a byline is short: at most CLAUSE characters are looked at).
  let clauseStart = i;
  while (clauseStart > 0 && i - clauseStart < CLAUSE && !CLAUSE_END.has(text[clauseStart - 1])) clauseStart--;
  if (NAME_LABEL.test(text.slice(clauseStart, i))) return true;
  const left = [...hanRun(text, i, -1)];
  const right = [...hanRun(text, end, 1)];
  // Whole words that look like names on both sides, or one whole name and a name ending (or
  // starting) the run on the other side: 参会的有李堃　王喆, 李堃　王喆参加.
  const wholeLeft = looksLikeName(left.join(''));
  const wholeRight = looksLikeName(right.join(''));
  const endsInName = wholeLeft || [2, 3].some((n) => left.length > n && looksLikeName(left.slice(-n).join('')));
  const startsWithName = wholeRight || [2, 3].some((n) => right.length > n && looksLikeName(right.slice(0, n).join('')));
  return (wholeLeft && startsWithName) || (wholeRight && endsInName);
}
