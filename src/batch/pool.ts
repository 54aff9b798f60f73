/**
 * A small pool of threads for batch builds: this thread and N-1 worker threads. Work is handed out
 * one issue at a time, so a slow issue never holds back the rest. With one job (or one issue, or no
 * worker bundle, as when running from the TypeScript sources) every issue is built in this thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runJob, type JobRequest, type JobResult } from './job.js';
import { WORKER_FLAG } from './worker.js';

export type JobInput = Omit<JobRequest, 'id'>;

export interface PoolOptions {
  jobs: number;
  /** The worker entry module; by default lib/worker.mjs beside the bundle (it loads lib/bulletin.cjs). */
  workerUrl?: URL;
}

export interface PoolHooks {
  /** An issue starts building (index into the inputs). */
  onStart?(index: number): void;
  /** An issue is done. */
  onDone?(index: number, result: JobResult): void;
}

/**
 * Issues each extra thread must have to pay for itself. A worker thread starts cold: loading the
 * bundle and the fonts and warming up the JIT cost it about 1.3 s of CPU on the benchmark machine,
 * and while it warms up the two threads slow each other down (V8 compiles and collects garbage on
 * the same two cores), against about 0.025 s per issue once warm. Measured alternately, --jobs 2
 * against --jobs 1: 200 issues 5.14 s against 6.22 s (1.21×); 128 issues 3.59 s against 4.10 s
 * (1.14×, with other work on the machine, load average 2.2); 100 issues 3.27 s against 3.35 s
 * (1.02×) on a quiet machine, but 3.78 s against 3.49 s while other work shared the cores. A
 * second thread breaks even at about 90–100 issues.
 */
export const ISSUES_PER_EXTRA_JOB = 128;

/**
 * The default number of threads for a batch of `issues` to build: one below ISSUES_PER_EXTRA_JOB
 * issues, then one more per ISSUES_PER_EXTRA_JOB, never more than the machine's cores: in the
 * measurements above, the default was not the slower choice against --jobs 1, and a large archive
 * uses every core.
 */
export function defaultJobs(issues: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.floor(issues / ISSUES_PER_EXTRA_JOB) + 1));
}

/** The worker bundle beside this module, when there is one (there is in lib/, not in src/). */
export function defaultWorkerUrl(): URL | undefined {
  try {
    const u = new URL('./worker.mjs', import.meta.url);
    return u.protocol === 'file:' && existsSync(fileURLToPath(u)) ? u : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The threads runPool builds `issues` issues with, given the worker bundle it found (`workerUrl`
 * already resolved: undefined means there is none, as when running from the sources): one without it.
 */
export function poolThreads(issues: number, opts: PoolOptions): number {
  if (issues === 0) return 0;
  const jobs = Math.max(1, Math.min(opts.jobs, issues));
  return jobs > 1 && opts.workerUrl ? jobs : 1;
}

export async function runPool(inputs: JobInput[], opts: PoolOptions, hooks: PoolHooks = {}): Promise<JobResult[]> {
  const results: JobResult[] = new Array(inputs.length);
  const url = opts.workerUrl ?? defaultWorkerUrl();
  const jobs = poolThreads(inputs.length, { jobs: opts.jobs, workerUrl: url });
  if (jobs <= 1 || !url) {
    for (let i = 0; i < inputs.length; i++) {
      hooks.onStart?.(i);
      // Let a spinner draw between issues: building itself is synchronous work.
      await new Promise((r) => setImmediate(r));
      results[i] = await runJob({ ...inputs[i], id: i });
      hooks.onDone?.(i, results[i]);
    }
    return results;
  }

  const { Worker } = await import('node:worker_threads');
  let next = 0;
  let done = 0;
  return new Promise<JobResult[]>((resolve) => {
    const finishOne = (i: number, r: JobResult) => {
      if (results[i]) return;
      results[i] = r;
      done++;
      hooks.onDone?.(i, r);
      if (done === inputs.length) resolve(results);
    };
    // Issues given back by a crashed worker that had not started them yet.
    const retry: number[] = [];
    const take = (): number | undefined => (retry.length ? retry.shift() : next < inputs.length ? next++ : undefined);
    const remaining = () => retry.length > 0 || next < inputs.length;
    const spawn = () => {
      const w = new Worker(url, { workerData: { [WORKER_FLAG]: true } });
      // In flight on this worker, oldest (the one being built) first. Two at a time, so that the
      // worker has its next issue at hand while this thread is busy building one of its own.
      const inflight: number[] = [];
      let dead = false;
      const feed = () => {
        while (!dead && inflight.length < 2) {
          const i = take();
          if (i === undefined) break;
          inflight.push(i);
          w.postMessage({ ...inputs[i], id: i } satisfies JobRequest);
        }
        if (!inflight.length) void w.terminate();
      };
      w.on('message', (r: JobResult | { started: number }) => {
        if ('started' in r) {
          hooks.onStart?.(r.started);
          return;
        }
        const k = inflight.indexOf(r.id);
        if (k >= 0) inflight.splice(k, 1);
        finishOne(r.id, r);
        feed();
      });
      const crash = (why: string) => {
        if (dead) return;
        dead = true;
        // The issue being built takes the blame; the ones queued behind it go back to the pool.
        const [current, ...queued] = inflight.splice(0);
        retry.push(...queued);
        if (current !== undefined) finishOne(current, { id: current, ok: false, pages: 0, bytes: 0, ms: 0, diagnostics: [], internal: why });
        // Carry on with a fresh worker while work remains.
        if (remaining()) spawn();
      };
      w.on('error', (e) => crash(e?.stack ?? String(e)));
      w.on('exit', (code) => {
        if (inflight.length) crash(`worker exited with code ${code}`);
        dead = true;
      });
      feed();
    };
    // This thread is one of the N: it has the code loaded already, and N-1 workers start meanwhile.
    const inline = async () => {
      for (let i = take(); i !== undefined; i = take()) {
        hooks.onStart?.(i);
        // Let worker messages and the spinner through between issues.
        await new Promise((r) => setImmediate(r));
        finishOne(i, await runJob({ ...inputs[i], id: i }));
      }
    };
    for (let k = 1; k < jobs; k++) spawn();
    void inline();
  });
}
