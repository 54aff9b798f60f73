import type { SourceLoc } from '../diagnostics/index.js';

/** A file's text with a fast offset → line:column map (columns in code points, 1-based). */
export class SourceText {
  private readonly lineStarts: number[] = [0];

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  /** Location of a UTF-16 offset. */
  loc(offset: number): SourceLoc {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    const start = this.lineStarts[lo];
    let column = 1;
    for (let i = start; i < o; i++) {
      const c = this.text.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff) column++; // count each code point once
    }
    return { file: this.file, line: lo + 1, column };
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
