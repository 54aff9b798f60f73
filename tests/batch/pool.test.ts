import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listIssueDirs } from '../../src/archive/index.js';
import { defaultOutput } from '../../src/pipeline/index.js';
import { defaultJobs, ISSUES_PER_EXTRA_JOB, poolThreads, runBatch, runPool } from '../../src/batch/index.js';
import { formatSummary } from '../../src/batch/progress.js';
import { Chalk } from 'chalk';
import { runJob } from '../../src/batch/job.js';
import { readPdf } from '../helpers/pdf.js';
import { makeArchive, removeArchive } from './archive.js';

describe('the thread pool', () => {
  let root: string;
  beforeAll(() => {
    root = makeArchive([1, 2, 3, 4].map((number) => ({ year: 2026, number, from: 1 as const })));
  });
  afterAll(() => removeArchive(root));

  it('a crashing worker fails only the issue it held; the others are built', async () => {
    const crashing = path.join(root, 'crash-worker.mjs');
    writeFileSync(crashing, "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => { throw new Error('boom in worker'); });\n");
    const inputs = listIssueDirs(root).map((where) => ({ root, where, output: defaultOutput(root, where) }));
    const started: number[] = [];
    const done: number[] = [];
    const results = await runPool(inputs, { jobs: 2, workerUrl: pathToFileURL(crashing) }, { onStart: (i) => started.push(i), onDone: (i) => done.push(i) });
    expect(results).toHaveLength(4);
    expect([...done].sort()).toEqual([0, 1, 2, 3]);
    const failed = results.filter((r) => !r.ok);
    const built = results.filter((r) => r.ok);
    expect(failed.length).toBeGreaterThan(0);
    expect(built.length).toBeGreaterThan(0);
    for (const f of failed) expect(f.internal).toMatch(/boom in worker/);
    for (const b of built) expect(b.pages).toBeGreaterThan(0);
    // Every issue built was announced as started (a worker that dies at once announces nothing).
    for (const b of built) expect(started).toContain(b.id);
    results.forEach((r, i) => expect(r.id).toBe(i));
  });

  it('with one job, builds every issue in this thread in order', async () => {
    const inputs = listIssueDirs(root).map((where) => ({ root, where, output: defaultOutput(root, where) }));
    const order: number[] = [];
    const results = await runPool(inputs, { jobs: 1 }, { onStart: (i) => order.push(i) });
    expect(order).toEqual([0, 1, 2, 3]);
    expect(results.every((r) => r.ok)).toBe(true);
  });

  it('by default, a batch too small to pay for a worker thread is built in this thread', async () => {
    // Were a worker started, this one would fail the issue it was given.
    const crashing = path.join(root, 'crash-worker-2.mjs');
    writeFileSync(crashing, "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => { throw new Error('boom in worker'); });\n");
    const s = await runBatch(root, listIssueDirs(root), { force: true, workerUrl: pathToFileURL(crashing) });
    expect(s.items.map((i) => i.status)).toEqual(['built', 'built', 'built', 'built']);
  });
});

describe('one batch, one reading of the archive', () => {
  let root: string;
  beforeAll(() => {
    root = makeArchive([1, 2, 3].map((number) => ({ year: 2026, number, from: 1 as const })));
  });
  afterAll(() => removeArchive(root));

  const office = async (output: string) => (await readPdf(readFileSync(output))).info.Author;

  it('jobs of one batch share bulletin.yaml as read by the first: every issue of a run has the same masthead', async () => {
    const config = path.join(root, 'bulletin.yaml');
    const [first, second, third] = listIssueDirs(root).map((where, id) => ({ id, root, where, output: path.join(root, `${where.number}.pdf`) }));
    expect((await runJob({ ...first, batch: 'run-1' })).ok).toBe(true);
    // Edited while the batch runs: the rest of that batch keeps what it read; the next batch reads it anew.
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^office: .*$/m, 'office: 中共株洲市委组织部研究室'));
    expect((await runJob({ ...second, batch: 'run-1' })).ok).toBe(true);
    expect((await runJob({ ...third, batch: 'run-2' })).ok).toBe(true);
    expect(await office(first.output)).toBe('中共株洲市委组织部办公室');
    expect(await office(second.output)).toBe('中共株洲市委组织部办公室');
    expect(await office(third.output)).toBe('中共株洲市委组织部研究室');
  });
});

describe('the default number of jobs', () => {
  it('is one thread until there are enough issues to pay for another, then one more per as many, up to the cores', () => {
    // A second thread breaks even at about 90–100 issues on the benchmark machine (pool.ts).
    expect(ISSUES_PER_EXTRA_JOB).toBeGreaterThanOrEqual(100);
    expect(defaultJobs(0, 2)).toBe(1);
    expect(defaultJobs(30, 2)).toBe(1);
    expect(defaultJobs(ISSUES_PER_EXTRA_JOB - 1, 2)).toBe(1);
    expect(defaultJobs(ISSUES_PER_EXTRA_JOB, 2)).toBe(2);
    expect(defaultJobs(100, 2)).toBe(1);
    expect(defaultJobs(200, 2)).toBe(2);
    expect(defaultJobs(1000, 2)).toBe(2);
    expect(defaultJobs(1000, 1)).toBe(1);
    expect(defaultJobs(3 * ISSUES_PER_EXTRA_JOB, 8)).toBe(4);
  });
});

describe('the threads of a batch', () => {
  const worker = pathToFileURL('/nonexistent/worker.mjs');

  it('are as many as asked, no more than the issues, one without a worker bundle, none for nothing to build', () => {
    expect(poolThreads(4, { jobs: 2, workerUrl: worker })).toBe(2);
    expect(poolThreads(1, { jobs: 2, workerUrl: worker })).toBe(1);
    expect(poolThreads(0, { jobs: 2, workerUrl: worker })).toBe(0);
    // Running from the TypeScript sources there is no worker bundle beside the pool.
    expect(poolThreads(4, { jobs: 2 })).toBe(1);
  });

  it('are named in the summary when the work was shared, and only then', async () => {
    const root = makeArchive([{ year: 2026, number: 1, from: 1 }]);
    try {
      const one = await runBatch(root, listIssueDirs(root), { force: true, jobs: 1 });
      expect(one.threads).toBe(1);
      const c = new Chalk({ level: 0 });
      expect(formatSummary(one, 'en', c)).toMatch(/0 failed in [\d.]+ s\n/);
      expect(formatSummary({ ...one, threads: 2 }, 'en', c)).toMatch(/0 failed in [\d.]+ s with 2 threads\n/);
      expect(formatSummary({ ...one, threads: 2 }, 'zh', c)).toMatch(/用时 [\d.]+ 秒（2 个线程）\n/);
      const none = await runBatch(root, listIssueDirs(root), {});
      expect(none.threads).toBe(0);
      expect(formatSummary(none, 'en', c)).not.toMatch(/thread/);
    } finally {
      removeArchive(root);
    }
  });
});
