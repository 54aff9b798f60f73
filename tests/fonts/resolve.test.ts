import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFontBook, resolveFonts, type FontResolution } from '../../src/fonts/index.js';
import { defaultFontPath, FONT_DIRS_ENV, systemFontDirs } from '../../src/fonts/catalog.js';
import { namedFont } from '../helpers/fonts.js';

const serif = defaultFontPath('serif');
const sans = defaultFontPath('sans');
const loc = { file: 'bulletin.yaml', line: 9, column: 9 };

function tmp(): string {
  return mkdtempSync(path.join(tmpdir(), 'bulletin-fonts-'));
}

describe('font resolution', () => {
  it('uses the npm-shipped defaults when nothing else is there', () => {
    const res = resolveFonts(tmp(), { system: false, roles: {} });
    expect(res.roles.body).toMatchObject({ origin: 'default', path: serif });
    expect(res.roles.lead).toMatchObject({ origin: 'default', path: sans });
    expect(res.roles.title.path).toMatch(/NotoSerifSC_700Bold\.ttf$/);
  });

  it('prefers an installed official font, found by its file name in the system folders', () => {
    const installed = tmp();
    mkdirSync(path.join(installed, 'sub'));
    copyFileSync(sans, path.join(installed, 'sub', 'simfang.ttf'));
    const env = { [FONT_DIRS_ENV]: installed };
    const res = resolveFonts(tmp(), { system: true, roles: {} }, env);
    expect(res.roles.body).toMatchObject({ origin: 'system', path: path.join(installed, 'sub', 'simfang.ttf') });
    expect(res.roles.heading3.origin).toBe('system');
    expect(res.roles.title.origin).toBe('default');
    // Pinned: system: false ignores it.
    expect(resolveFonts(tmp(), { system: false, roles: {} }, env).roles.body.origin).toBe('default');
  });

  it('finds TeX Live’s Fandol fonts where the machine has them, and only in the folders it is given', () => {
    const texlive = tmp();
    for (const f of ['FandolFang-Regular.otf', 'FandolSong-Bold.otf', 'FandolKai-Regular.otf']) copyFileSync(serif, path.join(texlive, f));
    const res = resolveFonts(tmp(), { system: true, roles: {} }, { [FONT_DIRS_ENV]: `${tmp()}${path.delimiter}${texlive}` });
    expect(res.roles.body).toMatchObject({ origin: 'system', path: path.join(texlive, 'FandolFang-Regular.otf') });
    expect(res.roles.title).toMatchObject({ origin: 'system', path: path.join(texlive, 'FandolSong-Bold.otf') });
    expect(res.roles.note).toMatchObject({ origin: 'system', path: path.join(texlive, 'FandolKai-Regular.otf') });
    expect(res.roles.lead.origin).toBe('default');
    // An empty list means no installed fonts at all, whatever HOME holds.
    const home = tmp();
    mkdirSync(path.join(home, '.fonts'));
    copyFileSync(sans, path.join(home, '.fonts', 'simfang.ttf'));
    const none = resolveFonts(tmp(), { system: true, roles: {} }, { [FONT_DIRS_ENV]: '', HOME: home });
    expect(Object.values(none.roles).map((r) => r.origin)).toEqual(Object.values(none.roles).map(() => 'default'));
    // Without the variable, the usual folders (HOME's among them) are searched.
    expect(systemFontDirs({ HOME: home }, 'linux')).toContain(path.join(home, '.fonts'));
    expect(systemFontDirs({ HOME: home, [FONT_DIRS_ENV]: '/a:/b' }, 'linux')).toEqual(['/a', '/b']);
  });

  it('prefers the archive’s fonts/ folder to installed fonts, matching by name', () => {
    const root = tmp();
    mkdirSync(path.join(root, 'fonts'));
    copyFileSync(sans, path.join(root, 'fonts', '方正小标宋简体.ttf'));
    const res = resolveFonts(root, { system: false, roles: {} });
    expect(res.roles.title).toMatchObject({ origin: 'fonts/', path: path.join(root, 'fonts', '方正小标宋简体.ttf') });
    expect(res.roles.masthead.origin).toBe('fonts/');
    expect(res.roles.body.origin).toBe('default');
  });

  it('takes a font named in bulletin.yaml over everything else', () => {
    const root = tmp();
    mkdirSync(path.join(root, 'fonts'));
    copyFileSync(sans, path.join(root, 'fonts', 'FangSong.ttf'));
    copyFileSync(serif, path.join(root, 'fonts', 'mine.ttf'));
    const res = resolveFonts(root, { system: false, roles: { body: { file: 'fonts/mine.ttf', loc } } });
    expect(res.roles.body).toMatchObject({ origin: 'bulletin.yaml', path: path.join(root, 'fonts/mine.ttf'), loc });
    const book = loadFontBook(res);
    expect(book.forRole('body').name).toBe('NotoSerifSC-Regular');
  });
});

describe('fallbacks of the same style (issue 9)', () => {
  it('takes a rare character from another installed FangSong before the Song default', () => {
    // Two FangSong-class fonts installed: 仿宋_GB2312 (chosen for the FangSong roles) and simfang.
    const home = tmp();
    mkdirSync(path.join(home, '.fonts'));
    copyFileSync(serif, path.join(home, '.fonts', '仿宋_GB2312.ttf'));
    copyFileSync(sans, path.join(home, '.fonts', 'simfang.ttf'));
    const res = resolveFonts(tmp(), { system: true, roles: {} }, { HOME: home });
    expect(res.roles.body.path).toBe(path.join(home, '.fonts', '仿宋_GB2312.ttf'));
    const fang = res.fallbacks.find((f) => f.path === path.join(home, '.fonts', 'simfang.ttf'))!;
    expect(fang.for).toContain('body');
    expect(fang.for).not.toContain('title');
    const book = loadFontBook(res);
    // 𰻝 is missing from the serif that stands in for 仿宋_GB2312 here: the other FangSong draws it.
    expect(book.faceFor('body', 0x30edd)!.key).toBe(book.faces.find((f) => f.path === fang.path)!.key);
    const fangKey = book.faces.find((f) => f.path === fang.path)!.key;
    expect(book.fallbacks('title').some((f) => f.key === fangKey)).toBe(false);
  });

  it('reads a per-role fallback from bulletin.yaml and tries it first for that role only', () => {
    const root = tmp();
    const res = resolveFonts(root, { system: false, roles: { note: { file: serif, loc, fallback: { file: sans, loc } } } });
    const book = loadFontBook(res);
    expect(book.fallbacks('note')[0].name).toBe('NotoSansSC-Medium');
    expect(book.fallbacks('body')[0].name).toBe('NotoSansSC-Medium'); // the body's own font is the serif: the sans default follows
    expect(res.fallbacks[0]).toMatchObject({ origin: 'bulletin.yaml', for: ['note'], loc });
  });
});

describe('the archive’s fonts/ folder serves every role its fonts can serve', () => {
  // TeX Live's Fandol fonts, by the names they carry (FandolFang's family is "FandolFang R").
  const FANDOL: [file: string, family: string, postscript: string, subfamily: string][] = [
    ['FandolBraille-Display.otf', 'Fandol Braille Display', 'FandolBraille-Display', 'Regular'],
    ['FandolBraille-Regular.otf', 'Fandol Braille', 'FandolBraille-Regular', 'Regular'],
    ['FandolFang-Regular.otf', 'FandolFang R', 'FandolFang-Regular', 'Regular'],
    ['FandolHei-Bold.otf', 'FandolHei', 'FandolHei-Bold', 'Bold'],
    ['FandolHei-Regular.otf', 'FandolHei', 'FandolHei-Regular', 'Regular'],
    ['FandolKai-Regular.otf', 'FandolKai', 'FandolKai-Regular', 'Regular'],
    ['FandolSong-Bold.otf', 'FandolSong', 'FandolSong-Bold', 'Bold'],
    ['FandolSong-Regular.otf', 'FandolSong', 'FandolSong-Regular', 'Regular'],
  ];
  const fandol = (dir: string) => {
    for (const [file, family, ps, sub] of FANDOL) namedFont(dir, file, family, ps, sub);
  };
  const files = (res: FontResolution) => Object.fromEntries(Object.entries(res.roles).map(([role, c]) => [role, path.basename(c.path)]));

  it('takes Fandol from fonts/ for every role, as it does when Fandol is installed', () => {
    const root = tmp();
    mkdirSync(path.join(root, 'fonts'));
    fandol(path.join(root, 'fonts'));
    const archive = resolveFonts(root, { system: false, roles: {} });
    expect(files(archive)).toEqual({
      masthead: 'FandolSong-Bold.otf',
      title: 'FandolSong-Bold.otf',
      body: 'FandolFang-Regular.otf',
      lead: 'FandolHei-Regular.otf',
      heading1: 'FandolHei-Regular.otf',
      heading2: 'FandolKai-Regular.otf',
      heading3: 'FandolFang-Regular.otf',
      note: 'FandolKai-Regular.otf',
      attribution: 'FandolFang-Regular.otf',
      page_number: 'FandolSong-Regular.otf',
      end_block: 'FandolFang-Regular.otf',
    });
    expect(new Set(Object.values(archive.roles).map((c) => c.origin))).toEqual(new Set(['fonts/']));
    // The same files installed give the same fonts and the same fallbacks (no bold Hei filling in for the regular).
    const texlive = tmp();
    fandol(texlive);
    const installed = resolveFonts(tmp(), { system: true, roles: {} }, { [FONT_DIRS_ENV]: texlive });
    expect(files(installed)).toEqual(files(archive));
    expect(archive.fallbacks.map((f) => path.basename(f.path))).toEqual(installed.fallbacks.map((f) => path.basename(f.path)));
    const book = loadFontBook(archive);
    expect(book.forRole('lead').name).toBe('FandolHei-Regular');
    expect(book.forRole('page_number').name).toBe('FandolSong-Regular');
    expect(book.forRole('title').name).toBe('FandolSong-Bold');
  });

  it('puts an office font found by its name before an open one, a regular weight before a bold one', () => {
    const root = tmp();
    const fonts = path.join(root, 'fonts');
    mkdirSync(fonts);
    fandol(fonts);
    namedFont(fonts, 'a-bold.otf', 'OfficeHei', 'OfficeHei-Bold', 'Bold');
    namedFont(fonts, 'b-regular.otf', 'OfficeHei', 'OfficeHei-Regular');
    namedFont(fonts, 'c.otf', 'FZShuSong-Z01', 'FZShuSong-Z01');
    const res = resolveFonts(root, { system: false, roles: {} });
    expect(files(res)).toMatchObject({ lead: 'b-regular.otf', heading1: 'b-regular.otf', page_number: 'c.otf', body: 'FandolFang-Regular.otf' });
    // The open Hei stays a fallback of the Hei roles; the bold one fills in for nothing.
    const hei = res.fallbacks.filter((f) => f.origin === 'fonts/').map((f) => [path.basename(f.path), f.for]);
    expect(hei).toEqual([
      ['FandolHei-Regular.otf', ['lead', 'heading1']],
      ['FandolSong-Regular.otf', ['page_number']],
    ]);
    // An official font by its catalogue name goes first of all.
    namedFont(fonts, 'simhei.ttf', 'SimHei', 'SimHei');
    expect(resolveFonts(root, { system: false, roles: {} }).roles.lead.path).toBe(path.join(fonts, 'simhei.ttf'));
  });
});
