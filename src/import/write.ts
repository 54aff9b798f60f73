/**
 * How import puts files on disk: the whole content under a temporary name first, then moved into
 * place, so a crash never leaves half a file. The one place import writes files (to be swapped for
 * the project's shared atomic-write helper).
 */
import { existsSync, linkSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function tempName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
}

/**
 * Write a new file. Never replaces an existing one: returns false (and leaves no temporary file)
 * when `file` already exists.
 */
export function writeNewFile(file: string, data: string): boolean {
  const tmp = tempName(file);
  writeFileSync(tmp, data, { flag: 'wx' });
  try {
    linkSync(tmp, file); // fails with EEXIST instead of replacing
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A file system without hard links (FAT, some network shares): check, then rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw e;
    if (existsSync(file)) return false;
    renameSync(tmp, file);
    return true;
  } finally {
    if (existsSync(tmp)) unlinkSync(tmp);
  }
}

/** Replace a file's content in one step (the manifest, when articles are appended). */
export function replaceFile(file: string, data: string): void {
  const tmp = tempName(file);
  writeFileSync(tmp, data, { flag: 'wx' });
  try {
    renameSync(tmp, file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw e;
  }
}
