/**
 * The phone image: the issue set by our own layout engine at a phone measure (19 characters a
 * line at the print body size, not an A4 page shrunk), drawn 1080 px wide with the glyph outlines
 * of the very fonts the PDF embeds, and cut into numbered slices between lines, each under 1 MB
 * (WeChat refuses larger images).
 *
 * Each phone "page" of the layout is a run of lines that the paginator keeps together (titles
 * with their text, no lone line); a slice is one such page cropped to its ink, so every cut falls
 * in the gap between two lines and the slices stack into one continuous column.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Canvas, SKRSContext2D } from '@napi-rs/canvas';
import type { Font as FontkitFont } from 'fontkit';
import { reported, hasErrors, sortDiagnostics, type Diagnostic } from '../../diagnostics/index.js';
import { FontLoadError, glyphOutline, loadFontBook, resolveFonts } from '../../fonts/index.js';
import { fontFault } from '../../i18n/faults.js';
import { layoutIssue, type Ink, type IssueLayout, type PageItem, type PageLayout } from '../../layout/index.js';
import type { EditionSource } from '../load.js';
import { MM, type Cmyk, type HouseStyle } from '../../style/index.js';
import { encodePng } from './png.js';

type CanvasLib = typeof import('@napi-rs/canvas');
let canvasLib: CanvasLib | undefined;
/** The native canvas, loaded on first use: every other command starts without it. */
function canvas(): CanvasLib {
  return (canvasLib ??= createRequire(import.meta.url)('@napi-rs/canvas') as CanvasLib);
}

export const IMAGE_WIDTH = 1080;
/** Characters a line on the phone: 18–20 reads comfortably at 1080 px. */
export const PHONE_CHARS = 19;
/** Grid lines a slice holds at most (a slice of text stays far below 1 MB as PNG). */
export const PHONE_LINES = 24;
export const MAX_SLICE_BYTES = 1_000_000;

/** The house style at a phone measure: same sizes, fonts and line pitch; a narrow, short page. */
export function phoneStyle(style: HouseStyle, seriesName: string, chars = PHONE_CHARS, lines = PHONE_LINES): HouseStyle {
  const size = style.body.size;
  const textWidth = (chars * size) / MM;
  const side = (1.5 * size) / MM;
  const linePitch = style.page.text_height / style.grid.lines;
  const textHeight = lines * linePitch;
  // The series name must fit the narrow measure, letter-spacing included.
  const n = Math.max(1, [...seriesName].length);
  const mastheadSize = Math.min(style.masthead.size, Math.floor((chars * size) / (n * (1 + style.masthead.letter_spacing))));
  return {
    ...style,
    page: { width: textWidth + 2 * side, height: side + textHeight + 2 * linePitch, top: side, left: side, text_width: textWidth, text_height: textHeight },
    grid: { chars, lines },
    masthead: { ...style.masthead, size: mastheadSize },
    end_block: { ...style.end_block, even_page: false },
    max_pages: 0,
  };
}

export interface ImageSlice {
  png: Buffer;
  width: number;
  height: number;
}

type Rgb = [number, number, number];

function cmykToRgb([c, m, y, k]: Cmyk): Rgb {
  const f = (v: number) => Math.round(255 * (1 - v / 100) * (1 - k / 100));
  return [f(c), f(m), f(y)];
}

interface DrawableFace {
  key: string;
  font: FontkitFont;
  glyphId(cp: number): number;
}

/** A glyph's coverage in an atlas: where its cell is, and the cell's offset from the glyph origin on the baseline, px. */
interface GlyphMask {
  sheet: AtlasSheet;
  ax: number;
  ay: number;
  w: number;
  h: number;
  dx: number;
  dy: number;
}

interface AtlasSheet {
  canvas: Canvas;
  ctx: SKRSContext2D;
  width: number;
  /** Rows used so far, px. */
  height: number;
  /** The sheet's pixels (RGBA), read once every glyph is drawn. */
  pixels: Uint8Array;
}

/** Atlas sheet size, px: 8 MB of canvas, a few hundred CJK glyphs at body size. */
const ATLAS_WIDTH = 2048;
const ATLAS_HEIGHT = 1024;

/**
 * Every glyph the slices use, filled once from its outline (the same outline the PDF embeds) per
 * face, size and stretch by the canvas into shelves of a few atlas sheets, which are read back
 * once each: the slices are then made by stamping the coverage where layout put each glyph. A
 * canvas per glyph cost more in native calls and pixel copies than the filling itself.
 */
class GlyphAtlas {
  private readonly masks = new Map<string, GlyphMask | null>();
  private readonly sheets: AtlasSheet[] = [];
  private x = ATLAS_WIDTH;
  private shelf = 0;

  private static key(face: DrawableFace, gid: number, sizePx: number, scaleX: number): string {
    return `${face.key}\0${gid}\0${sizePx}\0${scaleX}`;
  }

  /** Draw a glyph into the atlas unless it is there. */
  add(face: DrawableFace, cp: number, sizePx: number, scaleX: number): void {
    const gid = face.glyphId(cp);
    const key = GlyphAtlas.key(face, gid, sizePx, scaleX);
    if (this.masks.has(key)) return;
    this.masks.set(key, null);
    const outline = glyphOutline(face.font, gid);
    if (!outline) return;
    const { svg, box } = outline;
    const unit = sizePx / face.font.unitsPerEm;
    // One pixel of margin round the outline's box for the antialiased edge.
    const x0 = Math.floor(box[0] * unit * scaleX) - 1;
    const x1 = Math.ceil(box[2] * unit * scaleX) + 1;
    const y0 = Math.floor(-box[3] * unit) - 1;
    const y1 = Math.ceil(-box[1] * unit) + 1;
    const w = x1 - x0;
    const h = y1 - y0;
    if (w <= 0 || h <= 0) return;
    let sheet = this.sheets.at(-1);
    if (this.x + w > ATLAS_WIDTH) [this.x, this.shelf] = [0, (sheet?.height ?? 0) + 1];
    if (!sheet || this.shelf + h > ATLAS_HEIGHT) {
      // A glyph larger than a sheet gets a sheet of its own size.
      const c = canvas().createCanvas(Math.max(ATLAS_WIDTH, w), Math.max(ATLAS_HEIGHT, h));
      sheet = { canvas: c, ctx: c.getContext('2d'), width: c.width, height: 0, pixels: new Uint8Array(0) };
      this.sheets.push(sheet);
      [this.x, this.shelf] = [0, 0];
    }
    sheet.ctx.setTransform(unit * scaleX, 0, 0, -unit, this.x - x0, this.shelf - y0);
    sheet.ctx.fill(new (canvas().Path2D)(svg));
    this.masks.set(key, { sheet, ax: this.x, ay: this.shelf, w, h, dx: x0, dy: y0 });
    this.x += w + 1;
    sheet.height = Math.max(sheet.height, this.shelf + h);
  }

  /** Read the sheets' pixels back, once every glyph has been added. */
  seal(): void {
    // The raw pixels (getImageData would also convert every pixel from premultiplied alpha).
    for (const s of this.sheets) s.pixels = s.canvas.data();
  }

  get(face: DrawableFace, cp: number, sizePx: number, scaleX: number): GlyphMask | null {
    return this.masks.get(GlyphAtlas.key(face, face.glyphId(cp), sizePx, scaleX)) ?? null;
  }
}

/** The vertical extent of a page's ink, in pt: from the top of its first line to the foot of its last. */
function inkBounds(page: PageLayout, mastheadTop: boolean): { top: number; bottom: number } {
  let top = Infinity;
  let bottom = -Infinity;
  for (const it of page.items) {
    if (it.kind === 'text') {
      if (it.role === 'page_number' || !it.glyphs.length) continue;
      const size = Math.max(...it.glyphs.map((g) => g.size));
      top = Math.min(top, it.baseline - 0.9 * size);
      bottom = Math.max(bottom, it.baseline + 0.25 * size);
    } else {
      top = Math.min(top, it.y - it.thickness / 2);
      bottom = Math.max(bottom, it.y + it.thickness / 2);
    }
  }
  if (mastheadTop) top = 0;
  return { top, bottom };
}

/** A slice being drawn: PNG scanlines (a filter byte, then grey or RGB samples), white to start with. */
interface Raster {
  width: number;
  height: number;
  channels: 1 | 3;
  /** Bytes per scanline, filter byte included. */
  stride: number;
  rows: Buffer;
}

/** A white raster in `memory` (at least `rasterBytes(width, height, channels)` long). */
function newRaster(memory: Buffer, width: number, height: number, channels: 1 | 3): Raster {
  const stride = width * channels + 1;
  const rows = memory.subarray(0, stride * height).fill(255);
  for (let y = 0; y < height; y++) rows[y * stride] = 0; // filter: none
  return { width, height, channels, stride, rows };
}

const rasterBytes = (width: number, height: number, channels: 1 | 3) => (width * channels + 1) * height;

/**
 * Memory for the slices' rasters, reused once a slice is compressed: a few slices are in flight
 * (one drawn while others compress), and a fresh buffer of megabytes per slice cost page faults
 * and garbage collection (a fifth of the time).
 */
class RasterPool {
  private readonly free: Buffer[] = [];
  private readonly waiting: (() => void)[] = [];
  private busy = 0;
  constructor(
    private readonly limit: number,
    /** Bytes a buffer gets at least, so that one fits every slice after it. */
    private readonly size: number,
  ) {}

  async take(bytes: number): Promise<Buffer> {
    while (this.busy >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.busy++;
    const i = this.free.findIndex((b) => b.length >= bytes);
    return i >= 0 ? this.free.splice(i, 1)[0] : Buffer.allocUnsafe(Math.max(bytes, this.size));
  }

  give(memory: Buffer): void {
    this.free.push(memory);
    this.busy--;
    this.waiting.shift()?.();
  }
}

/** Lay `colour` over the pixel at byte `i` with coverage `a` (0–255), as the canvas's source-over does. */
function blend(r: Raster, i: number, colour: Rgb, a: number): void {
  const rows = r.rows;
  const b = 255 - a;
  rows[i] = (rows[i] * b + colour[0] * a + 127) / 255;
  if (r.channels === 3) {
    rows[i + 1] = (rows[i + 1] * b + colour[1] * a + 127) / 255;
    rows[i + 2] = (rows[i + 2] * b + colour[2] * a + 127) / 255;
  }
}

/** Stamp a glyph's coverage with its top-left corner at (x, y) px, clipped to the slice. */
function stamp(r: Raster, m: GlyphMask, x: number, y: number, colour: Rgb): void {
  const c0 = Math.max(0, -x);
  const c1 = Math.min(m.w, r.width - x);
  const r0 = Math.max(0, -y);
  const r1 = Math.min(m.h, r.height - y);
  const ch = r.channels;
  const pixels = m.sheet.pixels;
  for (let row = r0; row < r1; row++) {
    let src = ((m.ay + row) * m.sheet.width + m.ax + c0) * 4 + 3;
    let dst = (y + row) * r.stride + 1 + (x + c0) * ch;
    for (let col = c0; col < c1; col++, src += 4, dst += ch) {
      const a = pixels[src];
      if (a) blend(r, dst, colour, a);
    }
  }
}

/** Fill a rectangle given in px, its edges antialiased by the share of each edge pixel it covers. */
function fillRect(r: Raster, x0: number, y0: number, x1: number, y1: number, colour: Rgb): void {
  const cover = (p: number, lo: number, hi: number) => Math.max(0, Math.min(p + 1, hi) - Math.max(p, lo));
  for (let y = Math.max(0, Math.floor(y0)); y < Math.min(r.height, Math.ceil(y1)); y++) {
    const cy = cover(y, y0, y1);
    for (let x = Math.max(0, Math.floor(x0)); x < Math.min(r.width, Math.ceil(x1)); x++) {
      const a = Math.round(255 * cy * cover(x, x0, x1));
      if (a) blend(r, y * r.stride + 1 + x * r.channels, colour, a);
    }
  }
}

/** Draw a page's items into a slice whose top edge is `top` pt, at `scale` px per pt. */
function drawItems(r: Raster, items: PageItem[], colors: HouseStyle['colors'], atlas: GlyphAtlas, scale: number, top: number): void {
  for (const it of items) {
    const colour = cmykToRgb(it.ink === 'red' ? colors.red : colors.text);
    if (it.kind === 'rule') {
      const y = (it.y - it.thickness / 2 - top) * scale;
      fillRect(r, it.x1 * scale, y, it.x2 * scale, y + it.thickness * scale, colour);
      continue;
    }
    for (const g of it.glyphs) {
      const m = atlas.get(g.face as unknown as DrawableFace, g.text.codePointAt(0)!, g.size * scale, g.scaleX);
      if (m) stamp(r, m, Math.round(g.x * scale) + m.dx, Math.round((it.baseline - (g.rise ?? 0) - top) * scale) + m.dy, colour);
    }
  }
}

/** Where an item's ink starts and ends vertically, pt. */
function extent(it: PageItem): [number, number] {
  if (it.kind === 'rule') return [it.y - it.thickness / 2, it.y + it.thickness / 2];
  const size = Math.max(...it.glyphs.map((g) => g.size));
  return [it.baseline - 0.9 * size, it.baseline + 0.25 * size];
}

/**
 * Draw every phone page and crop it to its ink (the first page from its top edge, for the
 * masthead's margin): one slice per page, numbered in reading order. A slice that would be 1 MB
 * or more is cut again, in the gap between two of its lines nearest the middle.
 */
export async function renderSlices(layout: IssueLayout, style: HouseStyle, width = IMAGE_WIDTH, maxBytes = MAX_SLICE_BYTES): Promise<ImageSlice[]> {
  const scale = width / (style.page.width * MM);
  // Part of the space between two lines above and below each slice, so stacked slices read as one column.
  const pad = (style.page.text_height / style.grid.lines) * MM * 0.2;
  const pages = layout.pages.map((page) => page.items.filter((it) => it.kind === 'rule' || (it.role !== 'page_number' && it.glyphs.length > 0)));
  const atlas = new GlyphAtlas();
  for (const items of pages)
    for (const it of items)
      if (it.kind === 'text') for (const g of it.glyphs) atlas.add(g.face as unknown as DrawableFace, g.text.codePointAt(0)!, g.size * scale, g.scaleX);
  atlas.seal();
  const grey = (ink: Ink) => {
    const [r, g, b] = cmykToRgb(ink === 'red' ? style.colors.red : style.colors.text);
    return r === g && g === b;
  };
  const bounds = layout.pages.map((page, i) => {
    const b = inkBounds(page, i === 0);
    return { top: Math.max(0, b.top - (i === 0 ? 0 : pad)), bottom: b.bottom + pad };
  });
  const tallest = Math.max(1, ...bounds.map((b, i) => (pages[i].length ? Math.ceil((b.bottom - b.top) * scale) : 1)));
  const pool = new RasterPool(3, rasterBytes(width, tallest, 1));
  const draw = async (items: PageItem[], top: number, bottom: number): Promise<ImageSlice[]> => {
    const height = Math.max(1, Math.ceil((bottom - top) * scale));
    // Greyscale unless something on the slice has colour (the red masthead): a third of the bytes to compress.
    const channels = items.every((it) => grey(it.ink)) ? 1 : 3;
    const memory = await pool.take(rasterBytes(width, height, channels));
    let png: Buffer;
    try {
      const raster = newRaster(memory, width, height, channels);
      drawItems(raster, items, style.colors, atlas, scale, top);
      // Compressed in the thread pool while the next slice is drawn.
      png = await encodePng(raster.rows, width, height, channels);
    } finally {
      pool.give(memory);
    }
    if (png.length < maxBytes) return [{ png, width, height }];
    // Too large: cut between two lines (never through one) and draw each part.
    const spans = items.map((it) => ({ it, span: extent(it) })).sort((a, b) => a.span[0] - b.span[0]);
    let best = -1;
    let bestScore = Infinity;
    let reach = -Infinity;
    for (let i = 0; i < spans.length - 1; i++) {
      reach = Math.max(reach, spans[i].span[1]);
      if (reach > spans[i + 1].span[0]) continue;
      const score = Math.abs(i + 1 - spans.length / 2);
      if (score < bestScore) [best, bestScore] = [i, score];
    }
    if (best < 0) throw new Error(`a single line is ${png.length} bytes as an image`);
    const head = spans.slice(0, best + 1);
    const cut = (Math.max(...head.map((x) => x.span[1])) + spans[best + 1].span[0]) / 2;
    return [
      ...(await draw(
        head.map((x) => x.it),
        top,
        cut,
      )),
      ...(await draw(
        spans.slice(best + 1).map((x) => x.it),
        cut,
        bottom,
      )),
    ];
  };
  const parts = pages.map((items, i) => (items.length ? draw(items, bounds[i].top, bounds[i].bottom) : Promise.resolve([])));
  return (await Promise.all(parts)).flat();
}

/**
 * The phone image of a checked issue: fonts as the PDF resolves them, the layout at the phone
 * measure, the slices. Font files that cannot be opened and layout errors (a character no font
 * has) come back as diagnostics, with no slices.
 */
export async function phoneImage(root: string, source: EditionSource): Promise<{ slices: ImageSlice[]; diagnostics: Diagnostic[] }> {
  const { series, issue, style } = source;
  // Fonts that cannot be used are said in the same words as the build (i18n/faults.ts).
  const shown = (p: string) => (p.startsWith(root + path.sep) ? path.relative(root, p).split(path.sep).join('/') : p);
  const resolution = resolveFonts(root, series.fonts);
  if (resolution.broken.length)
    return {
      slices: [],
      diagnostics: resolution.broken.map((b) => reported('font/unreadable', { file: shown(b.path), line: 1, column: 1 }, fontFault(b.error, shown(b.path)))),
    };
  let fonts;
  try {
    fonts = loadFontBook(resolution);
  } catch (e) {
    if (!(e instanceof FontLoadError)) throw e;
    const loc = e.choice.loc ?? { file: series.file, line: 1, column: 1 };
    return { slices: [], diagnostics: [reported('font/unreadable', loc, fontFault(e.error, shown(e.choice.path), e.choice.face))] };
  }
  const phone = phoneStyle(style, series.series);
  const layout = layoutIssue({ series, issue, style: phone, fonts, narrow: true });
  const diagnostics = sortDiagnostics(layout.diagnostics);
  if (hasErrors(diagnostics)) return { slices: [], diagnostics };
  return { slices: await renderSlices(layout, phone), diagnostics };
}
