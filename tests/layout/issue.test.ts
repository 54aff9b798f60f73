import { describe, expect, it } from 'vitest';
import { CLOSE_COMPRESSIBLE, OPEN_COMPRESSIBLE } from '../../src/layout/classify.js';
import { lineText, NO_END, NO_START, type TextLine } from '../../src/layout/index.js';
import { laidOut, REPO, STRESS } from '../helpers/archive.js';

// minCompressed: full lines of Chinese text in which a mark is set half-width (adjacent marks, closed up).
const cases = [
  { name: 'sample 2026/1', root: REPO, number: 1, minCompressed: 0 },
  { name: 'sample 2026/2', root: REPO, number: 2, minCompressed: 0 },
  { name: 'stress 2026/9', root: STRESS, number: 9, minCompressed: 1 },
];

const FLOW_ROLES = new Set(['body', 'note', 'heading1', 'heading2', 'heading3']);

describe.each(cases)('$name', ({ root, number, minCompressed }) => {
  const { layout, diagnostics, prepared } = laidOut(root, number);
  const pages = layout!.pages;
  const lines = pages.flatMap((p) => p.items.filter((i): i is TextLine => i.kind === 'text'));
  const flowLines = lines.filter((l) => FLOW_ROLES.has(l.role));
  const g = layout!.geometry;

  it('lays out without errors', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('puts no prohibited mark at a line start or end', () => {
    for (const l of lines.filter((x) => x.role !== 'page_number')) {
      const text = lineText(l);
      expect(NO_START.has(text[0]), `line starts with a closing mark: ${text}`).toBe(false);
      expect(NO_END.has(text[text.length - 1]), `line ends with an opening mark: ${text}`).toBe(false);
    }
  });

  it('sets every non-final line flush left and right within 0.5 pt', () => {
    for (const l of flowLines.filter((x) => !x.last)) {
      const first = l.cells[0];
      const last = l.cells[l.cells.length - 1];
      const left = g.left + (first.x - g.left < g.pitch * 1.5 ? 0 : 2 * g.pitch);
      expect(Math.abs(first.x - left), lineText(l)).toBeLessThan(0.5);
      expect(Math.abs(last.x + last.width - (g.left + g.width)), lineText(l)).toBeLessThan(0.5);
    }
  });

  it('holds exactly 28 characters on the column grid in full Chinese lines', () => {
    // Paragraphs of full-width text only (no Latin or digits, whose widths are not whole cells):
    // every line but the last holds 28 cells, each on its grid column.
    const paragraphs: TextLine[][] = [[]];
    for (const l of flowLines) {
      paragraphs[paragraphs.length - 1].push(l);
      if (l.last) paragraphs.push([]);
    }
    const pure = paragraphs.filter((p) => p.length > 1 && p.every((l) => l.cells.every((c) => !/[\x00-\x7f]/.test(c.text))));
    expect(pure.length).toBeGreaterThan(0);
    let checked = 0;
    let compressed = 0;
    for (const p of pure) {
      for (const l of p.slice(0, -1)) {
        const indent = l.cells[0].x - g.left > g.pitch ? 2 : 0;
        const narrow = l.cells.filter((c) => Math.abs(c.width - g.pitch) > 0.01);
        if (narrow.length) {
          // A line with compressed marks: only marks whose blank half may go (clreq) are narrower,
          // each by exactly half a cell (adjacent marks are always closed up, so the rest of the
          // measure is shared among the gaps, never below the grid and under 1/8 em each).
          for (const c of narrow) {
            expect(CLOSE_COMPRESSIBLE.has(c.text) || OPEN_COMPRESSIBLE.has(c.text), lineText(l)).toBe(true);
            expect(Math.abs(c.width - g.pitch / 2), lineText(l)).toBeLessThan(0.01);
          }
          expect(l.cells.length + indent - narrow.length / 2, lineText(l)).toBeLessThanOrEqual(28);
          for (let i = 1; i < l.cells.length; i++) {
            const gap = l.cells[i].x - (l.cells[i - 1].x + l.cells[i - 1].width);
            expect(gap, lineText(l)).toBeGreaterThan(-1e-6);
            expect(gap, lineText(l)).toBeLessThanOrEqual(16 / 8);
          }
          compressed++;
          continue;
        }
        if (l.cells.length + indent === 27) {
          // A character pushed out (a closing mark would otherwise start the next line): the
          // line is spread evenly, never beyond 1/8 em, and never tighter than the grid.
          const pitch = (l.cells[l.cells.length - 1].x - l.cells[0].x) / (l.cells.length - 1);
          expect(pitch - g.pitch, lineText(l)).toBeGreaterThan(0);
          expect(pitch - g.pitch, lineText(l)).toBeLessThanOrEqual(16 / 8);
          continue;
        }
        expect(l.cells.length + indent, lineText(l)).toBe(28);
        l.cells.forEach((c, i) => expect(Math.abs(c.x - (g.left + (i + indent) * g.pitch))).toBeLessThan(0.01));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1);
    expect(compressed).toBeGreaterThanOrEqual(minCompressed);
  });

  it('declares each compressed mark at its compressed width (the PDF draws it from a half-width subset)', () => {
    let n = 0;
    for (const l of lines)
      for (const c of l.cells) {
        if (!CLOSE_COMPRESSIBLE.has(c.text)) continue;
        const glyph = l.glyphs.find((x) => x.text === c.text && Math.abs(x.x - c.x) < 0.01);
        expect(glyph, lineText(l)).toBeDefined();
        if (c.width > 0.75 * glyph!.size) continue; // a full cell (a grid pitch, or an em of a smaller size)
        expect(glyph!.advance, `${c.text} in ${lineText(l)}`).toBeDefined();
        expect(glyph!.advance! * glyph!.size).toBeCloseTo(c.width, 3);
        n++;
      }
    expect(n).toBeGreaterThanOrEqual(minCompressed);
  });

  it('uses all 22 grid lines and no more', () => {
    const grid = lines.filter((l) => l.gridLine >= 0).map((l) => l.gridLine);
    expect(Math.max(...grid)).toBe(21);
    for (const l of lines.filter((x) => x.gridLine >= 0)) {
      expect(l.baseline).toBeGreaterThan(g.top + l.gridLine * g.linePitch);
      expect(l.baseline).toBeLessThan(g.top + (l.gridLine + 1) * g.linePitch);
    }
  });

  it('keeps every paragraph’s text, in order', () => {
    const body = flowLines
      .map(lineText)
      .join('')
      .replace(/\u3000/g, '');
    let pos = 0;
    for (const a of prepared.issue.articles) {
      for (const b of a.blocks) {
        const t = b.runs
          .map((r) => r.text)
          .join('')
          .replace(/[ \u3000]/g, '');
        const at = body.indexOf(t, pos);
        expect(at, t).toBeGreaterThanOrEqual(pos);
        pos = at + t.length;
      }
    }
  });

  it('numbers every page, odd pages at the right and even pages at the left', () => {
    pages.forEach((p, i) => {
      const n = p.items.find((x): x is TextLine => x.kind === 'text' && x.role === 'page_number')!;
      expect(lineText(n)).toBe(`— ${i + 1} —`);
      const inset = 14;
      if ((i + 1) % 2) expect(n.x + n.width).toBeCloseTo(g.left + g.width - inset, 0);
      else expect(n.x).toBeCloseTo(g.left + inset, 0);
      expect(n.baseline).toBeGreaterThan(g.top + g.height + 7 * (72 / 25.4));
    });
  });

  it('keeps each title with two lines of its text and each attribution with its article', () => {
    for (const p of pages) {
      const items = p.items.filter((i): i is TextLine => i.kind === 'text' && i.gridLine >= 0);
      const titles = items.filter((i) => i.role === 'title');
      for (const t of titles) {
        const after = items.filter((i) => i.gridLine > t.gridLine && FLOW_ROLES.has(i.role));
        if (t === titles[titles.length - 1]) expect(after.length).toBeGreaterThanOrEqual(2);
      }
      const firstFlow = items.filter((i) => i.role !== 'end_block').sort((a, b) => a.gridLine - b.gridLine)[0];
      if (firstFlow) expect(firstFlow.role).not.toBe('attribution');
    }
  });

  it('leaves no page three or more rows short at its foot when more text follows (issue 9: page feet)', () => {
    const used = pages.map((p) => {
      const rows = p.items.filter((i): i is TextLine => i.kind === 'text' && i.gridLine >= 0 && i.role !== 'end_block').map((l) => l.gridLine);
      return rows.length ? Math.max(...rows) + 1 : 0;
    });
    let lastText = used.length - 1;
    while (lastText > 0 && !used[lastText]) lastText--;
    const short = used.slice(0, lastText).flatMap((u, i) => (22 - u >= 3 ? [`page ${i + 1}: ${22 - u} rows`] : []));
    expect(short).toEqual([]);
  });

  it('puts the end block at the bottom of the last page', () => {
    const last = pages[pages.length - 1];
    const eb = last.items.filter((i): i is TextLine => i.kind === 'text' && i.role === 'end_block');
    expect(eb.length).toBeGreaterThan(0);
    expect(Math.max(...eb.map((l) => l.gridLine))).toBe(21);
    const rules = last.items.filter((i) => i.kind === 'rule');
    expect(Math.max(...rules.map((r) => (r.kind === 'rule' ? r.y : 0)))).toBeCloseTo(g.top + g.height, 3);
  });
});
