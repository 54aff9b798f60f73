/** The team's sample issues check clean (fonts pinned), and the layout-derived rule works on a layout. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { endBlockPage, titlesAtBottom } from '../../src/pipeline/trial.js';
import type { IssueLayout, TextLine } from '../../src/layout/index.js';
import { copyArchive } from '../helpers/tmp.js';
import { brief, check, SAMPLE } from './helpers.js';

describe('sample archive', () => {
  it('issues 2026/1 and 2026/2 give no errors and no warnings, trial layout included', () => {
    const root = copyArchive(SAMPLE);
    try {
      // 2026/1's text ends on page 5, an odd page, so its end block stands alone on page 6 (GB/T
      // 9704 §7.4): said as information. 2026/2's end block fits under the text of page 8.
      const ds = check(root, true);
      expect(brief(ds)).toEqual(['hint layout/end-block-page issues/2026/1/issue.yaml:9:3']);
      expect(ds[0].message.en).toBe('page 5 ends 13 rows short: the end block goes at the foot of an even page, page 6');
      expect(ds[0].message.zh).toBe('第 5 页下部空 13 行：版记要排在偶数页的下部，排在了第 6 页');
      expect(ds[0].hint!.en).toContain('even_page: false');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  // Paragraphs more for 2026/2 (our own writing).
  const MORE =
    '\n\n芦淞区还把商圈党建纳入年度述职评议，对党员商户实行积分管理，积分结果与评先评优、融资授信挂钩，党员商户带头守法经营、带头服务群众的氛围日益浓厚。' +
    '\n\n今后，区委组织部将定期总结推广商圈党建的好经验好做法，让更多市场主体在党建引领下共同发展、共享成果，为全区经济社会高质量发展注入新的动力。' +
    '\n\n同时，区委组织部将加强对商圈党组织书记的培训，每年至少组织一次集中轮训。';
  const FOURTH = '\n\n商圈党委还将每季度召开一次党员商户座谈会，听取意见建议，及时协调解决经营中遇到的困难和问题。';
  const checkWith = (more: string) => {
    const root = copyArchive(SAMPLE);
    try {
      const file = path.join(root, 'issues/2026/2/04-shangquan.md');
      writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}${more}\n`);
      return check(root, true).filter((d) => d.loc.file.startsWith('issues/2026/2/'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };

  it('says when the end block needs a blank page after a full even page (2026/2 with four more paragraphs)', () => {
    const ds = checkWith(MORE + FOURTH);
    expect(brief(ds)).toEqual(['hint layout/end-block-page issues/2026/2/issue.yaml:12:3']);
    expect(ds[0].message.en).toBe(
      'the text ends on page 8, an even page, with no room for the end block: a blank page follows, and the end block is on page 10; neither carries a page number',
    );
    expect(ds[0].message.zh).toBe('正文在第 8 页（偶数页）结束，版记排不下，其后加了一个空白页，版记排在第 10 页；空白页和版记页均不编页码');
    expect(ds[0].hint!.en).toMatch(
      /^shorten the text by at most about 3 lines \(the layout tightens up to two paragraphs itself, so fewer may do\) and the end block fits at the foot of page 8;/,
    );
    expect(ds[0].hint!.zh).toMatch(/^正文最多删减约 3 行（排版会自行收紧至多两段，删得少些也可能够），版记即可排在第 8 页下部/);
  });

  it('says nothing when a paragraph set a line shorter puts the end block under the text (2026/2 with three more paragraphs)', () => {
    expect(brief(checkWith(MORE))).toEqual([]);
  });
});

describe('layout/title-at-bottom', () => {
  const line = (role: TextLine['role'], gridLine: number, file = 'a.md'): TextLine =>
    ({
      kind: 'text',
      role,
      ink: 'text',
      baseline: 0,
      x: 0,
      width: 0,
      glyphs: [],
      cells: [{ text: '标', x: 0, width: 16, loc: { file, line: 2, column: 8 } }],
      last: true,
      gridLine,
    }) as TextLine;
  const layout = (pages: TextLine[][]): IssueLayout => ({
    geometry: {} as IssueLayout['geometry'],
    pages: pages.map((items, i) => ({ number: i + 1, items })),
    outline: [],
    diagnostics: [],
  });

  it('reports a page whose last grid line is a title, at the title', () => {
    const ds = titlesAtBottom(layout([[line('body', 0), line('title', 21)], [line('body', 0)]]));
    expect(brief(ds)).toEqual(['warning layout/title-at-bottom a.md:2:8']);
    expect(ds[0].message.zh).toContain('第 1 页');
  });

  it('is silent when text follows the title on the page', () => {
    expect(titlesAtBottom(layout([[line('title', 3), line('body', 5)], [line('body', 0)]]))).toEqual([]);
  });
});

describe('layout/end-block-page', () => {
  const eb = (gridLine: number): TextLine =>
    ({
      kind: 'text',
      role: 'end_block',
      gridLine,
      cells: [{ text: '报', x: 0, width: 14, loc: { file: 'i/issue.yaml', line: 9, column: 3 } }],
    }) as TextLine;
  const layout = (endBlock: IssueLayout['endBlock'], pages: number): IssueLayout => ({
    geometry: {} as IssueLayout['geometry'],
    pages: Array.from({ length: pages }, (_, i) => ({ number: i + 1, items: i === pages - 1 ? [eb(20), eb(21)] : [] })),
    outline: [],
    endBlock,
    diagnostics: [],
  });
  const place = { page: 3, lastText: 2, blankPages: 0, lines: 2, rowsLeft: 0, newPage: true, oddLastPage: false };

  it('says that an end block which does not fit under the text leaves its page short, and by how much to shorten the text', () => {
    const ds = endBlockPage(layout({ ...place, lines: 6, rowsLeft: 4 }, 4));
    expect(brief(ds)).toEqual(['hint layout/end-block-page i/issue.yaml:9:3']);
    expect(ds[0].message.en).toBe('page 3 ends 4 rows short: the end block needs 6 rows and is on page 4');
    expect(ds[0].hint!.zh).toBe('正文最多删减约 2 行（排版会自行收紧至多两段，删得少些也可能够），版记即可排在第 3 页下部');
  });

  it('is silent when the end block stands under the text, or the page before it ends fewer than three rows short', () => {
    expect(endBlockPage(layout({ ...place, page: 2, newPage: false, rowsLeft: 10 }, 3))).toEqual([]);
    expect(endBlockPage(layout({ ...place, rowsLeft: 2, oddLastPage: true }, 4))).toEqual([]);
    expect(endBlockPage(layout(undefined, 4))).toEqual([]);
  });
});
