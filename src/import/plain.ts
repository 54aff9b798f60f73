/**
 * Formats that carry no formatting: .txt/.md (UTF-8, GB18030/GBK, UTF-16) and .doc / WPS files
 * (via word-extractor). Each line is a paragraph; bold, fonts and alignment are unknown.
 */
import { decodeRaw, normaliseLines } from '../archive/index.js';
import type { SourceDocument, SourcePara } from './types.js';

export function linesToParas(text: string): SourcePara[] {
  return normaliseLines(text)
    .split('\n')
    .map((line) => ({ runs: line ? [{ text: line, bold: false, hei: false }] : [] }));
}

/** A text file's bytes, or undefined when they are not text in any encoding we recognise. */
export function readPlainText(bytes: Uint8Array): SourceDocument | undefined {
  const raw = decodeRaw(bytes);
  if (raw.encoding === 'binary') return undefined;
  let text = raw.text;
  // A Markdown file may already carry front matter: its body is what is imported.
  const fm = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  if (fm) text = text.slice(fm[0].length);
  return { format: 'text', formatted: false, paras: linesToParas(text) };
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
