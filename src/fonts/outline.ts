/**
 * A glyph's outline as SVG path data, for drawing glyphs outside the PDF (the phone image).
 *
 * TrueType outlines are read straight from the glyf table: fontkit decodes each glyph through
 * its generic struct parser, builds point and command objects and computes an exact bounding
 * box, which cost about half a millisecond per CJK glyph (a third of the phone image's time).
 * The path is the one fontkit makes (the same quadratic segments, in the same order), so the
 * pixels are the same; other outlines (CFF) are fontkit's.
 */
import type { Font } from 'fontkit';

export interface GlyphOutline {
  /** SVG path data in font units, y up. */
  svg: string;
  /** A box around every point of the outline, font units: [xMin, yMin, xMax, yMax]. */
  box: [number, number, number, number];
}

interface TrueTypeInternals {
  loca?: { offsets: ArrayLike<number> };
  directory?: { tables: Record<string, unknown> };
  _variationProcessor?: unknown;
  _getTableStream(tag: string): { buffer: Uint8Array; pos: number };
  getGlyph(gid: number): unknown;
}

const ON_CURVE = 0x01;
const X_SHORT = 0x02;
const Y_SHORT = 0x04;
const REPEAT = 0x08;
const SAME_X = 0x10;
const SAME_Y = 0x20;

const ARGS_ARE_WORDS = 0x0001;
const ARGS_ARE_XY = 0x0002;
const HAVE_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const HAVE_XY_SCALE = 0x0040;
const HAVE_2X2 = 0x0080;

/** A point of a TrueType contour. */
interface Point {
  x: number;
  y: number;
  on: boolean;
}

/** fontkit's number formatting in toSVG: rounded to two decimals. */
const num = (v: number) => Math.round(v * 100) / 100;

/** The contours of a glyph, components of a composite glyph resolved; undefined when it cannot be read here. */
function contours(font: TrueTypeInternals, gid: number, depth: number): Point[][] | undefined {
  const offsets = font.loca!.offsets;
  if (gid + 1 >= offsets.length || depth > 8) return undefined;
  const start = offsets[gid];
  const end = offsets[gid + 1];
  if (end <= start) return [];
  font.getGlyph(gid); // the lazy reader fetches the outlines of the glyphs looked up
  const stream = font._getTableStream('glyf');
  const buf = stream.buffer;
  let p = stream.pos + start;
  const u16 = () => {
    const v = (buf[p] << 8) | buf[p + 1];
    p += 2;
    return v;
  };
  const i16 = () => {
    const v = u16();
    return v & 0x8000 ? v - 0x10000 : v;
  };
  const n = i16();
  p += 8; // the header's box
  if (n < 0) {
    const out: Point[][] = [];
    for (let flags = MORE_COMPONENTS; flags & MORE_COMPONENTS; ) {
      flags = u16();
      const child = u16();
      let dx: number;
      let dy: number;
      if (flags & ARGS_ARE_WORDS) [dx, dy] = [i16(), i16()];
      else {
        dx = (buf[p] << 24) >> 24;
        dy = (buf[p + 1] << 24) >> 24;
        p += 2;
      }
      // Point-matched placement (args are point numbers) is rare in CJK fonts: left to fontkit.
      if (!(flags & ARGS_ARE_XY)) return undefined;
      const f2dot14 = () => i16() / 16384;
      let [sx, s01, s10, sy] = [1, 0, 0, 1];
      if (flags & HAVE_SCALE) sx = sy = f2dot14();
      else if (flags & HAVE_XY_SCALE) [sx, sy] = [f2dot14(), f2dot14()];
      else if (flags & HAVE_2X2) [sx, s01, s10, sy] = [f2dot14(), f2dot14(), f2dot14(), f2dot14()];
      const parts = contours(font, child, depth + 1);
      if (!parts) return undefined;
      for (const c of parts) out.push(c.map((q) => ({ x: q.x * sx + q.y * s01 + dx, y: q.y * sy + q.x * s10 + dy, on: q.on })));
    }
    return out;
  }
  const ends: number[] = [];
  for (let i = 0; i < n; i++) ends.push(u16());
  const count = n ? ends[n - 1] + 1 : 0;
  const instructions = u16();
  p += instructions;
  const flags = new Uint8Array(count);
  for (let i = 0; i < count; ) {
    const f = buf[p++];
    flags[i++] = f;
    if (f & REPEAT) for (let r = buf[p++]; r > 0 && i < count; r--) flags[i++] = f;
  }
  const xs = new Int32Array(count);
  const ys = new Int32Array(count);
  for (const [coords, short, same] of [
    [xs, X_SHORT, SAME_X],
    [ys, Y_SHORT, SAME_Y],
  ] as const) {
    let v = 0;
    for (let i = 0; i < count; i++) {
      const f = flags[i];
      if (f & short) v += f & same ? buf[p++] : -buf[p++];
      else if (!(f & same)) v += i16();
      coords[i] = v;
    }
  }
  const out: Point[][] = [];
  let first = 0;
  for (const last of ends) {
    const c: Point[] = [];
    for (let i = first; i <= last; i++) c.push({ x: xs[i], y: ys[i], on: (flags[i] & ON_CURVE) !== 0 });
    if (c.length) out.push(c);
    first = last + 1;
  }
  return out;
}

/** Contours to path data, segment for segment as fontkit's TTFGlyph._getPath builds them. */
function pathData(cs: Point[][]): string {
  let d = '';
  const q = (cx: number, cy: number, x: number, y: number) => {
    d += `Q${num(cx)} ${num(cy)} ${num(x)} ${num(y)}`;
  };
  for (const c of cs) {
    let firstPt = c[0];
    const lastPt = c[c.length - 1];
    let start = 0;
    let curve: Point | null = null;
    if (firstPt.on) start = 1;
    else {
      firstPt = lastPt.on ? lastPt : { x: (firstPt.x + lastPt.x) / 2, y: (firstPt.y + lastPt.y) / 2, on: false };
      curve = firstPt;
    }
    d += `M${num(firstPt.x)} ${num(firstPt.y)}`;
    for (let j = start; j < c.length; j++) {
      const pt = c[j];
      const prev = j === 0 ? firstPt : c[j - 1];
      if (prev.on && pt.on) d += `L${num(pt.x)} ${num(pt.y)}`;
      else if (prev.on && !pt.on) curve = pt;
      else if (!prev.on && !pt.on) {
        q(prev.x, prev.y, (prev.x + pt.x) / 2, (prev.y + pt.y) / 2);
        curve = pt;
      } else if (!prev.on && pt.on) {
        q(curve!.x, curve!.y, pt.x, pt.y);
        curve = null;
      }
    }
    if (curve) q(curve.x, curve.y, firstPt.x, firstPt.y);
    d += 'Z';
  }
  return d;
}

/** The outline of glyph `gid` of `font`; undefined for a glyph with no outline (a space). */
export function glyphOutline(font: Font, gid: number): GlyphOutline | undefined {
  const tt = font as unknown as TrueTypeInternals;
  const cs = tt.loca && tt.directory?.tables.glyf && !tt._variationProcessor ? contours(tt, gid, 0) : undefined;
  if (cs) {
    if (!cs.length) return undefined;
    const box: GlyphOutline['box'] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const c of cs)
      for (const pt of c) {
        if (pt.x < box[0]) box[0] = pt.x;
        if (pt.y < box[1]) box[1] = pt.y;
        if (pt.x > box[2]) box[2] = pt.x;
        if (pt.y > box[3]) box[3] = pt.y;
      }
    return { svg: pathData(cs), box };
  }
  // Other outlines (CFF): fontkit's path, written out as its toSVG does (same letters, same
  // rounding) in one pass that also finds the box of its points.
  // fontkit keeps a glyph's `path` for the life of the face: ~100 objects per CJK glyph that every
  // garbage collection then copies. Its _getPath builds the same path without keeping it.
  const glyph = font.getGlyph(gid) as unknown as { path: FontkitPath; _getPath?: () => FontkitPath };
  const { commands } = glyph._getPath ? glyph._getPath() : glyph.path;
  if (!commands.length) return undefined;
  const box: GlyphOutline['box'] = [Infinity, Infinity, -Infinity, -Infinity];
  let svg = '';
  for (const c of commands) {
    svg += SVG_LETTER[c.command] ?? '';
    const a = c.args;
    for (let i = 0; i < a.length; i++) {
      if (i) svg += ' ';
      svg += num(a[i]);
      if (i % 2 === 0) {
        if (a[i] < box[0]) box[0] = a[i];
        if (a[i] > box[2]) box[2] = a[i];
      } else {
        if (a[i] < box[1]) box[1] = a[i];
        if (a[i] > box[3]) box[3] = a[i];
      }
    }
  }
  return box[0] <= box[2] ? { svg, box } : undefined;
}

interface FontkitPath {
  commands: { command: string; args: number[] }[];
}

const SVG_LETTER: Record<string, string> = { moveTo: 'M', lineTo: 'L', quadraticCurveTo: 'Q', bezierCurveTo: 'C', closePath: 'Z' };
