import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { defaultFontPath } from '../../src/fonts/catalog.js';
import { openLazy } from '../../src/fonts/lazy.js';

const TEXT = '株洲组织工作信息，第22期（总第142期）“党建+链长制”——GDP 98.6%éÅ㎡…';

function subsetBytes(font: fontkit.Font): Uint8Array {
  const subset = font.createSubset();
  for (const ch of TEXT) subset.includeGlyph(font.glyphForCodePoint(ch.codePointAt(0)!));
  return subset.encode();
}

describe('lazily read fonts', () => {
  for (const face of ['serif', 'sans'] as const) {
    it(`give the same glyphs, metrics and subset bytes as a fully read file (${face})`, () => {
      const file = defaultFontPath(face);
      const full = fontkit.openSync(file) as fontkit.Font;
      const lazy = openLazy(file)!;
      expect(lazy).toBeDefined();
      for (const ch of TEXT) {
        const cp = ch.codePointAt(0)!;
        expect(lazy.glyphForCodePoint(cp).id).toBe(full.glyphForCodePoint(cp).id);
        expect(lazy.glyphForCodePoint(cp).advanceWidth).toBe(full.glyphForCodePoint(cp).advanceWidth);
      }
      expect(lazy.glyphForCodePoint(0x2014).bbox).toEqual(full.glyphForCodePoint(0x2014).bbox);
      expect(Buffer.compare(Buffer.from(subsetBytes(lazy)), Buffer.from(subsetBytes(full)))).toBe(0);
      expect(lazy.postscriptName).toBe(full.postscriptName);
    });
  }

  it('declines a font collection, which the caller reads whole', () => {
    expect(openLazy(new URL('../../package.json', import.meta.url).pathname)).toBeUndefined();
  });
});

/** A font collection (.ttc) made of whole TrueType files: each face's table offsets moved by where it starts. */
function makeCollection(files: string[]): string {
  const fonts = files.map((f) => readFileSync(f));
  const headerSize = 12 + 4 * fonts.length;
  const bases: number[] = [];
  let at = Math.ceil(headerSize / 4) * 4;
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
    const numTables = f.readUInt16BE(4);
    for (let k = 0; k < numTables; k++) {
      const entry = bases[i] + 12 + 16 * k + 8;
      out.writeUInt32BE(out.readUInt32BE(entry) + bases[i], entry);
    }
  });
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'bulletin-ttc-')), 'pair.ttc');
  writeFileSync(file, out);
  return file;
}

describe('lazily read collections', () => {
  it('opens one face of a .ttc by PostScript name, exactly as fontkit reading the whole file', () => {
    const ttc = makeCollection([defaultFontPath('serif'), defaultFontPath('sans')]);
    const full = fontkit.openSync(ttc, 'NotoSansSC-Medium') as fontkit.Font;
    const lazy = openLazy(ttc, 'NotoSansSC-Medium')!;
    expect(lazy.postscriptName).toBe('NotoSansSC-Medium');
    expect(Buffer.compare(Buffer.from(subsetBytes(lazy)), Buffer.from(subsetBytes(full)))).toBe(0);
    expect(openLazy(ttc, 'NoSuchFace')).toBeUndefined();
  });

  it('leaves a face name on a single font to the caller', () => {
    expect(openLazy(defaultFontPath('serif'), 'NotoSerifSC-Regular')).toBeUndefined();
  });
});
