import { describe, expect, it } from 'vitest';
import { fillPageFeet, footGaps, paginate, type FlowLine, type Relayable, type TextLine } from '../../src/layout/index.js';

const line = (id: string): TextLine => ({
  kind: 'text',
  role: 'body',
  ink: 'text',
  baseline: 0,
  x: 0,
  width: 0,
  glyphs: [],
  cells: [{ text: id, x: 0, width: 0, loc: { file: '', line: 1, column: 1 } }],
  last: false,
  gridLine: -1,
});
const text = (id: string, keep = false): FlowLine => ({ lines: [line(id)], keep, dropAtTop: false });
const blank = (): FlowLine => ({ lines: [], keep: false, dropAtTop: true });
/** A paragraph of n lines with widow/orphan protection, as issue layout builds it. */
const para = (id: string, n: number): FlowLine[] => Array.from({ length: n }, (_, i) => text(`${id}${i}`, n >= 2 && (i === 1 || i === n - 1)));
const ids = (p: { lines: FlowLine[] }) => p.lines.map((f) => f.lines[0]?.cells[0].text ?? '_');

describe('paginate', () => {
  it('fills full pages with 22 lines and starts the first page below the masthead', () => {
    const pages = paginate(
      Array.from({ length: 16 + 22 + 5 }, (_, i) => text(`l${i}`)),
      6,
      22,
    );
    expect(pages.map((p) => p.lines.length)).toEqual([16, 22, 5]);
    expect(pages.map((p) => p.start)).toEqual([6, 0, 0]);
  });

  it('does not leave a paragraph’s first line alone at a page bottom', () => {
    // 21 single lines, then a 4-line paragraph: its first line would be alone on line 22.
    const flow = [...Array.from({ length: 21 }, (_, i) => text(`s${i}`)), ...para('p', 4)];
    const pages = paginate(flow, 0, 22);
    expect(ids(pages[0]).slice(-1)).toEqual(['s20']);
    expect(ids(pages[1])).toEqual(['p0', 'p1', 'p2', 'p3']);
  });

  it('does not leave a paragraph’s last line alone at a page top', () => {
    const flow = [...Array.from({ length: 19 }, (_, i) => text(`s${i}`)), ...para('p', 4)];
    const pages = paginate(flow, 0, 22);
    // 19 + 3 would put p3 alone on the next page: break after p1 instead.
    expect(ids(pages[0]).slice(-2)).toEqual(['p0', 'p1']);
    expect(ids(pages[1])).toEqual(['p2', 'p3']);
  });

  it('keeps a title with at least two lines of its text and drops a separator at a page top', () => {
    const title: FlowLine[] = [text('t0'), blank(), ...para('b', 5).map((f, i) => (i < 2 ? { ...f, keep: true } : f))];
    title[1] = { lines: [], keep: true, dropAtTop: false };
    const flow = [...Array.from({ length: 19 }, (_, i) => text(`s${i}`)), blank(), ...title];
    const pages = paginate(flow, 0, 22);
    expect(ids(pages[0])).toHaveLength(20); // 19 lines and the separator
    expect(ids(pages[1]).slice(0, 4)).toEqual(['t0', '_', 'b0', 'b1']);
  });

  it('breaks where it must when no allowed break fits on a page', () => {
    const flow = Array.from({ length: 30 }, (_, i) => text(`k${i}`, i > 0));
    const pages = paginate(flow, 0, 22);
    expect(pages.map((p) => p.lines.length)).toEqual([22, 8]);
  });
});

describe('page feet (issue 9)', () => {
  // A stand-in for a set line: pagination only counts them.
  const row = (): FlowLine => ({ lines: [line('r')], keep: false, dropAtTop: false });
  const para = (n: number): FlowLine[] => Array.from({ length: n }, (_, i) => ({ ...row(), keep: n >= 2 && (i === 1 || i === n - 1) }));
  // A three-line title, a blank and the two lines it keeps with: six rows that go together.
  const chain = (): FlowLine[] => [
    row(),
    { ...row(), keep: true },
    { ...row(), keep: true },
    { lines: [], keep: true, dropAtTop: false },
    { ...row(), keep: true },
    { ...row(), keep: true },
  ];

  it('sets a paragraph on a short page one line shorter so the next title fits', () => {
    const a = para(9);
    const b = para(8);
    const flow = [...a, ...b, ...chain(), ...para(10)];
    expect(paginate(flow, 0, 22)[0].lines.length).toBe(17);
    const relayable: Relayable[] = [
      { lines: a, relayout: () => undefined },
      { lines: b, relayout: (d) => (d === -1 ? para(7) : undefined) },
    ];
    const pages = fillPageFeet(flow, relayable, 0, 22);
    expect(pages[0].lines.length).toBe(22);
  });

  it('sets two paragraphs a line shorter where one alone does not make room for the next title and its blank line', () => {
    // 9 + 8 rows, then the blank before a title and the title's six rows: the page ends five
    // rows short, and one paragraph set a line shorter only leaves six.
    const a = para(9);
    const b = para(8);
    const flow = [...a, ...b, blank(), ...chain(), ...para(10)];
    expect(footGaps(paginate(flow, 0, 22), 22)).toEqual([5]);
    const relayable: Relayable[] = [
      { lines: a, relayout: (d) => (d === -1 ? para(8) : undefined) },
      { lines: b, relayout: (d) => (d === -1 ? para(7) : undefined) },
    ];
    const pages = fillPageFeet(flow, relayable, 0, 22);
    expect(footGaps(pages, 22)).toEqual([0]);
    expect(pages[1].lines.length).toBe(10);
  });

  it('pulls the lines up with a paragraph of the page before when the short page has only one to change', () => {
    // Page 1: x and the first ten lines of y; page 2: y's last four, c and d, five rows short.
    const x = para(12);
    const y = para(14);
    const c = para(6);
    const flow = [...x, ...y, ...c, ...para(7), blank(), ...chain(), ...para(10)];
    expect(footGaps(paginate(flow, 0, 22), 22).slice(0, 2)).toEqual([0, 5]);
    const relayable: Relayable[] = [
      { lines: x, relayout: (d) => (d === -1 ? para(11) : undefined) },
      { lines: c, relayout: (d) => (d === -1 ? para(5) : undefined) },
    ];
    const pages = fillPageFeet(flow, relayable, 0, 22);
    expect(footGaps(pages, 22).slice(0, 2)).toEqual([0, 0]);
    expect(pages[0].lines.slice(0, 11)).toEqual(relayable[0].lines);
    expect(relayable.map((p) => p.lines.length)).toEqual([11, 5]);
  });

  it('leaves the page short when no paragraph can change its line count without a loose line', () => {
    const a = para(9);
    const flow = [...a, ...para(8), ...chain(), ...para(10)];
    const pages = fillPageFeet(flow, [{ lines: a, relayout: () => undefined }], 0, 22);
    expect(pages[0].lines.length).toBe(17);
  });
});

describe('room for the end block', () => {
  const row = (): FlowLine => ({ lines: [line('r')], keep: false, dropAtTop: false });
  const para = (n: number): FlowLine[] => Array.from({ length: n }, (_, i) => ({ ...row(), keep: n >= 2 && (i === 1 || i === n - 1) }));
  /** Four free rows at the foot of the last page (an end block of four lines under the text). */
  const fourRows = (s: { lines: FlowLine[]; start: number }[]) => 22 - (s[s.length - 1].start + s[s.length - 1].lines.length) >= 4;
  const shorter = (lines: FlowLine[]) => (d: number) => (d === -1 ? para(lines.length - 1) : undefined);

  it('sets two paragraphs of the last page a line shorter when that makes room under the text', () => {
    // Page 1: a and b (22 rows); page 2: c and d (20 rows), two short of the four the end block
    // needs: no one paragraph set shorter frees two rows.
    const [a, b, c, d] = [para(10), para(12), para(10), para(10)];
    const relayable: Relayable[] = [a, b, c, d].map((lines) => ({ lines, relayout: shorter(lines) }));
    const flow = [...a, ...b, ...c, ...d];
    const copies = relayable.map((r) => ({ ...r }));
    const without = fillPageFeet(flow, copies, 0, 22);
    expect(fourRows(without)).toBe(false);
    const pages = fillPageFeet(flow, relayable, 0, 22, fourRows);
    expect(pages.map((p) => p.lines.length)).toEqual([22, 18]);
    expect(relayable.map((p) => p.lines.length).reduce((x, y) => x + y)).toBe(42 - 2);
  });

  it('sets one paragraph shorter when one is enough, and none when two are not', () => {
    const [a, b, c, d] = [para(10), para(12), para(10), para(9)];
    const relayable: Relayable[] = [a, b, c, d].map((lines) => ({ lines, relayout: shorter(lines) }));
    expect(fillPageFeet([...a, ...b, ...c, ...d], relayable, 0, 22, fourRows).map((p) => p.lines.length)).toEqual([22, 18]);
    expect(relayable.filter((p, i) => p.lines.length < [a, b, c, d][i].length)).toHaveLength(1);
    const [e, f, g, h] = [para(10), para(12), para(10), para(11)];
    const fixed: Relayable[] = [e, f, g, h].map((lines) => ({ lines, relayout: shorter(lines) }));
    expect(fillPageFeet([...e, ...f, ...g, ...h], fixed, 0, 22, fourRows).map((p) => p.lines.length)).toEqual([22, 21]);
    expect(fixed.map((p) => p.lines.length)).toEqual([10, 12, 10, 11]);
  });
});
