import path from 'node:path';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { isInside, listFiles, readText, relPath, type IssueDir, type TextRead } from '../archive/index.js';
import { reported, type Diagnostic, type SourceLoc } from '../diagnostics/index.js';
import { parseArticle, textParagraphs } from './article.js';
import { encodingDiagnostic } from './encoding.js';
import { SourceText } from './source.js';
import type { Article, DistributionLine, Issue, IssueDate, ManifestSummary } from './types.js';
import { didYouMean, FieldReader, parseYaml, type ParsedYaml } from './yaml.js';

/** Files that may be articles (what a misspelt article name is compared with). */
const ARTICLE_LIKE = /\.(md|markdown|txt)$/i;

export const ISSUE_KEYS = ['number', 'date', 'articles', 'total', 'supplement', 'editor_note', 'distribution', 'copies'] as const;

export interface IssueLoad {
  issue?: Issue;
  /** Sources read, by archive-relative path: checks and fixes work on these. */
  sources: Map<string, SourceText>;
  diagnostics: Diagnostic[];
}

/** The text of a file for parsing: UTF-8, or a recognised other encoding decoded (and reported). */
function readForModel(read: TextRead, rel: string, diagnostics: Diagnostic[]): string | undefined {
  if (read.ok) return read.text;
  diagnostics.push(encodingDiagnostic(rel, read));
  // A GB18030 or UTF-16 file is known for sure: check its content too, so one run shows everything.
  return read.reason === 'encoding' && read.decoded !== undefined ? read.decoded : undefined;
}

/**
 * The last few issue.yaml files parsed without complaint, by file, with the text they were parsed
 * from. A batch or `check --all` reads each manifest twice: first for the issue before it (whose
 * date/order rule asks for the next issue's date, readManifestSummary), then to load it. A parse
 * depends on nothing but the text, so a hit is only taken for the very same text.
 */
const recentManifests = new Map<string, { text: string; parsed: ParsedYaml }>();
const RECENT_MANIFESTS = 4;

function parseManifest(src: SourceText): ParsedYaml {
  const hit = recentManifests.get(src.file);
  if (hit?.text === src.text) return hit.parsed;
  const parsed = parseYaml(src, 0, src.text, ISSUE_KEYS);
  // Only clean parses: a complaint carries the locations of the SourceText it was made with.
  if (!parsed.diagnostics.length) {
    recentManifests.delete(src.file);
    recentManifests.set(src.file, { text: src.text, parsed });
    if (recentManifests.size > RECENT_MANIFESTS) recentManifests.delete(recentManifests.keys().next().value!);
  }
  return parsed;
}

/** Read issue.yaml and its articles into the document model. */
export function loadIssue(root: string, where: IssueDir): IssueLoad {
  const sources = new Map<string, SourceText>();
  const diagnostics: Diagnostic[] = [];
  const manifest = readManifest(root, where, sources, diagnostics);
  if (!manifest) return { sources, diagnostics };
  const { articles, listed } = loadArticles(root, where, manifest.articleNames, sources, diagnostics);
  if (manifest.head.number === undefined || manifest.head.date === undefined) return { sources, diagnostics };
  return { sources, diagnostics, issue: assembleIssue(where, manifest, articles, listed) };
}

/** The fields of an issue.yaml, read and checked, with the reader that locates them. */
interface Manifest {
  file: string;
  src: SourceText;
  reader: FieldReader;
  head: ReturnType<typeof readHead>;
  copies?: number;
  noteText?: string;
  articleNames: { value: string; loc: SourceLoc }[];
  distribution: DistributionLine[];
}

/** Step 1: issue.yaml read and its fields checked; undefined when its folder leads outside the archive, or it is missing, unreadable or its YAML is broken. */
function readManifest(root: string, where: IssueDir, sources: Map<string, SourceText>, diagnostics: Diagnostic[]): Manifest | undefined {
  const manifestAbs = path.join(where.dir, 'issue.yaml');
  const manifestRel = relPath(root, manifestAbs);
  if (!isInside(root, where.dir)) {
    // A linked folder leading elsewhere: refused before anything in it is read or listed.
    diagnostics.push(
      reported(
        'file/outside-archive',
        { file: manifestRel, line: 1, column: 1 },
        { zh: `期文件夹 ${where.rel} 是指向档案之外的链接，拒绝读取`, en: `the issue folder ${where.rel} is a link leading outside the archive; refused` },
        {
          hint: {
            zh: '把这一期的文件复制到档案的 issues/ 文件夹中，不要用快捷方式或符号链接',
            en: 'copy the issue’s files into the archive’s issues/ folder instead of linking to them',
          },
        },
      ),
    );
    return undefined;
  }
  const read = readText(root, manifestAbs);
  if (!read.ok && read.reason === 'missing') {
    diagnostics.push(
      reported(
        'file/missing',
        { file: manifestRel, line: 1, column: 1 },
        { zh: `期文件夹 ${where.rel} 中没有 issue.yaml`, en: `the issue folder ${where.rel} has no issue.yaml` },
        {
          hint: {
            zh: '从上一期复制一份 issue.yaml 并改写期号、日期和文章列表（或运行 bulletin new）',
            en: 'copy issue.yaml from the previous issue and change its number, date and articles (or run bulletin new)',
          },
        },
      ),
    );
    return undefined;
  }
  const manifestText = readForModel(read, manifestRel, diagnostics);
  if (manifestText === undefined) return undefined;
  const src = new SourceText(manifestRel, manifestText);
  sources.set(manifestRel, src);
  const parsed = parseManifest(src);
  if (parsed.diagnostics.length) {
    diagnostics.push(...parsed.diagnostics);
    return undefined;
  }
  const r = new FieldReader(src, parsed.map, 0, 'issue', parsed.doc);
  const head = readHead(r);
  const copies = r.int('copies', false, 1, MAX_COPIES);
  const noteText = r.string('editor_note');
  const articleNames = r.strings('articles', true) ?? [];
  if (r.has('articles') && !articleNames.length && isSeq(r.node('articles')))
    r.diagnostics.push(
      reported(
        'manifest/missing',
        r.loc('articles'),
        { zh: '`articles` 列表是空的：本期没有文章', en: '`articles` is empty: the issue has no articles' },
        {
          hint: { zh: '每篇文章一行，如“  - 01-文章.md”', en: 'list one article file per line, e.g. `  - 01-article.md`' },
        },
      ),
    );
  const distribution = readDistribution(r);
  r.unknownKeys(ISSUE_KEYS);
  diagnostics.push(...r.diagnostics);
  return { file: manifestRel, src, reader: r, head, copies, noteText, articleNames, distribution };
}

/**
 * Steps 2–4 for each listed article: refused when its path leads outside the archive, skipped when
 * listed twice, then read and parsed. `listed` holds every listed path inside the archive.
 */
function loadArticles(
  root: string,
  where: IssueDir,
  names: Manifest['articleNames'],
  sources: Map<string, SourceText>,
  diagnostics: Diagnostic[],
): { articles: Article[]; listed: string[] } {
  const articles: Article[] = [];
  const listed: string[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const abs = path.resolve(where.dir, name.value);
    const rel = relPath(root, abs);
    // Listed, even if refused below: a link in the folder pointing outside is not "unlisted".
    if (!rel.startsWith('..') && !path.isAbsolute(rel)) listed.push(rel);
    const refused = outsideArchive(root, abs, name) ?? (seen.has(rel) ? listedTwice(name) : undefined);
    if (refused) {
      diagnostics.push(refused);
      continue;
    }
    seen.add(rel);
    const article = loadArticle(root, where, abs, rel, name, sources, diagnostics);
    if (article) articles.push(article);
  }
  return { articles, listed };
}

/** Step 2: a listed path that leads outside the archive (absolute, a drive letter, or through ..), refused. */
function outsideArchive(root: string, abs: string, name: { value: string; loc: SourceLoc }): Diagnostic | undefined {
  if (!path.isAbsolute(name.value) && !/^[A-Za-z]:[\\/]/.test(name.value) && isInside(root, abs)) return undefined;
  return reported(
    'file/outside-archive',
    name.loc,
    { zh: `文章路径 ${name.value} 指向档案文件夹之外，拒绝读取`, en: `the article path ${name.value} leads outside the archive; refused` },
    { hint: { zh: '把文章放进本期文件夹，这里只写文件名', en: 'put the article into this issue’s folder and write only its file name here' } },
  );
}

/** Step 3: an article listed a second time. */
function listedTwice(name: { value: string; loc: SourceLoc }): Diagnostic {
  return reported(
    'article/duplicate',
    name.loc,
    { zh: `文章 ${name.value} 在列表中出现了两次`, en: `the article ${name.value} is listed twice` },
    {
      hint: { zh: '删去重复的一行', en: 'delete the repeated line' },
    },
  );
}

/** Step 4: one listed article read (its source kept for checks and fixes) and parsed; undefined when missing or unreadable. */
function loadArticle(
  root: string,
  where: IssueDir,
  abs: string,
  rel: string,
  name: { value: string; loc: SourceLoc },
  sources: Map<string, SourceText>,
  diagnostics: Diagnostic[],
): Article | undefined {
  const text = readText(root, abs);
  if (!text.ok && text.reason === 'missing') {
    // A slip in the name (02-rencia.md for 02-rencai.md) is the usual cause: name the file meant.
    const near = didYouMean(
      path.basename(abs),
      listFiles(path.dirname(abs)).filter((f) => ARTICLE_LIKE.test(f) && !f.startsWith('.')),
    );
    const folder = `${relPath(root, path.dirname(abs))}/`;
    diagnostics.push(
      reported(
        'article/missing',
        name.loc,
        { zh: `列出的文章 ${name.value} 不存在`, en: `the listed article ${name.value} does not exist` },
        {
          hint: near
            ? { zh: `是不是 ${near}？文件夹 ${folder} 里有这个文件`, en: `did you mean ${near}? It is in ${folder}` }
            : { zh: `检查文件名是否写错，或把文章保存到 ${where.rel}/ 中`, en: `check the file name, or save the article into ${where.rel}/` },
        },
      ),
    );
    return undefined;
  }
  const articleText = readForModel(text, rel, diagnostics);
  if (articleText === undefined) return undefined;
  const asrc = new SourceText(rel, articleText);
  sources.set(rel, asrc);
  const a = parseArticle(asrc);
  diagnostics.push(...a.diagnostics);
  return a.article;
}

/** Step 5: the Issue from the manifest's fields and the articles read. */
function assembleIssue(where: IssueDir, m: Manifest, articles: Article[], listed: string[]): Issue {
  const { reader: r, head, src } = m;
  const noteLoc = r.loc('editor_note');
  return {
    year: where.year,
    number: head.number!,
    date: head.date!,
    dateLoc: r.loc('date'),
    numberLoc: head.numberLoc,
    total: head.total,
    totalLoc: head.totalLoc,
    supplement: head.supplement,
    supplementLoc: r.loc('supplement'),
    editorNote: m.noteText ? textParagraphs(m.noteText, noteLoc, src, src.offset(noteLoc.line, noteLoc.column)) : [],
    articles,
    distribution: m.distribution,
    copies: m.copies,
    copiesLoc: r.loc('copies'),
    file: m.file,
    dir: where.rel,
    listed,
  };
}

/**
 * Sane upper bounds (house style): an issue number of a year or of a continuous series, a running
 * total (a weekly bulletin reaches 5,200 in a century), a print run. Beyond them a number is a typo
 * or a pasted exponent (1e+30), never something to print.
 */
export const MAX_NUMBER = 9999;
export const MAX_TOTAL = 99999;
export const MAX_COPIES = 1_000_000;

/** number, date, total, supplement: the fields every issue.yaml reader needs, read and reported once. */
function readHead(r: FieldReader) {
  const number = r.int('number', true, 1, MAX_NUMBER);
  const dateText = r.string('date', true);
  const date = dateText !== undefined ? parseDate(dateText) : undefined;
  if (dateText !== undefined && !date) {
    const shape = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(dateText.trim());
    const month = shape ? Number(shape[2]) : 0;
    // 2026/3/9, 2026.3.9, 2026年3月9日: a real date in another shape has one reading, so fix writes it.
    const other = /^(\d{4})\s*[/.．年]\s*(\d{1,2})\s*[/.．月]\s*(\d{1,2})\s*日?$/.exec(dateText.trim());
    const iso = other ? `${other[1]}-${other[2].padStart(2, '0')}-${other[3].padStart(2, '0')}` : undefined;
    const loc = r.loc('date');
    const raw = [...r.src.line(loc.line)].slice(loc.column - 1).join('');
    const fix = iso && parseDate(iso) && raw.startsWith(dateText) ? [{ loc, length: [...dateText].length, replacement: iso }] : undefined;
    r.diagnostics.push(
      reported(
        'date/invalid',
        loc,
        shape
          ? month < 1 || month > 12
            ? { zh: `日期 ${dateText} 不存在（没有 ${month} 月）`, en: `the date ${dateText} does not exist (there is no month ${month})` }
            : { zh: `日期 ${dateText} 不存在（该月没有这一天）`, en: `the date ${dateText} does not exist (the month has no such day)` }
          : { zh: `日期“${dateText}”的写法不对`, en: `the date “${dateText}” is not in YYYY-MM-DD form` },
        {
          hint:
            fix && iso
              ? { zh: `写成 ${iso}（可运行 bulletin fix 自动修正）`, en: `write ${iso} (bulletin fix does it)` }
              : { zh: '写成“年-月-日”的形式，如 2017-09-28，并核对日期', en: 'write it as year-month-day, e.g. 2017-09-28, and check the day' },
          ...(fix ? { fix } : {}),
        },
      ),
    );
  }
  const total = r.int('total', false, 1, MAX_TOTAL);
  const supplement = r.bool('supplement') ?? false;
  return { number, numberLoc: r.loc('number'), date, total, totalLoc: r.loc('total'), supplement };
}

/**
 * Just the numbering fields of an issue's manifest, for rules that compare neighbouring issues.
 * Unreadable manifests give undefined (their own check reports why).
 */
export function readManifestSummary(root: string, where: IssueDir): ManifestSummary | undefined {
  const abs = path.join(where.dir, 'issue.yaml');
  const rel = relPath(root, abs);
  const read = readText(root, abs);
  if (!read.ok) return undefined;
  const src = new SourceText(rel, read.text);
  const parsed = parseManifest(src);
  if (parsed.diagnostics.length) return undefined;
  return summarise(new FieldReader(src, parsed.map, 0, 'issue', parsed.doc), where, rel);
}

function summarise(r: FieldReader, where: IssueDir, file: string): ManifestSummary {
  const h = readHead(r);
  return {
    file,
    year: where.year,
    folder: where.number,
    number: h.number,
    numberLoc: h.numberLoc,
    date: h.date,
    dateLoc: r.loc('date'),
    total: h.total,
    totalLoc: h.totalLoc,
    supplement: h.supplement,
  };
}

/** The summary of an issue already loaded, so --all never reads a manifest twice. */
export function summaryOf(issue: Issue, where: IssueDir): ManifestSummary {
  return {
    file: issue.file,
    year: where.year,
    folder: where.number,
    number: issue.number,
    numberLoc: issue.numberLoc ?? { file: issue.file, line: 1, column: 1 },
    date: issue.date,
    dateLoc: issue.dateLoc,
    total: issue.total,
    totalLoc: issue.totalLoc ?? { file: issue.file, line: 1, column: 1 },
    supplement: issue.supplement,
  };
}

function readDistribution(r: FieldReader): DistributionLine[] {
  const node = r.node('distribution');
  if (!node || (isScalar(node) && node.value === null)) return [];
  if (!isMap(node)) {
    r.diagnostics.push(
      reported('manifest/type', r.loc('distribution'), {
        zh: '`distribution` 应为“标签: [单位, …]”的映射，如 报: [市委常委]',
        en: '`distribution` should map a label to recipients, e.g. 报: [市委常委]',
      }),
    );
    return [];
  }
  const out: DistributionLine[] = [];
  for (const pair of node.items) {
    const label = isScalar(pair.key) ? String(pair.key.value) : '';
    const v = pair.value as Node | null;
    const loc = r.locOf(pair.key as Node);
    if (isScalar(v) && typeof v.value === 'string') out.push({ label, recipients: [v.value], loc });
    else if (isSeq(v)) out.push({ label, recipients: v.items.map((i) => (isScalar(i) ? String(i.value) : '')).filter(Boolean), loc });
    else r.diagnostics.push(reported('manifest/type', loc, { zh: `\`${label}\` 的收文单位应为列表`, en: `the recipients of \`${label}\` should be a list` }));
  }
  return out;
}

/** A real calendar date in YYYY-MM-DD form, or undefined. */
export function parseDate(text: string): IssueDate | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1900) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return { year, month, day };
}
