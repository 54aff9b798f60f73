/** Test archives: sample issues of this repository copied to a temp folder, fonts pinned to the shipped defaults. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

export function makeArchive(issues: IssueSpec[], config = baseConfig()): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-batch-'));
  writeFileSync(path.join(dir, 'bulletin.yaml'), config);
  for (const s of issues) addIssue(dir, s);
  return dir;
}

export function addIssue(root: string, s: IssueSpec): string {
  const src = path.join(REPO, 'issues/2026', String(s.from));
  const dst = path.join(root, 'issues', String(s.year), String(s.number));
  mkdirSync(path.dirname(dst), { recursive: true });
  cpSync(src, dst, { recursive: true });
  let manifest = readFileSync(path.join(src, 'issue.yaml'), 'utf8').replace(/^number:.*$/m, `number: ${s.number}`);
  if (s.date) manifest = manifest.replace(/^date:.*$/m, `date: ${s.date}`);
  if (s.total !== undefined) manifest = manifest.replace(/^total:.*$/m, `total: ${s.total}`);
  writeFileSync(path.join(dst, 'issue.yaml'), manifest);
  return dst;
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
