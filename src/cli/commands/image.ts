import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { hasErrors, sortDiagnostics } from '../../diagnostics/index.js';
import { IMAGE_WIDTH, phoneImage } from '../../editions/image/index.js';
import { writeFileAtomic } from '../../archive/index.js';
import { say, t } from '../../i18n/index.js';
import { archiveRoot, editionIssue, printDiagnostics, type CliContext, outputFolder } from '../shared.js';

const M = {
  desc: {
    zh: '生成手机长图：按手机版式排版，切成每张不足 1 MB 的 PNG，按顺序编号',
    en: 'make the phone image: the issue set at a phone measure, cut into numbered PNG slices under 1 MB each',
  },
  outOpt: { zh: '输出文件夹（默认 dist/image/<年>-<期>/）', en: 'output folder (default dist/image/<year>-<number>/)' },
  oneIssue: {
    zh: '手机长图一次只做一期：请给出一期的期号，如 22 或 2017/22',
    en: 'the phone image is made one issue at a time: name one issue, e.g. 22 or 2017/22',
  },
  failed: { zh: '第 {issue} 期有 {n} 个错误，未生成手机长图', en: 'issue {issue}: {n} error(s), no phone image written' },
  done: {
    zh: '✓ 手机长图 {dir}：{n} 张，宽 {width} 像素，最大 {kb} KB（{ms} 毫秒）',
    en: '✓ phone image {dir}: {n} slice(s), {width} px wide, largest {kb} KB ({ms} ms)',
  },
};

export function registerImage(program: Command, ctx: CliContext): void {
  const { lang } = ctx;
  program
    .command('image')
    .description(say(lang, M.desc))
    .argument('<issue>', t(lang, 'oneIssueArg'))
    .option('--archive <dir>', t(lang, 'archiveOpt'))
    .option('-o, --output <dir>', say(lang, M.outOpt))
    .addOption(ctx.langOption())
    .action(async (ref: string, opts: { archive?: string; output?: string }) => {
      const { io, c } = ctx;
      const t0 = performance.now();
      const root = archiveRoot(ctx, opts.archive);
      const { where, source, diagnostics: checked, fail } = editionIssue(ctx, root, ref, M);
      const made = await phoneImage(root, source);
      const diagnostics = sortDiagnostics([...checked, ...made.diagnostics]);
      if (hasErrors(diagnostics)) return fail(diagnostics);
      printDiagnostics(ctx, diagnostics, root);
      const { slices } = made;
      const outDir = opts.output ? outputFolder(ctx, opts.output) : path.join(root, 'dist', 'image', `${where.year}-${where.number}`);
      const base = `${where.year}-${where.number}-`;
      const digits = Math.max(2, String(slices.length).length);
      const names = slices.map((_, i) => `${base}${String(i + 1).padStart(digits, '0')}.png`);
      // A write that fails is said by run()'s fault handler, naming the file.
      slices.forEach((s, i) => writeFileAtomic(path.join(outDir, names[i]), s.png, { mkdir: true }));
      // Slices of an earlier, longer run would read as part of this one: remove them.
      const mine = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\d+\\.png$`);
      for (const f of readdirSync(outDir)) if (mine.test(f) && !names.includes(f)) rmSync(path.join(outDir, f), { force: true });
      const kb = Math.round(Math.max(...slices.map((s) => s.png.length)) / 1024);
      io.out(
        c.green(
          say(lang, M.done, { dir: path.relative(io.cwd, outDir) || '.', n: slices.length, width: IMAGE_WIDTH, kb, ms: Math.round(performance.now() - t0) }),
        ) + '\n',
      );
    });
}
