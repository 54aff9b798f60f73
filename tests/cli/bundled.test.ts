/**
 * The bundled CLI in a child process: worker threads (lib/worker.mjs), determinism across time
 * zones, locales and job counts, `build --watch` stopped by a signal, and the code cache. The
 * bundle is made in a temp folder laid out like the package (bin/, lib/, node_modules), never in
 * the checkout.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeArchive, REPO, removeArchive } from '../batch/archive.js';

/** The package as installed: bin/ and lib/ from a bundle made here, node_modules of the checkout. */
const PKG = mkdtempSync(path.join(tmpdir(), 'bulletin-pkg-'));
const BIN = path.join(PKG, 'bin/bulletin.js');
const CACHE = path.join(PKG, 'user-cache');
/** What a child sees: no installed fonts (the archives pin theirs anyway) and its own cache folder. */
const BASE_ENV = { PATH: process.env.PATH, LANG: 'en_US.UTF-8', BULLETIN_FONT_DIRS: '', XDG_CACHE_HOME: CACHE };

function bulletin(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  try {
    const stdout = execFileSync(process.execPath, [BIN, ...args], { cwd, env: { ...BASE_ENV, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { code: 0, stdout, stderr: '' };
  } catch (e) {
    const x = e as { status: number; stdout: string; stderr: string };
    return { code: x.status, stdout: x.stdout, stderr: x.stderr };
  }
}

function pdfHashes(root: string): Record<string, string> {
  const dist = path.join(root, 'dist');
  return Object.fromEntries(
    readdirSync(dist)
      .filter((f) => f.endsWith('.pdf'))
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(path.join(dist, f)))
          .digest('hex'),
      ]),
  );
}

describe('the bundled CLI', () => {
  let root: string;
  beforeAll(() => {
    mkdirSync(path.join(PKG, 'bin'));
    copyFileSync(path.join(REPO, 'bin/bulletin.js'), BIN);
    copyFileSync(path.join(REPO, 'package.json'), path.join(PKG, 'package.json'));
    symlinkSync(path.join(REPO, 'node_modules'), path.join(PKG, 'node_modules'), 'junction');
    execFileSync(process.execPath, [path.join(REPO, 'scripts/bundle.mjs'), '--out', path.join(PKG, 'lib'), '--no-warm'], { stdio: 'inherit' });
    root = makeArchive([
      { year: 2025, number: 23, from: 2, date: '2025-12-08' },
      { year: 2025, number: 24, from: 1, date: '2025-12-22' },
      { year: 2026, number: 1, from: 1, date: '2026-01-12' },
      { year: 2026, number: 2, from: 2, date: '2026-01-26' },
    ]);
  });
  afterAll(() => {
    removeArchive(root);
    rmSync(PKG, { recursive: true, force: true });
  });

  it('keeps its code caches (one per V8 flag set) in the user’s cache folder, not beside the bundle, and starts from them', () => {
    rmSync(CACHE, { recursive: true, force: true });
    expect(bulletin(['--version'], root)).toEqual({
      code: 0,
      stdout: `${JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version}\n`,
      stderr: '',
    });
    // --version alone never loads the bundle; a one-off command does, with its own V8 flags and cache.
    expect(existsSync(path.join(CACHE, 'bulletin'))).toBe(false);
    expect(bulletin(['list'], root)).toMatchObject({ code: 0, stderr: '' });
    const files = readdirSync(path.join(CACHE, 'bulletin'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^codecache-[0-9a-f]{8}\.once\.bin$/);
    expect(readdirSync(path.join(PKG, 'lib')).sort()).toEqual(['bulletin.cjs', 'bulletin.cjs.map', 'load.mjs', 'v8flags.mjs', 'worker.mjs']);
    const written = readFileSync(path.join(CACHE, 'bulletin', files[0]));
    expect(bulletin(['list'], root).code).toBe(0);
    // Accepted, so not written again.
    expect(readFileSync(path.join(CACHE, 'bulletin', files[0])).equals(written)).toBe(true);
    // A batch runs with V8's default flags, whose cache is another file: neither is rejected by the other.
    expect([0, 1]).toContain(bulletin(['check', '--all'], root).code);
    expect(readdirSync(path.join(CACHE, 'bulletin')).sort()).toEqual([files[0].replace('.once', ''), files[0]]);
    expect(bulletin(['list'], root).code).toBe(0);
    expect(readFileSync(path.join(CACHE, 'bulletin', files[0])).equals(written)).toBe(true);
    // A cache folder that cannot be made (a file stands in its way) costs nothing but speed.
    rmSync(CACHE, { recursive: true, force: true });
    writeFileSync(CACHE, 'not a folder');
    expect(bulletin(['list'], root)).toMatchObject({ code: 0, stderr: '' });
    rmSync(CACHE, { force: true });
  });

  it('builds in worker threads; a broken issue fails alone and the exit code is 1', () => {
    const f = path.join(root, 'issues/2025/24/02-jiceng.md');
    const good = readFileSync(f, 'utf8');
    writeFileSync(f, good.replace(/^source: .*$/m, 'source: 不存在的单位'));
    const r = bulletin(['build', '--all', '--jobs', '2'], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/4 issue\(s\): 3 built, 0 skipped \(unchanged\), 1 failed/);
    expect(r.stdout).toMatch(/2025\/24\s+issues\/2025\/24\/02-jiceng\.md:\d+:\d+ the unit “不存在的单位”/);
    expect(r.stderr).toMatch(/\[\d\/4\] 2026\/2 wrote dist\/2026-2\.pdf/);
    for (const n of ['2025-23', '2026-1', '2026-2']) expect(existsSync(path.join(root, `dist/${n}.pdf`))).toBe(true);
    expect(existsSync(path.join(root, 'dist/2025-24.pdf'))).toBe(false);
    writeFileSync(f, good);
    const again = bulletin(['build', '--all', '--jobs', '2', '--lang', 'zh'], root);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/共 4 期：生成 1 期，跳过 3 期（未改动），失败 0 期/);
  });

  it('gives byte-identical PDFs whatever the time zone, locale or number of jobs', () => {
    expect(bulletin(['build', '--all', '--force', '--jobs', '2'], root, { TZ: 'UTC', LANG: 'C' }).code).toBe(0);
    const a = pdfHashes(root);
    expect(Object.keys(a)).toHaveLength(4);
    expect(bulletin(['build', '--all', '--force', '--jobs', '1'], root, { TZ: 'Pacific/Kiritimati', LANG: 'zh_CN.UTF-8' }).code).toBe(0);
    expect(pdfHashes(root)).toEqual(a);
    expect(bulletin(['build', '2026/2'], root, { TZ: 'America/Los_Angeles', LC_ALL: 'de_DE.UTF-8' }).code).toBe(0);
    expect(pdfHashes(root)).toEqual(a);
  });

  it('the bundle (with its deferred and stubbed dependency modules) writes the same bytes as the sources', async () => {
    const { buildIssue } = await import('../../src/pipeline/index.js');
    const { listIssueDirs } = await import('../../src/archive/index.js');
    const where = listIssueDirs(root).find((d) => d.year === 2026 && d.number === 2)!;
    const fromSources = path.join(root, 'from-sources.pdf');
    const r = await buildIssue(root, where, fromSources);
    expect(r.output).toBe(fromSources);
    expect(bulletin(['build', '2026/2', '-o', 'from-bundle.pdf'], root).code).toBe(0);
    expect(readFileSync(path.join(root, 'from-bundle.pdf')).equals(readFileSync(fromSources))).toBe(true);
  });

  it('the bundle is ASCII (its Chinese patterns escaped) and checks text exactly as the sources do', async () => {
    // lib/load.mjs reads a bundle marked ASCII as Latin-1, unscanned: one non-ASCII byte would be misread.
    const bytes = readFileSync(path.join(PKG, 'lib/bulletin.cjs'));
    expect(bytes.findIndex((b) => b > 0x7f)).toBe(-1);
    expect(bytes.subarray(0, 9).toString('latin1')).toBe('/*ascii*/');
    // The check rules are the Chinese regular expressions: the bundled ones find what the sources find.
    const { check } = await import('../check/helpers.js');
    for (const name of ['practice', 'web-paste', 'pairs']) {
      const fixture = path.join(REPO, 'tests/fixtures/check', name);
      const r = bulletin(['check', '--all', '--format', 'json'], fixture);
      const bundled = (JSON.parse(r.stdout) as { rule: string; file: string; line: number; column: number }[]).map(
        (d) => `${d.rule} ${d.file}:${d.line}:${d.column}`,
      );
      const fromSources = check(fixture, true).map((d) => `${d.rule} ${d.loc.file}:${d.loc.line}:${d.loc.column}`);
      expect(bundled.length, name).toBeGreaterThan(3);
      expect(bundled, name).toEqual(fromSources);
    }
  });

  it('build --watch rebuilds on an edit and stops cleanly on SIGINT', async () => {
    const child = spawn(process.execPath, [BIN, 'build', '2026/1', '--watch'], { cwd: root, env: BASE_ENV });
    let out = '';
    let err = '';
    let notify = () => {};
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      notify();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      notify();
    });
    let exited = false;
    child.once('exit', () => {
      exited = true;
      notify();
    });
    const waitFor = (re: RegExp) =>
      new Promise<void>((resolve, reject) => {
        notify = () => {
          if (/not built/.test(out + err)) reject(new Error(`watch reported a failed build: ${out}${err}`));
          else if (re.test(out)) resolve();
          else if (exited) reject(new Error(`exited early: ${out}${err}`));
        };
        notify();
      });
    await waitFor(/wrote dist\/2026-1\.pdf/);
    appendFileSync(path.join(root, 'issues/2026/1/01-ganbu.md'), '\n监视模式追加的一段。\n');
    await waitFor(/rebuilt dist\/2026-1\.pdf \(\d+ pages, \d+ KB, \d+ ms\)/);
    expect(out.match(/wrote dist\/2026-1\.pdf/g)).toHaveLength(1);
    expect(out.match(/rebuilt dist\/2026-1\.pdf/g)).toHaveLength(1);
    const code = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    child.kill('SIGINT');
    expect(await code).toBe(0);
    expect(err).toMatch(/watching issues\/2026\/1 and bulletin\.yaml/);
  });
});
