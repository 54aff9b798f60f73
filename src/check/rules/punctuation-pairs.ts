/**
 * punctuation/pairs: quotation marks and brackets come in pairs and nest properly:
 * “ ” ‘ ’ 《 》 〈 〉 （ ） 〔 〕 【 】. Double quotes inside double quotes should be single
 * quotes, and a title inside 《》 uses 〈〉 (GB/T 15834 §4.8.3, §4.9, §4.15.3).
 */
import { diagnostic, type Diagnostic, type Message } from '../../diagnostics/index.js';
import type { NamedRule } from '../context.js';
import { excerpt, isAsciiAlnum, locAt, proseUnits, type TextUnit } from '../text.js';

const CLOSE_OF: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '〈': '〉', '（': '）', '〔': '〕', '【': '】' };
const OPEN_OF: Record<string, string> = Object.fromEntries(Object.entries(CLOSE_OF).map(([o, c]) => [c, o]));
const INNER: Record<string, string> = { '“': '‘', '《': '〈' };
const MARKS = /[“”‘’《》〈〉（）〔〕【】]/g;
const NAME: Record<string, Message> = {
  '“': { zh: '左双引号', en: 'opening double quote' },
  '”': { zh: '右双引号', en: 'closing double quote' },
  '‘': { zh: '左单引号', en: 'opening single quote' },
  '’': { zh: '右单引号', en: 'closing single quote' },
  '《': { zh: '左书名号', en: 'opening title mark' },
  '》': { zh: '右书名号', en: 'closing title mark' },
  '〈': { zh: '左单书名号', en: 'opening inner title mark' },
  '〉': { zh: '右单书名号', en: 'closing inner title mark' },
  '（': { zh: '左括号', en: 'opening bracket' },
  '）': { zh: '右括号', en: 'closing bracket' },
  '〔': { zh: '左六角括号', en: 'opening tortoise-shell bracket' },
  '〕': { zh: '右六角括号', en: 'closing tortoise-shell bracket' },
  '【': { zh: '左方头括号', en: 'opening lenticular bracket' },
  '】': { zh: '右方头括号', en: 'closing lenticular bracket' },
};
const zh = (ch: string) => `${NAME[ch].zh} ${ch} `;
const en = (ch: string) => `${NAME[ch].en} ${ch} `;

export const pairedPunctuation: NamedRule = {
  meta: [
    {
      id: 'punctuation/pairs',
      severity: 'warning',
      fixable: false,
      stage: 'check',
      source: { standard: 'GB/T 15834-2011', clause: '4.8, 4.9, 4.15' },
      description: { zh: '引号、括号、书名号成对并正确嵌套', en: 'quotes, brackets and title marks come in pairs and nest properly' },
    },
  ],
  create(ctx) {
    const units = proseUnits(ctx);
    const out: Diagnostic[] = [];
    units.forEach((u, k) => out.push(...check(u, units[k + 1])));
    return out;
  },
};

/** At most this many findings per paragraph: beyond that the paragraph needs reading, not a longer list. */
const MAX_PER_UNIT = 20;

function check(u: TextUnit, next: TextUnit | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  const t = u.text;
  const marks: number[] = [];
  for (const m of t.matchAll(MARKS)) marks.push(m.index!);
  if (!marks.length) return out;
  const total: Record<string, number> = {};
  for (const i of marks) total[t[i]] = (total[t[i]] ?? 0) + 1;
  const stack: number[] = [];
  const open: Record<string, number> = {};
  const push = (i: number) => {
    stack.push(i);
    open[t[i]] = (open[t[i]] ?? 0) + 1;
  };
  /** Pop down to (and including) the nearest open `ch`. */
  const unwind = (ch: string) => {
    while (stack.length) {
      const j = stack.pop()!;
      open[t[j]]--;
      if (t[j] === ch) return;
    }
  };
  const warn = (i: number, message: Message, hint: Message) =>
    out.length < MAX_PER_UNIT &&
    out.push(
      diagnostic(
        'punctuation/pairs',
        'warning',
        locAt(u, i),
        { zh: `${message.zh}：${excerpt(t, i, 1, 8)}`, en: `${message.en}: ${excerpt(t, i, 1, 8)}` },
        { hint },
      ),
    );
  for (const i of marks) {
    const ch = t[i];
    if (ch in CLOSE_OF) {
      const close = CLOSE_OF[ch];
      if (INNER[ch] && open[ch] > 0) {
        if ((total[ch] ?? 0) > (total[close] ?? 0)) {
          // “实干“精神: more openers than closers — most likely a closing mark typed the wrong way round.
          warn(
            i,
            {
              zh: `这里的${zh(ch)}应为${zh(close).trimEnd()}吗？前面的${zh(ch)}还没有结束`,
              en: `should this ${en(ch)}be a ${en(close).trimEnd()}? The ${en(ch)}before it is still open`,
            },
            {
              zh: `把它改为 ${close}`,
              en: `change it to ${close}`,
            },
          );
          unwind(ch);
          continue;
        }
        const inner = INNER[ch];
        const kind =
          ch === '“'
            ? { zh: '双引号', en: 'double quotes', inner: { zh: '单引号', en: 'single quotes' } }
            : { zh: '书名号', en: 'title marks', inner: { zh: '单书名号', en: 'single title marks' } };
        warn(
          i,
          { zh: `${kind.zh} ${ch}${close} 里面又套用了${kind.zh}`, en: `${kind.en} ${ch}${close} used inside ${kind.en}` },
          {
            zh: `里层应改用${kind.inner.zh} ${inner}${CLOSE_OF[inner]}`,
            en: `use ${kind.inner.en} ${inner}${CLOSE_OF[inner]} for the inner pair`,
          },
        );
      }
      push(i);
    } else if (ch in OPEN_OF) {
      // An apostrophe in Latin text (it’s) is not a closing quote.
      if (ch === '’' && isAsciiAlnum(t[i - 1]) && isAsciiAlnum(t[i + 1])) continue;
      const opener = OPEN_OF[ch];
      if (stack.length && t[stack[stack.length - 1]] === opener) {
        unwind(opener);
        continue;
      }
      if (open[opener] > 0) {
        const crossed = t[stack[stack.length - 1]];
        warn(
          i,
          { zh: `${zh(ch)}与前面的${zh(crossed)}交叉了`, en: `the ${en(ch)}crosses the ${en(crossed)}before it` },
          {
            zh: `先用 ${CLOSE_OF[crossed]} 结束 ${crossed}，再用 ${ch}`,
            en: `close ${crossed} with ${CLOSE_OF[crossed]} before ${ch}`,
          },
        );
        unwind(opener);
        continue;
      }
      warn(
        i,
        { zh: `多了一个${zh(ch)}，前面没有与它配对的${zh(opener).trimEnd()}`, en: `the ${en(ch)}has no matching ${en(opener).trimEnd()} before it` },
        {
          zh: `补上 ${opener}，或删去 ${ch}`,
          en: `add the ${opener} or delete the ${ch}`,
        },
      );
    }
  }
  for (const j of stack) {
    // A quotation running over several paragraphs opens each one with “ and closes only the last (GB/T 15834 §4.8.3.5).
    if (j === 0 && t[j] === '“' && u.kind === 'paragraph' && next?.kind === 'paragraph' && next.text.startsWith('“')) continue;
    const ch = t[j];
    warn(
      j,
      { zh: `${zh(ch)}没有与它配对的${zh(CLOSE_OF[ch]).trimEnd()}`, en: `the ${en(ch)}is never closed by a ${en(CLOSE_OF[ch]).trimEnd()}` },
      {
        zh: `在引文或括注结束处补上 ${CLOSE_OF[ch]}，或删去多余的 ${ch}`,
        en: `add the ${CLOSE_OF[ch]} where the quotation or note ends, or delete the stray ${ch}`,
      },
    );
  }
  return out;
}
