/** Running the checks on the fixture archives under tests/fixtures/check/. */
import { layoutDiagnostics } from '../../src/pipeline/trial.js';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listIssueDirs } from '../../src/archive/index.js';
import { checkArchive } from '../../src/check/run.js';
import type { Diagnostic } from '../../src/diagnostics/index.js';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/check');
export const SAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

/** Every diagnostic of every issue of an archive. */
export function check(root: string, layout = false): Diagnostic[] {
  const dirs = listIssueDirs(root);
  return checkArchive(root, dirs, { trialLayout: layout ? layoutDiagnostics : undefined, dirs }).diagnostics;
}

/** `severity rule file:line:column`, the shape the expectations are written in. */
export function brief(ds: Diagnostic[]): string[] {
  return ds.map((d) => `${d.severity} ${d.rule} ${d.loc.file}:${d.loc.line}:${d.loc.column}`);
}

/** The character a diagnostic points at, read from the file itself (proves the column is exact). */
export function pointedAt(root: string, d: Diagnostic): string {
  const text = readFileSync(path.join(root, d.loc.file), 'utf8').replace(/^\uFEFF/, '');
  const line = text.split(/\r?\n/)[d.loc.line - 1] ?? '';
  return [...line][d.loc.column - 1] ?? '';
}

/** A private copy of a fixture archive, for tests that rewrite files. */
export function copyFixture(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `bulletin-check-${name}-`));
  cpSync(fixture(name), dir, { recursive: true, verbatimSymlinks: true });
  return dir;
}
