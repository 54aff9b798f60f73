/** bulletin wechat: only what the official-account editor keeps, every paragraph, preflight warnings. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listIssueDirs } from '../../src/archive/index.js';
import { prepareIssue } from '../../src/pipeline/index.js';
import { esc, plainText } from '../../src/editions/html.js';
import { cli, makeArchive, removeArchive } from '../batch/archive.js';

const ALLOWED = new Set(['section', 'p', 'span', 'strong', 'br']);

/** The <section> the editor receives: everything between <body> and </body>. */
function content(html: string): string {
  return html.slice(html.indexOf('<body>') + 6, html.indexOf('</body>')).trim();
}

describe('bulletin wechat', () => {
  let root: string;
  beforeAll(() => {
    root = makeArchive([
      { year: 2026, number: 1, from: 1 },
      { year: 2026, number: 2, from: 2 },
    ]);
  });
  afterAll(() => removeArchive(root));

  it('a folder it cannot write to is said in words naming the file, for wechat, web and image alike', async () => {
    // A file where the output folder should be: ENOTDIR, which root meets too (unlike chmod).
    writeFileSync(path.join(root, 'blocked'), '');
    for (const [cmd, file] of [
      ['wechat', 'blocked/x/01-wangge.html'],
      ['web', 'blocked/w/style.css'],
      ['image', 'blocked/i/2026-2-01.png'],
    ]) {
      const out = file.split('/').slice(0, 2).join('/');
      const r = await cli([cmd, '2', '-o', out], root);
      expect(r.code, cmd).toBe(1);
      expect(r.err, cmd).toContain(`part of the path ${file} is not a folder`);
      expect(r.err, cmd).not.toMatch(/internal error|at .*\.js/);
    }
  });

  it('writes a file per article and one for the issue, with inline styles only', async () => {
    const r = await cli(['wechat', '2'], root);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/WeChat edition dist\/wechat\/2026-2: 5 file\(s\)/);
    const dir = path.join(root, 'dist/wechat/2026-2');
    expect(readdirSync(dir).sort()).toEqual(['01-wangge.html', '02-lianjian.html', '03-chanyelian.html', '04-shangquan.html', 'issue.html']);
    for (const f of readdirSync(dir)) {
      const body = content(readFileSync(path.join(dir, f), 'utf8'));
      expect(body).toMatch(/^<section style="[^"]+">/);
      const tags = [...body.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>/g)];
      for (const [tag, name, attrs] of tags) {
        expect(ALLOWED.has(name.toLowerCase()), `${f}: ${tag}`).toBe(true);
        // The only attribute is style: no class, id, href, src or event handler.
        expect(attrs.replace(/\sstyle="[^"]*"/, '').trim(), `${f}: ${tag}`).toBe('');
      }
      expect(body).not.toMatch(/<(style|script|div|img|a|link)\b|class=|id=|https?:/i);
    }
  });

  it('keeps every paragraph, bold leads, a centred title and a right-aligned attribution', async () => {
    await cli(['wechat', '2026/1'], root);
    const where = listIssueDirs(root).find((d) => d.year === 2026 && d.number === 1)!;
    const issue = prepareIssue(root, where).issue!;
    const whole = content(readFileSync(path.join(root, 'dist/wechat/2026-1/issue.html'), 'utf8'));
    const titles: string[] = [];
    for (const a of issue.articles) {
      const page = content(readFileSync(path.join(root, 'dist/wechat/2026-1', `${path.basename(a.file, '.md')}.html`), 'utf8'));
      for (const b of [...a.note, ...a.blocks]) {
        const text = b.runs.map((r) => (r.style === 'lead' ? `<strong>${esc(r.text)}</strong>` : esc(r.text))).join('');
        expect(page).toContain(text);
        expect(whole).toContain(text);
        expect(plainText(b).length).toBeGreaterThan(0);
      }
      // A title wider than a 375 px phone line carries a <br> where the title breaker wraps it.
      const title = page.match(/<p style="[^"]*text-align:center;[^"]*"><strong>(.*?)<\/strong><\/p>/)![1];
      expect(title.replaceAll('<br>', ''), a.title).toBe(a.title);
      expect(whole).toContain(`<strong>${title}</strong>`);
      titles.push(title);
      expect(page).toMatch(new RegExp(`<p style="[^"]*text-align:right;[^"]*">（供稿单位：${a.sources.join('、')}）</p>`));
    }
    expect(titles).toEqual([
      '我市高质量完成2025年度<br>市管领导班子和领导干部考核',
      '醴陵市“四联”机制<br>激活村级集体经济发展动能',
      '我市上线“株洲人才码”<br>推动人才服务“一码通办”',
    ]);
    expect(whole).toContain('<strong>株洲组织工作信息</strong>');
    expect(whole).toContain('第1期（总第141期）');
    expect(whole).toMatch(/<p style="[^"]*text-indent:2em;[^"]*"><strong>优化考核指标，突出“干”的导向。<\/strong>对照市委全会部署/);
  });

  it('sets a web or e-mail address in a span that may break anywhere (the editor drops <wbr>), escaped', async () => {
    const file = path.join(root, 'issues/2026/1/02-jiceng.md');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, `${original}\n意见统一录入“渌口智慧党建”平台（https://dj.lukou.gov.cn/apply?a=1&b=2），或发送至zzb_lk@163.com，资金3.5万元。\n`);
    try {
      expect((await cli(['wechat', '2026/1'], root)).code).toBe(0);
      expect(readFileSync(path.join(root, 'dist/wechat/2026-1/02-jiceng.html'), 'utf8')).toContain(
        '意见统一录入“渌口智慧党建”平台（<span style="word-break:break-all;">https://dj.lukou.gov.cn/apply?a=1&amp;b=2</span>），或发送至<span style="word-break:break-all;">zzb_lk@163.com</span>，资金3.5万元。</p>',
      );
    } finally {
      writeFileSync(file, original);
    }
  });

  it('warns with file:line:column when the title, the digest or the content is over the account’s limits', async () => {
    const file = path.join(root, 'issues/2026/1/01-ganbu.md');
    const original = readFileSync(file, 'utf8');
    const longTitle = '我市高质量完成2025年度市管领导班子和领导干部年度综合考核工作并形成考核报告';
    const longPara = '这是一段很长的开头段落，'.repeat(12) + '用于检查摘要长度。';
    const bulk = Array.from({ length: 160 }, (_, i) => `第${i + 1}段补充材料：各单位按照要求报送了本年度工作情况，市委组织部逐项核实并形成汇总意见。`).join(
      '\n',
    );
    writeFileSync(file, original.replace(/^title:.*$/m, `title: ${longTitle}`).replace(/^---\n(?!title)/m, `---\n${longPara}\n`) + bulk + '\n');
    try {
      const r = await cli(['wechat', '2026/1'], root);
      expect(r.code).toBe(0);
      expect(r.err).toMatch(new RegExp(`title has ${[...longTitle].length} characters, more than the 32 .*\n\\s*--> issues/2026/1/01-ganbu\\.md:2:8\n`));
      expect(r.err).toMatch(/digest \(taken from the first paragraph\) has 153 characters, more than the 128 .*\n\s*--> issues\/2026\/1\/01-ganbu\.md:5:1\n/);
      expect(r.err).toMatch(
        /WeChat content of “株洲组织工作信息 2026年第1期” has \d+ characters .*over the limit of 20,000.*\n\s*--> issues\/2026\/1\/issue\.yaml:1:1\n/,
      );
    } finally {
      writeFileSync(file, original);
    }
  });

  it('stops on errors in the issue at file:line:column and writes nothing', async () => {
    const manifest = path.join(root, 'issues/2026/2/issue.yaml');
    const original = readFileSync(manifest, 'utf8');
    writeFileSync(manifest, original.replace(/^date:.*$/m, 'date: 2026-02-30'));
    try {
      const r = await cli(['wechat', '2', '-o', 'wx-bad'], root);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/issues\/2026\/2\/issue\.yaml:2:7/);
      expect(r.err).toMatch(/no WeChat edition written/);
      expect(existsSync(path.join(root, 'wx-bad'))).toBe(false);
    } finally {
      writeFileSync(manifest, original);
    }
    expect((await cli(['wechat', '2026'], root)).code).toBe(2);
  });
});
