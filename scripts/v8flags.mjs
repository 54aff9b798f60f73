// V8 flags per command (issue #12), set by bin/bulletin.js before the bundle is compiled (copied
// to lib/ beside the bundle by scripts/bundle.mjs).
//
// A run that does one thing and exits (build or check one issue, fonts, list, new, --version)
// spends more CPU in TurboFan compiling hot functions than the optimized code gives back:
// `--no-opt` measured CPU ×0.72–0.77 and 12 MiB less peak memory for a cold `build 2026/1`. A batch
// (--all, a year, a range) or a watch session runs the same code hundreds of times and wants
// TurboFan, so it keeps V8's defaults, and so do its worker threads (V8 flags are per process).
// V8 rejects a code cache made under other flags, so each flag set keeps its own cache file.

/** The flag set for a command line: { name, v8 } for a one-off run, undefined for V8's defaults. */
export function v8FlagSet(args) {
  const many = args.some(
    (a) => a === '--all' || a === '--watch' || a === '-w' || /^(\d{4}[/-])?\d{1,4}\.\.\d{1,4}$/.test(a) || (/^\d{4}$/.test(a) && Number(a) >= 1900),
  );
  // `image` runs per-pixel loops (greyscale test, PNG rows) over ~20 million pixels: TurboFan pays
  // for itself there (`image 2026/2`: 2.70 s with --no-opt, 2.03 s without, on the bench machine).
  const pixels = args.includes('image');
  return many || pixels ? undefined : { name: 'once', v8: '--no-opt' };
}
