/**
 * What reaches the page is what the author wrote: every Markdown construct is printed as written
 * or reported with file:line:column (README, “The article”).
 */
import { describe, expect, it } from 'vitest';
import { parseArticle, SourceText } from '../../src/model/index.js';
import type { Block } from '../../src/model/types.js';

const HEAD = '---\ntitle: 标题\nsource: 单位\n---\n';

function read(body: string) {
  const r = parseArticle(new SourceText('a.md', HEAD + body));
  const texts = (r.article?.blocks ?? []).map((b: Block) => (b.kind === 'heading' ? `#${b.level} ` : '') + b.runs.map((x) => x.text).join(''));
  const ds = r.diagnostics.map((d) => `${d.severity} ${d.rule} ${d.loc.file}:${d.loc.line}:${d.loc.column}`);
  return { texts, ds, diagnostics: r.diagnostics };
}

describe('Markdown constructs', () => {
  it('a --- line after a text line is a reported thematic break, not a setext heading merging two lines', () => {
    const { texts, ds } = read('第一段文字。\n第二段文字。\n---\n第三段文字。\n');
    expect(texts).toEqual(['第一段文字。', '第二段文字。', '第三段文字。']);
    expect(ds).toEqual(['warning markdown/thematic-break a.md:7:1']);
  });

  it('a === line under text stays text, and the line above is no heading', () => {
    const { texts } = read('第一段文字。\n===\n');
    expect(texts).toEqual(['第一段文字。', '===']);
  });

  it('raw HTML tags are errors naming the tag, at the tag', () => {
    const { ds, diagnostics } = read('这是<b>重点</b>内容。\n<script>alert(1)</script>\n');
    expect(ds).toEqual(['error markdown/html a.md:5:3', 'error markdown/html a.md:5:8', 'error markdown/html a.md:6:1']);
    expect(diagnostics[0].message.en).toContain('<b>');
    expect(diagnostics[1].message.en).toContain('</b>');
    expect(diagnostics[2].message.zh).toContain('<script>');
  });

  it('an HTML comment is reported as not printed', () => {
    const { ds } = read('正文。<!-- 编辑备注 -->\n');
    expect(ds).toEqual(['warning markdown/html-comment a.md:5:4']);
  });

  it('character references are decoded and reported with the code point', () => {
    const { texts, ds, diagnostics } = read('党建&nbsp;引领&amp;治理。\n');
    expect(texts).toEqual(['党建\u00a0引领&治理。']);
    expect(ds).toEqual(['warning markdown/entity a.md:5:3', 'warning markdown/entity a.md:5:11']);
    expect(diagnostics[0].message.en).toContain('U+00A0');
  });

  it('an image is an error at the image', () => {
    const { ds, diagnostics } = read('见下图。\n![现场照片](photo.jpg)\n');
    expect(ds).toEqual(['error markdown/image a.md:6:1']);
    expect(diagnostics[0].message.zh).toContain('photo.jpg');
  });

  it('a link prints its text and warns that the address is not printed; an autolink prints its address', () => {
    const { texts, ds, diagnostics } = read('详见[市委组织部网站](http://zzb.example.gov.cn)。\n网址<http://zzb.example.gov.cn>。\n');
    expect(texts).toEqual(['详见市委组织部网站。', '网址http://zzb.example.gov.cn。']);
    expect(ds).toEqual(['warning markdown/link a.md:5:3']);
    expect(diagnostics[0].message.en).toContain('http://zzb.example.gov.cn');
  });

  it('lists keep their markers: the author’s numbers, and · for bullets with a warning', () => {
    const { texts, ds } = read('1. 第一项工作。\n2. 第二项工作。\n\n- 要点一。\n- 要点二。\n');
    expect(texts).toEqual(['1.第一项工作。', '2.第二项工作。', '·要点一。', '·要点二。']);
    expect(ds).toEqual(['warning markdown/bullet-list a.md:8:1', 'warning markdown/bullet-list a.md:9:1']);
  });

  it('a block quote and fenced code are printed as paragraphs, with a warning each', () => {
    const { texts, ds } = read('> 引用的话。\n\n```\n代码行\n```\n');
    expect(texts).toEqual(['引用的话。', '代码行']);
    expect(ds).toEqual(['warning markdown/blockquote a.md:5:1', 'warning markdown/code a.md:7:1']);
  });

  it('a pipe table is refused at its header row', () => {
    const { ds } = read('情况如下：\n| 单位 | 人数 |\n| --- | --- |\n| 天元区 | 12 |\n');
    expect(ds).toEqual(['error markdown/table a.md:6:1']);
  });

  it('emphasis inside a paragraph and inline code are reported, their text kept', () => {
    const { texts, ds } = read('要*坚持*问题导向，运行`bulletin fix`命令，抓好**重点**工作。\n');
    expect(texts).toEqual(['要坚持问题导向，运行bulletin fix命令，抓好重点工作。']);
    expect(ds).toEqual(['warning markdown/emphasis a.md:5:2', 'warning markdown/inline-code a.md:5:13', 'warning markdown/emphasis a.md:5:32']);
  });

  it('a link definition is reported, never dropped silently', () => {
    const { ds } = read('正文。\n\n[1]: http://example.gov.cn\n');
    expect(ds).toEqual(['warning markdown/definition a.md:7:1']);
  });

  it('a lead sentence, headings and plain lines give no diagnostics', () => {
    const { texts, ds } = read('# 一、总体情况\n**强化组织建设。**全市新建中心12个。\n普通段落。\n');
    expect(texts).toEqual(['#1 一、总体情况', '强化组织建设。全市新建中心12个。', '普通段落。']);
    expect(ds).toEqual([]);
  });
});

describe('bulletin check and build on pasted web text', () => {
  it('an HTML tag stops check and build with exit 1 at the tag; a --- line only warns', async () => {
    const { readFileSync, rmSync, writeFileSync, existsSync } = await import('node:fs');
    const path = await import('node:path');
    const { copyArchive } = await import('../helpers/tmp.js');
    const { REPO } = await import('../helpers/archive.js');
    const { run } = await import('../../src/cli/index.js');
    const root = copyArchive(REPO);
    try {
      const file = path.join(root, 'issues/2026/2/01-wangge.md');
      const text = readFileSync(file, 'utf8').split('\n');
      text.splice(5, 0, '网格员<b>每天</b>巡查。', '---');
      writeFileSync(file, text.join('\n'));
      const cli = async (args: string[]) => {
        let out = '';
        const code = await run(args, { out: (t) => (out += t), err: (t) => (out += t), cwd: root, env: { LANG: 'en_US.UTF-8' }, isTTY: false });
        return { code, out };
      };
      const checked = await cli(['check', '2', '--format', 'json']);
      expect(checked.code).toBe(1);
      const ds = (JSON.parse(checked.out) as { rule: string; severity: string; file: string; line: number; column: number }[]).filter((d) =>
        d.rule.startsWith('markdown/'),
      );
      expect(ds.map((d) => `${d.severity} ${d.rule} ${d.file}:${d.line}:${d.column}`)).toEqual([
        'error markdown/html issues/2026/2/01-wangge.md:6:4',
        'error markdown/html issues/2026/2/01-wangge.md:6:9',
        'warning markdown/thematic-break issues/2026/2/01-wangge.md:7:1',
      ]);
      const built = await cli(['build', '2']);
      expect(built.code).toBe(1);
      expect(existsSync(path.join(root, 'dist/2026-2.pdf'))).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
