/**
 * punctuation/nested-brackets: brackets of one form nested in each other — （…（…）…）,
 * 〔…〔…〕…〕 — where GB/T 15834-2011 §4.9.3 says brackets are best not nested at all and, where
 * they must be, are of different forms (commonly 〔…（…）…〕). Its wording is 尽量/宜, so a hint.
 *
 * Kept narrow, because a false alarm in a real bulletin is worse than a miss:
 * - only the nearest enclosing bracket counts: （…《…（…）…》…） and （…“…（…）…”…） nest a title or a
 *   quotation, whose own brackets are quoted matter, not the writer's;
 * - an inner ordinal （一） （3） is a fixed form (a 序次语, §4.9.3) the writer cannot choose, so
 *   （详见第（三）项） is left alone; so is a unit or name listed in bulletin.yaml (units:, names:)
 *   that has brackets of its own, e.g. 市委编办（市编委办）;
 * - brackets that do not pair up in a paragraph are left to punctuation/pairs, which reports them.
 * Sequential brackets （一）……（二）…… and different forms nested 〔…（…）…〕 are what the standard asks.
 */
import { diagnostic, type Diagnostic, type Message } from '../../diagnostics/index.js';
import type { NamedRule, RuleMeta } from '../context.js';
import { excerpt, isAsciiAlnum, locAt, proseUnits, type TextUnit } from '../text.js';

/** The bracket forms compared, and the other paired marks that only end the search for an enclosing bracket. */
const BRACKETS: Record<string, string> = { '（': '）', '〔': '〕', '【': '】', '［': '］' };
const CLOSE_OF: Record<string, string> = { ...BRACKETS, '“': '”', '‘': '’', '《': '》', '〈': '〉' };
const OPEN_OF: Record<string, string> = Object.fromEntries(Object.entries(CLOSE_OF).map(([o, c]) => [c, o]));
const MARKS = /[（）〔〕【】［］“”‘’《》〈〉]/g;
/** An ordinal in brackets: （一） （十二） （3）. */
const ORDINAL = /^(?:[一二三四五六七八九十]{1,3}|\d{1,2})$/;
const MAX_PER_UNIT = 20;

/** What to write instead, by the inner bracket: the usual pairing keeps （） inside and 〔〕 outside. */
const INSTEAD: Record<string, { name: Message; hint: Message }> = {
  '（': {
    name: { zh: '圆括号', en: 'round brackets' },
    hint: { zh: '外层改用六角括号：〔…（…）…〕', en: 'make the outer pair 〔〕: 〔…（…）…〕' },
  },
  '〔': {
    name: { zh: '六角括号', en: 'tortoise-shell brackets' },
    hint: { zh: '外层改用圆括号：（…〔…〕…）', en: 'make the outer pair （）: （…〔…〕…）' },
  },
  '【': {
    name: { zh: '方头括号', en: 'lenticular brackets' },
    hint: { zh: '里层改用圆括号：【…（…）…】', en: 'make the inner pair （）: 【…（…）…】' },
  },
  '［': {
    name: { zh: '方括号', en: 'square brackets' },
    hint: { zh: '里层改用圆括号：［…（…）…］', en: 'make the inner pair （）: ［…（…）…］' },
  },
};

const META: RuleMeta = {
  id: 'punctuation/nested-brackets',
  severity: 'hint',
  fixable: false,
  stage: 'check',
  source: { standard: 'GB/T 15834-2011', clause: '4.9.3（括号尽量不套用，必须套用时宜用不同形式）' },
  description: {
    zh: '同一形式的括号套用（（…（…）…）），宜改用不同形式（〔…（…）…〕）',
    en: 'brackets of one form nested in each other (（…（…）…）); different forms read better (〔…（…）…〕)',
  },
};

export const nestedBrackets: NamedRule = {
  meta: [META],
  create(ctx) {
    // Listed names with brackets of their own (市委编办（市编委办）): their brackets are fixed.
    const fixed = [...(ctx.series.names ?? []).map((n) => n.value), ...ctx.series.units].filter((s) => /[（〔【［]/.test(s));
    const out: Diagnostic[] = [];
    for (const u of proseUnits(ctx)) if (mayNest(u.text)) out.push(...check(u, fixed));
    return out;
  },
};

/** Whether some bracket form opens twice in the text: most paragraphs fail this and are not scanned. */
function mayNest(t: string): boolean {
  for (const open in BRACKETS) {
    const i = t.indexOf(open);
    if (i >= 0 && t.indexOf(open, i + 1) > 0) return true;
  }
  return false;
}

function check(u: TextUnit, fixed: string[]): Diagnostic[] {
  const t = u.text;
  const stack: number[] = [];
  /** Inner openings whose nearest enclosing bracket is of the same form, with that bracket. */
  const found: { inner: number; outer: number }[] = [];
  const closed = new Set<number>();
  for (const m of t.matchAll(MARKS)) {
    const i = m.index!;
    const ch = t[i];
    if (ch in CLOSE_OF) {
      stack.push(i);
      continue;
    }
    // An apostrophe in Latin text (it’s) is not a closing quote.
    if (ch === '’' && isAsciiAlnum(t[i - 1]) && isAsciiAlnum(t[i + 1])) continue;
    // Marks that do not pair up: punctuation/pairs reports them, and nothing here can be trusted.
    if (!stack.length || t[stack[stack.length - 1]] !== OPEN_OF[ch]) return [];
    const open = stack.pop()!;
    closed.add(open);
    const outer = stack[stack.length - 1];
    if (t[open] in BRACKETS && outer !== undefined && t[outer] === t[open] && !fixedForm(t, open, i, fixed)) found.push({ inner: open, outer });
  }
  const out: Diagnostic[] = [];
  for (const { inner, outer } of found) {
    if (!closed.has(outer) || out.length >= MAX_PER_UNIT) continue;
    const form = INSTEAD[t[inner]];
    out.push(
      diagnostic(
        META.id,
        META.severity,
        locAt(u, inner),
        {
          zh: `${form.name.zh}里又套用了${form.name.zh}：${excerpt(t, inner, 1, 8)}`,
          en: `${form.name.en} nested inside ${form.name.en}: ${excerpt(t, inner, 1, 8)}`,
        },
        {
          hint: {
            zh: `括号尽量不套用；必须套用时宜用不同形式的括号，${form.hint.zh}（GB/T 15834—2011 第4.9.3条）`,
            en: `avoid nesting brackets; where they must nest, use different forms — ${form.hint.en} (GB/T 15834-2011 §4.9.3)`,
          },
        },
      ),
    );
  }
  return out;
}

/** Whether the inner pair t[open..close] is a fixed form: an ordinal （一）, or part of a listed name with brackets. */
function fixedForm(t: string, open: number, close: number, fixed: string[]): boolean {
  if (ORDINAL.test(t.slice(open + 1, close))) return true;
  for (const f of fixed) {
    for (let k = f.indexOf(t[open]); k >= 0; k = f.indexOf(t[open], k + 1)) if (t.startsWith(f, open - k)) return true;
  }
  return false;
}
