/**
 * Glyph positions read from a PDF's content streams with pdfjs-dist (what a viewer draws, not
 * what layout meant): every glyph with its x, advance and baseline, grouped into lines.
 */
export interface PdfGlyph {
  ch: string;
  x: number;
  /** Declared advance, pt. */
  w: number;
  size: number;
  /** Baseline from the top of the page, pt. */
  y: number;
}

export interface PdfLine {
  glyphs: PdfGlyph[];
  text: string;
  y: number;
  size: number;
}

export async function readGlyphLines(data: Uint8Array): Promise<PdfLine[][]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(data), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: PdfLine[][] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const height = page.view[3];
    const ops = await page.getOperatorList();
    let size = 0;
    let hscale = 1;
    let tm: number[] = [1, 0, 0, 1, 0, 0];
    const glyphs: PdfGlyph[] = [];
    ops.fnArray.forEach((fn, i) => {
      const a = ops.argsArray[i] as unknown[];
      if (fn === pdfjs.OPS.setFont) size = a[1] as number;
      else if (fn === pdfjs.OPS.setHScale) hscale = (a[0] as number) / 100;
      else if (fn === pdfjs.OPS.setTextMatrix) tm = Object.values(a[0] as object) as number[];
      else if (fn === pdfjs.OPS.showText) {
        let x = 0;
        for (const g of a[0] as (number | { unicode: string; width: number })[]) {
          if (typeof g === 'number') {
            x -= (g / 1000) * size;
            continue;
          }
          const w = (g.width / 1000) * size;
          glyphs.push({ ch: g.unicode, x: tm[4] + x * hscale, w: w * hscale, size, y: height - tm[5] });
          x += w;
        }
      }
    });
    // A line is the glyphs of one size on one baseline; a raised …… joins the line it sits in.
    const groups = new Map<string, PdfGlyph[]>();
    for (const g of glyphs) {
      const k = `${g.y.toFixed(1)}|${g.size}`;
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k)!.push(g);
    }
    const merged: PdfGlyph[][] = [];
    for (const gs of [...groups.values()].sort((a, b) => b.length - a.length)) {
      const home = merged.find((m) => m[0].size === gs[0].size && Math.abs(m[0].y - gs[0].y) < 3);
      if (home) home.push(...gs.map((g) => ({ ...g, y: home[0].y })));
      else merged.push(gs);
    }
    pages.push(
      merged
        .map((gs) => gs.sort((a, b) => a.x - b.x))
        .sort((a, b) => a[0].y - b[0].y || a[0].x - b[0].x)
        .map((gs) => ({ glyphs: gs, text: gs.map((g) => g.ch).join(''), y: gs[0].y, size: gs[0].size })),
    );
  }
  await doc.destroy();
  return pages;
}
