// Bundle the CLI and every dependency into one CommonJS script, dist/bulletin.cjs: one file to
// read, no module resolution, and (through dist/load.mjs) a V8 code cache instead of compiling
// on every start. dist/worker.mjs is the entry of the worker threads of batch builds.
//
// Module-level work that bulletin never needs is deferred until first use:
// - pdfkit's line breaker, PNG decoder and AES (text layout, images, encryption: unused) and
//   fontkit's Brotli (WOFF2 only) are replaced by stubs that load the real module on first use;
// - fontkit's complex-script shapers build Unicode tries and state machines when loaded; they are
//   wrapped to be built on first use (Chinese needs no shaping).
// pdfkit's own files are found at run time through require.resolve (PDF/A colour profile,
// standard fonts), not relative to the bundle.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);

/** A hash of the sources: part of every PDF's input stamp, so a changed tool rebuilds. */
function buildId() {
  const h = createHash('sha256');
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|json)$/.test(e.name)) h.update(p).update(readFileSync(p));
    }
  };
  walk('src');
  h.update(readFileSync('package-lock.json'));
  return h.digest('hex').slice(0, 12);
}

const pdfkitFile = require.resolve('pdfkit'); // the CommonJS build
const fontkitFile = require.resolve('fontkit');
const pdfkitDir = path.dirname(pdfkitFile);
const fontkitDir = path.dirname(fontkitFile);

/** Modules loaded by pdfkit/fontkit at start that bulletin never uses: stubbed, loaded on first use. */
const LAZY = new Set(['linebreak', 'png-js', '@noble/ciphers/aes', 'brotli/decompress.js']);

const lazyPlugin = {
  name: 'bulletin-lazy',
  setup(b) {
    // Use the CommonJS builds of pdfkit and fontkit: their requires can then be deferred.
    b.onResolve({ filter: /^(pdfkit|fontkit)$/ }, (args) => ({ path: args.path === 'pdfkit' ? pdfkitFile : fontkitFile }));
    b.onResolve({ filter: /^(linebreak|png-js|@noble\/ciphers\/aes|brotli\/decompress\.js)$/ }, (args) => {
      if (!LAZY.has(args.path) || !(args.importer.startsWith(pdfkitDir) || args.importer.startsWith(fontkitDir))) return undefined;
      const real = createRequire(args.importer).resolve(args.path);
      return { path: real, namespace: 'bulletin-lazy' };
    });
    b.onLoad({ filter: /.*/, namespace: 'bulletin-lazy' }, (args) => ({
      resolveDir: path.dirname(args.path),
      loader: 'js',
      contents: `var m; function l() { return m || (m = require(${JSON.stringify(args.path)})); }
module.exports = new Proxy(function () {}, {
  get: function (_, k) { return l()[k]; },
  has: function (_, k) { return k in l(); },
  apply: function (_, t, a) { return Reflect.apply(l(), t, a); },
  construct: function (_, a) { return Reflect.construct(l(), a); },
});`,
    }));
    b.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8').replaceAll('__filename', '__bulletinPdfkitFile()');
      return { contents: text, loader: 'js' };
    });
    b.onLoad({ filter: /[\\/]fontkit[\\/]dist[\\/]main\.cjs$/ }, (args) => {
      let n = 0;
      const text = readFileSync(args.path, 'utf8').replace(
        /^const (\$\w+\$var\$(?:trie|stateMachine)) = (new \(0, \(\$parcel\$interopDefault\(\$\w+\$(?:unicodetrie|dfa)\)\)\)\([^;\n]*\));$/gm,
        (_, name, expr) => (n++, `const ${name} = __bulletinLazy(() => ${expr});`),
      );
      if (n === 0) console.warn('bundle: fontkit shaper tables not found; they load eagerly');
      return { contents: text, loader: 'js' };
    });
  },
};

const banner = [
  "var __bulletin_import_meta_url = require('url').pathToFileURL(__filename).href;",
  "var __bulletinPdfkitFile = () => require.resolve('pdfkit');",
  'var __bulletinLazy = (f) => { var v; var o = () => v || (v = f()); return new Proxy({}, { get: (_, k) => { var x = o(); var y = x[k]; return typeof y === "function" ? y.bind(x) : y; } }); };',
].join('\n');

const result = await build({
  write: false,
  entryPoints: ['src/batch/entry.ts'],
  outfile: 'dist/bulletin.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  define: { __BULLETIN_BUILD__: JSON.stringify(buildId()), 'import.meta.url': '__bulletin_import_meta_url' },
  banner: { js: banner },
  plugins: [lazyPlugin],
  // Whitespace and syntax only: readable names in profiles and stack traces; the code cache makes size cheap.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'external',
  legalComments: 'none',
  logLevel: 'warning',
});
// Replace the files by rename, so that a CLI starting meanwhile never reads half a bundle.
mkdirSync('dist', { recursive: true });
for (const f of result.outputFiles) {
  const tmp = `${f.path}.${process.pid}.tmp`;
  writeFileSync(tmp, f.contents);
  renameSync(tmp, f.path);
}
rmSync('dist/bulletin.mjs', { force: true }); // the former ES-module bundle
copyFileSync('scripts/load.mjs', 'dist/load.mjs.tmp');
renameSync('dist/load.mjs.tmp', 'dist/load.mjs');
writeFileSync('dist/worker.mjs.tmp', "// Worker thread of batch builds: the same bundle as the CLI.\nimport { load } from './load.mjs';\nload();\n");
renameSync('dist/worker.mjs.tmp', 'dist/worker.mjs');

// Warm the code cache with a real build of a sample issue (the repository is a sample archive).
rmSync(path.join('dist', '.bulletin.cjs.codecache'), { force: true });
const samples = existsSync('bulletin.yaml') && existsSync('issues/2026') ? readdirSync('issues/2026').filter((n) => /^\d+$/.test(n)).sort((a, b) => a - b) : [];
if (samples.length && !process.env.BULLETIN_NO_CODE_CACHE) {
  const out = path.join(tmpdir(), `bulletin-warm-${process.pid}.pdf`);
  try {
    execFileSync(process.execPath, ['bin/bulletin.js', 'build', `2026/${samples[samples.length - 1]}`, '-o', out], { stdio: 'ignore' });
  } catch {
    /* a broken sample only costs the warm cache: the first real run writes it */
  } finally {
    rmSync(out, { force: true });
  }
}
