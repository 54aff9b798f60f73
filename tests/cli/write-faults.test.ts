/**
 * Never lose a file, and say plainly why a write failed: -o refuses inputs, folders and devices
 * (exit 2); a full disk or a read-only folder is one line naming the file (exit 1), the old file
 * untouched and no debris; temp files of a killed run are swept by the next one.
 * Faults are injected into the fs calls of the one atomic writer, so the tests hold when run as
 * root (where chmod stops nothing).
 */
import fs, { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeAll, afterAll, describe, expect, it, vi } from 'vitest';
import { cli, makeArchive, removeArchive } from '../batch/archive.js';

function fault(code: string): NodeJS.ErrnoException {
  const e = new Error(`${code}: injected`) as NodeJS.ErrnoException;
  e.code = code;
  return e;
}

/** A pid that certainly belongs to no running process: a child that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('writes that fail, and -o that would lose a file', () => {
  let root: string;
  let pdf: string;
  let good: Buffer;
  beforeAll(async () => {
    root = makeArchive([{ year: 2026, number: 2, from: 2 }]);
    pdf = path.join(root, 'dist/2026-2.pdf');
    expect((await cli(['build', '2'], root)).code).toBe(0);
    good = readFileSync(pdf);
  });
  afterAll(() => removeArchive(root));
  afterEach(() => vi.restoreAllMocks());

  const article = () => path.join(root, 'issues/2026/2/01-wangge.md');
  const debris = (dir: string) => readdirSync(dir).filter((n) => /bulletin-tmp|\.tmp$/.test(n));

  it('-o naming one of the issue’s articles, bulletin.yaml or issue.yaml: exit 2, the file unchanged', async () => {
    const before = readFileSync(article());
    for (const target of ['issues/2026/2/01-wangge.md', 'bulletin.yaml', 'issues/2026/2/issue.yaml']) {
      const r = await cli(['build', '2', '-o', target], root);
      expect(r.code, target).toBe(2);
      expect(r.err).toContain(`-o ${target} is one of the issue’s own files`);
    }
    expect(readFileSync(article()).equals(before)).toBe(true);
    // …even an article listed but not written yet.
    const manifest = path.join(root, 'issues/2026/2/issue.yaml');
    const m = readFileSync(manifest, 'utf8');
    writeFileSync(manifest, m.replace('  - 04-shangquan.md\n', '  - 04-shangquan.md\n  - 05-later.md\n'));
    const later = await cli(['build', '2', '-o', 'issues/2026/2/05-later.md'], root);
    writeFileSync(manifest, m);
    expect(later.code).toBe(2);
    expect(existsSync(path.join(root, 'issues/2026/2/05-later.md'))).toBe(false);
    const zh = await cli(['build', '2', '-o', 'issues/2026/2/01-wangge.md'], root, { LANG: 'zh_CN.UTF-8' });
    expect(zh.err).toContain('是本期的源文件之一');
  });

  it('-o a folder, a device, or an existing file that is not a PDF: exit 2, nothing replaced', async () => {
    const dir = await cli(['build', '2', '-o', 'issues'], root);
    expect(dir.code).toBe(2);
    expect(dir.err).toContain('-o issues is a folder');
    expect(statSync(path.join(root, 'issues')).isDirectory()).toBe(true);

    // A FIFO stands for every special file (a device such as /dev/full is refused the same way;
    // a test never aims -o at a real device: on a regression, as root, it would replace it).
    const fifo = path.join(root, 'printer-pipe');
    execFileSync('mkfifo', [fifo]);
    const dev = await cli(['build', '2', '-o', 'printer-pipe'], root);
    expect(dev.code).toBe(2);
    expect(dev.err).toContain('-o printer-pipe is not an ordinary file');
    expect(statSync(fifo).isFIFO()).toBe(true);

    writeFileSync(path.join(root, 'notes.txt'), '会议记录');
    const other = await cli(['build', '2', '-o', 'notes.txt'], root);
    expect(other.code).toBe(2);
    expect(readFileSync(path.join(root, 'notes.txt'), 'utf8')).toBe('会议记录');

    // A new file must be named as the PDF it will be.
    for (const [name, zh] of [
      ['out.txt', false],
      ['简报第2期', true],
    ] as const) {
      const r = await cli(['build', '2', '-o', name], root, zh ? { LANG: 'zh_CN.UTF-8' } : undefined);
      expect(r.code, name).toBe(2);
      expect(r.err).toContain(
        zh
          ? `-o ${name}：要写的是 PDF，文件名请以 .pdf 结尾，如 -o ${name}.pdf`
          : '-o out.txt: the file written is a PDF; end its name in .pdf, e.g. -o out.pdf',
      );
      expect(existsSync(path.join(root, name)), name).toBe(false);
    }
    expect((await cli(['build', '2', '-o', 'dist/Copy.PDF'], root)).code).toBe(0);

    // An existing PDF may be replaced.
    expect((await cli(['build', '2', '-o', 'dist/copy.pdf'], root)).code).toBe(0);
    expect((await cli(['build', '2', '-o', 'dist/copy.pdf'], root)).code).toBe(0);
  });

  it('disk full while writing the PDF: one line naming the file, exit 1, the old PDF kept, no debris', async () => {
    vi.spyOn(fs, 'writeSync').mockImplementation(() => {
      throw fault('ENOSPC');
    });
    const r = await cli(['build', '2'], root);
    vi.restoreAllMocks();
    expect(r.code).toBe(1);
    expect(r.err).toContain('the disk is full; dist/2026-2.pdf was not written');
    expect(r.err).not.toMatch(/internal error|    at /);
    expect(readFileSync(pdf).equals(good)).toBe(true);
    expect(debris(path.dirname(pdf))).toEqual([]);
    const zh = await (async () => {
      vi.spyOn(fs, 'fsyncSync').mockImplementation(() => {
        throw fault('ENOSPC');
      });
      return cli(['build', '2', '--force'], root, { LANG: 'zh_CN.UTF-8' });
    })();
    expect(zh.code).toBe(1);
    expect(zh.err).toContain('磁盘已满，无法写入 dist/2026-2.pdf');
  });

  it('a read-only output folder: one line, exit 1, in build and in build --all', async () => {
    const real = fs.openSync;
    vi.spyOn(fs, 'openSync').mockImplementation(((p: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode) => {
      if (String(p).includes('bulletin-tmp')) throw fault('EACCES');
      return real(p, flags ?? 'r', mode);
    }) as typeof fs.openSync);
    const one = await cli(['build', '2'], root);
    const all = await cli(['build', '--all', '--force', '--jobs', '1'], root);
    vi.restoreAllMocks();
    expect(one.code).toBe(1);
    expect(one.err).toContain('no permission to write dist/2026-2.pdf');
    expect(one.err).not.toMatch(/internal error|    at /);
    expect(all.code).toBe(1);
    expect(all.out + all.err).toContain('no permission to write dist/2026-2.pdf');
    expect(readFileSync(pdf).equals(good)).toBe(true);
  });

  it('fix in a read-only issue folder: one line naming the article, exit 1, the article unchanged', async () => {
    const before = readFileSync(article(), 'utf8');
    writeFileSync(article(), before.replace(/。/, ',明天'));
    const edited = readFileSync(article());
    const real = fs.openSync;
    vi.spyOn(fs, 'openSync').mockImplementation(((p: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode) => {
      if (String(p).includes('bulletin-tmp')) throw fault('EACCES');
      return real(p, flags ?? 'r', mode);
    }) as typeof fs.openSync);
    const r = await cli(['fix', '2'], root);
    vi.restoreAllMocks();
    expect(r.code).toBe(1);
    expect(r.err).toContain('no permission to write issues/2026/2/01-wangge.md');
    expect(r.err).not.toMatch(/internal error|    at /);
    expect(readFileSync(article()).equals(edited)).toBe(true);
    expect(debris(path.dirname(article()))).toEqual([]);
    writeFileSync(article(), before);
  });

  it('temp files left by a killed build or fix are removed by the next run; a live process’s are kept', async () => {
    const dead = deadPid();
    const dist = path.dirname(pdf);
    const issue = path.dirname(article());
    const left = [
      path.join(dist, `.2026-2.pdf.bulletin-tmp-${dead}-0a1b2c3d`),
      path.join(dist, `2026-2.pdf.${dead}.1764547200000.tmp`), // the name earlier versions used
      path.join(issue, `.01-wangge.md.bulletin-tmp-${dead}-00ff00ff`),
    ];
    const live = path.join(dist, `.2026-2.pdf.bulletin-tmp-${process.pid}-12345678`);
    const backup = path.join(issue, '01-wangge.md.20260101'); // an office's own backup copy
    for (const f of [...left, live, backup]) writeFileSync(f, 'half a file');
    expect((await cli(['build', '2', '--force'], root)).code).toBe(0);
    expect((await cli(['fix', '2'], root)).code).toBe(0);
    for (const f of left) expect(existsSync(f), f).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(backup)).toBe(true);
    fs.rmSync(live);
    fs.rmSync(backup);
    // Also when every issue is up to date and nothing is written.
    const again = path.join(dist, `.2026-2.pdf.bulletin-tmp-${deadPid()}-feedface`);
    writeFileSync(again, 'half a file');
    const batch = await cli(['build', '--all'], root);
    expect(batch.out).toMatch(/0 built, 1 skipped/);
    expect(existsSync(again)).toBe(false);
  });
});
