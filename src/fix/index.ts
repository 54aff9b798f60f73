/**
 * `bulletin fix`: apply the mechanical, safe fixes that checks attach to their diagnostics.
 * Edits are made on the file's exact text (BOM, CRLF, comments, YAML layout all survive);
 * each file is rewritten atomically; a diagnostic's edits are applied all together or not at all.
 * Fixing repeats until nothing is left to fix, so running it again changes nothing.
 */
import path from 'node:path';
import { decodeRaw, listIssueDirs, MAX_TEXT_BYTES, readGuarded, sweepStaleTemps, writeFileAtomic, type IssueDir } from '../archive/index.js';
import { compareCodeUnits, LineTable, type Diagnostic, type Fix } from '../diagnostics/index.js';
import { checkArchive } from '../check/run.js';

export type ChangeKind = 'edit' | 'delete-line' | 'insert-line' | 'convert';

/** One change made to a file, for printing `file:line: before → after`. */
export interface Change {
  file: string;
  line: number;
  kind: ChangeKind;
  /** An excerpt of the line before the change (for `convert`: the old encoding's name). */
  before: string;
  after: string;
  rule: string;
}

export interface FixResult {
  changes: Change[];
  /** Archive-relative files rewritten. */
  files: string[];
}

const ENCODING_NAMES: Record<string, string> = { gb18030: 'GB18030/GBK', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE' };

/** Most rounds of check-then-fix: a later round fixes what an earlier one uncovered (a converted file's text). */
const MAX_ROUNDS = 8;

/** Fix the selected issues until no fixable diagnostic remains. */
export function fixIssues(root: string, targets: IssueDir[], dirs: IssueDir[] = listIssueDirs(root)): FixResult {
  const changes: Change[] = [];
  const files = new Set<string>();
  // What a fix killed mid-write left behind goes first.
  for (const where of targets) sweepStaleTemps(where.dir);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const { diagnostics } = checkArchive(root, targets, { dirs });
    const r = applyFixes(root, diagnostics);
    if (!r.changes.length) break;
    changes.push(...r.changes);
    r.files.forEach((f) => files.add(f));
  }
  return { changes, files: [...files] };
}

/** Apply the fixes carried by `diagnostics` (those without a fix are ignored). */
export function applyFixes(root: string, diagnostics: readonly Diagnostic[]): FixResult {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (!d.fix?.length) continue;
    const file = d.fix[0].loc.file;
    if (d.fix.some((f) => f.loc.file !== file)) continue; // edits of one diagnostic stay in one file
    (byFile.get(file) ?? byFile.set(file, []).get(file)!).push(d);
  }
  const changes: Change[] = [];
  const files: string[] = [];
  for (const [file, ds] of [...byFile].sort(([a], [b]) => compareCodeUnits(a, b))) {
    const made = fixFile(root, file, ds);
    if (made.length) {
      changes.push(...made);
      files.push(file);
    }
  }
  return { changes, files };
}

interface Edit {
  start: number;
  end: number;
  replacement: string;
}

function fixFile(root: string, file: string, ds: Diagnostic[]): Change[] {
  // The same guarded read as everywhere: a link out of the archive or a FIFO is never opened.
  const read = readGuarded(path.join(root, file), MAX_TEXT_BYTES, root);
  if (!read.ok) return [];
  const { real, bytes } = read;
  const raw = decodeRaw(bytes);
  if (raw.encoding === 'binary') return [];

  const convert = ds.flatMap((d) => d.fix!).find((f) => f.convert);
  if (raw.encoding !== 'utf-8') {
    // Convert first; the text's own fixes come in the next round, on the UTF-8 file.
    if (!convert || convert.convert !== raw.encoding) return [];
    writeFileAtomic(real, Buffer.from(raw.text, 'utf8'));
    const rule = ds.find((d) => d.fix!.includes(convert))!.rule;
    return [{ file, line: 1, kind: 'convert', before: ENCODING_NAMES[raw.encoding] ?? raw.encoding, after: 'UTF-8', rule }];
  }

  const text = raw.text;
  const lines = new LineTable(text);
  const eol = text.includes('\r\n') ? '\r\n' : text.includes('\r') && !text.includes('\n') ? '\r' : '\n';
  const accepted: { edits: Edit[]; d: Diagnostic }[] = [];
  const taken: Edit[] = [];
  for (const d of ds) {
    if (d.fix!.some((f) => f.convert)) continue;
    const edits = d.fix!.map((f) => toEdit(text, lines, f, eol));
    if (edits.some((e) => !e)) continue;
    const es = edits as Edit[];
    if (es.some((e) => taken.some((t) => overlaps(e, t)))) continue; // the next round takes it
    taken.push(...es);
    accepted.push({ edits: es, d });
  }
  if (!accepted.length) return [];

  const changes: Change[] = [];
  for (const { edits, d } of accepted) for (const e of edits) changes.push(describe(file, text, lines, e, d.rule));
  const all = accepted.flatMap((a) => a.edits).sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of all) out = out.slice(0, e.start) + e.replacement + out.slice(e.end);
  if (out === text) return [];
  writeFileAtomic(real, Buffer.concat([raw.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(out, 'utf8')]));
  return changes.sort((a, b) => a.line - b.line);
}

function overlaps(a: Edit, b: Edit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return b.start < a.start && a.start < b.end;
  if (b.start === b.end) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** Offset after `n` code points from `o`, a line end (CRLF or LF) counting as one. Undefined past the end. */
function advance(text: string, o: number, n: number): number | undefined {
  let i = o;
  for (let k = 0; k < n; k++) {
    if (i >= text.length) return undefined;
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) i += 2;
    else i++;
  }
  return i;
}

function toEdit(text: string, lines: LineTable, f: Fix, eol: string): Edit | undefined {
  const lineStart = lines.start(f.loc.line);
  if (lineStart === undefined || f.loc.column < 1 || f.length < 0) return undefined;
  const lineEnd = lines.next(f.loc.line);
  const s = advance(text, lineStart, f.loc.column - 1);
  if (s === undefined || s > lineEnd) return undefined;
  const end = advance(text, s, f.length);
  if (end === undefined) return undefined;
  return { start: s, end, replacement: f.replacement.replace(/\n/g, eol) };
}

/** Up to `n` code points of context on each side of an edit, within its line. */
function describe(file: string, text: string, lines: LineTable, e: Edit, rule: string): Change {
  const line = lines.lineAt(e.start);
  const lineStart = lines.start(line)!;
  const nextStart = lines.next(line);
  const lineEnd = nextStart - (text[nextStart - 1] === '\n' ? (text[nextStart - 2] === '\r' ? 2 : 1) : text[nextStart - 1] === '\r' ? 1 : 0);
  const removed = text.slice(e.start, e.end);
  if (e.start === lineStart && e.replacement === '' && /\r?\n$|\r$/.test(removed) && e.end === nextStart)
    return { file, line, kind: 'delete-line', before: removed.replace(/\r?\n$|\r$/, ''), after: '', rule };
  if (e.start === e.end && e.start === lineStart && /\n$|\r$/.test(e.replacement))
    return { file, line, kind: 'insert-line', before: '', after: e.replacement.replace(/\r?\n$|\r$/, ''), rule };
  if (e.start > lineEnd || e.end > lineEnd) {
    // An edit crossing a line end (a line removed at the end of a file): show it plainly.
    return { file, line, kind: 'delete-line', before: removed.replace(/^\r?\n|^\r/, '').replace(/\r?\n|\r/g, ' '), after: '', rule };
  }
  const left = [...text.slice(lineStart, e.start)].slice(-10).join('').trimStart();
  const right = [...text.slice(e.end, lineEnd)].slice(0, 10).join('').trimEnd();
  return { file, line, kind: 'edit', before: left + removed + right, after: left + e.replacement + right, rule };
}
