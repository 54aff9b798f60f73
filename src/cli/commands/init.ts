/**
 * `bulletin init [dir]`: start an archive — a commented bulletin.yaml, an empty issues/ and a
 * fonts/ folder whose README says which official fonts to put there. Never overwrites a
 * bulletin.yaml; on a terminal it asks for the series and office, in a script it takes
 * --series/--office or writes placeholders and says what to edit.
 */
import { existsSync, lstatSync, mkdirSync, rmdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CONFIG_FILE, WriteFault, writeFileAtomic } from '../../archive/index.js';
import { describeFault } from '../../i18n/faults.js';
import { PLACEHOLDER } from '../../check/placeholders.js';
import { say, type Lang } from '../../i18n/index.js';
import { ExitError, type CliContext } from '../shared.js';

/** What init writes when it is not told the series or office; `check` warns while they are left. */
export const SERIES_PLACEHOLDER = PLACEHOLDER.series;
export const OFFICE_PLACEHOLDER = PLACEHOLDER.office;

/** A YAML scalar for a name typed by a person: plain when that is safe, quoted otherwise. */
function yamlString(s: string): string {
  return /^[^\s#:'"{}[\],&*!|>%@`?-][^#:]*$/.test(s) && s === s.trim() ? s : JSON.stringify(s);
}

export function seriesYaml(series: string, office: string): string {
  return `# 简报档案配置 / Bulletin archive configuration
# 由 bulletin init 生成。改完标有“请填写”的项目即可开始：bulletin new 新建第一期。
# Written by bulletin init. Replace the values that say 请填写 (fill in), then run bulletin new.

# 简报名称，印在报头 / Series title printed in the masthead
series: ${yamlString(series)}

# 编印单位，印在报头左下 / Issuing office printed under the masthead
office: ${yamlString(office)}

# 期号编排方式：yearly 表示每年从第1期重新编号（总期号连续累加）；continuous 表示不分年度连续编号
# Numbering scheme: "yearly" restarts the issue number each year (the running total keeps counting);
# "continuous" never restarts
numbering: yearly

# 供稿单位名录；填写后，文章的 source 字段只能使用这里列出的单位（名录为空时不检查）。写法：
# Known contributing units; once listed, every article \`source\` must be one of them (an empty list
# checks nothing). Write them like this:
#   units:
#     - 办公室
#     - 组织科
units: []

# 字体：各角色（报头、标题、正文……）依次取用 fonts/ 文件夹中的字体、本机安装的正式字体、
# 随工具安装的 Noto 字体（见 fonts/README.md）。也可逐个指定字体文件（路径相对于本文件夹）：
# Fonts: each role (masthead, title, body …) takes a font from the fonts/ folder, then the official
# fonts installed on this machine, then the Noto fonts installed with the tool (see fonts/README.md).
# A role may also name its file (relative to this folder):
#   fonts:
#     body: fonts/仿宋_GB2312.ttf
#     title: fonts/方正小标宋简体.ttf
#     fallback: fonts/生僻字.ttf     # 补缺字用 / for characters the others lack
#     system: false                 # 不用本机安装的字体 / ignore fonts installed on the machine
`;
}

/** fonts/README.md of a new archive (the repository's own fonts/README.md is the same text). */
export const FONTS_README = `# 字体 / Fonts

把本单位的正式字体文件（.ttf、.otf、.ttc）放在这个文件夹里，排版时自动使用。字体受版权保护，
请使用本单位已获授权的文件，不要提交到版本库或随简报外发。

| 字体 | 用于 |
| --- | --- |
| 仿宋_GB2312（或仿宋） | 正文、三级标题（1.）、供稿单位、版记 |
| 方正小标宋简体 | 报头、文章标题 |
| 黑体 | 一级标题（一、）、段首导语 |
| 楷体_GB2312（或楷体） | 二级标题（（一））、编者按 |
| 宋体（可选） | 页码 |

怎样找到字体：按文件名或字体内部名称中的字样识别——仿宋/FangSong、小标宋/XiaoBiaoSong、
黑体/SimHei、楷体/KaiTi、宋体/SimSun，例如 \`仿宋_GB2312.ttf\`、\`simfang.ttf\`。这里找不到的，
再找本机安装的字体，最后用随工具安装的 Noto 字体代替（排版时会提示）。也可以在 bulletin.yaml 的
\`fonts:\` 中为某个角色直接指定文件。运行 \`bulletin fonts <期号>\` 查看每个角色实际用了哪个字体。

Put the office's official font files (.ttf, .otf, .ttc) in this folder and builds use them. Fonts
are licensed: use files your office is entitled to, and never commit them or send them out.

| Font | Used for |
| --- | --- |
| 仿宋_GB2312 (FangSong_GB2312, or FangSong) | body text, 1. headings, attribution, end block |
| 方正小标宋简体 (FZ XiaoBiaoSong) | masthead, article titles |
| 黑体 (SimHei) | 一、 headings, bold lead sentences |
| 楷体_GB2312 (KaiTi_GB2312, or KaiTi) | （一） headings, editor's notes |
| 宋体 (SimSun, optional) | page numbers |

How roles find them: by words in the file name or the font's own name — 仿宋/FangSong,
小标宋/XiaoBiaoSong, 黑体/SimHei, 楷体/KaiTi, 宋体/SimSun (e.g. \`仿宋_GB2312.ttf\`, \`simfang.ttf\`).
A role with nothing here takes an official font installed on the machine, and then the Noto fonts
installed with the tool (the build says so). \`fonts:\` in bulletin.yaml can name a file for a role
directly. \`bulletin fonts <issue>\` shows the font each role actually uses.
`;

export interface InitAnswers {
  series: string;
  office: string;
  /** True for each value that is a placeholder. */
  placeholders: ('series' | 'office')[];
}

export interface InitResult {
  root: string;
  created: string[];
}

/** Write the archive's files. Refuses when bulletin.yaml exists; removes what it made if it fails. */
export function initArchive(dir: string, answers: InitAnswers, lang: Lang): InitResult {
  refuseExisting(dir, lang);
  const config = path.join(dir, CONFIG_FILE);
  const made: string[] = [];
  const mkdir = (p: string) => {
    if (existsSync(p)) return;
    mkdirSync(p);
    made.push(p);
  };
  const created: string[] = [];
  try {
    for (const p of ancestorsToMake(dir)) mkdir(p);
    for (const sub of ['issues', 'fonts']) {
      const p = path.join(dir, sub);
      if (!existsSync(p)) created.push(`${sub}/`);
      mkdir(p);
    }
    // Both files are written exclusively (link, never rename over): a file of that name that
    // appears between the checks above and the write is never replaced.
    const readme = path.join(dir, 'fonts', 'README.md');
    if (!existsSync(readme) && writeIfAbsent(readme, FONTS_README)) {
      made.push(readme);
      created.splice(created.indexOf('fonts/'), created.includes('fonts/') ? 1 : 0, 'fonts/README.md');
    }
    // Checked again just before writing, for the plain message; the exclusive write decides.
    refuseExisting(dir, lang);
    if (!writeIfAbsent(config, seriesYaml(answers.series, answers.office))) throw existingArchive(config, lang);
    created.unshift(CONFIG_FILE);
  } catch (e) {
    for (const p of made.reverse()) removeMade(p);
    if (e instanceof ExitError) throw e;
    const words = describeFault(e, 'write');
    if (words) throw new ExitError(1, words[lang]);
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new ExitError(
      1,
      say(
        lang,
        { zh: '无法在 {dir} 建立档案（{code}）：请检查该位置是否可写。', en: 'cannot make an archive in {dir} ({code}): check that the place is writable.' },
        { dir, code },
      ),
    );
  }
  return { root: dir, created };
}

/** Undo one thing init made: its file, or its folder while empty (what another program put there meanwhile stays). */
function removeMade(p: string): void {
  try {
    if (lstatSync(p).isDirectory()) rmdirSync(p);
    else unlinkSync(p);
  } catch {
    /* gone already, or no longer only ours */
  }
}

/** Write `file` unless it exists (also when it appears meanwhile): false, and the file untouched, if it does. */
function writeIfAbsent(file: string, text: string): boolean {
  try {
    writeFileAtomic(file, text, { exclusive: true });
    return true;
  } catch (e) {
    if (e instanceof WriteFault && e.code === 'EEXIST') return false;
    throw e;
  }
}

function existingArchive(config: string, lang: Lang): ExitError {
  return new ExitError(
    1,
    say(
      lang,
      {
        zh: '{file} 已存在，不会覆盖。该文件夹已是简报档案；要重新开始，请换一个文件夹。',
        en: '{file} already exists; not overwriting it. The folder is already an archive; start a new one in another folder.',
      },
      { file: config },
    ),
  );
}

/** An archive is never overwritten: exit 1 when `dir` already holds a bulletin.yaml. */
export function refuseExisting(dir: string, lang: Lang): void {
  const config = path.join(dir, CONFIG_FILE);
  if (existsSync(config)) throw existingArchive(config, lang);
}

/** The folders from the nearest existing one down to `dir`, top first. */
function ancestorsToMake(dir: string): string[] {
  const out: string[] = [];
  let d = path.resolve(dir);
  while (!existsSync(d)) {
    out.unshift(d);
    const parent = path.dirname(d);
    if (parent === d) break;
    d = parent;
  }
  return out;
}

export function registerInit(program: Command, ctx: CliContext): void {
  const { lang, io, c } = ctx;
  program
    .command('init')
    .description(say(lang, { zh: '新建简报档案：bulletin.yaml、issues/ 与 fonts/', en: 'start an archive: bulletin.yaml, issues/ and fonts/' }))
    .argument('[dir]', say(lang, { zh: '档案文件夹（默认：当前文件夹）', en: 'archive folder (default: the current folder)' }))
    .option('--series <name>', say(lang, { zh: '简报名称（印在报头）', en: 'series title (printed in the masthead)' }))
    .option('--office <name>', say(lang, { zh: '编印单位', en: 'issuing office' }))
    .addOption(ctx.langOption())
    .action(async (dirArg: string | undefined, opts: { series?: string; office?: string }) => {
      const dir = path.resolve(io.cwd, dirArg ?? '.');
      refuseExisting(dir, lang); // before asking anything
      for (const [flag, v] of [
        ['--series', opts.series],
        ['--office', opts.office],
      ] as const)
        if (v !== undefined && (v.trim() === '' || /[\r\n]/.test(v)))
          throw new ExitError(2, say(lang, { zh: '{flag} 应为一行非空文字', en: '{flag} must be one line of text, not empty' }, { flag }));
      const answers: InitAnswers = { series: opts.series?.trim() ?? '', office: opts.office?.trim() ?? '', placeholders: [] };
      const ask = io.prompt;
      if (!answers.series && ask)
        answers.series = (await ask(say(lang, { zh: '简报名称（印在报头，如“××工作信息”）：', en: 'Series title (printed in the masthead): ' }))).trim();
      if (!answers.office && ask) answers.office = (await ask(say(lang, { zh: '编印单位（如“中共××市委组织部办公室”）：', en: 'Issuing office: ' }))).trim();
      if (!answers.series) {
        answers.series = SERIES_PLACEHOLDER;
        answers.placeholders.push('series');
      }
      if (!answers.office) {
        answers.office = OFFICE_PLACEHOLDER;
        answers.placeholders.push('office');
      }
      const r = initArchive(dir, answers, lang);
      const below = path.relative(io.cwd, dir);
      const rel = below === '' ? '.' : below.startsWith('..') || path.isAbsolute(below) ? dir : below;
      io.err(
        c.green('✓ ') +
          say(
            lang,
            { zh: '已在 {dir} 新建简报档案：{files}', en: 'started an archive in {dir}: {files}' },
            { dir: rel, files: r.created.join(lang === 'zh' ? '、' : ', ') },
          ) +
          '\n',
      );
      const file = path.join(rel, CONFIG_FILE);
      if (answers.placeholders.length)
        io.err(
          c.yellow(
            say(
              lang,
              {
                zh: '请编辑 {file}：{keys} 还是占位文字“请填写…”，改成本单位的名称。',
                en: 'edit {file}: {keys} still hold the placeholder “请填写…” (fill in); put your own names there.',
              },
              { file, keys: answers.placeholders.join(lang === 'zh' ? '、' : ' and ') },
            ),
          ) + '\n',
        );
      io.err(
        c.dim(
          say(
            lang,
            {
              zh: '下一步：把正式字体放入 {fonts}（见其中的 README.md），然后 {cd}bulletin new 新建第一期。',
              en: 'next: put the official fonts in {fonts} (its README.md says which), then {cd}bulletin new to start the first issue.',
            },
            { fonts: path.join(rel, 'fonts') + path.sep, cd: rel === '.' ? '' : `cd ${rel} && ` },
          ),
        ) + '\n',
      );
      io.out(rel + '\n');
    });
}
