/**
 * OpenType fonts with PostScript outlines (a `CFF ` table: Fandol, Noto CJK and Source Han OTF),
 * read and subset without the costs fontkit pays for them:
 *
 * - fontkit decodes the CharStrings INDEX whole (one object per glyph: 10,000–65,000 of them) and
 *   its reader here would have to read the whole table (5–8 MB for a CJK face) for that. Here the
 *   table is read without the charstring data, the INDEX is decoded with a count of 0, and the
 *   glyphs' entries are computed from its offset array when asked for; a glyph's charstring is read
 *   when it is first used (with the others looked up so far, in as few reads as their positions allow).
 * - fontkit's CFF subsetter runs every glyph through its charstring interpreter (building the path)
 *   only to learn which subroutines it calls. A font without subroutines (Fandol) needs no walk at
 *   all; otherwise the charstrings are scanned for calls alone: same operand stack, no path. Anything
 *   the scan does not model (CFF2 blends, `random`, unknown operators, deep recursion) takes
 *   fontkit's own interpreter, so the subset is byte-for-byte the one fontkit would write.
 */

interface CffIndexEntry {
  offset: number;
  length: number;
}

interface CffPrivate {
  Subrs?: ArrayLike<CffIndexEntry> | null;
  nominalWidthX?: number;
}

/** The parts of fontkit's decoded CFF table used here. */
export interface CffTable {
  version: number;
  isCIDFont: boolean;
  topDict: {
    CharStrings: ArrayLike<CffIndexEntry>;
    Private?: CffPrivate | null;
    FDArray?: { Private?: CffPrivate | null }[] | null;
  };
  globalSubrIndex?: ArrayLike<CffIndexEntry> | null;
  privateDictForGlyph(gid: number): CffPrivate | null;
}

/** What CFFSubset reads from a glyph: the subroutines its charstring calls (by biased index). */
export interface SubrUse {
  path?: unknown;
  _usedGsubrs: Record<number, boolean>;
  _usedSubrs: Record<number, boolean>;
}

interface Region {
  offset: number;
  length: number;
}

/** Where the charstrings are, in absolute file offsets. */
interface CharStringsLayout {
  /** Position of the INDEX's 2-byte count. */
  countAt: number;
  count: number;
  offSize: number;
  /** First byte of the offset array. */
  offsetsAt: number;
  /** The byte before the data (offsets count from 1). */
  base: number;
  /** The data region [dataStart, dataEnd). */
  dataStart: number;
  dataEnd: number;
}

/**
 * Set up lazy reading of a font's `CFF ` table. `decodeTable` is fontkit's table decoder for this
 * font; the returned decoder is used in its place. `read` fills a region of `buf` from the file,
 * `markRead` tells the caller's table reader not to read the table whole.
 */
export function lazyCffDecoder(
  buf: Buffer,
  table: Region,
  read: (offset: number, length: number) => void,
  markRead: () => void,
  decodeTable: (t: { tag: string }) => unknown,
): { decode: (t: { tag: string }) => unknown; glyphLookedUp: (gid: number) => void } {
  // Glyphs looked up but whose charstrings are not read yet.
  let pending: number[] = [];
  // Glyphs looked up before the table was first needed (layout comes before the PDF).
  let early: Set<number> | undefined = new Set();
  let readGlyphs: Uint8Array | undefined;
  let layout: CharStringsLayout | undefined;
  const queue = (gid: number) => {
    if (early) early.add(gid);
    else if (readGlyphs && gid >= 0 && gid < readGlyphs.length && !readGlyphs[gid]) {
      readGlyphs[gid] = 2; // queued
      pending.push(gid);
    }
  };
  const offsetOf = (i: number) => readOffset(buf, layout!.offsetsAt + i * layout!.offSize, layout!.offSize);
  const flush = () => {
    const l = layout!;
    const ranges = pending.map((gid) => [l.base + offsetOf(gid), l.base + offsetOf(gid + 1)] as [number, number]).sort((a, b) => a[0] - b[0]);
    for (const gid of pending) readGlyphs![gid] = 1;
    pending = [];
    let [start, end] = ranges[0] ?? [0, 0];
    for (const [s, e] of ranges.slice(1)) {
      if (s - end <= 4096) end = Math.max(end, e);
      else {
        read(start, end - start);
        [start, end] = [s, e];
      }
    }
    if (end > start) read(start, end - start);
  };
  const entries = new Map<number, CffIndexEntry>();
  const entry = (gid: number): CffIndexEntry | undefined => {
    const l = layout!;
    if (!(gid >= 0 && gid < l.count)) return undefined;
    let e = entries.get(gid);
    if (!e) {
      if (readGlyphs![gid] !== 1) {
        if (!readGlyphs![gid]) queue(gid);
        flush();
      }
      const start = offsetOf(gid);
      e = { offset: l.base + start, length: offsetOf(gid + 1) - start };
      entries.set(gid, e);
    }
    return e;
  };

  const decode = (t: { tag: string }) => {
    if (t.tag !== 'CFF ') return decodeTable(t);
    const seen = early!;
    early = undefined;
    layout = locateCharStrings(buf, table, read);
    if (!layout) return decodeTable(t); // read and decoded whole, as fontkit does
    // Everything but the charstring data: header, names, strings, subroutines, charset, FDSelect, private dicts.
    read(table.offset, layout.dataStart - table.offset);
    read(layout.dataEnd, table.offset + table.length - layout.dataEnd);
    markRead();
    readGlyphs = new Uint8Array(layout.count);
    for (const gid of seen) queue(gid);
    // fontkit's decoder reads an INDEX of no entries in place of the charstrings.
    const count = buf.readUInt16BE(layout.countAt);
    buf.writeUInt16BE(0, layout.countAt);
    let cff: CffTable | undefined;
    try {
      cff = decodeTable(t) as CffTable | undefined;
    } finally {
      buf.writeUInt16BE(count, layout.countAt);
    }
    if (cff?.topDict) cff.topDict.CharStrings = lazyIndex(layout.count, entry);
    return cff;
  };
  return { decode, glyphLookedUp: queue };
}

/** An array-like of INDEX entries computed on access. */
function lazyIndex(count: number, entry: (i: number) => CffIndexEntry | undefined): ArrayLike<CffIndexEntry> {
  return new Proxy([] as CffIndexEntry[], {
    get(target, key) {
      if (typeof key === 'string') {
        if (key === 'length') return count;
        const i = Number(key);
        if (Number.isInteger(i) && String(i) === key) return entry(i);
      }
      return Reflect.get(target, key);
    },
    has(target, key) {
      if (typeof key === 'string') {
        const i = Number(key);
        if (Number.isInteger(i) && String(i) === key) return i >= 0 && i < count;
      }
      return Reflect.has(target, key);
    },
  });
}

function readOffset(buf: Buffer, at: number, size: number): number {
  switch (size) {
    case 1:
      return buf[at];
    case 2:
      return buf.readUInt16BE(at);
    case 3:
      return buf.readUIntBE(at, 3);
    default:
      return buf.readUInt32BE(at);
  }
}

/**
 * Find the CharStrings INDEX of a CFF (version 1) table, reading only the header, the Name and Top
 * DICT INDEXes and the INDEX's offset array. Undefined for anything else (CFF2, a font set, an
 * FDSelect of format 0, whose decoder needs the glyph count, or a table that does not add up).
 */
function locateCharStrings(buf: Buffer, table: Region, read: (offset: number, length: number) => void): CharStringsLayout | undefined {
  const end = table.offset + table.length;
  let have = table.offset;
  const need = (upTo: number): boolean => {
    if (upTo > end) return false;
    if (upTo > have) {
      read(have, upTo - have);
      have = upTo;
    }
    return true;
  };
  const readAt = (at: number, length: number): boolean => {
    if (at < table.offset || at + length > end) return false;
    if (at + length > have) read(at, length);
    return true;
  };
  /** An INDEX at `at`: its entries' [start, end) and where it ends. */
  const index = (at: number): { items: [number, number][]; next: number } | undefined => {
    if (!need(at + 2)) return undefined;
    const count = buf.readUInt16BE(at);
    if (count === 0) return { items: [], next: at + 2 };
    if (!need(at + 3)) return undefined;
    const offSize = buf[at + 2];
    if (offSize < 1 || offSize > 4 || !need(at + 3 + (count + 1) * offSize)) return undefined;
    const base = at + 2 + (count + 1) * offSize;
    const items: [number, number][] = [];
    for (let i = 0; i < count; i++)
      items.push([base + readOffset(buf, at + 3 + i * offSize, offSize), base + readOffset(buf, at + 3 + (i + 1) * offSize, offSize)]);
    const next = base + readOffset(buf, at + 3 + count * offSize, offSize);
    return next <= end ? { items, next } : undefined;
  };
  if (!need(table.offset + 4) || buf[table.offset] !== 1) return undefined;
  const names = index(table.offset + buf[table.offset + 2]);
  const tops = names && index(names.next);
  if (!tops || tops.items.length !== 1) return undefined;
  const [dictStart, dictEnd] = tops.items[0];
  if (!need(dictEnd)) return undefined;
  const ops = parseDict(buf, dictStart, dictEnd);
  const charStrings = ops?.get(17)?.[0];
  if (charStrings === undefined) return undefined;
  const fdSelect = ops!.get((12 << 8) | 37)?.[0];
  if (fdSelect !== undefined && (!readAt(table.offset + fdSelect, 1) || buf[table.offset + fdSelect] === 0)) return undefined;
  const countAt = table.offset + charStrings;
  if (!readAt(countAt, 3)) return undefined;
  const count = buf.readUInt16BE(countAt);
  const offSize = buf[countAt + 2];
  if (count === 0 || offSize < 1 || offSize > 4) return undefined;
  const offsetsAt = countAt + 3;
  if (!readAt(offsetsAt, (count + 1) * offSize)) return undefined;
  const base = offsetsAt + (count + 1) * offSize - 1;
  const dataStart = base + readOffset(buf, offsetsAt, offSize);
  const dataEnd = base + readOffset(buf, offsetsAt + count * offSize, offSize);
  if (dataStart !== base + 1 || dataEnd < dataStart || dataEnd > end || dictEnd > dataStart) return undefined;
  return { countAt, count, offSize, offsetsAt, base, dataStart, dataEnd };
}

/** A CFF DICT's operators and their operands (numbers; reals are skipped as NaN). */
function parseDict(buf: Buffer, start: number, end: number): Map<number, number[]> | undefined {
  const ops = new Map<number, number[]>();
  let operands: number[] = [];
  let p = start;
  while (p < end) {
    const b = buf[p++];
    if (b <= 21) {
      const op = b === 12 ? (12 << 8) | buf[p++] : b;
      ops.set(op, operands);
      operands = [];
    } else if (b === 28) {
      operands.push(buf.readInt16BE(p));
      p += 2;
    } else if (b === 29) {
      operands.push(buf.readInt32BE(p));
      p += 4;
    } else if (b === 30) {
      while (p < end && (buf[p] & 0x0f) !== 0x0f && (buf[p] & 0xf0) !== 0xf0) p++;
      p++;
      operands.push(NaN);
    } else if (b >= 32 && b <= 246) operands.push(b - 139);
    else if (b >= 247 && b <= 250) operands.push((b - 247) * 256 + buf[p++] + 108);
    else if (b >= 251 && b <= 254) operands.push(-(b - 251) * 256 - buf[p++] - 108);
    else return undefined;
  }
  return ops;
}

const NO_SUBRS: SubrUse = Object.freeze({ _usedGsubrs: Object.freeze({}), _usedSubrs: Object.freeze({}) }) as SubrUse;

/** Whether a CFF table has any subroutines (global, or local in any private dict). */
export function hasSubrs(cff: CffTable): boolean {
  if ((cff.globalSubrIndex?.length ?? 0) > 0) return true;
  const privates = cff.topDict.FDArray ? cff.topDict.FDArray.map((fd) => fd.Private) : [cff.topDict.Private];
  return privates.some((p) => (p?.Subrs?.length ?? 0) > 0);
}

/** fontkit's subroutine bias (CFFGlyph.bias). */
function bias(subrs: ArrayLike<unknown>): number {
  return subrs.length < 1240 ? 107 : subrs.length < 33900 ? 1131 : 32768;
}

/**
 * The subroutines a glyph's charstring calls, found by running its operand stack exactly as
 * fontkit's interpreter does (CFFGlyph._getPath) but drawing nothing. Undefined where the scan
 * does not model what the charstring does: the caller then runs fontkit's interpreter.
 */
export function scanSubrs(cff: CffTable, bytes: Uint8Array, gid: number): SubrUse | undefined {
  if (cff.version >= 2) return undefined;
  const str = cff.topDict.CharStrings[gid];
  if (!str) return undefined;
  const gsubrs = cff.globalSubrIndex ?? [];
  const gsubrsBias = bias(gsubrs);
  const priv = cff.privateDictForGlyph(gid) ?? {};
  const subrs = priv.Subrs ?? [];
  const subrsBias = bias(subrs);
  const usedG: Record<number, boolean> = {};
  const usedL: Record<number, boolean> = {};
  const stack: number[] = [];
  const trans: number[] = [];
  let widthSet = false;
  let nStems = 0;
  const checkWidth = () => {
    if (!widthSet) {
      stack.shift();
      widthSet = true;
    }
  };
  const parseStems = () => {
    if (stack.length % 2 !== 0) checkWidth();
    nStems += stack.length >> 1;
    stack.length = 0;
  };
  const shift = (n: number) => stack.splice(0, n);
  const n = bytes.length;
  // Returns false where the scan gives up.
  const parse = (start: number, end: number, depth: number): boolean => {
    if (depth > 64) return false;
    let pos = start;
    while (pos < end) {
      if (pos >= n) return false;
      const op = bytes[pos++];
      if (op < 32) {
        switch (op) {
          case 1: // hstem, vstem, hstemhm, vstemhm
          case 3:
          case 18:
          case 23:
            parseStems();
            break;
          case 4: // vmoveto
            if (stack.length > 1) checkWidth();
            shift(1);
            break;
          case 5: // rlineto
            shift(stack.length - (stack.length % 2));
            break;
          case 6: // hlineto, vlineto, rrcurveto: everything
          case 7:
          case 8:
            stack.length = 0;
            break;
          case 10: // callsubr
          case 29: {
            // callgsubr
            const local = op === 10;
            const index = (stack.pop() as number) + (local ? subrsBias : gsubrsBias);
            const subr = (local ? subrs : gsubrs)[index];
            if (subr) {
              (local ? usedL : usedG)[index] = true;
              if (!parse(subr.offset, subr.offset + subr.length, depth + 1)) return false;
            }
            break;
          }
          case 11: // return
            return true;
          case 14: // endchar (fontkit reads on to the end)
            if (stack.length > 0) checkWidth();
            break;
          case 19: // hintmask, cntrmask
          case 20:
            parseStems();
            pos += (nStems + 7) >> 3;
            break;
          case 21: // rmoveto
            if (stack.length > 2) checkWidth();
            shift(2);
            break;
          case 22: // hmoveto
            if (stack.length > 1) checkWidth();
            shift(1);
            break;
          case 24: // rcurveline
            while (stack.length >= 8) shift(6);
            shift(2);
            break;
          case 25: // rlinecurve
            while (stack.length >= 8) shift(2);
            shift(6);
            break;
          case 26: // vvcurveto, hhcurveto
          case 27:
            if (stack.length % 2) shift(1);
            while (stack.length >= 4) shift(4);
            break;
          case 28: // shortint
            if (pos + 2 > n) return false;
            stack.push((((bytes[pos] << 8) | bytes[pos + 1]) << 16) >> 16);
            pos += 2;
            break;
          case 30: // vhcurveto, hvcurveto
          case 31:
            while (stack.length >= 4) {
              shift(4);
              if (stack.length === 1) shift(1);
            }
            break;
          case 12: {
            if (pos >= n) return false;
            const op2 = bytes[pos++];
            if (!escapeOperator(op2)) return false;
            break;
          }
          default: // vsindex, blend (CFF2) and reserved operators: fontkit's interpreter decides
            return false;
        }
      } else if (op < 247) stack.push(op - 139);
      else if (op < 251) {
        if (pos >= n) return false;
        stack.push((op - 247) * 256 + bytes[pos++] + 108);
      } else if (op < 255) {
        if (pos >= n) return false;
        stack.push(-(op - 251) * 256 - bytes[pos++] - 108);
      } else {
        if (pos + 4 > n) return false;
        stack.push(((bytes[pos] << 24) | (bytes[pos + 1] << 16) | (bytes[pos + 2] << 8) | bytes[pos + 3]) / 65536);
        pos += 4;
      }
    }
    return true;
  };
  // The two-byte operators that fontkit's interpreter carries out. Its other arithmetic operators
  // fail there (a variable read before it is declared, in its compiled switch) and `random`,
  // `index`, `roll` are rare: those glyphs go to the interpreter, which fails or draws as it did.
  const escapeOperator = (op: number): boolean => {
    switch (op) {
      case 3: {
        // and
        const a = stack.pop();
        const b = stack.pop();
        stack.push(a && b ? 1 : 0);
        return true;
      }
      case 18: // drop
        stack.pop();
        return true;
      case 20: {
        // put
        const val = stack.pop()!;
        trans[stack.pop()!] = val;
        return true;
      }
      case 22: {
        // ifelse
        const s1 = stack.pop()!;
        const s2 = stack.pop()!;
        const v1 = stack.pop()!;
        const v2 = stack.pop()!;
        stack.push(v1 <= v2 ? s1 : s2);
        return true;
      }
      case 34: // hflex
        shift(7);
        return true;
      case 35: // flex
        shift(13);
        return true;
      case 36: // hflex1
        shift(9);
        return true;
      case 37: // flex1
        shift(11);
        return true;
      default:
        return false;
    }
  };
  return parse(str.offset, str.offset + str.length, 0) ? { _usedGsubrs: usedG, _usedSubrs: usedL } : undefined;
}

/**
 * Make a CFF subset (fontkit's CFFSubset) learn each glyph's subroutines from scanSubrs, or from
 * nothing when the font has none, instead of building every glyph's path.
 */
export function cheapSubrWalk(subset: { cff?: CffTable; font: unknown }, font: { getGlyph(gid: number): unknown; stream: { buffer: Uint8Array } }): void {
  const cff = subset.cff;
  if (!cff || cff.version >= 2) return;
  const any = hasSubrs(cff);
  const uses = new Map<number, SubrUse>();
  subset.font = {
    getGlyph(gid: number): SubrUse {
      if (!any) return NO_SUBRS;
      let use = uses.get(gid);
      if (!use) {
        use = scanSubrs(cff, font.stream.buffer, gid);
        if (!use) {
          // fontkit's interpreter, for what the scan does not model.
          const glyph = font.getGlyph(gid) as SubrUse;
          void glyph.path;
          use = glyph;
        }
        uses.set(gid, use);
      }
      return use;
    },
  };
}
