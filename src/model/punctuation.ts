/**
 * Which half-width marks stand in Chinese text. One decision, read by two stages: the check rule
 * punctuation/half-width warns about them (and `fix` rewrites the source), and layout sets the
 * full-width form in their place, so a source that was not fixed still prints right.
 */

const HAN = /[\p{Script=Han}〇]/u;

/** Ideographs, and the full-width punctuation and forms that belong to Chinese text. */
export function isChinese(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.codePointAt(0)!;
  return (
    (c >= 0x3000 && c <= 0x303f) || // CJK symbols and punctuation
    (c >= 0xff01 && c <= 0xff60) || // full-width forms
    (c >= 0xffe0 && c <= 0xffe6) ||
    c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || // “ ” ‘ ’
    c === 0x2026 || c === 0x2014 || c === 0x00b7 || // … — ·
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
