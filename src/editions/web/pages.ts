/**
 * The pages of the web edition, as strings. Pure: a card per issue (what the index and the
 * 上一篇/下一篇 links need) and, for the pages being written, the issue's model.
 * Every link is relative, so the site works from a folder, an intranet server or a CMS upload.
 */
import type { Article, Block, Issue, Paragraph, Run } from '../../model/index.js';
import { formatDateZh } from '../../model/index.js';
import { titleWordBreaks, urlBreaks } from '../../layout/index.js';
import { articleSlug, attributionText, esc, escMarked, htmlDocument, isoDate, issueNumberLabel } from '../html.js';

export { articleSlug };

/** What the index and the navigation of other pages know about an issue. Stored in the site manifest. */
export interface IssueCard {
  /** "2026/2": the folder's year and number, also the issue's folder in the site. */
  key: string;
  year: number;
  number: number;
  supplement: boolean;
  total?: number;
  /** ISO date, 2026-01-26. */
  date: string;
  articles: { slug: string; title: string }[];
  /** File name of the issue's PDF beside its page, when one was published. */
  pdf?: string;
}

export interface SiteInfo {
  series: string;
  office: string;
  attributionLabel: string;
  generator: string;
}

export function cardOf(key: string, issue: Issue, pdf?: string): IssueCard {
  return {
    key,
    year: issue.year,
    number: issue.number,
    supplement: issue.supplement,
    total: issue.total,
    date: isoDate(issue),
    articles: issue.articles.map((a, i) => ({ slug: articleSlug(a, i), title: a.title })),
    pdf,
  };
}

function dateZh(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return formatDateZh({ year: y, month: m, day: d });
}

/** Path from the site root: issues live in <year>/<number>/. Cards may come from the site's manifest on disk, so links are escaped too. */
export const issueDir = (c: Pick<IssueCard, 'key'>) => c.key;
const ROOT_FROM_ISSUE = '../../';

function page(opts: { title: string; css: string; body: string; info: SiteInfo }): string {
  return htmlDocument({
    title: opts.title,
    meta: [`<meta name="generator" content="${esc(opts.info.generator)}">`],
    after: [`<link rel="stylesheet" href="${opts.css}">`],
    body: opts.body,
  });
}

function runs(rs: Run[]): string {
  return rs.map((r) => (r.style === 'lead' ? `<strong class="lead">${textHtml(r.text)}</strong>` : textHtml(r.text))).join('');
}

/** Text as HTML, with a <wbr> where a web or e-mail address may break (as print breaks it). */
function textHtml(text: string): string {
  return escMarked(
    text,
    urlBreaks(text).map((at) => [at, at]),
    () => '<wbr>',
  );
}

/** An editor's note: 编者按： in bold before its first paragraph, as in print. */
function editorNote(ps: Paragraph[], labelledBy?: string): string {
  if (!ps.length) return '';
  const body = ps.map((p, i) => `<p>${i === 0 ? '<strong class="note-label">编者按：</strong>' : ''}${runs(p.runs)}</p>`).join('\n');
  return `<section class="note"${labelledBy ? ` aria-label="${labelledBy}"` : ' aria-label="编者按"'}>\n${body}\n</section>`;
}

/**
 * In-article headings: 一、/（一）/1. are levels 1–3 of the source; on the page they follow the
 * title (h1) without skipping a level, whichever levels the article uses.
 */
function headingTags(blocks: Block[]): Map<number, number> {
  const used = [...new Set(blocks.filter((b) => b.kind === 'heading').map((b) => (b as { level: number }).level))].sort();
  return new Map(used.map((level, i) => [level, 2 + i]));
}

function blocksHtml(blocks: Block[]): string {
  const tags = headingTags(blocks);
  return blocks
    .map((b) => {
      if (b.kind === 'paragraph') return `<p>${runs(b.runs)}</p>`;
      const h = tags.get(b.level)!;
      return `<h${h} class="h${b.level}">${runs(b.runs)}</h${h}>`;
    })
    .join('\n');
}

function issueLabel(c: IssueCard, withTotal = true): string {
  return `${c.year}年${issueNumberLabel(c, withTotal)}`;
}

/** index.html: every issue, newest first, grouped by year. */
export function indexPage(info: SiteInfo, cards: IssueCard[]): string {
  const years = [...new Set(cards.map((c) => c.year))].sort((a, b) => b - a);
  const sections = years.map((y) => {
    const items = cards
      .filter((c) => c.year === y)
      .sort((a, b) => b.number - a.number)
      .map((c) => {
        const titles = c.articles.map((a) => `<li><a href="${esc(`${issueDir(c)}/${a.slug}.html`)}">${titleHtml(a.title)}</a></li>`).join('\n');
        return `<li class="issue">
<h3><a href="${esc(issueDir(c))}/index.html">${esc(issueNumberLabel(c, false))}</a>${c.total ? `<span class="total">（总第${c.total}期）</span>` : ''}</h3>
<p class="date"><time datetime="${c.date}">${dateZh(c.date)}</time></p>
<ul class="titles">
${titles}
</ul>
</li>`;
      });
    return `<section class="year" aria-labelledby="y${y}">
<h2 id="y${y}">${y}年</h2>
<ol class="issues" reversed>
${items.join('\n')}
</ol>
</section>`;
  });
  const body = `<header class="masthead">
<h1 class="series">${esc(info.series)}</h1>
<p class="office">${esc(info.office)}</p>
</header>
<main>
${sections.join('\n') || '<p>尚无已发布的简报。</p>'}
</main>`;
  return page({ title: info.series, css: 'style.css', body, info });
}

/** <year>/<number>/index.html: the masthead as text, 编者按, the table of contents, the PDF. */
export function issuePage(info: SiteInfo, card: IssueCard, issue: Issue, prev?: IssueCard, next?: IssueCard): string {
  const toc = issue.articles
    .map(
      (a, i) =>
        `<li><a href="${card.articles[i].slug}.html">${titleHtml(a.title)}</a>${a.sources.length ? `<span class="toc-source">${esc(a.sources.join('、'))}</span>` : ''}</li>`,
    )
    .join('\n');
  const pdf = card.pdf ? `<p class="pdf"><a href="${esc(card.pdf)}" type="application/pdf">下载本期 PDF 版（${esc(issueLabel(card, false))}）</a></p>` : '';
  const pager = issuePager(prev, next);
  const body = `<nav class="crumbs" aria-label="位置"><a href="${ROOT_FROM_ISSUE}index.html">${esc(info.series)}</a></nav>
<header class="masthead">
<h1 class="series">${esc(info.series)}<span class="visually-hidden"> ${esc(issueLabel(card))}</span></h1>
<p class="number" aria-hidden="true">${esc(issueNumberLabel(card))}</p>
<p class="masthead-foot"><span class="office">${esc(info.office)}</span><time class="date" datetime="${card.date}">${dateZh(card.date)}</time></p>
</header>
<main>
${editorNote(issue.editorNote)}
<section class="toc" aria-labelledby="toc">
<h2 id="toc">本期目录</h2>
<ol>
${toc}
</ol>
</section>
${pdf}
</main>
${pager}`;
  return page({ title: `${info.series} ${issueLabel(card)}`, css: `${ROOT_FROM_ISSUE}style.css`, body, info });
}

function issuePager(prev?: IssueCard, next?: IssueCard): string {
  if (!prev && !next) return '';
  const link = (c: IssueCard | undefined, rel: string, label: string) =>
    c
      ? `<a rel="${rel}" href="${ROOT_FROM_ISSUE}${esc(issueDir(c))}/index.html"><span class="pager-label">${label}</span>${esc(issueLabel(c, false))}</a>`
      : '<span></span>';
  return `<nav class="pager" aria-label="上一期和下一期">
${link(prev, 'prev', '上一期')}
${link(next, 'next', '下一期')}
</nav>`;
}

export interface ArticleLink {
  card: IssueCard;
  index: number;
}

/**
 * An article title as HTML with a <wbr> where it may wrap between words: the stylesheet lets a
 * title break nowhere else between two characters (word-break: keep-all), so a phone never splits
 * 党建 or 组织部 across lines, and text-wrap: balance chooses among these places. A term joined
 * by + or · (党建+链长制), where a browser would otherwise break, is kept on one line.
 */
export function titleHtml(title: string): string {
  const chars = [...title];
  const breaks = new Set(titleWordBreaks(title));
  const letter = /[\p{L}\p{N}]/u;
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    if (breaks.has(i)) out += '<wbr>';
    if (JOINERS.has(chars[i + 1] ?? '') && letter.test(chars[i]) && letter.test(chars[i + 2] ?? '')) {
      out += `<span class="nobr">${esc(chars.slice(i, i + 3).join(''))}</span>`;
      i += 2;
    } else out += esc(chars[i]);
  }
  return out;
}

/** Marks that join two words into one term in a title. */
const JOINERS = new Set(['+', '＋', '·', '&', '＆']);

/** <year>/<number>/<slug>.html: one article, with 上一篇/下一篇 across the whole archive. */
export function articlePage(info: SiteInfo, card: IssueCard, issue: Issue, index: number, prev?: ArticleLink, next?: ArticleLink): string {
  const a = issue.articles[index];
  const link = (l: ArticleLink | undefined, rel: string, label: string) => {
    if (!l) return '<span></span>';
    const href =
      l.card.key === card.key ? `${l.card.articles[l.index].slug}.html` : `${ROOT_FROM_ISSUE}${issueDir(l.card)}/${l.card.articles[l.index].slug}.html`;
    return `<a rel="${rel}" href="${esc(href)}"><span class="pager-label">${label}</span>${titleHtml(l.card.articles[l.index].title)}</a>`;
  };
  const attribution = attributionText(a, info.attributionLabel);
  const body = `<nav class="crumbs" aria-label="位置"><a href="${ROOT_FROM_ISSUE}index.html">${esc(info.series)}</a><span aria-hidden="true"> / </span><a href="index.html">${esc(issueLabel(card, false))}</a></nav>
<main>
<article>
<h1 class="title">${titleHtml(a.title)}</h1>
<p class="byline">${esc(info.series)} ${esc(issueLabel(card))} · <time datetime="${card.date}">${dateZh(card.date)}</time></p>
${editorNote(a.note)}
${blocksHtml(a.blocks)}
${attribution ? `<p class="attribution">${esc(attribution)}</p>` : ''}
</article>
</main>
<nav class="pager" aria-label="上一篇和下一篇">
${link(prev, 'prev', '上一篇')}
${link(next, 'next', '下一篇')}
</nav>
<footer class="back"><a href="index.html">返回本期目录</a><a href="${ROOT_FROM_ISSUE}index.html">返回简报首页</a></footer>`;
  return page({ title: `${a.title} - ${info.series} ${issueLabel(card, false)}`, css: `${ROOT_FROM_ISSUE}style.css`, body, info });
}

export type { Article };
