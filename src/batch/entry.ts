/**
 * The bundle's entry (dist/bulletin.cjs): the CLI for the main thread (bin/bulletin.js calls
 * main) and the batch worker (dist/worker.mjs calls startWorker in each worker thread).
 */
export { main, run } from '../cli/index.js';
export { startWorker } from './worker.js';
