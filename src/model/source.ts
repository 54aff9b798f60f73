import type { SourceLoc } from '../diagnostics/index.js';

/** A file's text with a fast offset ↔ line:column map (columns in code points, 1-based). */
export class SourceText {
  private readonly lineStarts: number[] = [0];
  /** Per line: true when it holds a surrogate pair, so columns differ from UTF-16 offsets. Filled lazily. */
  private astral?: Uint8Array;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  private lineIndex(o: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private hasAstral(index: number): boolean {
    if (!this.astral) this.astral = new Uint8Array(this.lineStarts.length);
    let v = this.astral[index];
    if (v === 0) {
      const s = this.lineStarts[index];
      const e = this.lineStarts[index + 1] ?? this.text.length;
      v = /[\ud800-\udfff]/.test(this.text.slice(s, e)) ? 2 : 1;
      this.astral[index] = v;
    }
    return v === 2;
  }

  /** For a line with astral characters: the UTF-16 offset (from the line start) of each code point. */
  private columns = new Map<number, Int32Array>();
  private columnTable(index: number): Int32Array {
    let t = this.columns.get(index);
    if (!t) {
      const s = this.lineStarts[index];
      const e = index + 1 < this.lineStarts.length ? this.lineStarts[index + 1] - 1 : this.text.length;
      const offs: number[] = [];
      for (let o = s; o < e; ) {
        offs.push(o - s);
        const c = this.text.charCodeAt(o);
        o += c >= 0xd800 && c <= 0xdbff && o + 1 < e ? 2 : 1;
      }
      offs.push(e - s);
      t = Int32Array.from(offs);
      this.columns.set(index, t);
    }
    return t;
  }

  /** Location of a UTF-16 offset. */
  loc(offset: number): SourceLoc {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const lo = this.lineIndex(o);
    const start = this.lineStarts[lo];
    if (!this.hasAstral(lo)) return { file: this.file, line: lo + 1, column: o - start + 1 };
    // The number of code points that start before `o` (an offset inside a pair counts its pair).
    const t = this.columnTable(lo);
    let a = 0;
    let b = t.length;
    while (a < b) {
      const m = (a + b) >> 1;
      if (t[m] < o - start) a = m + 1;
      else b = m;
    }
    return { file: this.file, line: lo + 1, column: a + 1 };
  }

  /** UTF-16 offset of a 1-based line and code-point column (clamped to the line). */
  offset(line: number, column: number): number {
    const index = Math.max(0, Math.min(line - 1, this.lineStarts.length - 1));
    const start = this.lineStarts[index];
    const end = index + 1 < this.lineStarts.length ? this.lineStarts[index + 1] - 1 : this.text.length;
    if (!this.hasAstral(index)) return Math.min(start + Math.max(0, column - 1), end);
    const t = this.columnTable(index);
    return start + t[Math.max(0, Math.min(column - 1, t.length - 1))];
  }

  /** UTF-16 offset where a 1-based line starts. */
  lineStart(n: number): number {
    return this.lineStarts[Math.max(0, Math.min(n - 1, this.lineStarts.length - 1))];
  }

  /** The text of a 1-based line, without its newline. */
  line(n: number): string {
    const s = this.lineStarts[n - 1];
    if (s === undefined) return '';
    const e = this.lineStarts[n] ?? this.text.length + 1;
    return this.text.slice(s, e - 1);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}

/** Advance a location by the code points of `text` (which must lie on one source line). */
export function advance(loc: SourceLoc, text: string): SourceLoc {
  let n = 0;
  for (const _ of text) n++;
  return { ...loc, column: loc.column + n };
}

/** Number of code points in a string. */
export function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}
