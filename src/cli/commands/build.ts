import { closeSync, readSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { openChecked, parseIssueRef, realOrSelf, type IssueDir } from '../../archive/index.js';
import { inputFiles, issueInputs } from '../../pipeline/inputs.js';
import { stampIssue, recordBuild, runBatch, stampBase, type BatchReporter } from '../../batch/index.js';
import { formatSummary, LineReporter, SpinnerReporter, type ReporterContext } from '../../batch/progress.js';
import { buildIssue, defaultedRoles } from '../../pipeline/index.js';
import { ROLE_FAMILY, type FontRole } from '../../fonts/index.js';
import { FAMILY_LABELS, t } from '../../i18n/index.js';
import { watchIssue } from '../../watch/index.js';
import { archiveRoot, ExitError, pickIssues, printBuildDiagnostics, printDiagnostics, type CliContext } from '../shared.js';

interface BuildOpts {
  all?: boolean;
  archive?: string;
  output?: string;
  jobs?: string;
  force?: boolean;
  watch?: boolean;
}

export function registerBuild(program: Command, ctx: CliContext): void {
  const { lang } = ctx;
  program
    .command('build')
    .description(t(lang, 'buildDesc'))
    .argument('[issue]', t(lang, 'issueArg'))
    .option('--all', t(lang, 'allOpt'))
    .option('--archive <dir>', t(lang, 'archiveOpt'))
    .option('-o, --output <file>', t(lang, 'outputOpt'))
    .option('-j, --jobs <n>', t(lang, 'jobsOpt'))
    .option('-f, --force', t(lang, 'forceOpt'))
    .option('-w, --watch', t(lang, 'watchOpt'))
    .addOption(ctx.langOption())
    .action(async (ref: string | undefined, opts: BuildOpts) => {
      const root = archiveRoot(ctx, opts.archive);
      const targets = pickIssues(root, ref, !!opts.all, lang);
      const jobs = parseJobs(opts.jobs, lang);
      // A year, a range or --all is a batch: incremental and parallel. One named issue is always built.
      const batch = !!opts.all || (ref !== undefined && parseIssueRef(ref)?.kind !== 'one');
      if (opts.output && (batch || targets.length > 1)) throw new ExitError(2, lang === 'zh' ? '-o 只能用于单期' : '-o applies to a single issue only');
      const output = opts.output !== undefined && targets.length === 1 ? checkOutput(ctx, root, targets[0], opts.output) : undefined;
      if (opts.watch) {
        if (batch || targets.length !== 1) throw new ExitError(2, t(lang, 'watchOne'));
        return watchCommand(ctx, root, targets[0], output);
      }
      if (batch) return batchCommand(ctx, root, targets, jobs, !!opts.force);
      for (const where of targets) await buildOne(ctx, root, where, output);
    });
}

/**
 * Where -o may write: a new file named .pdf, or an existing PDF. Never a folder, a device or FIFO,
 * one of the issue's own inputs, or any other existing file (a usage error, exit 2, before anything
 * is built).
 */
function checkOutput(ctx: CliContext, root: string, where: IssueDir, given: string): string {
  const { lang, io } = ctx;
  const output = path.resolve(io.cwd, given);
  const file = given;
  const name = `${where.year}-${where.number}.pdf`;
  if (/[\\/]$/.test(given)) throw new ExitError(2, t(lang, 'outputIsDir', { file: given.replace(/[\\/]+$/, ''), name }));
  // An input, even one not written yet (an article listed but missing), is never an output.
  const real = realOrSelf(output);
  const inputs = inputFiles(issueInputs(root, where)).map(realOrSelf);
  if (inputs.includes(real)) throw new ExitError(2, t(lang, 'outputIsInput', { file }));
  let st: Stats;
  try {
    st = statSync(output);
  } catch {
    // A new file (a missing folder on the way is made, or reported when writing). Named .txt or
    // with no extension it would be a PDF nothing opens as one: say so rather than write it.
    if (!/\.pdf$/i.test(given)) throw new ExitError(2, t(lang, 'outputNotPdfName', { file, stem: given.replace(/\.[^./\\]*$/, '') }));
    return output;
  }
  if (st.isDirectory()) throw new ExitError(2, t(lang, 'outputIsDir', { file, name }));
  if (!st.isFile()) throw new ExitError(2, t(lang, 'outputNotFile', { file }));
  if (!looksLikePdf(real)) throw new ExitError(2, t(lang, 'outputNotPdf', { file }));
  return output;
}

function looksLikePdf(file: string): boolean {
  const o = openChecked(file, Number.MAX_SAFE_INTEGER);
  if (!o.ok) return false;
  try {
    const head = Buffer.alloc(5);
    return readSync(o.fd, head, 0, 5, 0) === 5 && head.toString('latin1') === '%PDF-';
  } finally {
    closeSync(o.fd);
  }
}

/** --jobs, or undefined: the batch chooses from the work and the machine (see defaultJobs). */
function parseJobs(text: string | undefined, lang: CliContext['lang']): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) throw new ExitError(2, t(lang, 'badJobs', { value: text }));
  return Number(text);
}

async function buildOne(ctx: CliContext, root: string, where: IssueDir, output: string | undefined): Promise<void> {
  const { io, c, lang } = ctx;
  // Stamp the inputs as they are before the build, so an edit during the build counts as a change.
  const base = stampBase(root);
  const stamped = output ? { stamp: '' } : stampIssue(base, where);
  const r = await buildIssue(root, where, output, { fonts: base.fonts });
  printBuildDiagnostics(ctx, r.diagnostics, root, where);
  if (r.output) {
    recordBuild(root, where, stamped, r);
    io.out(c.green('✓ ') + t(lang, 'built', { file: path.relative(io.cwd, r.output) || r.output, pages: r.pages, kb: Math.round(r.bytes / 1024) }) + '\n');
    const stand = defaultedRoles(r.fonts, r.systemFonts ?? false);
    if (stand.length) {
      const families = [...new Set(stand.map((role) => FAMILY_LABELS[ROLE_FAMILY[role as FontRole]][lang]))];
      io.err(c.dim(t(lang, 'defaultFontsNote', { roles: families.join(lang === 'zh' ? '、' : ', ') })) + '\n');
    }
  } else {
    io.err(
      c.red('✗ ') + t(lang, 'buildFailed', { issue: `${where.year}/${where.number}`, n: r.diagnostics.filter((d) => d.severity === 'error').length }) + '\n',
    );
    ctx.fail(1);
  }
}

function reporterContext(ctx: CliContext, root: string): ReporterContext {
  return {
    lang: ctx.lang,
    c: ctx.c,
    out: ctx.io.out,
    err: ctx.io.err,
    cwd: ctx.io.cwd,
    root,
    printDiagnostics: (ds) => printDiagnostics(ctx, ds, root),
  };
}

async function batchCommand(ctx: CliContext, root: string, targets: IssueDir[], jobs: number | undefined, force: boolean): Promise<void> {
  const rc = reporterContext(ctx, root);
  // A spinner needs a real terminal with a width (ora loops on a zero-column one); plain lines otherwise.
  const tty = ctx.io.isTTY && process.stderr.isTTY && (process.stderr.columns ?? 0) > 0 && !ctx.io.env.CI;
  const reporter: BatchReporter = tty ? await SpinnerReporter.create(rc) : new LineReporter(rc);
  const summary = await runBatch(root, targets, { jobs, force, reporter });
  ctx.io.out(formatSummary(summary, ctx.lang, ctx.c));
  if (summary.items.some((i) => i.status === 'failed')) ctx.fail(1);
}

async function watchCommand(ctx: CliContext, root: string, where: IssueDir, output: string | undefined): Promise<void> {
  const { io, c, lang } = ctx;
  io.err(c.dim(t(lang, 'watchStart', { dir: path.relative(io.cwd, where.dir) || where.dir })) + '\n');
  await new Promise<void>((resolve) => {
    const handle = watchIssue(root, where, {
      output,
      onBuild: (ev) => {
        const r = ev.result;
        if (ev.internal) io.err(`${t(lang, 'internal')} ${ev.internal}\n`);
        printBuildDiagnostics(ctx, r.diagnostics, root, where);
        const file = r.output ? path.relative(io.cwd, r.output) || r.output : '';
        if (ev.ok && ev.seq === 0) io.out(c.green('✓ ') + t(lang, 'built', { file, pages: r.pages, kb: Math.round(r.bytes / 1024) }) + '\n');
        else if (ev.ok) io.out(c.green('✓ ') + t(lang, 'watchRebuilt', { file, pages: r.pages, kb: Math.round(r.bytes / 1024), ms: Math.round(ev.ms) }) + '\n');
        else io.err(c.red('✗ ') + t(lang, 'watchKept', { n: r.diagnostics.filter((d) => d.severity === 'error').length }) + '\n');
      },
    });
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void handle.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
