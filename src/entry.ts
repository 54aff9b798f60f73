/**
 * The bundle's entry (lib/bulletin.cjs): the CLI for the main thread (bin/bulletin.js calls
 * main) and the batch worker (lib/worker.mjs calls startWorker in each worker thread).
 */
export { main, run } from './cli/index.js';
export { startWorker } from './batch/worker.js';
