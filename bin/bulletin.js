#!/usr/bin/env node
// Entry point. The CLI is bundled into dist/ by `npm install` (the prepare script); dist/load.mjs
// evaluates the bundle with a V8 code cache for a fast cold start.
import { setFlagsFromString } from 'node:v8';
import { load, saveCache } from '../dist/load.mjs';
import { v8FlagSet } from '../scripts/v8flags.mjs';

// V8 flags per command, with a code cache per flag set (scripts/v8flags.mjs).
const flags = v8FlagSet(process.argv.slice(2));
if (flags) setFlagsFromString(flags.v8);
const { main } = load({ variant: flags?.name });
await main();
saveCache();
