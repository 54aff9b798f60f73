/** bulletin web: the site's files, escaping, navigation across issues, incremental writes, errors. */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, makeArchive, removeArchive } from '../batch/archive.js';

const raw = (root: string, rel: string) => readFileSync(path.join(root, 'dist/web', rel), 'utf8');
/** A page without the <wbr> its titles carry (titleHtml), so the assertions read the text. */
const read = (root: string, rel: string) => raw(root, rel).replaceAll('<wbr>', '');
const mtime = (root: string, rel: string) => statSync(path.join(root, 'dist/web', rel)).mtimeMs;

/** Every file under the site, relative, sorted. */
function siteFiles(root: string): string[] {
  const base = path.join(root, 'dist/web');
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(base, p).split(path.sep).join('/'));
    }
  };
  walk(base);
  return out.sort();
}

/** Backdate every file of the site, so a rewrite shows as a newer mtime. */
function backdate(root: string): void {
  const past = new Date(Date.UTC(2020, 0, 1));
  for (const f of siteFiles(root)) utimesSync(path.join(root, 'dist/web', f), past, past);
}

describe('bulletin web', () => {
  let root: string;
  beforeAll(() => {
    root = makeArchive([
      { year: 2025, number: 51, from: 2 },
      { year: 2026, number: 1, from: 1 },
      { year: 2026, number: 2, from: 2 },
    ]);
  });
  afterAll(() => removeArchive(root));

  it('writes an index, a page per issue and a page per article', async () => {
    const r = await cli(['web', '--all'], root);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/3 issue\(s\); 16 file\(s\) written, 0 unchanged/);
    expect(siteFiles(root)).toEqual([
      '.bulletin-web.json',
      '2025/51/01-wangge.html',
      '2025/51/02-lianjian.html',
      '2025/51/03-chanyelian.html',
      '2025/51/04-shangquan.html',
      '2025/51/index.html',
      '2026/1/01-ganbu.html',
      '2026/1/02-jiceng.html',
      '2026/1/03-rencai.html',
      '2026/1/index.html',
      '2026/2/01-wangge.html',
      '2026/2/02-lianjian.html',
      '2026/2/03-chanyelian.html',
      '2026/2/04-shangquan.html',
      '2026/2/index.html',
      'index.html',
      'style.css',
    ]);
  });

  it('lists the issues grouped by year, newest first, with number, running total, date and titles', () => {
    const index = read(root, 'index.html');
    expect(index).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect(index).toContain('<title>株洲组织工作信息</title>');
    const order = ['id="y2026"', 'href="2026/2/index.html">第2期', 'href="2026/1/index.html">第1期', 'id="y2025"', 'href="2025/51/index.html">第51期'].map(
      (s) => index.indexOf(s),
    );
    expect(order.every((p) => p >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(index).toContain('（总第143期）');
    expect(index).toContain('<time datetime="2026-01-12">2026年1月12日</time>');
    expect(index).toContain('>我市上线“株洲人才码”推动人才服务“一码通办”</a>');
  });

  it('sets each article with its title, bold leads, headings in order and the attribution', () => {
    const page = read(root, '2026/1/01-ganbu.html');
    expect(page).toContain('<h1 class="title">我市高质量完成2025年度市管领导班子和领导干部考核</h1>');
    // The title may wrap between words only (the stylesheet keeps all other characters together), never inside 2025年度.
    const title = /<h1 class="title">(.*?)<\/h1>/.exec(raw(root, '2026/1/01-ganbu.html'))![1];
    expect(title.split('<wbr>')).toEqual(['我市', '高质量', '完成', '2025年度', '市管', '领导', '班子', '和', '领导', '干部', '考核']);
    expect(/<h1 class="title">(.*?)<\/h1>/.exec(raw(root, '2026/2/02-lianjian.html'))![1].split('<wbr>')).toContain('跨县域党建联建');
    // A place name keeps its suffix: 荷塘区 / 党建, never 荷塘 / 区党建.
    expect(/<h1 class="title">(.*?)<\/h1>/.exec(raw(root, '2026/2/01-wangge.html'))![1].split('<wbr>').slice(0, 2)).toEqual(['荷塘区', '党建']);
    expect(page).toContain('<p><strong class="lead">优化考核指标，突出“干”的导向。</strong>对照市委全会部署');
    expect(page).toContain('<p class="attribution">（供稿单位：市委组织部干部一科）</p>');
    const wangge = read(root, '2026/2/01-wangge.html');
    expect(wangge).toContain('<h2 class="h1">一、主要做法</h2>');
    expect(wangge).toContain('<h3 class="h2">（一）织密“一张网”，夯实治理根基</h3>');
    expect(wangge).toContain('<h4 class="h3">1.科学划分网格</h4>');
    // Every paragraph of the source is on the page.
    const body = readFileSync(path.join(root, 'issues/2026/2/01-wangge.md'), 'utf8').split('---\n')[2];
    for (const line of body.split('\n').filter((l) => l && !l.startsWith('#'))) expect(wangge).toContain(line);
  });

  it('links 上一篇/下一篇 across issues and years, and back to the issue and the index', () => {
    const lastOf2025 = read(root, '2025/51/04-shangquan.html');
    expect(lastOf2025).toContain(
      '<a rel="next" href="../../2026/1/01-ganbu.html"><span class="pager-label">下一篇</span>我市高质量完成2025年度市管领导班子和领导干部考核</a>',
    );
    const first = read(root, '2026/1/01-ganbu.html');
    expect(first).toContain('<a rel="prev" href="../../2025/51/04-shangquan.html"><span class="pager-label">上一篇</span>');
    expect(first).toContain('<a rel="next" href="02-jiceng.html">');
    expect(read(root, '2025/51/01-wangge.html')).not.toContain('rel="prev"');
    expect(read(root, '2026/2/04-shangquan.html')).not.toContain('rel="next"');
    expect(first).toContain('<a href="index.html">返回本期目录</a><a href="../../index.html">返回简报首页</a>');
  });

  it('shows the issue page masthead as text, the editor’s note and the table of contents', () => {
    const page = read(root, '2026/2/index.html');
    expect(page).toContain('<p class="number" aria-hidden="true">第2期（总第143期）</p>');
    expect(page).toContain('<span class="office">中共株洲市委组织部办公室</span><time class="date" datetime="2026-01-12">2026年1月12日</time>');
    expect(page).toContain('<strong class="note-label">编者按：</strong>基层是党的执政之基');
    expect(page).toContain(
      '<li><a href="02-lianjian.html">茶陵炎陵两县推进跨县域党建联建助力红色旅游融合发展</a><span class="toc-source">茶陵县委组织部、炎陵县委组织部</span></li>',
    );
    expect(page).not.toContain('.pdf');
  });

  it('writes nothing when nothing changed, and only the changed issue and its neighbours’ navigation after an edit', async () => {
    backdate(root);
    const again = await cli(['web', '--all'], root);
    expect(again.out).toMatch(/0 file\(s\) written, 16 unchanged, 0 removed/);
    const before = new Map(siteFiles(root).map((f) => [f, mtime(root, f)]));
    // Retitle the first article of 2026/1: its page, its issue page, the index, the page before it (2025/51's last) and after it change.
    const file = path.join(root, 'issues/2026/1/01-ganbu.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: 我市高质量完成', 'title: 全市高质量完成'));
    const r = await cli(['web', '--all'], root);
    expect(r.code).toBe(0);
    const changed = siteFiles(root).filter((f) => mtime(root, f) !== before.get(f));
    expect(changed).toEqual([
      '.bulletin-web.json',
      '2025/51/04-shangquan.html',
      '2026/1/01-ganbu.html',
      '2026/1/02-jiceng.html',
      '2026/1/index.html',
      'index.html',
    ]);
    expect(read(root, '2025/51/04-shangquan.html')).toContain('下一篇</span>全市高质量完成');
  });

  it('escapes the text: markup in a title or decoded from &lt; appears as text', async () => {
    const file = path.join(root, 'issues/2026/1/02-jiceng.md');
    const original = readFileSync(file, 'utf8');
    // A title is not Markdown, so a tag in it passes the checks; &lt;b&gt; in the body becomes the text <b> (with a warning).
    const edited = original.replace(/^title:.*$/m, 'title: 关于<script>alert(1)</script>的说明') + '\n当比值<1且>0时，A&B不能写成&lt;b&gt;，也不能写成"x"。\n';
    writeFileSync(file, edited);
    try {
      expect((await cli(['web', '2026/1'], root)).code).toBe(0);
      const page = read(root, '2026/1/02-jiceng.html');
      expect(page).toContain('<h1 class="title">关于&lt;script&gt;alert(1)&lt;/script&gt;的说明</h1>');
      expect(page).toContain('<title>关于&lt;script&gt;alert(1)&lt;/script&gt;的说明 - ');
      expect(page).toContain('<p>当比值&lt;1且&gt;0时，A&amp;B不能写成&lt;b&gt;，也不能写成&quot;x&quot;。</p>');
      expect(read(root, 'index.html')).toContain('>关于&lt;script&gt;alert(1)&lt;/script&gt;的说明</a>');
      expect(read(root, '2026/1/01-ganbu.html')).toContain('下一篇</span>关于&lt;script&gt;');
      for (const f of siteFiles(root).filter((n) => n.endsWith('.html'))) expect(read(root, f)).not.toMatch(/<script|<b>/i);
    } finally {
      writeFileSync(file, original);
      await cli(['web', '2026/1'], root);
    }
  });

  it('lets a web or e-mail address wrap where print wraps it (a <wbr> after . / - _ @), escaped, and nothing else', async () => {
    const file = path.join(root, 'issues/2026/1/02-jiceng.md');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, `${original}\n意见统一录入“渌口智慧党建”平台（https://dj.lukou.gov.cn/apply?a=1&b=2），或发送至zzb_lk@163.com，资金3.5万元。\n`);
    try {
      expect((await cli(['web', '2026/1'], root)).code).toBe(0);
      expect(raw(root, '2026/1/02-jiceng.html')).toContain(
        '<p>意见统一录入“渌口智慧党建”平台（https://<wbr>dj.<wbr>lukou.<wbr>gov.<wbr>cn/<wbr>apply?a=1&amp;b=2），或发送至zzb_<wbr>lk@<wbr>163.<wbr>com，资金3.5万元。</p>',
      );
    } finally {
      writeFileSync(file, original);
      await cli(['web', '2026/1'], root);
    }
  });

  it('refuses an -o that is a file, for web, wechat and image alike (exit 2, the file untouched)', async () => {
    const file = path.join(root, 'site.html');
    writeFileSync(file, 'keep');
    for (const cmd of ['web', 'wechat', 'image']) {
      const r = await cli([cmd, '2026/1', '-o', file], root, { LANG: 'zh_CN.UTF-8' });
      expect(r.code, cmd).toBe(2);
      expect(r.err, cmd).toContain('是一个文件：这里要写一个文件夹（不存在时会新建），如 -o 网站/');
    }
    expect(readFileSync(file, 'utf8')).toBe('keep');
  });

  it('stops an issue with errors at file:line:column, exit 1, and keeps its earlier pages as they were', async () => {
    await cli(['web', '--all'], root);
    const before = siteFiles(root).map((f) => [f, read(root, f)]);
    const manifest = path.join(root, 'issues/2026/2/issue.yaml');
    const original = readFileSync(manifest, 'utf8');
    writeFileSync(manifest, original.replace(/^date:.*$/m, 'date: 2026-02-30'));
    try {
      const r = await cli(['web', '--all'], root);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/issues\/2026\/2\/issue\.yaml:2:7/);
      expect(r.err).toMatch(/issue 2026\/2 not published: 1 error\(s\) \(the pages already on the site are kept as they were\)/);
      expect(siteFiles(root).map((f) => [f, read(root, f)])).toEqual(before);
      expect(siteFiles(root).some((f) => f.endsWith('.tmp'))).toBe(false);
    } finally {
      writeFileSync(manifest, original);
    }
  });

  it('refuses every page when bulletin.yaml is broken', async () => {
    const config = path.join(root, 'bulletin.yaml');
    const original = readFileSync(config, 'utf8');
    writeFileSync(config, original.replace(/^series:.*$/m, 'series: ['));
    try {
      const r = await cli(['web', '--all', '-o', 'other'], root);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/bulletin\.yaml:\d+:\d+/);
      expect(existsSync(path.join(root, 'other'))).toBe(false);
    } finally {
      writeFileSync(config, original);
    }
  });

  it('links and copies the PDF only while it is up to date', async () => {
    expect((await cli(['build', '2026/1'], root)).code).toBe(0);
    await cli(['web', '2026/1'], root);
    expect(read(root, '2026/1/index.html')).toContain('<a href="2026-1.pdf" type="application/pdf">下载本期 PDF 版（2026年第1期）</a>');
    expect(readFileSync(path.join(root, 'dist/web/2026/1/2026-1.pdf')).equals(readFileSync(path.join(root, 'dist/2026-1.pdf')))).toBe(true);
    const file = path.join(root, 'issues/2026/1/03-rencai.md');
    writeFileSync(file, readFileSync(file, 'utf8') + '\n新增一段文字，PDF 尚未重新排版。\n');
    const r = await cli(['web', '2026/1'], root);
    expect(r.err).toMatch(/no up-to-date PDF for 2026\/1/);
    expect(read(root, '2026/1/index.html')).not.toContain('.pdf');
    expect(existsSync(path.join(root, 'dist/web/2026/1/2026-1.pdf'))).toBe(false);
  });

  it('publishes one issue into an empty site without the others, and removes an issue whose folder is gone', async () => {
    const r = await cli(['web', '2026/2', '-o', 'one', '--lang', 'zh'], root);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/网页版 one：共 1 期/);
    const index = readFileSync(path.join(root, 'one/index.html'), 'utf8');
    expect(index).toContain('href="2026/2/index.html"');
    expect(index).not.toContain('2026/1/');
    await cli(['web', '--all', '-o', 'one'], root);
    expect(readFileSync(path.join(root, 'one/2026/2/01-wangge.html'), 'utf8')).toContain('rel="prev" href="../../2026/1/03-rencai.html"');
    removeArchive(path.join(root, 'issues/2026/1'));
    const after = await cli(['web', '--all', '-o', 'one'], root);
    expect(after.code).toBe(0);
    expect(existsSync(path.join(root, 'one/2026/1'))).toBe(false);
    expect(readFileSync(path.join(root, 'one/2026/2/01-wangge.html'), 'utf8')).toContain('rel="prev" href="../../2025/51/04-shangquan.html"');
  });
});
