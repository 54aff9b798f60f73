import { describe, expect, it } from 'vitest';
import { layoutTitle, lineText } from '../../src/layout/index.js';
import { DEFAULT_STYLE, geometry } from '../../src/style/index.js';
import { pinnedFonts } from '../helpers/fonts.js';

const fonts = pinnedFonts();
const g = geometry(DEFAULT_STYLE);
const title = (text: string) =>
  layoutTitle([{ text, role: 'title', loc: { file: 'a.md', line: 2, column: 8 } }], { fonts, size: 22, cell: 22, x: g.left, width: g.width, indent: 0, align: 'center', role: 'title' }, []);

describe('titles', () => {
  it('centres a one-line title', () => {
    const [l, ...rest] = title('天元区深化干部教育培训');
    expect(rest).toHaveLength(0);
    const centre = l.x + l.width / 2;
    expect(centre).toBeCloseTo(g.left + g.width / 2, 1);
  });

  it('balances a wrapped title and breaks it between words', () => {
    const lines = title('茶陵炎陵两县推进跨县域党建联建助力红色旅游融合发展');
    expect(lines.map(lineText)).toEqual(['茶陵炎陵两县推进跨县域党建联建', '助力红色旅游融合发展']);
    for (const l of lines) expect(l.x + l.width / 2).toBeCloseTo(g.left + g.width / 2, 1);
  });

  it('never leaves a lone character on the last line of a title', () => {
    const lines = title('关于进一步加强和改进新时代基层党组织建设工作的若干意见');
    expect(lines.length).toBe(2);
    expect([...lineText(lines[1])].length).toBeGreaterThanOrEqual(2);
    const [a, b] = lines.map((l) => l.width);
    expect(Math.abs(a - b)).toBeLessThan(22 * 6);
  });
});
