/** Test archives: sample issues of this repository copied to a temp folder, fonts pinned to the shipped defaults. */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface IssueSpec {
  year: number;
  number: number;
  /** Which sample issue of issues/2026 to copy (1 or 2). */
  from: 1 | 2;
  date?: string;
  total?: number;
}

export function baseConfig(extra = 'fonts:\n  system: false\n'): string {
  const config = readFileSync(path.join(REPO, 'bulletin.yaml'), 'utf8').replace(/^fonts:[\s\S]*?(?=^\S|$(?![\s\S]))/m, '');
  return config.trimEnd() + '\n\n' + extra;
}

/**
 * A temp archive holding the given issues. Unless a spec says otherwise, dates advance weekly
 * through each year and `total` counts on from 141 in archive order, so that the cross-issue
 * checks (date order, running total) find nothing wrong.
 */
export function makeArchive(issues: IssueSpec[], config = baseConfig()): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-batch-'));
  writeFileSync(path.join(dir, 'bulletin.yaml'), config);
  for (const s of [...issues].sort((a, b) => a.year - b.year || a.number - b.number)) addIssue(dir, s);
  return dir;
}

/** The default date of an issue: weekly from the first Monday of January. */
export function defaultDate(year: number, number: number): string {
  return new Date(Date.UTC(year, 0, 5 + 7 * (number - 1))).toISOString().slice(0, 10);
}

/** Add an issue after the existing ones; `total` defaults to the previous issue's plus one. */
export function addIssue(root: string, s: IssueSpec): string {
  const src = path.join(REPO, 'issues/2026', String(s.from));
  const dst = path.join(root, 'issues', String(s.year), String(s.number));
  let total = s.total;
  if (total === undefined) {
    total = 141;
    for (const y of safeList(path.join(root, 'issues')))
      for (const n of safeList(path.join(root, 'issues', y))) {
        if (Number(y) > s.year || (Number(y) === s.year && Number(n) >= s.number)) continue;
        const m = /^total:\s*(\d+)/m.exec(readFileSync(path.join(root, 'issues', y, n, 'issue.yaml'), 'utf8'));
        if (m) total = Math.max(total, Number(m[1]) + 1);
      }
  }
  mkdirSync(path.dirname(dst), { recursive: true });
  cpSync(src, dst, { recursive: true });
  const manifest = readFileSync(path.join(src, 'issue.yaml'), 'utf8')
    .replace(/^number:.*$/m, `number: ${s.number}`)
    .replace(/^date:.*$/m, `date: ${s.date ?? defaultDate(s.year, s.number)}`)
    .replace(/^total:.*$/m, `total: ${total}`);
  writeFileSync(path.join(dst, 'issue.yaml'), manifest);
  return dst;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir).filter((n) => /^\d+$/.test(n));
  } catch {
    return [];
  }
}

export function removeArchive(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Run the CLI in this process and capture what it prints. */
export async function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = { LANG: 'en_US.UTF-8' }) {
  const { run } = await import('../../src/cli/index.js');
  let out = '';
  let err = '';
  const code = await run(args, { out: (s) => void (out += s), err: (s) => void (err += s), cwd, env, isTTY: false });
  return { code, out, err };
}
