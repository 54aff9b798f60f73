/**
 * The trial layout that `bulletin check` runs: lay the issue out without writing a PDF and report
 * what printing would hit (missing glyphs, overfull lines, too many pages) plus a title left at
 * the foot of a page. It lives with the build, which owns the later stages, and is handed to the
 * checks by the caller, so the check stage itself knows nothing of layout.
 */
import { layoutPrepared, type Prepared } from './index.js';
import { reported, type Diagnostic } from '../diagnostics/index.js';
import type { IssueLayout, TextLine } from '../layout/index.js';

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

/** Lay out a checked issue and collect the printing diagnostics; never throws. */
export function layoutDiagnostics(root: string, p: Prepared): Diagnostic[] {
  try {
    const laid = layoutPrepared(root, p);
    return laid.layout ? [...laid.diagnostics, ...titlesAtBottom(laid.layout)] : laid.diagnostics;
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
