/**
 * One unit of batch work: build one issue and describe the outcome in plain data, so the same
 * code runs in the main thread and in a worker (results cross the thread boundary by structured clone).
 */
import { WriteBatch, type IssueDir } from '../archive/index.js';
import { openSession } from '../check/run.js';
import { resolveFonts } from '../fonts/index.js';
import { buildIssue, type BuildShared } from '../pipeline/index.js';
import type { Diagnostic } from '../diagnostics/index.js';

export interface JobRequest {
  id: number;
  root: string;
  where: IssueDir;
  output: string;
  /**
   * Names the batch this job belongs to. Jobs of one batch share what they read of the archive
   * (bulletin.yaml, the folder list, the manifests of neighbouring issues, the fonts), read by the
   * first of them in each thread: one batch is built from one reading of the archive.
   */
  batch?: string;
}

export interface JobResult {
  id: number;
  ok: boolean;
  output?: string;
  pages: number;
  bytes: number;
  /** Wall time of this build in milliseconds. */
  ms: number;
  diagnostics: Diagnostic[];
  /** An exception that escaped the build (a bug, or a crashed worker), with its stack. */
  internal?: string;
}

/** What this thread has read for the batch it is building now (one batch at a time per thread). */
let current: { batch: string; root: string; shared: BuildShared } | undefined;

function sharedFor(req: JobRequest): BuildShared {
  if (!req.batch) return {};
  if (current?.batch !== req.batch || current.root !== req.root) {
    const session = openSession(req.root);
    const config = session.seriesLoad.config;
    current = {
      batch: req.batch,
      root: req.root,
      shared: {
        session,
        fonts: config ? resolveFonts(req.root, config.fonts) : undefined,
        // Never flushed here: runBatch syncs each output folder once at the end, which makes
        // the renames of every thread durable.
        writes: new WriteBatch(),
      },
    };
  }
  return current.shared;
}

/** Let go of what the last batch read (the main thread lives on after a batch, in watch mode or a library caller). */
export function endBatch(): void {
  current = undefined;
}

export async function runJob(req: JobRequest): Promise<JobResult> {
  const t0 = performance.now();
  try {
    const r = await buildIssue(req.root, req.where, req.output, sharedFor(req));
    return { id: req.id, ok: !!r.output, output: r.output, pages: r.pages, bytes: r.bytes, ms: performance.now() - t0, diagnostics: r.diagnostics };
  } catch (e) {
    return { id: req.id, ok: false, pages: 0, bytes: 0, ms: performance.now() - t0, diagnostics: [], internal: (e as Error)?.stack ?? String(e) };
  }
}
