/** Print diagnostics like a compiler: severity[rule]: message, file:line:col, the line, a caret, the hint, the fix. */
import path from 'node:path';
import type { ChalkInstance } from 'chalk';
import { readText } from '../archive/index.js';
import type { Diagnostic } from '../diagnostics/index.js';
import type { Change } from '../fix/index.js';
import { pick, say, t, type Lang } from '../i18n/index.js';

/** Sentences of the check and fix commands, in both languages. */
export const REPORT_MESSAGES = {
  fix: { zh: '修正', en: 'fix' },
  fixDelete: { zh: '删除“{text}”', en: 'delete “{text}”' },
  fixInsert: { zh: '插入“{text}”', en: 'insert “{text}”' },
  fixReplace: { zh: '“{from}”改为“{to}”', en: '“{from}” → “{to}”' },
  fixConvert: { zh: '把文件转换为 UTF-8 编码', en: 'convert the file to UTF-8' },
  fixRun: { zh: '（运行 bulletin fix 自动修正）', en: '(bulletin fix applies it)' },
  lineDeleted: { zh: '（删除此行）', en: '(line deleted)' },
  lineInserted: { zh: '（新增一行）', en: '(new line)' },
  more: { zh: '…… {file} 中另有 {n} 条 [{rule}] 未列出（用 --format json 可列出全部）', en: '… {n} more [{rule}] in {file} not shown (--format json lists them all)' },
  fixable: { zh: '其中 {n} 处可运行 bulletin fix 自动修正', en: '{n} of them can be fixed with bulletin fix' },
  fixed: { zh: '已自动修正 {n} 处，改写了 {files} 个文件', en: 'fixed {n} problem(s), rewrote {files} file(s)' },
  nothingToFix: { zh: '没有可自动修正的问题，未改动任何文件', en: 'nothing to fix automatically; no file changed' },
  layoutSkipped: {
    zh: '（--all 默认不做排版试运行；加 --layout 可一并检查缺字、行溢出和页数）',
    en: '(--all skips the trial layout; add --layout to check glyphs, overfull lines and page counts too)',
  },
} as const;

export { say };

/** Reads source lines for display, each file once. */
export type LineSource = (file: string, line: number) => string | undefined;

export function lineSource(root: string): LineSource {
  const files = new Map<string, string[] | null>();
  return (file, line) => {
    let lines = files.get(file);
    if (lines === undefined) {
      const text = readDisplayText(root, file);
      lines = text === undefined ? null : text.split('\n');
      files.set(file, lines);
    }
    return lines?.[line - 1];
  };
}

function readDisplayText(root: string, file: string): string | undefined {
  // Through the guarded reader: a file linked from outside the archive is never echoed.
  const read = readText(root, path.join(root, file));
  return read.ok ? read.text : read.reason === 'encoding' ? read.decoded : undefined;
}

/** Display width of a string in terminal columns (CJK counts two). */
/** Terminal columns of a string: CJK characters and full-width marks take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2018\u2019\u201c\u201d\u2026\u2014]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
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
    const shown = (s: string) => s.replace(/\n/g, '⏎');
    if (f.length === 0) parts.push(say(lang, REPORT_MESSAGES.fixInsert, { text: shown(f.replacement) }));
    else if (from === undefined) parts.push(say(lang, REPORT_MESSAGES.fixReplace, { from: '…', to: shown(f.replacement) }));
    else if (f.replacement === '') parts.push(say(lang, REPORT_MESSAGES.fixDelete, { text: shown(from) || '⏎' }));
    else parts.push(say(lang, REPORT_MESSAGES.fixReplace, { from: shown(from), to: shown(f.replacement) }));
  }
  return parts.join(lang === 'zh' ? '；' : '; ');
}

export function formatDiagnostic(d: Diagnostic, root: string, lang: Lang, c: ChalkInstance, lines: LineSource = lineSource(root)): string {
  const sev = d.severity === 'error' ? c.red.bold(t(lang, 'error')) : c.yellow.bold(t(lang, 'warning'));
  const out = [`${sev}${c.dim(`[${d.rule}]`)}: ${c.bold(pick(lang, d.message))}`, `  ${c.cyan('-->')} ${d.loc.file}:${d.loc.line}:${d.loc.column}`];
  const line = d.loc.file ? lines(d.loc.file, d.loc.line) : undefined;
  if (line !== undefined) {
    const shown = line.replace(/\t/g, ' ');
    const num = String(d.loc.line);
    const pad = ' '.repeat(num.length);
    const before = [...shown].slice(0, d.loc.column - 1).join('');
    // Underline the stretch a fix replaces when it lies on this line; else one caret.
    const f = d.fix?.length === 1 && !d.fix[0].convert && d.fix[0].loc.line === d.loc.line && d.fix[0].loc.column === d.loc.column ? d.fix[0] : undefined;
    const span = f && f.length > 0 ? [...shown].slice(d.loc.column - 1, d.loc.column - 1 + f.length).join('') : '';
    const marks = '^'.repeat(Math.max(1, displayWidth(span)));
    out.push(`${pad} ${c.cyan('|')}`);
    out.push(`${c.cyan(num)} ${c.cyan('|')} ${shown}`);
    out.push(`${pad} ${c.cyan('|')} ${' '.repeat(displayWidth(before))}${d.severity === 'error' ? c.red(marks) : c.yellow(marks)}`);
  }
  if (d.hint) out.push(`  ${c.green(`= ${t(lang, 'hint')}:`)} ${pick(lang, d.hint).replace(/\n/g, '\n      ')}`);
  const fix = describeFix(d, lang, line);
  if (fix) out.push(`  ${c.green(`= ${say(lang, REPORT_MESSAGES.fix)}:`)} ${fix}`);
  return out.join('\n');
}

/**
 * Diagnostics as text, at most `perRule` of one rule in one file (a pasted web page can carry
 * hundreds of the same slip; the rest are counted, and JSON lists them all).
 */
export function formatDiagnostics(ds: readonly Diagnostic[], root: string, lang: Lang, c: ChalkInstance, perRule = 30): string {
  const lines = lineSource(root);
  const counts = new Map<string, number>();
  const out: string[] = [];
  for (const d of ds) {
    const key = `${d.loc.file}\u0000${d.rule}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (n <= perRule) out.push(formatDiagnostic(d, root, lang, c, lines) + '\n');
  }
  for (const [key, n] of counts) {
    if (n <= perRule) continue;
    const [file, rule] = key.split('\u0000');
    out.push(c.dim(say(lang, REPORT_MESSAGES.more, { file, rule, n: n - perRule })) + '\n');
  }
  return out.join('');
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

export function summary(ds: Diagnostic[], lang: Lang): string {
  const errors = ds.filter((d) => d.severity === 'error').length;
  const warnings = ds.length - errors;
  if (!ds.length) return t(lang, 'clean');
  const fixable = ds.filter((d) => d.fix?.length).length;
  return t(lang, 'summary', { errors, warnings }) + (fixable ? (lang === 'zh' ? '；' : '; ') + say(lang, REPORT_MESSAGES.fixable, { n: fixable }) : '');
}

/** One change made by `bulletin fix`: `file:line: before → after`. */
export function formatChange(ch: Change, lang: Lang, c: ChalkInstance): string {
  const where = `${ch.file}:${ch.line}:`;
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
