import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Copy an archive (bulletin.yaml and issues/) to a temp folder, with fonts pinned to the shipped defaults. */
export function copyArchive(root: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-test-'));
  cpSync(path.join(root, 'issues'), path.join(dir, 'issues'), { recursive: true });
  let config = readFileSync(path.join(root, 'bulletin.yaml'), 'utf8');
  if (!/^fonts:/m.test(config)) config += '\nfonts: { system: false }\n';
  writeFileSync(path.join(dir, 'bulletin.yaml'), config);
  return dir;
}
