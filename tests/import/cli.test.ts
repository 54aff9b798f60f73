/** `bulletin import` end to end: files on disk in, articles and issue.yaml out, the table, exit codes. */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listIssueDirs } from '../../src/archive/index.js';
import { prepareIssue } from '../../src/pipeline/index.js';
import { cli } from '../batch/archive.js';
import { REPO } from '../helpers/archive.js';
import { copyArchive } from '../helpers/tmp.js';
import { FIXTURES, newArchive, readArticle, snapshot } from './helpers.js';
import { bold, docxBytes, empty, hei, numbered, para, right, run, title } from './word.js';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

const issueDir = (y: number, n: number) => path.join(root, 'issues', String(y), String(n));
const article = (y: number, n: number, name: string) => readArticle(path.join(issueDir(y, n), name));

async function writeDocx(name: string, children: Parameters<typeof docxBytes>[0]) {
  writeFileSync(path.join(root, 'in', name), await docxBytes(children));
}

/** Three submissions in the habits units have. */
async function threeSubmissions() {
  await writeDocx('wangge.docx', [
    title('荷塘区推行网格化治理'),
    empty(),
    para('　　今年以来，荷塘区以网格化治理为抓手，成效明显。'),
    numbered('主要做法', 0),
    para([bold('织密组织网络。'), run('全区划分网格486个。')]),
    para([hei('配强网格力量'), run('。每个网格配备1名专职网格员。')]),
    numbered('初步成效', 0),
    para('　　群众满意率提升至95.4%。'),
    para('（供稿单位：荷塘区委组织部）'),
  ]);
  await writeDocx('jiceng.docx', [title('芦淞区商圈党建'), para('　　芦淞区在服装商圈建立党建联盟。'), para('（芦淞区委组织部供稿）')]);
  await writeDocx('积分制.docx', [title('炎陵县推行积分制'), para('    积分按月公示。'), right('炎陵县委组织部'), right('2026年2月26日')]);
}

describe('bulletin import: Word submissions into an issue', () => {
  it('makes the issue from nothing: folder, issue.yaml, one article per file, the table and the check summary', async () => {
    root = newArchive();
    await threeSubmissions();
    const r = await cli(['import', 'in/*.docx', '--issue', '2026/3', '--date', '2026-03-09'], root);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const manifest = readFileSync(path.join(issueDir(2026, 3), 'issue.yaml'), 'utf8');
    expect(manifest).toBe('number: 3\ndate: 2026-03-09\narticles:\n  - 01-jiceng.md\n  - 02-wangge.md\n  - 03.md\n');
    expect(article(2026, 3, '02-wangge.md')).toMatchObject({
      title: '荷塘区推行网格化治理',
      sources: ['荷塘区委组织部'],
      blocks: [
        '今年以来，荷塘区以网格化治理为抓手，成效明显。',
        'h1 一、主要做法',
        '**织密组织网络。**全区划分网格486个。',
        '**配强网格力量。**每个网格配备1名专职网格员。',
        'h1 二、初步成效',
        '群众满意率提升至95.4%。',
      ],
    });
    expect(article(2026, 3, '01-jiceng.md')).toMatchObject({
      title: '芦淞区商圈党建',
      sources: ['芦淞区委组织部'],
      blocks: ['芦淞区在服装商圈建立党建联盟。'],
    });
    expect(article(2026, 3, '03.md')).toMatchObject({ title: '炎陵县推行积分制', sources: ['炎陵县委组织部'], blocks: ['积分按月公示。'] });
    // The table: source → article, title, units, paragraphs, leads, headings, guesses.
    const row = r.out.split('\n').find((l) => l.includes('wangge.docx'))!;
    expect(row.split(/\s{2,}/)).toEqual([
      path.join('in', 'wangge.docx'),
      '→ issues/2026/3/02-wangge.md',
      '荷塘区推行网格化治理',
      '荷塘区委组织部',
      '4',
      '2',
      '2',
      '0',
    ]);
    expect(r.out).toMatch(/issues\/2026\/3\/03\.md: unit taken from the signature “炎陵县委组织部”/);
    expect(r.out).toMatch(/imported 3 article\(s\) into issue 2026\/3 \(created issues\/2026\/3\)/);
    expect(r.out).toMatch(/^checking issue 2026\/3: no problems found/m);
    // The issue loads and checks clean: it can be built as it is.
    const p = prepareIssue(root, listIssueDirs(root)[0]);
    expect(p.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(p.issue!.articles.map((a) => a.sources[0])).toEqual(['芦淞区委组织部', '荷塘区委组织部', '炎陵县委组织部']);
  });

  it('a folder given as FILE stands for the files in it that can be imported', async () => {
    root = newArchive();
    await threeSubmissions();
    writeFileSync(path.join(root, 'in', '~$wangge.docx'), 'Word lock file');
    writeFileSync(path.join(root, 'in', 'notes.xlsx'), 'not a submission');
    const r = await cli(['import', 'in', '--issue', '2026/3', '--date', '2026-03-09'], root);
    expect(r.code).toBe(0);
    expect(readdirSync(issueDir(2026, 3)).sort()).toEqual(['01-jiceng.md', '02-wangge.md', '03.md', 'issue.yaml']);
  });

  it('a new issue carries over the running total, distribution and copies of the issue before it, as `new` does', async () => {
    root = copyArchive(REPO);
    mkdirSync(path.join(root, 'in'));
    await writeDocx('a.docx', [title('标题'), para('正文。'), para('（供稿单位：天元区委组织部）')]);
    const r = await cli(['import', 'in/a.docx', '--issue', '2026/3', '--date', '2026-02-09'], root);
    expect(r.code).toBe(0);
    const manifest = readFileSync(path.join(issueDir(2026, 3), 'issue.yaml'), 'utf8');
    expect(manifest).toMatch(
      /^number: 3\ndate: 2026-02-09\ntotal: 143\narticles:\n  - 01-a\.md\ndistribution:\n  报: \[省委组织部, 市委常委, .*\]\n  送: .*\n  发: .*\ncopies: 120\n$/,
    );
    // One short article: the end block takes page 2, an even page, and check says so as information.
    expect(r.out).toMatch(/^checking issue 2026\/3: 0 error\(s\), 0 warning\(s\), 1 hint\(s\)/m);
  });

  it('appends to an existing issue and never overwrites a file: a taken name gets a suffix', async () => {
    root = newArchive();
    mkdirSync(issueDir(2026, 3), { recursive: true });
    writeFileSync(path.join(issueDir(2026, 3), 'issue.yaml'), '# 第3期\nnumber: 3\ndate: 2026-03-09\narticles:\n  - 01-a.md # 头条\n');
    writeFileSync(path.join(issueDir(2026, 3), '01-a.md'), '---\ntitle: 甲\nsource: 天元区委组织部\n---\n正文。\n');
    writeFileSync(path.join(issueDir(2026, 3), '02-second.md'), 'not listed, but there: never overwritten\n');
    await writeDocx('second.docx', [title('第二篇'), para('正文。'), para('（供稿单位：天元区委组织部）')]);
    const before = snapshot(issueDir(2026, 3));
    const r = await cli(['import', 'in/second.docx', '--issue', '3', '--date', '2026-03-09'], root);
    expect(r.code).toBe(0);
    const after = snapshot(issueDir(2026, 3));
    expect(after['01-a.md']).toBe(before['01-a.md']);
    expect(after['02-second.md']).toBe(before['02-second.md']);
    expect(readFileSync(path.join(issueDir(2026, 3), 'issue.yaml'), 'utf8')).toBe(
      '# 第3期\nnumber: 3\ndate: 2026-03-09\narticles:\n  - 01-a.md # 头条\n  - 02-second-2.md\n',
    );
    expect(article(2026, 3, '02-second-2.md').title).toBe('第二篇');
  });

  it('a file that cannot be read: one line naming it, exit 1, the others still imported', async () => {
    root = newArchive();
    await writeDocx('good.docx', [title('好的稿件'), para('正文。'), para('（供稿单位：天元区委组织部）')]);
    const zip = Buffer.from('504b0304', 'hex');
    writeFileSync(path.join(root, 'in', 'broken.docx'), Buffer.concat([zip, Buffer.alloc(200, 7)]));
    const ole = Buffer.from('d0cf11e0a1b11ae1', 'hex');
    writeFileSync(path.join(root, 'in', 'locked.docx'), Buffer.concat([ole, Buffer.alloc(504), Buffer.from('EncryptionInfo\0EncryptedPackage', 'utf16le')]));
    writeFileSync(path.join(root, 'in', 'scan.pdf'), '%PDF-1.7\n');
    writeFileSync(path.join(root, 'in', 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 1, 2]));
    const r = await cli(['import', 'in/broken.docx', 'in/good.docx', 'in/locked.docx', 'in/scan.pdf', 'in/photo.jpg', '--issue', '2026/4'], root);
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines).toEqual([
      `✗ ${path.join('in', 'broken.docx')}: not a complete .docx file (damaged or partly downloaded); open it in Word/WPS and save it as .docx again`,
      `✗ ${path.join('in', 'locked.docx')}: the file is password-protected; remove the password in Word/WPS, save, and import again`,
      `✗ ${path.join('in', 'scan.pdf')}: a PDF cannot be imported; import the original Word file, or copy the text into a .txt file`,
      `✗ ${path.join('in', 'photo.jpg')}: not a format that can be imported (.docx, .doc, WPS, .txt, .md, .htm/.html)`,
      '4 file(s) could not be imported (see above)',
    ]);
    expect(readdirSync(issueDir(2026, 4)).sort()).toEqual(['01-good.md', 'issue.yaml']);
  });

  it('usage errors exit 2 and write nothing', async () => {
    root = newArchive();
    await writeDocx('a.docx', [title('标题'), para('正文。')]);
    const before = snapshot(root);
    const noIssue = await cli(['import', 'in/a.docx'], root);
    expect(noIssue.code).toBe(2);
    expect(noIssue.err).toContain(
      `${path.join('in', 'a.docx')} is one submission, not a whole issue: say which issue it joins with --issue (e.g. --issue 2026/3)`,
    );
    expect((await cli(['import', 'in/a.docx', '--issue', 'third'], root)).code).toBe(2);
    const badDate = await cli(['import', 'in/a.docx', '--issue', '3', '--date', '2026-02-30'], root);
    expect(badDate.code).toBe(2);
    expect(badDate.err).toMatch(/2026-02-30/);
    const none = await cli(['import', 'in/*.doc', '--issue', '3'], root);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/no file matches “in\/\*\.doc”/);
    expect(snapshot(root)).toEqual(before);
  });

  it('speaks Chinese', async () => {
    root = newArchive();
    await writeDocx('a.docx', [title('标题'), para('正文。'), para('（供稿单位：天元区组织部）')]);
    const r = await cli(['import', 'in/a.docx', '--issue', '2026/3', '--date', '2026-03-09'], root, { LANG: 'zh_CN.UTF-8' });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^源文件\s+文章\s+标题\s+供稿单位\s+段\s+段首句\s+层次标题\s+推断$/m);
    expect(r.out).toContain('供稿单位“天元区组织部”按最接近的名称取为“天元区委组织部”');
    expect(r.out).toMatch(/已导入 1 篇文章到第 2026\/3 期/);
  });
});

describe('bulletin import: .doc, WPS and text files', () => {
  it('a Word 97 .doc keeps its “” quotes; title, subtitle, typed headings, inferred leads, （X供稿）, 执笔', async () => {
    root = newArchive();
    const r = await cli(['import', path.join(FIXTURES, 'word2003.doc'), '--issue', '2026/3', '--date', '2026-03-09'], root);
    expect(r.code).toBe(0);
    expect(article(2026, 3, '01-word2003.md')).toMatchObject({
      title: '茶陵县“红色驿站”让党员服务下沉一线——基层党建“微阵地”建设的探索',
      sources: ['茶陵县委组织部'],
      blocks: [
        '去年以来，茶陵县把“红色驿站”建在村口、路口和园区门口，让党员服务离群众更近一步。',
        'h1 一、主要做法',
        '**选好驿站位置。**综合考虑人口分布和群众需求，在全县建成驿站58个，每个驿站都有党员值守。',
        '**定好服务清单。**驿站公开政策咨询、代办帮办等“八项服务”，群众扫码就能预约。',
        'h1 二、取得成效',
        '驿站运行一年来，累计服务群众1.6万人次，收到“点赞”留言2300余条。',
        '（执笔：刘　洋　陈　静）',
      ],
    });
    expect(r.out).toMatch(/01-word2003\.md: 2 lead sentences inferred/);
  });

  it('a .doc saved with a password is refused in one line, not read as garbage', async () => {
    root = newArchive();
    const bytes = readFileSync(path.join(FIXTURES, 'word2003.doc'));
    let fib = -1;
    for (let o = 512; o < bytes.length; o += 64) if (bytes[o] === 0xec && bytes[o + 1] === 0xa5) (fib = o), (o = bytes.length);
    expect(fib).toBeGreaterThan(0);
    bytes.writeUInt16LE(bytes.readUInt16LE(fib + 10) | 0x0100, fib + 10); // fEncrypted
    writeFileSync(path.join(root, 'in', 'locked.doc'), bytes);
    const r = await cli(['import', 'in/locked.doc', '--issue', '2026/3'], root);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`✗ ${path.join('in', 'locked.doc')}: the file is password-protected`);
  });

  it('a .doc saved by WPS: space indents, empty paragraphs, a signature block', async () => {
    root = newArchive();
    const r = await cli(['import', path.join(FIXTURES, 'wps.doc'), '--issue', '2026/3', '--date', '2026-03-09'], root);
    expect(r.code).toBe(0);
    expect(article(2026, 3, '01-wps.md')).toMatchObject({
      title: '炎陵县推行“积分制”激发农村党员干事热情',
      sources: ['炎陵县委组织部'],
      blocks: [
        '炎陵县在全县农村推行党员积分管理，把“软要求”变成“硬指标”，党员参与乡村治理的热情明显提高。',
        '积分分为基础分和贡献分两类，按月公示、按年评定，评定结果与评先评优挂钩。',
        '今年以来，全县农村党员参与志愿服务1.2万人次，领办实事项目436个。',
      ],
    });
  });

  it('a .docx that WPS named .doc is read as the .docx it is (its bold leads kept)', async () => {
    root = newArchive();
    await writeDocx('wps.doc', [title('标题'), para([bold('抓好落实。'), run('正文。')]), para('（供稿单位：天元区委组织部）')]);
    const r = await cli(['import', 'in/wps.doc', '--issue', '2026/3', '--date', '2026-03-09'], root);
    expect(r.code).toBe(0);
    expect(article(2026, 3, '01-wps.md').blocks).toEqual(['**抓好落实。**正文。']);
  });

  it.each([
    ['UTF-8', (s: string) => Buffer.from(s, 'utf8')],
    ['UTF-16 LE with BOM', (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])],
    ['GB18030', (s: string) => Buffer.from(new Uint8Array(gb18030(s)))],
  ])('a .txt in %s', async (_, encode) => {
    root = newArchive();
    writeFileSync(
      path.join(root, 'in', 'note.txt'),
      encode('天元区“小院议事”\r\n\r\n　　正文第一段。\r\n　　正文第二段。\r\n（供稿单位：天元区委组织部）\r\n'),
    );
    const r = await cli(['import', 'in/note.txt', '--issue', '2026/3', '--date', '2026-03-09'], root);
    expect(r.code).toBe(0);
    expect(article(2026, 3, '01-note.md')).toMatchObject({ title: '天元区“小院议事”', sources: ['天元区委组织部'], blocks: ['正文第一段。', '正文第二段。'] });
  });
});

it('an article already in the archive’s Markdown form is imported as it is (front matter, headings, leads, escapes)', async () => {
  root = newArchive();
  const sample = path.resolve(import.meta.dirname, '../../issues/2026/2/01-wangge.md');
  writeFileSync(path.join(root, 'in', 'wangge.md'), readFileSync(sample, 'utf8'));
  writeFileSync(
    path.join(root, 'in', 'escaped.md'),
    '---\ntitle: 标题\nsource: [天元区委组织部, 芦淞区委组织部]\n---\n**抓好落实。**推行\\*试点\\*模式。\n\\# 不是标题\n',
  );
  const r = await cli(['import', 'in/wangge.md', 'in/escaped.md', '--issue', '2026/3', '--date', '2026-03-09'], root);
  expect(r.code).toBe(0);
  const original = readArticle(sample);
  expect(article(2026, 3, '01-wangge.md')).toMatchObject({ title: original.title, sources: original.sources, blocks: original.blocks });
  expect(article(2026, 3, '02-escaped.md')).toMatchObject({
    title: '标题',
    sources: ['天元区委组织部', '芦淞区委组织部'],
    blocks: ['**抓好落实。**推行*试点*模式。', '# 不是标题'],
  });
  expect(r.out).toMatch(/^in\/wangge\.md .*\s0$/m);
});

/** GB18030 bytes of a string (Node has a decoder only): every character of the test text is in GBK's two-byte range. */
function gb18030(s: string): number[] {
  const table = new Map<string, number[]>();
  const dec = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([hi, lo]));
      if (!table.has(ch)) table.set(ch, [hi, lo]);
    }
  return [...s].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!));
}

describe('bulletin import: a whole issue as published (web copy)', () => {
  const ISSUE =
    'number: 5\ndate: 2026-03-02\ntotal: 147\narticles:\n  - 01.md\n  - 02.md\n  - 03.md\neditor_note: |\n  抓好基层党建,关键在于把各项工作落到网格、落到项目、落到群众身边。本期刊发荷塘区、攸县和醴陵市的做法,供各地参考。\n';

  it.each([['webcopy.htm'], ['webcopy.txt']])('%s becomes issue 2026/5: number, total, date and 编者按 from the header, one file per article', async (name) => {
    root = newArchive();
    const r = await cli(['import', path.join(FIXTURES, name)], root);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(issueDir(2026, 5), 'issue.yaml'), 'utf8')).toBe(ISSUE);
    const [a, b, c] = ['01.md', '02.md', '03.md'].map((f) => article(2026, 5, f));
    expect(a).toMatchObject({
      title: '荷塘区推行“网格+党建”提升基层治理效能',
      sources: ['荷塘区委组织部'],
      blocks: [
        '今年以来,荷塘区以党建引领网格化治理为抓手,推动组织体系、治理资源和服务力量向网格下沉,取得明显成效。',
        '**织密组织网络。**按照“一网统管、多网合一”要求,全区划分综合网格486个,建立网格党支部112个,实现党的组织在网格全覆盖。',
        '**配强网格力量。**推行“1+1+N”配置模式,每个网格配备1名专职网格员和1名机关干部担任的指导员,吸纳在职党员、志愿者参与。',
        '**办好民生实事。**聚焦加装电梯、停车难等问题,每个网格每季度至少办成1件实事,全面推动工作落地见效。',
      ],
    });
    expect(b).toMatchObject({ title: '攸县“三个一批”壮大村级集体经济', sources: ['攸县县委组织部', '攸县县委党校'] });
    expect(b.blocks.filter((x) => x.startsWith('h1 '))).toEqual(['h1 一、盘活一批闲置资产', 'h1 二、培育一批特色产业']);
    expect(c).toMatchObject({ title: '醴陵市“陶瓷产业链党建”助力企业发展', sources: ['醴陵市委组织部'] });
    // Page debris is gone from every file.
    const all = ['01.md', '02.md', '03.md'].map((f) => readFileSync(path.join(issueDir(2026, 5), f), 'utf8')).join('');
    expect(all).not.toMatch(/来源|作者|上一篇|下一篇|返回列表|打印|关闭|浏览次数|发布时间|供稿/);
    expect(r.out).toMatch(/01\.md: 3 lead sentences inferred/);
    // What was taken for page debris is said, never dropped silently.
    expect(r.out).toMatch(new RegExp(`${name}: removed ${name.endsWith('.htm') ? 6 : 4} line\\(s\\) of web page debris: “(?:当前位置|来源)`));
    expect(r.out).toMatch(/02\.md: unit “攸县县委党校” is not among the units/);
    expect(r.out).toMatch(/03\.md: unit “醴陵市组织部” taken as the nearest known unit “醴陵市委组织部”/);
  });

  it('nothing in the archive changes when the issue folder would be overwritten', async () => {
    root = newArchive();
    mkdirSync(issueDir(2026, 5), { recursive: true });
    writeFileSync(path.join(issueDir(2026, 5), 'issue.yaml'), 'number: 5\ndate: 2026-03-02\narticles: []\n');
    await writeDocx('extra.docx', [title('另一篇'), para('正文。'), para('（供稿单位：天元区委组织部）')]);
    const before = snapshot(root);
    const r = await cli(['import', 'in/extra.docx', path.join(FIXTURES, 'webcopy.txt'), '--issue', '2026/5'], root);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/issue 2026\/5 already exists \(issues[/\\]2026[/\\]5\); importing the whole issue would overwrite it, so nothing was changed/);
    expect(snapshot(root)).toEqual(before);
  });

  it('--fix applies the safe fixes to the imported files only', async () => {
    root = newArchive();
    mkdirSync(issueDir(2026, 5), { recursive: true });
    const old = '---\ntitle: 旧文\nsource: 天元区委组织部\n---\n旧文,半角逗号留着。\n';
    writeFileSync(path.join(issueDir(2026, 5), 'issue.yaml'), 'number: 5\ndate: 2026-03-02\narticles:\n  - 01-old.md\n');
    writeFileSync(path.join(issueDir(2026, 5), '01-old.md'), old);
    writeFileSync(path.join(root, 'in', 'new.txt'), '新文\n\n今年以来,全区推行“1+1”模式,成效明显。\n（供稿单位：天元区委组织部）\n');
    const r = await cli(['import', 'in/new.txt', '--issue', '2026/5', '--fix'], root);
    expect(r.code).toBe(0);
    expect(article(2026, 5, '02-new.md').blocks).toEqual(['今年以来，全区推行“1+1”模式，成效明显。']);
    expect(readFileSync(path.join(issueDir(2026, 5), '01-old.md'), 'utf8')).toBe(old);
    expect(r.out).toMatch(/^issues\/2026\/5\/02-new\.md:5: 今年以来,全区推行“1\+1”模 → 今年以来，全区推行“1\+1”模$/m);
  });

  it('--fix on a whole issue fixes the issue.yaml it creates too (the 编者按)', async () => {
    root = newArchive();
    const r = await cli(['import', path.join(FIXTURES, 'webcopy.txt'), '--fix'], root);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(issueDir(2026, 5), 'issue.yaml'), 'utf8')).toContain('抓好基层党建，关键在于');
    expect(article(2026, 5, '03.md').blocks[0]).toMatch(/^醴陵市在陶瓷产业链上建立联合党委，/);
  });
});
