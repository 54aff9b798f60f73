/**
 * The text the rules read: every title, heading, paragraph and note of an issue as a plain
 * string, with each UTF-16 index mapped back to its offset in the source file. Markdown syntax
 * (`**`, `#`) is gone, so rules see what will be printed, yet every finding points at the exact
 * character in the file and every fix edits exactly that character.
 */
import type { Fix, SourceLoc } from '../diagnostics/index.js';
import { charAt, charBefore, codePoints, isHan, type Article, type Run, type SourceText } from '../model/index.js';
import { codePointLabel, UNPRINTED } from './chars.js';
import type { CheckContext } from './context.js';

export type UnitKind = 'title' | 'heading' | 'paragraph' | 'note';

/** A character the layout leaves out, where it stood. */
export interface Unprinted {
  ch: string;
  /** Index in the unit's text where it stood (before the character now at that index). */
  index: number;
  /** Its offset in the source, or −1 when unknown. */
  offset: number;
}

export interface TextUnit {
  kind: UnitKind;
  src: SourceText;
  text: string;
  /** Source offset of each UTF-16 index of `text`; −1 where unknown. */
  at: Int32Array;
  /** Where the unit starts, even when offsets are unknown. */
  loc: SourceLoc;
  /** UTF-16 length of the lead sentence (bold runs at the start of a paragraph). */
  lead: number;
  level?: 1 | 2 | 3;
  article?: Article;
  /** Index of the block in its article (paragraphs and headings). */
  block?: number;
  /** Invisible and control characters taken out of `text` (see withoutUnprinted). */
  unprinted: Unprinted[];
  /**
   * A line that is not article text and will be deleted as a whole (web debris, a hand-typed
   * attribution): the character-level rules leave it alone.
   */
  stray?: boolean;
}

const LABELLED = '来源|作者|责任编辑|编辑|审核|校对|发布时间|发布日期|发表时间|更新时间|浏览次数|点击数|阅读数|访问量|字号|文章来源|信息来源|稿源';
const DEBRIS = new RegExp(
  `^(?:(?:${LABELLED})\\s*[:：]|(?:【\\s*)?(?:上一篇|下一篇|返回列表|返回顶部|打印本页|关闭窗口|打印|关闭|分享到|扫一扫|收藏|大\\s*中\\s*小)(?:\\s*】)?(?:\\s*[:：]|\\s|$|【))`,
);

/** A line copied from a web page with the article: 来源：…, 作者：…, 上一篇, 返回列表 … */
export function isDebris(text: string): boolean {
  const t = text.trim();
  return t.length <= 120 && DEBRIS.test(t);
}

const ATTRIBUTION = /^[（(]?\s*(?:供稿单位|供稿|来稿单位|稿件来源)\s*[：:]\s*([^（）()]+?)\s*[）)]?$/;

/** The units named by a hand-typed attribution line (（供稿单位：…）), or undefined when the text is not one. */
export function attributionLine(text: string): string[] | undefined {
  const m = ATTRIBUTION.exec(text.trim());
  if (!m) return undefined;
  const units = m[1]
    .split(/[、，,；;／/]|\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return units.length ? units : undefined;
}

/** The units the character-level rules read: article text proper. */
export function proseUnits(ctx: CheckContext): TextUnit[] {
  let units = prose.get(ctx);
  if (!units) {
    units = textUnits(ctx).filter((u) => !u.stray);
    prose.set(ctx, units);
  }
  return units;
}

const prose = new WeakMap<CheckContext, TextUnit[]>();

const cache = new WeakMap<CheckContext, TextUnit[]>();

/** Every text unit of the checked issue, in reading order (computed once per context). */
export function textUnits(ctx: CheckContext): TextUnit[] {
  let units = cache.get(ctx);
  if (!units) {
    units = collect(ctx);
    cache.set(ctx, units);
  }
  return units;
}

function collect(ctx: CheckContext): TextUnit[] {
  const out: TextUnit[] = [];
  const { issue, sources } = ctx;
  const push = (u: TextUnit | undefined) => u && u.text && out.push(u);
  const srcOf = (file: string) => sources.get(file);
  for (const p of issue.editorNote) push(fromRuns('note', srcOf(p.loc.file), p.runs));
  for (const a of issue.articles) {
    const src = srcOf(a.file);
    if (!src) continue;
    if (a.title) push(fromRuns('title', src, [{ text: a.title, style: 'regular', loc: a.titleLoc }], a));
    for (const p of a.note) push(fromRuns('note', src, p.runs, a));
    const first = out.length;
    a.blocks.forEach((b, i) => {
      const u = fromRuns(b.kind === 'heading' ? 'heading' : 'paragraph', src, b.runs, a, i);
      if (u && b.kind === 'heading') u.level = b.level;
      if (u && b.kind === 'paragraph' && isDebris(u.text)) u.stray = true;
      push(u);
    });
    // The article's last real line, when it is a hand-typed attribution, is moved out by a fix.
    const last = out
      .slice(first)
      .reverse()
      .find((u) => !u.stray);
    if (last?.kind === 'paragraph' && attributionLine(last.text)) last.stray = true;
  }
  return out;
}

/** Where `text` starts in `src` at or near `hint`, or −1. */
function locate(src: SourceText, text: string, hint: number): number {
  if (src.text.startsWith(text, hint)) return hint;
  const lineEnd = src.text.indexOf('\n', hint);
  const found = src.text.indexOf(text, Math.max(0, src.lineStart(src.loc(hint).line)));
  if (found >= 0 && (lineEnd < 0 || found <= lineEnd)) return found;
  return -1;
}

function fromRuns(kind: UnitKind, src: SourceText | undefined, runs: Run[], article?: Article, block?: number): TextUnit | undefined {
  if (!src || !runs.length) return undefined;
  const full = runs.map((r) => r.text).join('');
  const at = new Int32Array(full.length).fill(-1);
  let i = 0;
  let lead = 0;
  let leading = true;
  for (const r of runs) {
    if (r.loc.file === src.file) {
      const start = locate(src, r.text, src.offset(r.loc.line, r.loc.column));
      if (start >= 0) for (let k = 0; k < r.text.length; k++) at[i + k] = start + k;
    }
    if (leading && r.style === 'lead') lead += r.text.length;
    else leading = false;
    i += r.text.length;
  }
  const u: TextUnit = { kind, src, text: full, at, loc: runs[0].loc, lead, article, block, unprinted: [] };
  return UNPRINTED.test(full) ? withoutUnprinted(u) : u;
}

/**
 * The unit as printed: invisible and control characters taken out of `text` (rules judge
 * “开会\u200b.明天” as 开会.明天) and kept in `unprinted` with their source offsets. A fix can
 * never span a removed character, since its offsets are no longer contiguous there.
 */
function withoutUnprinted(u: TextUnit): TextUnit {
  let text = '';
  const at: number[] = [];
  const unprinted: Unprinted[] = [];
  let lead = u.lead;
  for (let i = 0; i < u.text.length; ) {
    const ch = String.fromCodePoint(u.text.codePointAt(i)!);
    if (UNPRINTED.test(ch)) {
      unprinted.push({ ch, index: text.length, offset: u.at[i] });
      if (i < u.lead) lead -= ch.length;
    } else {
      text += ch;
      for (let k = 0; k < ch.length; k++) at.push(u.at[i + k]);
    }
    i += ch.length;
  }
  return { ...u, text, at: Int32Array.from(at), lead, unprinted };
}

/** Location of the character at UTF-16 index `i` of a unit (the unit's start when unknown). */
export function locAt(u: TextUnit, i: number): SourceLoc {
  const o = u.at[Math.max(0, Math.min(i, u.at.length - 1))];
  return o >= 0 ? u.src.loc(o) : u.loc;
}

/**
 * A fix replacing text[i, i+len) of a unit, or undefined when that stretch does not map onto one
 * contiguous stretch of the source (then only a hint is given, never a guess).
 */
export function fixAt(u: TextUnit, i: number, len: number, replacement: string): Fix[] | undefined {
  if (i < 0 || i + len > u.text.length || len <= 0) return undefined;
  const start = u.at[i];
  if (start < 0) return undefined;
  for (let k = 1; k < len; k++) if (u.at[i + k] !== start + k) return undefined;
  const original = u.src.text.slice(start, start + len);
  if (original !== u.text.slice(i, i + len)) return undefined;
  return [{ loc: u.src.loc(start), length: codePoints(original), replacement }];
}

/** A short excerpt around the place where a removed character `ch` stood, marked as [U+200B]. */
export function excerptMarked(text: string, index: number, ch: string, n = 6): string {
  const marker = `[${codePointLabel(ch).split(' ')[0]}]`;
  const before = [...text.slice(Math.max(0, index - 2 * n), index)].slice(-n).join('');
  const after = [...text.slice(index, index + 2 * n)].slice(0, n).join('');
  return `${before}${marker}${after}`;
}

/** The place of a removed character, and a fix deleting `length` UTF-16 units of source there (when they are `expected`). */
export function unprintedAt(u: TextUnit, offset: number, expected: string): { loc: SourceLoc; fix?: Fix[] } {
  if (offset < 0) return { loc: u.loc };
  const loc = u.src.loc(offset);
  if (u.src.text.slice(offset, offset + expected.length) !== expected) return { loc };
  return { loc, fix: [{ loc, length: codePoints(expected), replacement: '' }] };
}

/** A short excerpt around index i for messages: up to `n` code points each side. */
export function excerpt(text: string, i: number, len: number, n = 6): string {
  const before = [...text.slice(Math.max(0, i - 2 * n), i)].slice(-n).join('');
  const after = [...text.slice(i + len, i + len + 2 * n)].slice(0, n).join('');
  return before + text.slice(i, i + len) + after;
}

// Character classes: shared with layout (src/model/punctuation.ts).
export { isChinese, isHan, charAt, charBefore } from '../model/index.js';

export function isAsciiAlnum(ch: string | undefined): boolean {
  return !!ch && /^[A-Za-z0-9]$/.test(ch);
}

/** Closing quotes and brackets: a sentence may end just before them (…工作。” / …工作。）). */
const CLOSING = /^[”’）》〕】」』]$/;

/**
 * How a period-like mark at text[i] sits among Chinese: 'end' when a Han character or a closing
 * quote or bracket precedes it (…万元）.) and the paragraph ends (blanks aside) or a closing mark
 * follows — then it ends a sentence and 。 is its only reading; 'between' when Han characters
 * stand on both sides — a sentence end, or a name separator (马克思.韦伯 means 马克思·韦伯), so no
 * mechanical fix; undefined otherwise (3.14, 1. numbering, www.gov.cn, Latin text).
 */
export function periodContext(text: string, i: number, len = 1): 'end' | 'between' | undefined {
  const before = charBefore(text, i);
  // After a closing quote or bracket (…万元）.) only a sentence end is judged: 'between' is for names.
  const afterClosing = !!before && CLOSING.test(before);
  if (!isHan(before) && !afterClosing) return undefined;
  let k = i + len;
  while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
  if (k >= text.length) return 'end';
  const next = charAt(text, k);
  if (next && CLOSING.test(next)) return 'end';
  if (k === i + len && isHan(next) && !afterClosing) return 'between';
  return undefined;
}

/** The next non-blank index right of i (+1) or left of i (−1), or −1 at the edge. */
export function nonBlank(text: string, i: number, step: 1 | -1): number {
  let k = i;
  while (k >= 0 && k < text.length && (text[k] === ' ' || text[k] === '\t' || text[k] === '\u3000')) k += step;
  return k >= 0 && k < text.length ? k : -1;
}
