/**
 * `bulletin import`: Word (.docx, .doc, WPS), text and web-page submissions into the archive.
 * Import feeds the archive: it reads bulletin.yaml through the model and writes Markdown articles
 * and issue.yaml files; it knows nothing of check, layout or render.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, rmdirSync } from 'node:fs';
import { readText } from '../archive/index.js';
import path from 'node:path';
import { parseDocument, isSeq } from 'yaml';
import { formatDate } from '../dates.js';
import { buildArticle } from './article.js';
import { splitIssue } from './issue.js';
import { articleMarkdown } from './markdown.js';
import { readSubmission } from './read.js';
import type { ImportedArticle, Said } from './types.js';
import { manifestText, type IssueDate } from '../model/index.js';
import { replaceFile, writeNewFile } from './write.js';

export type { ImportedArticle, ImportedBlock, ImportedIssue, Said, SourceDocument, SourcePara, SourceRun } from './types.js';
export { readSubmission } from './read.js';
export { buildArticle } from './article.js';
export { splitIssue, findHeader } from './issue.js';
export { articleMarkdown } from './markdown.js';
export { readDocx, chineseNumber } from './docx.js';

export interface ImportRequest {
  /** The archive root. */
  root: string;
  /** Files to import (absolute paths), in the order given. */
  files: string[];
  /** Units from bulletin.yaml. */
  units: readonly string[];
  /** --issue: the issue submissions join (year given or implied by the date). */
  issue?: { year?: number; number: number };
  /** --date */
  date?: IssueDate;
  today: IssueDate;
  /**
   * What a new issue made from submissions carries over from the issue before it (its running
   * total, distribution and copies), as `bulletin new` does. Not used for a whole published issue,
   * whose page says what it says.
   */
  carryOver?: (year: number, number: number) => { total?: number; lines: string[] };
  /** How a file is named to the user (relative to where they are). */
  show?: (file: string) => string;
}

export interface ImportedFile {
  /** Archive-relative path of the article written. */
  path: string;
  article: ImportedArticle;
}

export type FileOutcome =
  | { file: string; ok: true; issue: string; whole: boolean; articles: ImportedFile[]; guesses: Said[] }
  | { file: string; ok: false; why: Said };

export type ImportResult =
  | { ok: true; files: FileOutcome[]; issues: { year: number; number: number; created: boolean }[] }
  /** Nothing was written: the reason applies to the whole run. `usage` means the command line must change. */
  | { ok: false; usage: boolean; why: Said; files: FileOutcome[] };

const pad = (n: number) => String(n).padStart(2, '0');

/** Plain ASCII words of a name, for a file name: 'Wangge Report.docx' → 'wangge-report'. */
function asciiSlug(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

interface PlannedIssue {
  year: number;
  number: number;
  dir: string;
  created: boolean;
  /** Made from a whole published issue: nothing else may join it. */
  whole: boolean;
  date: IssueDate;
  total?: number;
  editorNote?: string;
  /** Manifest lines carried over from the previous issue (distribution, copies). */
  carried?: string[];
  /** Article file names already listed in issue.yaml. */
  existing: string[];
  manifest?: string;
  added: { name: string; article: ImportedArticle }[];
}

export async function importFiles(req: ImportRequest): Promise<ImportResult> {
  const files: FileOutcome[] = [];
  const plans = new Map<string, PlannedIssue>();
  const taken = new Set<string>();

  /** An article's path for the report: relative to the archive, with forward slashes. */
  const inArchive = (plan: PlannedIssue, name: string) => path.relative(req.root, path.join(plan.dir, name)).split(path.sep).join('/');
  const issueDir = (year: number, number: number) => path.join(req.root, 'issues', String(year), String(number));
  const openIssue = (year: number, number: number, date: IssueDate, whole: boolean): PlannedIssue | Said => {
    const key = `${year}/${number}`;
    const dir = issueDir(year, number);
    const exists = existsSync(dir) && readdirSync(dir).some((f) => !f.startsWith('.'));
    if (whole && exists)
      return {
        zh: `档案中已有第 ${key} 期（${path.relative(req.root, dir)}），导入整期会覆盖它；没有改动任何文件`,
        en: `issue ${key} already exists (${path.relative(req.root, dir)}); importing the whole issue would overwrite it, so nothing was changed`,
      };
    let plan = plans.get(key);
    if (plan) {
      if (whole || plan.whole)
        return { zh: `第 ${key} 期在这次导入中出现了两次；没有改动任何文件`, en: `issue ${key} is made twice by this import; nothing was changed` };
      return plan;
    }
    const manifestFile = path.join(dir, 'issue.yaml');
    let existing: string[] = [];
    let manifest: string | undefined;
    if (existsSync(manifestFile)) {
      const read = readText(req.root, manifestFile);
      if (!read.ok)
        return {
          zh: `${path.relative(req.root, manifestFile)} 无法读取，无法追加文章；请先运行 bulletin check 修正`,
          en: `${path.relative(req.root, manifestFile)} cannot be read, so articles cannot be appended; run bulletin check and correct it first`,
        };
      manifest = read.text;
      const doc = parseDocument(manifest);
      const list = doc.get('articles');
      if (doc.errors.length || (list !== undefined && !isSeq(list)))
        return {
          zh: `${path.relative(req.root, manifestFile)} 有错误，无法追加文章；请先运行 bulletin check 修正`,
          en: `${path.relative(req.root, manifestFile)} has errors, so articles cannot be appended; run bulletin check and correct it first`,
        };
      existing = isSeq(list) ? list.items.map((i) => String((i as { value?: unknown }).value ?? i)) : [];
    }
    plan = { year, number, dir, created: !manifest, whole, date, existing, manifest, added: [] };
    plans.set(key, plan);
    return plan;
  };
  const nameFor = (plan: PlannedIssue, source: string, a: ImportedArticle) => {
    const index = plan.existing.length + plan.added.length + 1;
    const slug = asciiSlug(path.basename(source, path.extname(source))) || asciiSlug(a.title);
    const base = slug && !/^\d+$/.test(slug) ? `${pad(index)}-${slug}` : pad(index);
    for (let k = 1; ; k++) {
      const name = `${base}${k > 1 ? `-${k}` : ''}.md`;
      const abs = path.join(plan.dir, name);
      if (!existsSync(abs) && !taken.has(abs) && !plan.existing.includes(name)) {
        taken.add(abs);
        return name;
      }
    }
  };

  for (const file of req.files) {
    const read = await readSubmission(file);
    if (!read.ok) {
      files.push({ file, ok: false, why: read.why });
      continue;
    }
    const name = path.basename(file, path.extname(file));
    const whole = splitIssue(read.doc, req.units, name);
    if (whole) {
      const guesses = [...whole.guesses];
      const year = req.issue?.year ?? whole.date!.year;
      const number = req.issue?.number ?? whole.number!;
      if (req.issue && (req.issue.number !== whole.number || (req.issue.year !== undefined && req.issue.year !== whole.date!.year)))
        guesses.push({
          zh: `页面上是 ${whole.date!.year} 年第 ${whole.number} 期，按 --issue 存为 ${year}/${number}`,
          en: `the page says issue ${whole.number} of ${whole.date!.year}; stored as ${year}/${number} as --issue says`,
        });
      if (req.date && formatDate(req.date) !== formatDate(whole.date!))
        guesses.push({
          zh: `页面上的日期是 ${formatDate(whole.date!)}，按 --date 取 ${formatDate(req.date)}`,
          en: `the page is dated ${formatDate(whole.date!)}; ${formatDate(req.date)} taken from --date`,
        });
      const plan = openIssue(year, number, req.date ?? whole.date!, true);
      if (!('dir' in plan)) return { ok: false, usage: false, why: plan, files };
      plan.total = whole.total;
      plan.editorNote = whole.editorNote;
      const articles = whole.articles.map((a) => {
        const n = nameFor(plan, '', a);
        plan.added.push({ name: n, article: a });
        return { path: inArchive(plan, n), article: a };
      });
      files.push({ file, ok: true, issue: `${year}/${number}`, whole: true, articles, guesses });
      continue;
    }
    if (!req.issue)
      return {
        ok: false,
        usage: true,
        why: {
          zh: `${(req.show ?? String)(file)} 是一篇稿件，不是整期；请用 --issue 指定放入哪一期（例如 --issue 2026/3）`,
          en: `${(req.show ?? String)(file)} is one submission, not a whole issue: say which issue it joins with --issue (e.g. --issue 2026/3)`,
        },
        files,
      };
    const date = req.date ?? req.today;
    const year = req.issue.year ?? date.year;
    const plan = openIssue(year, req.issue.number, date, false);
    if (!('dir' in plan)) return { ok: false, usage: false, why: plan, files };
    if (plan.created && !plan.added.length && req.carryOver) {
      const carried = req.carryOver(year, req.issue.number);
      plan.total = carried.total;
      plan.carried = carried.lines;
    }
    const article = buildArticle(read.doc, { units: req.units, fallbackTitle: name });
    const n = nameFor(plan, file, article);
    plan.added.push({ name: n, article });
    files.push({
      file,
      ok: true,
      issue: `${year}/${req.issue.number}`,
      whole: false,
      articles: [{ path: inArchive(plan, n), article }],
      guesses: [],
    });
  }

  // Write: articles first (each new, never replacing), the manifest last; undo on any failure.
  const written: string[] = [];
  const madeDirs: string[] = [];
  try {
    for (const plan of plans.values()) {
      if (!plan.added.length) continue;
      if (!existsSync(plan.dir)) {
        for (let d = plan.dir; !existsSync(d); d = path.dirname(d)) madeDirs.unshift(d);
        mkdirSync(plan.dir, { recursive: true });
      }
      for (const a of plan.added) {
        const abs = path.join(plan.dir, a.name);
        if (!writeNewFile(abs, articleMarkdown(a.article))) throw new Error(`exists: ${abs}`);
        written.push(abs);
      }
    }
    for (const plan of plans.values()) {
      if (!plan.added.length) continue;
      const manifestFile = path.join(plan.dir, 'issue.yaml');
      const names = plan.added.map((a) => a.name);
      if (plan.manifest === undefined) {
        if (!writeNewFile(manifestFile, newManifest(plan, names))) throw new Error(`exists: ${manifestFile}`);
        written.push(manifestFile);
      } else replaceFile(manifestFile, appendArticles(plan.manifest, names));
    }
  } catch (e) {
    for (const f of written.reverse()) rmSync(f, { force: true });
    for (const d of madeDirs.reverse())
      try {
        rmdirSync(d);
      } catch {
        // not empty: something else lives there
      }
    return {
      ok: false,
      usage: false,
      why: {
        zh: `写入档案失败：${(e as Error).message}；没有改动任何文件`,
        en: `could not write to the archive: ${(e as Error).message}; nothing was changed`,
      },
      files,
    };
  }
  return { ok: true, files, issues: [...plans.values()].filter((p) => p.added.length).map((p) => ({ year: p.year, number: p.number, created: p.created })) };
}

function newManifest(plan: PlannedIssue, names: string[]): string {
  return manifestText({ number: plan.number, date: plan.date, total: plan.total, articles: names, editorNote: plan.editorNote, carried: plan.carried });
}

/** The manifest with names added to `articles`, its comments and layout otherwise kept. */
function appendArticles(manifest: string, names: string[]): string {
  const doc = parseDocument(manifest);
  const list = doc.get('articles');
  if (isSeq(list)) for (const n of names) list.add(doc.createNode(n));
  else doc.set('articles', doc.createNode(names));
  return doc.toString({ lineWidth: 0 });
}
