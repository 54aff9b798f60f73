/**
 * Diagnostics: what every stage reports about the input, in one shape, so the CLI
 * can print them like a compiler (file:line:column, caret, hint) or as JSON.
 */

export { codePoints, LineTable } from './lines.js';
export { REPORTED_SEVERITY, reported, type ReportedRule } from './reported.js';
export { CONTROL_CLASS, isControl, isInvisible, isUnprinted, UNPRINTED, UNPRINTED_CLASS } from './unprinted.js';
import { UNPRINTED_CLASS } from './unprinted.js';

/** hint: what a standard says is 一般, 通常, 可以 or 宜 done (never fails a check, carries no fix). */
export type Severity = 'error' | 'warning' | 'hint';

/** A place in a source file. `file` is relative to the archive root; line and column are 1-based, column counts code points. */
export interface SourceLoc {
  file: string;
  line: number;
  column: number;
}

/**
 * A mechanical, safe repair: replace `length` code points at `loc` with `replacement`.
 * A line end counts as one code point (whether the file has LF or CRLF); `\n` in `replacement`
 * is written with the file's own line ends. A fix with `convert` instead rewrites the whole file
 * from that encoding to UTF-8 (loc is then 1:1 and length 0).
 */
export interface Fix {
  loc: SourceLoc;
  length: number;
  replacement: string;
  convert?: 'gb18030' | 'utf-16le' | 'utf-16be';
}

/** Message text in both UI languages; the CLI picks one. */
export interface Message {
  zh: string;
  en: string;
}

export interface Diagnostic {
  rule: string;
  severity: Severity;
  loc: SourceLoc;
  message: Message;
  hint?: Message;
  fix?: Fix[];
}

export function diagnostic(rule: string, severity: Severity, loc: SourceLoc, message: Message, extra: { hint?: Message; fix?: Fix[] } = {}): Diagnostic {
  return { rule, severity, loc, message, ...extra };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Plain code-unit order: the same on every machine, whatever LANG says (localeCompare is not). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Order diagnostics by file, then position, so output is stable. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) => compareCodeUnits(a.loc.file, b.loc.file) || a.loc.line - b.loc.line || a.loc.column - b.loc.column || compareCodeUnits(a.rule, b.rule),
  );
}

/**
 * Characters a terminal must never receive from a source file or a file name: the unprinted ones
 * (control characters: ESC starts escape sequences that clear the screen or retitle the window, BEL
 * rings; the bidirectional controls that reorder what is shown; the invisible default-ignorables),
 * and a carriage return and the Unicode line and paragraph separators, which move the cursor.
 */
const UNSAFE = new RegExp(`[${UNPRINTED_CLASS}\\r\\u2028\\u2029]`, 'gu');
/** … and tab and line feed too, for a source line shown in a window. */
const UNSAFE_WITH_LINES = new RegExp(`[${UNPRINTED_CLASS}\\t\\n\\r\\u2028\\u2029]`, 'gu');

/**
 * Text from an input made safe to print: every unsafe character becomes a visible escape such as
 * `\u{1b}`. Tabs and line ends are kept unless `lines` is false (a source line shown in a window).
 */
export function visible(s: string, lines = true): string {
  const re = lines ? UNSAFE : UNSAFE_WITH_LINES;
  re.lastIndex = 0;
  if (!re.test(s)) return s;
  return s.replace(re, (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`);
}

/** Drop repeats: the same rule, place and message reported twice (by the parser and a rule). */
export function dedupeDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.rule}|${d.loc.file}|${d.loc.line}|${d.loc.column}|${d.message.en}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
