// Bundle the CLI and every dependency into one CommonJS script, lib/bulletin.cjs: one file to
// read, no module resolution, and (through lib/load.mjs) a V8 code cache instead of compiling
// on every start. lib/worker.mjs is the entry of the worker threads of batch builds.
//
// lib/ is the tool's own build output (gitignored, made by the prepare script, shipped by npm
// pack); dist/ belongs to the archive (its PDFs). `node scripts/bundle.mjs --out DIR` bundles
// elsewhere (the tests do, into a temp folder), `--no-warm` skips warming the code cache.
//
// Module-level work that bulletin never needs is deferred until first use (see LAZY, NO_MARKS):
// - pdfkit's line breaker, PNG decoder and AES (text layout, images, encryption: unused) and
//   fontkit's Brotli (WOFF2 only) are replaced by stubs that load the real module on first use;
// - fontkit's complex-script shapers build Unicode tries and state machines when loaded; they are
//   wrapped to be built on first use (Chinese needs no shaping).
// pdfkit's own files are found at run time through require.resolve (PDF/A colour profile,
// standard fonts), not relative to the bundle.
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, transform } from 'esbuild';
import { ASCII_MARK, WRAP_CLOSE, WRAP_OPEN } from './load.mjs';

/** The package root: every path below is relative to it, whatever the current folder. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_OUT = path.join(ROOT, 'lib');

const require = createRequire(import.meta.url);

/**
 * A hash of the sources and of the scripts that bundle and load them: part of every PDF's input
 * stamp, so a changed tool rebuilds.
 */
function buildId() {
  const h = createHash('sha256');
  const walk = (dir) => {
    for (const e of readdirSync(path.join(ROOT, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|json|mjs|js)$/.test(e.name)) h.update(p).update(readFileSync(path.join(ROOT, p)));
    }
  };
  for (const dir of ['src', 'scripts', 'bin']) walk(dir);
  for (const f of ['package.json', 'package-lock.json']) if (existsSync(path.join(ROOT, f))) h.update(f).update(readFileSync(path.join(ROOT, f)));
  return h.digest('hex').slice(0, 12);
}

const pdfkitFile = require.resolve('pdfkit'); // the CommonJS build
const fontkitFile = require.resolve('fontkit');
const pdfkitDir = path.dirname(pdfkitFile);
const fontkitDir = path.dirname(fontkitFile);

/**
 * Modules that dependencies load at start but bulletin never (or rarely) uses, by who loads them:
 * stubbed, and the real module loaded on first use.
 */
const LAZY = [
  { module: 'linebreak', from: [pdfkitDir] }, // pdfkit's own text layout
  { module: 'png-js', from: [pdfkitDir] }, // images
  { module: '@noble/ciphers/aes', from: [pdfkitDir] }, // encryption
  { module: 'brotli/decompress.js', from: [fontkitDir] }, // WOFF2
  { module: 'node:child_process', from: [path.dirname(require.resolve('commander'))] }, // executable subcommands
];

/**
 * ES modules whose default export (a function) is wanted only now and then, and whose loading
 * costs: the real module is evaluated on the first call. string-width builds its Unicode tables
 * when loaded (~14 ms of every start), but only printing diagnostics needs it.
 */
const LAZY_DEFAULT = [{ module: 'string-width', from: [path.join(ROOT, 'src')] }];

/**
 * fontkit asks unicode-properties whether each glyph's character is a combining mark, and loading
 * unicode-properties inflates a Unicode trie (~15 ms). For the characters of Chinese text the
 * answer is always no: answer those ranges directly, and load the real module for anything else.
 * The ranges are checked against the real module here, at bundle time, code point by code point.
 */
const NO_MARKS = [
  [0x0000, 0x02ff], // ASCII, Latin-1, Latin Extended, IPA, spacing modifiers
  [0x2000, 0x206f], // general punctuation
  [0x3000, 0x3029], // CJK symbols and punctuation (U+302A–302F are tone marks)
  [0x3030, 0x303f],
  [0x3400, 0x4dbf], // CJK Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xff00, 0xffef], // half- and full-width forms
];
{
  const real = require(createRequire(fontkitFile).resolve('unicode-properties'));
  for (const [a, b] of NO_MARKS) for (let c = a; c <= b; c++) if (real.isMark(c)) throw new Error(`bundle: U+${c.toString(16)} is a mark; fix NO_MARKS`);
}

const lazyPlugin = {
  name: 'bulletin-lazy',
  setup(b) {
    // Use the CommonJS builds of pdfkit and fontkit: their requires can then be deferred.
    b.onResolve({ filter: /^(pdfkit|fontkit)$/ }, (args) => ({ path: args.path === 'pdfkit' ? pdfkitFile : fontkitFile }));
    const lazyFilter = new RegExp(`^(${LAZY.map((l) => l.module.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
    b.onResolve({ filter: lazyFilter }, (args) => {
      const lazy = LAZY.find((l) => l.module === args.path);
      if (!lazy || !lazy.from.some((dir) => args.importer.startsWith(dir))) return undefined;
      const real = args.path.startsWith('node:') ? args.path : createRequire(args.importer).resolve(args.path);
      return { path: real, namespace: 'bulletin-lazy' };
    });
    // vm.Script (lib/load.mjs) cannot run a real import() on Node 20 (it needs
    // --experimental-vm-modules): a dynamic import of a Node built-in becomes a lazy require.
    b.onResolve({ filter: /^node:/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, namespace: 'bulletin-builtin' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'bulletin-builtin' }, (args) => ({
      loader: 'js',
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
    }));
    b.onResolve({ filter: /^unicode-properties$/ }, (args) =>
      args.importer.startsWith(fontkitDir) ? { path: createRequire(args.importer).resolve(args.path), namespace: 'bulletin-uprops' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'bulletin-uprops' }, (args) => ({
      resolveDir: path.dirname(args.path),
      loader: 'js',
      contents: `var m; function l() { return m || (m = require(${JSON.stringify(args.path)})); }
var R = ${JSON.stringify(NO_MARKS)};
function isMark(c) { for (var i = 0; i < R.length; i++) if (c >= R[i][0] && c <= R[i][1]) return false; return l().isMark(c); }
module.exports = new Proxy({}, { get: function (_, k) { return k === 'isMark' ? isMark : l()[k]; }, has: function (_, k) { return k in l(); } });`,
    }));
    for (const lazy of LAZY_DEFAULT) {
      const filter = new RegExp(`^${lazy.module.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
      b.onResolve({ filter }, (args) =>
        lazy.from.some((dir) => args.importer.startsWith(dir))
          ? { path: createRequire(args.importer).resolve(args.path), namespace: 'bulletin-lazy-default' }
          : undefined,
      );
    }
    // A require() of an ES module makes esbuild evaluate it when first required, not at start.
    b.onLoad({ filter: /.*/, namespace: 'bulletin-lazy-default' }, (args) => ({
      resolveDir: path.dirname(args.path),
      loader: 'js',
      contents: `var f; module.exports = function () { return (f || (f = require(${JSON.stringify(args.path)}).default)).apply(this, arguments); };`,
    }));
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
      let text = readFileSync(args.path, 'utf8').replaceAll('__filename', '__bulletinPdfkitFile()');
      // Every object and content string pdfkit writes goes through fromBinaryString, a loop over
      // its characters into a Uint8Array that Node then wraps again as a Buffer. Buffer.from with
      // 'latin1' keeps the same low byte of each character, in native code, as a Buffer already.
      const loop = /^const fromBinaryString = str => \{\n(?:.*\n){5}\};$/m;
      if (loop.test(text)) text = text.replace(loop, "const fromBinaryString = str => Buffer.from(str, 'latin1');");
      else console.warn('bundle: pdfkit fromBinaryString not found; its loop stays');
      // A stream written in one chunk (a font program) is deflated as it is, not copied first.
      const concat = 'const concat = chunks => {\n';
      if (text.includes(concat)) text = text.replace(concat, `${concat}  if (chunks.length === 1) return chunks[0];\n`);
      else console.warn('bundle: pdfkit concat not found; single chunks are copied');
      // zlib's output in one buffer the size of the input (deflate's bytes do not depend on it),
      // instead of 16 KB pieces joined afterwards: a 200 KB font program touched fewer new pages.
      const deflate = 'deflateSync: data => zlib$1.deflateSync(data)';
      if (text.includes(deflate))
        text = text.replace(deflate, 'deflateSync: data => zlib$1.deflateSync(data, { chunkSize: Math.max(16384, data.length + 64) })');
      else console.warn('bundle: pdfkit deflateSync not found; zlib writes 16 KB pieces');
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

/** Bundle into `out` (lib/ by default); warm the code cache with a sample build when asked. */
export async function bundle({ out = DEFAULT_OUT, warm = out === DEFAULT_OUT } = {}) {
  const result = await build({
    write: false,
    absWorkingDir: ROOT,
    entryPoints: [path.join(ROOT, 'src/entry.ts')],
    outfile: path.join(out, 'bulletin.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    define: { __BULLETIN_BUILD__: JSON.stringify(buildId()), 'import.meta.url': '__bulletin_import_meta_url' },
    banner: { js: banner },
    plugins: [lazyPlugin],
    // A native addon: loaded from node_modules at run time (only by `bulletin image`).
    external: ['@napi-rs/canvas'],
    // Whitespace and syntax only: readable names in profiles and stack traces; the code cache makes size cheap.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'external',
    legalComments: 'none',
    logLevel: 'warning',
  });
  // A real import() left in the bundle would fail at run time under vm.Script: refuse to ship it.
  for (const f of result.outputFiles)
    if (f.path.endsWith('.cjs') && /\bimport\(\s*["'`]/.test(f.text))
      throw new Error(`bundle: ${f.path} still has a dynamic import(); bundle the module or add it to the plugin`);
  // Replace the files by rename, so that a CLI starting meanwhile never reads half a bundle.
  mkdirSync(out, { recursive: true });
  const put = (file, write) => {
    const tmp = `${file}.${process.pid}.tmp`;
    write(tmp);
    renameSync(tmp, file);
  };
  const bundle = result.outputFiles.find((f) => f.path.endsWith('.cjs'));
  const map = result.outputFiles.find((f) => f.path.endsWith('.cjs.map'));
  // The bundle inside its CommonJS wrapper, in the file itself (after the ASCII mark): lib/load.mjs
  // compiles the text it read as it is. Wrapped at load time, the 2.4 MB source was copied once
  // more (V8 flattens the joined string): about 650 more pages of memory touched on every start.
  const ascii = await asciiOnly(bundle.text, map.text, ASCII_MARK + WRAP_OPEN);
  ascii.code += WRAP_CLOSE;
  // The loader first: it compiles a bundle wrapped in its file or not, so a CLI starting between
  // the two renames finds a pair that works.
  put(path.join(out, 'load.mjs'), (tmp) => copyFileSync(path.join(ROOT, 'scripts/load.mjs'), tmp));
  put(bundle.path, (tmp) => writeFileSync(tmp, ascii.code));
  put(map.path, (tmp) => writeFileSync(tmp, ascii.map));
  put(path.join(out, 'v8flags.mjs'), (tmp) => copyFileSync(path.join(ROOT, 'scripts/v8flags.mjs'), tmp));
  put(path.join(out, 'worker.mjs'), (tmp) =>
    writeFileSync(tmp, "// Worker thread of batch builds: the same bundle as the CLI.\nimport { load } from './load.mjs';\nawait load().startWorker();\n"),
  );
  // The former home of the bundle, the archive's output folder: take the tool's files out of it.
  for (const f of ['bulletin.cjs', 'bulletin.cjs.map', 'bulletin.mjs', 'load.mjs', 'worker.mjs', '.bulletin.cjs.codecache'])
    rmSync(path.join(ROOT, 'dist', f), { force: true });
  if (warm) warmCodeCache(out);
}

/**
 * The bundle in ASCII only. esbuild escapes strings and templates but leaves regular expression
 * literals as written (our patterns are full of Chinese marks), and one such character makes
 * Node decode the whole 2.4 MB file as UTF-8 and V8 hold it as a two-byte string: 20–30 ms of
 * every start. A \uXXXX escape means the same character inside a regular expression (a
 * surrogate pair of escapes is one code point under the u flag), so they are escaped here; the
 * bundle then starts with `lead` (ASCII_MARK, and whatever follows it on the first line), and
 * lib/load.mjs reads a marked bundle as Latin-1 without scanning it. Escaping would change the
 * text of a tagged template (String.raw): refused when any non-ASCII character sits in a template.
 * The source map's columns are moved by what each escape adds, so stack traces and profiles still
 * map.
 */
export async function asciiOnly(code, mapText, lead = ASCII_MARK) {
  const nonAscii = /[^\x00-\x7f]/g;
  const count = (s) => (s.match(nonAscii) ?? []).length;
  const found = count(code);
  if (!found) return { code: lead + code, map: shiftMap(mapText, [[[0, lead.length]]]) };
  // With templates lowered to strings, esbuild escapes what was in them: the count drops if any were.
  const lowered = await transform(code, { charset: 'ascii', supported: { 'template-literal': false }, logLevel: 'error' });
  if (count(lowered.code) !== found) throw new Error('bundle: a template literal holds non-ASCII text; write it with \\u escapes');
  const lines = code.split('\n');
  const shifts = []; // per line: [column in the old line, columns added before the next character]
  const out = lines.map((line, i) => {
    // The first line also gets the lead in front of it.
    let extra = i === 0 ? lead.length : 0;
    const added = extra ? [[0, extra]] : [];
    const escaped = line.replace(nonAscii, (ch, col) => {
      extra += 5;
      added.push([col + 1, extra]);
      return `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    });
    shifts.push(added);
    return escaped;
  });
  return { code: lead + out.join('\n'), map: shiftMap(mapText, shifts) };
}

const VLQ = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Move the generated columns of a source map: shifts[line] lists [old column, total added from there on]. */
function shiftMap(mapText, shifts) {
  const map = JSON.parse(mapText);
  const decode = (seg) => {
    const vals = [];
    let value = 0;
    let shift = 0;
    for (const ch of seg) {
      const d = VLQ.indexOf(ch);
      value += (d & 31) << shift;
      if (d & 32) shift += 5;
      else {
        vals.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    return vals;
  };
  const encode = (n) => {
    let v = n < 0 ? (-n << 1) | 1 : n << 1;
    let s = '';
    do {
      let d = v & 31;
      v >>>= 5;
      if (v) d |= 32;
      s += VLQ[d];
    } while (v);
    return s;
  };
  map.mappings = map.mappings
    .split(';')
    .map((line, i) => {
      const added = shifts[i];
      if (!added?.length || !line) return line;
      let oldCol = 0;
      let newPrev = 0;
      return line
        .split(',')
        .map((seg) => {
          const vals = decode(seg);
          oldCol += vals[0];
          let by = 0;
          for (const [col, total] of added) if (col <= oldCol) by = total;
          const newCol = oldCol + by;
          vals[0] = newCol - newPrev;
          newPrev = newCol;
          return vals.map(encode).join('');
        })
        .join(',');
    })
    .join(';');
  return JSON.stringify(map);
}

/**
 * Warm the code caches with real runs on a sample issue (the repository is a sample archive): a
 * one-off build and a batch, since each V8 flag set has its own cache (scripts/v8flags.mjs). The
 * sample's page numbers are set in a CFF font, so that the caches hold the CFF code too.
 */
function warmCodeCache(out) {
  const samples =
    existsSync(path.join(ROOT, 'bulletin.yaml')) && existsSync(path.join(ROOT, 'issues/2026'))
      ? readdirSync(path.join(ROOT, 'issues/2026'))
          .filter((n) => /^\d+$/.test(n))
          .sort((a, b) => a - b)
      : [];
  if (!samples.length || process.env.BULLETIN_NO_CODE_CACHE) return;
  const number = samples[samples.length - 1];
  const warm = warmArchive(number);
  // What bin/bulletin.js does, with the bundle in `out` (a script file: under -e the CLI would
  // take its first argument for the script's name).
  const cli = path.join(warm, 'warm.mjs');
  writeFileSync(
    cli,
    [
      `import { setFlagsFromString } from 'node:v8';`,
      `import { v8FlagSet } from ${JSON.stringify(pathToFileURL(path.join(out, 'v8flags.mjs')).href)};`,
      `const flags = v8FlagSet(process.argv.slice(2));`,
      `if (flags) setFlagsFromString(flags.v8);`,
      `const { load, saveCache } = await import(${JSON.stringify(pathToFileURL(path.join(out, 'load.mjs')).href)});`,
      `const { main } = load({ variant: flags?.name });`,
      `await main();`,
      `saveCache();`,
    ].join('\n'),
  );
  try {
    for (const args of [
      ['build', `2026/${number}`],
      ['build', '--all', '--force'],
    ])
      execFileSync(process.execPath, [cli, ...args, '--archive', warm], { stdio: 'ignore' });
  } catch {
    /* a broken sample only costs the warm cache: the first real run writes it */
  } finally {
    rmSync(warm, { recursive: true, force: true });
  }
}

/**
 * A temporary copy of the sample issue to warm the caches with, its page numbers set in a CFF
 * (OpenType PostScript) font, as Fandol, Noto CJK and Source Han are: Source Code Pro, a
 * devDependency; without it, the default fonts only.
 */
function warmArchive(number) {
  const dir = path.join(tmpdir(), `bulletin-warm-${process.pid}`);
  mkdirSync(path.join(dir, 'issues', '2026'), { recursive: true });
  cpSync(path.join(ROOT, 'issues', '2026', String(number)), path.join(dir, 'issues', '2026', String(number)), { recursive: true });
  let fonts = 'fonts:\n  system: false\n';
  try {
    fonts += `  page_number: ${JSON.stringify(require.resolve('source-code-pro/OTF/SourceCodePro-Regular.otf'))}\n`;
  } catch {
    /* not installed: TrueType only */
  }
  writeFileSync(path.join(dir, 'bulletin.yaml'), `${readFileSync(path.join(ROOT, 'bulletin.yaml'), 'utf8')}\n${fonts}`);
  return dir;
}

// Run as a script (npm run build, the prepare script): bundle with the options given.
if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--out');
  await bundle({ out: at >= 0 ? path.resolve(args[at + 1]) : DEFAULT_OUT, ...(args.includes('--no-warm') ? { warm: false } : {}) });
}
