import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listIssueDirs } from '../../src/archive/index.js';
import { buildIssue, layoutPrepared } from '../../src/pipeline/index.js';
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

  it('writes each font program deflated, as a font that opens with the glyphs the pages draw', async () => {
    // The subsets are written by our lazy subsetter (src/fonts/lazy.ts copies glyph outlines
    // without decoding them): each must inflate to a font that a font reader opens.
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    let programs = 0;
    for (const [, obj] of doc.context.enumerateIndirectObjects()) {
      if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
      const stream = doc.context.lookup(obj.get(PDFName.of('FontFile2'))) as PDFRawStream;
      expect(stream.dict.get(PDFName.of('Filter'))).toBe(PDFName.of('FlateDecode'));
      const font = fontkit.create(inflateSync(stream.contents)) as fontkit.Font;
      // A subset keeps .notdef and the glyphs drawn: more than one, each with an outline or advance.
      expect(font.numGlyphs).toBeGreaterThan(1);
      expect(font.getGlyph(font.numGlyphs - 1).advanceWidth).toBeGreaterThan(0);
      programs++;
    }
    expect(programs).toBe(pdf.toString('latin1').match(/\/FontFile2 \d+ 0 R/g)!.length);
  });

  it('returns every paragraph’s text, in order, from the PDF', () => {
    // Page numbers stand below the text block: leave them out of the running text.
    const text = read.pages
      .flat()
      .filter((t) => t.y < g.top + g.height + 1)
      .map((t) => t.str)
      .join('')
      .replace(/\s/g, '');
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
    // Baselines fall on the grid: every flush-left line (body, headings, end block) of every page
    // sits at the same height within its grid cell, whichever of the 22 cells it is in.
    const offsets: number[] = [];
    for (const items of byLine.values()) {
      const left = Math.min(...items.map((t) => t.x));
      const y = items[0].y;
      if (Math.abs(left - g.left) > 0.5 || y < g.top || y > g.top + g.height) continue;
      offsets.push((y - g.top) % g.linePitch);
    }
    expect(offsets.length).toBeGreaterThan(10);
    for (const o of offsets) expect(Math.abs(o - offsets[0])).toBeLessThan(0.05);
  });

  it('draws each compressed mark from a subset that declares it at its compressed width', () => {
    // The layout's compressed marks, and their widths in thousandths of an em.
    const { layout } = layoutPrepared(root, prepared(root, number));
    const declared = new Set<number>();
    for (const p of layout!.pages)
      for (const item of p.items)
        if (item.kind === 'text') for (const gl of item.glyphs) if (gl.advance !== undefined) declared.add(Math.round(gl.advance * 1000));
    // Widths of the PDF's CID fonts, by font (the first entry, glyph 0, is .notdef).
    const subsets = [...pdf.toString('latin1').matchAll(/\/W \[0 \[([\d. ]+)\]\]/g)].map((m) =>
      m[1]
        .trim()
        .split(/\s+/)
        .slice(1)
        .map((w) => Math.round(Number(w))),
    );
    const narrow = subsets.filter((ws) => ws.length && ws.every((w) => w < 1000));
    // Both issues set some full lines with a comma squeezed in at the end.
    expect(declared.size).toBeGreaterThan(0);
    expect(narrow.length).toBeGreaterThan(0);
    expect(new Set(narrow.flat())).toEqual(declared);
    for (const w of declared) expect(w).toBeLessThan(600);
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
    const { year, month, day } = p.issue.date;
    expect(String(read.info.CreationDate)).toMatch(new RegExp(`^D:${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`));
  });

  it('is byte-identical when built again', async () => {
    const where = listIssueDirs(root).find((d) => d.number === number)!;
    const again = await buildIssue(root, where, path.join(root, 'again.pdf'));
    expect(Buffer.compare(readFileSync(again.output!), pdf)).toBe(0);
  });
});
