const t0 = performance.now();
const { load, saveCache } = await import('../dist/load.mjs');
const t1 = performance.now();
const { main } = load();
const t2 = performance.now();
await main();
const t3 = performance.now();
saveCache();
process.on('exit', () => console.error(`boot ${t0.toFixed(0)} importLoader ${(t1 - t0).toFixed(0)} evalBundle ${(t2 - t1).toFixed(0)} main ${(t3 - t2).toFixed(0)} total ${performance.now().toFixed(0)} rss ${(process.resourceUsage().maxRSS / 1024).toFixed(0)}MiB`));
