import { appendFileSync, copyFileSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listIssueDirs } from '../../src/archive/index.js';
import { BuildCache, runBatch, type BatchSummary } from '../../src/batch/index.js';
import { defaultFontPath } from '../../src/fonts/catalog.js';
import { baseConfig, makeArchive, removeArchive } from './archive.js';

const statusOf = (s: BatchSummary) => Object.fromEntries(s.items.map((i) => [`${i.where.year}/${i.where.number}`, i.status]));

describe('incremental batch builds', () => {
  let root: string;
  const build = (opts: { force?: boolean; version?: string } = {}) => runBatch(root, listIssueDirs(root), { jobs: 1, version: 'test-1', ...opts });

  beforeAll(() => {
    // The body font is named in bulletin.yaml so that the test can change it.
    root = makeArchive(
      [
        { year: 2026, number: 1, from: 1 },
        { year: 2026, number: 2, from: 2 },
      ],
      baseConfig('fonts:\n  system: false\n  body: myfonts/body.ttf\n'),
    );
    mkdirSync(path.join(root, 'myfonts'));
    copyFileSync(defaultFontPath('serif'), path.join(root, 'myfonts/body.ttf'));
  });
  afterAll(() => removeArchive(root));

  it('builds everything the first time and records a stamp per issue', async () => {
    const s = await build();
    expect(statusOf(s)).toEqual({ '2026/1': 'built', '2026/2': 'built' });
    const cache = BuildCache.load(root);
    expect(cache.get({ year: 2026, number: 1 })?.output).toBe('dist/2026-1.pdf');
    expect(cache.get({ year: 2026, number: 2 })?.pages).toBeGreaterThan(1);
    expect(statSync(path.join(root, 'dist/2026-2.pdf')).size).toBe(cache.get({ year: 2026, number: 2 })?.bytes);
  });

  it('skips issues whose inputs are unchanged, and leaves their PDFs alone', async () => {
    const before = statSync(path.join(root, 'dist/2026-1.pdf')).mtimeMs;
    const s = await build();
    expect(statusOf(s)).toEqual({ '2026/1': 'skipped', '2026/2': 'skipped' });
    expect(statSync(path.join(root, 'dist/2026-1.pdf')).mtimeMs).toBe(before);
  });

  it('--force rebuilds unchanged issues', async () => {
    expect(statusOf(await build({ force: true }))).toEqual({ '2026/1': 'built', '2026/2': 'built' });
  });

  it('an edited article rebuilds only its issue', async () => {
    appendFileSync(path.join(root, 'issues/2026/2/01-wangge.md'), '\n新增一段文字，用来检验增量排版。\n');
    expect(statusOf(await build())).toEqual({ '2026/1': 'skipped', '2026/2': 'built' });
    expect(statusOf(await build())).toEqual({ '2026/1': 'skipped', '2026/2': 'skipped' });
  });

  it('an edited issue.yaml rebuilds only its issue', async () => {
    const f = path.join(root, 'issues/2026/1/issue.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace(/^copies:.*$/m, 'copies: 99'));
    expect(statusOf(await build())).toEqual({ '2026/1': 'built', '2026/2': 'skipped' });
  });

  it('an edited bulletin.yaml rebuilds every issue', async () => {
    appendFileSync(path.join(root, 'bulletin.yaml'), '# 一行注释也算改动\n');
    expect(statusOf(await build())).toEqual({ '2026/1': 'built', '2026/2': 'built' });
  });

  it('a changed font file rebuilds every issue', async () => {
    const f = path.join(root, 'myfonts/body.ttf');
    const later = new Date(statSync(f).mtimeMs + 60_000);
    utimesSync(f, later, later);
    expect(statusOf(await build())).toEqual({ '2026/1': 'built', '2026/2': 'built' });
    expect(statusOf(await build())).toEqual({ '2026/1': 'skipped', '2026/2': 'skipped' });
  });

  it('another version of the tool rebuilds every issue', async () => {
    expect(statusOf(await build({ version: 'test-2' }))).toEqual({ '2026/1': 'built', '2026/2': 'built' });
    expect(statusOf(await build({ version: 'test-2' }))).toEqual({ '2026/1': 'skipped', '2026/2': 'skipped' });
  });

  it('a deleted or replaced PDF is rebuilt', async () => {
    rmSync(path.join(root, 'dist/2026-1.pdf'));
    writeFileSync(path.join(root, 'dist/2026-2.pdf'), 'not the PDF we wrote');
    expect(statusOf(await build({ version: 'test-2' }))).toEqual({ '2026/1': 'built', '2026/2': 'built' });
  });

  it('a new issue is built without rebuilding the others', async () => {
    const { addIssue } = await import('./archive.js');
    addIssue(root, { year: 2026, number: 3, from: 1, date: '2026-02-09' });
    expect(statusOf(await build({ version: 'test-2' }))).toEqual({ '2026/1': 'skipped', '2026/2': 'skipped', '2026/3': 'built' });
  });

  it('an unchanged issue.yaml is not parsed again: the article list recorded with its text counts, until the text changes', async () => {
    // Recorded with the PDF: a hash of issue.yaml's text and the articles it listed.
    const key = { year: 2026, number: 1 };
    const cache = BuildCache.load(root);
    const entry = cache.get(key)!;
    expect(entry.manifest).toMatch(/^[0-9a-f]{64}$/);
    const listed = readFileSync(path.join(root, 'issues/2026/1/issue.yaml'), 'utf8')
      .match(/^ {2}- (.+)$/gm)!
      .map((l) => `issues/2026/1/${l.slice(4)}`);
    expect(entry.articles).toEqual(listed);
    // Drop the last article from the record only: while issue.yaml is unchanged, an edit to that
    // article goes unseen (proof that the record, not a parse, gave the list) …
    cache.set(key, { ...entry, articles: listed.slice(0, -1) });
    cache.save();
    expect(statusOf(await build({ version: 'test-2' }))['2026/1']).toBe('built');
    appendFileSync(path.join(root, listed.at(-1)!), '\n补充一段。\n');
    expect(statusOf(await build({ version: 'test-2' }))['2026/1']).toBe('skipped');
    // … and any edit to issue.yaml makes it parsed again, with the full list.
    const f = path.join(root, 'issues/2026/1/issue.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace(/^copies:.*$/m, 'copies: 98'));
    expect(statusOf(await build({ version: 'test-2' }))['2026/1']).toBe('built');
    expect(BuildCache.load(root).get(key)!.articles).toEqual(listed);
  });
});
