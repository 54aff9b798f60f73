/**
 * Formats that carry no formatting: .txt/.md (UTF-8, GB18030/GBK, UTF-16) and .doc / WPS files
 * (via word-extractor). Each line is a paragraph; bold, fonts and alignment are unknown.
 */
import { parse } from 'yaml';
import { decodeRaw, normaliseLines } from '../archive/index.js';
import type { SourceDocument, SourcePara } from './types.js';

export function linesToParas(text: string): SourcePara[] {
  return normaliseLines(text)
    .split('\n')
    .map((line) => ({ runs: line ? [{ text: line, bold: false, hei: false }] : [] }));
}

/** A text file's bytes, or undefined when they are not text in any encoding we recognise. */
export function readPlainText(bytes: Uint8Array, markdown = false): SourceDocument | undefined {
  const raw = decodeRaw(bytes);
  if (raw.encoding === 'binary') return undefined;
  const text = normaliseLines(raw.text);
  if (!markdown) return { format: 'text', formatted: false, paras: linesToParas(text) };
  return readMarkdown(text);
}

/**
 * A Markdown submission, perhaps already in the archive's form: its front matter's title and
 * source are kept, `#` lines are headings and a `**…**` opening is a lead, as the archive reads them.
 */
function readMarkdown(text: string): SourceDocument {
  const paras: SourcePara[] = [];
  let body = text;
  let titleKnown = false;
  let sources: string[] = [];
  const fm = /^---[ \t]*\n([\s\S]*?\n)?---[ \t]*(?:\n|$)/.exec(text);
  if (fm) {
    body = text.slice(fm[0].length);
    let data: unknown;
    try {
      data = parse(fm[1] ?? '');
    } catch {
      data = undefined;
    }
    if (data && typeof data === 'object') {
      const { title, source } = data as { title?: unknown; source?: unknown };
      if (typeof title === 'string' && title.trim()) {
        paras.push({ runs: [{ text: title.trim(), bold: false, hei: false }] });
        titleKnown = true;
      }
      sources = (Array.isArray(source) ? source : [source]).filter((s): s is string => typeof s === 'string' && !!s.trim());
    }
  }
  for (const line of body.split('\n')) {
    const h = /^(#{1,3})[ \t]+(.*?)[ \t#]*$/.exec(line);
    if (h) {
      paras.push({ headingStyle: h[1].length, runs: [{ text: unescapeMarkdown(h[2]), bold: false, hei: false }] });
      continue;
    }
    const lead = /^\*\*([^*]+)\*\*(.*)$/.exec(line);
    if (lead) {
      paras.push({
        runs: [{ text: unescapeMarkdown(lead[1]), bold: true, hei: false }, ...(lead[2] ? [{ text: unescapeMarkdown(lead[2]), bold: false, hei: false }] : [])],
      });
      continue;
    }
    paras.push({ runs: line ? [{ text: unescapeMarkdown(line), bold: false, hei: false }] : [] });
  }
  if (sources.length) paras.push({ runs: [{ text: `（供稿单位：${sources.join('、')}）`, bold: false, hei: false }] });
  // Bold is known in Markdown: no lead is inferred from sentence shape.
  return { format: 'text', formatted: true, paras, titleKnown };
}

/** The text of a .doc (Word 97–2003, also what WPS saves as .doc), with its own quotation marks kept. */
export async function readDoc(bytes: Buffer): Promise<SourceDocument> {
  const { default: WordExtractor } = (await import('word-extractor')) as unknown as { default: WordExtractorClass };
  const extracted = await new WordExtractor().extract(bytes);
  // filterUnicode: false — by default word-extractor rewrites “” ‘’ — and – to ASCII.
  const body = extracted.getBody({ filterUnicode: false });
  // Word marks a manual line break with \v (vertical tab) in the binary format: a new line here.
  return { format: 'doc', formatted: false, paras: linesToParas(body.replace(/\v/g, '\n')) };
}

/** The part of word-extractor's API used here (its published typings omit the options). */
type WordExtractorClass = new () => { extract(source: Buffer): Promise<{ getBody(options?: { filterUnicode?: boolean }): string }> };

/** Markdown backslash escapes read as the characters they stand for. */
function unescapeMarkdown(s: string): string {
  return s.replace(/\\([\\`*_[\]<>#&+\-.!|~=()])/g, '$1');
}
