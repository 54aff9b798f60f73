/**
 * OpenType CFF fonts for tests, made from Source Code Pro (OFL, a devDependency): the file itself
 * (name-keyed, global and local subroutines) and CID-keyed variants like the CJK fonts offices
 * have: one with subroutines, one without (as Fandol), one with hand-written charstrings that use
 * every kind of operator the subroutine scan has to follow.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);

export const SOURCE_CODE_PRO = require.resolve('source-code-pro/OTF/SourceCodePro-Regular.otf');

/** Type 2 charstring operators by name. */
const OPS: Record<string, number[]> = {
  hstem: [1],
  vstem: [3],
  vmoveto: [4],
  rlineto: [5],
  hlineto: [6],
  vlineto: [7],
  rrcurveto: [8],
  callsubr: [10],
  return: [11],
  endchar: [14],
  hstemhm: [18],
  hintmask: [19],
  cntrmask: [20],
  rmoveto: [21],
  hmoveto: [22],
  vstemhm: [23],
  rcurveline: [24],
  rlinecurve: [25],
  vvcurveto: [26],
  hhcurveto: [27],
  callgsubr: [29],
  vhcurveto: [30],
  hvcurveto: [31],
  and: [12, 3],
  or: [12, 4],
  not: [12, 5],
  abs: [12, 9],
  add: [12, 10],
  sub: [12, 11],
  div: [12, 12],
  neg: [12, 14],
  eq: [12, 15],
  drop: [12, 18],
  put: [12, 20],
  get: [12, 21],
  ifelse: [12, 22],
  random: [12, 23],
  mul: [12, 24],
  sqrt: [12, 26],
  dup: [12, 27],
  exch: [12, 28],
  index: [12, 29],
  roll: [12, 30],
  hflex: [12, 34],
  flex: [12, 35],
  hflex1: [12, 36],
  flex1: [12, 37],
};

/** Encode a charstring: numbers are operands, names operators, `{ raw: [...] }` bytes as they are (hint masks). */
export function charstring(...items: (number | string | { raw: number[] })[]): Uint8Array {
  const out: number[] = [];
  for (const it of items) {
    if (typeof it === 'string') {
      if (!OPS[it]) throw new Error(`unknown operator ${it}`);
      out.push(...OPS[it]);
    } else if (typeof it === 'object') out.push(...it.raw);
    else if (Number.isInteger(it) && it >= -107 && it <= 107) out.push(it + 139);
    else if (Number.isInteger(it) && it >= 108 && it <= 1131) out.push(((it - 108) >> 8) + 247, (it - 108) & 0xff);
    else if (Number.isInteger(it) && it <= -108 && it >= -1131) out.push(((-it - 108) >> 8) + 251, (-it - 108) & 0xff);
    else if (Number.isInteger(it) && it >= -32768 && it <= 32767) out.push(28, (it >> 8) & 0xff, it & 0xff);
    else {
      const v = Math.round(it * 65536) | 0;
      out.push(255, (v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
    }
  }
  return Uint8Array.from(out);
}

/** A box outline, different for each glyph. */
function box(gid: number): Uint8Array {
  const w = 100 + (gid % 400);
  return charstring(50, (gid % 90) - 45, 'rmoveto', w, 'hlineto', 600, 'vlineto', -w, 'hlineto', 'endchar');
}

interface Custom {
  /** Charstrings by glyph id (the others are boxes). */
  glyphs: Map<number, Uint8Array>;
  gsubrs: Uint8Array[];
  subrs: Uint8Array[];
}

/**
 * A CID-keyed copy of Source Code Pro, written to `dir`: every glyph keeps its id (so cmap and
 * hmtx still fit). `subrs: 'kept'` keeps the outlines and subroutines (CFF re-encoded as fontkit
 * subsets it, all glyphs included), `'none'` gives every glyph a box and no subroutines at all,
 * a Custom gives hand-written charstrings and subroutines.
 */
export function cidKeyedFont(dir: string, name: string, subrs: 'kept' | 'none' | Custom): string {
  const font = fontkit.openSync(SOURCE_CODE_PRO) as fontkit.Font & { numGlyphs: number; 'CFF ': { topDict: { Private: Record<string, unknown> } } };
  type SubsetInternals = {
    includeGlyph(gid: number): number;
    encode(): Uint8Array;
    glyphs: number[];
    charstrings: Uint8Array[];
    gsubrs: Uint8Array[];
    subsetCharstrings(): void;
    subsetSubrs(subrs: unknown, used: unknown): Uint8Array[];
  };
  const subset = font.createSubset() as unknown as SubsetInternals;
  for (let gid = 1; gid < font.numGlyphs; gid++) subset.includeGlyph(gid);
  if (subrs !== 'kept') {
    const custom = subrs === 'none' ? undefined : subrs;
    subset.subsetCharstrings = function () {
      this.charstrings = this.glyphs.map((gid) => custom?.glyphs.get(gid) ?? box(gid));
      this.gsubrs = custom?.gsubrs ?? [];
    };
    // The original outlines are not kept: nothing to learn from walking them.
    (subset as unknown as { font: unknown }).font = { getGlyph: () => ({ _usedGsubrs: {}, _usedSubrs: {} }) };
    if (custom) subset.subsetSubrs = () => custom.subrs;
    else {
      // No local subroutines: the private dict without its Subrs entry.
      const cff = font['CFF '];
      const { Subrs: _, ...priv } = cff.topDict.Private;
      cff.topDict.Private = priv;
    }
  }
  const file = path.join(dir, `${name}.otf`);
  writeFileSync(file, replaceTable(readFileSync(SOURCE_CODE_PRO), 'CFF ', Buffer.from(subset.encode())));
  return file;
}

/** An sfnt with one table replaced (offsets, lengths and checksums rewritten). */
export function replaceTable(sfnt: Buffer, tag: string, data: Buffer): Buffer {
  const numTables = sfnt.readUInt16BE(4);
  const tables: { tag: string; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const e = 12 + 16 * i;
    const t = sfnt.toString('latin1', e, e + 4);
    const offset = sfnt.readUInt32BE(e + 8);
    tables.push({ tag: t, data: t === tag ? data : sfnt.subarray(offset, offset + sfnt.readUInt32BE(e + 12)) });
  }
  const head = Buffer.from(sfnt.subarray(0, 12 + 16 * numTables));
  const parts: Buffer[] = [head];
  let at = head.length;
  tables.forEach((t, i) => {
    const e = 12 + 16 * i;
    const padded = Buffer.alloc(Math.ceil(t.data.length / 4) * 4);
    t.data.copy(padded);
    let sum = 0;
    for (let k = 0; k < padded.length; k += 4) sum = (sum + padded.readUInt32BE(k)) >>> 0;
    head.writeUInt32BE(sum, e + 4);
    head.writeUInt32BE(at, e + 8);
    head.writeUInt32BE(t.data.length, e + 12);
    parts.push(padded);
    at += padded.length;
  });
  return Buffer.concat(parts);
}

/** A font collection (.ttc) of whole sfnt files, written to `dir`: each face's table offsets moved by where it starts. */
export function collection(dir: string, name: string, files: string[]): string {
  const fonts = files.map((f) => readFileSync(f));
  const bases: number[] = [];
  let at = Math.ceil((12 + 4 * fonts.length) / 4) * 4;
  for (const f of fonts) {
    bases.push(at);
    at += Math.ceil(f.length / 4) * 4;
  }
  const out = Buffer.alloc(at);
  out.write('ttcf', 0, 'latin1');
  out.writeUInt32BE(0x00010000, 4);
  out.writeUInt32BE(fonts.length, 8);
  fonts.forEach((f, i) => {
    out.writeUInt32BE(bases[i], 12 + 4 * i);
    f.copy(out, bases[i]);
    for (let k = 0; k < f.readUInt16BE(4); k++) {
      const entry = bases[i] + 12 + 16 * k + 8;
      out.writeUInt32BE(out.readUInt32BE(entry) + bases[i], entry);
    }
  });
  const file = path.join(dir, `${name}.ttc`);
  writeFileSync(file, out);
  return file;
}
