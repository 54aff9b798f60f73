/**
 * Input stamps for incremental builds: a hash of everything a PDF depends on — the issue's files,
 * bulletin.yaml, the font files used (path, size, mtime) and the tool's version. A PDF whose
 * recorded stamp equals the stamp of the inputs now is up to date.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE, isInside, type IssueDir } from '../archive/index.js';
import { VERSION } from '../build/index.js';
import { resolveFonts, type FontResolution } from '../fonts/index.js';
import { loadSeries } from '../model/index.js';

declare const __BULLETIN_BUILD__: string | undefined;

/**
 * The tool's version as far as outputs are concerned: VERSION, plus the bundle's build id (a hash
 * of the sources it was bundled from) so that a changed tool never leaves stale PDFs behind.
 */
export function toolVersion(): string {
  const build = typeof __BULLETIN_BUILD__ === 'string' ? __BULLETIN_BUILD__ : 'src';
  return `${VERSION}+${build}`;
}

/** What every issue of one archive shares: bulletin.yaml, the fonts, the version. Compute once per batch. */
export interface StampBase {
  root: string;
  /** Hash of the shared inputs; '' when bulletin.yaml cannot be read. */
  hash: string;
  fonts?: FontResolution;
}

export function stampBase(root: string, version = toolVersion()): StampBase {
  const h = createHash('sha256');
  h.update(`bulletin-stamp/1\0${version}\0`);
  let config: Buffer;
  try {
    config = readFileSync(path.join(root, CONFIG_FILE));
  } catch {
    return { root, hash: '' };
  }
  h.update(config);
  h.update('\0fonts\0');
  const series = loadSeries(root);
  let fonts: FontResolution | undefined;
  if (series.config) {
    fonts = resolveFonts(root, series.config.fonts);
    h.update(fontKey(fonts));
  } else h.update('unreadable');
  return { root, hash: h.digest('hex'), fonts };
}

/** Path, face, size and mtime of each font file a resolution uses, in a stable order. */
export function fontKey(fonts: FontResolution): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const c of [...Object.values(fonts.roles), ...fonts.fallbacks]) {
    const k = `${c.path}#${c.face ?? ''}`;
    if (seen.has(k)) continue;
    seen.add(k);
    let st = 'missing';
    try {
      const s = statSync(c.path);
      st = `${s.size}:${Math.round(s.mtimeMs)}`;
    } catch {
      /* a missing font is part of the stamp too */
    }
    parts.push(`${k}:${st}`);
  }
  return parts.sort().join('\n');
}

const SKIP_FILE = /^\.|~$|\.(swp|swx|tmp)$/i;

/** Every file of an issue folder (and its subfolders), archive-relative, sorted. */
export function issueFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (SKIP_FILE.test(e.name)) continue;
      const abs = path.join(d, e.name);
      if (e.isDirectory()) {
        if (depth < 4) walk(abs, depth + 1);
      } else out.push(abs);
    }
  };
  walk(dir, 0);
  // Articles listed from outside the folder (`../shared/x.md`) are inputs too.
  try {
    const manifest = readFileSync(path.join(dir, 'issue.yaml'), 'utf8');
    for (const m of manifest.matchAll(/^[ \t]*-[ \t]+["']?([^"'\n#]*?\.(?:md|markdown|txt))["']?[ \t]*(?:#.*)?$/gim)) {
      const name = m[1].trim();
      if (!/[\\/]/.test(name)) continue;
      const abs = path.resolve(dir, name);
      if (!abs.startsWith(dir + path.sep) && isInside(root, abs)) out.push(abs);
    }
  } catch {
    /* no manifest: the build reports it */
  }
  return [...new Set(out)].sort();
}

/** The stamp of one issue: the shared hash plus the name and bytes of each of its files. */
export function issueStamp(base: StampBase, where: IssueDir): string {
  if (!base.hash) return '';
  const h = createHash('sha256');
  h.update(base.hash);
  for (const abs of issueFiles(base.root, where.dir)) {
    h.update(`\0${path.relative(base.root, abs).split(path.sep).join('/')}\0`);
    try {
      h.update(readFileSync(abs));
    } catch {
      h.update('\0missing');
    }
  }
  return h.digest('hex');
}
