/**
 * The build cache: for each issue, the stamp of the inputs its PDF was built from, where the PDF
 * is, and what it holds. Kept in dist/.bulletin-cache.json; only the main thread writes it.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { IssueDir } from '../archive/index.js';
import { readGuarded, writeFileAtomic } from '../archive/index.js';

export const CACHE_FILE = path.join('dist', '.bulletin-cache.json');

export interface CacheEntry {
  stamp: string;
  /** Archive-relative path of the PDF, forward slashes. */
  output: string;
  pages: number;
  bytes: number;
  warnings: number;
  /** SHA-256 of the issue.yaml text the PDF was built from (see stampIssue). */
  manifest?: string;
  /** The articles that issue.yaml listed, archive-relative with forward slashes. */
  articles?: string[];
}

export interface CacheData {
  format: 1;
  entries: Record<string, CacheEntry>;
}

export function issueKey(where: Pick<IssueDir, 'year' | 'number'>): string {
  return `${where.year}/${where.number}`;
}

export class BuildCache {
  /** Keys set or deleted by this process since loading: the changes save() applies. */
  private readonly changed = new Set<string>();

  private constructor(
    readonly root: string,
    private readonly data: CacheData,
  ) {}

  static load(root: string): BuildCache {
    return new BuildCache(root, readData(root));
  }

  get(where: Pick<IssueDir, 'year' | 'number'>): CacheEntry | undefined {
    return this.data.entries[issueKey(where)];
  }

  set(where: Pick<IssueDir, 'year' | 'number'>, entry: CacheEntry): void {
    this.data.entries[issueKey(where)] = entry;
    this.changed.add(issueKey(where));
  }

  delete(where: Pick<IssueDir, 'year' | 'number'>): void {
    if (this.data.entries[issueKey(where)]) {
      delete this.data.entries[issueKey(where)];
      this.changed.add(issueKey(where));
    }
  }

  /** True when the PDF at `output` was built from inputs with this stamp and is still there, unchanged in size. */
  isFresh(where: Pick<IssueDir, 'year' | 'number'>, stamp: string, output: string): boolean {
    const e = this.get(where);
    if (!e || !stamp || e.stamp !== stamp || e.output !== this.rel(output)) return false;
    try {
      return statSync(output).size === e.bytes;
    } catch {
      return false;
    }
  }

  rel(abs: string): string {
    return path.relative(this.root, abs).split(path.sep).join('/');
  }

  /**
   * Write the changes of this process over what is on disk now, so that two runs at once (a watch
   * and a batch) keep each other's entries.
   */
  save(): void {
    if (!this.changed.size) return;
    const merged = readData(this.root).entries;
    for (const k of this.changed) {
      if (this.data.entries[k]) merged[k] = this.data.entries[k];
      else delete merged[k];
    }
    const sorted: Record<string, CacheEntry> = {};
    for (const k of Object.keys(merged).sort(compareKeys)) sorted[k] = merged[k];
    writeFileAtomic(path.join(this.root, CACHE_FILE), JSON.stringify({ format: 1, entries: sorted }, null, 1) + '\n', { mkdir: true });
    this.changed.clear();
  }
}

function readData(root: string): CacheData {
  try {
    const read = readGuarded(path.join(root, CACHE_FILE), 64 * 1024 * 1024, root);
    if (!read.ok) throw new Error(read.reason);
    const parsed = JSON.parse(read.bytes.toString('utf8')) as CacheData;
    if (parsed && parsed.format === 1 && typeof parsed.entries === 'object' && parsed.entries) return parsed;
  } catch {
    /* no cache yet, or unreadable: start empty */
  }
  return { format: 1, entries: {} };
}

function compareKeys(a: string, b: string): number {
  const [ay, an] = a.split('/').map(Number);
  const [by, bn] = b.split('/').map(Number);
  return ay - by || an - bn;
}
