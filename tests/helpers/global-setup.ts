/**
 * Once per `vitest run`: every temp folder the tests (and the CLIs they start) make goes under one
 * folder of the system temp folder, removed when the run ends, so that no run leaves debris behind;
 * and the per-user cache (the CLI's code cache) is kept inside it rather than in the user's home.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'bulletin-tests-'));
  // os.tmpdir() reads these on every call; the worker processes inherit them.
  for (const v of ['TMPDIR', 'TMP', 'TEMP']) process.env[v] = root;
  process.env.XDG_CACHE_HOME = path.join(root, 'cache');
  process.env.LOCALAPPDATA = path.join(root, 'cache');
  return () => rmSync(root, { recursive: true, force: true });
}
