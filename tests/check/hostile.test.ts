/**
 * Hostile or odd files: a link out of the archive is refused before it is read and nothing of
 * its content is echoed; a FIFO, a device or /dev/zero is refused at once; reads are capped.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync, cpSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readGuarded } from '../../src/archive/index.js';
import { cli, makeArchive, removeArchive } from '../batch/archive.js';

const SECRET = 'root:x:0:0:SECRET-LINE-NEVER-ECHOED';

describe('hostile and odd files', () => {
  let root: string;
  let outside: string;
  afterEach(() => {
    removeArchive(root);
    rmSync(outside, { recursive: true, force: true });
  });
  const setup = () => {
    root = makeArchive([
      { year: 2026, number: 1, from: 1 },
      { year: 2026, number: 2, from: 2 },
    ]);
    outside = mkdtempSync(path.join(tmpdir(), 'bulletin-outside-'));
  };
  const everything = async (...args: string[][]) => {
    let all = '';
    for (const a of args) {
      const r = await cli(a, root);
      all += r.out + r.err;
    }
    return all;
  };

  it('issue.yaml linked to a file outside the archive: refused, not a byte of it echoed', async () => {
    setup();
    writeFileSync(path.join(outside, 'passwd'), `${SECRET}\n${SECRET}: [\n`);
    const manifest = path.join(root, 'issues/2026/2/issue.yaml');
    unlinkSync(manifest);
    symlinkSync(path.join(outside, 'passwd'), manifest);
    const check = await cli(['check', '2'], root);
    expect(check.code).toBe(1);
    expect(check.out + check.err).toContain('error[file/outside-archive]: issues/2026/2/issue.yaml lies outside the archive; refused');
    const all = await everything(
      ['check', '2'],
      ['build', '2'],
      ['check', '--all', '--format', 'json'],
      ['build', '--all'],
      ['list'],
      ['fix', '2'],
      ['fonts', '2'],
      ['new', '--date', '2026-03-02'],
    );
    expect(all).not.toContain('SECRET');
    expect(all).not.toContain('root:x');
  });

  it('an issue folder linked outside the archive: refused before anything in it is read', async () => {
    setup();
    cpSync(path.join(root, 'issues/2026/2'), path.join(outside, '3'), { recursive: true });
    writeFileSync(path.join(outside, '3/issue.yaml'), `number: 3\ndate: 2026-02-09\n${SECRET}\n`);
    writeFileSync(path.join(outside, '3/unlisted-secret.md'), SECRET);
    symlinkSync(path.join(outside, '3'), path.join(root, 'issues/2026/3'));
    const r = await cli(['check', '3'], root);
    expect(r.code).toBe(1);
    expect(r.out + r.err).toContain('the issue folder issues/2026/3 is a link leading outside the archive; refused');
    const all = await everything(['check', '3'], ['build', '3'], ['check', '--all', '--format', 'json'], ['list', '--format', 'json'], ['fix', '3']);
    expect(all).not.toContain('SECRET');
    expect(all).not.toContain('unlisted-secret');
  });

  it('a FIFO as an article or as issue.yaml is refused at once: build, build --all, list and fix all finish', async () => {
    setup();
    const article = path.join(root, 'issues/2026/2/02-lianjian.md');
    unlinkSync(article);
    execFileSync('mkfifo', [article]);
    const manifest = path.join(root, 'issues/2026/1/issue.yaml');
    unlinkSync(manifest);
    execFileSync('mkfifo', [manifest]);
    const b = await cli(['build', '2'], root);
    expect(b.code).toBe(1);
    expect(b.err).toContain('issues/2026/2/02-lianjian.md is not an ordinary file (a folder, device or pipe); refused');
    const one = await cli(['check', '1'], root);
    expect(one.out + one.err).toContain('issues/2026/1/issue.yaml is not an ordinary file');
    const all = await cli(['build', '--all'], root);
    expect(all.code).toBe(1);
    expect((await cli(['list'], root)).code).toBe(0);
    expect((await cli(['fix', '--all'], root)).code).toBe(1);
  }, 30_000);

  it('/dev/zero as an article (a link, or named in the manifest) is refused without reading it', async () => {
    setup();
    const article = path.join(root, 'issues/2026/2/03-chanyelian.md');
    unlinkSync(article);
    symlinkSync('/dev/zero', article);
    const manifest = path.join(root, 'issues/2026/1/issue.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/^articles:\n/m, 'articles:\n  - ../../../../../../../../dev/zero\n'));
    const before = process.memoryUsage().rss;
    const r = await cli(['check', '--all'], root);
    expect(r.code).toBe(1);
    expect(r.out + r.err).toMatch(/error\[file\/outside-archive\]: the article path 03-chanyelian\.md leads outside the archive/);
    expect(r.out + r.err).toMatch(/error\[file\/outside-archive\]: the article path \.\.\/.*dev\/zero leads outside the archive/);
    expect((await cli(['build', '--all'], root)).code).toBe(1);
    expect(process.memoryUsage().rss - before).toBeLessThan(512 * 1024 * 1024);
  }, 30_000);

  it('the guarded reader: devices and FIFOs are not files, links out of the root are outside, reads are capped', () => {
    setup();
    expect(readGuarded('/dev/zero', 1024)).toEqual({ ok: false, reason: 'not-file' });
    expect(readGuarded('/dev/null', 1024)).toEqual({ ok: false, reason: 'not-file' });
    const fifo = path.join(outside, 'pipe');
    execFileSync('mkfifo', [fifo]);
    expect(readGuarded(fifo, 1024)).toEqual({ ok: false, reason: 'not-file' });
    writeFileSync(path.join(outside, 'big.md'), 'x'.repeat(5000));
    expect(readGuarded(path.join(outside, 'big.md'), 4096)).toEqual({ ok: false, reason: 'too-large', bytes: 5000 });
    const link = path.join(root, 'link.md');
    symlinkSync(path.join(outside, 'big.md'), link);
    expect(readGuarded(link, 1 << 20, root)).toEqual({ ok: false, reason: 'outside' });
    expect(readGuarded(path.join(root, 'missing.md'), 1024, root)).toEqual({ ok: false, reason: 'missing' });
    const ok = readGuarded(path.join(root, 'bulletin.yaml'), 1 << 20, root);
    expect(ok.ok && ok.bytes.toString('utf8')).toBe(readFileSync(path.join(root, 'bulletin.yaml'), 'utf8'));
  });
});
