/**
 * Input stamps for incremental builds: a hash of everything a PDF depends on — the issue's files,
 * bulletin.yaml, the font files used (path, size, mtime) and the tool's version. A PDF whose
 * recorded stamp equals the stamp of the inputs now is up to date.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE, MAX_TEXT_BYTES, readGuarded, type IssueDir } from '../archive/index.js';
import { VERSION } from '../pipeline/index.js';
import { issueInputs, readManifestText } from '../pipeline/inputs.js';
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
  const config = readGuarded(path.join(root, CONFIG_FILE), MAX_TEXT_BYTES, root);
  if (!config.ok) return { root, hash: '' };
  h.update(config.bytes);
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

/** What a stamp was computed from, kept in the build cache so that the next run can skip parsing issue.yaml. */
export interface StampInputs {
  /** SHA-256 of issue.yaml's text. */
  manifest: string;
  /** The articles it lists inside the archive, archive-relative with forward slashes, in order. */
  articles: string[];
}

/**
 * The stamp of one issue: the shared hash plus the name and bytes of each of its inputs (the
 * manifest and every article it lists, wherever in the archive that article lives). `prior`: what
 * the last build of this issue recorded. When issue.yaml's text is the one it was then, its
 * article list is taken from there instead of parsing the YAML again (the list is a function of
 * that text): an up-to-date archive is checked without a YAML parser.
 */
export function stampIssue(base: StampBase, where: IssueDir, prior?: Partial<StampInputs>): { stamp: string; inputs?: StampInputs } {
  if (!base.hash) return { stamp: '' };
  const manifestText = readManifestText(base.root, path.join(where.dir, 'issue.yaml'));
  let articles: string[] | undefined;
  let manifest = '';
  if (manifestText !== undefined) {
    manifest = createHash('sha256').update(manifestText).digest('hex');
    if (prior?.manifest === manifest && Array.isArray(prior.articles)) articles = prior.articles.map((rel) => path.join(base.root, ...rel.split('/')));
  }
  articles ??= issueInputs(base.root, where, { fonts: null, manifestText: manifestText ?? null }).articles;
  const h = createHash('sha256');
  h.update(base.hash);
  h.update('\0issue.yaml\0');
  h.update(manifestText ?? '\0unreadable');
  const rels: string[] = [];
  for (const abs of articles) {
    const rel = path.relative(base.root, abs).split(path.sep).join('/');
    rels.push(rel);
    h.update(`\0${rel}\0`);
    const bytes = readGuarded(abs, MAX_TEXT_BYTES, base.root);
    h.update(bytes.ok ? bytes.bytes : `\0${bytes.reason}`);
  }
  return { stamp: h.digest('hex'), inputs: manifestText === undefined ? undefined : { manifest, articles: rels } };
}

/** The stamp of one issue (see stampIssue). */
export function issueStamp(base: StampBase, where: IssueDir, prior?: Partial<StampInputs>): string {
  return stampIssue(base, where, prior).stamp;
}
