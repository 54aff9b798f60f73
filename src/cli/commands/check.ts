import { Option, type Command } from 'commander';
import { prepareIssue } from '../../build/index.js';
import { hasErrors, type Diagnostic } from '../../diagnostics/index.js';
import { t } from '../../i18n/index.js';
import { summary, toJson } from '../report.js';
import { archiveRoot, pickIssues, printDiagnostics, type CliContext } from '../shared.js';

export function registerCheck(program: Command, ctx: CliContext): void {
  const { lang, io } = ctx;
  program
    .command('check')
    .description(t(lang, 'checkDesc'))
    .argument('[issue]', t(lang, 'issueArg'))
    .option('--all', t(lang, 'allOpt'))
    .option('--archive <dir>', t(lang, 'archiveOpt'))
    .addOption(new Option('--format <format>', t(lang, 'formatOpt')).choices(['text', 'json']).default('text'))
    .addOption(ctx.langOption())
    .action((ref: string | undefined, opts: { all?: boolean; archive?: string; format: string }) => {
      const root = archiveRoot(ctx, opts.archive);
      const targets = pickIssues(root, ref, !!opts.all, lang);
      const all: Diagnostic[] = [];
      for (const where of targets) all.push(...prepareIssue(root, where).diagnostics);
      if (opts.format === 'json') io.out(JSON.stringify(toJson(all, lang), null, 2) + '\n');
      else {
        printDiagnostics(ctx, all, root);
        io.err(summary(all, lang) + '\n');
      }
      if (hasErrors(all)) ctx.fail(1);
    });
}
