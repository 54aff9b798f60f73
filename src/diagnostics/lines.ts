/**
 * Number of code points in a string: what a column or a fix's length counts. A surrogate pair is
 * one, a lone surrogate one too (as `[...text].length` counts, without making the array).
 */
export function codePoints(text: string): number {
  let n = text.length;
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) {
      const h = text.charCodeAt(i - 1);
      if (h >= 0xd800 && h <= 0xdbff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/**
 * Where each line of a text starts, shared by the model (offset ↔ line:column), `fix` (edits on
 * a file's exact text) and the CLI (the source line a diagnostic shows). A line ends at LF, CRLF
 * or a lone CR, as the checks count lines; the model's texts have LF only.
 */
export class LineTable {
  /** UTF-16 offset where each line starts; line n (1-based) starts at starts[n - 1]. */
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    if (!text.includes('\r')) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10) this.starts.push(i + 1);
    }
  }

  /** Number of lines (a text ending in a line end has an empty last line). */
  get count(): number {
    return this.starts.length;
  }

  /** The 1-based line holding a UTF-16 offset (offsets past the end fall on the last line). */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** UTF-16 offset where a 1-based line starts; undefined for a line the text does not have. */
  start(line: number): number | undefined {
    return line >= 1 ? this.starts[line - 1] : undefined;
  }

  /** UTF-16 offset where the line after a 1-based line starts, or the text's length for the last line. */
  next(line: number): number {
    return line < this.starts.length ? this.starts[line] : this.text.length;
  }

  /** UTF-16 offset where a 1-based line's text ends, before its line end. */
  end(line: number): number {
    const next = this.next(line);
    if (line >= this.starts.length) return next;
    return next - (this.text.charCodeAt(next - 2) === 13 && this.text.charCodeAt(next - 1) === 10 ? 2 : 1);
  }

  /** The text of a 1-based line without its line end; undefined for a line the text does not have. */
  line(line: number): string | undefined {
    const s = this.start(line);
    return s === undefined ? undefined : this.text.slice(s, this.end(line));
  }
}
