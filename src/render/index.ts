/**
 * Render a laid-out issue to PDF with pdfkit. Layout has decided every position; this stage
 * only draws: each line's glyphs as TJ runs with explicit offsets (no shaping, no pdfkit line
 * layout), rules as filled rectangles, colours in DeviceCMYK.
 */
import { createHash } from 'node:crypto';
import type { Font as FontkitFont } from 'fontkit';
import type { IssueLayout, PlacedGlyph, RuleBox, TextLine } from '../layout/types.js';
import type { Cmyk } from '../style/index.js';

export interface PdfMeta {
  title: string;
  author: string;
  subject: string;
  creator: string;
  /** The issue date: also the CreationDate, so the same input always gives the same bytes. */
  date: Date;
  colors: { red: Cmyk; text: Cmyk };
}

/** A face as the renderer needs it: the parsed fontkit font under a stable key. */
interface Drawable {
  key: string;
  font: FontkitFont;
}

interface EmbeddedFontLike {
  id: string;
  subset: { includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  scale: number;
  ref(): unknown;
}

type PdfDoc = PDFKit.PDFDocument & {
  _root: { data: Record<string, unknown> };
  _font: EmbeddedFontLike;
  _fontCount: number;
  _fontFamilies: Record<string, EmbeddedFontLike>;
  page: PDFKit.PDFPage & { fonts: Record<string, unknown>; height: number; dictionary: { data: Record<string, unknown> } };
  addContent(s: string): PdfDoc;
};

const num = (n: number) => (Math.round(n * 1000) / 1000).toString();

export async function renderPdf(layout: IssueLayout, meta: PdfMeta): Promise<Buffer> {
  // pdfkit costs ~85 ms to load: only pay for it when a PDF is written.
  const { default: PDFDocument } = await import('pdfkit');
  const g = layout.geometry;
  const doc = new PDFDocument({
    size: [g.pageWidth, g.pageHeight],
    margin: 0,
    autoFirstPage: false,
    font: null as unknown as string,
    // PDF/X-1a:2003 (ISO 15930-4) is built on PDF 1.4; nothing here needs a later version.
    pdfVersion: '1.4',
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Creator: meta.creator,
      Producer: meta.creator,
      CreationDate: meta.date,
      ModDate: meta.date,
      // PDF/X-1a:2003: CMYK and K only, every font embedded, a registered output condition.
      GTS_PDFXVersion: 'PDF/X-1:2003',
      GTS_PDFXConformance: 'PDF/X-1a:2003',
    } as PDFKit.DocumentInfo,
  }) as unknown as PdfDoc;
  // Trapped is a name, not a string: pdfkit writes every Info string as a string, so hand it a
  // value that writes itself as the name /False (an object that pdfkit treats as a reference).
  (doc.info as unknown as Record<string, unknown>).Trapped = Object.create(Object.getPrototypeOf(doc._root), { toString: { value: () => '/False' } });
  doc._root.data.OutputIntents = [outputIntent(doc)];
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const embedded = new Map<string, EmbeddedFontLike>();
  // `variant` separates glyphs declared with a compressed width: a PDF font has one width per
  // glyph, so compressed marks go into a second (small) subset of the same face.
  const embed = (face: Drawable, variant = ''): EmbeddedFontLike => {
    const key = face.key + variant;
    let ef = embedded.get(key);
    if (!ef) {
      if (!variant) {
        doc.font(face.font as unknown as string, key);
        ef = doc._font;
      } else {
        // pdfkit shares one embedding per font name; a variant needs its own, registered so
        // that doc.end() embeds it too.
        const base = embed(face);
        const Ctor = base.constructor as new (d: unknown, f: FontkitFont, id: string) => EmbeddedFontLike;
        ef = new Ctor(doc, face.font, `F${++doc._fontCount}`);
        doc._fontFamilies[key] = ef;
      }
      embedded.set(key, ef);
    }
    return ef;
  };

  for (const page of layout.pages) {
    doc.addPage({ size: [g.pageWidth, g.pageHeight], margin: 0 });
    // The sheet is the trimmed page (no bleed: nothing is printed to the edge).
    doc.page.dictionary.data.TrimBox = [0, 0, g.pageWidth, g.pageHeight];
    for (const item of page.items) {
      if (item.kind === 'rule') drawRule(doc, item, item.ink === 'red' ? meta.colors.red : meta.colors.text);
      else drawLine(doc, item, item.ink === 'red' ? meta.colors.red : meta.colors.text, embed);
    }
  }
  // Bookmarks: the issue, and under it each article at its title.
  if (layout.outline.length) {
    const issue = doc.outline.addItem(meta.title, { pageNumber: 0, fit: true, expanded: true } as never) as unknown as {
      addItem(t: string, o: unknown): unknown;
    };
    for (const e of layout.outline) issue.addItem(e.title, { pageNumber: e.page, fit: false, top: e.top, left: g.pageWidth, zoom: 0 });
  }
  // Subset tags (the ABCDEF+ before a font name) must differ between different subsets of a
  // face (a print shop may merge files): derive them from the glyphs used. pdfkit takes the tag
  // from characters 1–6 of the font id, whose digits it maps to A–J; the id is only used as a
  // resource name once drawing is done, and those names are already written.
  for (const [key, ef] of embedded) {
    const glyphs = (ef.subset as unknown as { glyphs: number[] }).glyphs ?? [];
    const digest = createHash('sha256')
      .update(`${key}|${(ef as unknown as { name?: string }).name}|${glyphs.join(',')}`)
      .digest();
    ef.id = `F${[...digest.subarray(0, 6)].map((b) => b % 10).join('')}`;
  }
  doc.end();
  return done;
}

/**
 * The printing condition the CMYK values are meant for, named by its registered characterization
 * (ICC registry) rather than by an embedded profile, as PDF/X-1a allows: FOGRA39, offset on
 * coated paper, the usual default of print shops.
 */
function outputIntent(doc: PdfDoc): unknown {
  const ref = (doc as unknown as { ref(d: unknown): { end(): void } }).ref({
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: new String('FOGRA39'),
    OutputCondition: new String('Coated FOGRA39 (ISO 12647-2:2004)'),
    RegistryName: new String('http://www.color.org'),
    Info: new String('Coated FOGRA39 (ISO 12647-2:2004)'),
  });
  ref.end();
  return ref;
}

function drawRule(doc: PdfDoc, r: RuleBox, color: Cmyk): void {
  doc.save();
  doc.rect(r.x1, r.y - r.thickness / 2, r.x2 - r.x1, r.thickness).fill(color as unknown as PDFKit.Mixins.ColorValue);
  doc.restore();
}

type Embed = (f: Drawable, variant?: string) => EmbeddedFontLike;

function drawLine(doc: PdfDoc, line: TextLine, color: Cmyk, embed: Embed): void {
  if (!line.glyphs.length) return;
  doc.save();
  doc.fillColor(color as unknown as PDFKit.Mixins.ColorValue);
  doc.transform(1, 0, 0, -1, 0, doc.page.height);
  const y = doc.page.height - line.baseline;
  const ops: string[] = ['BT'];
  // Group consecutive glyphs sharing face, size and horizontal scale into one TJ.
  let i = 0;
  while (i < line.glyphs.length) {
    const first = line.glyphs[i];
    let j = i + 1;
    while (
      j < line.glyphs.length &&
      line.glyphs[j].face.key === first.face.key &&
      line.glyphs[j].size === first.size &&
      line.glyphs[j].scaleX === first.scaleX &&
      (line.glyphs[j].rise ?? 0) === (first.rise ?? 0) &&
      variantOf(line.glyphs[j]) === variantOf(first)
    )
      j++;
    ops.push(runOps(doc, line.glyphs, i, j, y, embed));
    i = j;
  }
  ops.push('ET');
  doc.addContent(ops.join('\n'));
  doc.restore();
}

/**
 * The subset a glyph is drawn from: the face's own, or one per compressed width (a mark set
 * half-width in a body cell, 0.494 em, and in a 14 pt end-block line, 0.5 em, are two subsets:
 * a PDF font has one width per glyph).
 */
function variantOf(g: PlacedGlyph): string {
  return g.advance === undefined ? '' : `~c${Math.round(g.advance * 1000)}`;
}

/** `<0041>`: a subset glyph id as a TJ string, made once per id (subset ids are small and shared by every run). */
const glyphHex: string[] = [];
const hexOf = (gid: number) => (glyphHex[gid] ??= `<${gid.toString(16).padStart(4, '0')}>`);

/** The text operators of the glyphs from..to (exclusive) of a line, which share face, size and scale. */
function runOps(doc: PdfDoc, line: PlacedGlyph[], from: number, to: number, y: number, embed: Embed): string {
  const first = line[from];
  const face = first.face as unknown as Drawable & { advance(cp: number): number; glyphId(cp: number): number; advanceOfGlyph(gid: number): number };
  const compressed = first.advance !== undefined;
  const ef = embed(face, variantOf(first));
  if (doc.page.fonts[ef.id] == null) doc.page.fonts[ef.id] = ef.ref();
  const { size, scaleX } = first;
  const parts: string[] = [];
  let pen = first.x;
  for (let k = from; k < to; k++) {
    const g = line[k];
    const cp = g.text.codePointAt(0)!;
    const id = face.glyphId(cp);
    const gid = ef.subset.includeGlyph(id);
    const adv = g.advance ?? face.advance(cp);
    if (ef.widths[gid] == null) ef.widths[gid] = g.advance !== undefined ? g.advance * 1000 : face.advanceOfGlyph(id) * ef.scale;
    if (ef.unicode[gid] == null) ef.unicode[gid] = [cp];
    const shift = g.x - pen;
    // TJ offsets are in thousandths of text space, scaled by Tz like the glyph advances.
    if (Math.abs(shift) > 1e-4) parts.push(num((-shift * 1000) / size / scaleX));
    parts.push(hexOf(gid));
    pen = g.x + (compressed ? ef.widths[gid] / 1000 : adv) * size * scaleX;
  }
  const tz = scaleX !== 1 ? `${num(scaleX * 100)} Tz ` : '';
  const reset = scaleX !== 1 ? ' 100 Tz' : '';
  return `/${ef.id} ${num(size)} Tf ${tz}1 0 0 1 ${num(first.x)} ${num(y + (first.rise ?? 0))} Tm [${parts.join(' ')}] TJ${reset}`;
}
