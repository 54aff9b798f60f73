/**
 * How import puts files on disk: through the project's one atomic write (src/archive/write.ts):
 * the whole content under a temporary name first, flushed, then moved into place, so a crash
 * never leaves half a file.
 */
import { WriteFault, writeFileAtomic } from '../archive/index.js';

/**
 * Write a new file. Never replaces an existing one: returns false (and leaves no temporary file)
 * when `file` already exists.
 */
export function writeNewFile(file: string, data: string): boolean {
  try {
    writeFileAtomic(file, data, { exclusive: true });
    return true;
  } catch (e) {
    if (e instanceof WriteFault && e.code === 'EEXIST') return false;
    throw e;
  }
}

/** Replace a file's content in one step (the manifest, when articles are appended). */
export function replaceFile(file: string, data: string): void {
  writeFileAtomic(file, data);
}
