/**
 * An article file: YAML front matter (title, source, note) and a Markdown body read the way
 * pasted Word text is written: one paragraph per line, `**…**` at a paragraph's start is its
 * lead sentence, `#`/`##`/`###` are the in-article headings.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import type { Nodes, Parents, PhrasingContent, RootContent } from 'mdast';
import { diagnostic, type Diagnostic, type SourceLoc } from '../diagnostics/index.js';
import type { SourceText } from './source.js';
import type { Article, Block, InlineStyle, Paragraph, Run } from './types.js';
import { FieldReader, parseYaml } from './yaml.js';

export const ARTICLE_KEYS = ['title', 'source', 'note'] as const;

export interface ArticleParse {
  article?: Article;
  diagnostics: Diagnostic[];
}

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?\n)?---[ \t]*(?:\n|$)/;

export function parseArticle(src: SourceText): ArticleParse {
  const text = src.text;
  if (text.trim() === '') {
    return { diagnostics: [diagnostic('article/empty', 'error', src.loc(0), { zh: '文章文件是空的', en: 'the article file is empty' })] };
  }
  const fm = FRONT_MATTER.exec(text);
  if (!fm) {
    return {
      diagnostics: [
        diagnostic(
          'article/front-matter',
          'error',
          src.loc(0),
          { zh: '文章缺少开头的 YAML 信息块（--- 之间的 title、source）', en: 'the article has no YAML front matter (title and source between --- lines)' },
          { hint: { zh: '在文件开头加上：\n---\ntitle: 标题\nsource: 供稿单位\n---', en: 'start the file with:\n---\ntitle: Title\nsource: Unit\n---' } },
        ),
      ],
    };
  }
  const yamlOffset = 4; // after "---\n"
  const parsed = parseYaml(src, yamlOffset, fm[1] ?? '');
  const diagnostics = [...parsed.diagnostics];
  if (parsed.diagnostics.length) return { diagnostics };
  const r = new FieldReader(src, parsed.map, yamlOffset);
  const fmLoc = src.loc(0);
  const title = r.has('title') ? r.string('title') : undefined;
  if (!r.has('title'))
    r.diagnostics.push(diagnostic('article/title', 'error', fmLoc, { zh: '文章缺少标题 `title`', en: 'the article has no `title`' }));
  const sources = r.has('source') ? r.strings('source', true, true) : undefined;
  if (!r.has('source'))
    r.diagnostics.push(
      diagnostic(
        'attribution/missing',
        'error',
        fmLoc,
        { zh: '文章缺少供稿单位 `source`', en: 'the article has no `source` (contributing unit)' },
        { hint: { zh: '在信息块中加上 source: 供稿单位名称', en: 'add `source: <unit>` to the front matter' } },
      ),
    );
  const noteText = r.string('note');
  r.unknownKeys(ARTICLE_KEYS);
  diagnostics.push(...r.diagnostics);

  const bodyOffset = fm[0].length;
  const blocks = parseBody(src, bodyOffset);
  const note = noteText ? textParagraphs(noteText, r.loc('note')) : [];
  if (title === undefined || sources === undefined) return { diagnostics };
  return {
    diagnostics,
    article: {
      file: src.file,
      title,
      titleLoc: r.loc('title'),
      sources: sources.map((s) => s.value).filter((s) => s !== ''),
      sourceLoc: r.loc('source'),
      note,
      blocks,
    },
  };
}

/** Plain text from YAML (a note): one paragraph per line. Locations are approximate for folded scalars. */
export function textParagraphs(text: string, loc: SourceLoc): Paragraph[] {
  const out: Paragraph[] = [];
  text.split('\n').forEach((line, i) => {
    const t = stripIndent(line).trimEnd();
    if (!t) return;
    const l = i === 0 ? loc : { file: loc.file, line: loc.line + i + (/^[|>]/.test(line) ? 1 : 0), column: 3 };
    out.push({ kind: 'paragraph', runs: [{ text: t, style: 'regular', loc: l }], loc: l });
  });
  return out;
}

const IDEOGRAPHIC_SPACE = /^[\u3000\u00a0 \t]+/;

function stripIndent(s: string): string {
  return s.replace(IDEOGRAPHIC_SPACE, '');
}

/** Parse the Markdown body into blocks, one paragraph per source line. */
export function parseBody(src: SourceText, bodyOffset: number): Block[] {
  const body = src.text.slice(bodyOffset);
  const tree = fromMarkdown(body, { extensions: [cjkFriendlyExtension()] });
  const blocks: Block[] = [];
  const locAt = (o: number) => src.loc(bodyOffset + o);

  const walk = (nodes: RootContent[], prefix?: { text: string; offset: number }) => {
    for (const node of nodes) {
      switch (node.type) {
        case 'heading': {
          const runs = collectRuns(node.children, locAt, body);
          const text = runs.map((r) => r.text).join('').trim();
          if (!text) break;
          blocks.push({ kind: 'heading', level: Math.min(3, node.depth) as 1 | 2 | 3, runs: trimRuns(runs), loc: locAt(node.position!.start.offset!) });
          break;
        }
        case 'paragraph': {
          const runs = collectRuns(node.children, locAt, body);
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
            const start = item.position!.start.offset!;
            const first = item.children[0]?.position?.start.offset ?? start;
            // Keep the author's own marker (“1.”, “（1）”…) as text: numbering is the author's.
            const marker = body.slice(start, first).trim() || (node.ordered ? `${n}.` : '');
            walk(item.children, marker && !/^[-*+]$/.test(marker) ? { text: marker, offset: start } : undefined);
            n++;
          }
          break;
        }
        case 'blockquote':
          walk(node.children);
          break;
        case 'code':
        case 'html': {
          // Indented pasted text becomes a code block in CommonMark: read it as plain paragraphs.
          const start = node.position!.start.offset!;
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
        default:
          break;
      }
    }
  };
  walk(tree.children);
  return blocks.filter((b) => b.runs.some((r) => r.text.trim() !== ''));
}

function toParagraph(runs: Run[]): Paragraph {
  const trimmed = trimRuns(runs);
  return { kind: 'paragraph', runs: trimmed, loc: trimmed[0]?.loc ?? runs[0].loc };
}

/** Flatten inline Markdown into runs; `strong` at a paragraph's start becomes the lead. */
function collectRuns(children: PhrasingContent[], locAt: (o: number) => SourceLoc, body: string): Run[] {
  const runs: Run[] = [];
  const visit = (nodes: PhrasingContent[], style: InlineStyle) => {
    for (const n of nodes) {
      const start = n.position?.start.offset ?? 0;
      switch (n.type) {
        case 'text':
        case 'inlineCode':
          pushText(runs, n.value, style, start + (n.type === 'inlineCode' ? 1 : 0), locAt, body);
          break;
        case 'strong': {
          // Only a strong run that opens its line is a lead; elsewhere it is plain text.
          const atLineStart = runs.length === 0 || /\n\s*$/.test(runs[runs.length - 1].text);
          visit(n.children, atLineStart ? 'lead' : style);
          break;
        }
        case 'break':
          runs.push({ text: '\n', style, loc: locAt(start) });
          break;
        case 'html':
          pushText(runs, n.value, style, start, locAt, body);
          break;
        default:
          if ('children' in n) visit((n as Parents).children as PhrasingContent[], style);
          else if ('value' in n) pushText(runs, String((n as { value: unknown }).value), style, start, locAt, body);
      }
    }
  };
  visit(children, 'regular');
  return runs;
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
    if (cut) out[0] = { ...out[0], text: stripped, loc: { ...out[0].loc, column: out[0].loc.column + [...out[0].text.slice(0, cut)].length } };
  }
  while (out.length && out[out.length - 1].text.trim() === '') out.pop();
  if (out.length) out[out.length - 1] = { ...out[out.length - 1], text: out[out.length - 1].text.trimEnd() };
  // Merge neighbours of one style that touch in the source (so per-character locations stay exact).
  const merged: Run[] = [];
  for (const r of out) {
    const last = merged[merged.length - 1];
    if (last && last.style === r.style && last.loc.line === r.loc.line && last.loc.column + [...last.text].length === r.loc.column) last.text += r.text;
    else merged.push(r);
  }
  return merged;
}

export type { Nodes };
