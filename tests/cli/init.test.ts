/** `bulletin init`, then `new`, one article and `build`: an office's first hour, in one process. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FONTS_README, seriesYaml } from '../../src/cli/commands/init.js';
import { ARTICLE_TEMPLATE } from '../../src/cli/commands/new.js';
import { run } from '../../src/cli/index.js';
import { loadSeries } from '../../src/model/index.js';
import { REPO } from '../batch/archive.js';
import { readPdf } from '../helpers/pdf.js';

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'bulletin-init-'));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

async function cli(args: string[], at = cwd, answers?: string[]) {
  let out = '';
  let err = '';
  const asked: string[] = [];
  const prompt = answers ? async (q: string) => (asked.push(q), answers.shift() ?? '') : undefined;
  const code = await run(args, { out: (s) => void (out += s), err: (s) => void (err += s), cwd: at, env: { LANG: 'en_US.UTF-8' }, isTTY: false, prompt });
  return { code, out, err, asked };
}

const ARTICLE = `---
title: 办公室推行“一次办好”文件流转
source: 办公室
---
今年以来，办公室把收文、拟文、核稿、印发四个环节并到一张流转单上，文件停留时间由三天缩短到一天半。
**把关口前移。**拟文科室在起草阶段即对照格式规范自查，核稿退改率较上季度下降四成。
`;

/** The archive init made, with fonts pinned to the shipped defaults (what the test machine has must not matter). */
function pinFonts(root: string) {
  writeFileSync(path.join(root, 'bulletin.yaml'), readFileSync(path.join(root, 'bulletin.yaml'), 'utf8') + '\nfonts: { system: false }\n');
}

describe('bulletin init', () => {
  it('writes a commented bulletin.yaml that loads as written, an empty issues/ and fonts/ with its README', async () => {
    const r = await cli(['init', 'office', '--series', '机关工作简报', '--office', '市直机关办公室']);
    expect(r).toMatchObject({ code: 0, out: 'office\n' });
    expect(r.err).toContain('started an archive in office: bulletin.yaml, issues/, fonts/README.md');
    expect(r.err).not.toMatch(/placeholder/);
    const root = path.join(cwd, 'office');
    const loaded = loadSeries(root);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.config).toMatchObject({
      series: '机关工作简报',
      office: '市直机关办公室',
      numbering: 'yearly',
      units: [],
      fonts: { system: true, roles: {} },
    });
    const yaml = readFileSync(path.join(root, 'bulletin.yaml'), 'utf8');
    for (const word of ['series', 'office', 'numbering', 'units', 'fonts']) expect(yaml).toMatch(new RegExp(`^#.*${word}`, 'mi'));
    expect(yaml).toMatch(/^# 简报名称/m);
    expect(existsSync(path.join(root, 'issues'))).toBe(true);
    expect(readFileSync(path.join(root, 'fonts/README.md'), 'utf8')).toBe(FONTS_README);
    for (const font of ['仿宋_GB2312', '方正小标宋简体', '黑体', '楷体_GB2312', 'FangSong', 'KaiTi']) expect(FONTS_README).toContain(font);
  });

  it('the repository’s own fonts/README.md is the one init writes', () => {
    expect(readFileSync(path.join(REPO, 'fonts/README.md'), 'utf8')).toBe(FONTS_README);
  });

  it('refuses to overwrite a bulletin.yaml (exit 1), leaving it byte for byte', async () => {
    writeFileSync(path.join(cwd, 'bulletin.yaml'), 'series: 已有\n');
    const r = await cli(['init', '--series', 'x', '--office', 'y']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bulletin\.yaml already exists; not overwriting it/);
    expect(readFileSync(path.join(cwd, 'bulletin.yaml'), 'utf8')).toBe('series: 已有\n');
    expect(existsSync(path.join(cwd, 'issues'))).toBe(false);
    const zh = await cli(['init', '--lang', 'zh']);
    expect(zh.code).toBe(1);
    expect(zh.err).toMatch(/已存在，不会覆盖/);
  });

  it('asks on a terminal, and quotes what YAML would misread', async () => {
    const r = await cli(['init', 'a'], cwd, ['简报: 特刊', '#办公室']);
    expect(r.code).toBe(0);
    expect(r.asked).toHaveLength(2);
    expect(loadSeries(path.join(cwd, 'a')).config).toMatchObject({ series: '简报: 特刊', office: '#办公室' });
  });

  it('rejects an empty --series (usage, exit 2) and writes nothing', async () => {
    const r = await cli(['init', 'b', '--series', ' ']);
    expect(r.code).toBe(2);
    expect(existsSync(path.join(cwd, 'b'))).toBe(false);
  });

  it('without a terminal writes placeholders, says what to edit, and check warns while they are left', async () => {
    const r = await cli(['init', 'office']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/edit office[\\/]bulletin\.yaml: series and office still hold the placeholder/);
    expect(r.err).toMatch(/cd office && bulletin new/);
    const root = path.join(cwd, 'office');
    pinFonts(root);
    const started = await cli(['new', '--date', '2026-10-12'], root);
    expect(started.code).toBe(0);
    // The template as `new` wrote it: an error for each placeholder, so it can never be printed.
    const checked = await cli(['check', '1', '--format', 'json'], root);
    expect(checked.code).toBe(1);
    const found = (JSON.parse(checked.out) as { rule: string; severity: string; file: string; line: number; column: number }[])
      .filter((d) => /placeholder|empty-body/.test(d.rule))
      .map((d) => `${d.severity} ${d.rule} ${d.file}:${d.line}:${d.column}`);
    expect(found).toEqual([
      'warning series/placeholder bulletin.yaml:6:9',
      'warning series/placeholder bulletin.yaml:9:9',
      'error article/placeholder issues/2026/1/01-article.md:3:8',
      'error article/placeholder issues/2026/1/01-article.md:6:9',
      'error article/placeholder issues/2026/1/01-article.md:8:1',
    ]);
    const refused = await cli(['build', '1'], root);
    expect(refused.code).toBe(1);
    expect(existsSync(path.join(root, 'dist/2026-1.pdf'))).toBe(false);
    // One article written: a PDF, with the placeholders of bulletin.yaml as warnings only.
    writeFileSync(path.join(root, 'issues/2026/1/01-article.md'), ARTICLE);
    const built = await cli(['build', '1'], root);
    expect(built.code).toBe(0);
    expect(built.out).toMatch(/wrote dist[\\/]2026-1\.pdf \(1 pages?/);
    // build counts warnings per rule and points at `bulletin check` for the details.
    expect(built.err).toContain('series/placeholder ×2); run bulletin check 2026/1 to see them');
    // Dated by the issue date (an October one: the month has two digits of its own).
    const { info, pages } = await readPdf(readFileSync(path.join(root, 'dist/2026-1.pdf')));
    expect(String(info.CreationDate)).toMatch(/^D:20261012/);
    expect(pages[0].map((t) => t.str).join('')).toContain('办公室推行“一次办好”文件流转');
  });
});

describe('template text and empty articles', () => {
  function archiveWith(article: string) {
    const root = path.join(cwd, 'arch');
    mkdirSync(path.join(root, 'issues/2026/1'), { recursive: true });
    writeFileSync(path.join(root, 'bulletin.yaml'), seriesYaml('机关工作简报', '市直机关办公室') + '\nfonts: { system: false }\n');
    writeFileSync(path.join(root, 'issues/2026/1/issue.yaml'), 'number: 1\ndate: 2026-11-02\narticles:\n  - a.md\n');
    writeFileSync(path.join(root, 'issues/2026/1/a.md'), article);
    return root;
  }

  async function diagnostics(root: string) {
    const r = await cli(['check', '1', '--format', 'json'], root);
    return {
      code: r.code,
      found: (JSON.parse(r.out) as { rule: string; severity: string; line: number; column: number }[]).map(
        (d) => `${d.severity} ${d.rule} ${d.line}:${d.column}`,
      ),
    };
  }

  it('an article with no text is a warning at the line where the text would start; the issue still builds', async () => {
    const root = archiveWith('---\ntitle: 只有标题\nsource: 办公室\n---\n');
    expect(await diagnostics(root)).toEqual({ code: 0, found: ['warning article/empty-body 4:1'] });
    const built = await cli(['build', '1'], root);
    expect(built.code).toBe(0);
    expect(built.err).toContain('1 warning(s) (article/empty-body ×1); run bulletin check 2026/1 to see them');
    expect((await cli(['check', '1'], root)).out).toMatch(/the article “只有标题” has no text/);
  });

  it('the template’s sample paragraph kept after real text is still an error', async () => {
    const body = ARTICLE_TEMPLATE.split('---\n')[2];
    const root = archiveWith(`---\ntitle: 实在的标题\nsource: 办公室\n---\n第一段是真的。\n${body}`);
    expect(await diagnostics(root)).toEqual({ code: 1, found: ['error article/placeholder 6:1'] });
  });
});
