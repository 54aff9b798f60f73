import path from 'node:path';
import type { Command } from 'commander';
import { wechatEdition, wechatFonts } from '../../editions/wechat/index.js';
import { writeFileAtomic } from '../../archive/index.js';
import { say, t } from '../../i18n/index.js';
import { applyChecks } from '../../check/index.js';
import { archiveRoot, editionIssue, printDiagnostics, type CliContext, outputFolder } from '../shared.js';

const M = {
  desc: {
    zh: '生成公众号版：可粘贴进公众号编辑器的 HTML（每篇一个文件，另有整期一个文件）',
    en: 'make the WeChat edition: HTML for the official-account editor (a file per article and one for the issue)',
  },
  outOpt: { zh: '输出文件夹（默认 dist/wechat/<年>-<期>/）', en: 'output folder (default dist/wechat/<year>-<number>/)' },
  oneIssue: {
    zh: '公众号版一次只做一期：请给出一期的期号，如 22 或 2017/22',
    en: 'the WeChat edition is made one issue at a time: name one issue, e.g. 22 or 2017/22',
  },
  failed: { zh: '第 {issue} 期有 {n} 个错误，未生成公众号版', en: 'issue {issue}: {n} error(s), no WeChat edition written' },
  done: {
    zh: '✓ 公众号版 {dir}：{n} 个文件（每篇一个，issue.html 为整期）',
    en: '✓ WeChat edition {dir}: {n} file(s) (one per article, issue.html for the whole issue)',
  },
  howTo: {
    zh: '用浏览器打开文件，全选复制，粘贴到公众号编辑器；或把 <section> 部分作为接口的 content 提交',
    en: 'open a file in a browser, select all, copy and paste into the account editor; or send its <section> as the API’s content',
  },
};

export function registerWechat(program: Command, ctx: CliContext): void {
  const { lang } = ctx;
  program
    .command('wechat')
    .description(say(lang, M.desc))
    .argument('<issue>', t(lang, 'oneIssueArg'))
    .option('--archive <dir>', t(lang, 'archiveOpt'))
    .option('-o, --output <dir>', say(lang, M.outOpt))
    .addOption(ctx.langOption())
    .action((ref: string, opts: { archive?: string; output?: string }) => {
      const { io, c } = ctx;
      const root = archiveRoot(ctx, opts.archive);
      const { where, source, diagnostics } = editionIssue(ctx, root, ref, M);
      const { series, issue, style } = source;
      const edition = wechatEdition(series, issue, style.attribution.label, wechatFonts(root, series));
      // The edition's own warnings honour bulletin.yaml's checks: like every other rule.
      printDiagnostics(ctx, [...diagnostics, ...applyChecks(edition.warnings, series)], root);
      const outDir = opts.output ? outputFolder(ctx, opts.output) : path.join(root, 'dist', 'wechat', `${where.year}-${where.number}`);
      // A write that fails is said by run()'s fault handler, naming the file.
      for (const f of edition.files) writeFileAtomic(path.join(outDir, f.name), f.html, { mkdir: true });
      io.out(c.green(say(lang, M.done, { dir: path.relative(io.cwd, outDir) || '.', n: edition.files.length })) + '\n');
      io.err(c.dim(say(lang, M.howTo)) + '\n');
    });
}
