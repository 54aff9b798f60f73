#!/usr/bin/env node
// Entry point. The CLI is bundled into lib/ by `npm install` (the prepare script); lib/load.mjs
// evaluates the bundle with a V8 code cache (kept in the user's cache folder) for a fast cold
// start. Without lib/ (removed, or installed with --ignore-scripts) the bundle is made now when the
// tools to make it are there, and otherwise the user is told what to run: never a stack trace.
import { existsSync } from 'node:fs';

const lib = new URL('../lib/', import.meta.url);
if (!existsSync(new URL('bulletin.cjs', lib))) {
  const { ensureBundle } = await import('../scripts/ensure.mjs');
  if (!(await ensureBundle())) process.exit(1);
}
const { load, saveCache } = await import(new URL('load.mjs', lib).href);
const { main } = load();
await main();
saveCache();
