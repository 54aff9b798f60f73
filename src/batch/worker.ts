/**
 * Worker-thread side of batch builds. lib/worker.mjs loads the same bundle as the CLI and calls
 * startWorker(); each worker builds the issues it is sent strictly one after another (the pool
 * keeps one queued, so a worker never waits for the main thread), and fonts parsed for its first
 * issue stay loaded for the rest.
 */
import { runJob, type JobRequest } from './job.js';

/** Set in workerData by the pool: a worker started without it does nothing. */
export const WORKER_FLAG = 'bulletinWorker';

export async function startWorker(): Promise<void> {
  // Loaded here, not at the top: the main thread of a single build never needs worker_threads.
  const { isMainThread, parentPort, workerData } = await import('node:worker_threads');
  const port = parentPort;
  if (isMainThread || !port || (workerData as Record<string, unknown> | null)?.[WORKER_FLAG] !== true) return;
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (req: JobRequest) => {
    queue = queue
      .then(() => {
        port.postMessage({ started: req.id });
        return runJob(req);
      })
      .then((res) => port.postMessage(res));
  });
}
