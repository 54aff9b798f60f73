/**
 * The CLI speaks Simplified Chinese when the locale is Chinese, English otherwise.
 * `--lang zh|en` overrides; LC_ALL, LC_MESSAGES, LANG, then Intl's resolved locale (Windows) decide.
 */
export type Lang = 'zh' | 'en';

export function detectLang(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i >= 0) {
    const v = argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
    if (v === 'zh' || v === 'en') return v;
  }
  const fromEnv = env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE;
  if (fromEnv && fromEnv !== 'C' && fromEnv !== 'POSIX') return /^zh/i.test(fromEnv) ? 'zh' : 'en';
  if (process.platform === 'win32') {
    try {
      return /^zh/i.test(Intl.DateTimeFormat().resolvedOptions().locale) ? 'zh' : 'en';
    } catch {
      return 'en';
    }
  }
  return 'en';
}

export function pick(lang: Lang, m: { zh: string; en: string }): string {
  return m[lang];
}

/** Every sentence the CLI says to a person, in both languages. */
export const MESSAGES = {
  description: { zh: '把文章文件夹排成可付印的中文简报 PDF', en: 'Typeset a folder of articles into a print-ready Chinese bulletin PDF' },
  buildDesc: { zh: '排版一期或多期简报，生成 PDF', en: 'typeset one or more issues into PDF' },
  checkDesc: { zh: '付印前检查一期简报的问题', en: 'find every problem in an issue before print' },
  fixDesc: { zh: '自动修正可机械修正的问题（改写源文件）', en: 'apply the mechanical, safe fixes (rewrites source files)' },
  fontsDesc: { zh: '列出各角色使用的字体及其来源，以及缺字', en: 'show the font for each role, where it came from, and missing characters' },
  listDesc: { zh: '列出档案中的各期简报', en: 'list the issues in the archive' },
  newDesc: { zh: '以上一期为底，新建下一期', en: 'start the next issue from the last one' },
  issueArg: { zh: '期号：22、2017/22、2017（全年）或 2017/15..22（范围）', en: 'issue: 22, 2017/22, 2017 (a year) or 2017/15..22 (a range)' },
  oneIssueArg: { zh: '期号：22 或 2017/22', en: 'issue: 22 or 2017/22' },
  archiveOpt: { zh: '档案文件夹（默认：向上查找含 bulletin.yaml 的文件夹）', en: 'archive folder (default: nearest folder upward with bulletin.yaml)' },
  outputOpt: { zh: '输出 PDF 文件（默认 dist/<年>-<期>.pdf）', en: 'output PDF file (default dist/<year>-<number>.pdf)' },
  langOpt: { zh: '界面语言：zh 或 en', en: 'interface language: zh or en' },
  helpAfterError: { zh: '（运行 {cmd} --help 查看用法）', en: '(run {cmd} --help to see how to use it)' },
  allOpt: { zh: '处理档案中的全部期', en: 'every issue in the archive' },
  formatOpt: { zh: '输出格式：text 或 json', en: 'output format: text or json' },
  noArchive: {
    zh: '找不到简报档案：当前文件夹及其上级都没有 bulletin.yaml。请进入档案文件夹，或用 --archive 指定。',
    en: 'no bulletin archive found: no bulletin.yaml in this folder or above. Change into the archive or pass --archive.',
  },
  noArchiveAt: {
    zh: '--archive {dir} 及其上级文件夹中都没有 bulletin.yaml：请指向简报档案的文件夹（含 bulletin.yaml 的那一层）。',
    en: 'there is no bulletin.yaml in --archive {dir} or above: name the archive folder (the one that holds bulletin.yaml).',
  },
  noSuchArchiveFolder: {
    zh: '--archive {dir}：没有这个文件夹，请核对路径。',
    en: '--archive {dir}: there is no such folder; check the path.',
  },
  outputNotFolder: {
    zh: '-o {out} 是一个文件：这里要写一个文件夹（不存在时会新建），如 -o 网站/',
    en: '-o {out} is a file: give a folder here (it is made when missing), e.g. -o site/',
  },
  badIssueRef: {
    zh: '无法识别的期号“{ref}”。写法如 22、2017/22、2017 或 2017/15..22。',
    en: 'cannot read the issue “{ref}”. Write it as 22, 2017/22, 2017 or 2017/15..22.',
  },
  noSuchIssue: {
    zh: '档案中没有第 {ref} 期（issues/<年>/<期>/ 下找不到）。',
    en: 'there is no issue {ref} in the archive (nothing under issues/<year>/<number>/).',
  },
  latestIssue: { zh: '档案中最近的一期是 {ref}。', en: 'The latest issue in the archive is {ref}.' },
  noIssuesYet: { zh: '档案中还没有任何一期：用 bulletin new 新建。', en: 'The archive has no issue yet: start one with bulletin new.' },
  needIssue: { zh: '请给出期号，或用 --all。', en: 'name an issue, or use --all.' },
  built: { zh: '已生成 {file}（{pages} 页，{kb} KB）', en: 'wrote {file} ({pages} pages, {kb} KB)' },
  buildFailed: { zh: '第 {issue} 期排版失败：{n} 个错误，未写入 PDF', en: 'issue {issue} not built: {n} error(s), no PDF written' },
  summary: { zh: '{errors} 个错误，{warnings} 个警告', en: '{errors} error(s), {warnings} warning(s)' },
  clean: { zh: '未发现问题', en: 'no problems found' },
  summaryHints: { zh: '，{hints} 个提示', en: ', {hints} hint(s)' },
  suggestion: { zh: '建议', en: 'suggestion' },
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  hint: { zh: '提示', en: 'hint' },
  missingChars: { zh: '以下字符在所选字体及后备字体中都没有：', en: 'characters no chosen or fallback font covers:' },
  fallbackChars: { zh: '以下字符由后备字体补字：', en: 'characters drawn from a fallback font:' },
  allCovered: { zh: '本期所有字符都有字形。', en: 'every character of the issue has a glyph.' },
  internal: { zh: '内部错误（请报告此问题）：', en: 'internal error (please report it):' },
  jobsOpt: {
    zh: '并行排版的线程数（默认按待排期数和 CPU 核数决定：每多 128 期多用一个线程）',
    en: 'issues built in parallel (default: from the issues to build and the CPU cores, one more thread per 128 issues)',
  },
  forceOpt: { zh: '即使输入未改动也重新排版', en: 'rebuild even when the inputs are unchanged' },
  watchOpt: { zh: '监视本期文件与 bulletin.yaml，改动后自动重新排版', en: 'rebuild whenever the issue’s files or bulletin.yaml change' },
  badJobs: { zh: '--jobs 应为正整数，而不是“{value}”', en: '--jobs must be a positive whole number, not “{value}”' },
  watchOne: { zh: '--watch 只能用于单期', en: '--watch applies to a single issue only' },
  batchProgress: { zh: '正在排版 {issues}（第 {n}/{total} 期，已用 {s} 秒）', en: 'building {issues} ({n} of {total}, {s} s)' },
  batchItemBuilt: {
    zh: '[{n}/{total}] {issue} 已生成 {file}（{pages} 页，{kb} KB，{ms} 毫秒）',
    en: '[{n}/{total}] {issue} wrote {file} ({pages} pages, {kb} KB, {ms} ms)',
  },
  batchItemSkipped: { zh: '[{n}/{total}] {issue} 未改动，跳过', en: '[{n}/{total}] {issue} unchanged, skipped' },
  batchItemFailed: { zh: '[{n}/{total}] {issue} 排版失败：{reason}', en: '[{n}/{total}] {issue} failed: {reason}' },
  batchSummary: {
    zh: '共 {total} 期：生成 {built} 期，跳过 {skipped} 期（未改动），失败 {failed} 期；用时 {s} 秒',
    en: '{total} issue(s): {built} built, {skipped} skipped (unchanged), {failed} failed in {s} s',
  },
  batchThreads: { zh: '（{n} 个线程）', en: ' with {n} threads' },
  batchBuiltList: { zh: '已生成：{list}', en: 'built: {list}' },
  batchSkippedList: { zh: '已跳过：{list}', en: 'skipped: {list}' },
  batchFailedHead: { zh: '失败：', en: 'failed:' },
  failMore: { zh: '（另有 {n} 个错误）', en: ' (and {n} more error(s))' },
  failInternal: { zh: '内部错误：{msg}', en: 'internal error: {msg}' },
  failNoDetail: { zh: '有错误，未写入 PDF', en: 'errors, no PDF written' },
  watchStart: { zh: '正在监视 {dir} 与 bulletin.yaml（按 Ctrl+C 停止）', en: 'watching {dir} and bulletin.yaml (Ctrl+C to stop)' },
  watchRebuilt: { zh: '已重新生成 {file}（{pages} 页，{kb} KB，{ms} 毫秒）', en: 'rebuilt {file} ({pages} pages, {kb} KB, {ms} ms)' },
  watchKept: { zh: '排版失败：{n} 个错误；上一版 PDF 保持不变', en: 'not built: {n} error(s); the last good PDF is kept' },
  dateOpt: { zh: '新一期的日期 YYYY-MM-DD（默认：今天）', en: 'date of the new issue, YYYY-MM-DD (default: today)' },
  badDate: { zh: '日期“{date}”不存在或格式不对，应写成 2026-03-09', en: 'the date “{date}” is not a real date in YYYY-MM-DD form, e.g. 2026-03-09' },
  newExists: { zh: '第 {issue} 期已存在（{dir}），不会覆盖', en: 'issue {issue} already exists ({dir}); not overwriting it' },
  newCreated: { zh: '已新建第 {issue} 期：{dir}', en: 'started issue {issue}: {dir}' },
  newNext: { zh: '请编辑 {file}，并在 issue.yaml 的 articles 中列出各篇文章。', en: 'edit {file} and list every article under `articles` in issue.yaml.' },
  listEmpty: { zh: '档案中还没有任何一期', en: 'the archive has no issues yet' },
  listArticles: { zh: '{n} 篇', en: '{n} article(s)' },
  listPages: { zh: '{n} 页', en: '{n} page(s)' },
  listNoPdf: { zh: '— 页', en: '— pages' },
  statusOk: { zh: '已生成，最新', en: 'built, up to date' },
  statusOutdated: { zh: '已过期，需重新排版', en: 'outdated, needs a rebuild' },
  statusNotBuilt: { zh: '未生成', en: 'not built' },
  statusWarnings: { zh: '有 {n} 个警告', en: 'has {n} warning(s)' },
  statusErrors: { zh: '有 {n} 个错误', en: 'has {n} error(s)' },
  defaultFontsNote: {
    zh: '注：本机未找到正式的{roles}字体，暂用随工具安装的 Noto 字体代替；把正式字体（如仿宋_GB2312、方正小标宋）放入档案的 fonts/ 文件夹即可使用（bulletin fonts 查看详情）',
    en: 'note: no official {roles} fonts on this machine; the Noto fonts installed with the tool stand in. Put the official fonts (e.g. FangSong_GB2312, FZ XiaoBiaoSong) in the archive’s fonts/ folder to use them (see bulletin fonts)',
  },
  newDateEarlier: {
    zh: '--date {date} 早于最近一期（第 {issue} 期，{last}）：新一期不能排在已出的期之前。请核对日期',
    en: '--date {date} is earlier than the last issue ({issue}, {last}): a new issue cannot go before issues already out. Check the date',
  },
  outputIsDir: {
    zh: '-o {file} 是一个文件夹：请写出 PDF 的文件名，如 -o {file}/{name}',
    en: '-o {file} is a folder: give the PDF a file name, e.g. -o {file}/{name}',
  },
  outputNotFile: {
    zh: '-o {file} 不是普通文件（是设备、管道或其他特殊文件），不会写入：请换一个文件名',
    en: '-o {file} is not an ordinary file (a device, pipe or other special file); nothing written: choose another file name',
  },
  outputIsInput: {
    zh: '-o {file} 是本期的源文件之一，写入 PDF 会把它覆盖：请换一个文件名',
    en: '-o {file} is one of the issue’s own files; writing the PDF would replace it: choose another file name',
  },
  outputNotPdfName: {
    zh: '-o {file}：要写的是 PDF，文件名请以 .pdf 结尾，如 -o {stem}.pdf',
    en: '-o {file}: the file written is a PDF; end its name in .pdf, e.g. -o {stem}.pdf',
  },
  outputNotPdf: {
    zh: '-o {file} 已存在且不是 PDF，不会覆盖：请换一个文件名，或先把它移走',
    en: '-o {file} exists and is not a PDF; not replacing it: choose another file name or move it away first',
  },
} as const;

export type MessageKey = keyof typeof MESSAGES;

/** A message in the user's language with its {placeholders} filled. */
export function say(lang: Lang, m: { zh: string; en: string }, vars: Record<string, string | number> = {}): string {
  return m[lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

export function t(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return say(lang, MESSAGES[key], vars);
}

/** The names of the typeface families the roles are set in, as the user knows them. */
export const FAMILY_LABELS = {
  fangsong: { zh: '仿宋', en: 'FangSong' },
  xiaobiaosong: { zh: '小标宋', en: 'XiaoBiaoSong' },
  hei: { zh: '黑体', en: 'Hei' },
  kai: { zh: '楷体', en: 'Kai' },
  song: { zh: '宋体', en: 'Song' },
} as const;
