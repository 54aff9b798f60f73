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
  archiveOpt: { zh: '档案文件夹（默认：向上查找含 bulletin.yaml 的文件夹）', en: 'archive folder (default: nearest folder upward with bulletin.yaml)' },
  outputOpt: { zh: '输出 PDF 文件（默认 dist/<年>-<期>.pdf）', en: 'output PDF file (default dist/<year>-<number>.pdf)' },
  langOpt: { zh: '界面语言：zh 或 en', en: 'interface language: zh or en' },
  allOpt: { zh: '处理档案中的全部期', en: 'every issue in the archive' },
  formatOpt: { zh: '输出格式：text 或 json', en: 'output format: text or json' },
  noArchive: {
    zh: '找不到简报档案：当前文件夹及其上级都没有 bulletin.yaml。请进入档案文件夹，或用 --archive 指定。',
    en: 'no bulletin archive found: no bulletin.yaml in this folder or above. Change into the archive or pass --archive.',
  },
  badIssueRef: { zh: '无法识别的期号“{ref}”。写法如 22、2017/22、2017 或 2017/15..22。', en: 'cannot read the issue “{ref}”. Write it as 22, 2017/22, 2017 or 2017/15..22.' },
  noSuchIssue: { zh: '档案中没有第 {ref} 期（issues/<年>/<期>/ 下找不到）。', en: 'there is no issue {ref} in the archive (nothing under issues/<year>/<number>/).' },
  needIssue: { zh: '请给出期号，或用 --all。', en: 'name an issue, or use --all.' },
  built: { zh: '已生成 {file}（{pages} 页，{kb} KB）', en: 'wrote {file} ({pages} pages, {kb} KB)' },
  buildFailed: { zh: '第 {issue} 期排版失败：{n} 个错误，未写入 PDF', en: 'issue {issue} not built: {n} error(s), no PDF written' },
  summary: { zh: '{errors} 个错误，{warnings} 个警告', en: '{errors} error(s), {warnings} warning(s)' },
  clean: { zh: '未发现问题', en: 'no problems found' },
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  hint: { zh: '提示', en: 'hint' },
  fontRole: { zh: '角色', en: 'role' },
  fontFile: { zh: '字体', en: 'font' },
  fontFrom: { zh: '来源', en: 'from' },
  missingChars: { zh: '以下字符在所选字体及后备字体中都没有：', en: 'characters no chosen or fallback font covers:' },
  fallbackChars: { zh: '以下字符由后备字体补字：', en: 'characters drawn from a fallback font:' },
  allCovered: { zh: '本期所有字符都有字形。', en: 'every character of the issue has a glyph.' },
  internal: { zh: '内部错误（请报告此问题）：', en: 'internal error (please report it):' },
} as const;

export type MessageKey = keyof typeof MESSAGES;

export function t(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}
