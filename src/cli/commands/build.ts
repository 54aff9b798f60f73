import path from 'node:path';
import type { Command } from 'commander';
import { buildIssue } from '../../build/index.js';
import { t } from '../../i18n/index.js';
import { archiveRoot, ExitError, pickIssues, printDiagnostics, type CliContext } from '../shared.js';

export function registerBuild(program: Command, ctx: CliContext): void {
  const { lang, io, c } = ctx;
  program
    .command('build')
    .description(t(lang, 'buildDesc'))
    .argument('[issue]', t(lang, 'issueArg'))
    .option('--all', t(lang, 'allOpt'))
    .option('--archive <dir>', t(lang, 'archiveOpt'))
    .option('-o, --output <file>', t(lang, 'outputOpt'))
    .addOption(ctx.langOption())
    .action(async (ref: string | undefined, opts: { all?: boolean; archive?: string; output?: string }) => {
      const root = archiveRoot(ctx, opts.archive);
      const targets = pickIssues(root, ref, !!opts.all, lang);
      if (opts.output && targets.length > 1) throw new ExitError(2, lang === 'zh' ? '-o 只能用于单期' : '-o applies to a single issue only');
      for (const where of targets) {
        const output = opts.output ? path.resolve(io.cwd, opts.output) : undefined;
        const r = await buildIssue(root, where, output);
        printDiagnostics(ctx, r.diagnostics, root);
        if (r.output) io.out(c.green('✓ ') + t(lang, 'built', { file: path.relative(io.cwd, r.output) || r.output, pages: r.pages, kb: Math.round(r.bytes / 1024) }) + '\n');
        else {
          io.err(c.red('✗ ') + t(lang, 'buildFailed', { issue: `${where.year}/${where.number}`, n: r.diagnostics.filter((d) => d.severity === 'error').length }) + '\n');
          ctx.fail(1);
        }
      }
    });
}
