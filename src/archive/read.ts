/**
 * The one guarded reader: every byte the tool reads from an archive (and every font file) comes
 * through here. A path is checked before it is opened — the link resolved and kept inside the
 * archive, only a regular file accepted — and the read is capped, so a link to /etc/passwd is
 * never echoed, a FIFO never hangs a build and /dev/zero never fills memory.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Why a file was not read. `code` is the OS error code when the OS refused. */
export type GuardedFailure =
  | { ok: false; reason: 'missing' | 'not-file' | 'outside' }
  | { ok: false; reason: 'too-large'; bytes: number }
  | { ok: false; reason: 'unreadable'; code: string };

export type GuardedRead = { ok: true; bytes: Buffer; real: string; mode: number } | GuardedFailure;

/** Where a path really leads, or a refusal: checked with lstat and realpath, never by opening it. */
export type GuardedPath = { ok: true; real: string; size: number; mode: number } | GuardedFailure;

/**
 * Check a path without opening it. With `root`, the path (links followed) must lie inside the
 * archive; in every case it must lead to a regular file of at most `cap` bytes.
 */
export function checkPath(abs: string, cap: number, root?: string): GuardedPath {
  try {
    fs.lstatSync(abs);
  } catch (e) {
    return failure(e);
  }
  let real: string;
  try {
    real = realpath(abs);
  } catch (e) {
    // A dangling link: where it points is missing.
    return failure(e);
  }
  if (root !== undefined && !contains(realRoot(root), real)) return { ok: false, reason: 'outside' };
  let st: fs.Stats;
  try {
    st = fs.statSync(real);
  } catch (e) {
    return failure(e);
  }
  if (!st.isFile()) return { ok: false, reason: 'not-file' };
  if (st.size > cap) return { ok: false, reason: 'too-large', bytes: st.size };
  return { ok: true, real, size: st.size, mode: st.mode };
}

/**
 * Open a checked path for reading. O_NONBLOCK and O_NOFOLLOW close the gap between the check and
 * the open (a file swapped for a FIFO or a link meanwhile); the descriptor is checked once more.
 * The caller closes the descriptor.
 */
export function openChecked(abs: string, cap: number, root?: string): { ok: true; fd: number; real: string; size: number; mode: number } | GuardedFailure {
  const p = checkPath(abs, cap, root);
  if (!p.ok) return p;
  let fd: number;
  try {
    fd = fs.openSync(p.real, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return failure(e);
  }
  const st = fs.fstatSync(fd);
  if (!st.isFile()) {
    fs.closeSync(fd);
    return { ok: false, reason: 'not-file' };
  }
  if (st.size > cap) {
    fs.closeSync(fd);
    return { ok: false, reason: 'too-large', bytes: st.size };
  }
  return { ok: true, fd, real: p.real, size: st.size, mode: st.mode };
}

/** Read a whole file through the guards: never more than `cap` bytes, even if it grows while read. */
export function readGuarded(abs: string, cap: number, root?: string): GuardedRead {
  const o = openChecked(abs, cap, root);
  if (!o.ok) return o;
  try {
    const buf = Buffer.allocUnsafe(Math.min(o.size, cap) + 1);
    let n = 0;
    for (;;) {
      if (n === buf.length) return { ok: false, reason: 'too-large', bytes: n };
      const got = fs.readSync(o.fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
      if (n > cap) return { ok: false, reason: 'too-large', bytes: n };
    }
    return { ok: true, bytes: buf.subarray(0, n), real: o.real, mode: o.mode };
  } catch (e) {
    return failure(e);
  } finally {
    fs.closeSync(o.fd);
  }
}

function failure(e: unknown): GuardedFailure {
  const code = (e as NodeJS.ErrnoException)?.code ?? 'EIO';
  if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'missing' };
  if (code === 'ELOOP') return { ok: false, reason: 'not-file' };
  return { ok: false, reason: 'unreadable', code };
}

/** The archive root with links resolved, once per process (files are resolved every time: a link may change). */
const realRoots = new Map<string, string>();

export function realRoot(root: string): string {
  let r = realRoots.get(root);
  if (r === undefined) {
    r = realOrSelf(root);
    if (realRoots.size > 100) realRoots.clear();
    realRoots.set(root, r);
  }
  return r;
}

/**
 * Resolve links. fs.realpathSync walks the path in JavaScript, an lstat per component (a quarter
 * of `check --all`'s time on 100 issues); the native realpath(3) does it in one call with the same
 * answer on Linux and macOS. Windows keeps Node's own walk: its native form resolves SUBST and
 * mapped drives to their targets, so the archive root could stop looking like the archive root.
 */
const realpath: (p: string) => string = process.platform === 'win32' ? (p) => fs.realpathSync(p) : (p) => fs.realpathSync.native(p);

/** True when `inner` is `outer` or lies below it (both already resolved). */
export function contains(outer: string, inner: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** A path with links resolved; for a missing file, its folder resolved so `../x` is still caught. */
export function realOrSelf(p: string): string {
  try {
    return realpath(p);
  } catch {
    const dir = path.dirname(p);
    if (dir === p) return p;
    return path.join(realOrSelf(dir), path.basename(p));
  }
}
