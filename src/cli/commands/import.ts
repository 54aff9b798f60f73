/**
 * `bulletin import FILE… [--issue <year>/<n>] [--date YYYY-MM-DD] [--archive DIR] [--fix]`:
 * Word, WPS, text and web-page submissions into the archive (src/import does the work), then a
 * table of what was made of each file and the check summary of the issue.
 * Exit 0 imported (even with warnings), 1 a file could not be read (the others are imported) or
 * nothing could be written, 2 a usage error.
 */
import { readdirSync, statSync } from 'node:fs';
import { issueInputs } from '../../pipeline/inputs.js';
import path from 'node:path';
import type { Command } from 'commander';
import { listIssueDirs } from '../../archive/index.js';
import { layoutDiagnostics } from '../../pipeline/trial.js';
import { checkArchive } from '../../check/run.js';
import { applyFixes, type Change } from '../../fix/index.js';
import { t, type Lang } from '../../i18n/index.js';
import type { FileOutcome } from '../../import/index.js';
import { loadSeries, parseDate } from '../../model/index.js';
import { displayWidth, formatChange, padDisplay, say, summary } from '../report.js';
import { carriedLines, readPrevious, todayLocal } from './new.js';
import { archiveRoot, ExitError, printDiagnostics, type CliContext } from '../shared.js';

const M = {
  desc: {
    zh: '导入 Word、WPS、文本或网页稿件（.docx .doc .txt .md .htm），生成文章和期目录',
    en: 'import Word, WPS, text or web-page submissions (.docx .doc .txt .md .htm) as articles of an issue',
  },
  files: { zh: '稿件文件或文件夹（可用 *.docx）', en: 'submission files or folders (*.docx works)' },
  issue: {
    zh: '放入哪一期，如 2026/3 或 3（整期网页可省略，期号从页面读出）',
    en: 'the issue to add them to, e.g. 2026/3 or 3 (a whole published issue says its own)',
  },
  date: { zh: '新建一期时的日期 YYYY-MM-DD（默认今天）', en: 'date of a new issue, YYYY-MM-DD (default: today)' },
  fix: {
    zh: '导入时一并做安全的机械修正（半角标点、空格、省略号……）',
    en: 'apply the safe mechanical fixes (half-width punctuation, spaces, ellipses …) while importing',
  },
  badIssue: { zh: '期号“{ref}”看不懂，应写成 2026/3 或 3', en: 'cannot read the issue “{ref}”: write 2026/3 or 3' },
  noFiles: { zh: '没有匹配“{pattern}”的文件', en: 'no file matches “{pattern}”' },
  failed: { zh: '✗ {file}：{why}', en: '✗ {file}: {why}' },
  noConfig: { zh: 'bulletin.yaml 有错误，无法导入；请先修正：', en: 'bulletin.yaml has errors; correct them before importing:' },
  head: {
    zh: ['源文件', '文章', '标题', '供稿单位', '段', '段首句', '层次标题', '推断'],
    en: ['source file', 'article', 'title', 'unit(s)', 'paras', 'leads', 'headings', 'guesses'],
  },
  imported: { zh: '已导入 {n} 篇文章到第 {issues} 期', en: 'imported {n} article(s) into issue {issues}' },
  created: { zh: '（新建了 {dirs}）', en: ' (created {dirs})' },
  checking: { zh: '检查第 {issue} 期：', en: 'checking issue {issue}:' },
  checkHint: {
    zh: '运行 bulletin check {issue} 查看每个问题的位置和修改建议',
    en: 'run bulletin check {issue} to see each problem with its place and a suggested change',
  },
  fixedHint: { zh: '导入时已自动修正 {n} 处', en: '{n} problem(s) fixed while importing' },
  notRead: { zh: '{n} 个文件未能导入（见上）', en: '{n} file(s) could not be imported (see above)' },
} as const;

interface ImportOptions {
  issue?: string;
  date?: string;
  archive?: string;
  fix?: boolean;
}

/** What a folder given as FILE stands for: the files in it that can be imported. */
const IMPORTABLE = /\.(?:docx|doc|wps|txt|md|htm|html)$/i;

/** Expand * and ? in a file name ourselves (Windows shells pass them through unexpanded), and a folder into its files. */
function expand(cwd: string, arg: string, lang: Lang): string[] {
  const abs = path.resolve(cwd, arg);
  const base = path.basename(abs);
  let folder = false;
  try {
    folder = statSync(abs).isDirectory();
  } catch {
    // not there: reported when it is read
  }
  if (folder) {
    const names = readdirSync(abs).filter((n) => IMPORTABLE.test(n) && !n.startsWith('~$') && !n.startsWith('.'));
    if (!names.length) throw new ExitError(2, say(lang, M.noFiles, { pattern: arg }));
    return names.sort().map((n) => path.join(abs, n));
  }
  if (!/[*?]/.test(base)) return [abs];
  const re = new RegExp(
    `^${base
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  );
  let names: string[] = [];
  try {
    names = readdirSync(path.dirname(abs)).filter((n) => re.test(n) && !n.startsWith('~$')); // ~$ is Word's lock file
  } catch {
    // no such folder: reported below
  }
  if (!names.length) throw new ExitError(2, say(lang, M.noFiles, { pattern: arg }));
  return names.sort().map((n) => path.join(path.dirname(abs), n));
}

function clip(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + '…';
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i]))));
  return (
    rows
      .map((r) =>
        r
          .map((cell, i) => (i === r.length - 1 ? cell : padDisplay(cell, widths[i])))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

/** What a new issue takes from the one before it, as `bulletin new` does: total + 1, distribution, copies. */
function carryOver(root: string, year: number, number: number, numbering: string): { total?: number; lines: string[] } {
  const before = listIssueDirs(root).filter((d) => d.year < year || (d.year === year && d.number < number));
  const previous = before[before.length - 1];
  if (!previous) return { lines: [] };
  let facts;
  try {
    // Read as every command reads a manifest: through the guarded reader.
    const text = issueInputs(root, previous, { fonts: null }).manifestText;
    if (text === undefined) return { lines: [] };
    facts = readPrevious(text);
  } catch {
    return { lines: [] };
  }
  const prevNumber = facts.number ?? previous.number;
  // The running total advances by one only when this is the very next issue.
  const next =
    (previous.year === year && prevNumber + 1 === number) ||
    (numbering !== 'continuous' && previous.year + 1 === year && number === 1) ||
    (numbering === 'continuous' && prevNumber + 1 === number);
  return { total: next && facts.total !== undefined ? facts.total + 1 : undefined, lines: carriedLines(facts) };
}

export function registerImport(program: Command, ctx: CliContext): void {
  const { lang } = ctx;
  program
    .command('import')
    .description(say(lang, M.desc))
    .argument('<files...>', say(lang, M.files))
    .option('--issue <issue>', say(lang, M.issue))
    .option('--date <date>', say(lang, M.date))
    .option('--archive <dir>', t(lang, 'archiveOpt'))
    .option('--fix', say(lang, M.fix))
    .addOption(ctx.langOption())
    .action((args: string[], opts: ImportOptions) => runImport(ctx, args, opts));
}

async function runImport(ctx: CliContext, args: string[], opts: ImportOptions): Promise<void> {
  const { lang, io, c } = ctx;
  let issue: { year?: number; number: number } | undefined;
  if (opts.issue !== undefined) {
    const m = /^\s*(?:(\d{4})[/-])?(\d{1,4})\s*$/.exec(opts.issue);
    if (!m || Number(m[2]) < 1) throw new ExitError(2, say(lang, M.badIssue, { ref: opts.issue }));
    issue = { year: m[1] ? Number(m[1]) : undefined, number: Number(m[2]) };
  }
  let date;
  if (opts.date !== undefined) {
    date = parseDate(opts.date);
    if (!date) throw new ExitError(2, t(lang, 'badDate', { date: opts.date }));
  }
  const files = args.flatMap((a) => expand(io.cwd, a, lang));
  const root = archiveRoot(ctx, opts.archive);
  const series = loadSeries(root);
  if (!series.config) {
    io.err(c.red(say(lang, M.noConfig)) + '\n');
    printDiagnostics(ctx, series.diagnostics, root);
    ctx.fail(1);
    return;
  }
  const shown = (f: string) => path.relative(io.cwd, f) || f;
  // Loaded on use: the readers' parsers and unzip tables cost every other command's start-up nothing.
  const { importFiles } = await import('../../import/index.js');
  const result = await importFiles({
    root,
    files,
    units: series.config.units,
    issue,
    date,
    today: todayLocal(),
    carryOver: (year, number) => carryOver(root, year, number, series.config!.numbering),
    show: shown,
  });
  const failures = result.files.filter((f): f is Extract<FileOutcome, { ok: false }> => !f.ok);
  for (const f of failures) io.err(c.red(say(lang, M.failed, { file: shown(f.file), why: say(lang, f.why) })) + '\n');
  if (!result.ok) throw new ExitError(result.usage ? 2 : 1, say(lang, result.why));

  // --fix: the safe fixes, on the new files only (an article already in the issue is not touched).
  const newArticles = result.files.flatMap((f) => (f.ok ? f.articles.map((a) => a.path) : []));
  const newFiles = new Set([...newArticles, ...result.issues.filter((i) => i.created).map((i) => `issues/${i.year}/${i.number}/issue.yaml`)]);
  const dirs = listIssueDirs(root);
  const targets = dirs.filter((d) => result.issues.some((i) => i.year === d.year && i.number === d.number));
  const changes: Change[] = [];
  if (opts.fix)
    for (let round = 0; round < 8; round++) {
      const { diagnostics } = checkArchive(root, targets, { dirs });
      const r = applyFixes(
        root,
        diagnostics.filter((d) => d.fix?.length && newFiles.has(d.fix[0].loc.file)),
      );
      if (!r.changes.length) break;
      changes.push(...r.changes);
    }

  const rows: string[][] = [M.head[lang].slice()];
  const notes: string[] = [];
  for (const f of result.files) {
    if (!f.ok) continue;
    for (const g of f.guesses) notes.push(`  ${shown(f.file)}: ${say(lang, g)}`);
    for (const a of f.articles) {
      const blocks = a.article.blocks;
      rows.push([
        shown(f.file),
        '→ ' + a.path,
        clip(a.article.title, 30),
        clip(a.article.sources.join('、') || '—', 24),
        String(blocks.filter((b) => b.kind === 'paragraph').length),
        String(blocks.filter((b) => b.kind === 'paragraph' && b.lead).length),
        String(blocks.filter((b) => b.kind === 'heading').length),
        String(a.article.guesses.length),
      ]);
      for (const g of a.article.guesses) notes.push(`  ${a.path}: ${say(lang, g)}`);
    }
  }
  io.out(table(rows));
  if (notes.length) io.out(c.yellow(notes.join('\n')) + '\n');
  for (const ch of changes) io.out(formatChange(ch, lang, c) + '\n');
  const issues = result.issues.map((i) => `${i.year}/${i.number}`);
  const created = result.issues.filter((i) => i.created).map((i) => `issues/${i.year}/${i.number}`);
  io.out(
    c.green('✓ ') +
      say(lang, M.imported, { n: newArticles.length, issues: issues.join(lang === 'zh' ? '、' : ', ') }) +
      (created.length ? say(lang, M.created, { dirs: created.join(lang === 'zh' ? '、' : ', ') }) : '') +
      '\n',
  );
  if (changes.length) io.out(say(lang, M.fixedHint, { n: changes.length }) + '\n');

  // The check summary of each issue imported into.
  const run = checkArchive(root, targets, { trialLayout: layoutDiagnostics, dirs });
  for (const where of targets) {
    const ref = `${where.year}/${where.number}`;
    const ds = run.diagnostics.filter((d) => d.loc.file.startsWith(where.rel + '/'));
    io.out(say(lang, M.checking, { issue: ref }) + (lang === 'zh' ? '' : ' ') + summary(ds, lang) + '\n');
    if (ds.length) io.out(c.dim(say(lang, M.checkHint, { issue: ref })) + '\n');
  }
  if (failures.length) {
    io.err(c.red(say(lang, M.notRead, { n: failures.length })) + '\n');
    ctx.fail(1);
  }
}
