#!/usr/bin/env node
// Entry point. The CLI is bundled into dist/ by `npm install` (the prepare script).
import { main } from '../dist/bulletin.mjs';
await main();
