/**
 * Invisible (default-ignorable) and control characters pasted into an article: never a cell on a
 * line, never a stopped build; `check` names them by code point without echoing them; `fix`
 * deletes them; nothing of a terminal escape reaches the terminal raw.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { layoutParagraph, lineText } from '../../src/layout/index.js';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { DEFAULT_STYLE, geometry } from '../../src/style/index.js';
import { run } from '../../src/cli/index.js';
import { listIssueDirs } from '../../src/archive/index.js';
import { fixIssues } from '../../src/fix/index.js';
import { check, copyFixture, fixture, pointedAt } from '../check/helpers.js';
import { pinnedFonts } from '../helpers/fonts.js';

const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});
const copy = (name: string) => {
  const d = copyFixture(name);
  temps.push(d);
  return d;
};

async function cli(argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (s) => (out += s), err: (s) => (err += s), cwd: process.cwd(), env: { LANG: 'en_US.UTF-8' }, isTTY: false });
  return { code, out, err };
}

/** Every default-ignorable code point the tests name, and the regex the layout should agree with. */
const INVISIBLE = [
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u00ad',
  '\ufe00',
  '\ufe0f',
  '\u{e0100}',
  '\u{e01ef}',
  '\u202e',
  '\u2066',
  '\u180e',
  '\u3164',
];
const UNPRINTABLE = /[\p{Default_Ignorable_Code_Point}\x00-\x08\x0b-\x1f\x7f-\x9f]/u;

describe('layout', () => {
  const fonts = pinnedFonts();
  const g = geometry(DEFAULT_STYLE);
  const lay = (text: string, ds: Diagnostic[] = []) =>
    layoutParagraph(
      [{ text, role: 'body', loc: { file: 'a.md', line: 5, column: 1 } }],
      { fonts, size: 16, cell: g.pitch, x: g.left, width: g.width, indent: 2, align: 'justify', role: 'body' },
      ds,
    );

  it('drops every default-ignorable and control character: no cell, no glyph, no error', () => {
    const clean = '会议强调要扎实推进工作落实见效';
    for (const ch of [...INVISIBLE, '\x1b', '\x07', '\x7f', '\x9b']) {
      const ds: Diagnostic[] = [];
      const text = `会议强调${ch}要扎实推进${ch}工作落实见效`;
      const lines = lay(text, ds);
      expect(ds, `U+${ch.codePointAt(0)!.toString(16)}`).toEqual([]);
      expect(lines.map(lineText).join('')).toBe(clean);
      // Same cells, same positions as the text without it.
      expect(lines[0].cells.map((c) => c.x)).toEqual(lay(clean)[0].cells.map((c) => c.x));
      expect(lines.flatMap((l) => l.glyphs).some((gl) => UNPRINTABLE.test(gl.text))).toBe(false);
    }
  });

  it('keeps the source column of the characters after it', () => {
    const lines = lay('甲\u200b乙');
    expect(lines[0].cells.map((c) => c.text)).toEqual(['甲', '乙']);
  });
});

describe('bulletin check', () => {
  const ds = () => check(fixture('invisible'));

  it('text/invisible at each character, named by code point and Unicode name, never echoed', () => {
    const inv = ds().filter((d) => d.rule === 'text/invisible');
    expect(inv.map((d) => `${d.loc.line}:${d.loc.column}`)).toEqual(['5:5', '5:10', '5:13', '5:16', '6:3', '6:8', '6:15', '6:18']);
    expect(inv.map((d) => d.message.en.match(/U\+[0-9A-F]+ [A-Z -]+\d*/)![0].trim())).toEqual([
      'U+200B ZERO WIDTH SPACE',
      'U+200C ZERO WIDTH NON-JOINER',
      'U+200D ZERO WIDTH JOINER',
      'U+2060 WORD JOINER',
      'U+FEFF ZERO WIDTH NO-BREAK SPACE',
      'U+00AD SOFT HYPHEN',
      'U+FE0F VARIATION SELECTOR-16',
      'U+E0100 VARIATION SELECTOR-17',
    ]);
    for (const d of inv) {
      expect(UNPRINTABLE.test(pointedAt(fixture('invisible'), d))).toBe(true);
      expect(d.severity).toBe('warning');
      expect(d.fix).toHaveLength(1);
      expect(d.fix![0].replacement).toBe('');
      for (const m of [d.message.zh, d.message.en, d.hint!.zh, d.hint!.en]) expect(UNPRINTABLE.test(m), m).toBe(false);
    }
    expect(inv[0].message.zh).toContain('U+200B ZERO WIDTH SPACE（零宽空格）');
  });

  it('text/control-character: a whole escape sequence or one control character, shown as visible escapes', () => {
    const ctl = ds().filter((d) => d.rule === 'text/control-character');
    expect(ctl.map((d) => `${d.loc.line}:${d.loc.column} ${d.fix![0].length}`)).toEqual(['7:3 4', '7:9 10', '7:21 1']);
    expect(ctl[0].message.en).toContain('\\u{1b}[2J');
    expect(ctl[1].message.en).toContain('\\u{1b}]0;title\\u{7}');
    expect(ctl[2].message.en).toContain('U+007F DELETE');
    for (const d of ctl) expect(UNPRINTABLE.test(d.message.en + d.message.zh)).toBe(false);
  });

  it('the trial layout finds nothing to stop the build, and `bulletin fonts` asks no glyph for them', async () => {
    expect(check(fixture('invisible'), true).filter((d) => d.severity === 'error')).toEqual([]);
    const { fontsReport } = await import('../../src/cli/fonts.js');
    const r = fontsReport(fixture('invisible'), listIssueDirs(fixture('invisible'))[0], 'en');
    expect(r.missing).toBe(false);
    expect(r.text).toContain('every character of the issue has a glyph.');
  });

  it('fix deletes them all and nothing else', () => {
    const root = copy('invisible');
    const dirs = listIssueDirs(root);
    fixIssues(root, dirs, dirs);
    const text = readFileSync(path.join(root, 'issues/2026/1/a.md'), 'utf8');
    expect(text.split('\n').slice(4, 7)).toEqual(['会议强调，要扎实推进工作落实。', '见效明显，软连字符，变体选择符。', '危险字符结束。']);
    expect(check(root)).toEqual([]);
  });
});

describe('the other rules read the text as printed', () => {
  it('an invisible character hides no slip next to it, and no fix reaches across it', () => {
    const root = copy('clean');
    const file = path.join(root, 'issues/2026/2/a.md');
    const head = readFileSync(file, 'utf8').split('\n---\n')[0];
    writeFileSync(file, `${head}\n---\n明天开会\u200b.后天出发\u200b,完成任务\u2060.\n`);
    const ds = check(root).filter((d) => d.loc.file === 'issues/2026/2/a.md');
    expect(ds.map((d) => `${d.rule} ${d.loc.line}:${d.loc.column}${d.fix ? ' fix' : ''}`)).toEqual([
      'text/invisible 5:5 fix',
      'punctuation/half-width-period 5:6',
      'text/invisible 5:11 fix',
      'punctuation/half-width 5:12 fix',
      'text/invisible 5:17 fix',
      'punctuation/half-width-period 5:18 fix',
    ]);
    const dirs = listIssueDirs(root);
    fixIssues(root, dirs, dirs);
    expect(readFileSync(file, 'utf8').split('\n---\n')[1]).toBe('明天开会.后天出发，完成任务。\n');
  });
});

describe('the terminal never receives a raw control character from a source', () => {
  const RAW = /[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f-\x9f]|\x1b(?!\[[0-9;]*m)/;

  it('check, fix and build print visible escapes (\\u{1b}) instead', async () => {
    const checked = await cli(['check', '1', '--archive', fixture('invisible')]);
    expect(checked.code).toBe(0);
    expect(RAW.test(checked.out + checked.err)).toBe(false);
    expect(checked.out).toContain('7 | 危险\\u{1b}[2J字符\\u{1b}]0;title\\u{7}结束\\u{7f}。');
    expect(checked.out).toContain('5 | 会议强调\\u{200b}，要扎实\\u{200c}推进');
    const json = await cli(['check', '1', '--archive', fixture('invisible'), '--format', 'json']);
    expect(RAW.test(json.out) || /[\u200b\ufeff]/.test(json.out)).toBe(false);
    expect(JSON.parse(json.out)).toHaveLength(11);

    const root = copy('invisible');
    const built = await cli(['build', '1', '--archive', root]);
    expect(built.code).toBe(0);
    expect(RAW.test(built.out + built.err)).toBe(false);
    expect(built.err).toContain('11 warning(s) (text/invisible ×8, text/control-character ×3)');
    const fixed = await cli(['fix', '1', '--archive', root]);
    expect(fixed.code).toBe(0);
    expect(RAW.test(fixed.out + fixed.err)).toBe(false);
    expect(fixed.out).toContain('fixed 11 problem(s)');
  });

  it('a file name with an escape in it is shown escaped', async () => {
    const { visible } = await import('../../src/diagnostics/index.js');
    expect(visible('a\x1b]0;x\x07.md')).toBe('a\\u{1b}]0;x\\u{7}.md');
    expect(visible('行一\n行二', false)).toBe('行一\\u{a}行二');
    expect(visible('行一\n行二')).toBe('行一\n行二');
    expect(visible('\u202egnp.exe')).toBe('\\u{202e}gnp.exe');
  });
});
