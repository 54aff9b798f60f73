import { codePoints, LineTable, type SourceLoc } from '../diagnostics/index.js';

/** A file's text with a fast offset ↔ line:column map (columns in code points, 1-based). */
export class SourceText {
  private readonly lines: LineTable;
  /** Per line: true when it holds a surrogate pair, so columns differ from UTF-16 offsets. Filled lazily. */
  private astral?: Uint8Array;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    this.lines = new LineTable(text);
  }

  private hasAstral(line: number): boolean {
    if (!this.astral) this.astral = new Uint8Array(this.lines.count);
    let v = this.astral[line - 1];
    if (v === 0) {
      v = /[\ud800-\udfff]/.test(this.text.slice(this.lines.start(line), this.lines.next(line))) ? 2 : 1;
      this.astral[line - 1] = v;
    }
    return v === 2;
  }

  /** For a line with astral characters: the UTF-16 offset (from the line start) of each code point. */
  private columns = new Map<number, Int32Array>();
  private columnTable(line: number): Int32Array {
    let t = this.columns.get(line);
    if (!t) {
      const s = this.lines.start(line)!;
      const e = this.lines.end(line);
      const offs: number[] = [];
      for (let o = s; o < e; ) {
        offs.push(o - s);
        const c = this.text.charCodeAt(o);
        o += c >= 0xd800 && c <= 0xdbff && o + 1 < e ? 2 : 1;
      }
      offs.push(e - s);
      t = Int32Array.from(offs);
      this.columns.set(line, t);
    }
    return t;
  }

  /** Location of a UTF-16 offset. */
  loc(offset: number): SourceLoc {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lines.lineAt(o);
    const start = this.lines.start(line)!;
    if (!this.hasAstral(line)) return { file: this.file, line, column: o - start + 1 };
    // The number of code points that start before `o` (an offset inside a pair counts its pair).
    const t = this.columnTable(line);
    let a = 0;
    let b = t.length;
    while (a < b) {
      const m = (a + b) >> 1;
      if (t[m] < o - start) a = m + 1;
      else b = m;
    }
    return { file: this.file, line, column: a + 1 };
  }

  /** UTF-16 offset of a 1-based line and code-point column (clamped to the line). */
  offset(line: number, column: number): number {
    const n = this.clampLine(line);
    const start = this.lines.start(n)!;
    if (!this.hasAstral(n)) return Math.min(start + Math.max(0, column - 1), this.lines.end(n));
    const t = this.columnTable(n);
    return start + t[Math.max(0, Math.min(column - 1, t.length - 1))];
  }

  /** UTF-16 offset where a 1-based line starts. */
  lineStart(n: number): number {
    return this.lines.start(this.clampLine(n))!;
  }

  /** The text of a 1-based line, without its newline. */
  line(n: number): string {
    return this.lines.line(n) ?? '';
  }

  get lineCount(): number {
    return this.lines.count;
  }

  private clampLine(n: number): number {
    return Math.max(1, Math.min(n, this.lines.count));
  }
}

/** Advance a location by the code points of `text` (which must lie on one source line). */
export function advance(loc: SourceLoc, text: string): SourceLoc {
  // Named fields, not a spread: called for every character the layout sets.
  return { file: loc.file, line: loc.line, column: loc.column + codePoints(text) };
}
