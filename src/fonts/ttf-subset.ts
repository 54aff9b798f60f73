/**
 * TrueType subsets written directly: the very bytes fontkit's TTFSubset.encode writes, without
 * its generic struct encoder (restructure), which walks the subset's loca and hmtx arrays field
 * by field, sizing every entry before writing it: ~2.5 ms a PDF, about 8 % of a warm batch
 * build. Only loca, glyf and hmtx and two counts (maxp.numGlyphs, hhea.numberOfMetrics) depend
 * on the glyphs; every other table fontkit writes is the font's own, decoded and encoded again,
 * which for a well-formed table gives back its bytes. So that this holds for every font, the
 * second subset of each font is made both ways and compared (the first, often the only one, is
 * fontkit's alone): a font where the two differ keeps fontkit's encoder.
 */

/** fontkit's TTFSubset as this module drives it (see fontkit's TTFSubset.encode). */
export interface TTFSubsetState {
  glyphs: number[];
  glyf: Uint8Array[];
  loca: { offsets: number[]; version: number };
  hmtx: { metrics: { advance: number; bearing: number }[]; bearings: number[] };
  offset: number;
  _addGlyph(gid: number): number;
  encode(): Uint8Array;
}

interface FontTables {
  loca?: { version: number };
  _getTableStream(tag: string): unknown;
  createSubset(): unknown;
}

/** The tables of a subset, in the order fontkit writes them (it does not sort them by tag). */
const TAGS = ['head', 'hhea', 'loca', 'maxp', 'cvt ', 'prep', 'glyf', 'hmtx', 'fpgm'] as const;

/** Where the counts that change with the glyphs sit in head, hhea and maxp (OpenType spec). */
const HEAD_INDEX_TO_LOC_FORMAT = 50;
const HHEA_NUMBER_OF_METRICS = 34;
const MAXP_NUM_GLYPHS = 4;

/**
 * Make `font`'s subsets write themselves directly. `tables` is the face's table directory and
 * `file` the buffer its tables are read into (by font._getTableStream).
 */
export function directTrueTypeSubsets(font: FontTables, tables: Record<string, { offset: number; length: number }>, file: Uint8Array): void {
  encoders.set(font, 'new');
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset() as TTFSubsetState;
    const fontkitEncode = subset.encode.bind(subset);
    subset.encode = () => {
      const state = encoders.get(font);
      // A single build makes one large subset per font: making it twice would only cost time.
      if (state === 'new') encoders.set(font, 'unchecked');
      if (state === 'new' || state === 'fontkit') return fontkitEncode();
      let ours: Uint8Array | undefined;
      try {
        ours = encodeSubset(font, subset, tables, file);
      } catch {
        encoders.set(font, 'fontkit');
        return fontkitEncode();
      }
      if (state === 'direct') return ours;
      const theirs = fontkitEncode();
      encoders.set(font, equalBytes(ours, theirs) ? 'direct' : 'fontkit');
      return theirs;
    };
    return subset;
  };
}

/**
 * Who writes a font's subsets: fontkit for the first ('new' until it is made), then, from the
 * second, this module once it matched fontkit's bytes ('direct'), or fontkit again where it did
 * not ('fontkit'); 'unchecked' between the first and the second. Undefined for a font this module
 * was never given (not TrueType, or read whole).
 */
export type SubsetEncoder = 'new' | 'unchecked' | 'direct' | 'fontkit';

const encoders = new WeakMap<object, SubsetEncoder>();

export function subsetEncoder(font: object): SubsetEncoder | undefined {
  return encoders.get(font);
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));
}

/** fontkit's TTFSubset.encode, table for table. */
export function encodeSubset(
  font: FontTables,
  subset: TTFSubsetState,
  tables: Record<string, { offset: number; length: number }>,
  file: Uint8Array,
): Uint8Array {
  // Collect the glyphs as fontkit does: composite glyphs append their components as they go.
  subset.glyf = [];
  subset.offset = 0;
  subset.loca = { offsets: [], version: font.loca!.version };
  subset.hmtx = { metrics: [], bearings: [] };
  for (let i = 0; i < subset.glyphs.length; ) subset._addGlyph(subset.glyphs[i++]);
  subset.loca.offsets.push(subset.offset);
  const count = subset.glyf.length;
  const shortLoca = subset.loca.version === 0;

  // The font's own tables (read into `file` by _getTableStream), and the sizes of the three made here.
  const own = (tag: string): Uint8Array | undefined => {
    const t = tables[tag];
    if (!t) return undefined;
    font._getTableStream(tag);
    return file.subarray(t.offset, t.offset + t.length);
  };
  const made: Partial<Record<(typeof TAGS)[number], number>> = { loca: (count + 1) * (shortLoca ? 2 : 4), glyf: subset.offset, hmtx: count * 4 };
  const present = TAGS.flatMap((tag) => {
    const bytes = tag in made ? undefined : own(tag);
    const length = made[tag] ?? bytes?.length;
    return length === undefined ? [] : [{ tag, length, bytes }];
  });

  const numTables = present.length;
  const headerSize = 12 + 16 * numTables;
  const out = new Uint8Array(headerSize + present.reduce((n, t) => n + t.length, 0));
  const view = new DataView(out.buffer);
  const ascii = (at: number, text: string) => {
    for (let k = 0; k < 4; k++) out[at + k] = text.charCodeAt(k);
  };
  // The header as fontkit's Directory.preEncode computes it, floating point and all (DataView
  // truncates as restructure's does).
  const maxPowerOf2 = 2 ** Math.floor(Math.log(numTables) / Math.LN2);
  const searchRange = maxPowerOf2 * 16;
  ascii(0, 'true');
  view.setUint16(4, numTables);
  view.setUint16(6, searchRange);
  view.setUint16(8, Math.log(maxPowerOf2) / Math.LN2);
  view.setUint16(10, numTables * 16 - searchRange);

  let at = headerSize;
  present.forEach(({ tag, length, bytes }, k) => {
    const entry = 12 + 16 * k;
    ascii(entry, tag);
    view.setUint32(entry + 4, 0); // fontkit writes no checksums
    view.setUint32(entry + 8, at);
    view.setUint32(entry + 12, length);
    if (tag === 'loca') {
      // A short loca holds offsets halved (fontkit's loca.preEncode).
      const offsets = subset.loca.offsets;
      for (let g = 0; g < offsets.length; g++) {
        if (shortLoca) view.setUint16(at + 2 * g, offsets[g] >>> 1);
        else view.setUint32(at + 4 * g, offsets[g]);
      }
    } else if (tag === 'glyf') {
      let p = at;
      for (const bytes of subset.glyf) {
        out.set(bytes, p);
        p += bytes.length;
      }
    } else if (tag === 'hmtx') {
      subset.hmtx.metrics.forEach((m, g) => {
        view.setUint16(at + 4 * g, m.advance);
        view.setInt16(at + 4 * g + 2, m.bearing);
      });
    } else {
      out.set(bytes!, at);
      if (tag === 'head') view.setInt16(at + HEAD_INDEX_TO_LOC_FORMAT, subset.loca.version);
      else if (tag === 'hhea') view.setUint16(at + HHEA_NUMBER_OF_METRICS, count);
      else if (tag === 'maxp') view.setUint16(at + MAXP_NUM_GLYPHS, count);
    }
    at += length;
  });
  return out;
}
