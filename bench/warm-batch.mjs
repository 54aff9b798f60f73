// The floor of a batch (issue #12): `build --all --force --jobs 1` run twice in one process, the
// way bin/bulletin.js runs it (the bundle through lib/load.mjs, V8's default flags), printing one
// line of JSON with the times of the bundle load and of each pass, in ms. The second pass finds
// its code compiled and optimized by the first, so it is what a fresh process would take if V8
// could start warm; with the cost of a bare Node start added it is a lower bound for the command.
//
//   node bench/warm-batch.mjs   (in the archive's folder)
import { load } from '../lib/load.mjs';

const t0 = performance.now();
const { run } = load();
const loadMs = performance.now() - t0;
const io = { out() {}, err() {}, env: process.env, cwd: process.cwd(), isTTY: false };
const passes = [];
for (let k = 0; k < 2; k++) {
  const t = performance.now();
  const code = await run(['build', '--all', '--force', '--jobs', '1'], io);
  if (code !== 0) {
    process.stderr.write(`build --all failed (exit ${code}) in pass ${k + 1}\n`);
    process.exit(1);
  }
  passes.push(performance.now() - t);
}
process.stdout.write(`${JSON.stringify({ loadMs, passes })}\n`);
