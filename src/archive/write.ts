/**
 * The one atomic write: every file the tool writes (PDFs, the build cache, fixed articles, a new
 * issue's files) goes through writeFileAtomic. The bytes go to a temporary file in the same folder,
 * are flushed to disk (fsync), and the temporary file is renamed over the target: a reader sees the
 * old file or the new one, never half of either; a failed write leaves the old file as it was.
 * An existing file keeps its permissions. The target must be a regular file (or not exist yet):
 * a folder, a device such as /dev/full, a FIFO is refused, never replaced.
 *
 * Temporary files are named `.<name>.bulletin-tmp-<pid>-<random>`, so a run that was killed
 * mid-write leaves something recognisable, and the next run removes it once that process is gone
 * (sweepStaleTemps). write-file-atomic was considered: its temporary names (`<name>.<hash>`) cannot
 * be told apart from an office's own backup copies (`01.md.20240101`) nor tied to a process, so a
 * sweep would either miss its debris or delete someone's file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** A write that failed: the OS code (ENOSPC, EACCES, ENOTREG …) and the file it was for. */
export class WriteFault extends Error {
  constructor(
    readonly code: string,
    readonly file: string,
    cause?: unknown,
  ) {
    super(`${code}: ${file}`, { cause });
  }
}

const TEMP = /^\.(.+)\.bulletin-tmp-(\d+)-[0-9a-f]+$/;
/** The temporary names of versions before this one: `<name>.<pid>.<ms>.tmp`. */
const LEGACY_TEMP = /^(.+)\.(\d+)\.(\d{12,14})\.tmp$/;

export function isBulletinTemp(name: string): boolean {
  return TEMP.test(name) || LEGACY_TEMP.test(name);
}

export interface WriteOptions {
  /** Create the target's folder (and its parents) if missing. */
  mkdir?: boolean;
  /** Never replace an existing file: a WriteFault with code EEXIST instead, also when it appears meanwhile. */
  exclusive?: boolean;
  /** One of many writes: its folder swept once and synced at the batch's flush(), not per file. */
  batch?: WriteBatch;
}

/**
 * Many writes as one, for a command that writes a file per issue or per page (build --all, web).
 * Each folder is swept of debris at its first write, and its fsync, which makes the renames in it
 * durable, is done once per folder at flush() instead of after every file. Every file is still
 * flushed to disk before it is renamed into place: a crash before flush() can undo a rename (the
 * old file is then there, whole), never leave half a file.
 */
export class WriteBatch {
  private readonly swept = new Set<string>();
  private readonly unsynced = new Set<string>();

  /** Sweep `dir` unless this batch already has. */
  sweep(dir: string): void {
    if (this.swept.has(dir)) return;
    this.swept.add(dir);
    sweepStaleTemps(dir);
  }

  /** A rename done in `dir`, to be made durable at flush(). */
  renamed(dir: string): void {
    this.unsynced.add(dir);
  }

  /** Make every rename of the batch durable: one fsync per folder. */
  flush(): void {
    for (const dir of this.unsynced) syncFolder(dir);
    this.unsynced.clear();
  }
}

/** Write `data` to `file` atomically. Throws a WriteFault with the OS code on failure; nothing is left behind. */
export function writeFileAtomic(file: string, data: Uint8Array | string, opts: WriteOptions = {}): void {
  let target = path.resolve(file);
  let mode: number | undefined;
  try {
    const st = fs.lstatSync(target);
    if (st.isSymbolicLink()) {
      // Write where the link leads, so the link stays a link.
      target = fs.realpathSync(target);
      const real = fs.statSync(target);
      if (!real.isFile()) throw new WriteFault(real.isDirectory() ? 'EISDIR' : 'ENOTREG', file);
      mode = real.mode & 0o7777;
    } else if (!st.isFile()) throw new WriteFault(st.isDirectory() ? 'EISDIR' : 'ENOTREG', file);
    else mode = st.mode & 0o7777;
    if (opts.exclusive) throw new WriteFault('EEXIST', file);
  } catch (e) {
    if (e instanceof WriteFault) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new WriteFault(code ?? 'EIO', file, e);
  }
  const dir = path.dirname(target);
  if (opts.mkdir) {
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch (e) {
      // EEXIST here means a file stands where the folder should be.
      const code = (e as NodeJS.ErrnoException).code;
      throw new WriteFault(code === 'EEXIST' ? 'ENOTDIR' : (code ?? 'EIO'), dir, e);
    }
  }
  // A few directory entries per write: cheap next to writing a PDF, and debris never outlives a run.
  if (opts.batch) opts.batch.sweep(dir);
  else sweepStaleTemps(dir);
  const tmp = path.join(dir, `.${path.basename(target)}.bulletin-tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'wx', mode ?? 0o666);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let off = 0; off < bytes.length; ) off += fs.writeSync(fd, bytes, off, bytes.length - off);
    // The umask may have narrowed the mode of the new file: an existing file keeps its own.
    if (mode !== undefined) fs.fchmodSync(fd, mode);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    if (opts.exclusive) linkInPlace(tmp, target, file);
    else fs.renameSync(tmp, target);
  } catch (e) {
    if (fd !== undefined) closeQuietly(fd);
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* never created, or already renamed */
    }
    if (e instanceof WriteFault) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    // A failure creating the temporary file is a failure to write into its folder.
    throw new WriteFault(code, file, e);
  }
  if (opts.batch) opts.batch.renamed(dir);
  else syncFolder(dir);
}

/**
 * Put the finished temporary file in place without replacing anything: link() fails with EEXIST
 * where rename() would replace. A file system without hard links (FAT, some network shares):
 * check, then rename.
 */
function linkInPlace(tmp: string, target: string, file: string): void {
  try {
    fs.linkSync(tmp, target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new WriteFault('EEXIST', file, e);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw e;
    if (fs.existsSync(target)) throw new WriteFault('EEXIST', file, e);
    fs.renameSync(tmp, target);
    return;
  }
  fs.unlinkSync(tmp);
}

function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    /* already failing */
  }
}

/**
 * Make the renames in a folder durable (whichever thread of this process made them); some systems
 * (Windows) cannot open a folder, which is fine.
 */
export function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    /* best effort */
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

/**
 * Remove the temporary files a killed run left in `dir`: ours, whose process is gone. A file of a
 * process still running (a parallel build) is left alone. Returns the names removed.
 */
export function sweepStaleTemps(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP.exec(name) ?? LEGACY_TEMP.exec(name);
    if (!m || processAlive(Number(m[2]))) continue;
    const abs = path.join(dir, name);
    try {
      const st = fs.lstatSync(abs);
      // A folder is a new issue that `bulletin new` was filling when it was killed.
      if (st.isDirectory() && TEMP.test(name)) fs.rmSync(abs, { recursive: true });
      else if (st.isFile()) fs.unlinkSync(abs);
      else continue;
      removed.push(name);
    } catch {
      /* gone meanwhile, or not ours to remove */
    }
  }
  return removed;
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
