/**
 * Justify: place a fitted line's clusters and glyphs at their final x positions.
 */
import type { LineFit } from './breakLines.js';
import type { Cluster } from './itemize.js';
import type { Cell, PlacedGlyph } from './types.js';

export type Align = 'justify' | 'left' | 'center' | 'right';

export interface PlacedLine {
  x: number;
  width: number;
  glyphs: PlacedGlyph[];
  cells: Cell[];
  overfull: boolean;
}

/**
 * Place clusters of one line starting at `x0` within a box of `boxWidth`.
 * For 'center' and 'right' the line is set at its natural width (plus any compression) and shifted.
 */
export function placeLine(cs: Cluster[], fit: LineFit, x0: number, boxWidth: number, align: Align): PlacedLine {
  const left = new Set(fit.squeezeLeft);
  const right = new Set(fit.squeezeRight);
  let stop = fit.end;
  while (stop > fit.start + 1 && cs[stop - 1].kind === 'space') stop--;
  // A right-aligned line ends at the ink of its closing mark, not at the mark's blank half.
  if (align === 'right' && cs[stop - 1].squeezeRight > 0 && !right.has(stop - 1)) {
    right.add(stop - 1);
    fit = { ...fit, natural: fit.natural - cs[stop - 1].squeezeRight };
  }
  // A centred line starting with an opening mark would look shifted right by the mark's blank
  // half: set that mark half-width (clreq allows it at a line start).
  if (align === 'center' && cs[fit.start].squeezeLeft > 0 && !left.has(fit.start)) {
    left.add(fit.start);
    fit = { ...fit, natural: fit.natural - cs[fit.start].squeezeLeft };
  }
  // … and one ending with a closing mark shifted left by its blank half.
  if (align === 'center' && cs[stop - 1].squeezeRight > 0 && !right.has(stop - 1)) {
    right.add(stop - 1);
    fit = { ...fit, natural: fit.natural - cs[stop - 1].squeezeRight };
  }
  const gap = align === 'justify' ? fit.gap : Math.min(fit.gap, 0);
  let gaps = 0;
  for (let k = fit.start; k < stop - 1; k++) if (!cs[k].glued) gaps++;
  // As in fitLine: a line of nothing but URL pieces spreads between them.
  const spreadGlued = gaps === 0;
  if (spreadGlued) gaps = stop - fit.start - 1;
  let total = fit.natural + gap * gaps;
  let x = x0;
  if (align === 'center') {
    // Centre the ink: a letter-spaced cell carries blank space after its glyph.
    const last = cs[stop - 1];
    const g = last.glyphs[last.glyphs.length - 1];
    const trailing = last.kind === 'ideo' && g ? Math.max(0, last.width - (g.x + g.face.advance(g.text.codePointAt(0)!) * g.size)) : 0;
    x += (boxWidth - (total - trailing)) / 2;
  } else if (align === 'right') x += boxWidth - total;
  const startX = x;
  const glyphs: PlacedGlyph[] = [];
  const cells: Cell[] = [];
  for (let k = fit.start; k < stop; k++) {
    const c = cs[k];
    const cutLeft = left.has(k) ? c.squeezeLeft : 0;
    const cutRight = right.has(k) ? c.squeezeRight : 0;
    const w = c.width - cutLeft - cutRight;
    for (const g of c.glyphs) {
      // Each cluster is placed once, in the one line that holds it: its glyphs take their page
      // position in place (no copy; a 6-page issue has some 4,000 of them).
      const placed: PlacedGlyph = g;
      placed.x = x - cutLeft + g.x;
      // A mark whose right blank is cut declares the narrower width (its ink is in the left half).
      if (cutRight > 0 && c.glyphs.length === 1) placed.advance = w / g.size;
      glyphs.push(placed);
    }
    cells.push({ text: c.text, x, width: w, loc: c.loc });
    x += w;
    if (k < stop - 1 && (spreadGlued || !c.glued)) x += gap;
  }
  total = x - startX;
  return { x: startX, width: total, glyphs, cells, overfull: fit.overfull };
}
