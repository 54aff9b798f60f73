/** Fonts pinned for tests: the npm-shipped defaults only, never what the machine has installed. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadFontBook, resolveFonts } from '../../src/fonts/index.js';
import { replaceTable, SOURCE_CODE_PRO } from './cff.js';

export function pinnedFonts() {
  return loadFontBook(resolveFonts('/nonexistent-archive', { system: false, roles: {} }));
}

/**
 * A small stand-in for a font that is known by its names: Source Code Pro (OFL, a devDependency,
 * CFF like Fandol) written to `dir/file` with a name table of its own (family, subfamily, full
 * and PostScript name), e.g. namedFont(dir, 'FandolHei-Bold.otf', 'FandolHei', 'FandolHei-Bold', 'Bold').
 */
export function namedFont(dir: string, file: string, family: string, postscript: string, subfamily = 'Regular'): string {
  const strings: [number, string][] = [
    [1, family],
    [2, subfamily],
    [4, `${family} ${subfamily}`],
    [6, postscript],
  ];
  const data = strings.map(([, text]) => Buffer.from(text, 'utf16le').swap16());
  const header = Buffer.alloc(6 + 12 * strings.length);
  header.writeUInt16BE(0, 0);
  header.writeUInt16BE(strings.length, 2);
  header.writeUInt16BE(header.length, 4);
  let offset = 0;
  strings.forEach(([id], i) => {
    const r = 6 + 12 * i;
    // Windows platform, Unicode BMP, US English: the record every font reader takes.
    header.writeUInt16BE(3, r);
    header.writeUInt16BE(1, r + 2);
    header.writeUInt16BE(0x409, r + 4);
    header.writeUInt16BE(id, r + 6);
    header.writeUInt16BE(data[i].length, r + 8);
    header.writeUInt16BE(offset, r + 10);
    offset += data[i].length;
  });
  const out = path.join(dir, file);
  writeFileSync(out, replaceTable(readFileSync(SOURCE_CODE_PRO), 'name', Buffer.concat([header, ...data])));
  return out;
}
