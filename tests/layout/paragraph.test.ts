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

  it('pushes a comma at column 28.5 into the line by compressing it, rather than pushing a character out', () => {
    // 2 (indent) + 10 + 。” (closed up to 1.5) + 14 = 27.5 cells; the comma would end at 28.5.
    const text = `${han(10)}。”${han(14, 2)}，${han(30, 5)}。`;
    const lines = body(text);
    expect(lineText(lines[0])).toBe(`${han(10)}。”${han(14, 2)}，`);
    const last = lines[0].cells[lines[0].cells.length - 1];
    expect(last.width).toBeCloseTo(g.pitch / 2, 2);
    // …and declared half-width, so the PDF draws it from the half-width subset (no overlapping glyphs).
    const comma = lines[0].glyphs[lines[0].glyphs.length - 1];
    expect(comma.text).toBe('，');
    expect(comma.advance).toBeDefined();
    expect(comma.advance! * comma.size).toBeCloseTo(g.pitch / 2, 2);
    expectFlush(lines);
  });

  it('pushes a character out rather than set the line tighter than the grid when a comma falls at column 29', () => {
    const text = `${han(12)}，${han(13, 2)}，${han(30, 5)}。`;
    const lines = body(text);
    expect(lines.map(lineText).join('')).toBe(text);
    for (const l of lines) expect(NO_START.has(l.cells[0].text[0])).toBe(false);
    // The comma inside the line keeps its full cell.
    expect(lines[0].cells.find((c) => c.text === '，')!.width).toBeCloseTo(g.pitch, 2);
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

  it('compresses the mark ending a paragraph’s last line that overflows by up to its blank half, rather than take another line', () => {
    // The last lines hold 27 cells and ”。 closed up to 1.5 (half a cell over), and 26 cells, 10 and
    // 。 (10 is a little wider than a cell): each fits with its final 。 set half-width.
    for (const text of [`${han(26)}${han(27, 3)}”。`, `${han(26)}${han(26, 3)}10。`]) {
      const lines = body(text);
      expect(lines.map(lineText), text).toEqual([han(26), text.slice(26)]);
      const last = lines[1];
      const stop = last.cells[last.cells.length - 1];
      expect(stop.text).toBe('。');
      expect(stop.width).toBeCloseTo(g.pitch / 2, 2);
      expect(stop.x + stop.width).toBeLessThanOrEqual(right + 1e-6);
      expectFlush(lines);
      for (const l of lines) for (const p of pitches(l)) expect(p, lineText(l)).toBeGreaterThanOrEqual(g.pitch - 1e-6);
    }
  });

  it('pushes the line-end comma of a ragged line (a recipient list) in, as in a justified one', () => {
    // “ + 26 cells + ”， closed up to 1.5: half a cell over the measure until the comma is pushed in.
    const text = `“${han(26)}”，${han(10, 4)}。`;
    const lines = layoutParagraph(
      [{ text, role: 'end_block', loc }],
      { fonts, size: 16, cell: g.pitch, x: g.left, width: g.width, indent: 0, align: 'left', role: 'end_block' },
      [],
    );
    expect(lines.map(lineText)).toEqual([`“${han(26)}”，`, `${han(10, 4)}。`]);
    const comma = lines[0].cells[lines[0].cells.length - 1];
    expect(comma.width).toBeCloseTo(g.pitch / 2, 2);
    expect(comma.x + comma.width).toBeLessThanOrEqual(right + 1e-6);
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

const HAN_RE = /\p{Script=Han}/u;

/** Distances between the left edges of consecutive ideographs of a line (the character pitch). */
function pitches(l: TextLine): number[] {
  const out: number[] = [];
  for (let i = 1; i < l.cells.length; i++) {
    const a = l.cells[i - 1];
    const b = l.cells[i];
    if (HAN_RE.test(a.text) && HAN_RE.test(b.text) && [...a.text].length === 1) out.push(b.x - a.x);
  }
  return out;
}

describe('issue 9: proof-reader’s marks', () => {
  it('never sets ideographs closer than the grid pitch, even where a Latin run leaves a fraction of a cell', () => {
    const texts = [
      `今年以来，全区推进5G基站建设，累计开通APP服务事项1200余项，群众满意率达到98.6%以上，${han(60)}。`,
      `${han(20)}统一社会信用代码91430200MA4L123456${han(40, 3)}，热线0731-28888888${han(30, 5)}。`,
      `${han(26)}。${han(27, 2)}，${han(28, 4)}。`,
    ];
    for (const t of texts) {
      const lines = body(t);
      expectFlush(lines);
      for (const l of lines) for (const p of pitches(l)) expect(p, lineText(l)).toBeGreaterThanOrEqual(g.pitch - 1e-6);
    }
  });

  it('closes up adjacent marks to 1.5 em wherever the pair falls, line end or not', () => {
    const widths = new Map<string, Set<string>>();
    for (let shift = 0; shift < 30; shift++) {
      const text = `${han(shift)}他说：“${han(5, 3)}。”${han(7, 9)}“${han(3)}”“${han(4, 2)}”（${han(3, 5)}）、《${han(4, 8)}》，${han(30, 1)}。`;
      for (const l of body(text)) {
        l.cells.forEach((c, i) => {
          const next = l.cells[i + 1];
          if (!next || !/^[“”‘’（）《》：。，、]$/.test(c.text) || !/^[“”‘’（）《》：。，、]$/.test(next.text)) return;
          const pair = c.text + next.text;
          if (!widths.has(pair)) widths.set(pair, new Set());
          widths.get(pair)!.add((next.x - c.x).toFixed(2));
        });
      }
    }
    expect([...widths.keys()].sort()).toEqual(['。”', '”“', '”（', '）、', '》，', '：“', '、《'].sort());
    for (const [pair, w] of widths) {
      // One width per pair: half a cell (plus the line's own tracking, at most 1/8 em).
      const values = [...w].map(Number);
      expect(Math.max(...values) - Math.min(...values), pair).toBeLessThanOrEqual(16 / 8);
      expect(Math.min(...values), pair).toBeCloseTo(g.pitch / 2, 1);
    }
  });

  it('keeps the blank half of a closing mark before —— (a dash is ink across its two ems, with no blank half to share)', () => {
    // clreq §3.1.6 closes up the blank halves of adjacent marks; —— has none, so ”—— stays 1 em + 2 em
    // while ”。 in the same line is closed up to 1.5 em.
    const [line] = body(`“${han(4)}”——${han(6)}“${han(2)}”。`);
    const at = (text: string, from = 0) => line.cells.findIndex((c, i) => i >= from && c.text === text);
    const quote = at('”');
    const dash = line.cells[quote + 1];
    expect(dash.text).toBe('——');
    expect(line.cells[quote].width).toBeCloseTo(g.pitch, 2);
    expect(dash.x - line.cells[quote].x).toBeCloseTo(g.pitch, 2);
    expect(dash.width).toBeCloseTo(2 * g.pitch, 2);
    const second = at('”', quote + 1);
    expect(line.cells[second + 1].x - line.cells[second].x).toBeCloseTo(g.pitch / 2, 2);
  });

  it('sets half-width , : ; ( ) ? ! between Chinese characters full-width, where check would propose it', () => {
    const lines = body('去年以来,天元区(试点)推进改革;要求:早谋划?抓落实!全年完成1,000项,会议10:30开始,网址http://a.cn/x。');
    const text = lines.map(lineText).join('');
    expect(text).toBe('去年以来，天元区（试点）推进改革；要求：早谋划？抓落实！全年完成1,000项，会议10:30开始，网址http://a.cn/x。');
    // A full-width mark takes a full cell on the grid.
    const comma = lines.flatMap((l) => l.cells).find((c) => c.text === '，')!;
    expect(comma.width).toBeCloseTo(g.pitch, 2);
  });

  it('drops the blank typed after a half-width comma set full-width (“去年以来, 天元区”)', () => {
    const lines = body('去年以来, 天元区推进改革。');
    expect(lines.map(lineText).join('')).toBe('去年以来，天元区推进改革。');
  });

  it('keeps a number with its unit unless every other break is nearly loose', () => {
    // Over 28 positions of each in the line: a short number never parts from its unit; a long one
    // at most once, where the alternative (截至 | 2025年底) stretches its line to the brink of 1/8 em.
    const splits = (pattern: string) => {
      let n = 0;
      for (let shift = 0; shift < 28; shift++) {
        const lines = body(`${han(shift)}${pattern}${han(60, 3)}。`);
        expectFlush(lines);
        for (let i = 0; i + 1 < lines.length; i++) if (/[0-9]$/.test(lineText(lines[i]))) n++;
      }
      return n;
    };
    expect(splits('共3人')).toBe(0);
    expect(splits('第12期')).toBe(0);
    for (const p of ['截至2025年底', '共有5126人参加', '平均年龄52.3岁，', '每个20-40万元']) expect(splits(p), p).toBeLessThanOrEqual(1);
  });

  it('breaks a URL or an e-mail address after . / - _ @ rather than stretching the line before it', () => {
    for (let shift = 0; shift < 28; shift += 3) {
      const lines = body(`${han(shift)}党员登录www.tyqdj.gov.cn网站，或发送邮件至tyqzzb_dj@163.com反馈，${han(40, 2)}。`);
      expectFlush(lines);
      for (const l of lines.slice(0, -1)) {
        for (let i = 1; i < l.cells.length; i++) {
          const gap = l.cells[i].x - (l.cells[i - 1].x + l.cells[i - 1].width);
          expect(gap, lineText(l)).toBeLessThanOrEqual(16 / 8 + 1e-6);
        }
      }
    }
  });

  it('compresses a comma and a stop inside the line rather than stretch it past 1/8 em before an https:// that does not fit', () => {
    // The stress issue: 23 cells after the indent leave 47.4 pt, and https:// (a piece no break
    // may enter) is 56.6 pt wide. Without compressing 。 and ， the line is loose (2.15 pt a gap).
    const text = '坚持统一入口，打通数据壁垒。平台统一访问地址为https://www.example.gov.cn/zzb/2026/notice.html，同步开发“天元智慧党建”APP和微信小程序。';
    const lines = body(text);
    expect(lines.map(lineText).join('')).toBe(text);
    expectFlush(lines);
    expect(lineText(lines[0])).toBe('坚持统一入口，打通数据壁垒。平台统一访问地址为https://');
    for (const l of lines.slice(0, -1)) for (const p of pitches(l)) expect(p - g.pitch, lineText(l)).toBeLessThanOrEqual(16 / 8 + 1e-6);
    // Only the marks of that line are set half-width, and declared so for the PDF.
    const half = lines.flatMap((l, i) => l.cells.filter((c) => c.width < g.pitch - 0.01 && /^[，。]$/.test(c.text)).map((c) => `${i}${c.text}`));
    expect(half).toEqual(['0，', '0。']);
    expect(lines[0].glyphs.filter((gl) => gl.text === '，' || gl.text === '。').every((gl) => gl.advance! * gl.size < g.pitch)).toBe(true);
  });
});

describe('a phone measure (19 cells): a Latin run that fills a quarter of the line', () => {
  // The phone image sets body text 19 cells wide at the body size (src/editions/image).
  const phone = (text: string) =>
    layoutParagraph([{ text, role: 'body', loc }], { fonts, size: 16, cell: 16, x: 0, width: 19 * 16, indent: 2, align: 'justify', role: 'body' }, []);
  const maxGap = (l: TextLine) => Math.max(0, ...l.cells.slice(1).map((c, i) => c.x - (l.cells[i].x + l.cells[i].width)));

  it('breaks “3+X+6+10” after a + only where every other breaking leaves a line stretched past 1/8 em', () => {
    // The stress issue's paragraph: 在阵地建设方面，全区构建 alone on the first line was 0.46 em a gap.
    const text = '在阵地建设方面，全区构建“3+X+6+10”服务体系：“3”——区、街道（镇）、村（社区）三级党群服务中心。';
    const lines = phone(text);
    expect(lines.map(lineText).join('')).toBe(text);
    expect(lineText(lines[0])).toMatch(/^在阵地建设方面，全区构建“3\+X\+(6\+)?$/);
    for (const l of lines.slice(0, -1)) expect(maxGap(l), lineText(l)).toBeLessThanOrEqual(16 / 8 + 1e-6);
    // Over every position of the run in the line, it splits only where it must (the run would end
    // past the first line and 全区构建 before it would be left loose), always after a +.
    let splits = 0;
    for (let shift = 0; shift < 19; shift++) {
      const t = `${han(shift)}全区构建“3+X+6+10”服务体系：${han(40, 3)}。`;
      const ls = phone(t);
      expect(ls.map(lineText).join('')).toBe(t);
      for (const l of ls.slice(0, -1)) {
        expect(maxGap(l), lineText(l)).toBeLessThanOrEqual(16 / 8 + 1e-6);
        const s = lineText(l);
        if (/[0-9A-Z+]$/.test(s)) {
          splits++;
          expect(s.endsWith('+'), s).toBe(true);
        }
      }
    }
    expect(splits).toBeGreaterThan(0);
    expect(splits).toBeLessThanOrEqual(4);
  });

  it('keeps a short run, a phone number and a decimal whole even at the price of a loose line', () => {
    // PDCA (2.7 em) is under a fifth of the line; 0731-2888 and 52.3 never break between digits.
    for (const run of ['PDCA', '0731-28888888', '12345.67890123']) {
      const lines = phone(`在考核评价方面，区委组织部引入${run}循环管理理念，按照计划、执行、检查、改进四个环节实行闭环管理。`);
      expect(
        lines.some((l) => lineText(l).includes(run)),
        run,
      ).toBe(true);
    }
  });
});

describe('issue 9: …… and ——', () => {
  it('sets …… as six evenly spaced dots over two cells, centred on the em box, even where the font’s ellipsis sits low with a gap', () => {
    // A face whose … is drawn like FandolFang's: ink 0.169–0.831 em wide, 0.248–0.352 em high.
    const base = fonts.forRole('body');
    const lowEllipsis = Object.create(base, { inkBox: { value: (cp: number) => (cp === 0x2026 ? [0.169, 0.248, 0.831, 0.352] : base.inkBox(cp)) } });
    const book = { ...fonts, forRole: () => lowEllipsis, faceFor: () => lowEllipsis, fallbacks: () => [] };
    const [line] = layoutParagraph(
      [{ text: '每天早上准时开门……他说', role: 'body', loc }],
      { fonts: book, size: 16, cell: g.pitch, x: g.left, width: g.width, indent: 2, align: 'justify', role: 'body' },
      [],
    );
    const cell = line.cells.find((c) => c.text === '……')!;
    const dots = line.glyphs.filter((gl) => gl.text === '…').flatMap((gl) => [0, 1, 2].map((k) => gl.x + (0.169 + 0.052 + k * 0.279) * 16 * gl.scaleX));
    expect(dots).toHaveLength(6);
    for (let k = 0; k < 6; k++) expect(dots[k]).toBeCloseTo(cell.x + ((2 * k + 1) * cell.width) / 12, 1);
    for (const gl of line.glyphs.filter((x) => x.text === '…')) expect(gl.rise! + 0.3 * 16).toBeCloseTo(0.38 * 16, 2);
  });

  it('draws —— as one rule across both cells', () => {
    const [line] = body('精力分散——这些都需要解决');
    const cell = line.cells.find((c) => c.text === '——')!;
    const dashes = line.glyphs.filter((gl) => gl.text === '—');
    const face = dashes[0].face;
    const [l, r] = face.ink(0x2014);
    const inks = dashes.map((d) => [d.x + l * d.size * d.scaleX, d.x + r * d.size * d.scaleX]);
    expect(inks[0][0]).toBeCloseTo(cell.x, 1);
    expect(inks[1][0]).toBeCloseTo(inks[0][1], 1);
    expect(inks[1][1]).toBeCloseTo(cell.x + cell.width, 1);
  });
});

describe('issue 9: looseness for page feet', () => {
  const opts = { fonts, size: 16, cell: g.pitch, x: g.left, width: g.width, indent: 2, align: 'justify' as const, role: 'body' as const };
  it('sets a paragraph one line longer without a loose line when its last line is nearly full', () => {
    const text = `${han(26)}，${han(27, 3)}。${han(25, 5)}。`;
    const best = layoutParagraph([{ text, role: 'body', loc }], opts, []);
    const longer = layoutParagraph([{ text, role: 'body', loc }], opts, [], 1)!;
    expect(longer.length).toBe(best.length + 1);
    expect(longer.map(lineText).join('')).toBe(text);
    expectFlush(longer);
    for (const l of longer.slice(0, -1)) for (const p of pitches(l)) expect(p - g.pitch, lineText(l)).toBeLessThanOrEqual(16 / 8);
    expect([...lineText(longer[longer.length - 1])].filter((c) => HAN_RE.test(c)).length).toBeGreaterThanOrEqual(2);
  });

  it('sets a paragraph one line shorter by compressing commas inside its lines where line-end marks are not enough', () => {
    // A comma every fifth cell, 84 cells: 26 + 28 + 28 and a last line of two. Three lines take
    // two cells back, which only commas inside the lines give (at most three to a line).
    const text = `${Array.from({ length: 16 }, (_, i) => `${han(4, i)}，`).join('')}${han(3, 7)}。`;
    const best = layoutParagraph([{ text, role: 'body', loc }], opts, []);
    expect(best.length).toBe(4);
    // The best setting keeps every comma inside a line at its full cell.
    for (const l of best) for (const c of l.cells.slice(0, -1)) if (c.text === '，') expect(c.width).toBeCloseTo(g.pitch, 2);
    const shorter = layoutParagraph([{ text, role: 'body', loc }], opts, [], -1)!;
    expect(shorter).toBeDefined();
    expect(shorter.length).toBe(3);
    expect(shorter.map(lineText).join('')).toBe(text);
    expectFlush(shorter);
    for (const l of shorter) {
      for (const p of pitches(l)) expect(p, lineText(l)).toBeGreaterThanOrEqual(g.pitch - 1e-6);
      for (const p of pitches(l)) expect(p - g.pitch, lineText(l)).toBeLessThanOrEqual(16 / 8 + 1e-6);
      const inside = l.cells.slice(0, -1).filter((c) => c.text === '，' && c.width < g.pitch - 0.01);
      expect(inside.length, lineText(l)).toBeLessThanOrEqual(3);
    }
  });

  it('refuses a line count that needs a loose or a squeezed line', () => {
    const text = `${han(26)}${han(28, 3)}${han(3, 5)}。`;
    expect(layoutParagraph([{ text, role: 'body', loc }], opts, [], -1)).toBeUndefined();
    expect(layoutParagraph([{ text, role: 'body', loc }], opts, [], 1)).toBeUndefined();
  });
});

describe('issue 9: names separated by U+3000', () => {
  it('drops an ideographic space that falls at a line end, so the line stays flush', () => {
    for (let shift = 20; shift < 28; shift++) {
      const lines = body(`${han(shift)}成员王建国　李卫东　周晓燕　欧阳志刚　谭小红等同志分别带队，${han(30, 4)}。`);
      expectFlush(lines);
      for (const l of lines) expect(lineText(l).endsWith('\u3000') || lineText(l).startsWith('\u3000'), lineText(l)).toBe(false);
      for (const l of lines) for (const c of l.cells.filter((x) => x.text === '\u3000')) expect(c.width).toBeGreaterThanOrEqual(g.pitch - 1e-6);
    }
  });
});
