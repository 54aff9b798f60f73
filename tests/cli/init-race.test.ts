/**
 * `bulletin init` against a file that appears between its check and its write (another window, a
 * sync client): the writes are exclusive, so that file is never replaced, and the user is told.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** Called with the target of every atomic write, just before it is made. */
let beforeWrite: ((file: string) => void) | undefined;

vi.mock('../../src/archive/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/archive/index.js')>();
  return {
    ...real,
    writeFileAtomic: (...args: Parameters<typeof real.writeFileAtomic>) => {
      beforeWrite?.(path.resolve(args[0]));
      return real.writeFileAtomic(...args);
    },
  };
});

const { run } = await import('../../src/cli/index.js');

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'bulletin-init-race-'));
});
afterEach(() => {
  beforeWrite = undefined;
  rmSync(cwd, { recursive: true, force: true });
});

async function init(dir: string) {
  let out = '';
  let err = '';
  const code = await run(['init', dir, '--series', '机关工作简报', '--office', '市直机关办公室'], {
    out: (s) => void (out += s),
    err: (s) => void (err += s),
    cwd,
    env: { LANG: 'en_US.UTF-8' },
    isTTY: false,
  });
  return { code, out, err };
}

const THEIRS = 'series: 另一个窗口里写好的简报\noffice: 办公室\n';

describe('bulletin init racing another writer', () => {
  it('a bulletin.yaml that appears after the check is not overwritten: exit 1, the file named, nothing of ours left', async () => {
    const root = path.join(cwd, 'office');
    beforeWrite = (file) => {
      if (path.basename(file) === 'bulletin.yaml') writeFileSync(file, THEIRS);
    };
    const r = await init('office');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${path.join(root, 'bulletin.yaml')} already exists; not overwriting it`);
    expect(r.err).not.toMatch(/internal error|EEXIST|at .*\.ts:/);
    expect(readFileSync(path.join(root, 'bulletin.yaml'), 'utf8')).toBe(THEIRS);
    // What init made for the archive is taken back; the folder stays, since it now holds their file.
    expect(readdirSync(root)).toEqual(['bulletin.yaml']);
  });

  it('a fonts/README.md that appears meanwhile is kept as it is, and the archive is made', async () => {
    const root = path.join(cwd, 'office');
    beforeWrite = (file) => {
      if (file.endsWith(path.join('fonts', 'README.md'))) writeFileSync(file, '本单位字体说明\n');
    };
    const r = await init('office');
    expect(r.code).toBe(0);
    expect(r.err).toContain('started an archive in office: bulletin.yaml, issues/, fonts/');
    expect(r.err).not.toContain('fonts/README.md');
    expect(readFileSync(path.join(root, 'fonts/README.md'), 'utf8')).toBe('本单位字体说明\n');
    expect(existsSync(path.join(root, 'bulletin.yaml'))).toBe(true);
  });
});
