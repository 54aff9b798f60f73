/** Print diagnostics like a compiler: severity[rule]: message, file:line:col, the line, a caret, the hint. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ChalkInstance } from 'chalk';
import { decodeText } from '../archive/index.js';
import type { Diagnostic } from '../diagnostics/index.js';
import { pick, t, type Lang } from '../i18n/index.js';

export function sourceLine(root: string, file: string, line: number): string | undefined {
  try {
    const read = decodeText(readFileSync(path.join(root, file)));
    const text = read.ok ? read.text : read.reason === 'encoding' ? read.decoded : undefined;
    return text?.split('\n')[line - 1];
  } catch {
    return undefined;
  }
}

/** Display width of a string in terminal columns (CJK counts two). */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

export function formatDiagnostic(d: Diagnostic, root: string, lang: Lang, c: ChalkInstance): string {
  const sev = d.severity === 'error' ? c.red.bold(t(lang, 'error')) : c.yellow.bold(t(lang, 'warning'));
  const out = [`${sev}${c.dim(`[${d.rule}]`)}: ${c.bold(pick(lang, d.message))}`, `  ${c.cyan('-->')} ${d.loc.file}:${d.loc.line}:${d.loc.column}`];
  const line = d.loc.file ? sourceLine(root, d.loc.file, d.loc.line) : undefined;
  if (line !== undefined) {
    const num = String(d.loc.line);
    const pad = ' '.repeat(num.length);
    const before = [...line].slice(0, d.loc.column - 1).join('');
    out.push(`${pad} ${c.cyan('|')}`);
    out.push(`${c.cyan(num)} ${c.cyan('|')} ${line}`);
    out.push(`${pad} ${c.cyan('|')} ${' '.repeat(width(before))}${d.severity === 'error' ? c.red('^') : c.yellow('^')}`);
  }
  if (d.hint) out.push(`  ${c.green(`= ${t(lang, 'hint')}:`)} ${pick(lang, d.hint)}`);
  if (d.fix?.length) {
    const f = d.fix[0];
    out.push(`  ${c.green('= fix:')} ${JSON.stringify(f.replacement)}`);
  }
  return out.join('\n');
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
    ...(d.fix ? { fix: d.fix.map((f) => ({ file: f.loc.file, line: f.loc.line, column: f.loc.column, length: f.length, replacement: f.replacement })) } : {}),
  }));
}

export function summary(ds: Diagnostic[], lang: Lang): string {
  const errors = ds.filter((d) => d.severity === 'error').length;
  const warnings = ds.length - errors;
  return ds.length ? t(lang, 'summary', { errors, warnings }) : t(lang, 'clean');
}
