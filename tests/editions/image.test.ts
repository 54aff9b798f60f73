/** bulletin image: 1080 px slices under 1 MB, cut between lines, numbered in reading order. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_WIDTH, MAX_SLICE_BYTES, phoneStyle, renderSlices } from '../../src/editions/image/index.js';
import { layoutIssue } from '../../src/layout/index.js';
import { loadFontBook, resolveFonts } from '../../src/fonts/index.js';
import { cli, makeArchive, removeArchive } from '../batch/archive.js';
import { prepared } from '../helpers/archive.js';
import { pinnedFonts } from '../helpers/fonts.js';
import { DEFAULT_STYLE, MM } from '../../src/style/index.js';

interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

async function pixels(png: Buffer): Promise<Pixels> {
  const img = await loadImage(png);
  const c = createCanvas(img.width, img.height);
  const ctx = c.getContext('2d');
  ctx.drawImage(img, 0, 0);
  return { width: img.width, height: img.height, data: ctx.getImageData(0, 0, img.width, img.height).data };
}

/** Pixels of a row darker than near-white. */
function inkInRow(p: Pixels, y: number): number {
  let n = 0;
  for (let x = 0; x < p.width; x++) {
    const i = (y * p.width + x) * 4;
    if (p.data[i] < 200 || p.data[i + 1] < 200 || p.data[i + 2] < 200) n++;
  }
  return n;
}

/** Pixels of a row that are black (text ink, not the red masthead). */
function blackInRow(p: Pixels, y: number): number {
  let n = 0;
  for (let x = 0; x < p.width; x++) {
    const i = (y * p.width + x) * 4;
    if (p.data[i] < 100 && p.data[i + 1] < 100 && p.data[i + 2] < 100) n++;
  }
  return n;
}

function redPixels(p: Pixels): number {
  let n = 0;
  for (let i = 0; i < p.data.length; i += 4) if (p.data[i] > 180 && p.data[i + 1] < 80 && p.data[i + 2] < 80) n++;
  return n;
}

describe('bulletin image', () => {
  let root: string;
  beforeAll(() => {
    root = makeArchive([
      { year: 2026, number: 1, from: 1 },
      { year: 2026, number: 2, from: 2 },
    ]);
  });
  afterAll(() => removeArchive(root));

  it('writes numbered PNG slices 1080 px wide, each under 1 MB, in reading order', async () => {
    const r = await cli(['image', '2'], root);
    expect(r.code).toBe(0);
    const dir = path.join(root, 'dist/image/2026-2');
    const names = readdirSync(dir).sort();
    expect(names.length).toBeGreaterThan(4);
    expect(names).toEqual(names.map((_, i) => `2026-2-${String(i + 1).padStart(2, '0')}.png`));
    expect(r.out).toContain(`${names.length} slice(s), 1080 px wide`);
    const slices = names.map((n) => readFileSync(path.join(dir, n)));
    const decoded = await Promise.all(slices.map(pixels));
    for (const [i, s] of slices.entries()) {
      expect(s.length, names[i]).toBeLessThan(MAX_SLICE_BYTES);
      expect(decoded[i].width).toBe(IMAGE_WIDTH);
      // Cut between lines: the first and last rows of every slice carry no ink.
      expect(inkInRow(decoded[i], 0), names[i]).toBe(0);
      expect(inkInRow(decoded[i], decoded[i].height - 1), names[i]).toBe(0);
    }
    // The masthead (red) opens the first slice only; the end block's rules close the last.
    expect(redPixels(decoded[0])).toBeGreaterThan(10_000);
    for (const d of decoded.slice(1)) expect(redPixels(d)).toBe(0);
    const last = decoded[decoded.length - 1];
    const fullRules = (p: Pixels) => Array.from({ length: p.height }, (_, y) => blackInRow(p, y)).filter((n) => n > p.width * 0.8).length;
    expect(fullRules(last)).toBeGreaterThan(0);
    for (const d of decoded.slice(0, -1)) expect(fullRules(d)).toBe(0);
    // The files are the slices the renderer makes for this issue, in the same order.
    const p = prepared(root, 2);
    const phone = phoneStyle(p.style, p.series.series);
    const layout = layoutIssue({ series: p.series, issue: p.issue, style: phone, fonts: loadFontBook(resolveFonts(root, p.series.fonts)), narrow: true });
    const again = await renderSlices(layout, phone);
    expect(again.map((s) => s.png.equals(slices[again.indexOf(s)]))).toEqual(again.map(() => true));
  }, 120_000);

  it('sets about 19 characters a line, and cuts an oversized slice again between two lines', async () => {
    const p = prepared(root, 1);
    const phone = phoneStyle(p.style, p.series.series);
    const layout = layoutIssue({ series: p.series, issue: p.issue, style: phone, fonts: loadFontBook(resolveFonts(root, p.series.fonts)), narrow: true });
    expect(layout.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // At this narrow measure the masthead still keeps the office clear of the date, both above the red rule.
    const texts = layout.pages[0].items.filter((it) => it.kind === 'text' && it.gridLine < 0) as {
      x: number;
      width: number;
      baseline: number;
      cells: { text: string }[];
    }[];
    const office = texts.filter((l) => l.cells.length > 1 && '中共株洲市委组织部办公室'.includes(l.cells.map((c) => c.text).join('')));
    const date = texts.find((l) => l.cells.map((c) => c.text).join('') === '2026年1月5日');
    expect(office.map((l) => l.cells.map((c) => c.text).join('')).join('')).toBe('中共株洲市委组织部办公室');
    if (!date) throw new Error('no date line in the masthead');
    for (const l of office) if (Math.abs(l.baseline - date.baseline) < 1) expect(l.x + l.width).toBeLessThan(date.x);
    const rule = layout.pages[0].items.find((it) => it.kind === 'rule' && it.ink === 'red') as { y: number };
    expect(rule.y).toBeGreaterThan(Math.max(date.baseline, ...office.map((l) => l.baseline)));
    const bodyLines = layout.pages.flatMap((pg) => pg.items).filter((it) => it.kind === 'text' && it.role === 'body' && !it.last && it.gridLine >= 0);
    const counts = bodyLines.map((l) => (l.kind === 'text' ? l.cells.length : 0));
    expect(Math.max(...counts)).toBeLessThanOrEqual(21);
    expect(counts.filter((n) => n >= 17).length / counts.length).toBeGreaterThan(0.8);
    const normal = await renderSlices(layout, phone);
    const small = await renderSlices(layout, phone, IMAGE_WIDTH, 120_000);
    expect(small.length).toBeGreaterThan(normal.length);
    for (const s of small) {
      expect(s.png.length).toBeLessThan(120_000);
      const d = await pixels(s.png);
      expect(inkInRow(d, 0)).toBe(0);
      expect(inkInRow(d, d.height - 1)).toBe(0);
    }
    // Nothing lost in the cutting: the same total height within a few rows per cut.
    const total = (xs: { height: number }[]) => xs.reduce((a, s) => a + s.height, 0);
    expect(Math.abs(total(small) - total(normal))).toBeLessThanOrEqual(2 * small.length);
  }, 120_000);

  it('raises a glyph by its rise, as the PDF does (…… set on the centre line of the em box)', async () => {
    const fonts = pinnedFonts();
    const face = fonts.forRole('body');
    const style = phoneStyle(DEFAULT_STYLE, '株洲组织工作信息');
    const scale = IMAGE_WIDTH / (style.page.width * MM);
    /** The first row with ink in the one slice of a page holding a single ellipsis raised by `rise` pt. */
    const topInk = async (rise: number) => {
      const glyph = { text: '…', face, size: 16, x: 40, scaleX: 1, rise };
      const line = { kind: 'text', role: 'body', ink: 'text', baseline: 200, x: 40, width: 16, glyphs: [glyph], cells: [], last: true, gridLine: 0 } as const;
      const layout = { pages: [{ number: 1, items: [line] }] } as unknown as Parameters<typeof renderSlices>[0];
      const [slice] = await renderSlices(layout, style);
      const p = await pixels(slice.png);
      for (let y = 0; y < p.height; y++) if (inkInRow(p, y) > 0) return y;
      throw new Error('no ink');
    };
    const flat = await topInk(0);
    expect(flat - (await topInk(5))).toBe(Math.round(200 * scale) - Math.round(195 * scale));
  });

  it('stops on errors in the issue at file:line:column and writes nothing', async () => {
    const manifest = path.join(root, 'issues/2026/1/issue.yaml');
    const original = readFileSync(manifest, 'utf8');
    writeFileSync(manifest, original.replace(/^date:.*$/m, 'date: 2026-02-30'));
    try {
      const r = await cli(['image', '2026/1', '-o', 'img-bad'], root);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/issues\/2026\/1\/issue\.yaml:2:7/);
      expect(r.err).toMatch(/no phone image written/);
      expect(existsSync(path.join(root, 'img-bad'))).toBe(false);
    } finally {
      writeFileSync(manifest, original);
    }
    const year = await cli(['image', '2026'], root);
    expect(year.code).toBe(2);
    expect(year.err).toMatch(/one issue at a time/);
  });
});
