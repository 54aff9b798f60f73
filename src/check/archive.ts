/**
 * What rules spanning issues need to know about the other issues: the numbering fields of each
 * issue.yaml, read at most once per run and only for the folders a rule actually asks about.
 */
import type { IssueDir } from '../archive/index.js';
import { readManifestSummary, type ManifestSummary } from '../model/index.js';

export class ArchiveIndex {
  private readonly cache = new Map<string, ManifestSummary | null>();
  private readonly position = new Map<string, number>();
  private readonly byRel = new Map<string, IssueDir>();

  constructor(
    readonly root: string,
    /** Every issue folder, sorted by year then number. */
    readonly dirs: IssueDir[],
  ) {
    dirs.forEach((d, i) => {
      this.position.set(d.dir, i);
      this.byRel.set(d.rel, d);
    });
  }

  /** Record a summary already known (from a loaded issue), so its manifest is not read again. */
  remember(where: IssueDir, summary: ManifestSummary | undefined): void {
    this.cache.set(where.dir, summary ?? null);
  }

  /** Drop what is known about a folder, so it is read again when asked for. */
  forget(where: IssueDir): void {
    this.cache.delete(where.dir);
  }

  summary(where: IssueDir): ManifestSummary | undefined {
    let s = this.cache.get(where.dir);
    if (s === undefined) {
      s = readManifestSummary(this.root, where) ?? null;
      this.cache.set(where.dir, s);
    }
    return s ?? undefined;
  }

  /**
   * The nearest issue before (step −1) or after (step +1) `where` in archive order that is of the
   * same kind (regular issue or supplement) and whose manifest can be read.
   */
  neighbour(where: IssueDir, supplement: boolean, step: -1 | 1): { dir: IssueDir; summary: ManifestSummary } | undefined {
    const i = this.position.get(where.dir);
    if (i === undefined) return undefined;
    for (let k = i + step; k >= 0 && k < this.dirs.length; k += step) {
      const dir = this.dirs[k];
      const s = this.summary(dir);
      if (s && s.supplement === supplement) return { dir, summary: s };
    }
    return undefined;
  }

  /** The folder entry of an archive-relative issue folder path. */
  dirOf(rel: string): IssueDir | undefined {
    return this.byRel.get(rel);
  }
}

/** The number an issue goes by: its manifest's, else its folder's. */
export function numberOf(s: ManifestSummary): number {
  return s.number ?? s.folder;
}
