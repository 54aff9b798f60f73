#!/usr/bin/env node
// Entry point. The CLI is bundled into dist/ by `npm install` (the prepare script); dist/load.mjs
// evaluates the bundle with a V8 code cache for a fast cold start.
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { load, saveCache } from '../dist/load.mjs';
import { v8FlagSet } from '../scripts/v8flags.mjs';

const args = process.argv.slice(2);
// `--version` alone answers without loading the bundle: start-up within a few ms of bare node.
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
  process.exit(0);
}

// V8 flags per command, with a code cache per flag set (scripts/v8flags.mjs).
const flags = v8FlagSet(args);
if (flags) setFlagsFromString(flags.v8);
const { main } = load({ variant: flags?.name });
await main();
saveCache();
