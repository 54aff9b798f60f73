/**
 * Broken fonts are ordinary faults: a truncated or junk file in fonts/, a font path that does not
 * exist, a face not in its collection, a FIFO named like a font. Each is one line naming the file
 * and what to do, exit 1, no PDF written, and `bulletin fonts` lists it rather than saying all is well.
 * Fonts are copies of the npm-shipped Noto faces, damaged on purpose in a temp archive.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultFontPath } from '../../src/fonts/catalog.js';
import { baseConfig, cli, makeArchive, removeArchive } from '../batch/archive.js';
import { collection } from '../helpers/cff.js';

describe('broken fonts get one clear line, never an internal error', () => {
  let root: string;
  afterEach(() => removeArchive(root));

  const archive = (fontsYaml = 'fonts:\n  system: false\n') => {
    root = makeArchive([{ year: 2026, number: 2, from: 2 }], baseConfig(fontsYaml));
    mkdirSync(path.join(root, 'fonts'), { recursive: true });
    return root;
  };
  const noPdf = () => expect(existsSync(path.join(root, 'dist/2026-2.pdf'))).toBe(false);
  const clean = (s: string) => expect(s).not.toMatch(/internal error|内部错误| {4}at /);
  const truncated = () => readFileSync(defaultFontPath('serif')).subarray(0, 200_000);

  it('a truncated font in fonts/: build and fonts name it and exit 1, no PDF', async () => {
    archive();
    writeFileSync(path.join(root, 'fonts/仿宋_GB2312.ttf'), truncated());
    const r = await cli(['build', '2'], root);
    expect(r.code).toBe(1);
    expect(r.err).toContain('fonts/仿宋_GB2312.ttf is not a usable font (damaged, truncated, or only named like a font)');
    clean(r.err);
    noPdf();
    const f = await cli(['fonts', '2'], root);
    expect(f.code).toBe(1);
    expect(f.out).toContain('fonts/仿宋_GB2312.ttf is not a usable font');
    expect(f.out).not.toContain('every character of the issue has a glyph');
    const zh = await cli(['build', '2'], root, { LANG: 'zh_CN.UTF-8' });
    expect(zh.err).toContain('fonts/仿宋_GB2312.ttf 不是可用的字体文件');
  });

  it('junk named like a font in fonts/ (text, an empty file): one line each, exit 1', async () => {
    archive();
    writeFileSync(path.join(root, 'fonts/黑体.otf'), '这不是字体文件，只是改了扩展名。\n');
    writeFileSync(path.join(root, 'fonts/empty.ttc'), '');
    const r = await cli(['build', '2'], root);
    expect(r.code).toBe(1);
    expect(r.err).toContain('fonts/黑体.otf is not a usable font');
    expect(r.err).toContain('fonts/empty.ttc is not a usable font');
    clean(r.err);
    noPdf();
  });

  it('a FIFO named like a font is refused at once, not waited on', async () => {
    archive();
    execFileSync('mkfifo', [path.join(root, 'fonts/楷体.ttf')]);
    const r = await cli(['build', '2'], root);
    expect(r.code).toBe(1);
    expect(r.err).toContain('fonts/楷体.ttf is not an ordinary file');
    clean(r.err);
  }, 20_000);

  it('a truncated font named in bulletin.yaml: at its line there', async () => {
    archive('fonts:\n  system: false\n  body: fonts/body.ttf\n');
    writeFileSync(path.join(root, 'fonts/body.ttf'), truncated());
    const r = await cli(['build', '2'], root);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bulletin\.yaml:\d+:\d+/);
    expect(r.err).toContain('fonts/body.ttf is not a usable font');
    clean(r.err);
    noPdf();
  });

  it('a font path that does not exist: named, with what to check, exit 1', async () => {
    archive('fonts:\n  system: false\n  title: fonts/方正小标宋.ttf\n');
    const r = await cli(['build', '2'], root);
    expect(r.code).toBe(1);
    expect(r.err).toContain('the font file fonts/方正小标宋.ttf does not exist: check its path under fonts in bulletin.yaml');
    expect(r.err).not.toMatch(/ENOENT|no such file/);
    clean(r.err);
    const f = await cli(['fonts'], root);
    expect(f.code).toBe(1);
    expect(f.out).toContain('fonts/方正小标宋.ttf does not exist');
  });

  it('{ file, face } with a face the collection does not hold lists the faces it does; a face on a single font says so', async () => {
    archive('fonts:\n  system: false\n  body: { file: fonts/pair.ttc, face: FangSong_GB2312 }\n  title: { file: fonts/serif.ttf, face: NotoSerifSC-Bold }\n');
    collection(path.join(root, 'fonts'), 'pair', [defaultFontPath('serif'), defaultFontPath('sans')]);
    writeFileSync(path.join(root, 'fonts/serif.ttf'), readFileSync(defaultFontPath('serif')));
    const f = await cli(['fonts'], root);
    expect(f.code).toBe(1);
    expect(f.out).toContain('the collection fonts/pair.ttc has no face named FangSong_GB2312; it holds: NotoSerifSC-Regular, NotoSansSC-Medium');
    expect(f.out).toContain('fonts/serif.ttf holds a single font (NotoSerifSC-Regular), not a collection');
    expect(f.out).not.toMatch(/Variations require|fvar/);
    const r = await cli(['build', '2'], root);
    expect(r.code).toBe(1);
    expect(r.err).toContain('has no face named FangSong_GB2312');
    clean(r.err);
  });
});
