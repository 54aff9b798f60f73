/** Shared by the numbering and date rules: this issue's summary and how to name an issue. */
import type { IssueDir } from '../../archive/index.js';
import { summaryOf, type ManifestSummary } from '../../model/index.js';
import { archiveOf, type CheckContext } from '../context.js';
import { numberOf } from '../archive.js';

export function self(ctx: CheckContext): { where: IssueDir; summary: ManifestSummary } | undefined {
  const archive = archiveOf(ctx);
  const where = archive.dirOf(ctx.issue.dir);
  if (!where) return undefined;
  const summary = summaryOf(ctx.issue, where);
  archive.remember(where, summary);
  return { where, summary };
}

/** 第22期 / 2026年第22期 / 增刊第1期, in both languages. */
export function label(s: ManifestSummary, withYear = false): { zh: string; en: string } {
  const n = numberOf(s);
  const y = withYear ? `${s.year}年` : '';
  return s.supplement
    ? { zh: `${y}增刊第${n}期`, en: `supplement ${n}${withYear ? ` of ${s.year}` : ''}` }
    : { zh: `${y}第${n}期`, en: `issue ${n}${withYear ? ` of ${s.year}` : ''}` };
}

export { compareDates } from '../../dates.js';
