import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listIssueDirs } from '../../src/archive/index.js';
import { buildIssue } from '../../src/build/index.js';
import { geometry, DEFAULT_STYLE } from '../../src/style/index.js';
import { prepared, REPO, STRESS } from '../helpers/archive.js';
import { contentStreams, readPdf, type PdfText } from '../helpers/pdf.js';
import { copyArchive } from '../helpers/tmp.js';

const g = geometry(DEFAULT_STYLE);

describe.each([
  { name: 'sample 2026/2', src: REPO, number: 2 },
  { name: 'stress 2026/9', src: STRESS, number: 9 },
])('PDF of $name', ({ src, number }) => {
  let pdf: Buffer;
  let read: Awaited<ReturnType<typeof readPdf>>;
  let root: string;

  beforeAll(async () => {
    root = copyArchive(src);
    const where = listIssueDirs(root).find((d) => d.number === number)!;
    const r = await buildIssue(root, where);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    pdf = readFileSync(r.output!);
    read = await readPdf(pdf);
  });

  it('embeds every font as a subset with a ToUnicode map', () => {
    const raw = pdf.toString('latin1');
    const baseFonts = [...raw.matchAll(/\/BaseFont \/([^\s/]+)/g)].map((m) => m[1]);
    expect(baseFonts.length).toBeGreaterThan(0);
    for (const f of baseFonts) expect(f).toMatch(/^[A-Z]{6}\+/);
    const type0 = raw.match(/\/Subtype \/Type0/g)!.length;
    expect(raw.match(/\/ToUnicode \d+ 0 R/g)!.length).toBe(type0);
    expect(raw.match(/\/FontFile2 \d+ 0 R/g)!.length).toBe(type0);
    expect(read.fonts.every((f) => /^[A-Z]{6}\+Noto(Serif|Sans)SC-/.test(f))).toBe(true);
  });

  it('returns every paragraph’s text, in order, from the PDF', () => {
    // Page numbers stand below the text block: leave them out of the running text.
    const text = read.pages.flat().filter((t) => t.y < g.top + g.height + 1).map((t) => t.str).join('').replace(/\s/g, '');
    const p = prepared(src, number);
    let pos = 0;
    for (const a of p.issue.articles) {
      for (const t of [a.title, ...a.blocks.map((b) => b.runs.map((r) => r.text).join(''))]) {
        const want = t.replace(/\s/g, '');
        const at = text.indexOf(want, pos);
        expect(at, want).toBeGreaterThanOrEqual(0);
        pos = at + want.length;
      }
      const attribution = `（供稿单位：${a.sources.join('、')}）`;
      expect(text.indexOf(attribution, pos)).toBeGreaterThanOrEqual(pos);
    }
  });

  it('sets body lines on the grid: flush left at the text block edge', () => {
    const byLine = new Map<string, PdfText[]>();
    for (const [i, items] of read.pages.entries())
      for (const t of items) {
        const k = `${i}:${t.y.toFixed(1)}`;
        byLine.set(k, [...(byLine.get(k) ?? []), t]);
      }
    let flush = 0;
    for (const items of byLine.values()) {
      const left = Math.min(...items.map((t) => t.x));
      if (Math.abs(left - g.left) < 0.5) flush++;
    }
    expect(flush).toBeGreaterThan(10);
    // Baselines fall in grid cells: 22 lines per page of 225 mm.
    const ys = [...new Set(read.pages[1]?.map((t) => t.y) ?? [])].filter((y) => y > g.top && y < g.top + g.height).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) {
      const steps = (ys[i] - ys[i - 1]) / g.linePitch;
      if (Math.abs(steps - Math.round(steps)) > 0.05) continue; // end block and titles differ in size
      expect(Math.abs(steps - Math.round(steps))).toBeLessThan(0.05);
    }
  });

  it('prints in CMYK: red masthead, black text on the K plate only', () => {
    const streams = contentStreams(pdf).join('\n');
    expect(streams).toMatch(/\/DeviceCMYK cs\s+0 1 1 0 scn/);
    expect(streams).toMatch(/0 0 0 1 scn/);
    expect(streams).not.toMatch(/\brg\b/);
  });

  it('carries the metadata, dated by the issue date', () => {
    const p = prepared(src, number);
    expect(read.info.Title).toBe(`株洲组织工作信息 ${p.issue.year}年第${p.issue.number}期`);
    expect(read.info.Author).toBe('中共株洲市委组织部办公室');
    expect(String(read.info.CreationDate)).toMatch(new RegExp(`^D:${p.issue.date.year}0${p.issue.date.month}`));
  });

  it('is byte-identical when built again', async () => {
    const where = listIssueDirs(root).find((d) => d.number === number)!;
    const again = await buildIssue(root, where, path.join(root, 'again.pdf'));
    expect(Buffer.compare(readFileSync(again.output!), pdf)).toBe(0);
  });
});
