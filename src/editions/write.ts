/**
 * Writing edition files: through the project's one atomic write (src/archive/write.ts): a
 * temporary file beside the target, flushed and renamed, so a failed run never leaves a
 * half-written page; the folder is made when missing.
 */
import { writeFileAtomic as writeAtomic } from '../archive/index.js';

export function writeFileAtomic(file: string, data: Uint8Array | string): void {
  writeAtomic(file, data, { mkdir: true });
}
