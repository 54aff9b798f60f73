/**
 * An article file: YAML front matter (title, source, note) and a Markdown body read the way
 * pasted Word text is written: one paragraph per line, `**…**` at a paragraph's start is its
 * lead sentence, `#`/`##`/`###` are the in-article headings.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import type { Parents, PhrasingContent, RootContent } from 'mdast';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import { codePoints, reported, type Diagnostic, type ReportedRule, type SourceLoc } from '../diagnostics/index.js';
import { CJK_TEXT } from './punctuation.js';
import type { SourceText } from './source.js';
import type { Article, Block, InlineStyle, Paragraph, Run } from './types.js';
import { FieldReader, parseYaml } from './yaml.js';

export const ARTICLE_KEYS = ['title', 'source', 'note'] as const;

export interface ArticleParse {
  article?: Article;
  diagnostics: Diagnostic[];
}

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?\n)?---[ \t]*(?:\n|$)/;

/**
 * Parse an article file. An article comes back whenever its front matter could be read, even
 * when its title or source is missing (those are reported as errors), so that the checks can
 * still look at its text and offer fixes.
 */
export function parseArticle(src: SourceText): ArticleParse {
  const front = readFrontMatter(src);
  if (!front.fields) return { diagnostics: front.diagnostics };
  const body = parseBodyChecked(src, front.fields.bodyOffset);
  return { diagnostics: [...front.diagnostics, ...body.diagnostics], article: assembleArticle(src, front.fields, body.blocks) };
}

/** What the front matter gives an article: its fields, read and checked, and where the body starts. */
interface FrontMatterFields {
  reader: FieldReader;
  title: string;
  sources: { value: string; loc: SourceLoc }[];
  noteText?: string;
  bodyOffset: number;
}

/** Step 1: the YAML between the two --- lines at the top; no fields when the file is empty, has none, or its YAML is broken. */
function readFrontMatter(src: SourceText): { fields?: FrontMatterFields; diagnostics: Diagnostic[] } {
  const text = src.text;
  if (text.trim() === '') {
    return {
      diagnostics: [
        reported(
          'article/empty',
          src.loc(0),
          { zh: '文章文件是空的', en: 'the article file is empty' },
          {
            hint: {
              zh: '把文章内容粘贴进来，或从 issue.yaml 的 articles 中删去这一篇',
              en: 'paste the article in, or remove it from `articles` in issue.yaml',
            },
          },
        ),
      ],
    };
  }
  const fm = FRONT_MATTER.exec(text);
  if (!fm && /^\uFEFF?---[ \t]*\r?\n/.test(text)) {
    // The opening --- is there: the closing one was forgotten (or typed as —— or ——-).
    return {
      diagnostics: [
        reported(
          'article/front-matter',
          src.loc(0),
          {
            zh: '信息块以 --- 开头，但后面没有结束它的 --- 行',
            en: 'the front matter opens with --- but no --- line closes it',
          },
          {
            hint: {
              zh: '在 title、source 等几行之后、正文之前，另起一行写上 ---（三个半角减号）',
              en: 'add a line --- (three hyphens) after title, source and the other fields, before the text',
            },
          },
        ),
      ],
    };
  }
  if (!fm) {
    return {
      diagnostics: [
        reported(
          'article/front-matter',
          src.loc(0),
          {
            zh: '文章开头缺少信息块（两行 --- 之间的 title 标题和 source 供稿单位）',
            en: 'the article has no front matter (title and source between two --- lines at the top)',
          },
          { hint: { zh: '在文件开头加上：\n---\ntitle: 标题\nsource: 供稿单位\n---', en: 'start the file with:\n---\ntitle: Title\nsource: Unit\n---' } },
        ),
      ],
    };
  }
  const yamlOffset = text.indexOf('\n') + 1; // after the opening "---" line
  const parsed = parseYaml(src, yamlOffset, fm[1] ?? '', ARTICLE_KEYS);
  if (parsed.diagnostics.length) return { diagnostics: [...parsed.diagnostics] };
  const r = new FieldReader(src, parsed.map, yamlOffset, 'article', parsed.doc);
  const fmLoc = src.loc(0);
  const title = readTitle(r, fmLoc);
  const sources = readSources(r, fmLoc);
  const noteText = r.string('note');
  r.unknownKeys(ARTICLE_KEYS);
  return { fields: { reader: r, title, sources, noteText, bodyOffset: fm[0].length }, diagnostics: [...r.diagnostics] };
}

/** Step 1a: `title`, reported when missing or empty (then the article's title is ''). */
function readTitle(r: FieldReader, fmLoc: SourceLoc): string {
  let title = r.has('title') ? r.string('title') : undefined;
  if (!r.has('title') || title === '') {
    const d = reported(
      'article/title',
      r.has('title') || r.pair('title') ? r.keyLoc('title') : fmLoc,
      r.pair('title')
        ? { zh: '文章标题 `title` 是空的', en: 'the article’s `title` is empty' }
        : { zh: '文章缺少标题 `title`', en: 'the article has no `title`' },
      { hint: { zh: '在信息块中写上“title: 文章标题”', en: 'add `title: <the title>` to the front matter' } },
    );
    r.diagnostics.push(d);
    if (!r.pair('title')) r.noteMissing('title', d);
    title = title ?? '';
  }
  return title ?? '';
}

/** Step 1b: `source`, one unit or a list, reported when missing or empty. */
function readSources(r: FieldReader, fmLoc: SourceLoc): { value: string; loc: SourceLoc }[] {
  if (!r.pair('source')) {
    const d = reported(
      'attribution/missing',
      fmLoc,
      { zh: '文章缺少供稿单位 `source`', en: 'the article has no `source` (contributing unit)' },
      { hint: { zh: '在信息块中加上“source: 供稿单位名称”', en: 'add `source: <unit>` to the front matter' } },
    );
    r.diagnostics.push(d);
    r.noteMissing('source', d);
    return [];
  }
  const read = r.has('source') ? r.strings('source', false, true) : [];
  if (!read) return [];
  const sources = read.filter((s) => s.value !== '');
  if (!sources.length)
    r.diagnostics.push(
      reported(
        'attribution/missing',
        r.keyLoc('source'),
        { zh: '文章的供稿单位 `source` 是空的', en: 'the article’s `source` (contributing unit) is empty' },
        {
          hint: { zh: '在“source:”后写上供稿单位名称', en: 'write the contributing unit after `source:`' },
        },
      ),
    );
  return sources;
}

/** Step 3 (step 2 is parseBodyChecked): the article from its front matter and body blocks. */
function assembleArticle(src: SourceText, front: FrontMatterFields, blocks: Block[]): Article {
  const r = front.reader;
  const noteLoc = r.loc('note');
  const note = front.noteText ? textParagraphs(front.noteText, noteLoc, src, src.offset(noteLoc.line, noteLoc.column)) : [];
  return {
    file: src.file,
    title: front.title,
    titleLoc: r.loc('title'),
    sources: front.sources.map((s) => s.value),
    sourceLoc: r.loc('source'),
    sourceLocs: front.sources.map((s) => s.loc),
    note,
    blocks,
    bodyOffset: front.bodyOffset,
  };
}

/**
 * Plain text from YAML (a note): one paragraph per line. With the source and the offset where the
 * value starts, each line's location is found exactly; otherwise it is approximate for folded scalars.
 */
export function textParagraphs(text: string, loc: SourceLoc, src?: SourceText, from?: number): Paragraph[] {
  const out: Paragraph[] = [];
  let cursor = from ?? 0;
  text.split('\n').forEach((line, i) => {
    const t = stripIndent(line).trimEnd();
    if (!t) return;
    let l: SourceLoc | undefined;
    if (src && from !== undefined) {
      const at = src.text.indexOf(t, cursor);
      if (at >= 0 && at - cursor <= 2 * t.length + 400) {
        l = src.loc(at);
        cursor = at + t.length;
      }
    }
    l ??= i === 0 ? loc : { file: loc.file, line: loc.line + i + (/^[|>]/.test(line) ? 1 : 0), column: 3 };
    out.push({ kind: 'paragraph', runs: [{ text: t, style: 'regular', loc: l }], loc: l });
  });
  return out;
}

const IDEOGRAPHIC_SPACE = /^[\u3000\u00a0 \t]+/;

function stripIndent(s: string): string {
  return s.replace(IDEOGRAPHIC_SPACE, '');
}

/**
 * Markdown constructs whose parsing cost grows too fast (deeply nested lists, thousands of `*`),
 * found by a cheap scan so a damaged or hostile file cannot stall the tool. Returns the offending
 * line (0-based, within the body) or -1.
 */
export function markdownHazard(body: string): number {
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.length > 50_000) return i;
    const indent = /^[ \t\u3000]*/.exec(line)![0];
    if (indent.replace(/\t/g, '    ').length > 64) return i;
    const containers = /^(?:[ \t]*(?:>|[-*+]|\d{1,9}[.)])(?:[ \t]+|$))*/.exec(line)![0];
    if (containers.length > 48) return i;
    let stars = 0;
    let brackets = 0;
    for (let k = 0; k < line.length; k++) {
      const c = line.charCodeAt(k);
      if (c === 42 || c === 95)
        stars++; // * _
      else if (c === 91 || c === 93 || c === 60 || c === 96 || c === 33) brackets++; // [ ] < ` !
    }
    if (stars > 200 || brackets > 1000) return i;
  }
  return -1;
}

/** The body's blocks, and a warning when the Markdown had to be read as plain text. */
export function parseBodyChecked(src: SourceText, bodyOffset: number): { blocks: Block[]; diagnostics: Diagnostic[] } {
  const body = src.text.slice(bodyOffset);
  const hazard = markdownHazard(body);
  if (hazard >= 0) {
    const line = src.loc(bodyOffset).line + hazard;
    return {
      blocks: plainBody(src, bodyOffset),
      diagnostics: [
        reported(
          'article/markdown',
          { file: src.file, line, column: 1 },
          {
            zh: '这一行的 Markdown 标记异常（缩进或嵌套过深，或星号、括号过多），全文已按纯文本读取',
            en: 'this line has abnormal Markdown (too deep indentation or nesting, or too many * or brackets); the article was read as plain text',
          },
          {
            hint: {
              zh: '检查文件是否损坏或粘贴错了内容；正文每段一行，不要缩进',
              en: 'check whether the file is damaged or the wrong text was pasted; write one paragraph per line without indentation',
            },
          },
        ),
      ],
    };
  }
  try {
    const tables = body.includes('|') ? pipeTables(src, bodyOffset) : [];
    const simple = simpleBody(src, bodyOffset);
    if (simple) return { blocks: simple, diagnostics: tables };
    const diagnostics: Diagnostic[] = [];
    const blocks = markdownBody(src, bodyOffset, diagnostics);
    return { blocks, diagnostics: [...diagnostics, ...tables] };
  } catch {
    // Never silently: the marks are printed as typed, so say so.
    return {
      blocks: plainBody(src, bodyOffset),
      diagnostics: [
        reported(
          'article/markdown',
          src.loc(bodyOffset),
          {
            zh: '无法按 Markdown 读取正文，全文已按纯文本读取（标记符号会原样印出）',
            en: 'the body could not be read as Markdown; it was read as plain text (any marks are printed as typed)',
          },
          {
            hint: { zh: '检查文件是否损坏或粘贴错了内容', en: 'check whether the file is damaged or the wrong text was pasted' },
          },
        ),
      ],
    };
  }
}

/** Characters that can start Markdown inline syntax anywhere in a line. */
const INLINE_SYNTAX = /[\\`*_[\]<&]/;
/** Line starts that can open a Markdown block (lists, quotes, headings, fences, setext underlines, indented code). */
const BLOCK_START = /^(?:[ \t]|[-+*=#>~]|\d{1,9}[.)](?:[ \t]|$))/;
/** A lead sentence `**…**` opening a line, as micromark (with the CJK-friendly extension) reads it. */
const LEAD = /^\*\*([^\s*_`[\]<&\\](?:[^*_`[\]<&\\]*[^\s*_`[\]<&\\])?)\*\*/;
/** An ATX heading with plain text and no closing #s. */
const HEADING = /^(#{1,6})[ \t]+([^#\s](?:[^#]*[^#\s])?)[ \t]*$/;

/**
 * The body read without the Markdown parser, when every line is plain text or a plain text opened
 * by a lead sentence: the common case, and many times faster. Undefined when any line has other
 * Markdown (then the parser reads the whole body). Gives exactly the blocks the parser would.
 */
export function simpleBody(src: SourceText, bodyOffset: number): Block[] | undefined {
  const blocks: Block[] = [];
  let o = bodyOffset;
  for (const line of src.text.slice(bodyOffset).split('\n')) {
    const start = o;
    o += line.length + 1;
    if (line.trim() === '') continue;
    const heading = HEADING.exec(line);
    if (heading) {
      const text = heading[2];
      if (INLINE_SYNTAX.test(text)) return undefined;
      const at = start + heading[1].length + heading[0].slice(heading[1].length).search(/[^ \t]/);
      blocks.push({
        kind: 'heading',
        level: Math.min(3, heading[1].length) as 1 | 2 | 3,
        runs: trimRuns([{ text, style: 'regular', loc: src.loc(at) }]),
        loc: src.loc(start),
      });
      continue;
    }
    if (BLOCK_START.test(line) && !LEAD.test(line)) return undefined;
    const lead = LEAD.exec(line);
    let rest = line;
    const runs: Run[] = [];
    if (lead) {
      const inner = lead[1];
      const after = line[lead[0].length];
      // Flanking: a lead ending in punctuation closes only before CJK text, punctuation or the line end.
      if (!CJK_TEXT.test(inner[inner.length - 1]) && !/[\p{L}\p{N}]/u.test(inner[inner.length - 1])) return undefined;
      if (after !== undefined && /\s/.test(after)) return undefined;
      if (after !== undefined && !CJK_TEXT.test(after) && /[\p{P}\p{S}]/u.test(inner[inner.length - 1])) return undefined;
      runs.push({ text: inner, style: 'lead', loc: src.loc(start + 2) });
      rest = line.slice(lead[0].length);
      if (rest && INLINE_SYNTAX.test(rest)) return undefined;
      if (rest) runs.push({ text: rest, style: 'regular', loc: src.loc(start + lead[0].length) });
    } else {
      if (INLINE_SYNTAX.test(line)) return undefined;
      runs.push({ text: line, style: 'regular', loc: src.loc(start) });
    }
    const p = toParagraph(runs);
    if (p.runs.some((r) => r.text.trim() !== '')) blocks.push(p);
  }
  return blocks;
}

/** Each non-blank line a paragraph, no Markdown: the safe reading of a file Markdown cannot be trusted with. */
function plainBody(src: SourceText, bodyOffset: number): Block[] {
  const blocks: Block[] = [];
  let o = bodyOffset;
  for (const line of src.text.slice(bodyOffset).split('\n')) {
    const lead = line.length - stripIndent(line).length;
    const t = stripIndent(line).trimEnd();
    if (t) {
      const loc = src.loc(o + lead);
      blocks.push({ kind: 'paragraph', runs: [{ text: t, style: 'regular', loc }], loc });
    }
    o += line.length + 1;
  }
  return blocks;
}

/**
 * micromark without setext headings: the article format gives every line its own paragraph, so a
 * `---` or `===` line under a text line must not turn that line into a heading (merging it with
 * the line before). A `---` line is then a thematic break, reported and not printed.
 */
const NO_SETEXT = { disable: { null: ['setextUnderline'] } };

/** What a Markdown construct that a bulletin does not print is reported as (see README, “The article”). */
const say = (zh: string, en: string) => ({ zh, en });

/** The name of the tag an HTML node opens or closes, or what kind of markup it is. */
function htmlName(raw: string): { tag?: string; comment: boolean } {
  if (/^<!--/.test(raw)) return { comment: true };
  const m = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)/.exec(raw);
  return { tag: m ? `${m[1]}${m[2].toLowerCase()}` : undefined, comment: false };
}

function markdownBody(src: SourceText, bodyOffset: number, diagnostics: Diagnostic[]): Block[] {
  const body = src.text.slice(bodyOffset);
  const tree = fromMarkdown(body, { extensions: [cjkFriendlyExtension(), NO_SETEXT] });
  const blocks: Block[] = [];
  const locAt = (o: number) => src.loc(bodyOffset + o);
  const report = (rule: ReportedRule, o: number, message: { zh: string; en: string }, hint?: { zh: string; en: string }) =>
    diagnostics.push(reported(rule, locAt(o), message, hint ? { hint } : {}));
  const html = (raw: string, o: number) => {
    const { tag, comment } = htmlName(raw);
    if (comment) {
      report(
        'markdown/html-comment',
        o,
        say('HTML 注释不会印出', 'an HTML comment is not printed'),
        say('删去注释，或把要印的内容写成正文', 'delete the comment, or write what should be printed as text'),
      );
      return;
    }
    report(
      'markdown/html',
      o,
      tag
        ? say(`网页标记 <${tag}> 不能排版印刷`, `the HTML tag <${tag}> cannot be printed`)
        : say('网页标记（HTML）不能排版印刷', 'HTML markup cannot be printed'),
      say('删去尖括号标记，只保留文字（从网页复制时请“只粘贴文本”）', 'delete the tag and keep only the text (paste from web pages as plain text)'),
    );
  };
  const inline = { html, report, body };

  const walk = (nodes: RootContent[], prefix?: { text: string; offset: number }) => {
    for (const node of nodes) {
      const start = node.position?.start.offset ?? 0;
      switch (node.type) {
        case 'heading': {
          const runs = collectRuns(node.children, locAt, body, inline);
          const text = runs
            .map((r) => r.text)
            .join('')
            .trim();
          if (!text) break;
          blocks.push({ kind: 'heading', level: Math.min(3, node.depth) as 1 | 2 | 3, runs: trimRuns(runs), loc: locAt(start) });
          break;
        }
        case 'paragraph': {
          const runs = collectRuns(node.children, locAt, body, inline);
          if (prefix) {
            runs.unshift({ text: prefix.text, style: 'regular', loc: locAt(prefix.offset) });
            prefix = undefined;
          }
          for (const line of splitLines(runs)) blocks.push(toParagraph(line));
          break;
        }
        case 'list': {
          let n = node.start ?? 1;
          for (const item of node.children) {
            const at = item.position!.start.offset!;
            const first = item.children[0]?.position?.start.offset ?? at;
            // Keep the author's own marker (“1.”, “（1）”…) as text: numbering is the author's.
            let marker = body.slice(at, first).trim() || (node.ordered ? `${n}.` : '');
            if (/^[-*+]$/.test(marker)) {
              // A bullet has no place in an official text: it is printed as “·” and reported.
              marker = '·';
              report(
                'markdown/bullet-list',
                at,
                say('列表项目符号印作“·”', 'a bullet list item is printed with “·”'),
                say('公文条目用“一、”“（一）”“1.”等序号，请改写', 'official text numbers its items (一、, （一）, 1.): consider writing them so'),
              );
            }
            walk(item.children, marker ? { text: marker, offset: at } : undefined);
            n++;
          }
          break;
        }
        case 'blockquote':
          report(
            'markdown/blockquote',
            start,
            say('引用块（以“>”开头）按普通段落印出，“>”不印', 'a block quote (lines opening with “>”) is printed as plain paragraphs, without the “>”'),
            say('若要印出引文，请用引号括起', 'to print a quotation, put it in quotation marks'),
          );
          walk(node.children);
          break;
        case 'code':
        case 'html': {
          if (node.type === 'html') html(node.value, start);
          else if (/^(```|~~~)/.test(body.slice(start, start + 3)))
            report(
              'markdown/code',
              start,
              say('代码块按普通段落印出，围栏行（```）不印', 'a fenced code block is printed as plain paragraphs, without its ``` lines'),
            );
          // Indented pasted text becomes a code block in CommonMark: read it as plain paragraphs.
          const raw = body.slice(start, node.position!.end.offset!);
          let o = start;
          for (const line of raw.split('\n')) {
            const lead = line.length - stripIndent(line).length;
            const t = stripIndent(line).trimEnd();
            if (t && !/^(```|~~~)/.test(t)) blocks.push(toParagraph([{ text: t, style: 'regular', loc: locAt(o + lead) }]));
            o += line.length + 1;
          }
          break;
        }
        case 'thematicBreak':
          report(
            'markdown/thematic-break',
            start,
            say('分隔线（---）不会印出', 'a thematic break (---) is not printed'),
            say('删去这一行；前后两段照常印出', 'delete the line; the paragraphs around it are printed as usual'),
          );
          break;
        case 'definition':
          report(
            'markdown/definition',
            start,
            say(`链接定义不会印出（${node.url}）`, `a link definition is not printed (${node.url})`),
            say('要印出网址，请把它写进正文', 'to print the address, write it into the text'),
          );
          break;
        default:
          report('markdown/unsupported', start, say(`不支持的 Markdown 结构（${node.type}），未印出`, `unsupported Markdown (${node.type}) is not printed`));
          break;
      }
    }
  };
  walk(tree.children);
  return blocks.filter((b) => b.runs.some((r) => r.text.trim() !== ''));
}

/** A pipe-table delimiter row: | --- | :---: | (at least two columns). */
const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$/;

/**
 * Pipe tables are not typeset: the table would be printed as rows of text with its bars. Report
 * the table at its header row (the line above the delimiter row), so the author lays it out as text.
 */
function pipeTables(src: SourceText, bodyOffset: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  const lines = src.text.slice(bodyOffset).split('\n');
  let o = bodyOffset;
  const starts = lines.map((l) => {
    const at = o;
    o += l.length + 1;
    return at;
  });
  lines.forEach((line, i) => {
    if (i === 0 || !TABLE_DELIMITER.test(line) || !line.includes('|') || !lines[i - 1].includes('|')) return;
    out.push(
      reported(
        'markdown/table',
        src.loc(starts[i - 1]),
        say('表格不能排入简报版面（会把“|”分隔符原样印出）', 'a table cannot be set on the bulletin page (its | bars would be printed as text)'),
        {
          hint: say('把表格内容改写成文字段落，或另作附件', 'write the table’s content as paragraphs, or attach it separately'),
        },
      ),
    );
  });
  return out;
}

function toParagraph(runs: Run[]): Paragraph {
  const trimmed = trimRuns(runs);
  return { kind: 'paragraph', runs: trimmed, loc: trimmed[0]?.loc ?? runs[0].loc };
}

interface InlineReport {
  html: (raw: string, offset: number) => void;
  report: (rule: ReportedRule, offset: number, message: { zh: string; en: string }, hint?: { zh: string; en: string }) => void;
  body: string;
}

/** A character reference (&nbsp; &#8203; &amp;) in the source of a text node. */
const CHARACTER_REFERENCE = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

/**
 * Flatten inline Markdown into runs; `strong` at a paragraph's start becomes the lead. Inline
 * marks that do not reach the page (a link's address, an image, HTML) are reported.
 */
function collectRuns(children: PhrasingContent[], locAt: (o: number) => SourceLoc, body: string, r?: InlineReport): Run[] {
  const runs: Run[] = [];
  const visit = (nodes: PhrasingContent[], style: InlineStyle) => {
    for (const n of nodes) {
      const start = n.position?.start.offset ?? 0;
      const end = n.position?.end.offset ?? start;
      switch (n.type) {
        case 'text': {
          // Character references are decoded (&amp; prints &); each is reported with what it became.
          if (r)
            for (const m of body.slice(start, end).matchAll(CHARACTER_REFERENCE)) {
              const decoded = decodeReference(m[0]);
              if (decoded === undefined) continue;
              const cps = [...decoded].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
              r.report(
                'markdown/entity',
                start + m.index!,
                say(`网页字符代码 ${m[0]} 印作字符 ${cps}`, `the HTML character reference ${m[0]} is printed as the character ${cps}`),
                say('直接写出要印的字符（&nbsp; 一般应删去）', 'write the character itself (an &nbsp; is usually best deleted)'),
              );
            }
          pushText(runs, n.value, style, start, locAt, body);
          break;
        }
        case 'inlineCode':
          r?.report(
            'markdown/inline-code',
            start,
            say('行内代码的反引号（`）不印，其中文字照常印出', 'inline code is printed as plain text, without its backticks'),
          );
          pushText(runs, n.value, style, start + 1, locAt, body);
          break;
        case 'strong': {
          // Only a strong run that opens its line is a lead; elsewhere it is plain text.
          const atLineStart = runs.length === 0 || /\n\s*$/.test(runs[runs.length - 1].text);
          if (!atLineStart)
            r?.report(
              'markdown/emphasis',
              start,
              say(
                '段中的加粗不印作粗体（只有段首的 **…** 是粗体导语）',
                'bold inside a paragraph is printed as plain text (only **…** opening a paragraph is its bold lead)',
              ),
            );
          visit(n.children, atLineStart ? 'lead' : style);
          break;
        }
        case 'emphasis':
          r?.report('markdown/emphasis', start, say('斜体标记（*…*）不印作斜体，其中文字照常印出', 'italics (*…*) are printed as plain text'));
          visit(n.children, style);
          break;
        case 'break':
          runs.push({ text: '\n', style, loc: locAt(start) });
          break;
        case 'html':
          if (r) r.html(n.value, start);
          pushText(runs, n.value, style, start, locAt, body);
          break;
        case 'image':
          r?.report(
            'markdown/image',
            start,
            say(`图片不能排入简报（${n.url}）`, `an image cannot be set in the bulletin (${n.url})`),
            say('删去图片标记；如需配图，请另行提供', 'delete the image; supply pictures separately'),
          );
          if (n.alt) pushText(runs, n.alt, style, start + 2, locAt, body);
          break;
        case 'imageReference':
          r?.report(
            'markdown/image',
            start,
            say('图片不能排入简报', 'an image cannot be set in the bulletin'),
            say('删去图片标记；如需配图，请另行提供', 'delete the image; supply pictures separately'),
          );
          break;
        case 'link': {
          const text = n.children.map((c) => ('value' in c ? String(c.value) : '')).join('');
          if (text !== n.url && `mailto:${text}` !== n.url)
            r?.report(
              'markdown/link',
              start,
              say(`只印出链接文字，网址 ${n.url} 不印`, `only the link text is printed, not its address ${n.url}`),
              say('若要印出网址，请把它写进正文', 'to print the address, write it into the text'),
            );
          visit(n.children, style);
          break;
        }
        default:
          if ('children' in n) visit((n as Parents).children as PhrasingContent[], style);
          else if ('value' in n) pushText(runs, String((n as { value: unknown }).value), style, start, locAt, body);
      }
    }
  };
  visit(children, 'regular');
  return runs;
}

/** What a character reference decodes to, as micromark reads it (undefined when it is not one). */
function decodeReference(ref: string): string | undefined {
  const inner = ref.slice(1, -1);
  const hex = /^#[xX]/.test(inner);
  if (inner.startsWith('#')) return decodeNumericCharacterReference(inner.slice(hex ? 2 : 1), hex ? 16 : 10);
  const named = decodeNamedCharacterReference(inner);
  return named === false ? undefined : named;
}

/** Push text, splitting at newlines so each run stays on one source line (its loc is then exact). */
function pushText(runs: Run[], value: string, style: InlineStyle, offset: number, locAt: (o: number) => SourceLoc, body: string): void {
  let o = offset;
  const parts = value.split('\n');
  parts.forEach((part, i) => {
    if (i > 0) {
      runs.push({ text: '\n', style, loc: locAt(o) });
      // Continuation lines in mdast drop their leading white space; find where the text resumes.
      const next = body.indexOf(part.slice(0, 1) || '\n', o + 1);
      o = part && next >= 0 ? next : o + 1;
    }
    if (part) runs.push({ text: part, style, loc: locAt(o) });
    o += part.length;
  });
}

/** Split runs at line breaks: in pasted Word text each line is its own paragraph. */
function splitLines(runs: Run[]): Run[][] {
  const lines: Run[][] = [[]];
  for (const r of runs) {
    if (r.text === '\n') lines.push([]);
    else lines[lines.length - 1].push(r);
  }
  return lines.filter((l) => l.some((r) => r.text.trim() !== ''));
}

/** Drop the ideographic-space indent typed by hand and trailing blanks. */
function trimRuns(runs: Run[]): Run[] {
  const out = runs.map((r) => ({ ...r }));
  while (out.length && out[0].text.replace(IDEOGRAPHIC_SPACE, '') === '') out.shift();
  if (out.length) {
    const stripped = out[0].text.replace(IDEOGRAPHIC_SPACE, '');
    const cut = out[0].text.length - stripped.length;
    if (cut) out[0] = { ...out[0], text: stripped, loc: { ...out[0].loc, column: out[0].loc.column + codePoints(out[0].text.slice(0, cut)) } };
  }
  while (out.length && out[out.length - 1].text.trim() === '') out.pop();
  if (out.length) out[out.length - 1] = { ...out[out.length - 1], text: out[out.length - 1].text.trimEnd() };
  // Merge neighbours of one style that touch in the source (so per-character locations stay exact).
  const merged: Run[] = [];
  for (const r of out) {
    const last = merged[merged.length - 1];
    if (last && last.style === r.style && last.loc.line === r.loc.line && last.loc.column + codePoints(last.text) === r.loc.column) last.text += r.text;
    else merged.push(r);
  }
  return merged;
}
