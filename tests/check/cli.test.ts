/** `bulletin check` and `bulletin fix` as a user runs them: streams, languages, exit codes, JSON. */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';
import { copyFixture, fixture } from './helpers.js';

async function cli(argv: string[], env: NodeJS.ProcessEnv = { LANG: 'en_US.UTF-8' }, isTTY = false) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (s) => (out += s), err: (s) => (err += s), cwd: process.cwd(), env, isTTY });
  return { code, out, err };
}

const ESC = '\u001b[';

describe('bulletin check', () => {
  it('--format json prints exactly one JSON array on stdout and nothing else', async () => {
    const clean = await cli(['check', '1', '--archive', fixture('clean'), '--format', 'json']);
    expect(clean).toEqual({ code: 0, out: '[]\n', err: '' });

    const r = await cli(['check', '--all', '--archive', fixture('numbering'), '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    const items = JSON.parse(r.out) as Record<string, unknown>[];
    expect(items).toHaveLength(13);
    for (const d of items) {
      expect(Object.keys(d).slice(0, 6)).toEqual(['rule', 'severity', 'file', 'line', 'column', 'message']);
      expect(d.file).toMatch(/^issues\/\d{4}\/\d+\/issue\.yaml$/);
    }
    expect(items[0]).toMatchObject({ rule: 'numbering/duplicate', severity: 'error', file: 'issues/2026/007/issue.yaml', line: 1, column: 9 });
  });

  it('--format json carries the fix as edits with their replacement text', async () => {
    const r = await cli(['check', '1', '--archive', fixture('half-width'), '--format', 'json', '--no-layout']);
    expect(r.code).toBe(0);
    const first = (JSON.parse(r.out) as { fix: unknown }[])[0];
    expect(first).toMatchObject({ rule: 'punctuation/half-width', severity: 'warning', file: 'issues/2026/1/a.md', line: 5, column: 6 });
    expect(first.fix).toEqual([{ file: 'issues/2026/1/a.md', line: 5, column: 6, length: 1, replacement: '，' }]);
  });

  it('prints like a compiler, in Chinese for a Chinese locale, without colour off a terminal', async () => {
    const r = await cli(['check', '1', '--archive', fixture('unknown-unit')], { LANG: 'zh_CN.UTF-8' });
    expect(r.code).toBe(1);
    expect(r.out).toContain('错误[attribution/unknown-unit]: 供稿单位“天元区委组织郡”不在 bulletin.yaml 的 units 名录中');
    expect(r.out).toContain('  --> issues/2026/1/a.md:3:9');
    expect(r.out).toContain('3 | source: 天元区委组织郡');
    expect(r.out).toMatch(/\n  \| {9}\^\n/);
    expect(r.out).toContain('= 提示: 是不是“天元区委组织部”？');
    expect(r.out.trimEnd().split('\n').pop()).toBe('2 个错误，0 个警告');
    expect(r.out).not.toContain(ESC);
    expect(r.err).toBe('');
  });

  it('--lang overrides the locale; NO_COLOR and FORCE_COLOR are respected', async () => {
    const en = await cli(['check', '1', '--archive', fixture('half-width'), '--lang', 'en', '--no-layout'], { LANG: 'zh_CN.UTF-8' });
    expect(en.out).toContain('warning[punctuation/half-width]: half-width “,” in Chinese text should be the full-width “，”');
    expect(en.out).toContain('= fix: “,” → “，”');
    expect(en.out).toContain('17 of them can be fixed with bulletin fix');
    const forced = await cli(['check', '1', '--archive', fixture('half-width'), '--no-layout'], { LANG: 'en_US.UTF-8', FORCE_COLOR: '1' });
    expect(forced.out).toContain(ESC);
    const none = await cli(['check', '1', '--archive', fixture('half-width'), '--no-layout'], { LANG: 'en_US.UTF-8', NO_COLOR: '1' }, true);
    expect(none.out).not.toContain(ESC);
  });

  it('exits 2 on a usage error', async () => {
    expect((await cli(['check', '--archive', fixture('clean')])).code).toBe(2);
    expect((await cli(['check', 'abc', '--archive', fixture('clean')])).code).toBe(2);
    expect((await cli(['check', '1', '--archive', fixture('clean'), '--format', 'xml'])).code).toBe(2);
  });

  it('--all skips the trial layout unless --layout is given, and says so', async () => {
    const r = await cli(['check', '--all', '--archive', fixture('layout')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('add --layout');
    const l = await cli(['check', '--all', '--layout', '--archive', fixture('layout'), '--format', 'json']);
    expect(l.code).toBe(1);
    expect((JSON.parse(l.out) as { rule: string }[]).map((d) => d.rule)).toEqual(['font/missing-glyph', 'layout/max-pages']);
  });
});

describe('bulletin fix', () => {
  it('prints file:line: before → after for each change, then what is left; a second run changes nothing', async () => {
    const root = copyFixture('web-paste');
    const first = await cli(['fix', '1', '--archive', root]);
    expect(first.code).toBe(0);
    const lines = first.out.split('\n');
    expect(lines[0]).toBe('issues/2026/1/a.md:6: 今年以来,天元区把智慧党建平台 → 今年以来，天元区把智慧党建平台');
    expect(lines.filter((l) => / → /.test(l))).toHaveLength(12);
    expect(first.out).toContain('fixed 12 problem(s), rewrote 1 file(s)');
    expect(first.out.trimEnd().endsWith('no problems found')).toBe(true);
    const again = await cli(['fix', '1', '--archive', root]);
    expect(again.out).toContain('nothing to fix automatically; no file changed');
  });

  it('check --fix --format json keeps stdout to the JSON array; the changes go to stderr', async () => {
    const root = copyFixture('web-debris');
    const r = await cli(['check', '1', '--fix', '--format', 'json', '--archive', root]);
    expect(JSON.parse(r.out)).toEqual([]);
    expect(r.err).toContain('issues/2026/1/a.md:5: 来源：新华网　作者：张三 → (line deleted)');
  });
});

describe('bulletin build runs the same checks first', () => {
  it('errors stop the build and no PDF is written', async () => {
    const root = copyFixture('unknown-unit');
    const r = await cli(['build', '1', '--archive', root]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('error[attribution/unknown-unit]');
    expect(existsSync(path.join(root, 'dist', '2026-1.pdf'))).toBe(false);
  });

  it('warnings are counted per rule (with the command that lists them) and the build goes on', async () => {
    const root = copyFixture('web-paste');
    const r = await cli(['build', '1', '--archive', root]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('warning: 12 warning(s) (punctuation/half-width ×12); run bulletin check 2026/1 to see them\n');
    // Not one by one: a pasted page can carry hundreds.
    expect(r.err).not.toContain('warning[punctuation/half-width]');
    expect(r.err).not.toContain('-->');
    expect(
      readFileSync(path.join(root, 'dist', '2026-1.pdf'))
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });
});

describe('bulletin rules', () => {
  it('lists every registered rule with its severity, source and description, in the user’s language', async () => {
    const { REGISTRY } = await import('../../src/check/registry.js');
    const en = await cli(['rules']);
    expect(en.code).toBe(0);
    expect(en.out.trim().split('\n')).toHaveLength(REGISTRY.length + 1);
    expect(en.out).toMatch(/^punctuation\/comma-before-etc +warning +GB\/T 15834-2011 附录B\.1\.2.* +no 顿号 before 等\/等等 \[fixable\]$/m);
    const zh = await cli(['rules'], { LANG: 'zh_CN.UTF-8' });
    expect(zh.out).toMatch(/^punctuation\/double-colon +建议 +GB\/T 15834-2011 §4\.7\.3.* +一句之内套用了两个冒号$/m);
    expect(zh.out).toMatch(/^yaml\/syntax +错误 +本单位规范 +YAML 语法错误［不可关闭］$/m);
    const json = await cli(['rules', '--format', 'json']);
    const items = JSON.parse(json.out) as { id: string; severity: string; fixable: boolean; source: string; description: string }[];
    expect(items.map((i) => i.id)).toEqual(REGISTRY.map((m) => m.id));
    expect(items.find((i) => i.id === 'document/number')).toEqual({
      id: 'document/number',
      severity: 'warning',
      fixable: true,
      locked: false,
      stage: 'check',
      source: 'GB/T 9704-2012 §7.2.5',
      description: 'a document number is written 〔2026〕3号: hexagonal brackets, full year, no 第, no leading zeros',
    });
  });

  it('prints hints as suggestions that never fail the check', async () => {
    const root = copyFixture('practice');
    try {
      const r = await cli(['check', '1', '--archive', root, '--no-layout']);
      expect(r.out).toMatch(/^suggestion\[punctuation\/double-colon\]: a second colon in one sentence/m);
      expect(r.out).toMatch(/\d+ error\(s\), \d+ warning\(s\), 5 hint\(s\)/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('an unknown rule under checks: stops the check at its line in bulletin.yaml, with a did-you-mean', async () => {
    const root = copyFixture('clean');
    try {
      const file = path.join(root, 'bulletin.yaml');
      const yaml = readFileSync(file, 'utf8').trimEnd();
      writeFileSync(file, `${yaml}\nchecks:\n  text/spcae: off\n`);
      const r = await cli(['check', '1', '--archive', root, '--no-layout']);
      expect(r.code).toBe(1);
      expect(r.out).toContain(`error[checks/unknown-rule]: there is no rule \`text/spcae\``);
      expect(r.out).toContain(`bulletin.yaml:${yaml.split('\n').length + 2}:3`);
      expect(r.out).toContain('did you mean `text/space`?');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('a usage error', () => {
  it('says what is wrong, the likely word, and where the help is, without the whole help page', async () => {
    const typo = await cli(['biuld', '3']);
    expect(typo.code).toBe(2);
    expect(typo.err).toBe("error: unknown command 'biuld'\n(Did you mean build?)\n(run bulletin --help to see how to use it)\n");
    const option = await cli(['build', '--forse', '3'], { LANG: 'zh_CN.UTF-8' });
    expect(option.code).toBe(2);
    expect(option.err).toBe('错误：没有“--forse”这个选项\n（是不是 --force？）\n（运行 bulletin build --help 查看用法）\n');
    expect(option.out).toBe('');
  });
});
