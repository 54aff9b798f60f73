/**
 * Itemize: turn styled runs into clusters, the unbreakable units of line breaking, and choose
 * a face for every glyph (the role's font, else the first fallback that has it).
 */
import { isUnprinted, reported, type Diagnostic, type SourceLoc } from '../diagnostics/index.js';
import type { FontBook, FontMetrics, FontRole } from '../fonts/types.js';
import { halfWidthSpans } from '../model/punctuation.js';
import { advance } from '../model/source.js';
import { CLOSE_COMPRESSIBLE, NO_END, NO_START, OPEN_COMPRESSIBLE, isLatinInner, isLatinWordChar, isLetterLike, isSpace } from './classify.js';
import type { PlacedGlyph } from './types.js';

export type ClusterKind = 'ideo' | 'latin' | 'space' | 'pair';

export interface Cluster {
  kind: ClusterKind;
  text: string;
  /** Glyphs with x relative to the cluster's origin (filled by measure). */
  glyphs: PlacedGlyph[];
  /** Nominal width in pt. */
  width: number;
  /** Blank that punctuation compression may remove, left and right, in pt. */
  squeezeLeft: number;
  squeezeRight: number;
  noStart: boolean;
  noEnd: boolean;
  /** Letters and digits it holds, for the 孤字 rule. */
  letters: number;
  /** Extra cost of a line break right after this cluster (inside a URL: allowed, but a last resort). */
  breakPenalty?: number;
  /**
   * A break right after this cluster splits a Latin run (3+X+|6+10): taken only when every
   * other breaking of the paragraph leaves a loose line (breakLines' second pass).
   */
  lastResort?: boolean;
  /** The next cluster continues the same word: the gap between them is never stretched or squeezed. */
  glued?: boolean;
  /** One of two adjacent marks whose shared blank is closed up: line fitting compresses it no further, except a line-end push-in. */
  paired?: boolean;
  loc: SourceLoc;
}

/** A run of text to set in one role. */
export interface StyledText {
  text: string;
  role: FontRole;
  loc: SourceLoc;
}

export interface ItemizeOptions {
  size: number;
  /** Width of a full-width cell: the grid pitch for body text, the font size elsewhere. */
  cell: number;
  fonts: FontBook;
}

/** Split text into clusters and measure them. Reports characters no font can draw. */
export function itemize(parts: StyledText[], opts: ItemizeOptions, diagnostics: Diagnostic[]): Cluster[] {
  const out: Cluster[] = [];
  const fullWidth = fullWidthInChinese(parts);
  parts.forEach((part, p) => {
    const chars = [...part.text];
    const subst = fullWidth[p];
    let loc = part.loc;
    let i = 0;
    const take = (n: number) => {
      const text = chars.slice(i, i + n).join('');
      const at = loc;
      loc = advance(loc, text);
      i += n;
      return { text, at };
    };
    while (i < chars.length) {
      const ch = chars[i];
      const next = chars[i + 1];
      if (isUnprinted(ch)) {
        // No printed form (diagnostics/unprinted.ts: default-ignorables and controls; dropped as
        // Typst drops default-ignorables; tab is a space and line ends are not text, so neither is
        // touched). `bulletin check` names it: no cell, no glyph, no break opportunity.
        take(1);
      } else if (subst?.get(i) !== undefined) {
        const sub = subst.get(i);
        // A half-width mark in Chinese text is set full-width (the blanks typed around it vanish
        // with it); `check` warns about the source, which stays as written.
        const { at } = take(1);
        if (sub) out.push(makeCluster('ideo', sub, part.role, at, opts, diagnostics));
      } else if ((ch === '—' && next === '—') || (ch === '…' && next === '…')) {
        const { text, at } = take(2);
        out.push(makeCluster('pair', text, part.role, at, opts, diagnostics));
      } else if (isSpace(ch)) {
        const { text, at } = take(1);
        out.push(makeCluster('space', text, part.role, at, opts, diagnostics));
      } else if (isLatinWordChar(ch)) {
        const { text, at } = take(latinRunLength(chars, i, subst));
        const word = makeCluster('latin', text, part.role, at, opts, diagnostics);
        out.push(...(isUrl(text) ? splitAfterSlashes(word) : [word]));
      } else {
        // Half-width marks and other narrow characters keep their own width; the rest take a cell.
        const narrow = ch.codePointAt(0)! < 0x2000 && ch !== '·';
        const { text, at } = take(1);
        out.push(makeCluster(narrow ? 'latin' : 'ideo', text, part.role, at, opts, diagnostics));
      }
    }
  });
  closeUpAdjacentMarks(out);
  return out;
}

/**
 * Per part, code point index → what layout sets there: the full-width form of a half-width mark
 * in Chinese text, or '' for a blank that goes with it. The decision is the one the check rule
 * punctuation/half-width makes, read over the whole paragraph (context crosses styled runs).
 */
function fullWidthInChinese(parts: StyledText[]): (Map<number, string> | undefined)[] {
  const text = parts.map((p) => p.text).join('');
  const spans = halfWidthSpans(text);
  if (!spans.length) return [];
  const byOffset = new Map<number, string>();
  for (const s of spans) for (let k = s.start; k < s.end; k++) byOffset.set(k, k === s.index ? s.full : '');
  let offset = 0;
  return parts.map((part) => {
    const m = new Map<number, string>();
    let i = 0;
    for (const ch of part.text) {
      const sub = byOffset.get(offset);
      if (sub !== undefined) m.set(i, sub);
      offset += ch.length;
      i++;
    }
    return m.size ? m : undefined;
  });
}

/**
 * Adjacent marks share their blank halves wherever they fall (clreq §3.1.6): a closing mark
 * followed by another mark loses its right half (”。 ）、 ”“ ：“), an opening mark preceded by
 * an opening mark loses its left half (“《). Every such pair is 1.5 em everywhere; only the
 * line-end push-in remains a line-fitting choice.
 */
function closeUpAdjacentMarks(cs: Cluster[]): void {
  for (let k = 0; k + 1 < cs.length; k++) {
    const a = cs[k];
    const b = cs[k + 1];
    if (a.kind !== 'ideo' || b.kind !== 'ideo') continue;
    if (a.squeezeRight > 0 && (b.squeezeRight > 0 || b.squeezeLeft > 0)) {
      a.width -= a.squeezeRight;
      a.squeezeRight = 0;
      a.paired = b.paired = true;
      // The mark's ink is in its left half: it declares the narrower width, so text extraction
      // sees no overlapping glyphs.
      a.glyphs[0].advance = a.width / a.glyphs[0].size;
    } else if (a.squeezeLeft > 0 && b.squeezeLeft > 0) {
      for (const g of b.glyphs) g.x -= b.squeezeLeft;
      b.width -= b.squeezeLeft;
      b.squeezeLeft = 0;
      a.paired = b.paired = true;
    }
  }
}

function makeCluster(kind: ClusterKind, text: string, role: FontRole, loc: SourceLoc, opts: ItemizeOptions, diagnostics: Diagnostic[]): Cluster {
  const { size, cell, fonts } = opts;
  const chars = [...text];
  const glyphs: PlacedGlyph[] = [];
  let x = 0;
  chars.forEach((ch, k) => {
    const cp = ch.codePointAt(0)!;
    let face = fonts.faceFor(role, cp);
    if (!face) {
      face = fonts.forRole(role);
      const tried = [face, ...fonts.fallbacks(role)].map((f) => f.name);
      diagnostics.push(
        reported(
          'font/missing-glyph',
          { ...loc, column: loc.column + k },
          {
            zh: `字符“${ch}”（U+${cp.toString(16).toUpperCase()}）在所有可用字体中都没有字形，无法印出`,
            en: `the character “${ch}” (U+${cp.toString(16).toUpperCase()}) has no glyph in any available font and cannot be printed`,
          },
          {
            hint: {
              zh: `已尝试：${tried.join('、')}。可在 bulletin.yaml 的 fonts.fallback 中指定含此字的字体，或改用常用字`,
              en: `tried: ${tried.join(', ')}. Name a font that has it as fonts.fallback in bulletin.yaml, or use another character`,
            },
          },
        ),
      );
    }
    const adv = face.advance(cp) * size;
    if (kind === 'space' && ch === '\u3000') {
      // An ideographic space takes one cell of the grid.
      glyphs.push({ text: ch, face, size, x, scaleX: 1 });
      x += cell;
    } else if (kind === 'latin' || kind === 'space') {
      glyphs.push({ text: ch, face, size, x, scaleX: 1 });
      x += adv;
    } else if (kind === 'pair' && ch === '—') {
      // Stretch each dash's ink over its whole cell so the two join into one unbroken rule.
      const [l, r] = face.ink(cp);
      const inkWidth = Math.max((r - l) * size, 1);
      const scaleX = cell / inkWidth;
      glyphs.push({ text: ch, face, size, x: x - l * size * scaleX, scaleX });
      x += cell;
    } else if (kind === 'pair' && ch === '…' && evenEllipsis(face, cp, size, cell)) {
      // …… is one unit of two ems: six dots evenly spaced, centred on the em box (fonts differ:
      // FandolFang's ellipsis sits low and leaves a wider gap between its two glyphs).
      const e = evenEllipsis(face, cp, size, cell)!;
      glyphs.push({ text: ch, face, size, x: x + e.dx, scaleX: e.scaleX, rise: e.rise });
      x += cell;
    } else {
      // Full-width glyphs start at their cell; others (· — in some fonts) are centred in it.
      const dx = Math.abs(adv - size) < 0.01 * size ? 0 : (cell - adv) / 2;
      glyphs.push({ text: ch, face, size, x: x + dx, scaleX: 1 });
      x += cell;
    }
  });
  const first = chars[0];
  const last = chars[chars.length - 1];
  const compressible = kind === 'ideo';
  return {
    kind,
    text,
    glyphs,
    width: x,
    squeezeLeft: compressible && OPEN_COMPRESSIBLE.has(first) ? cell / 2 : 0,
    squeezeRight: compressible && CLOSE_COMPRESSIBLE.has(last) ? cell / 2 : 0,
    noStart: NO_START.has(first),
    noEnd: NO_END.has(last),
    letters: chars.filter(isLetterLike).length,
    loc,
  };
}

/** ELLIPSIS centre height: the ideographic em box spans 0.88 em above the baseline and 0.12 below. */
const EM_BOX_CENTRE = 0.38;

/**
 * How to draw one … of a …… so that the six dots are evenly spaced at a third of a cell and sit
 * on the em box's centre line: a horizontal scale, an offset in the cell and a rise. Undefined
 * when the glyph does not look like three dots in a row (then it is drawn as the font has it).
 */
function evenEllipsis(face: FontMetrics, cp: number, size: number, cell: number): { dx: number; scaleX: number; rise: number } | undefined {
  const [l, b, r, t] = face.inkBox(cp);
  const dot = t - b;
  const pitch = (r - l - dot) / 2;
  if (!(dot > 0 && pitch > dot)) return undefined;
  const scaleX = cell / 3 / (pitch * size);
  if (scaleX < 0.7 || scaleX > 1.4) return undefined;
  return { dx: cell / 6 - (l + dot / 2) * size * scaleX, scaleX, rise: (EM_BOX_CENTRE - (b + t) / 2) * size };
}

/** A break between clusters a and b is allowed by clreq's line-start and line-end rules. */
export function canBreakBetween(a: Cluster, b: Cluster): boolean {
  if (a.noEnd || b.noStart) return false;
  if (b.kind === 'space') return false; // break after a space, never before it
  return true;
}

/**
 * A Latin or digit run wider than the line (a long URL) cannot stay whole: split it, preferring
 * to break after / - . _ ? & =, into pieces that fit.
 */
export function splitWide(cs: Cluster[], maxWidth: number): Cluster[] {
  const out: Cluster[] = [];
  for (const c of cs) {
    if (c.kind !== 'latin' || c.width <= maxWidth) {
      out.push(c);
      continue;
    }
    const gs = c.glyphs;
    let start = 0;
    let lastGood = -1;
    for (let i = 0; i < gs.length; i++) {
      const right = i + 1 < gs.length ? gs[i + 1].x : c.width;
      if (right - gs[start].x > maxWidth * 0.92 && i > start) {
        const cut = lastGood > start ? lastGood : i;
        out.push(subCluster(c, start, cut));
        start = cut;
        lastGood = -1;
      }
      if ('/-._?&='.includes(gs[i].text)) lastGood = i + 1;
    }
    out.push(subCluster(c, start, gs.length));
  }
  return out;
}

/** A Latin run is kept whole unless it takes more than this share of the line. */
const SPLITTABLE_SHARE = 1 / 5;
/** Marks after which such a run may break as a last resort (a hyphen or stop between digits never: 0731-2888, 52.3). */
const LAST_RESORT_AFTER = new Set([...'+/-._@&=']);

/**
 * A Latin or digit run that takes a large share of a short line (“3+X+6+10” is a quarter of a
 * 19-character phone line) may leave the line before it loose when it cannot break. Such a run
 * may break after + / - . _ @ & =, glued (no spacing between its pieces), but only where no
 * other breaking avoids a loose line: clreq's and issue 9's order (compress, then stretch up to
 * 1/8 em, and only then break a run), never before its last character.
 */
export function allowRunBreaks(cs: Cluster[], lineWidth: number): Cluster[] {
  const out: Cluster[] = [];
  for (const c of cs) {
    if (c.kind !== 'latin' || c.width <= lineWidth * SPLITTABLE_SHARE || c.breakPenalty !== undefined) {
      out.push(c);
      continue;
    }
    const gs = c.glyphs;
    let start = 0;
    for (let i = 1; i < gs.length - 1; i++) {
      const t = gs[i].text;
      if (!LAST_RESORT_AFTER.has(t) || LAST_RESORT_AFTER.has(gs[i + 1].text)) continue;
      if ((t === '-' || t === '.') && /\d/.test(gs[i - 1].text) && /\d/.test(gs[i + 1].text)) continue;
      out.push({ ...subCluster(c, start, i + 1), lastResort: true });
      start = i + 1;
    }
    out.push(start ? subCluster(c, start, gs.length) : c);
  }
  return out;
}

/**
 * Glyphs [start, end) of a Latin cluster as a cluster of its own: a piece of a split word, glued
 * to the next piece (no gap adjustment between them); a break after it costs `penalty`.
 */
function subCluster(c: Cluster, start: number, end: number, penalty?: number, glue = true): Cluster {
  const gs = c.glyphs.slice(start, end);
  const x0 = gs[0].x;
  const last = end === c.glyphs.length;
  const text = gs.map((g) => g.text).join('');
  return {
    ...c,
    text,
    glyphs: gs.map((g) => ({ ...g, x: g.x - x0 })),
    width: (last ? c.width : c.glyphs[end].x) - x0,
    noStart: start === 0 ? c.noStart : false,
    noEnd: last ? c.noEnd : false,
    letters: [...text].filter(isLetterLike).length,
    loc: { ...c.loc, column: c.loc.column + start },
    breakPenalty: last ? c.breakPenalty : penalty,
    glued: last ? c.glued : glue,
  };
}

/**
 * The length of the Latin run (a word, a number, an address) that starts at `at`, a Latin word
 * character: it goes on over word characters, and over , ; ! ? between two of them (1,000). One
 * rule for print (itemize) and for the editions' addresses (urlRanges), so both find the same
 * runs. `chars` may be code points or UTF-16 units: every character a run holds is in the BMP.
 * A run ends before any index in `stops` (the characters itemize substitutes).
 */
function latinRunLength(chars: ArrayLike<string>, at: number, stops?: { has(k: number): boolean }): number {
  let n = 1;
  while (at + n < chars.length && !stops?.has(at + n)) {
    const c = chars[at + n];
    if (isLatinWordChar(c)) n++;
    else if (isLatinInner(c) && at + n + 1 < chars.length && /[A-Za-z0-9]/.test(chars[at + n + 1])) n++;
    else break;
  }
  return n;
}

/**
 * The web and e-mail addresses of a text, as [start, end) UTF-16 ranges: the Latin runs that print
 * takes for addresses (and breaks after . / - _ @).
 */
export function urlRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  let i = 0;
  while (i < text.length) {
    if (!isLatinWordChar(text[i])) {
      i++;
      continue;
    }
    const n = latinRunLength(text, i);
    if (isUrl(text.slice(i, i + n))) out.push([i, i + n]);
    i += n;
  }
  return out;
}

/**
 * Where the web and e-mail addresses of a text may break: UTF-16 offsets after . / - _ @ (not
 * before another of them, nor before the address's last character), the places print breaks
 * them. The web edition puts a <wbr> there, so a browser wraps an address as the page does instead
 * of moving it whole to the next line and spreading the line before it.
 */
export function urlBreaks(text: string): number[] {
  const out: number[] = [];
  for (const [from, to] of urlRanges(text)) {
    for (let k = from; k < to - 2; k++) {
      if (URL_BREAK_AFTER.has(text[k]) && !URL_BREAK_AFTER.has(text[k + 1])) out.push(k + 1);
    }
  }
  return out;
}

/** A web address, path or e-mail address: the kinds of Latin run that may break inside. */
function isUrl(text: string): boolean {
  // Most Latin runs are numbers and words: without a slash, an @ or a leading www. none is an
  // address, and the expressions below are not worth running on them.
  if (!text.includes('/') && !text.includes('@') && !/^www\./i.test(text)) return false;
  return /^(https?:\/\/|www\.)/i.test(text) || (text.match(/\//g)?.length ?? 0) >= 3 || /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/.test(text);
}

const URL_BREAK_PENALTY = 400;
/** clreq allows a long Latin run to break after these; never before the run's last character. */
const URL_BREAK_AFTER = new Set([...'./-_@']);

/** Split a URL or e-mail address after . / - _ @ into pieces that may break apart at a cost. */
function splitAfterSlashes(c: Cluster): Cluster[] {
  const pieces: Cluster[] = [];
  let start = 0;
  const gs = c.glyphs;
  for (let i = 0; i < gs.length - 2; i++) {
    if (!URL_BREAK_AFTER.has(gs[i].text) || URL_BREAK_AFTER.has(gs[i + 1].text)) continue;
    // Not glued: a justified line may spread a little between the pieces of an address.
    pieces.push(subCluster(c, start, i + 1, URL_BREAK_PENALTY, false));
    start = i + 1;
  }
  pieces.push(subCluster(c, start, gs.length));
  return pieces;
}
