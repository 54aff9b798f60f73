/**
 * Worker-thread side of batch builds. The pool starts each worker from the same bundle as the CLI
 * (dist/worker.mjs loads dist/bulletin.cjs) with `workerData.bulletinWorker` set; each worker
 * builds the issues it is sent, one at a time, and fonts parsed for its first issue stay loaded
 * for the rest.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runJob, type JobRequest } from './job.js';

export const WORKER_FLAG = 'bulletinWorker';

const port = parentPort;
if (!isMainThread && port && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG] === true) {
  port.on('message', (req: JobRequest | { type: 'exit' }) => {
    if ('type' in req) {
      port.close();
      return;
    }
    void runJob(req).then((res) => port.postMessage(res));
  });
}
