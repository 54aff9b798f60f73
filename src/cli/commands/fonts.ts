import type { Command } from 'commander';
import { t } from '../../i18n/index.js';
import { fontsReport } from '../fonts.js';
import { archiveRoot, pickIssues, type CliContext } from '../shared.js';

export function registerFonts(program: Command, ctx: CliContext): void {
  const { lang, io } = ctx;
  program
    .command('fonts')
    .description(t(lang, 'fontsDesc'))
    .argument('[issue]', t(lang, 'issueArg'))
    .option('--archive <dir>', t(lang, 'archiveOpt'))
    .addOption(ctx.langOption())
    .action((ref: string | undefined, opts: { archive?: string }) => {
      const root = archiveRoot(ctx, opts.archive);
      const where = ref ? pickIssues(root, ref, false, lang)[0] : undefined;
      const r = fontsReport(root, where, lang);
      io.out(r.text);
      if (r.missing) ctx.fail(1);
    });
}
