import path from 'node:path';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { isInside, readText, relPath, type IssueDir } from '../archive/index.js';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { parseArticle, textParagraphs } from './article.js';
import { encodingDiagnostic } from './encoding.js';
import { SourceText } from './source.js';
import type { Article, DistributionLine, Issue, IssueDate } from './types.js';
import { FieldReader, parseYaml } from './yaml.js';

export const ISSUE_KEYS = ['number', 'date', 'articles', 'total', 'supplement', 'editor_note', 'distribution', 'copies'] as const;

export interface IssueLoad {
  issue?: Issue;
  /** Sources read, by archive-relative path: checks and fixes work on these. */
  sources: Map<string, SourceText>;
  diagnostics: Diagnostic[];
}

/** Read issue.yaml and its articles into the document model. */
export function loadIssue(root: string, where: IssueDir): IssueLoad {
  const sources = new Map<string, SourceText>();
  const diagnostics: Diagnostic[] = [];
  const manifestAbs = path.join(where.dir, 'issue.yaml');
  const manifestRel = relPath(root, manifestAbs);
  const read = readText(root, manifestAbs);
  if (!read.ok) return { sources, diagnostics: [encodingDiagnostic(manifestRel, read)] };
  const src = new SourceText(manifestRel, read.text);
  sources.set(manifestRel, src);
  const parsed = parseYaml(src);
  if (parsed.diagnostics.length) return { sources, diagnostics: parsed.diagnostics };
  const r = new FieldReader(src, parsed.map);
  const number = r.int('number', true, 1);
  const dateText = r.string('date', true);
  const date = dateText !== undefined ? parseDate(dateText) : undefined;
  if (dateText !== undefined && !date)
    r.diagnostics.push(
      diagnostic(
        'date/invalid',
        'error',
        r.loc('date'),
        { zh: `日期 ${dateText} 不存在或格式不对`, en: `the date ${dateText} is not a real date in YYYY-MM-DD form` },
        { hint: { zh: '写成 2017-09-28 的形式', en: 'write it as 2017-09-28' } },
      ),
    );
  const total = r.int('total', false, 1);
  const supplement = r.bool('supplement') ?? false;
  const copies = r.int('copies', false, 1);
  const noteText = r.string('editor_note');
  const articleNames = r.strings('articles', true) ?? [];
  const distribution = readDistribution(r);
  r.unknownKeys(ISSUE_KEYS);
  diagnostics.push(...r.diagnostics);

  const articles: Article[] = [];
  for (const name of articleNames) {
    const abs = path.resolve(where.dir, name.value);
    const rel = relPath(root, abs);
    if (path.isAbsolute(name.value) || !isInside(root, abs)) {
      diagnostics.push(
        diagnostic('file/outside-archive', 'error', name.loc, {
          zh: `文章路径 ${name.value} 指向档案文件夹之外，拒绝读取`,
          en: `the article path ${name.value} leads outside the archive; refused`,
        }),
      );
      continue;
    }
    const text = readText(root, abs);
    if (!text.ok) {
      const d = encodingDiagnostic(rel, text);
      if (text.reason === 'missing' || text.reason === 'not-file')
        diagnostics.push({ ...d, rule: 'article/missing', loc: name.loc, message: { zh: `列出的文章 ${name.value} 不存在`, en: `the listed article ${name.value} does not exist` } });
      else diagnostics.push(d);
      continue;
    }
    const asrc = new SourceText(rel, text.text);
    sources.set(rel, asrc);
    const a = parseArticle(asrc);
    diagnostics.push(...a.diagnostics);
    if (a.article) articles.push(a.article);
  }

  if (number === undefined || date === undefined) return { sources, diagnostics };
  return {
    sources,
    diagnostics,
    issue: {
      year: where.year,
      number,
      date,
      dateLoc: r.loc('date'),
      total,
      supplement,
      editorNote: noteText ? textParagraphs(noteText, r.loc('editor_note')) : [],
      articles,
      distribution,
      copies,
      file: manifestRel,
      dir: where.rel,
    },
  };
}

function readDistribution(r: FieldReader): DistributionLine[] {
  const node = r.node('distribution');
  if (!node || (isScalar(node) && node.value === null)) return [];
  if (!isMap(node)) {
    r.diagnostics.push(
      diagnostic('manifest/type', 'error', r.loc('distribution'), {
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
    else r.diagnostics.push(diagnostic('manifest/type', 'error', loc, { zh: `\`${label}\` 的收文单位应为列表`, en: `the recipients of \`${label}\` should be a list` }));
  }
  return out;
}

/** A real calendar date in YYYY-MM-DD form, or undefined. */
export function parseDate(text: string): IssueDate | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return { year, month, day };
}
