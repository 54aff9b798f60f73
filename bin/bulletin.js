#!/usr/bin/env node
// Entry point. The CLI is bundled into lib/ by `npm install` (the prepare script); lib/load.mjs
// evaluates the bundle with a V8 code cache (kept in the user's cache folder) for a fast cold
// start. Without lib/ (removed, or installed with --ignore-scripts) the bundle is made now when the
// tools to make it are there, and otherwise the user is told what to run: never a stack trace.
import { existsSync, readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

const args = process.argv.slice(2);
// `--version` alone answers without loading the bundle: start-up within a few ms of bare node.
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  let version;
  try {
    version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
  } catch {
    /* no package.json beside bin/: the CLI answers */
  }
  if (typeof version === 'string') {
    process.stdout.write(`${version}\n`);
    process.exit(0);
  }
}

const lib = new URL('../lib/', import.meta.url);
if (!existsSync(new URL('bulletin.cjs', lib)) || !existsSync(new URL('v8flags.mjs', lib))) {
  const { ensureBundle } = await import('../scripts/ensure.mjs');
  if (!(await ensureBundle())) process.exit(1);
}
// V8 flags per command, with a code cache per flag set (scripts/v8flags.mjs, copied to lib/).
const { v8FlagSet } = await import(new URL('v8flags.mjs', lib).href);
const flags = v8FlagSet(args);
if (flags) setFlagsFromString(flags.v8);
const { load, saveCache } = await import(new URL('load.mjs', lib).href);
const { main } = load({ variant: flags?.name });
await main();
saveCache();
