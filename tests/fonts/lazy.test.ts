import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { defaultFontPath } from '../../src/fonts/catalog.js';
import { openLazy } from '../../src/fonts/lazy.js';
import { collection } from '../helpers/cff.js';

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

describe('lazily read collections', () => {
  it('opens one face of a .ttc by PostScript name, exactly as fontkit reading the whole file', () => {
    const ttc = collection(mkdtempSync(path.join(tmpdir(), 'bulletin-ttc-')), 'pair', [defaultFontPath('serif'), defaultFontPath('sans')]);
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
