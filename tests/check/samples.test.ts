/** The team's sample issues check clean (fonts pinned), and the layout-derived rule works on a layout. */
import { describe, expect, it } from 'vitest';
import { titlesAtBottom } from '../../src/pipeline/trial.js';
import type { IssueLayout, TextLine } from '../../src/layout/index.js';
import { copyArchive } from '../helpers/tmp.js';
import { brief, check, SAMPLE } from './helpers.js';

describe('sample archive', () => {
  it('issues 2026/1 and 2026/2 give no errors and no warnings, trial layout included', () => {
    expect(brief(check(copyArchive(SAMPLE), true))).toEqual([]);
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
