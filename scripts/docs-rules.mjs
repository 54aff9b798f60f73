// Write docs/rules.md from the rule registry (src/check/registry.ts): bundle the registry in
// memory with esbuild, render its table, and replace the file only when it changed. A test
// (tests/check/registry.test.ts) fails when docs/rules.md is stale.
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = await build({
  entryPoints: [path.join(root, 'src/check/registry.ts')],
  bundle: true,
  write: false,
  format: 'cjs',
  platform: 'node',
  logLevel: 'error',
});
// The bundle is CommonJS (its dependencies are), loaded from a temporary file that is removed at once.
const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-docs-'));
let rulesMarkdown;
try {
  const file = path.join(dir, 'registry.cjs');
  writeFileSync(file, out.outputFiles[0].text);
  ({ rulesMarkdown } = createRequire(import.meta.url)(file));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const target = path.join(root, 'docs/rules.md');
const text = rulesMarkdown();
let old;
try {
  old = readFileSync(target, 'utf8');
} catch {}
if (old === text) console.log('docs/rules.md is up to date');
else {
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target + '.tmp', text);
  renameSync(target + '.tmp', target);
  console.log('wrote docs/rules.md');
}
