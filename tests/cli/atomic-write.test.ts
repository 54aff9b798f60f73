/** The one atomic write: permissions kept, links kept, exclusive never replaces, special files refused. */
import fs, { chmodSync, lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WriteBatch, WriteFault, writeFileAtomic } from '../../src/archive/index.js';

describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'bulletin-write-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const code = (f: () => void) => {
    try {
      f();
    } catch (e) {
      return e instanceof WriteFault ? e.code : `not a WriteFault: ${e}`;
    }
    return 'no error';
  };

  it('keeps an existing file’s permissions and writes through a link, leaving the link', () => {
    const file = path.join(dir, 'a.md');
    writeFileSync(file, 'old');
    chmodSync(file, 0o664); // group-writable: the umask (022) alone would take that away
    writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o664);
    const link = path.join(dir, 'link.md');
    symlinkSync(file, link);
    writeFileAtomic(link, 'via link');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('via link');
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'link.md']);
  });

  it('exclusive never replaces; folders and FIFOs are refused, never replaced', () => {
    const file = path.join(dir, 'a.md');
    writeFileSync(file, 'keep');
    expect(code(() => writeFileAtomic(file, 'x', { exclusive: true }))).toBe('EEXIST');
    expect(readFileSync(file, 'utf8')).toBe('keep');
    writeFileAtomic(path.join(dir, 'b.md'), 'new', { exclusive: true });
    expect(readFileSync(path.join(dir, 'b.md'), 'utf8')).toBe('new');
    expect(code(() => writeFileAtomic(dir, 'x'))).toBe('EISDIR');
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    expect(code(() => writeFileAtomic(fifo, 'x'))).toBe('ENOTREG');
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.md', 'pipe']);
  });

  it('in a batch, syncs each file before its rename and each folder once, at flush()', () => {
    // What was fsynced, in order: a file's bytes ('file') or a folder's entries ('folder').
    const synced: string[] = [];
    const fsync = fs.fsyncSync;
    const spy = vi.spyOn(fs, 'fsyncSync').mockImplementation((fd) => {
      synced.push(fs.fstatSync(fd).isDirectory() ? 'folder' : 'file');
      fsync(fd);
    });
    try {
      const sub = path.join(dir, 'sub');
      // Debris of a run that was killed: swept at the batch's first write into its folder.
      const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
      fs.mkdirSync(sub);
      writeFileSync(path.join(sub, `.c.pdf.bulletin-tmp-${dead}-0a1b2c3d`), 'half');
      const batch = new WriteBatch();
      for (const name of ['a.pdf', 'b.pdf']) writeFileAtomic(path.join(dir, name), name, { batch });
      writeFileAtomic(path.join(sub, 'c.pdf'), 'c', { batch });
      expect(synced).toEqual(['file', 'file', 'file']);
      expect(readdirSync(sub)).toEqual(['c.pdf']);
      batch.flush();
      expect(synced).toEqual(['file', 'file', 'file', 'folder', 'folder']);
      batch.flush();
      expect(synced).toHaveLength(5);
      // Alone, a write syncs its folder at once.
      writeFileAtomic(path.join(dir, 'd.pdf'), 'd');
      expect(synced.slice(5)).toEqual(['file', 'folder']);
      expect(readFileSync(path.join(dir, 'b.pdf'), 'utf8')).toBe('b.pdf');
    } finally {
      spy.mockRestore();
    }
  });
});
