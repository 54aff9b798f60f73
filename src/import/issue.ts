/**
 * A whole issue as published (a department website's web copy, saved as .htm or .txt):
 *
 *   第5期                           (optionally 总第147期, on this line or the next)
 *   中共某某市委组织部办公室 2026年3月2日
 *   编者按：……                      (optional, before the first title)
 *   Title
 *   paragraphs … (供稿单位:…)       the attribution ends each article
 *   Title …
 *   来源: 作者: 上一篇… 下一篇…      page debris
 *
 * Article boundaries are the title lines: the first line after the header (and 编者按), then the
 * line after each paragraph that ends with an attribution.
 */
import { buildArticle, debrisNote, isWebDebris } from './article.js';
import { findAttribution } from './attribution.js';
import type { ImportedIssue, Said, SourceDocument, SourcePara } from './types.js';

const NUMBER = /(?:^|\s|年)第\s*([0-9０-９]{1,4})\s*期(?:\s*[（(]?\s*总第\s*([0-9０-９]{1,5})\s*期\s*[）)]?)?$/;
const TOTAL = /^[（(]?\s*总第\s*([0-9０-９]{1,5})\s*期\s*[）)]?$/;
const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const EDITOR = /^[【\[]?\s*编者按\s*[】\]]?\s*[:：]?\s*/;

const toInt = (s: string) => Number(s.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));

export interface IssueHeader {
  number: number;
  total?: number;
  date: { year: number; month: number; day: number };
  /** Index of the 第N期 line (lines before it are the page's masthead and navigation). */
  start: number;
  /** Index of the first line after the header. */
  next: number;
}

/** The header of a published issue among the first lines, or undefined when the text is not one. */
export function findHeader(lines: string[]): IssueHeader | undefined {
  for (let i = 0; i < Math.min(lines.length, 8); i++) {
    const m = NUMBER.exec(lines[i]);
    if (!m) continue;
    let total = m[2] ? toInt(m[2]) : undefined;
    for (let j = i; j < Math.min(lines.length, i + 4); j++) {
      const t = j > i ? TOTAL.exec(lines[j]) : null;
      if (t) total = toInt(t[1]);
      const d = DATE.exec(lines[j]);
      if (d && [...lines[j]].length <= 60) {
        const date = { year: Number(d[1]), month: Number(d[2]), day: Number(d[3]) };
        return { number: toInt(m[1]), total, date, start: i, next: j + 1 };
      }
    }
  }
  return undefined;
}

const lineOf = (text: string): SourcePara => ({ runs: [{ text, bold: false, hei: false }] });

/** Read a document as a whole issue, or undefined when it has no issue header. */
export function splitIssue(doc: SourceDocument, units: readonly string[], name: string): (ImportedIssue & { guesses: Said[] }) | undefined {
  // Each paragraph of the page as one line, its run formatting kept (a page may keep <strong> leads).
  const debris: string[] = [];
  const paras = doc.paras.flatMap((p) => {
    const text = p.runs
      .map((r) => r.text)
      .join('')
      .trim();
    if (text && isWebDebris(text)) debris.push(text);
    return text && !isWebDebris(text) ? [{ ...p, text }] : [];
  });
  const header = findHeader(paras.map((p) => p.text));
  if (!header) return undefined;
  const guesses: Said[] = debris.length ? [debrisNote(debris)] : [];
  const above = paras.slice(0, header.start).map((p) => `“${p.text}”`);
  if (above.length)
    guesses.push({
      zh: `删去了期号上方的 ${above.length} 行：${above.join('、')}`,
      en: `removed ${above.length} line(s) above the issue number: ${above.join(', ')}`,
    });
  let i = header.next;
  let editorNote: string | undefined;
  if (i < paras.length && EDITOR.test(paras[i].text)) {
    editorNote = paras[i].text.replace(EDITOR, '').trim();
    i++;
    if (!editorNote && i < paras.length) editorNote = paras[i++].text;
  }
  type Line = SourcePara & { text: string };
  const groups: Line[][] = [];
  let current: Line[] = [];
  for (; i < paras.length; i++) {
    current.push(paras[i]);
    // The title line itself never ends an article; a paragraph ending in an attribution does.
    if (current.length > 1 && findAttribution(paras[i].text)) {
      groups.push(current);
      current = [];
    }
  }
  if (current.length) {
    groups.push(current);
    if (current.length > 1)
      guesses.push({
        zh: `最后一篇（“${current[0].text}”）没有供稿单位，文章分界可能不准`,
        en: `the last article (“${current[0].text}”) has no attribution; article boundaries may be off`,
      });
  }
  const articles = groups.map((g, k) =>
    buildArticle(
      { ...doc, paras: g.map((p) => ({ ...p, runs: p.runs.length ? p.runs : lineOf(p.text).runs })) },
      { units, fallbackTitle: `${name} ${k + 1}`, titleKnown: true },
    ),
  );
  return { number: header.number, total: header.total, date: header.date, editorNote, articles, guesses };
}
