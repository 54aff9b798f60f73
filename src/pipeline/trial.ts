/**
 * The trial layout that `bulletin check` runs: lay the issue out without writing a PDF and report
 * what printing would hit (missing glyphs, overfull lines, too many pages) plus a title left at
 * the foot of a page, and, as information, a page the end block leaves short. It lives with the
 * build, which owns the later stages, and is handed to the checks by the caller, so the check
 * stage itself knows nothing of layout.
 */
import { layoutPrepared, type Prepared } from './index.js';
import { reported, type Diagnostic } from '../diagnostics/index.js';
import { SHORT_FOOT, type IssueLayout, type TextLine } from '../layout/index.js';

/** layout/title-at-bottom: no page ends with an article title (pagination should prevent it). */
export function titlesAtBottom(layout: IssueLayout): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const page of layout.pages) {
    const flow = page.items.filter((i): i is TextLine => i.kind === 'text' && i.gridLine >= 0);
    if (!flow.length) continue;
    const last = flow.reduce((a, b) => (b.gridLine > a.gridLine ? b : a));
    if (last.role !== 'title') continue;
    const loc = last.cells[0]?.loc ?? { file: '', line: 1, column: 1 };
    out.push(
      reported(
        'layout/title-at-bottom',
        loc,
        {
          zh: `第 ${page.number} 页以文章标题结尾，标题下面的正文到了下一页`,
          en: `page ${page.number} ends with an article title; its text starts on the next page`,
        },
        { hint: { zh: '删减前文几行，或调整文章顺序', en: 'shorten the text before it by a few lines, or reorder the articles' } },
      ),
    );
  }
  return out;
}

/**
 * layout/end-block-page: the end block has a page of its own and leaves the last page of text
 * three or more rows short, or a blank page before it (GB/T 9704 §7.4: at the foot of an even
 * page in double-sided printing). Information: the layout is right, but the editor may want to
 * lengthen or shorten the text, or print single-sided.
 */
export function endBlockPage(layout: IssueLayout): Diagnostic[] {
  const e = layout.endBlock;
  if (!e || !e.newPage || (!e.blankPages && e.rowsLeft < SHORT_FOOT)) return [];
  const first = layout.pages[e.page].items.find((i): i is TextLine => i.kind === 'text' && i.role === 'end_block');
  const loc = first?.cells[0]?.loc ?? { file: '', line: 1, column: 1 };
  const n = layout.pages[e.lastText].number;
  // The end block's page by its place in the issue: after a blank page it carries no printed number.
  const m = e.page + 1;
  // Lines of text to take out for the end block to fit under it, counted as if nothing were
  // tightened: the layout itself sets up to two paragraphs a line shorter when that is enough, so
  // once the text is cut by part of this it may do the rest.
  const cut = e.lines - e.rowsLeft;
  const shorten = {
    zh: `正文最多删减约 ${cut} 行（排版会自行收紧至多两段，删得少些也可能够），版记即可排在第 ${n} 页下部`,
    en: `shorten the text by at most about ${cut} ${cut === 1 ? 'line' : 'lines'} (the layout tightens up to two paragraphs itself, so fewer may do) and the end block fits at the foot of page ${n}`,
  };
  const single = {
    zh: '单面印刷时可在 bulletin.yaml 设 style: { end_block: { even_page: false } }',
    en: 'for single-sided printing, set style: { end_block: { even_page: false } } in bulletin.yaml',
  };
  if (e.blankPages)
    return [
      reported(
        'layout/end-block-page',
        loc,
        {
          zh: `正文在第 ${n} 页（偶数页）结束，版记排不下，其后加了一个空白页，版记排在第 ${m} 页；空白页和版记页均不编页码`,
          en: `the text ends on page ${n}, an even page, with no room for the end block: a blank page follows, and the end block is on page ${m}; neither carries a page number`,
        },
        {
          hint: {
            zh: `${shorten.zh}；${single.zh}`,
            en: `${shorten.en}; ${single.en}`,
          },
        },
      ),
    ];
  return [
    reported(
      'layout/end-block-page',
      loc,
      e.oddLastPage
        ? {
            zh: `第 ${n} 页下部空 ${e.rowsLeft} 行：版记要排在偶数页的下部，排在了第 ${m} 页`,
            en: `page ${n} ends ${e.rowsLeft} rows short: the end block goes at the foot of an even page, page ${m}`,
          }
        : {
            zh: `第 ${n} 页下部空 ${e.rowsLeft} 行：版记需要 ${e.lines} 行，排不下，排在了第 ${m} 页`,
            en: `page ${n} ends ${e.rowsLeft} rows short: the end block needs ${e.lines} rows and is on page ${m}`,
          },
      {
        hint: e.oddLastPage
          ? {
              zh: `双面印刷时版记排在偶数页是 GB/T 9704 的要求，无须改动；${single.zh}`,
              en: `in double-sided printing GB/T 9704 puts the end block on an even page, so nothing needs to change; ${single.en}`,
            }
          : shorten,
      },
    ),
  ];
}

/** Lay out a checked issue and collect the printing diagnostics; never throws. */
export function layoutDiagnostics(root: string, p: Prepared): Diagnostic[] {
  try {
    const laid = layoutPrepared(root, p);
    return laid.layout ? [...laid.diagnostics, ...titlesAtBottom(laid.layout), ...endBlockPage(laid.layout)] : laid.diagnostics;
  } catch (e) {
    return [
      reported(
        'layout/failed',
        { file: p.issue.file, line: 1, column: 1 },
        { zh: `排版试运行失败：${(e as Error).message}`, en: `the trial layout failed: ${(e as Error).message}` },
        {
          hint: {
            zh: '先改正上面列出的其他问题；若仍出现，请报告给维护人员',
            en: 'correct the other problems listed first; if this remains, report it to the maintainers',
          },
        },
      ),
    ];
  }
}
