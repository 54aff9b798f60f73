import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';
import { STRESS } from '../helpers/archive.js';
import { copyArchive } from '../helpers/tmp.js';

async function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = { LANG: 'en_US.UTF-8' }) {
  let out = '';
  let err = '';
  const code = await run(args, { out: (s) => (out += s), err: (s) => (err += s), cwd, env, isTTY: false });
  return { code, out, err };
}

describe('bulletin build (CLI)', () => {
  let root: string;
  beforeAll(() => {
    root = copyArchive(STRESS);
  });

  it('builds an issue named by number from inside the archive, into dist/<year>-<number>.pdf', async () => {
    const r = await cli(['build', '9'], path.join(root, 'issues'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/wrote .*2026-9\.pdf \(6 pages/);
    expect(readFileSync(path.join(root, 'dist/2026-9.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('speaks Chinese when the locale is Chinese, and --lang overrides', async () => {
    const zh = await cli(['build', '2026/9'], root, { LANG: 'zh_CN.UTF-8' });
    expect(zh.out).toMatch(/已生成 .*（6 页/);
    const en = await cli(['build', '2026/9', '--lang', 'en'], root, { LANG: 'zh_CN.UTF-8' });
    expect(en.out).toMatch(/wrote/);
  });

  it('says the choices and defaults of an option in Chinese in the Chinese help', async () => {
    const build = await cli(['build', '--help'], root, { LANG: 'zh_CN.UTF-8' });
    expect(build.code).toBe(0);
    expect(build.out).toContain('界面语言：zh 或 en（可选：zh、en）');
    const check = await cli(['check', '--help'], root, { LANG: 'zh_CN.UTF-8' });
    expect(check.out).toContain('输出格式：text 或 json（可选：text、json；默认：text）');
    expect(build.out + check.out).not.toMatch(/choices|default:/);
    // English help keeps commander's own wording.
    expect((await cli(['check', '--help'], root)).out).toMatch(/\(choices: "text", "json",\s+default:\s+"text"\)/);
  });

  it('exits 2 on a usage error and 1 on an issue that does not exist', async () => {
    expect((await cli(['build', 'abc'], root)).code).toBe(2);
    expect((await cli(['build', '--nonsense'], root)).code).toBe(2);
    const missing = await cli(['build', '31'], root);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no issue 31/);
    // …and which is the latest, in either language.
    expect(missing.err).toContain('The latest issue in the archive is 2026/9.');
    expect((await cli(['build', '31'], root, { LANG: 'zh_CN.UTF-8' })).err).toContain(
      '档案中没有第 31 期（issues/<年>/<期>/ 下找不到）。档案中最近的一期是 2026/9。',
    );
    const nowhere = await cli(['build', '9'], '/');
    expect(nowhere.code).toBe(2);
    expect(nowhere.err).toMatch(/no bulletin archive found/);
    // --archive given: what is wrong with the folder named, not 'pass --archive'.
    const typo = await cli(['build', '9', '--archive', path.join(path.dirname(root), 'no-such-folder')], '/', { LANG: 'zh_CN.UTF-8' });
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('：没有这个文件夹，请核对路径。');
    const notArchive = await cli(['build', '9', '--archive', path.dirname(root)], '/');
    expect(notArchive.code).toBe(2);
    expect(notArchive.err).toContain('or above: name the archive folder (the one that holds bulletin.yaml).');
  });

  it('leaves the earlier PDF untouched and writes nothing when the build fails', async () => {
    const pdf = path.join(root, 'dist/2026-9.pdf');
    await cli(['build', '9'], root);
    const before = readFileSync(pdf);
    const article = path.join(root, 'issues/2026/9/stress.md');
    const good = readFileSync(article, 'utf8');
    writeFileSync(article, good.replace('高建平', '高𠮷平'));
    const r = await cli(['build', '9'], root);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/font\/missing-glyph/);
    expect(r.err).toMatch(/issues\/2026\/9\/stress\.md:\d+:\d+/);
    expect(r.err).toContain('𠮷');
    expect(Buffer.compare(readFileSync(pdf), before)).toBe(0);
    expect(readdirSync(path.join(root, 'dist')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    writeFileSync(article, good);
  });

  it('reports the exact position of a character no font has', async () => {
    const article = path.join(root, 'issues/2026/9/stress.md');
    const good = readFileSync(article, 'utf8');
    const lines = good.split('\n');
    const n = lines.findIndex((l) => l.includes('高建平'));
    const col = [...lines[n].slice(0, lines[n].indexOf('高建平'))].length + 2;
    writeFileSync(article, good.replace('高建平', '高𠮷平'));
    const r = await cli(['build', '9'], root);
    expect(r.err).toContain(`issues/2026/9/stress.md:${n + 1}:${col}`);
    writeFileSync(article, good);
    expect(existsSync(path.join(root, 'dist/2026-9.pdf'))).toBe(true);
  });

  it('writes to -o when given', async () => {
    const r = await cli(['build', '9', '-o', 'out/x.pdf'], root);
    expect(r.code).toBe(0);
    expect(existsSync(path.join(root, 'out/x.pdf'))).toBe(true);
  });
});
