/** Layout output: positioned glyphs, lines and rules on pages. Coordinates in pt, origin top-left of the page, y down. */
import type { Diagnostic, SourceLoc } from '../diagnostics/index.js';
import type { FontMetrics, FontRole } from '../fonts/types.js';
import type { Geometry } from '../style/index.js';

export type Ink = 'text' | 'red';

export interface PlacedGlyph {
  /** One code point. */
  text: string;
  face: FontMetrics;
  size: number;
  /** Left edge of the glyph's advance box. */
  x: number;
  /** Horizontal scale (1 = natural); used to draw —— as one unbroken rule. */
  scaleX: number;
  /**
   * Declared advance in ems when it differs from the font's (a compressed mark set half-width).
   * The renderer writes this width into the PDF so text extraction sees no overlapping glyphs.
   */
  advance?: number;
  /** Raised this far above the baseline, pt (…… is centred on the ideographic em box whatever the font does). */
  rise?: number;
}

/** A cell: one unbreakable unit (an ideograph, a mark, a Latin word, ——) and where it was put. */
export interface Cell {
  text: string;
  x: number;
  width: number;
  loc: SourceLoc;
}

export interface TextLine {
  kind: 'text';
  role: FontRole;
  ink: Ink;
  /** Baseline y (set by pagination). */
  baseline: number;
  /** Leftmost and rightmost edge of the set line. */
  x: number;
  width: number;
  glyphs: PlacedGlyph[];
  cells: Cell[];
  /** True for a paragraph's last line (not justified). */
  last: boolean;
  /** Grid line index on its page (0-based), or -1 for lines placed off the grid (masthead, page number). */
  gridLine: number;
}

export interface RuleBox {
  kind: 'rule';
  x1: number;
  x2: number;
  y: number;
  thickness: number;
  ink: Ink;
}

export type PageItem = TextLine | RuleBox;

export interface PageLayout {
  /** Printed page number (1-based); 0 for an inserted blank page, which carries no number. */
  number: number;
  items: PageItem[];
}

/** A bookmark: an article title and where it starts. */
export interface OutlineEntry {
  title: string;
  /** Index into `pages`. */
  page: number;
  /** Top of the title's first line, pt from the top of the page. */
  top: number;
}

/** Where the end block (版记) went, and what that left of the last page of text. */
export interface EndBlockPlace {
  /** Index into `pages` of the page that holds it. */
  page: number;
  /** Index into `pages` of the last page of text. */
  lastText: number;
  /** Unnumbered blank pages inserted between the two (text ending on an even page without room). */
  blankPages: number;
  /** Grid rows the end block takes. */
  lines: number;
  /** Empty grid rows at the foot of the last page of text. */
  rowsLeft: number;
  /** It has a page of its own. */
  newPage: boolean;
  /** The even-page rule (style.end_block.even_page) keeps it off the last page of text, an odd page. */
  oddLastPage: boolean;
}

export interface IssueLayout {
  geometry: Geometry;
  pages: PageLayout[];
  /** One entry per article, in order (the PDF's bookmarks). */
  outline: OutlineEntry[];
  /** Undefined when the issue has no end block. */
  endBlock?: EndBlockPlace;
  diagnostics: Diagnostic[];
}

export function lineText(line: TextLine): string {
  return line.cells.map((c) => c.text).join('');
}

/** A set line, not yet on a page (pagination gives it a baseline and a grid line). */
export function textLine(placed: { x: number; width: number; glyphs: PlacedGlyph[]; cells: Cell[] }, role: FontRole, ink: Ink, last: boolean): TextLine {
  return { kind: 'text', role, ink, baseline: 0, x: placed.x, width: placed.width, glyphs: placed.glyphs, cells: placed.cells, last, gridLine: -1 };
}
