#!/usr/bin/env node
// Entry point. The CLI is bundled into dist/ by `npm install` (the prepare script); dist/load.mjs
// evaluates the bundle with a V8 code cache for a fast cold start.
import { load, saveCache } from '../dist/load.mjs';

const { main } = load();
await main();
saveCache();
