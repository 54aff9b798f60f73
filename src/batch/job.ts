/**
 * One unit of batch work: build one issue and describe the outcome in plain data, so the same
 * code runs in the main thread and in a worker (results cross the thread boundary by structured clone).
 */
import type { IssueDir } from '../archive/index.js';
import { buildIssue } from '../pipeline/index.js';
import type { Diagnostic } from '../diagnostics/index.js';

export interface JobRequest {
  id: number;
  root: string;
  where: IssueDir;
  output: string;
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

export async function runJob(req: JobRequest): Promise<JobResult> {
  const t0 = performance.now();
  try {
    const r = await buildIssue(req.root, req.where, req.output);
    return { id: req.id, ok: !!r.output, output: r.output, pages: r.pages, bytes: r.bytes, ms: performance.now() - t0, diagnostics: r.diagnostics };
  } catch (e) {
    return { id: req.id, ok: false, pages: 0, bytes: 0, ms: performance.now() - t0, diagnostics: [], internal: (e as Error)?.stack ?? String(e) };
  }
}
