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
import { FontLoadError, loadFontBook, resolveFonts } from '../../fonts/index.js';
import { fontFault } from '../../i18n/faults.js';
import { layoutIssue, type IssueLayout, type PageItem, type PageLayout } from '../../layout/index.js';
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

function cmykToRgb([c, m, y, k]: Cmyk): string {
  const f = (v: number) => Math.round(255 * (1 - v / 100) * (1 - k / 100));
  return `rgb(${f(c)},${f(m)},${f(y)})`;
}

interface DrawableFace {
  key: string;
  font: FontkitFont;
  glyphId(cp: number): number;
}

interface Sprite {
  canvas: Canvas;
  /** Offset of the sprite's top-left corner from the glyph origin on the baseline, px. */
  dx: number;
  dy: number;
}

/**
 * Each glyph rasterised once per face, size, stretch and colour from its outline (the same
 * outline the PDF embeds), then stamped where layout put it: filling every outline again was
 * most of the time. Positions are rounded to whole pixels (at most 0.16 pt off at 1080 px).
 */
class GlyphSprites {
  private readonly cache = new Map<string, Sprite | null>();
  get(face: DrawableFace, cp: number, sizePx: number, scaleX: number, colour: string): Sprite | null {
    const gid = face.glyphId(cp);
    const k = `${face.key}\0${gid}\0${sizePx.toFixed(3)}\0${scaleX}\0${colour}`;
    let sprite = this.cache.get(k);
    if (sprite !== undefined) return sprite;
    sprite = null;
    const glyph = face.font.getGlyph(gid);
    const svg = glyph.path.toSVG();
    if (svg) {
      const unit = sizePx / face.font.unitsPerEm;
      const box = glyph.bbox;
      const x0 = Math.floor(box.minX * unit * scaleX) - 1;
      const x1 = Math.ceil(box.maxX * unit * scaleX) + 1;
      const y0 = Math.floor(-box.maxY * unit) - 1;
      const y1 = Math.ceil(-box.minY * unit) + 1;
      if (x1 > x0 && y1 > y0) {
        const sheet = canvas().createCanvas(x1 - x0, y1 - y0);
        const ctx = sheet.getContext('2d');
        ctx.fillStyle = colour;
        ctx.translate(-x0, -y0);
        ctx.scale(unit * scaleX, -unit);
        ctx.fill(new (canvas().Path2D)(svg));
        sprite = { canvas: sheet, dx: x0, dy: y0 };
      }
    }
    this.cache.set(k, sprite);
    return sprite;
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

/** Draw a page's items into a slice whose top edge is `top` pt, at `scale` px per pt. */
function drawItems(ctx: SKRSContext2D, items: PageItem[], colors: HouseStyle['colors'], sprites: GlyphSprites, scale: number, top: number): void {
  for (const it of items) {
    const colour = cmykToRgb(it.ink === 'red' ? colors.red : colors.text);
    if (it.kind === 'rule') {
      ctx.fillStyle = colour;
      ctx.fillRect(it.x1 * scale, (it.y - it.thickness / 2 - top) * scale, (it.x2 - it.x1) * scale, it.thickness * scale);
      continue;
    }
    if (it.role === 'page_number') continue;
    const y = Math.round((it.baseline - top) * scale);
    for (const g of it.glyphs) {
      const sprite = sprites.get(g.face as unknown as DrawableFace, g.text.codePointAt(0)!, g.size * scale, g.scaleX, colour);
      if (sprite) ctx.drawImage(sprite.canvas, Math.round(g.x * scale) + sprite.dx, y + sprite.dy);
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
  const sprites = new GlyphSprites();
  // Part of the space between two lines above and below each slice, so stacked slices read as one column.
  const pad = (style.page.text_height / style.grid.lines) * MM * 0.2;
  const draw = async (items: PageItem[], top: number, bottom: number): Promise<ImageSlice[]> => {
    const height = Math.max(1, Math.ceil((bottom - top) * scale));
    const slice = canvas().createCanvas(width, height);
    const ctx = slice.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    drawItems(ctx, items, style.colors, sprites, scale, top);
    const png = await encodePng(slice.data(), width, height);
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
  const parts = layout.pages.map((page, i) => {
    const items = page.items.filter((it) => it.kind === 'rule' || (it.role !== 'page_number' && it.glyphs.length > 0));
    if (!items.length) return Promise.resolve([]);
    const b = inkBounds(page, i === 0);
    return draw(items, Math.max(0, b.top - (i === 0 ? 0 : pad)), b.bottom + pad);
  });
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
  const layout = layoutIssue({ series, issue, style: phone, fonts });
  const diagnostics = sortDiagnostics(layout.diagnostics);
  if (hasErrors(diagnostics)) return { slices: [], diagnostics };
  return { slices: await renderSlices(layout, phone), diagnostics };
}
