/**
 * `bulletin fix <issue>|--all`: apply the mechanical, safe fixes (half-width punctuation, spaces,
 * ellipses, full-width digits, web debris, encodings …), print each change as
 * `file:line: before → after`, then report what is left, exactly as `bulletin check --fix`.
 */
import { Option, type Command } from 'commander';
import { t } from '../../i18n/index.js';
import type { CliContext } from '../shared.js';
import { CHECK_OPTIONS, runCheck, type CheckCommandOptions } from './check.js';

export function registerFix(program: Command, ctx: CliContext): void {
  const { lang } = ctx;
  program
    .command('fix')
    .description(t(lang, 'fixDesc'))
    .argument('[issue]', t(lang, 'issueArg'))
    .option('--all', t(lang, 'allOpt'))
    .option('--archive <dir>', t(lang, 'archiveOpt'))
    .addOption(new Option('--format <format>', t(lang, 'formatOpt')).choices(['text', 'json']).default('text'))
    .option('--layout', CHECK_OPTIONS.layout[lang])
    .option('--no-layout', CHECK_OPTIONS.noLayout[lang])
    .addOption(ctx.langOption())
    .action((ref: string | undefined, opts: CheckCommandOptions) => runCheck(ctx, ref, { ...opts, fix: true }));
}
