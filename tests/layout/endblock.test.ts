import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { endBlockPlacement, lineText, type PageLayout, type TextLine } from '../../src/layout/index.js';
import { laidOut, REPO } from '../helpers/archive.js';
import { copyArchive } from '../helpers/tmp.js';

// Three paragraphs more for sample 2026/2 (our own writing): its text then fills page 8.
const MORE =
  '\n\n芦淞区还把商圈党建纳入年度述职评议，对党员商户实行积分管理，积分结果与评先评优、融资授信挂钩，党员商户带头守法经营、带头服务群众的氛围日益浓厚。' +
  '\n\n今后，区委组织部将定期总结推广商圈党建的好经验好做法，让更多市场主体在党建引领下共同发展、共享成果，为全区经济社会高质量发展注入新的动力。' +
  '\n\n同时，区委组织部将加强对商圈党组织书记的培训，每年至少组织一次集中轮训。\n';
/** One paragraph more again: the end block would need three lines cut from page 8, more than two paragraphs set a line shorter give. */
const MORE_STILL = `${MORE.trimEnd()}\n\n商圈党委还将每季度召开一次党员商户座谈会，听取意见建议，及时协调解决经营中遇到的困难和问题。\n`;

describe('end block placement', () => {
  it('sits at the foot of the last page when it fits below the text', () => {
    expect(endBlockPlacement(2, 10, 4, 22, true)).toEqual({ blankPages: 0, newPage: false });
    expect(endBlockPlacement(3, 17, 4, 22, false)).toEqual({ blankPages: 0, newPage: false });
  });

  it('fills the page down to the end block, its top rule separating it from the text, else takes a new page', () => {
    expect(endBlockPlacement(4, 18, 4, 22, true)).toEqual({ blankPages: 0, newPage: false });
    expect(endBlockPlacement(3, 19, 4, 22, false)).toEqual({ blankPages: 0, newPage: true });
  });

  it('moves to the next (even) page when the text ends on an odd page', () => {
    expect(endBlockPlacement(3, 5, 4, 22, true)).toEqual({ blankPages: 0, newPage: true });
    expect(endBlockPlacement(1, 5, 4, 22, true)).toEqual({ blankPages: 0, newPage: true });
  });

  it('leaves an unnumbered blank page when a full even page has no room', () => {
    expect(endBlockPlacement(4, 19, 4, 22, true)).toEqual({ blankPages: 1, newPage: true });
  });
});

/** Lay out a copy of the sample archive's issue `number`, after `edit` has changed its files. */
function laidOutCopy(number: number, edit: (root: string) => void) {
  const root = copyArchive(REPO);
  try {
    edit(root);
    return laidOut(root, number).layout!;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const pageNumbers = (page: PageLayout) => page.items.filter((i): i is TextLine => i.kind === 'text' && i.role === 'page_number').map(lineText);

describe('page numbers around the end block (GB/T 9704 §7.5)', () => {
  it('numbers neither the blank page nor the end-block page after it', () => {
    // 2026/2 with four more paragraphs: the text fills page 8 (even) with no room for the end
    // block, so page 9 is left blank and the end block stands at the foot of page 10.
    const layout = laidOutCopy(2, (root) => {
      const file = path.join(root, 'issues/2026/2/04-shangquan.md');
      writeFileSync(file, readFileSync(file, 'utf8').trimEnd() + MORE_STILL);
    });
    const { pages } = layout;
    expect(pages.length).toBe(10);
    expect(layout.endBlock).toMatchObject({ page: 9, lastText: 7, blankPages: 1, newPage: true });
    expect(pages.slice(0, 8).map(pageNumbers)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => [`— ${n} —`]));
    expect(pages[8]).toEqual({ number: 0, items: [] });
    expect(pages[9].number).toBe(0);
    expect(pageNumbers(pages[9])).toEqual([]);
    expect(pages[9].items.some((i) => i.kind === 'text' && i.role === 'end_block')).toBe(true);
  });

  it('sets a paragraph a line shorter rather than leave a blank page and give the end block a page of its own', () => {
    // 2026/2 with three more paragraphs: one line too many on page 8 for the end block. Set a line
    // shorter, the first paragraph of page 7 pulls a line of page 8 up, and the end block fits under
    // the text of page 8: 8 pages, not 10.
    const layout = laidOutCopy(2, (root) => {
      const file = path.join(root, 'issues/2026/2/04-shangquan.md');
      writeFileSync(file, readFileSync(file, 'utf8').trimEnd() + MORE);
    });
    expect(layout.pages.length).toBe(8);
    expect(layout.endBlock).toMatchObject({ page: 7, lastText: 7, blankPages: 0, newPage: false });
    expect(layout.pages.map(pageNumbers)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => [`— ${n} —`]));
    const page8 = layout.pages[7].items.filter((i): i is TextLine => i.kind === 'text');
    const lastText = Math.max(...page8.filter((l) => l.role !== 'end_block' && l.role !== 'page_number').map((l) => l.gridLine));
    const firstEnd = Math.min(...page8.filter((l) => l.role === 'end_block').map((l) => l.gridLine));
    expect(firstEnd).toBeGreaterThan(lastText);
    expect(page8.some((l) => lineText(l).includes('集中轮训。'))).toBe(true);
    // No page before the last ends three or more rows short.
    for (const page of layout.pages.slice(1, -1)) {
      const rows = page.items.filter((i): i is TextLine => i.kind === 'text' && i.role !== 'page_number').map((l) => l.gridLine);
      expect(Math.max(...rows)).toBeGreaterThanOrEqual(22 - 3);
    }
  });

  it('numbers an end-block page of its own that follows the text directly', () => {
    // 2026/1's text ends on page 5 (odd): the end block takes page 6, with no blank page before it.
    const layout = laidOutCopy(1, () => {});
    expect(layout.endBlock).toMatchObject({ page: 5, blankPages: 0, newPage: true });
    expect(layout.pages[5].number).toBe(6);
    expect(pageNumbers(layout.pages[5])).toEqual(['— 6 —']);
  });
});
