/**
 * `bulletin check <issue>|--all`: every problem before print, like a compiler. Diagnostics are the
 * product of this command, so they go to stdout (text or, with --format json, exactly one JSON
 * array); usage errors go to stderr. Exit 0 without errors, 1 with errors, 2 on a usage error.
 */
import { Option, type Command } from 'commander';
import { listIssueDirs, type IssueDir } from '../../archive/index.js';
import { layoutDiagnostics } from '../../pipeline/trial.js';
import { checkArchive } from '../../check/run.js';
import { hasErrors } from '../../diagnostics/index.js';
import { fixIssues } from '../../fix/index.js';
import { t } from '../../i18n/index.js';
import { formatChange, formatDiagnostics, jsonText, REPORT_MESSAGES, say, summary, toJson } from '../report.js';
import { archiveRoot, makeChalk, pickIssues, type CliContext } from '../shared.js';

export const CHECK_OPTIONS = {
  fix: {
    zh: '先自动修正可机械修正的问题（改写源文件），再报告其余问题',
    en: 'first apply the mechanical, safe fixes (rewrites source files), then report the rest',
  },
  layout: {
    zh: '同时做排版试运行（缺字、行溢出、页数）；单期检查默认开启，--all 默认关闭',
    en: 'also run a trial layout (glyphs, overfull lines, page count); on by default for one issue, off for --all',
  },
  noLayout: { zh: '不做排版试运行', en: 'skip the trial layout' },
} as const;

export interface CheckCommandOptions {
  all?: boolean;
  archive?: string;
  format: string;
  fix?: boolean;
  layout?: boolean;
}

/** Check (and with `fix`, first fix) the selected issues and print the outcome. Shared by `check` and `fix`. */
export function runCheck(ctx: CliContext, ref: string | undefined, opts: CheckCommandOptions): void {
  const { lang, io } = ctx;
  const root = archiveRoot(ctx, opts.archive);
  const targets = pickIssues(root, ref, !!opts.all, lang);
  const dirs: IssueDir[] = listIssueDirs(root);
  const json = opts.format === 'json';
  // Diagnostics go to stdout: colour only when stdout (and stderr, which io.isTTY reports) are terminals.
  const c = makeChalk({ ...io, isTTY: io.isTTY && !!process.stdout.isTTY });
  // In JSON mode stdout carries the JSON alone; the list of changes goes to stderr.
  const print = json ? io.err : io.out;
  if (opts.fix) {
    const fixed = fixIssues(root, targets, dirs);
    for (const ch of fixed.changes) print(formatChange(ch, lang, json ? ctx.c : c) + '\n');
    print(
      (fixed.changes.length
        ? say(lang, REPORT_MESSAGES.fixed, { n: fixed.changes.length, files: fixed.files.length })
        : say(lang, REPORT_MESSAGES.nothingToFix)) + '\n',
    );
  }
  const layout = opts.layout ?? !opts.all;
  const run = checkArchive(root, targets, { trialLayout: layout ? layoutDiagnostics : undefined, dirs });
  if (json) io.out(jsonText(toJson(run.diagnostics, lang)) + '\n');
  else {
    io.out(formatDiagnostics(run.diagnostics, root, lang, c, undefined, { columns: io.isTTY && process.stdout.isTTY ? process.stdout.columns : undefined }));
    if (!layout && opts.all) io.out(c.dim(say(lang, REPORT_MESSAGES.layoutSkipped)) + '\n');
    io.out(summary(run.diagnostics, lang) + '\n');
  }
  if (hasErrors(run.diagnostics)) ctx.fail(1);
}

export function registerCheck(program: Command, ctx: CliContext): void {
  const { lang } = ctx;
  program
    .command('check')
    .description(t(lang, 'checkDesc'))
    .argument('[issue]', t(lang, 'issueArg'))
    .option('--all', t(lang, 'allOpt'))
    .option('--archive <dir>', t(lang, 'archiveOpt'))
    .addOption(new Option('--format <format>', t(lang, 'formatOpt')).choices(['text', 'json']).default('text'))
    .option('--fix', CHECK_OPTIONS.fix[lang])
    .option('--layout', CHECK_OPTIONS.layout[lang])
    .option('--no-layout', CHECK_OPTIONS.noLayout[lang])
    .addOption(ctx.langOption())
    .action((ref: string | undefined, opts: CheckCommandOptions) => runCheck(ctx, ref, opts));
}
