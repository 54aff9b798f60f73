/** `bulletin list`: one line per issue — number, date, articles, pages, and the state of its PDF. */
import { Option, type Command } from 'commander';
import { listIssueDirs } from '../../archive/index.js';
import { listArchive, type ListRow } from '../../batch/list.js';
import { t, type Lang } from '../../i18n/index.js';
import { archiveRoot, pickIssues, type CliContext } from '../shared.js';
import { displayWidth, jsonText, padDisplay } from '../report.js';

export function statusText(row: ListRow, lang: Lang): string {
  const parts: string[] = [];
  if (row.errors) parts.push(t(lang, 'statusErrors', { n: row.errors }));
  if (row.pdf === 'not-built') parts.push(t(lang, 'statusNotBuilt'));
  else if (row.pdf === 'outdated') parts.push(t(lang, 'statusOutdated'));
  else if (!row.errors) parts.push(t(lang, 'statusOk'));
  if (row.warnings) parts.push(t(lang, 'statusWarnings', { n: row.warnings }));
  return parts.join(lang === 'zh' ? '；' : '; ');
}

export function formatList(rows: ListRow[], lang: Lang): string {
  const cells = rows.map((r) => [
    r.issue,
    r.date ?? '—',
    t(lang, 'listArticles', { n: r.articles }),
    r.pages !== null ? t(lang, 'listPages', { n: r.pages }) : t(lang, 'listNoPdf'),
    statusText(r, lang),
  ]);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...cells.map((c) => displayWidth(c[i]))));
  return cells.map((c) => c.map((x, i) => (i < 4 ? padDisplay(x, widths[i]) : x)).join('  ')).join('\n') + '\n';
}

export function registerList(program: Command, ctx: CliContext): void {
  const { lang, io, c } = ctx;
  program
    .command('list')
    .description(t(lang, 'listDesc'))
    .argument('[issue]', t(lang, 'issueArg'))
    .option('--archive <dir>', t(lang, 'archiveOpt'))
    .addOption(new Option('--format <format>', t(lang, 'formatOpt')).choices(['text', 'json']).default('text'))
    .addOption(ctx.langOption())
    .action((ref: string | undefined, opts: { archive?: string; format: string }) => {
      const root = archiveRoot(ctx, opts.archive);
      const issues = ref ? pickIssues(root, ref, false, lang) : listIssueDirs(root);
      const rows = listArchive(root, issues);
      if (opts.format === 'json') {
        io.out(jsonText(rows) + '\n');
        return;
      }
      if (!rows.length) {
        io.err(t(lang, 'listEmpty') + '\n');
        return;
      }
      const text = formatList(rows, lang);
      io.out(c.level ? colour(text, rows, c) : text);
    });
}

function colour(text: string, rows: ListRow[], c: CliContext['c']): string {
  return text
    .split('\n')
    .map((line, i) => {
      const r = rows[i];
      if (!r) return line;
      return r.status === 'errors' ? c.red(line) : r.status === 'ok' ? line : r.status === 'warnings' ? c.yellow(line) : c.dim(line);
    })
    .join('\n');
}
