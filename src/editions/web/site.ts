/**
 * Publishing the web edition: load and check the issues exactly as `build` does, render their
 * pages, and write only the files whose content changed. The site keeps a manifest
 * (.bulletin-web.json) of what it holds: a content hash per page (for a copied PDF, a hash of its
 * source's size and time) and, per issue, the card the
 * index and the navigation of other pages need. So `web 22` rewrites issue 22, the pages of its
 * neighbours whose 上一篇/下一篇 point into it, and the index; other issues' pages stay as they are.
 */
import { createHash } from 'node:crypto';
import { readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { readGuarded, writeFileAtomic, WriteBatch } from '../../archive/index.js';
import path from 'node:path';
import type { IssueDir } from '../../archive/index.js';
import { checkLoaded, loadChecked, openSession } from '../../check/run.js';
import { dedupeDiagnostics, hasErrors, sortDiagnostics, type Diagnostic } from '../../diagnostics/index.js';
import type { Issue } from '../../model/index.js';
import { articlePage, cardOf, indexPage, issuePage, type ArticleLink, type IssueCard, type SiteInfo } from './pages.js';
import { STYLESHEET } from './style.js';

export const WEB_MANIFEST = '.bulletin-web.json';

interface Manifest {
  format: 1;
  /** Site-relative path → sha256 of its bytes. */
  files: Record<string, string>;
  /** Issue key → its card and the files it owns. */
  issues: Record<string, { card: IssueCard; files: string[] }>;
}

export interface WebOptions {
  root: string;
  /** The issues to publish (re)written from their text. */
  targets: IssueDir[];
  outDir: string;
  /** The issue's PDF when it is built and up to date; it is copied next to the issue's page. */
  pdfFor?: (where: IssueDir) => string | undefined;
  generator: string;
}

export interface WebIssueResult {
  where: IssueDir;
  /** Published: its pages are on the site, as of this run. */
  ok: boolean;
  /** Its own diagnostics (bulletin.yaml's are in `seriesDiagnostics`). */
  diagnostics: Diagnostic[];
  /** Whether the site links its PDF. */
  pdf: boolean;
  /** Asked for, rather than re-rendered as a neighbour for its navigation. */
  target: boolean;
  /** Not published now, but its earlier pages stay on the site. */
  kept: boolean;
}

export interface WebResult {
  /** False when bulletin.yaml has errors: nothing was written. */
  ok: boolean;
  seriesDiagnostics: Diagnostic[];
  /** The targets, and any neighbour re-rendered for its navigation. */
  issues: WebIssueResult[];
  /** Site-relative paths written (changed or new), unchanged, and removed. */
  written: string[];
  unchanged: number;
  removed: string[];
  /** Issues on the site, after this run. */
  published: number;
}

const keyOf = (w: Pick<IssueDir, 'year' | 'number'>) => `${w.year}/${w.number}`;
const byYearNumber = (a: { year: number; number: number }, b: { year: number; number: number }) => a.year - b.year || a.number - b.number;
const sha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

export function publishWeb(opts: WebOptions): WebResult {
  const { root, outDir } = opts;
  const s = openSession(root);
  const seriesDiagnostics = s.seriesLoad.diagnostics;
  const result: WebResult = { ok: false, seriesDiagnostics, issues: [], written: [], unchanged: 0, removed: [], published: 0 };
  if (!s.seriesLoad.config || hasErrors(seriesDiagnostics)) return result;

  const manifest = readManifest(outDir);
  const dirsByKey = new Map(s.dirs.map((d) => [keyOf(d), d]));
  // Issues whose folder is gone leave the site; their neighbours' navigation changes.
  const gone = Object.keys(manifest.issues).filter((k) => !dirsByKey.has(k));
  const targetKeys = new Set(opts.targets.map(keyOf));
  const onSite = [...new Set([...targetKeys, ...Object.keys(manifest.issues).filter((k) => dirsByKey.has(k))])]
    .map((k) => dirsByKey.get(k)!)
    .sort(byYearNumber);

  // The issues rendered: the targets and, on each side of a target or a removed issue, the nearest issue on the site.
  const render = new Set<string>(targetKeys);
  const changedAt = [...opts.targets, ...gone.map((k) => manifest.issues[k].card)];
  for (const c of changedAt) {
    const before = onSite.filter((d) => byYearNumber(d, c) < 0).pop();
    const after = onSite.find((d) => byYearNumber(d, c) > 0);
    for (const n of [before, after]) if (n) render.add(keyOf(n));
  }

  // Load everything first so rules spanning issues find their neighbours already read (as `check` does).
  const rendered = onSite.filter((d) => render.has(keyOf(d)));
  const loads = rendered.map((where) => ({ where, load: loadChecked(s, where) }));
  for (const { where, load } of loads) if (!load.issue) s.archive.forget(where);
  const models = new Map<string, Issue>();
  const cards = new Map<string, IssueCard>();
  for (const { where, load } of loads) {
    const diagnostics = sortDiagnostics(dedupeDiagnostics(checkLoaded(s, load)));
    const ok = !!load.issue && !hasErrors(diagnostics);
    const key = keyOf(where);
    const pdf = ok ? opts.pdfFor?.(where) : undefined;
    if (ok) {
      models.set(key, load.issue!);
      cards.set(key, cardOf(key, load.issue!, pdf ? `${where.year}-${where.number}.pdf` : undefined));
    }
    result.issues.push({ where, ok, diagnostics, pdf: !!pdf, target: targetKeys.has(key), kept: !ok && !!manifest.issues[key] });
  }
  // Issues not rendered (or failing now) keep what the site already shows of them.
  for (const d of onSite) {
    const k = keyOf(d);
    if (!cards.has(k) && manifest.issues[k]) cards.set(k, manifest.issues[k].card);
  }
  const sequence = [...cards.values()].sort(byYearNumber);
  const articles: ArticleLink[] = sequence.flatMap((card) => card.articles.map((_, index) => ({ card, index })));

  const info: SiteInfo = {
    series: s.series.series,
    office: s.series.office,
    attributionLabel: s.style.attribution.label,
    generator: opts.generator,
  };
  /** A page's text, or a file copied into the site (the PDF). */
  type Output = string | { copyOf: string };
  const outputs = new Map<string, Output>();
  const owned = new Map<string, string[]>();
  outputs.set('style.css', STYLESHEET);
  outputs.set('index.html', indexPage(info, sequence));
  for (const [key, issue] of models) {
    const card = cards.get(key)!;
    const files: string[] = [];
    const put = (rel: string, data: Output) => {
      outputs.set(rel, data);
      files.push(rel);
    };
    const at = sequence.indexOf(card);
    put(`${key}/index.html`, issuePage(info, card, issue, sequence[at - 1], sequence[at + 1]));
    const first = articles.findIndex((l) => l.card === card);
    issue.articles.forEach((_, i) => {
      put(`${key}/${card.articles[i].slug}.html`, articlePage(info, card, issue, i, articles[first + i - 1], articles[first + i + 1]));
    });
    if (card.pdf) put(`${key}/${card.pdf}`, { copyOf: opts.pdfFor!(dirsByKey.get(key)!)! });
    owned.set(key, files);
  }

  // Write what changed; leave identical files alone (their mtime too).
  const next: Manifest = { format: 1, files: {}, issues: {} };
  const writes = new WriteBatch();
  for (const [rel, out] of outputs) {
    const abs = path.join(outDir, rel);
    // A copied file is known by its source's size and time, so an unchanged PDF is not read at all.
    const source = typeof out === 'string' ? undefined : statSync(out.copyOf);
    const hash = source ? sha(`copy\0${source.size}\0${source.mtimeMs}`) : sha(out as string);
    const size = source ? source.size : Buffer.byteLength(out as string);
    if (manifest.files[rel] === hash && sizeOf(abs) === size) result.unchanged++;
    else {
      writeFileAtomic(abs, typeof out === 'string' ? out : readCopy(out.copyOf), { mkdir: true, batch: writes });
      result.written.push(rel);
    }
    next.files[rel] = hash;
  }
  // Files the rendered issues no longer have (an article dropped, a PDF now outdated), and removed issues.
  const stale: string[] = [];
  for (const key of owned.keys()) for (const f of manifest.issues[key]?.files ?? []) if (!outputs.has(f)) stale.push(f);
  for (const key of gone) stale.push(...manifest.issues[key].files);
  for (const rel of stale) {
    rmSync(path.join(outDir, rel), { force: true });
    removeEmptyDirs(outDir, path.dirname(rel));
    result.removed.push(rel);
  }
  // Issues kept as they were carry their files and card over.
  for (const card of sequence) {
    const files = owned.get(card.key) ?? manifest.issues[card.key].files;
    next.issues[card.key] = { card, files };
    if (!owned.has(card.key)) for (const f of files) if (manifest.files[f]) next.files[f] = manifest.files[f];
  }
  // The pages made durable before the manifest that lists them.
  writes.flush();
  writeFileAtomic(path.join(outDir, WEB_MANIFEST), JSON.stringify(next, null, 1) + '\n', { mkdir: true });
  result.ok = true;
  result.published = sequence.length;
  return result;
}

/** Built files are copied through the guarded reader too (a regular file, capped). */
const MAX_COPY_BYTES = 512 * 1024 * 1024;

function readCopy(file: string): Buffer {
  const read = readGuarded(file, MAX_COPY_BYTES);
  if (!read.ok)
    throw Object.assign(new Error(`${read.reason}: ${file}`), {
      code: read.reason === 'unreadable' ? read.code : read.reason === 'missing' ? 'ENOENT' : 'ENOTREG',
      path: file,
    });
  return read.bytes;
}

function readManifest(outDir: string): Manifest {
  try {
    const read = readGuarded(path.join(outDir, WEB_MANIFEST), MAX_COPY_BYTES);
    if (!read.ok) throw new Error(read.reason);
    const m = JSON.parse(read.bytes.toString('utf8')) as Manifest;
    if (m && m.format === 1 && typeof m.files === 'object' && typeof m.issues === 'object') return m;
  } catch {
    /* no site yet, or a damaged manifest: everything is written afresh */
  }
  return { format: 1, files: {}, issues: {} };
}

function sizeOf(abs: string): number {
  try {
    return statSync(abs).size;
  } catch {
    return -1;
  }
}

/** Remove the folders a removed issue leaves empty (2026/9, then 2026), never the site root. */
function removeEmptyDirs(outDir: string, rel: string): void {
  for (let d = rel; d && d !== '.'; d = path.dirname(d)) {
    const abs = path.join(outDir, d);
    try {
      if (readdirSync(abs).length) return;
      rmdirSync(abs);
    } catch {
      return;
    }
  }
}
