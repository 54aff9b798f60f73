// Loader for the bundled CLI (copied to lib/load.mjs by scripts/bundle.mjs).
//
// Node 20 has no module compile cache, so the bundle (lib/bulletin.cjs, one CommonJS script with
// every dependency) is compiled through vm.Script with a V8 code cache: a cold start then skips
// parsing and compiling the ~1.3 MB of JavaScript. The cache lives in the user's cache folder
// (XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows), one
// file per bundle location, since the install folder may be read-only or shared. It is keyed by
// the V8 version and the bundle's size and mtime (V8 itself only checks the source length),
// written atomically after a run that had to compile from scratch, and ignored when unreadable or
// stale; failing to write it costs nothing but the next start's speed.
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const dir = path.dirname(fileURLToPath(import.meta.url));
const file = path.join(dir, 'bulletin.cjs');

/** The per-user cache folder of bulletin. */
export function cacheDir(env = process.env, platform = process.platform) {
  const home = () => {
    try {
      return homedir();
    } catch {
      return '';
    }
  };
  if (platform === 'win32') return path.join(env.LOCALAPPDATA || path.join(home(), 'AppData', 'Local'), 'bulletin', 'Cache');
  if (platform === 'darwin') return path.join(home(), 'Library', 'Caches', 'bulletin');
  return path.join(env.XDG_CACHE_HOME || path.join(home(), '.cache'), 'bulletin');
}

/** FNV-1a of a string: a short, stable name for a path (no crypto module to load at start). */
function fnv1a(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The code cache of this bundle: named by the bundle's path, so several installs never share one (the key inside guards the rest). */
export const CODE_CACHE = path.join(cacheDir(), `codecache-${fnv1a(file)}.bin`);

/** What scripts/bundle.mjs puts first in a bundle that is pure ASCII. */
export const ASCII_MARK = '/*ascii*/';
/**
 * The CommonJS wrapper load() compiles the bundle in (its arguments are what load() passes):
 * scripts/bundle.mjs writes it into the file, after the mark, and WRAP_CLOSE at the end.
 */
export const WRAP_OPEN = '(function (exports, require, module, __filename, __dirname) {';
export const WRAP_CLOSE = '\n})';

let script;
let key = '';
let fresh = false;

function readCache() {
  try {
    const buf = readFileSync(cacheFile);
    const n = buf.readUInt32LE(0);
    if (buf.toString('utf8', 4, 4 + n) === key) return buf.subarray(4 + n);
  } catch {
    /* none yet */
  }
  return undefined;
}

let cacheFile = CODE_CACHE;

/**
 * Evaluate the bundle and return its exports ({ main, run }). `variant` names the V8 flag set the
 * process runs with (bin/bulletin.js): each has its own cache file, since V8 rejects a cache made
 * under other flags.
 */
export function load({ variant } = {}) {
  cacheFile = variant ? CODE_CACHE.replace(/(\.\w+)$/, `.${variant}$1`) : CODE_CACHE;
  // Size and mtime from the very file read (the bundle may be replaced, by rename, meanwhile).
  const fd = openSync(file, 'r');
  let source;
  let st;
  try {
    st = fstatSync(fd);
    // A bundle marked ASCII (scripts/bundle.mjs escapes the rest and marks it) is read as Latin-1:
    // copied into a one-byte string instead of decoded as UTF-8 into a two-byte one.
    const bytes = readFileSync(fd);
    source = bytes.latin1Slice(0, ASCII_MARK.length) === ASCII_MARK ? bytes.latin1Slice(0, bytes.length) : bytes.toString('utf8');
  } finally {
    closeSync(fd);
  }
  key = `${process.versions.v8}|${process.arch}|${st.size}|${st.mtimeMs}`;
  const cachedData = process.env.BULLETIN_NO_CODE_CACHE ? undefined : readCache();
  // A bundle wrapped in its file is compiled as read: wrapping it here would copy it once more.
  const wrapped = source.startsWith(WRAP_OPEN, ASCII_MARK.length) && source.startsWith(ASCII_MARK);
  script = new vm.Script(wrapped ? source : `${WRAP_OPEN}${source}${WRAP_CLOSE}`, { filename: file, cachedData });
  fresh = !cachedData || script.cachedDataRejected === true;
  const fn = script.runInThisContext();
  const mod = { exports: {} };
  fn.call(mod.exports, mod.exports, createRequire(file), mod, file, dir);
  return mod.exports;
}

/**
 * After a run of the CLI (bin/bulletin.js; worker threads never call it): store the code cache if
 * this run had none, once the work is done, so that it holds the functions that ran.
 */
export function saveCache() {
  if (!fresh || !script || process.env.BULLETIN_NO_CODE_CACHE) return;
  fresh = false;
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(CODE_CACHE), { recursive: true });
    const data = script.createCachedData();
    const head = Buffer.from(key, 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32LE(head.length, 0);
    writeFileSync(tmp, Buffer.concat([len, head, data]));
    renameSync(tmp, cacheFile);
  } catch {
    // No cache folder we may write (a read-only home, a full disk): run without a cache.
    try {
      rmSync(tmp, { force: true });
    } catch {
      /* nothing was written */
    }
  }
}
