import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultFontPath } from '../../src/fonts/catalog.js';
import { openLazy } from '../../src/fonts/lazy.js';
import { subsetEncoder } from '../../src/fonts/ttf-subset.js';

const require = createRequire(import.meta.url);
const TEXT = '株洲组织工作信息，第22期（总第142期）“党建+链长制”——GDP 98.6%éÅ㎡…';

function subsetOf(font: fontkit.Font, gids: number[]): Buffer {
  const subset = font.createSubset();
  for (const gid of gids) subset.includeGlyph(gid as unknown as fontkit.Glyph);
  return Buffer.from(subset.encode());
}

/** Glyph sets to subset: a line of text, nothing but .notdef, a spread over the whole font, and its first 200 composite glyphs. */
function glyphSets(font: fontkit.Font): number[][] {
  const text = [...TEXT].map((ch) => font.glyphForCodePoint(ch.codePointAt(0)!).id);
  const spread: number[] = [];
  for (let gid = 1; gid < font.numGlyphs; gid += Math.max(1, Math.floor(font.numGlyphs / 700))) spread.push(gid);
  const composites: number[] = [];
  for (let gid = 0; gid < font.numGlyphs && composites.length < 200; gid++) {
    const g = font.getGlyph(gid) as unknown as { _decode(): { numberOfContours: number } | null };
    if ((g._decode()?.numberOfContours ?? 0) < 0) composites.push(gid);
  }
  return [text, [], spread, composites.reverse()];
}

describe('TrueType subsets written directly', () => {
  const fonts: [string, string][] = [
    ['Noto Serif SC', defaultFontPath('serif')],
    ['Noto Sans SC', defaultFontPath('sans')],
    ['Source Code Pro, with composite glyphs', require.resolve('source-code-pro/TTF/SourceCodePro-Regular.ttf')],
    ['Liberation Sans, a short loca and hinting tables', require.resolve('pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf')],
  ];
  for (const [name, file] of fonts) {
    it(`are byte for byte fontkit's subsets (${name})`, () => {
      const full = fontkit.openSync(file) as fontkit.Font;
      const lazy = openLazy(file)!;
      const sets = glyphSets(full);
      expect(subsetEncoder(lazy)).toBe('new');
      // The first subset of a font is fontkit's, the second is made both ways and compared, the rest are written directly.
      expect(subsetOf(lazy, sets[0]).equals(subsetOf(full, sets[0]))).toBe(true);
      expect(subsetEncoder(lazy)).toBe('unchecked');
      expect(subsetOf(lazy, sets[2]).equals(subsetOf(full, sets[2]))).toBe(true);
      expect(subsetEncoder(lazy)).toBe('direct');
      for (const gids of sets) expect(subsetOf(lazy, gids).equals(subsetOf(full, gids)), `${gids.length} glyphs`).toBe(true);
      if (name.includes('composite')) expect(sets[3]).toHaveLength(200);
      if (name.includes('short loca')) expect((lazy as unknown as { head: { indexToLocFormat: number } }).head.indexToLocFormat).toBe(0);
    });
  }

  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("leave a font whose own tables are not what fontkit writes back to fontkit's encoder", () => {
    // The head table declared 56 bytes long (its padding counted): fontkit decodes and writes
    // back 54, where a copy of the font's own table would have 56.
    const bytes = Buffer.from(readFileSync(defaultFontPath('serif')));
    const numTables = bytes.readUInt16BE(4);
    let patched = false;
    for (let k = 0; k < numTables; k++) {
      const at = 12 + 16 * k;
      if (bytes.toString('latin1', at, at + 4) === 'head') {
        expect(bytes.readUInt32BE(at + 12)).toBe(54);
        bytes.writeUInt32BE(56, at + 12);
        patched = true;
      }
    }
    expect(patched).toBe(true);
    const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-ttf-'));
    dirs.push(dir);
    const file = path.join(dir, 'padded-head.ttf');
    writeFileSync(file, bytes);
    const full = fontkit.openSync(file) as fontkit.Font;
    const lazy = openLazy(file)!;
    const [text, , spread] = glyphSets(full);
    expect(subsetOf(lazy, text).equals(subsetOf(full, text))).toBe(true);
    expect(subsetOf(lazy, spread).equals(subsetOf(full, spread))).toBe(true);
    expect(subsetEncoder(lazy)).toBe('fontkit');
    expect(subsetOf(lazy, text).equals(subsetOf(full, text))).toBe(true);
  });
});
