/** Print diagnostics like a compiler: severity[rule]: message, file:line:col, the line, a caret, the hint, the fix. */
import path from 'node:path';
import type { ChalkInstance } from 'chalk';
import { readText } from '../archive/index.js';
import stringWidth from 'string-width';
import { LineTable, UNPRINTED_CLASS, visible, type Diagnostic } from '../diagnostics/index.js';
import type { Change } from '../fix/index.js';
import { pick, say, t, type Lang } from '../i18n/index.js';

/** Sentences of the check and fix commands, in both languages. */
export const REPORT_MESSAGES = {
  fix: { zh: '修正', en: 'fix' },
  fixDelete: { zh: '删除“{text}”', en: 'delete “{text}”' },
  fixInsert: { zh: '插入“{text}”', en: 'insert “{text}”' },
  fixReplace: { zh: '“{from}”改为“{to}”', en: '“{from}” → “{to}”' },
  fixConvert: { zh: '把文件转换为 UTF-8 编码', en: 'convert the file to UTF-8' },
  lineDeleted: { zh: '（删除此行）', en: '(line deleted)' },
  lineInserted: { zh: '（新增一行）', en: '(new line)' },
  more: {
    zh: '…… {file} 中另有 {n} 条 [{rule}] 未列出（用 --format json 可列出全部）',
    en: '… {n} more [{rule}] in {file} not shown (--format json lists them all)',
  },
  fixable: { zh: '其中 {n} 处可运行 bulletin fix 自动修正', en: '{n} of them can be fixed with bulletin fix' },
  fixed: { zh: '已自动修正 {n} 处，改写了 {files} 个文件', en: 'fixed {n} problem(s), rewrote {files} file(s)' },
  nothingToFix: { zh: '没有可自动修正的问题，未改动任何文件', en: 'nothing to fix automatically; no file changed' },
  buildWarnings: {
    zh: '{n} 个警告（{rules}），运行 bulletin check {issue} 查看详情',
    en: '{n} warning(s) ({rules}); run bulletin check {issue} to see them',
  },
  layoutSkipped: {
    zh: '（--all 默认不做排版试运行；加 --layout 可一并检查缺字、行溢出和页数）',
    en: '(--all skips the trial layout; add --layout to check glyphs, overfull lines and page counts too)',
  },
} as const;

export { say };

/** Reads source lines for display, each file once. */
export type LineSource = (file: string, line: number) => string | undefined;

export function lineSource(root: string): LineSource {
  const files = new Map<string, LineTable | null>();
  return (file, line) => {
    let lines = files.get(file);
    if (lines === undefined) {
      const text = readDisplayText(root, file);
      lines = text === undefined ? null : new LineTable(text);
      files.set(file, lines);
    }
    return lines?.line(line);
  };
}

function readDisplayText(root: string, file: string): string | undefined {
  // Through the guarded reader: a file linked from outside the archive is never echoed.
  const read = readText(root, path.join(root, file));
  return read.ok ? read.text : read.reason === 'encoding' ? read.decoded : undefined;
}

/**
 * East Asian "ambiguous" marks (“ ” — … ·) take two columns only in the legacy Windows console
 * of a Chinese system (code page 936 with a CJK font); Windows Terminal (WT_SESSION), Linux and
 * macOS terminals advance the cursor by one.
 */
const AMBIGUOUS_WIDE = (() => {
  if (process.platform !== 'win32' || process.env.WT_SESSION) return false;
  try {
    return /^zh/i.test(Intl.DateTimeFormat().resolvedOptions().locale);
  } catch {
    return false;
  }
})();

/** Terminal columns of a string (string-width: CJK characters and full-width marks take two). */
export function displayWidth(s: string): number {
  return stringWidth(s, { ambiguousIsNarrow: !AMBIGUOUS_WIDE });
}

/** `s` padded with spaces to `w` terminal columns, for aligning table columns. */
export function padDisplay(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - displayWidth(s)));
}

/** What a diagnostic's fix does, in words, using the source line for the text it replaces. */
export function describeFix(d: Diagnostic, lang: Lang, line: string | undefined): string | undefined {
  if (!d.fix?.length) return undefined;
  const parts: string[] = [];
  for (const f of d.fix) {
    if (f.convert) {
      parts.push(say(lang, REPORT_MESSAGES.fixConvert));
      continue;
    }
    const src = f.loc.line === d.loc.line ? line : undefined;
    const from = src !== undefined ? [...src].slice(f.loc.column - 1, f.loc.column - 1 + f.length).join('') : undefined;
    const shown = (s: string) => visible(s.replace(/\n/g, '⏎'), false);
    if (f.length === 0) parts.push(say(lang, REPORT_MESSAGES.fixInsert, { text: shown(f.replacement) }));
    else if (from === undefined) parts.push(say(lang, REPORT_MESSAGES.fixReplace, { from: '…', to: shown(f.replacement) }));
    else if (f.replacement === '') parts.push(say(lang, REPORT_MESSAGES.fixDelete, { text: shown(from) || '⏎' }));
    else parts.push(say(lang, REPORT_MESSAGES.fixReplace, { from: shown(from), to: shown(f.replacement) }));
  }
  return parts.join(lang === 'zh' ? '；' : '; ');
}

/** How much of a source line a diagnostic shows on each side of the column. */
export interface WindowOptions {
  /** Most characters shown either side of the marked stretch (default 40). */
  chars?: number;
  /** Terminal width, when known: the window is narrowed so the line never wraps (carets stay aligned). */
  columns?: number;
}

const ELLIPSIS = '…';

/**
 * A window of a source line around the marked stretch [column, column+length): at most `chars`
 * characters either side, cut ends shown as …, every unsafe character shown as a visible escape.
 * Returns the text and where the carets go, both in terminal columns.
 */
export function sourceWindow(
  line: string,
  column: number,
  length: number,
  gutter: number,
  opts: WindowOptions = {},
): { text: string; caret: number; width: number } {
  const cps = [...line.replace(/\t/g, ' ')];
  const side = opts.chars ?? 40;
  const start = Math.min(Math.max(0, column - 1), cps.length);
  // A long marked stretch (a whole line a fix deletes) is itself cut to one window's width.
  const end = Math.min(cps.length, start + Math.max(0, length), start + 2 * side);
  // Only the characters that can appear are made visible (a line may be 50,000 characters long).
  const lo = Math.max(0, start - side);
  const hi = Math.min(cps.length, end + side);
  const shown = cps.slice(lo, hi).map((ch) => visible(ch, false));
  const marked = shown.slice(start - lo, end - lo).join('');
  const markWidth = Math.max(1, displayWidth(marked));
  // Columns available on each side on a terminal: the gutter, the mark and two … come off first.
  const budget =
    opts.columns && opts.columns > 0 ? Math.max(8, Math.floor((opts.columns - gutter - markWidth - 2 * displayWidth(ELLIPSIS) - 1) / 2)) : Infinity;
  let from = start - lo;
  for (let width = 0; from > 0; from--) {
    width += displayWidth(shown[from - 1]);
    if (width > budget) break;
  }
  let to = end - lo;
  for (let width = 0; to < shown.length; to++) {
    width += displayWidth(shown[to]);
    if (width > budget) break;
  }
  const left = (lo + from > 0 ? ELLIPSIS : '') + shown.slice(from, start - lo).join('');
  const text = left + marked + shown.slice(end - lo, to).join('') + (lo + to < cps.length ? ELLIPSIS : '');
  return { text, caret: displayWidth(left), width: markWidth };
}

export function formatDiagnostic(
  d: Diagnostic,
  root: string,
  lang: Lang,
  c: ChalkInstance,
  lines: LineSource = lineSource(root),
  window: WindowOptions = {},
): string {
  const paint = d.severity === 'error' ? c.red : d.severity === 'warning' ? c.yellow : c.blue;
  const sev = paint.bold(t(lang, d.severity === 'hint' ? 'suggestion' : d.severity));
  const out = [
    `${sev}${c.dim(`[${d.rule}]`)}: ${c.bold(visible(pick(lang, d.message)))}`,
    `  ${c.cyan('-->')} ${visible(d.loc.file, false)}:${d.loc.line}:${d.loc.column}`,
  ];
  const line = d.loc.file ? lines(d.loc.file, d.loc.line) : undefined;
  if (line !== undefined) {
    const num = String(d.loc.line);
    const pad = ' '.repeat(num.length);
    // Underline the stretch a fix replaces when it lies on this line; else one caret.
    const f = d.fix?.length === 1 && !d.fix[0].convert && d.fix[0].loc.line === d.loc.line && d.fix[0].loc.column === d.loc.column ? d.fix[0] : undefined;
    const w = sourceWindow(line, d.loc.column, f && f.length > 0 ? f.length : 0, num.length + 3, window);
    const marks = '^'.repeat(w.width);
    out.push(`${pad} ${c.cyan('|')}`);
    out.push(`${c.cyan(num)} ${c.cyan('|')} ${w.text}`);
    out.push(`${pad} ${c.cyan('|')} ${' '.repeat(w.caret)}${paint(marks)}`);
  }
  if (d.hint) out.push(`  ${c.green(`= ${t(lang, 'hint')}:`)} ${visible(pick(lang, d.hint)).replace(/\n/g, '\n      ')}`);
  const fix = describeFix(d, lang, line);
  if (fix) out.push(`  ${c.green(`= ${say(lang, REPORT_MESSAGES.fix)}:`)} ${fix}`);
  return out.join('\n');
}

/**
 * Diagnostics as text, at most `perRule` of one rule in one file (a pasted web page can carry
 * hundreds of the same slip; the rest are counted, and JSON lists them all).
 */
export function formatDiagnostics(ds: readonly Diagnostic[], root: string, lang: Lang, c: ChalkInstance, perRule = 30, window: WindowOptions = {}): string {
  const lines = lineSource(root);
  const counts = new Map<string, number>();
  const out: string[] = [];
  for (const d of ds) {
    const key = `${d.loc.file}\u0000${d.rule}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (n <= perRule) out.push(formatDiagnostic(d, root, lang, c, lines, window) + '\n');
  }
  for (const [key, n] of counts) {
    if (n <= perRule) continue;
    const [file, rule] = key.split('\u0000');
    out.push(c.dim(say(lang, REPORT_MESSAGES.more, { file: visible(file, false), rule, n: n - perRule })) + '\n');
  }
  return out.join('');
}

/** The unprinted characters and the Unicode line separators (C0 never reaches it: JSON.stringify escapes those). */
const JSON_UNSAFE = new RegExp(`[${UNPRINTED_CLASS}\\u2028\\u2029]`, 'gu');

/**
 * JSON text safe to show on a terminal: JSON.stringify escapes C0 controls; DEL, C1 controls (a
 * lone U+009B starts an escape sequence on some terminals), bidirectional and invisible
 * characters are escaped too (\u009b). Still the same JSON value.
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(JSON_UNSAFE, (ch) =>
    [...Array(ch.length).keys()].map((k) => `\\u${ch.charCodeAt(k).toString(16).padStart(4, '0')}`).join(''),
  );
}

export function toJson(ds: Diagnostic[], lang: Lang): object[] {
  return ds.map((d) => ({
    rule: d.rule,
    severity: d.severity,
    file: d.loc.file,
    line: d.loc.line,
    column: d.loc.column,
    message: pick(lang, d.message),
    ...(d.hint ? { hint: pick(lang, d.hint) } : {}),
    ...(d.fix?.length
      ? {
          fix: d.fix.map((f) =>
            f.convert
              ? { file: f.loc.file, convert: { from: f.convert, to: 'utf-8' } }
              : { file: f.loc.file, line: f.loc.line, column: f.loc.column, length: f.length, replacement: f.replacement },
          ),
        }
      : {}),
  }));
}

/**
 * What `build` prints: every error in full (they stopped the build, or must be read), warnings
 * as one line counting them per rule, with the command that lists them.
 */
export function formatBuildDiagnostics(
  ds: readonly Diagnostic[],
  root: string,
  lang: Lang,
  c: ChalkInstance,
  issue: string,
  window: WindowOptions = {},
): string {
  const errors = ds.filter((d) => d.severity === 'error');
  const warnings = ds.filter((d) => d.severity === 'warning');
  let out = formatDiagnostics(errors, root, lang, c, undefined, window);
  if (warnings.length)
    out += `${c.yellow.bold(t(lang, 'warning'))}: ${say(lang, REPORT_MESSAGES.buildWarnings, { n: warnings.length, rules: countByRule(warnings), issue })}\n`;
  return out;
}

/** `punctuation/half-width ×8, text/space ×2`: most frequent first, ties by id. */
export function countByRule(ds: readonly Diagnostic[]): string {
  const counts = new Map<string, number>();
  for (const d of ds) counts.set(d.rule, (counts.get(d.rule) ?? 0) + 1);
  return [...counts]
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
    .map(([rule, n]) => `${rule} ×${n}`)
    .join(', ');
}

export function summary(ds: Diagnostic[], lang: Lang): string {
  const errors = ds.filter((d) => d.severity === 'error').length;
  const hints = ds.filter((d) => d.severity === 'hint').length;
  const warnings = ds.length - errors - hints;
  if (!ds.length) return t(lang, 'clean');
  const fixable = ds.filter((d) => d.fix?.length).length;
  return (
    t(lang, 'summary', { errors, warnings }) +
    (hints ? t(lang, 'summaryHints', { hints }) : '') +
    (fixable ? (lang === 'zh' ? '；' : '; ') + say(lang, REPORT_MESSAGES.fixable, { n: fixable }) : '')
  );
}

/** One change made by `bulletin fix`: `file:line: before → after`. */
export function formatChange(change: Change, lang: Lang, c: ChalkInstance): string {
  const ch = { ...change, before: visible(change.before, false), after: visible(change.after, false) };
  const where = `${visible(ch.file, false)}:${ch.line}:`;
  switch (ch.kind) {
    case 'convert':
      return `${where} ${ch.before} → ${c.green(ch.after)}`;
    case 'delete-line':
      return `${where} ${c.red(ch.before)} → ${c.dim(say(lang, REPORT_MESSAGES.lineDeleted))}`;
    case 'insert-line':
      return `${where} ${c.dim(say(lang, REPORT_MESSAGES.lineInserted))} → ${c.green(ch.after)}`;
    default:
      return `${where} ${ch.before} → ${c.green(ch.after)}`;
  }
}
