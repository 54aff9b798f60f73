/**
 * `bulletin new`: start the next issue from the last one — next number, today's date, `total`
 * advanced, the distribution block and copies carried over, and an article template.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { isMap, isScalar, parseDocument, type Pair } from 'yaml';
import { listIssueDirs, sweepStaleTemps, WriteFault, writeFileAtomic, type IssueDir } from '../../archive/index.js';
import { issueInputs } from '../../pipeline/inputs.js';
import { compareDates, formatDate } from '../../dates.js';
import { loadSeries, manifestText, parseDate, type IssueDate } from '../../model/index.js';
import { PLACEHOLDER } from '../../check/placeholders.js';
import { t, type Lang } from '../../i18n/index.js';
import { archiveRoot, ExitError, type CliContext } from '../shared.js';

export const ARTICLE_TEMPLATE_NAME = '01-article.md';

/** The article `new` writes: every value a placeholder that `check` reports until it is replaced. */
export const ARTICLE_TEMPLATE = `---
# 标题：改成本文标题 / title: replace with the article's title
title: ${PLACEHOLDER.title}
# 供稿单位：须是 bulletin.yaml 的 units 名录中的单位，多个单位写成列表
# source: one of the units listed in bulletin.yaml (a list for several units)
source: ${PLACEHOLDER.source}
---
${PLACEHOLDER.body}每段一行；以“# ”“## ”“### ”开头的行是文中小标题；段首导语句前后各加两个星号，即为加粗的导语。
`;

export interface NewIssuePlan {
  year: number;
  number: number;
  date: IssueDate;
  /** Absolute path of the new folder. */
  dir: string;
  /** The issue it was started from. */
  previous?: IssueDir;
  manifest: string;
}

export function todayLocal(now = new Date()): IssueDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

interface PreviousFacts {
  number?: number;
  date?: IssueDate;
  total?: number;
  copies?: number;
  /** The text of the `distribution:` entry, comments just above it included. */
  distribution?: string;
}

/** The previous issue's manifest lines that a new issue carries over as written: distribution, copies. */
export function carriedLines(prev: PreviousFacts): string[] {
  const lines: string[] = [];
  if (prev.distribution) lines.push(prev.distribution);
  if (prev.copies !== undefined) lines.push(`copies: ${prev.copies}`);
  return lines;
}

/** Read what carries over from the previous issue.yaml, keeping the distribution block's own text. */
export function readPrevious(text: string): PreviousFacts {
  const doc = parseDocument(text);
  const out: PreviousFacts = {};
  if (!isMap(doc.contents)) return out;
  for (const item of doc.contents.items as Pair[]) {
    const key = isScalar(item.key) ? String(item.key.value) : '';
    const v = item.value;
    const int = isScalar(v) && typeof v.value === 'number' && Number.isInteger(v.value) ? v.value : undefined;
    if (key === 'number') out.number = int;
    else if (key === 'date' && isScalar(v) && v.value != null) out.date = parseDate(String(v.value));
    else if (key === 'total') out.total = int;
    else if (key === 'copies') out.copies = int;
    else if (key === 'distribution' && isScalar(item.key) && item.key.range && v && (v as { range?: number[] }).range) {
      const start = text.lastIndexOf('\n', item.key.range[0] - 1) + 1;
      const end = (v as { range: number[] }).range[1];
      let block = text.slice(start, end).replace(/\s+$/, '');
      // Comment lines directly above the key belong to it.
      const before = text.slice(0, start).split('\n');
      before.pop();
      const comments: string[] = [];
      while (before.length && /^#/.test(before[before.length - 1])) comments.unshift(before.pop()!);
      if (comments.length) block = comments.join('\n') + '\n' + block;
      out.distribution = block;
    }
  }
  return out;
}

/** Work out the next issue without touching the disk. */
export function planNextIssue(root: string, date: IssueDate, lang: Lang): NewIssuePlan {
  const series = loadSeries(root);
  if (!series.config) throw new ExitError(1, series.diagnostics.map((d) => `${d.loc.file}:${d.loc.line}:${d.loc.column}: ${d.message[lang]}`).join('\n'));
  const all = listIssueDirs(root);
  const upToYear = all.filter((d) => d.year <= date.year);
  const previous = upToYear.length ? upToYear[upToYear.length - 1] : all[all.length - 1];
  // The manifest as every command reads it: through the guarded reader (inside the archive, a
  // regular file, size-capped), not a second way of its own.
  const facts = (d: IssueDir | undefined): PreviousFacts => {
    if (!d) return {};
    const text = issueInputs(root, d, { fonts: null }).manifestText;
    if (text === undefined) return {};
    try {
      return readPrevious(text);
    } catch {
      return {};
    }
  };
  // An issue dated before the last one would sit between issues already printed and break the
  // running total of the next; refuse it (a usage error: the date given is wrong).
  const last = all[all.length - 1];
  const lastDate = last ? facts(last).date : undefined;
  if (lastDate && compareDates(date, lastDate) < 0)
    throw new ExitError(2, t(lang, 'newDateEarlier', { date: formatDate(date), last: formatDate(lastDate), issue: `${last.year}/${last.number}` }));
  const prev = facts(previous);
  // The last number as its issue.yaml says it (the folder name when it says none), plus one.
  let number: number;
  if (series.config.numbering === 'continuous') number = previous ? (prev.number ?? previous.number) + 1 : 1;
  else {
    const thisYear = all.filter((d) => d.year === date.year);
    const last = thisYear[thisYear.length - 1];
    number = last ? ((last === previous ? prev : facts(last)).number ?? last.number) + 1 : 1;
  }
  const manifest = manifestText({
    number,
    date,
    total: prev.total !== undefined ? prev.total + 1 : undefined,
    articles: [ARTICLE_TEMPLATE_NAME],
    articlesComment: '按刊登顺序列出本期文章 / the articles, in print order',
    carried: carriedLines(prev),
  });
  return { year: date.year, number, date, dir: path.join(root, 'issues', String(date.year), String(number)), previous, manifest };
}

/**
 * Create the next issue's folder, issue.yaml and article template. Refuses to overwrite. The folder
 * is filled under a temporary name and renamed into place, so a failure (a full disk, a read-only
 * archive) leaves no empty or half-made issue folder behind — nor a year folder made for it.
 */
export function startNextIssue(root: string, date: IssueDate, lang: Lang): NewIssuePlan {
  const plan = planNextIssue(root, date, lang);
  const issue = `${plan.year}/${plan.number}`;
  if (existsSync(plan.dir)) throw new ExitError(1, t(lang, 'newExists', { issue, dir: path.relative(root, plan.dir) }));
  const yearDir = path.dirname(plan.dir);
  const madeYear = !existsSync(yearDir);
  const staging = path.join(yearDir, `.${plan.number}.bulletin-tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    try {
      mkdirSync(yearDir, { recursive: true });
      sweepStaleTemps(yearDir);
      mkdirSync(staging);
    } catch (e) {
      throw new WriteFault((e as NodeJS.ErrnoException).code ?? 'EIO', plan.dir, e);
    }
    for (const [name, text] of [
      ['issue.yaml', plan.manifest],
      [ARTICLE_TEMPLATE_NAME, ARTICLE_TEMPLATE],
    ]) {
      try {
        writeFileAtomic(path.join(staging, name), text);
      } catch (e) {
        // Name the file where the user will look for it, not the temporary folder.
        throw e instanceof WriteFault ? new WriteFault(e.code, path.join(plan.dir, name), e) : e;
      }
    }
    try {
      renameSync(staging, plan.dir);
    } catch (e) {
      // Someone made the folder meanwhile (rename refuses a non-empty one).
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOTEMPTY' || code === 'EEXIST') throw new ExitError(1, t(lang, 'newExists', { issue, dir: path.relative(root, plan.dir) }));
      throw new WriteFault(code ?? 'EIO', plan.dir, e);
    }
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    if (madeYear) {
      try {
        rmdirSync(yearDir);
      } catch {
        /* not empty after all: someone else's */
      }
    }
    throw e;
  }
  return plan;
}

export function registerNew(program: Command, ctx: CliContext): void {
  const { lang, io, c } = ctx;
  program
    .command('new')
    .description(t(lang, 'newDesc'))
    .option('--date <date>', t(lang, 'dateOpt'))
    .option('--archive <dir>', t(lang, 'archiveOpt'))
    .addOption(ctx.langOption())
    .action((opts: { date?: string; archive?: string }) => {
      const root = archiveRoot(ctx, opts.archive);
      let date = todayLocal();
      if (opts.date !== undefined) {
        const d = parseDate(opts.date);
        if (!d) throw new ExitError(2, t(lang, 'badDate', { date: opts.date }));
        date = d;
      }
      const plan = startNextIssue(root, date, lang);
      const rel = path.relative(io.cwd, plan.dir) || plan.dir;
      io.err(c.green('✓ ') + t(lang, 'newCreated', { issue: `${plan.year}/${plan.number}`, dir: rel }) + '\n');
      io.err(c.dim(t(lang, 'newNext', { file: path.join(rel, ARTICLE_TEMPLATE_NAME) })) + '\n');
      io.out(rel + '\n');
    });
}
