/**
 * What `bulletin list` shows for each issue: its date, articles, the pages of its PDF, and whether
 * the PDF is built and up to date, and whether the issue has warnings or errors.
 */
import { formatDate } from '../dates.js';
import { statSync } from 'node:fs';
import { readGuarded, type IssueDir } from '../archive/index.js';

/** A bulletin PDF is a few hundred KB; anything far larger is not ours to count. */
const MAX_PDF_BYTES = 256 * 1024 * 1024;
import { openSession } from '../check/run.js';
import { defaultOutput, prepareIssue } from '../pipeline/index.js';
import { issueInputs } from '../pipeline/inputs.js';
import { BuildCache, issueKey } from './cache.js';
import { issueStamp, stampBase } from './stamp.js';

export type PdfState = 'up-to-date' | 'outdated' | 'not-built';
export type ListStatus = 'ok' | 'warnings' | 'errors' | 'outdated' | 'not-built';

export interface ListRow {
  issue: string;
  year: number;
  number: number;
  /** YYYY-MM-DD, or null when issue.yaml gives none that can be read. */
  date: string | null;
  articles: number;
  /** Pages of the built PDF, or null when there is none. */
  pages: number | null;
  pdf: PdfState;
  /** Archive-relative path of the PDF. */
  output: string;
  errors: number;
  warnings: number;
  /** One word for the whole: errors first, then a missing or outdated PDF, then warnings. */
  status: ListStatus;
}

/** Count the page objects of a PDF without parsing it: `/Type /Page` dictionaries (not `/Pages`). */
export function countPdfPages(pdf: Buffer): number {
  const text = pdf.toString('latin1');
  let n = 0;
  const re = /\/Type\s*\/Page(?![A-Za-z])/g;
  while (re.exec(text)) n++;
  return n;
}

export function listArchive(root: string, issues: IssueDir[], opts: { version?: string } = {}): ListRow[] {
  const cache = BuildCache.load(root);
  const base = stampBase(root, opts.version);
  // One session for the whole listing: bulletin.yaml and the issue folders are read once, not per issue.
  const session = openSession(root);
  return issues.map((where) => {
    const p = prepareIssue(root, where, session);
    const errors = p.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = p.diagnostics.length - errors;
    const output = defaultOutput(root, where);
    let pages: number | null = null;
    let pdf: PdfState = 'not-built';
    let size = -1;
    try {
      size = statSync(output).size;
    } catch {
      /* not built */
    }
    if (size >= 0) {
      const entry = cache.get(where);
      pages = entry && entry.bytes === size && entry.output === cache.rel(output) ? entry.pages : (safeCount(output) ?? null);
      pdf = cache.isFresh(where, issueStamp(base, where, cache.get(where)), output) ? 'up-to-date' : 'outdated';
    }
    const d = p.issue?.date;
    const date = d ? formatDate(d) : null;
    const articles = p.issue ? p.issue.articles.length : listedArticles(root, where);
    const status: ListStatus = errors ? 'errors' : pdf === 'not-built' ? 'not-built' : pdf === 'outdated' ? 'outdated' : warnings ? 'warnings' : 'ok';
    return { issue: issueKey(where), year: where.year, number: where.number, date, articles, pages, pdf, output: cache.rel(output), errors, warnings, status };
  });
}

function safeCount(file: string): number | undefined {
  try {
    const read = readGuarded(file, MAX_PDF_BYTES);
    return read.ok ? countPdfPages(read.bytes) : undefined;
  } catch {
    return undefined;
  }
}

/** How many articles issue.yaml lists, for an issue that does not load. */
function listedArticles(root: string, where: IssueDir): number {
  return issueInputs(root, where, { fonts: null }).articles.length;
}
