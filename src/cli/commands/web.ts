import path from 'node:path';
import type { Command } from 'commander';
import type { IssueDir } from '../../archive/index.js';
import { BuildCache, issueStamp, stampBase } from '../../batch/index.js';
import { defaultOutput, VERSION } from '../../pipeline/index.js';
import { publishWeb } from '../../editions/web/index.js';
import { say, t } from '../../i18n/index.js';
import { archiveRoot, ExitError, pickIssues, printDiagnostics, type CliContext, outputFolder } from '../shared.js';

const M = {
  desc: {
    zh: '生成网页版：全部已发布各期的静态网站（目录页、每期一页、每篇一页）',
    en: 'publish the web edition: a static site of the issues (index, a page per issue and per article)',
  },
  issueArg: {
    zh: '期号：22、2017/22、2017（全年）或 2017/15..22（范围）；省略时用 --all',
    en: 'issue: 22, 2017/22, 2017 (a year) or 2017/15..22 (a range); or --all',
  },
  outOpt: { zh: '网站文件夹（默认 dist/web/）', en: 'site folder (default dist/web/)' },
  seriesBroken: { zh: 'bulletin.yaml 有错误，未生成网页', en: 'bulletin.yaml has errors; no pages written' },
  failed: { zh: '第 {issue} 期有 {n} 个错误，未发布{kept}', en: 'issue {issue} not published: {n} error(s){kept}' },
  kept: { zh: '（网站上原有的该期页面保持不变）', en: ' (the pages already on the site are kept as they were)' },
  neighbour: {
    zh: '第 {issue} 期有错误，其页面的上一篇/下一篇链接未更新',
    en: 'issue {issue} has errors: the 上一篇/下一篇 links of its pages were not updated',
  },
  done: {
    zh: '✓ 网页版 {dir}：共 {issues} 期；写入 {written} 个文件，{unchanged} 个未变，删除 {removed} 个（{ms} 毫秒）',
    en: '✓ web edition {dir}: {issues} issue(s); {written} file(s) written, {unchanged} unchanged, {removed} removed ({ms} ms)',
  },
  noPdf: {
    zh: '注：{list} 没有最新的 PDF，页面上不放 PDF 链接（先运行 bulletin build）',
    en: 'note: no up-to-date PDF for {list}, so their pages link none (run bulletin build first)',
  },
};

interface WebOpts {
  all?: boolean;
  archive?: string;
  output?: string;
}

export function registerWeb(program: Command, ctx: CliContext): void {
  const { lang } = ctx;
  program
    .command('web')
    .description(say(lang, M.desc))
    .argument('[issue]', say(lang, M.issueArg))
    .option('--all', t(lang, 'allOpt'))
    .option('--archive <dir>', t(lang, 'archiveOpt'))
    .option('-o, --output <dir>', say(lang, M.outOpt))
    .addOption(ctx.langOption())
    .action((ref: string | undefined, opts: WebOpts) => {
      const { io, c } = ctx;
      const t0 = performance.now();
      const root = archiveRoot(ctx, opts.archive);
      const targets = pickIssues(root, ref, !!opts.all, lang);
      const outDir = opts.output ? outputFolder(ctx, opts.output) : path.join(root, 'dist', 'web');
      const pdfFor = freshPdfs(root);
      // A write that fails (a full disk, a read-only folder) is said by run()'s fault handler, naming the file.
      const r = publishWeb({ root, targets, outDir, pdfFor, generator: `bulletin ${VERSION}` });
      if (!r.ok) {
        printDiagnostics(ctx, r.seriesDiagnostics, root);
        throw new ExitError(1, say(lang, M.seriesBroken));
      }
      printDiagnostics(ctx, [...r.seriesDiagnostics, ...r.issues.filter((i) => i.target).flatMap((i) => i.diagnostics)], root);
      for (const i of r.issues) {
        const issue = `${i.where.year}/${i.where.number}`;
        if (i.ok) continue;
        if (i.target) {
          const n = i.diagnostics.filter((d) => d.severity === 'error').length;
          io.err(c.red('✗ ') + say(lang, M.failed, { issue, n, kept: i.kept ? say(lang, M.kept) : '' }) + '\n');
          ctx.fail(1);
        } else io.err(c.yellow(say(lang, M.neighbour, { issue })) + '\n');
      }
      const noPdf = r.issues.filter((i) => i.ok && i.target && !i.pdf).map((i) => `${i.where.year}/${i.where.number}`);
      if (noPdf.length) io.err(c.dim(say(lang, M.noPdf, { list: abbreviate(noPdf, lang) })) + '\n');
      const dir = path.relative(io.cwd, outDir) || '.';
      io.out(
        c.green(
          say(lang, M.done, {
            dir,
            issues: r.published,
            written: r.written.length,
            unchanged: r.unchanged,
            removed: r.removed.length,
            ms: Math.round(performance.now() - t0),
          }),
        ) + '\n',
      );
    });
}

/** The PDFs `build` wrote from the issue's present inputs; an outdated PDF is never linked. */
function freshPdfs(root: string): (where: IssueDir) => string | undefined {
  const cache = BuildCache.load(root);
  let base: ReturnType<typeof stampBase> | undefined;
  return (where) => {
    if (!cache.get(where)) return undefined;
    base ??= stampBase(root);
    const output = defaultOutput(root, where);
    return cache.isFresh(where, issueStamp(base, where, cache.get(where)), output) ? output : undefined;
  };
}

function abbreviate(list: string[], lang: CliContext['lang']): string {
  const sep = lang === 'zh' ? '、' : ', ';
  return list.length <= 6 ? list.join(sep) : `${list.slice(0, 5).join(sep)}${sep}… (${list.length})`;
}
