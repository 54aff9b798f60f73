import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BuildCache, CACHE_FILE } from '../../src/batch/index.js';

describe('the build cache', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const entry = (stamp: string) => ({ stamp, output: 'dist/x.pdf', pages: 1, bytes: 1, warnings: 0 });

  it('keeps the entries another process saved meanwhile', () => {
    root = mkdtempSync(path.join(tmpdir(), 'bulletin-cache-'));
    const a = BuildCache.load(root);
    const b = BuildCache.load(root);
    a.set({ year: 2026, number: 1 }, entry('a'));
    b.set({ year: 2026, number: 2 }, entry('b'));
    a.save();
    b.save();
    const c = BuildCache.load(root);
    expect(c.get({ year: 2026, number: 1 })?.stamp).toBe('a');
    expect(c.get({ year: 2026, number: 2 })?.stamp).toBe('b');
    c.delete({ year: 2026, number: 1 });
    c.save();
    const json = JSON.parse(readFileSync(path.join(root, CACHE_FILE), 'utf8'));
    expect(Object.keys(json.entries)).toEqual(['2026/2']);
  });

  it('starts empty when the file is missing or broken', () => {
    root = mkdtempSync(path.join(tmpdir(), 'bulletin-cache-'));
    expect(BuildCache.load(root).get({ year: 2026, number: 1 })).toBeUndefined();
  });
});
