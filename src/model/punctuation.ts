/**
 * Which half-width marks stand in Chinese text. One decision, read by two stages: the check rule
 * punctuation/half-width warns about them (and `fix` rewrites the source), and layout sets the
 * full-width form in their place, so a source that was not fixed still prints right.
 */

/**
 * The CJK code-point ranges, [first, last] inclusive: one table for the model, the check rules and
 * layout (which reads them through the functions below on its hot path).
 */
export const CJK_RANGES = {
  /** CJK Unified Ideographs: 一 … 鿿. */
  unified: [0x4e00, 0x9fff],
  /** CJK Unified Ideographs Extension A: 㐀 … 䶿. */
  extensionA: [0x3400, 0x4dbf],
  /** Planes 2 and 3: Extension B onward (𠀀 … 𰻝 …). */
  supplementary: [0x20000, 0x3ffff],
  /** CJK Symbols and Punctuation: 、。〈〉《》「」【】〇 and the ideographic space. */
  symbols: [0x3000, 0x303f],
  /** The Halfwidth and Fullwidth Forms block. */
  fullwidthBlock: [0xff00, 0xffef],
  /** Full-width forms of ASCII ！ … ～ and the white parentheses ｟｠. */
  fullwidthAscii: [0xff01, 0xff60],
  /** Full-width signs ￠￡￢￣￤￥￦. */
  fullwidthSigns: [0xffe0, 0xffe6],
  /** Full-width ！＂＃＄％＆＇（）＊＋，－．／ (and U+FF00). */
  fullwidthPunctuation: [0xff00, 0xff0f],
} as const satisfies Record<string, readonly [number, number]>;

const { unified, extensionA, supplementary, symbols, fullwidthBlock, fullwidthAscii, fullwidthSigns } = CJK_RANGES;

/** A code point in a range of the table. */
export function inRange(c: number, [first, last]: readonly [number, number]): boolean {
  return c >= first && c <= last;
}

/** A code point of the BMP ideograph blocks (Unified and Extension A). */
export function isBmpIdeograph(c: number): boolean {
  return (c >= unified[0] && c <= unified[1]) || (c >= extensionA[0] && c <= extensionA[1]);
}

/** A code point of any ideograph block, planes 2 and 3 included (unassigned ones too: cheap, and harmless). */
export function isIdeographCode(c: number): boolean {
  return isBmpIdeograph(c) || (c >= supplementary[0] && c <= supplementary[1]);
}

/** A regex character class body for ranges of the table: `\u{3000}-\u{303f}…`. */
function rangeClass(...ranges: (readonly [number, number])[]): string {
  return ranges.map(([a, b]) => `\\u{${a.toString(16)}}-\\u{${b.toString(16)}}`).join('');
}

/** Han ideographs, CJK symbols and punctuation, full-width forms and the Chinese quotes, ellipsis and dash. */
export const CJK_TEXT = new RegExp(`[\\p{Script=Han}${rangeClass(symbols, fullwidthBlock)}“”‘’…—]`, 'u');

const HAN = /[\p{Script=Han}〇]/u;

/** Ideographs, and the full-width punctuation and forms that belong to Chinese text. */
export function isChinese(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.codePointAt(0)!;
  return (
    inRange(c, symbols) || // CJK symbols and punctuation
    inRange(c, fullwidthAscii) || // full-width forms
    inRange(c, fullwidthSigns) ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0x2018 ||
    c === 0x2019 || // “ ” ‘ ’
    c === 0x2026 ||
    c === 0x2014 ||
    c === 0x00b7 || // … — ·
    HAN.test(ch)
  );
}

export function isHan(ch: string | undefined): boolean {
  return !!ch && HAN.test(ch);
}

/** The code point at UTF-16 index i, or the one ending just before it (for looking left). */
export function charAt(text: string, i: number): string | undefined {
  if (i < 0 || i >= text.length) return undefined;
  return String.fromCodePoint(text.codePointAt(i)!);
}

export function charBefore(text: string, i: number): string | undefined {
  if (i <= 0) return undefined;
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) return text.slice(i - 2, i);
  return text[i - 1];
}

/** The full-width form of each half-width mark that Chinese text must not carry (GB/T 15834). */
export const FULL_WIDTH: Readonly<Record<string, string>> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '?': '？', '!': '！' };
const DIGIT = /^[0-9]$/;
const ANY = /[,:;()?!]/;

/** Index of the nearest non-blank character left (−1) or right (+1) of i, or −1 at the edge. */
function neighbour(text: string, i: number, step: -1 | 1): number {
  let k = i + step;
  while (k >= 0 && k < text.length && (text[k] === ' ' || text[k] === '\t')) k += step;
  return k >= 0 && k < text.length ? k : -1;
}

function chineseAround(text: string, i: number): boolean {
  const l = neighbour(text, i, -1);
  const r = neighbour(text, i, 1);
  return (l >= 0 && isChinese(charBefore(text, l + 1))) || (r >= 0 && isChinese(charAt(text, r)));
}

/** UTF-16 indices of the half-width marks of `text` that stand in Chinese context. */
export function halfWidthMarks(text: string): number[] {
  if (!ANY.test(text)) return [];
  const marks: number[] = [];
  const open: number[] = [];
  const pairs = new Map<number, number>();
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') open.push(i);
    else if (text[i] === ')' && open.length) pairs.set(open.pop()!, i);
  }
  const parenChinese = new Map<number, boolean>();
  for (const [o, c] of pairs) {
    const zh = chineseAround(text, o) || chineseAround(text, c);
    parenChinese.set(o, zh);
    parenChinese.set(c, zh);
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (!(ch in FULL_WIDTH)) continue;
    if (ch === '(' || ch === ')') {
      if (parenChinese.get(i) ?? chineseAround(text, i)) marks.push(i);
      continue;
    }
    // 1,000 and 10:30 keep their marks; so do http:// and Latin text.
    if ((ch === ',' || ch === ':') && DIGIT.test(text[i - 1] ?? '') && DIGIT.test(text[i + 1] ?? '')) continue;
    if (ch === ':' && text.startsWith('//', i + 1)) continue;
    if (chineseAround(text, i)) marks.push(i);
  }
  return marks;
}

/** A half-width mark in Chinese text and the blanks typed around it that go with it: text[start, end) becomes `full`. */
export interface HalfWidthMark {
  index: number;
  start: number;
  end: number;
  full: string;
}

/**
 * Each half-width mark in Chinese context with the stretch it replaces: blanks typed around the
 * mark (“你好, 世界”) go with it, since a full-width mark carries its own space; blanks that
 * separate a bracket from Latin text outside it, and blanks at the edges, stay.
 */
export function halfWidthSpans(text: string): HalfWidthMark[] {
  return halfWidthMarks(text).map((i) => {
    const ch = text[i];
    let s = i;
    let e = i + 1;
    while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
    while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
    if (e === text.length || (ch === ')' && !isChinese(charAt(text, e)))) e = i + 1;
    if (s === 0 || (ch === '(' && !isChinese(charBefore(text, s)))) s = i;
    return { index: i, start: s, end: e, full: FULL_WIDTH[ch] };
  });
}
