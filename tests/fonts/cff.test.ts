import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hasSubrs, scanSubrs, type CffTable } from '../../src/fonts/cff.js';
import { bytesRead, openLazy } from '../../src/fonts/lazy.js';
import { SOURCE_CODE_PRO, charstring, cidKeyedFont, collection } from '../helpers/cff.js';
import { defaultFontPath } from '../../src/fonts/catalog.js';

type Font = fontkit.Font & { numGlyphs: number; 'CFF ': CffTable; stream: { buffer: Uint8Array } };
type Glyph = { path: unknown; _usedGsubrs: Record<string, boolean>; _usedSubrs: Record<string, boolean> };

let dir: string;
const fonts: Record<string, string> = {};

// Hand-written charstrings (local subroutines are called with index − 107, global ones likewise).
// The hint mask bytes are 0x0a, the callsubr operator: a scan that skips the wrong number of mask
// bytes calls a subroutine that fontkit's interpreter does not.
const LOCAL = [
  charstring(20, 'vlineto', 30, 'hlineto', 'return'), // 0
  charstring('hintmask', { raw: [0x0a] }, 10, 'hlineto', 'return'), // 1
  charstring(5, 5, 'rlineto', 'endchar'), // 2: ends the glyph, no return
  charstring('return'), // 3
  charstring(-105, 'callsubr', 'return'), // 4: calls 2
  charstring(-102, 'callsubr', 'return'), // 5: calls 5 (itself): recursion fontkit cannot finish
];
const GLOBAL = [
  charstring(-103, 'callsubr', 'return'), // 0: calls local 4
  charstring(10, 20, 'rlineto', 'return'), // 1
  charstring('return'), // 2: never called
];
const CUSTOM = new Map<number, Uint8Array>([
  [1, charstring(50, 'hmoveto', -107, 'callsubr', 'endchar')],
  [2, charstring(10, 20, 30, 40, 'hstemhm', 5, 6, 'vstemhm', 'hintmask', { raw: [0x0a] }, 50, 50, 'rmoveto', -106, 'callsubr', 'endchar')],
  [3, charstring(-107, 'callgsubr', 'endchar')],
  [4, charstring('random', 'drop', 10, 10, 'rmoveto', -107, 'callsubr', 'endchar')], // random: fontkit's interpreter
  [5, charstring(0, 0, 'rmoveto', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, -104, 'flex', 'callsubr', 'endchar')],
  [6, charstring(...Array.from({ length: 18 }, (_, i) => i + 1), 'hstemhm', 'hintmask', { raw: [0x0a, 0x0a] }, -106, 'callgsubr', 'endchar')],
  [7, charstring(500, 10, 20, 30, 40, 'hstemhm', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 'hintmask', { raw: [0x0a] }, -107, 'callsubr', 'endchar')],
  [8, charstring(-107, 0, 7, 'put', 'callsubr', 'endchar')],
  [9, charstring(1, 2, -107, -106, 'ifelse', 'callsubr', 'endchar')],
  [10, charstring(1, 2, 3, 3, 1, 'roll', 'drop', 'drop', 'drop', -104, 'callsubr', 'endchar')], // roll: fontkit's interpreter
  [11, charstring(-106, 5, 0, 'and', 'drop', 'callsubr', 'endchar')],
  [12, charstring(1, 2, 3, 4, 5, 6, 7, -106, 'hflex', 'callsubr', 'endchar')],
  [13, charstring(-50, 'callsubr', 'endchar')], // no such subroutine
  [14, charstring(1, 2, 3, 4, -107, 'rlineto', 'callsubr', 'endchar')],
  [15, charstring(1, 2, 3, 4, 5, -106, 'hhcurveto', 'callsubr', 'endchar')],
  [16, charstring(1, 2, 3, 4, 5, 'hvcurveto', -104, 'callsubr', 1.5, 'drop', 'endchar')],
  [17, charstring(1, 2, 3, 4, 5, 6, 7, 8, 9, -104, 'hflex1', 'callsubr', 'endchar')],
  [18, charstring(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, -107, 'flex1', 'callsubr', 'endchar')],
]);
const INTERPRETED = [4, 10];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bulletin-cff-'));
  fonts['name-keyed, subroutines'] = SOURCE_CODE_PRO;
  fonts['CID-keyed, subroutines'] = cidKeyedFont(dir, 'cid-subrs', 'kept');
  fonts['CID-keyed, no subroutines'] = cidKeyedFont(dir, 'cid-plain', 'none');
  fonts['CID-keyed, hand-written'] = cidKeyedFont(dir, 'cid-custom', { glyphs: CUSTOM, gsubrs: GLOBAL, subrs: LOCAL });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEXT = 'Bulletin 2026, No. 22 — {fontkit} & <CFF> ¶ éÅ';

function subsetBytes(font: fontkit.Font, gids: number[]): Buffer {
  const subset = font.createSubset();
  for (const g of gids) (subset as unknown as { includeGlyph(gid: number): number }).includeGlyph(g);
  return Buffer.from(subset.encode());
}

function textGlyphs(font: fontkit.Font): number[] {
  return [...TEXT].map((ch) => font.glyphForCodePoint(ch.codePointAt(0)!).id);
}

const allGlyphs = (font: Font) => Array.from({ length: font.numGlyphs }, (_, i) => i);

describe('CFF fonts read lazily', () => {
  for (const kind of ['name-keyed, subroutines', 'CID-keyed, subroutines', 'CID-keyed, no subroutines']) {
    it(`give the same glyphs, metrics and subset bytes as fontkit reading the whole file (${kind})`, () => {
      const full = fontkit.openSync(fonts[kind]) as Font;
      const lazy = openLazy(fonts[kind]) as Font;
      expect(lazy).toBeDefined();
      for (const ch of TEXT) {
        const cp = ch.codePointAt(0)!;
        expect(lazy.glyphForCodePoint(cp).id).toBe(full.glyphForCodePoint(cp).id);
        expect(lazy.glyphForCodePoint(cp).advanceWidth).toBe(full.glyphForCodePoint(cp).advanceWidth);
      }
      expect(lazy.glyphForCodePoint(0x2014).bbox).toEqual(full.glyphForCodePoint(0x2014).bbox);
      expect(subsetBytes(lazy, textGlyphs(lazy)).equals(subsetBytes(full, textGlyphs(full)))).toBe(true);
      expect(subsetBytes(lazy, allGlyphs(lazy)).equals(subsetBytes(full, allGlyphs(full)))).toBe(true);
      expect(lazy.postscriptName).toBe(full.postscriptName);
    });
  }

  it('in a collection (as Noto CJK ships), give the same subset bytes as fontkit reading the whole file', () => {
    const ttc = collection(dir, 'mixed', [defaultFontPath('serif'), fonts['CID-keyed, subroutines']]);
    const full = fontkit.openSync(ttc, 'SourceCodePro-Regular') as Font;
    const lazy = openLazy(ttc, 'SourceCodePro-Regular') as Font;
    expect(lazy.postscriptName).toBe('SourceCodePro-Regular');
    expect(subsetBytes(lazy, textGlyphs(lazy)).equals(subsetBytes(full, textGlyphs(full)))).toBe(true);
    expect(bytesRead(lazy)!).toBeLessThan(statSync(fonts['CID-keyed, subroutines']).size);
  });

  it('read the charstrings of the glyphs used, not the whole table', () => {
    const file = fonts['CID-keyed, no subroutines'];
    const lazy = openLazy(file) as Font;
    subsetBytes(lazy, textGlyphs(lazy));
    const cff = (lazy as unknown as { directory: { tables: Record<string, { length: number }> } }).directory.tables['CFF '];
    const charStrings = lazy['CFF '].topDict.CharStrings;
    const data = charStrings[charStrings.length - 1].offset + charStrings[charStrings.length - 1].length - charStrings[0].offset;
    // Everything but the charstring data is read, and of that only the glyphs used (with small gaps between them).
    expect(bytesRead(lazy)!).toBeLessThan(statSync(file).size - data + 8 * 4096);
    expect(bytesRead(lazy)!).toBeLessThan(statSync(file).size - cff.length / 2);
  });
});

describe('subsetting CFF fonts', () => {
  it('never draws a glyph to find its subroutines', () => {
    for (const kind of ['name-keyed, subroutines', 'CID-keyed, subroutines', 'CID-keyed, no subroutines']) {
      const lazy = openLazy(fonts[kind]) as Font;
      const proto = Object.getPrototypeOf(lazy.getGlyph(1)) as { _getPath(): unknown };
      const spy = vi.spyOn(proto, '_getPath');
      try {
        subsetBytes(lazy, allGlyphs(lazy));
        expect(spy, kind).not.toHaveBeenCalled();
      } finally {
        spy.mockRestore();
      }
    }
  });

  it('knows a font without subroutines', () => {
    expect(hasSubrs((fontkit.openSync(fonts['CID-keyed, no subroutines']) as Font)['CFF '])).toBe(false);
    expect(hasSubrs((fontkit.openSync(fonts['CID-keyed, subroutines']) as Font)['CFF '])).toBe(true);
    expect(hasSubrs((fontkit.openSync(SOURCE_CODE_PRO) as Font)['CFF '])).toBe(true);
  });

  for (const kind of ['name-keyed, subroutines', 'CID-keyed, subroutines', 'CID-keyed, hand-written']) {
    it(`finds each glyph's subroutines exactly as fontkit's interpreter does (${kind})`, () => {
      const full = fontkit.openSync(fonts[kind]) as Font;
      const cff = full['CFF '];
      const interpreted: number[] = [];
      const gids = kind === 'CID-keyed, hand-written' ? [0, ...CUSTOM.keys(), 100] : allGlyphs(full);
      for (const gid of gids) {
        const glyph = full.getGlyph(gid) as unknown as Glyph;
        void glyph.path;
        const scan = scanSubrs(cff, full.stream.buffer, gid);
        if (!scan) {
          interpreted.push(gid);
          continue;
        }
        expect(Object.keys(scan._usedGsubrs).sort(), `global subroutines of glyph ${gid}`).toEqual(Object.keys(glyph._usedGsubrs).sort());
        expect(Object.keys(scan._usedSubrs).sort(), `local subroutines of glyph ${gid}`).toEqual(Object.keys(glyph._usedSubrs).sort());
      }
      expect(interpreted).toEqual(kind === 'CID-keyed, hand-written' ? INTERPRETED : []);
    });
  }

  it('gives the same subset bytes for hand-written charstrings, including those fontkit interprets', () => {
    const file = fonts['CID-keyed, hand-written'];
    const gids = [...CUSTOM.keys()];
    const full = fontkit.openSync(file) as Font;
    const lazy = openLazy(file) as Font;
    expect(subsetBytes(lazy, gids).equals(subsetBytes(full, gids))).toBe(true);
  });

  it('leaves a subroutine that calls itself, or arithmetic fontkit cannot do, to fontkit, which fails as before', () => {
    const glyphs = new Map([
      [1, charstring(-102, 'callsubr', 'endchar')],
      [2, charstring(-110, 3, 'add', 'callsubr', 'endchar')],
    ]);
    const file = cidKeyedFont(dir, 'cid-failing', { glyphs, gsubrs: GLOBAL, subrs: LOCAL });
    const full = fontkit.openSync(file) as Font;
    expect(scanSubrs(full['CFF '], full.stream.buffer, 1)).toBeUndefined();
    expect(scanSubrs(full['CFF '], full.stream.buffer, 2)).toBeUndefined();
    expect(() => subsetBytes(openLazy(file)!, [1])).toThrow(RangeError);
    expect(() => subsetBytes(full, [2])).toThrow(ReferenceError);
    expect(() => subsetBytes(openLazy(file)!, [2])).toThrow(ReferenceError);
  });
});
