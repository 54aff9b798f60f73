import { describe, expect, it } from 'vitest';
import { lineText, type RuleBox, type TextLine } from '../../src/layout/index.js';
import { layoutIssue } from '../../src/layout/index.js';
import { prepared, REPO } from '../helpers/archive.js';
import { pinnedFonts } from '../helpers/fonts.js';
import { phoneStyle } from '../../src/editions/image/index.js';

const fonts = pinnedFonts();

function firstPage(edit: (p: ReturnType<typeof prepared>) => void = () => {}, phone = false) {
  const p = prepared(REPO, 2);
  edit(p);
  const style = phone ? phoneStyle(p.style, p.series.series) : p.style;
  const layout = layoutIssue({ series: p.series, issue: p.issue, style, fonts, narrow: phone });
  const items = layout.pages[0].items;
  return { items, g: layout.geometry, texts: items.filter((i): i is TextLine => i.kind === 'text') };
}

describe('masthead', () => {
  it('sets the series name in red, centred, above the issue number, the office, the date and a red rule', () => {
    const { texts, items, g } = firstPage();
    const name = texts.find((t) => t.role === 'masthead')!;
    expect(lineText(name)).toBe('株洲组织工作信息');
    expect(name.ink).toBe('red');
    const inkRight = name.glyphs[name.glyphs.length - 1].x + name.glyphs[0].size;
    expect((name.x + inkRight) / 2).toBeCloseTo(g.left + g.width / 2, 0);
    const number = texts.find((t) => lineText(t).startsWith('第2期'))!;
    expect(lineText(number)).toBe('第2期（总第142期）');
    expect(number.baseline).toBeGreaterThan(name.baseline + g.linePitch);
    const office = texts.find((t) => lineText(t) === '中共株洲市委组织部办公室')!;
    const date = texts.find((t) => lineText(t) === '2026年1月26日')!;
    expect(office.baseline).toBe(date.baseline);
    expect(office.x).toBeCloseTo(g.left + g.pitch, 1);
    expect(date.x + date.width).toBeCloseTo(g.left + g.width - g.pitch, 1);
    const rule = items.find((i): i is RuleBox => i.kind === 'rule')!;
    expect(rule.ink).toBe('red');
    expect(rule.x1).toBeCloseTo(g.left, 3);
    expect(rule.x2).toBeCloseTo(g.left + g.width, 3);
    expect(rule.y - office.baseline).toBeGreaterThan(3.5 * (72 / 25.4));
    expect(rule.y - office.baseline).toBeLessThan(6 * (72 / 25.4));
    // Text starts below the rule, on the grid.
    const firstText = texts.filter((t) => t.gridLine >= 0).sort((a, b) => a.gridLine - b.gridLine)[0];
    expect(firstText.baseline - g.linePitch * 0.5).toBeGreaterThan(rule.y);
  });

  it('on a narrow measure (the phone image), gives the office and the date a line each rather than break the office mid-name', () => {
    const { texts, items, g } = firstPage(() => {}, true);
    const office = texts.filter((t) => t.gridLine < 0 && t.role === 'body' && !lineText(t).startsWith('第') && !/\d+年/.test(lineText(t)));
    const date = texts.find((t) => lineText(t) === '2026年1月26日')!;
    expect(office.map(lineText)).toEqual(['中共株洲市委组织部办公室']);
    expect(office[0].glyphs[0].size).toBe(16);
    expect(office[0].x).toBeCloseTo(g.left + g.pitch, 1);
    expect(date.baseline).toBeCloseTo(office[0].baseline + g.linePitch, 3);
    expect(date.x + date.width).toBeCloseTo(g.left + g.width - g.pitch, 1);
    const rule = items.find((i): i is RuleBox => i.kind === 'rule')!;
    expect(rule.y).toBeGreaterThan(date.baseline);
    const firstText = texts.filter((t) => t.gridLine >= 0).sort((a, b) => a.gridLine - b.gridLine)[0];
    expect(firstText.baseline - g.linePitch * 0.5).toBeGreaterThan(rule.y);
  });

  it('on a narrow measure, breaks a long office only before its bracketed second name', () => {
    const { texts } = firstPage((p) => {
      p.series.office = '中共株洲市委组织部办公室（株洲市公务员局办公室）';
    }, true);
    const lines = texts.filter((t) => t.gridLine < 0 && t.role === 'body').map(lineText);
    expect(lines).toEqual(['第2期（总第142期）', '中共株洲市委组织部办公室', '（株洲市公务员局办公室）', '2026年1月26日']);
  });

  it('marks a supplement and omits the running total when there is none', () => {
    const { texts } = firstPage((p) => {
      p.issue.supplement = true;
      p.issue.total = undefined;
    });
    expect(texts.some((t) => lineText(t) === '增刊第2期')).toBe(true);
  });

  it('opens the editor’s note with 编者按： in the lead face', () => {
    const { texts } = firstPage();
    const note = texts.find((t) => t.role === 'note')!;
    expect(lineText(note).startsWith('编者按：')).toBe(true);
    expect(note.glyphs[0].face).toBe(fonts.forRole('lead'));
    expect(note.glyphs[5].face).toBe(fonts.forRole('note'));
  });
});

describe('the phone measure (narrow)', () => {
  it('breaks a joint attribution between its units, a heading after its comma, and every title where its phrases part', () => {
    const p = prepared(REPO, 2);
    const layout = layoutIssue({ series: p.series, issue: p.issue, style: phoneStyle(p.style, p.series.series), fonts, narrow: true });
    const lines = layout.pages.flatMap((pg) => pg.items).filter((i): i is TextLine => i.kind === 'text');
    // A heading too long for the phone's line wraps after its comma, not inside 获得感.
    expect(lines.filter((l) => l.role.startsWith('heading')).map(lineText)).toContain('（三）办好“一批事”，');
    expect(lines.filter((l) => l.role.startsWith('heading')).map(lineText)).toContain('增强群众获得感');
    const attribution = lines.filter((l) => l.role === 'attribution').map(lineText);
    expect(attribution).toContain('（供稿单位：茶陵县委组织部、');
    expect(attribution).toContain('炎陵县委组织部）');
    expect(lines.filter((l) => l.role === 'title').map(lineText)).toEqual([
      '荷塘区党建引领网格化治理',
      '推动城市基层治理提质增效',
      '茶陵炎陵两县',
      '推进跨县域党建联建',
      '助力红色旅游融合发展',
      '石峰区“党建+链长制”',
      '推动园区企业党建与',
      '生产经营深度融合',
      '芦淞区在服饰市场群推行',
      '“党建+商圈”治理模式',
    ]);
  });

  it('sets the end block a line after the text, not at the foot of a page the phone does not have', () => {
    const p = prepared(REPO, 2);
    const phone = phoneStyle(p.style, p.series.series);
    const layout = layoutIssue({ series: p.series, issue: p.issue, style: phone, fonts, narrow: true });
    const last = layout.pages[layout.pages.length - 1].items;
    const attribution = last.filter((i): i is TextLine => i.kind === 'text' && i.role === 'attribution').at(-1)!;
    const firstRule = Math.min(...last.filter((i): i is RuleBox => i.kind === 'rule').map((r) => r.y));
    expect(firstRule).toBeGreaterThan(attribution.baseline);
    expect(firstRule - attribution.baseline).toBeLessThan(2 * layout.geometry.linePitch);
    // In print it stays at the foot of the page (GB/T 9704 §7.4).
    const print = layoutIssue({ series: p.series, issue: p.issue, style: p.style, fonts });
    const printRules = print.pages.at(-1)!.items.filter((i): i is RuleBox => i.kind === 'rule');
    expect(Math.max(...printRules.map((r) => r.y))).toBeGreaterThan(print.geometry.top + (p.style.grid.lines - 1) * print.geometry.linePitch);
  });
});
