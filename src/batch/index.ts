/**
 * Batch regeneration: decide which issues are out of date, build those in parallel, record the
 * stamps of what was built, and say how it went. One failing issue never stops the others.
 */
import path from 'node:path';
import { realOrSelf, sweepStaleTemps, syncFolder, type IssueDir } from '../archive/index.js';
import { defaultOutput } from '../pipeline/index.js';
import { BuildCache } from './cache.js';
import { endBatch, type JobResult } from './job.js';
import { defaultJobs, defaultWorkerUrl, poolThreads, runPool } from './pool.js';
import { stampBase, stampIssue, type StampInputs } from './stamp.js';

export { BuildCache, CACHE_FILE, issueKey, type CacheEntry } from './cache.js';
export { issueStamp, stampBase, stampIssue, toolVersion, type StampBase, type StampInputs } from './stamp.js';
export { runPool, poolThreads, defaultWorkerUrl, defaultJobs, ISSUES_PER_EXTRA_JOB } from './pool.js';
export type { JobResult } from './job.js';

export type ItemStatus = 'built' | 'skipped' | 'failed';

export interface BatchItem {
  where: IssueDir;
  output: string;
  status: ItemStatus;
  /** Present for built and failed issues. */
  result?: JobResult;
}

export interface BatchReporter {
  start(total: number, toBuild: number): void;
  begin(where: IssueDir): void;
  end(item: BatchItem): void;
  stop(): void;
}

export interface BatchOptions {
  /** Threads to build with; by default chosen from the number of issues to build (defaultJobs). */
  jobs?: number;
  force?: boolean;
  workerUrl?: URL;
  /** Overrides the tool version in stamps (tests). */
  version?: string;
  reporter?: BatchReporter;
}

export interface BatchSummary {
  items: BatchItem[];
  ms: number;
  /** Threads the issues were built with (0 when none needed building). */
  threads: number;
}

export async function runBatch(root: string, targets: IssueDir[], opts: BatchOptions): Promise<BatchSummary> {
  const t0 = performance.now();
  // What a killed run left in the output folder goes, even when every issue is up to date.
  sweepStaleTemps(path.join(root, 'dist'));
  const cache = BuildCache.load(root);
  const base = stampBase(root, opts.version);
  const items: BatchItem[] = [];
  const pending: { item: BatchItem; stamp: string; inputs?: StampInputs }[] = [];
  for (const where of targets) {
    const output = defaultOutput(root, where);
    const { stamp, inputs } = stampIssue(base, where, cache.get(where));
    const item: BatchItem = { where, output, status: 'skipped' };
    items.push(item);
    if (opts.force || !cache.isFresh(where, stamp, output)) pending.push({ item, stamp, inputs });
  }
  // Distinct per run, so a thread never carries what it read into another batch.
  const batch = `${process.pid}:${t0}:${Math.random()}`;
  const rep = opts.reporter;
  rep?.start(targets.length, pending.length);
  const toBuild = new Set(pending.map((p) => p.item));
  for (const it of items) if (!toBuild.has(it)) rep?.end(it);
  // The worker bundle looked for once: the thread count and the pool both need it.
  const pool = { jobs: opts.jobs ?? defaultJobs(pending.length), workerUrl: opts.workerUrl ?? defaultWorkerUrl() };
  const threads = poolThreads(pending.length, pool);
  try {
    await runPool(
      pending.map(({ item }) => ({ root, where: item.where, output: item.output, batch })),
      pool,
      {
        onStart: (i) => rep?.begin(pending[i].item.where),
        onDone: (i, r) => {
          const { item, stamp, inputs } = pending[i];
          item.result = r;
          item.status = r.ok ? 'built' : 'failed';
          if (r.ok && r.output)
            cache.set(item.where, {
              stamp,
              output: cache.rel(r.output),
              pages: r.pages,
              bytes: r.bytes,
              warnings: r.diagnostics.filter((d) => d.severity === 'warning').length,
              ...inputs,
            });
          rep?.end(item);
        },
      },
    );
  } finally {
    endBatch();
    // The builds left each folder's fsync to the batch (WriteBatch): once per folder, here, before
    // the cache records the new PDFs as built. The folder is the one the rename was made in: where
    // an output that is a link leads.
    for (const dir of new Set(pending.map((p) => path.dirname(realOrSelf(p.item.output))))) syncFolder(dir);
    cache.save();
    rep?.stop();
  }
  return { items, ms: performance.now() - t0, threads };
}

/** Record the stamp of a PDF built outside a batch (a single `build`, or watch mode). */
export function recordBuild(
  root: string,
  where: IssueDir,
  stamped: { stamp: string; inputs?: StampInputs },
  r: { output?: string; pages: number; bytes: number; diagnostics: { severity: string }[] },
): void {
  if (!r.output || !stamped.stamp) return;
  const cache = BuildCache.load(root);
  cache.set(where, {
    stamp: stamped.stamp,
    output: cache.rel(r.output),
    pages: r.pages,
    bytes: r.bytes,
    warnings: r.diagnostics.filter((d) => d.severity === 'warning').length,
    ...stamped.inputs,
  });
  cache.save();
}

/** Compress issue keys into runs: 2026/1..5, 2027/2. */
export function compressRefs(list: Pick<IssueDir, 'year' | 'number'>[]): string {
  const sorted = [...list].sort((a, b) => a.year - b.year || a.number - b.number);
  const out: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1].year === sorted[i].year && sorted[j + 1].number === sorted[j].number + 1) j++;
    out.push(j > i ? `${sorted[i].year}/${sorted[i].number}..${sorted[j].number}` : `${sorted[i].year}/${sorted[i].number}`);
    i = j + 1;
  }
  return out.join(', ');
}
