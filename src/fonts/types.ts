/** What layout needs to know about a font: coverage and advance widths, in ems. */
export const FONT_ROLES = ['masthead', 'title', 'body', 'lead', 'heading1', 'heading2', 'heading3', 'note', 'attribution', 'page_number', 'end_block'] as const;
export type FontRole = (typeof FONT_ROLES)[number];

export interface FontMetrics {
  /** Stable key identifying the face (the renderer embeds one font per key). */
  readonly key: string;
  /** PostScript name, for messages. */
  readonly name: string;
  has(cp: number): boolean;
  /** Advance width in ems. */
  advance(cp: number): number;
  /** Horizontal ink extent in ems, [left, right], for glyphs drawn stretched (——). */
  ink(cp: number): [number, number];
  /** Ink box in ems, [minX, minY, maxX, maxY], y up from the baseline (…… is centred by it). */
  inkBox(cp: number): [number, number, number, number];
}

/** Fonts for every role, with the per-character fallback order. */
export interface FontBook {
  forRole(role: FontRole): FontMetrics;
  /** The faces tried, in order, when the role's font lacks a character. */
  fallbacks(role: FontRole): FontMetrics[];
  /** The face that draws `cp` in `role`: the role's own, else the first fallback that has it. */
  faceFor(role: FontRole, cp: number): FontMetrics | undefined;
}
