/**
 * The bundle's entry (dist/bulletin.cjs): the CLI for the main thread, and — imported for its
 * side effect — the batch worker, which only starts in a worker thread created by the pool.
 */
export { main, run } from '../cli/index.js';
import './worker.js';
