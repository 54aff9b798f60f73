/**
 * Character classes for Chinese line breaking (W3C clreq §3.1.7, GB/T 15834 §5.1).
 */

/**
 * Never at a line start: closing marks, pause/stop marks, middle dots, their half-width forms,
 * and unit symbols that belong to the number before them (120㎡, 36℃, 5‰).
 */
export const NO_START = new Set([...'、，。．：；？！’”）〕］｝】〗》〉」』％‰℃℉㎡㎥㎞㎏㎎㎝㎜㏊·・‐〜～,.;:?!)]}%']);
/** Never at a line end: opening quotes and brackets. */
export const NO_END = new Set([...'‘“（〔［｛【〖《〈「『([{']);

/** Full-width closing marks whose glyph sits in the left half of its cell: the right half may be compressed. */
export const CLOSE_COMPRESSIBLE = new Set([...'、，。：；’”）〕］｝】〗》〉」』']);
/** Full-width opening marks whose glyph sits in the right half of its cell: the left half may be compressed. */
export const OPEN_COMPRESSIBLE = new Set([...'‘“（〔［｛【〖《〈「『']);

/** Characters that form unbroken Latin/digit words (URLs, 3+X+6+10, 0731-28888888, 98.2%). */
/** ASCII characters that may stand inside a Latin word: all printable ones but brackets, quotes and , ; ! ? */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0x21; c <= 0x7e; c++) ASCII_WORD[c] = '()[]{}<>",;!?'.includes(String.fromCharCode(c)) ? 0 : 1;

export function isLatinWordChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return ASCII_WORD[c] === 1;
  return (c >= 0xc0 && c <= 0x24f) || (c >= 0x370 && c <= 0x3ff);
}

/** Characters that end a Latin word when they follow it but may live inside one (1,000 · 10:30 · e.g.). */
export function isLatinInner(ch: string): boolean {
  return ch === ',' || ch === ';' || ch === '!' || ch === '?';
}

/** A blank: a line may break after it, and one at a line end is dropped (U+3000 between names too). */
export function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u00a0' || ch === '\u3000';
}

/** Counts as a character for the 孤字 rule (not punctuation). */
export function isLetterLike(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  // Fast paths for the common cases: CJK ideographs, ASCII letters and digits, CJK punctuation.
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x20000 && c <= 0x3ffff)) return true;
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if ((c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xff0f) || (c >= 0x2000 && c <= 0x206f)) return false;
  return /[\p{L}\p{N}]/u.test(ch);
}

/**
 * A break between a number and the word after it: 2025|年, 52.3|岁, 5126|人, 20-40|万元. clreq
 * allows it, but a typesetter keeps a number with its unit where that costs nothing.
 */
export function isNumberUnitBreak(before: string, after: string): boolean {
  const a = before.charCodeAt(before.length - 1);
  if (!(a >= 48 && a <= 57)) return false;
  const b = after.codePointAt(0)!;
  return (b >= 0x4e00 && b <= 0x9fff) || (b >= 0x3400 && b <= 0x4dbf) || b === 0x3007;
}
