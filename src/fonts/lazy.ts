/**
 * Open a TrueType/OpenType font without reading the whole file. The default faces are 10–15 MB
 * each, nearly all of it glyph outlines, while an issue uses a few hundred glyphs: reading every
 * byte cost ~25 ms and ~40 MB per build. Here the file's bytes land in a buffer of the file's size
 * whose pages stay untouched (and so not resident) until needed: a table when fontkit first asks
 * for it, and the outlines of the glyphs looked up so far when the first outline is decoded.
 */
import { closeSync, readSync } from 'node:fs';
import { endianness } from 'node:os';
import * as fontkit from 'fontkit';
import { cheapSubrWalk, lazyCffDecoder } from './cff.js';
import { openChecked, readGuarded, type GuardedFailure } from '../archive/read.js';
import { directTrueTypeSubsets, type TTFSubsetState } from './ttf-subset.js';

/** Font files larger than this are refused: the largest CJK collections are under 100 MB. */
export const MAX_FONT_BYTES = 512 * 1024 * 1024;

/** Why a font file cannot be used; the words are chosen in i18n/faults.ts. */
export type FontFault = 'missing' | 'not-file' | 'too-large' | 'unreadable' | 'broken' | 'no-face' | 'not-collection';

export class FontFileError extends Error {
  constructor(
    readonly kind: FontFault,
    readonly code?: string,
    /** For no-face / not-collection: the faces the file does hold. */
    readonly faces: string[] = [],
  ) {
    super(`font file: ${kind}${code ? ` (${code})` : ''}`);
  }
}

function refused(f: GuardedFailure): FontFileError {
  return new FontFileError(f.reason === 'outside' ? 'not-file' : f.reason, f.reason === 'unreadable' ? f.code : undefined);
}

/** The file is not a font, or is cut short: said once, whatever the parser would have thrown. */
function broken(fd?: number): never {
  if (fd !== undefined) closeSync(fd);
  throw new FontFileError('broken');
}

interface FontInternals {
  _getTableStream(tag: string): { pos: number; readBuffer(n: number): Uint8Array };
  getGlyph(gid: number, characters?: number[]): unknown;
  createSubset(): unknown;
  loca?: { offsets: ArrayLike<number> };
  hmtx: { metrics: { length: number; get(i: number): { advance: number; bearing: number } }; bearings: { get(i: number): number | undefined } };
  _variationProcessor?: unknown;
  _decodeTable(table: { tag: string }): unknown;
  stream: { buffer: Uint8Array };
}

const SFNT_TAGS = new Set(['\0\x01\0\0', 'true', 'OTTO']);

/**
 * A lazily read font: a single TrueType/OpenType file, or one face (by PostScript name) of a
 * collection. Undefined for any other format, which the caller reads whole.
 */
export function openLazy(file: string, face?: string): fontkit.Font | undefined {
  // Checked before it is opened: a FIFO, a device or /dev/zero named like a font is refused at once.
  const o = openChecked(file, MAX_FONT_BYTES);
  if (!o.ok) throw refused(o);
  const fd = o.fd;
  try {
    const size = o.size;
    const buf = Buffer.allocUnsafeSlow(size);
    const readInto = (offset: number, length: number) => readSync(fd, buf, offset, length, offset) === length;
    if (size < 12 || !readInto(0, 12)) return broken(fd);
    const tag = buf.toString('latin1', 0, 4);
    // The table directories to read now: one for a single font, every face's for a collection.
    let directories: number[];
    if (tag === 'ttcf') {
      const count = buf.readUInt32BE(8);
      if (count > 64 || !readInto(12, 4 * count)) return broken(fd);
      directories = Array.from({ length: count }, (_, i) => buf.readUInt32BE(12 + 4 * i));
    } else if (SFNT_TAGS.has(tag)) {
      if (face) return closeAndGiveUp(fd);
      directories = [0];
    } else return closeAndGiveUp(fd);
    for (const at of directories) {
      if (at + 12 > size || !readInto(at, 12)) return broken(fd);
      const numTables = buf.readUInt16BE(at + 4);
      if (at + 12 + 16 * numTables > size || !readInto(at + 12, 16 * numTables)) return broken(fd);
      for (let i = 0; i < numTables; i++) {
        const o = at + 12 + 16 * i;
        const offset = buf.readUInt32BE(o + 8);
        const length = buf.readUInt32BE(o + 12);
        // A table reaching past the end: the file was cut short (a copy interrupted, a download).
        if (offset + length > size) return broken(fd);
        // A collection's faces are found by the PostScript name in their name tables.
        if (directories.length > 1 && buf.toString('latin1', o, o + 4) === 'name') readInto(offset, length);
      }
    }
    const stats = { bytesRead: 0 };
    const read = (offset: number, length: number) => {
      if (length > 0) stats.bytesRead += readSync(fd, buf, offset, length, offset);
    };
    const loaded = new Set<string>();
    const created = fontkit.create(buf, face) as unknown as fontkit.Font &
      FontInternals & { directory?: { tables: Record<string, { offset: number; length: number }> } };
    if (!created || typeof created._getTableStream !== 'function' || !created.directory) return closeAndGiveUp(fd);
    const font = created;
    // This face's own tables (a collection's faces may share some).
    const own = font.directory!.tables;
    const glyf = own.glyf;
    // Glyph outlines: remembered when a glyph is looked up, read when the first outline is
    // needed (subsetting, at render time), in as few reads as the glyphs' positions allow.
    const seen = new Set<number>();
    let pending: number[] = [];
    const flushGlyphs = () => {
      const loca = font.loca?.offsets;
      if (!glyf || !loca || !pending.length) return;
      const ranges = pending
        .filter((gid) => gid + 1 < loca.length && loca[gid + 1] > loca[gid])
        .map((gid) => [loca[gid], loca[gid + 1]] as [number, number])
        .sort((a, b) => a[0] - b[0]);
      pending = [];
      let [start, end] = ranges[0] ?? [0, 0];
      for (const [s, e] of ranges.slice(1)) {
        if (s - end <= 4096) end = Math.max(end, e);
        else {
          read(glyf.offset + start, end - start);
          [start, end] = [s, e];
        }
      }
      read(glyf.offset + start, end - start);
    };
    const tableStream = font._getTableStream.bind(font);
    font._getTableStream = (tag: string) => {
      if (tag === 'glyf') flushGlyphs();
      else if (!loaded.has(tag)) {
        loaded.add(tag);
        const t = own[tag];
        if (t) read(t.offset, t.length);
      }
      return tableStream(tag);
    };
    if (glyf) {
      const getGlyph = font.getGlyph.bind(font);
      font.getGlyph = (gid: number, characters?: number[]) => {
        if (!seen.has(gid)) {
          seen.add(gid);
          pending.push(gid);
        }
        return getGlyph(gid, characters);
      };
    }
    const cffTable = own['CFF '];
    if (cffTable) {
      // PostScript outlines: the table read without its charstrings, each read when first used.
      const cff = lazyCffDecoder(buf, cffTable, read, () => loaded.add('CFF '), font._decodeTable.bind(font));
      font._decodeTable = cff.decode;
      const getGlyph = font.getGlyph.bind(font);
      font.getGlyph = (gid: number, characters?: number[]) => {
        cff.glyphLookedUp(gid);
        return getGlyph(gid, characters);
      };
      const createSubset = font.createSubset.bind(font);
      font.createSubset = () => {
        const subset = createSubset();
        cheapSubrWalk(subset as unknown as Parameters<typeof cheapSubrWalk>[0], font);
        return subset;
      };
    }
    if (own.loca && own.head)
      preloadLoca(font as unknown as FontInternals & { _tables: Record<string, unknown>; head: { indexToLocFormat: number } }, buf, own.loca, read);
    if (glyf && !font._variationProcessor) {
      fastSimpleGlyphs(font as unknown as FontInternals);
      directTrueTypeSubsets(font as unknown as Parameters<typeof directTrueTypeSubsets>[0], own, buf);
    }
    // The descriptor stays open for the life of the process: faces are cached and reused.
    descriptors.set(font, fd);
    readStats.set(font, stats);
    return font;
  } catch (e) {
    try {
      closeSync(fd);
    } catch {
      /* already closed */
    }
    throw e;
  }
}

/**
 * The glyph offset table, read straight into a typed array: fontkit's generic decoder takes
 * ~6 ms per face for the 30,000–65,000 entries of a CJK font.
 */
function preloadLoca(
  font: { _tables: Record<string, unknown>; head: { indexToLocFormat: number } },
  buf: Buffer,
  loca: { offset: number; length: number },
  read: (offset: number, length: number) => void,
): void {
  read(loca.offset, loca.length);
  const long = font.head.indexToLocFormat === 1;
  const count = long ? loca.length >>> 2 : loca.length >>> 1;
  let offsets: Uint32Array;
  if (long) {
    // Byte-swapped natively into an array of its own: a JavaScript loop over 30,000–65,000
    // entries costs 5–10 ms per face when the optimizing compiler is off (scripts/v8flags.mjs).
    const copy = Buffer.allocUnsafeSlow(count * 4);
    buf.copy(copy, 0, loca.offset, loca.offset + count * 4);
    if (endianness() === 'LE') copy.swap32();
    offsets = new Uint32Array(copy.buffer, copy.byteOffset, count);
  } else {
    offsets = new Uint32Array(count);
    for (let i = 0, p = loca.offset; i < count; i++, p += 2) offsets[i] = buf.readUInt16BE(p) * 2;
  }
  font._tables.loca = { version: long ? 1 : 0, offsets };
}

const descriptors = new WeakMap<object, number>();
const readStats = new WeakMap<object, { bytesRead: number }>();

/** Bytes of table data read so far for a lazily read font (the table directories aside). */
export function bytesRead(font: object): number | undefined {
  return readStats.get(font)?.bytesRead;
}

/**
 * The names a font file goes by (file name, family, PostScript name), reading only its table
 * directory and name table, and closing it again: for matching the fonts in an archive's fonts/ folder.
 */
export function fontNames(file: string): string | undefined {
  const font = openLazy(file) ?? undefined;
  if (!font) {
    // A collection: fontkit reads it whole, but only once per file (see the caller's cache).
    const c = openWhole(file) as unknown as { fonts?: { familyName: string; postscriptName: string }[]; familyName?: string; postscriptName?: string };
    if (!c.fonts) return `${c.familyName} ${c.postscriptName}`;
    return c.fonts.map((f) => `${f.familyName} ${f.postscriptName}`).join(' ');
  }
  try {
    return `${font.familyName} ${font.postscriptName}`;
  } finally {
    closeSync(descriptors.get(font)!);
  }
}

/** A font file read whole through the guarded reader (formats openLazy leaves alone, and collections). */
export function openWhole(file: string): fontkit.Font | fontkit.FontCollection {
  const read = readGuarded(file, MAX_FONT_BYTES);
  if (!read.ok) throw refused(read);
  let font: fontkit.Font | fontkit.FontCollection | null;
  try {
    font = fontkit.create(read.bytes) as fontkit.Font | fontkit.FontCollection | null;
  } catch {
    return broken();
  }
  return font ?? broken();
}

function closeAndGiveUp(fd: number): undefined {
  closeSync(fd);
  return undefined;
}

/**
 * fontkit's TrueType subsetter decodes every glyph outline only to learn whether it is composite
 * and to read its metrics, which is most of the cost of writing a PDF. A simple glyph (contour
 * count ≥ 0 in its first two bytes) is copied as raw bytes with its metrics from hmtx, exactly as
 * fontkit would write it; composite glyphs still take fontkit's own path.
 */
function fastSimpleGlyphs(font: FontInternals): void {
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset() as TTFSubsetState;
    const addGlyph = subset._addGlyph.bind(subset);
    subset._addGlyph = (gid: number) => {
      const loca = font.loca!.offsets;
      const length = loca[gid + 1] - loca[gid];
      font.getGlyph(gid); // queues its outline for reading (the subset may hold ids never looked up, like .notdef)
      const stream = font._getTableStream('glyf');
      stream.pos += loca[gid];
      const bytes = stream.readBuffer(length);
      if (length >= 2 && ((bytes[0] << 8) | bytes[1]) & 0x8000) return addGlyph(gid);
      const m = font.hmtx.metrics;
      const metrics = gid < m.length ? m.get(gid) : { advance: m.get(m.length - 1).advance, bearing: font.hmtx.bearings.get(gid - m.length) ?? 0 };
      subset.glyf.push(bytes);
      subset.loca.offsets.push(subset.offset);
      subset.hmtx.metrics.push({ advance: metrics.advance, bearing: metrics.bearing });
      subset.offset += bytes.length;
      return subset.glyf.length - 1;
    };
    return subset;
  };
}
