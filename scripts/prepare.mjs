// The prepare script. npm runs it after `npm install` / `npm ci` in a checkout, before `npm pack`,
// for `npm link`, and in a folder that `npm install -g <folder>` links. In that last case npm
// installs none of the folder's dependencies (it makes a link, not a copy), so a fresh clone has
// no node_modules: install them here, exactly as the lock file says, then bundle the CLI into lib/.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** npm settings of the outer command that must not reach the inner one (it installs into ROOT, locally). */
const OUTER_ONLY =
  /^npm_(command|lifecycle_|package_|config_(global|prefix|global_prefix|local_prefix|location|omit|include|production|only|dev|install_links|ignore_scripts|dry_run|save))/i;

function installDependencies() {
  process.stderr.write(`bulletin: installing its dependencies in ${ROOT} (npm ci)…\n`);
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !OUTER_ONLY.test(k)));
  const npm = process.env.npm_execpath;
  // --ignore-scripts: this very script must not run again inside; esbuild finds its binary without its own.
  const args = ['ci', '--ignore-scripts', '--include=dev', '--no-audit', '--no-fund', '--prefix', ROOT];
  if (npm && /\.[cm]?js$/.test(npm)) execFileSync(process.execPath, [npm, ...args], { cwd: ROOT, env, stdio: 'inherit' });
  else execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { cwd: ROOT, env, stdio: 'inherit', shell: process.platform === 'win32' });
}

if (!existsSync(path.join(ROOT, 'node_modules'))) installDependencies();
const { bundle } = await import('./bundle.mjs');
await bundle();
