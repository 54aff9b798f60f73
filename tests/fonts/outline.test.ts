/** glyphOutline: the outline fontkit would give, read without fontkit's per-glyph decoding. */
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { defaultFontPath } from '../../src/fonts/catalog.js';
import { glyphOutline } from '../../src/fonts/outline.js';
import { openLazy } from '../../src/fonts/lazy.js';
import { SOURCE_CODE_PRO } from '../helpers/cff.js';

const require = createRequire(import.meta.url);
const TEXT = '株洲组织工作信息，第22期（总第142期）“党建+链长制”——GDP 98.6%éÅ㎡…、。龘𰻝';

/** Glyph ids to compare: the text's, and a spread over the whole font (simple and composite glyphs). */
function sample(font: fontkit.Font): number[] {
  const ids = new Set<number>();
  for (const ch of TEXT) ids.add(font.glyphForCodePoint(ch.codePointAt(0)!).id);
  for (let gid = 0; gid < font.numGlyphs; gid += Math.max(1, Math.floor(font.numGlyphs / 700))) ids.add(gid);
  return [...ids];
}

/** fontkit's own rendering of the outline, from a fully read copy of the file. */
function reference(font: fontkit.Font, gid: number): { svg: string; box: number[] } | undefined {
  const p = font.getGlyph(gid).path;
  const svg = p.toSVG();
  if (!svg) return undefined;
  return { svg, box: [p.cbox.minX, p.cbox.minY, p.cbox.maxX, p.cbox.maxY] };
}

describe('glyph outlines', () => {
  for (const [name, file] of [
    ['TrueType (Noto Serif SC)', defaultFontPath('serif')],
    ['TrueType (Noto Sans SC)', defaultFontPath('sans')],
    ['CFF (Source Code Pro)', SOURCE_CODE_PRO],
  ] as const) {
    it(`are the path fontkit draws, letter for letter, with the box of its points: ${name}`, () => {
      const full = fontkit.openSync(file) as fontkit.Font;
      const lazy = openLazy(file)!;
      const ids = sample(full);
      expect(ids.length).toBeGreaterThan(300);
      let drawn = 0;
      for (const gid of ids) {
        const want = reference(full, gid);
        const got = glyphOutline(lazy, gid);
        expect(got, `glyph ${gid}`).toEqual(want);
        if (want) drawn++;
      }
      expect(drawn).toBeGreaterThan(ids.length / 2);
    });
  }

  it('reads composite TrueType glyphs (accented letters built from components)', () => {
    const file = require.resolve('source-code-pro/TTF/SourceCodePro-Regular.ttf');
    const full = fontkit.openSync(file) as fontkit.Font;
    const lazy = openLazy(file)!;
    const composites: number[] = [];
    for (let gid = 0; gid < full.numGlyphs && composites.length < 200; gid++) {
      const g = full.getGlyph(gid) as unknown as { _decode(): { numberOfContours: number } | null };
      if ((g._decode()?.numberOfContours ?? 0) < 0) composites.push(gid);
    }
    expect(composites.length).toBe(200);
    for (const gid of composites) expect(glyphOutline(lazy, gid), `glyph ${gid}`).toEqual(reference(full, gid));
  });
});
