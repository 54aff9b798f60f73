/** HTML text for the editions: every piece of the model's text is untrusted and escaped here. */
import { formatDate } from '../dates.js';
import type { Article, Issue, Paragraph, Run, SeriesConfig } from '../model/index.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for an element's content or a quoted attribute value. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}

/**
 * Escape text with the stretches [start, end) of `marked` (ascending, not overlapping) passed,
 * escaped, through `mark`: an empty stretch (start = end) puts what `mark('')` returns there.
 */
export function escMarked(text: string, marked: [number, number][], mark: (inner: string) => string): string {
  let out = '';
  let from = 0;
  for (const [start, end] of marked) {
    out += esc(text.slice(from, start)) + mark(esc(text.slice(start, end)));
    from = end;
  }
  return out + esc(text.slice(from));
}

/** 第2期（总第142期）, 增刊第1期 — as the masthead prints it. */
export function issueNumberLabel(issue: Pick<Issue, 'number' | 'supplement' | 'total'>, withTotal = true): string {
  let s = issue.supplement ? `增刊第${issue.number}期` : `第${issue.number}期`;
  if (withTotal && issue.total) s += `（总第${issue.total}期）`;
  return s;
}

/** （供稿单位：A、B）, as the print edition sets it. */
export function attributionText(a: Pick<Article, 'sources'>, label = '供稿单位：'): string {
  return a.sources.length ? `（${label}${a.sources.join('、')}）` : '';
}

/** The plain text of a paragraph (leads included), for digests and tests. */
export function plainText(p: { runs: Run[] }): string {
  return p.runs.map((r) => r.text).join('');
}

export function isoDate(issue: Pick<Issue, 'date'>): string {
  return formatDate(issue.date);
}

/** The article's page name: its file's stem when that is a safe URL segment, else its position. */
export function articleSlug(a: Pick<Article, 'file'>, index: number): string {
  const stem = a.file.split('/').pop()!.replace(/\.md$/i, '');
  return /^[A-Za-z0-9][A-Za-z0-9_-]{0,80}$/.test(stem) && stem.toLowerCase() !== 'index' ? stem : String(index + 1);
}

/**
 * A whole HTML page, the frame both the web and the WeChat editions use: `meta` are the <meta>
 * lines after charset and viewport, `after` the head's lines after <title> (a stylesheet link).
 */
export function htmlDocument(opts: { title: string; meta: string[]; after?: string[]; body: string }): string {
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    ...opts.meta,
    `<title>${esc(opts.title)}</title>`,
    ...(opts.after ?? []),
  ];
  return `<!doctype html>\n<html lang="zh-CN">\n<head>\n${head.join('\n')}\n</head>\n<body>\n${opts.body}\n</body>\n</html>\n`;
}

export type { Article, Issue, Paragraph, Run, SeriesConfig };
