/**
 * Batches of writes (build --all, web) sync each folder once, after the files and before the record
 * that lists them (the build cache, the web manifest): never a record of a rename that a crash
 * could still undo.
 */
import fs, { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listIssueDirs } from '../../src/archive/index.js';
import { runBatch } from '../../src/batch/index.js';
import { publishWeb, WEB_MANIFEST } from '../../src/editions/web/index.js';
import { makeArchive, removeArchive } from './archive.js';

/** What was synced and renamed, in order: `folder <inode>`, `file`, `rename <name>`. */
function recordSyncs(run: () => Promise<unknown> | unknown): Promise<string[]> {
  const events: string[] = [];
  const fsync = fs.fsyncSync;
  const rename = fs.renameSync;
  const syncSpy = vi.spyOn(fs, 'fsyncSync').mockImplementation((fd) => {
    const st = fs.fstatSync(fd);
    events.push(st.isDirectory() ? `folder ${st.ino}` : 'file');
    fsync(fd);
  });
  const renameSpy = vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
    events.push(`rename ${path.basename(String(to))}`);
    rename(from, to);
  });
  return Promise.resolve(run())
    .then(() => events)
    .finally(() => {
      syncSpy.mockRestore();
      renameSpy.mockRestore();
    });
}

describe('folders synced once per batch, before the record of what was written', () => {
  let root: string;
  beforeAll(() => {
    root = makeArchive([1, 2, 3].map((number) => ({ year: 2026, number, from: 1 as const })));
  });
  afterAll(() => removeArchive(root));

  it('build --all: the output folder, and the folder a linked PDF leads to, before the build cache', async () => {
    const elsewhere = path.join(root, 'elsewhere');
    mkdirSync(elsewhere);
    mkdirSync(path.join(root, 'dist'));
    writeFileSync(path.join(elsewhere, 'real.pdf'), 'old');
    symlinkSync(path.join(elsewhere, 'real.pdf'), path.join(root, 'dist', '2026-3.pdf'));
    const folder = (dir: string) => `folder ${fs.statSync(dir).ino}`;
    const events = await recordSyncs(() => runBatch(root, listIssueDirs(root), { jobs: 1, force: true }));
    expect(fs.readFileSync(path.join(elsewhere, 'real.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const cacheSaved = events.indexOf('rename .bulletin-cache.json');
    expect(cacheSaved).toBeGreaterThan(0);
    const before = events.slice(0, cacheSaved);
    // Three PDFs, each flushed before its rename; no folder synced per file.
    expect(before.filter((e) => e === 'file')).toHaveLength(4); // three PDFs and the cache
    expect(
      before
        .filter((e) => e.startsWith('rename '))
        .map((e) => e.slice(7))
        .sort(),
    ).toEqual(['2026-1.pdf', '2026-2.pdf', 'real.pdf']);
    const folders = before.filter((e) => e.startsWith('folder '));
    expect(folders.sort()).toEqual([folder(path.join(root, 'dist')), folder(elsewhere)].sort());
    // The folders come after the last PDF is in place.
    expect(before.lastIndexOf('rename real.pdf')).toBeLessThan(before.indexOf(folder(elsewhere)));
  });

  it('web: every page folder once, after the pages and before the manifest', async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'bulletin-web-sync-'));
    try {
      const events = await recordSyncs(() => publishWeb({ root, targets: listIssueDirs(root), outDir, generator: 'test' }));
      const manifest = events.indexOf(`rename ${WEB_MANIFEST}`);
      expect(manifest).toBeGreaterThan(0);
      const pages = events.map((e, i) => (e.startsWith('rename ') && i < manifest ? i : -1)).filter((i) => i >= 0);
      expect(pages.length).toBeGreaterThan(6);
      const lastPage = Math.max(...pages);
      const folderSyncs = events.slice(0, manifest).filter((e) => e.startsWith('folder '));
      // The site's folder and one per issue, each once, all after the last page.
      expect(folderSyncs).toHaveLength(4);
      expect(new Set(folderSyncs).size).toBe(4);
      expect(events.slice(0, lastPage).some((e) => e.startsWith('folder '))).toBe(false);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
