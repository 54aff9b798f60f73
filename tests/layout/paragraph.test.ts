import { describe, expect, it } from 'vitest';
import { layoutParagraph, lineText, NO_END, NO_START, type TextLine } from '../../src/layout/index.js';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { DEFAULT_STYLE, geometry } from '../../src/style/index.js';
import { pinnedFonts } from '../helpers/fonts.js';

const fonts = pinnedFonts();
const g = geometry(DEFAULT_STYLE);
const loc = { file: 'a.md', line: 5, column: 1 };

function body(text: string, diagnostics: Diagnostic[] = []): TextLine[] {
  return layoutParagraph(
    [{ text, role: 'body', loc }],
    { fonts, size: 16, cell: g.pitch, x: g.left, width: g.width, indent: 2, align: 'justify', role: 'body' },
    diagnostics,
  );
}

const right = g.left + g.width;
const HAN = '组织工作信息株洲市委部办公室天元区加强干部队伍建设添信心基层党建引领网格化治理推动城市提质增效';
const han = (n: number, offset = 0) => Array.from({ length: n }, (_, i) => HAN[(i + offset) % HAN.length]).join('');

function expectFlush(lines: TextLine[]) {
  for (const l of lines.slice(0, -1)) {
    const last = l.cells[l.cells.length - 1];
    expect(Math.abs(last.x + last.width - right), `right edge of “${lineText(l)}”`).toBeLessThan(0.5);
  }
}

describe('grid', () => {
  it('sets a plain Chinese paragraph 26 + 28 + … characters on the 28-column grid', () => {
    const lines = body(han(26 + 28 + 28 + 10));
    expect(lines.map((l) => l.cells.length)).toEqual([26, 28, 28, 10]);
    lines[1].cells.forEach((c, i) => expect(c.x).toBeCloseTo(g.left + i * g.pitch, 2));
    // First-line indent: two cells.
    lines[0].cells.forEach((c, i) => expect(c.x).toBeCloseTo(g.left + (i + 2) * g.pitch, 2));
    expect(g.pitch).toBeCloseTo((156 * 72) / 25.4 / 28, 3);
    expectFlush(lines);
    expect(lines[3].last).toBe(true);
  });
});

describe('line breaking around prohibited marks', () => {
  for (const mark of [...'，。、；：？！）》”']) {
    it(`never starts a line with ${mark}`, () => {
      // The mark falls exactly at column 29 of the first line.
      const text = `${han(26)}${mark}${han(40, 3)}。`;
      const lines = body(text);
      for (const l of lines) expect(NO_START.has(l.cells[0].text[0]), lineText(l)).toBe(false);
      expect(lines.map(lineText).join('')).toBe(text);
      expectFlush(lines);
    });
  }
  for (const mark of [...'（《“']) {
    it(`never ends a line with ${mark}`, () => {
      const close = { '（': '）', '《': '》', '“': '”' }[mark]!;
      const text = `${han(25)}${mark}${han(4, 7)}${close}${han(40, 9)}。`;
      const lines = body(text);
      for (const l of lines) expect(NO_END.has(l.cells[l.cells.length - 1].text.slice(-1)), lineText(l)).toBe(false);
      expectFlush(lines);
    });
  }

  it('pushes a comma at column 29 into the line by compressing it, rather than pushing a character out', () => {
    const text = `${han(12)}，${han(13, 2)}，${han(30, 5)}。`;
    const lines = body(text);
    // 2 (indent) + 12 + 1 + 13 = 28 cells; the second comma is the 29th and stays on line 1.
    expect(lineText(lines[0])).toBe(`${han(12)}，${han(13, 2)}，`);
    const last = lines[0].cells[lines[0].cells.length - 1];
    expect(last.width).toBeCloseTo(g.pitch / 2, 2);
    // …and declared half-width, so the PDF draws it from the half-width subset (no overlapping glyphs).
    const comma = lines[0].glyphs[lines[0].glyphs.length - 1];
    expect(comma.text).toBe('，');
    expect(comma.advance).toBeDefined();
    expect(comma.advance! * comma.size).toBeCloseTo(g.pitch / 2, 2);
    expectFlush(lines);
  });

  it('keeps —— and …… whole and never splits a Latin or digit run', () => {
    const text = `${han(20)}——${han(5)}GDP增长12.5%，代码91430200MA4L123456，“3+X+6+10”……${han(30, 4)}。`;
    const lines = body(text);
    const cells = lines.flatMap((l) => l.cells.map((c) => c.text));
    expect(cells).toContain('——');
    expect(cells).toContain('……');
    expect(cells).toContain('91430200MA4L123456');
    expect(cells).toContain('3+X+6+10');
    expect(cells).toContain('12.5%');
    for (const l of lines) {
      expect(lineText(l).endsWith('—') && !lineText(l).endsWith('——')).toBe(false);
    }
    expectFlush(lines);
  });

  it('compresses adjacent marks such as 。” to 1.5 em when that avoids pushing out', () => {
    const text = `${han(24)}。”${han(2)}“${han(30, 3)}。`;
    const lines = body(text);
    expect(lines.map(lineText).join('')).toBe(text);
    for (const l of lines) expect(NO_START.has(l.cells[0].text[0])).toBe(false);
    expectFlush(lines);
  });
});

describe('justification', () => {
  it('stretches no gap beyond 1/8 em where a Latin run forces uneven lines', () => {
    const text = `今年以来，全区推进5G基站建设，累计开通APP服务事项1200余项，群众满意率达到98.6%以上，${han(60)}。`;
    const lines = body(text);
    expectFlush(lines);
    for (const l of lines.slice(0, -1)) {
      for (let i = 1; i < l.cells.length; i++) {
        const gap = l.cells[i].x - (l.cells[i - 1].x + l.cells[i - 1].width);
        expect(gap).toBeLessThanOrEqual(16 / 8 + 1e-6);
      }
    }
  });

  it('gives a paragraph’s last line at least two characters (孤字)', () => {
    for (let extra = 0; extra < 4; extra++) {
      const lines = body(`${han(26 + 28 + extra)}。`);
      const last = lines[lines.length - 1];
      const letters = [...lineText(last)].filter((ch) => /\p{L}/u.test(ch)).length;
      expect(letters, lineText(last)).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('fonts', () => {
  it('falls back per character to a face that has it (𰻝 is not in Noto Serif SC)', () => {
    const diagnostics: Diagnostic[] = [];
    const lines = body('长者食堂供应𰻝𰻝面。', diagnostics);
    expect(diagnostics).toEqual([]);
    const biang = lines[0].glyphs.find((gl) => gl.text === '𰻝')!;
    expect(biang.face).not.toBe(fonts.forRole('body'));
    expect(biang.face.has(0x30edd)).toBe(true);
  });

  it('reports a character no font has, at its file, line and column', () => {
    const diagnostics: Diagnostic[] = [];
    body('退休党员高𠮷平同志', diagnostics);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ rule: 'font/missing-glyph', severity: 'error', loc: { file: 'a.md', line: 5, column: 6 } });
  });
});
