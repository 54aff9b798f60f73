/**
 * One fixture archive per rule: each diagnostic's rule id, severity and exact line:column,
 * the character it points at, and whether it carries a fix. The clean archive gives nothing.
 */
import { mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listIssueDirs } from '../../src/archive/index.js';
import { checkArchive } from '../../src/check/run.js';
import { fixIssues } from '../../src/fix/index.js';
import { brief, check, copyFixture, fixture, pointedAt } from './helpers.js';

function expectExactly(name: string, expected: string[], root = fixture(name)) {
  const ds = check(root);
  expect(brief(ds)).toEqual(expected);
  return ds;
}

describe('clean archive', () => {
  it('gives no diagnostics, with the trial layout too', () => {
    expect(brief(check(fixture('clean'), true))).toEqual([]);
  });
});

describe('manifests and files', () => {
  it('yaml/syntax and yaml/colon: the position the parser reports, in words a clerk can act on', () => {
    const ds = expectExactly('yaml-syntax', [
      'error yaml/syntax issues/2026/1/issue.yaml:4:1',
      'error yaml/syntax issues/2026/2/issue.yaml:2:1',
      'error yaml/colon issues/2026/3/issue.yaml:1:7',
      'error yaml/syntax issues/2026/4/issue.yaml:4:1',
      'error yaml/colon issues/2026/5/a.md:2:6',
    ]);
    expect(ds[0].message.zh).toContain('Tab');
    expect(ds[1].message.zh).toContain('写了两次');
    expect(ds[2].fix).toEqual([{ loc: { file: 'issues/2026/3/issue.yaml', line: 1, column: 7 }, length: 1, replacement: ': ' }]);
    expect(pointedAt(fixture('yaml-syntax'), ds[2])).toBe('：');
    expect(ds[3].message.en).toContain('“]” is missing');
    expect(ds[4].fix?.[0].replacement).toBe(': ');
  });

  it('manifest/type, manifest/missing, manifest/unknown-key with a did-you-mean', () => {
    const ds = expectExactly('manifest', [
      'error manifest/unknown-key bulletin.yaml:9:1',
      'error manifest/type issues/2026/1/issue.yaml:2:9',
      'error manifest/type issues/2026/1/issue.yaml:4:9',
      'error manifest/unknown-key issues/2026/1/issue.yaml:5:1',
      'error manifest/missing issues/2026/2/issue.yaml:1:1',
    ]);
    expect(ds[0].hint?.en).toBe('did you mean `style`?');
    expect(ds[3].hint?.zh).toBe('是不是 `articles`？');
    expect(ds[4].message.zh).toBe('缺少必填项 `date`（出刊日期）');
  });

  it('style overrides are validated against the house style', () => {
    const ds = expectExactly('style', ['error manifest/type bulletin.yaml:10:14', 'error manifest/unknown-key bulletin.yaml:11:3']);
    expect(ds[1].hint?.en).toBe('did you mean `style.title`?');
  });

  it('article/missing, empty, front matter, title, source, duplicate', () => {
    const ds = expectExactly('article', [
      'error article/empty issues/2026/1/empty.md:1:1',
      'error article/missing issues/2026/1/issue.yaml:5:5',
      'error article/duplicate issues/2026/1/issue.yaml:10:5',
      'error article/front-matter issues/2026/1/nofm.md:1:1',
      'error attribution/missing issues/2026/1/nosource.md:1:1',
      'error article/title issues/2026/1/notitle.md:1:1',
      'error manifest/unknown-key issues/2026/1/unknownkey.md:3:1',
    ]);
    // A misspelt key stands in for the "missing" complaint it causes.
    expect(ds[6].hint?.en).toBe('did you mean `source`?');
  });

  it('article/missing names the file of the folder that a misspelt name was meant to be', () => {
    const root = copyFixture('clean');
    const dir = path.join(root, 'issues/2026/2');
    renameSync(path.join(dir, 'a.md'), path.join(dir, '02-rencai.md'));
    writeFileSync(path.join(dir, 'issue.yaml'), 'number: 2\ndate: 2026-01-26\ntotal: 142\narticles:\n  - 02-rencia.md\n');
    const [missing] = check(root).filter((d) => d.rule === 'article/missing');
    expect(brief([missing])).toEqual(['error article/missing issues/2026/2/issue.yaml:5:5']);
    expect(missing.hint?.en).toBe('did you mean 02-rencai.md? It is in issues/2026/2/');
    expect(missing.hint?.zh).toBe('是不是 02-rencai.md？文件夹 issues/2026/2/ 里有这个文件');
  });

  it('article/front-matter says when the front matter is opened but never closed', () => {
    const root = copyFixture('clean');
    writeFileSync(path.join(root, 'issues/2026/2/a.md'), '---\ntitle: 芦淞区推行“党建+商圈”治理模式\nsource: 芦淞区委组织部\n今年以来，芦淞区推行商圈党建。\n');
    const [d] = check(root).filter((x) => x.rule === 'article/front-matter');
    expect(brief([d])).toEqual(['error article/front-matter issues/2026/2/a.md:1:1']);
    expect(d.message.zh).toBe('信息块以 --- 开头，但后面没有结束它的 --- 行');
    expect(d.message.en).toBe('the front matter opens with --- but no --- line closes it');
  });

  it('manifest/missing: a required key written with no value is reported at that key, as empty', () => {
    const root = copyFixture('clean');
    writeFileSync(path.join(root, 'issues/2026/2/issue.yaml'), 'number: 2\ndate:\ntotal: 142\narticles:\n  - a.md\n');
    const [d] = check(root).filter((x) => x.rule === 'manifest/missing');
    expect(brief([d])).toEqual(['error manifest/missing issues/2026/2/issue.yaml:2:1']);
    expect(d.message.zh).toBe('必填项 `date`（出刊日期）是空的');
  });

  it('date/invalid: a real date in another shape is fixed to YYYY-MM-DD; a month 13 is named', () => {
    const root = copyFixture('clean');
    const manifest = path.join(root, 'issues/2026/2/issue.yaml');
    for (const [written, iso] of [
      ['2026/1/26', '2026-01-26'],
      ['2026.1.26', '2026-01-26'],
      ['2026年1月26日', '2026-01-26'],
    ]) {
      writeFileSync(manifest, `number: 2\ndate: ${written}\ntotal: 142\narticles:\n  - a.md\n`);
      const [d] = check(root).filter((x) => x.rule === 'date/invalid');
      expect(brief([d])).toEqual(['error date/invalid issues/2026/2/issue.yaml:2:7']);
      expect(d.hint?.zh).toBe(`写成 ${iso}（可运行 bulletin fix 自动修正）`);
      const dirs = listIssueDirs(root);
      fixIssues(root, dirs, dirs);
      expect(readFileSync(manifest, 'utf8')).toBe(`number: 2\ndate: ${iso}\ntotal: 142\narticles:\n  - a.md\n`);
    }
    writeFileSync(manifest, 'number: 2\ndate: 2026-13-01\ntotal: 142\narticles:\n  - a.md\n');
    const [d] = check(root).filter((x) => x.rule === 'date/invalid');
    expect(d.message.en).toBe('the date 2026-13-01 does not exist (there is no month 13)');
    expect(d.fix).toBeUndefined();
  });

  it('file/unlisted: an article file no manifest lists (not .docx, not hidden files)', () => {
    expectExactly('unlisted', ['warning file/unlisted issues/2026/1/forgotten.md:1:1']);
  });

  it('file/outside-archive: ../, absolute paths and symbolic links leading out are refused', () => {
    expectExactly('outside', ['error file/outside-archive issues/2026/1/issue.yaml:5:5', 'error file/outside-archive issues/2026/1/issue.yaml:6:5']);
    const root = copyFixture('outside');
    const secret = path.join(tmpdir(), `bulletin-secret-${process.pid}.md`);
    writeFileSync(secret, '---\ntitle: 机密\nsource: 天元区委组织部\n---\n不应被读取。\n');
    symlinkSync(secret, path.join(root, 'issues/2026/1/link.md'));
    writeFileSync(path.join(root, 'issues/2026/1/issue.yaml'), 'number: 1\ndate: 2026-01-11\narticles:\n  - a.md\n  - link.md\n');
    const ds = check(root);
    expect(brief(ds)).toEqual(['error file/outside-archive issues/2026/1/issue.yaml:5:5']);
    expect(ds[0].message.en).toContain('outside the archive');
  });

  it('file/encoding: GB18030 and UTF-16 are named (with a fix), BOM+CRLF accepted, binary refused', () => {
    const ds = expectExactly('encoding', [
      'error file/encoding issues/2026/1/binary.md:1:1',
      'error file/encoding issues/2026/1/gbk.md:1:1',
      'error file/encoding issues/2026/1/utf16.md:1:1',
    ]);
    expect(ds[0].fix).toBeUndefined();
    expect(ds[1].message.en).toContain('GB18030/GBK');
    expect(ds[1].fix?.[0].convert).toBe('gb18030');
    expect(ds[2].message.en).toContain('UTF-16 LE');
    expect(ds[2].fix?.[0].convert).toBe('utf-16le');
  });
});

describe('numbering and dates', () => {
  it('folder, duplicate, gap, total, order, impossible date, year; supplements on their own', () => {
    const ds = expectExactly('numbering', [
      'error numbering/duplicate issues/2026/007/issue.yaml:1:9',
      'error numbering/folder issues/2026/2/issue.yaml:1:9',
      'warning numbering/gap issues/2026/2/issue.yaml:1:9',
      'warning numbering/gap issues/2026/21/issue.yaml:1:9',
      'error date/order issues/2026/4/issue.yaml:2:7',
      'error numbering/total issues/2026/4/issue.yaml:3:8',
      'error date/order issues/2026/5/issue.yaml:2:7',
      'error date/invalid issues/2026/6/issue.yaml:2:7',
      'error numbering/duplicate issues/2026/7/issue.yaml:1:9',
      'warning numbering/total issues/2026/8/issue.yaml:1:9',
      'error date/order issues/2026/8/issue.yaml:2:7',
      'error date/order issues/2026/9/issue.yaml:2:7',
      'warning date/year issues/2026/9/issue.yaml:2:7',
    ]);
    const byRule = (r: string) => ds.filter((d) => d.rule === r);
    expect(byRule('numbering/gap')[0].message.zh).toContain('缺少第2期');
    expect(byRule('numbering/gap')[1].message.zh).toContain('缺少增刊第2期');
    expect(byRule('numbering/total')[0].message.en).toContain('should be 142');
    expect(byRule('date/invalid')[0].message.zh).toContain('2026-02-30');
  });

  it('continuous numbering: a number used in two years is a duplicate', () => {
    expectExactly('continuous', ['error numbering/duplicate issues/2026/41/issue.yaml:1:9', 'error numbering/duplicate issues/2027/41/issue.yaml:1:9']);
  });

  it('a single-issue check sees its neighbours', () => {
    const root = fixture('numbering');
    const dirs = listIssueDirs(root);
    const five = dirs.filter((d) => d.rel === 'issues/2026/5');
    expect(brief(checkArchive(root, five, { dirs }).diagnostics)).toEqual(['error date/order issues/2026/5/issue.yaml:2:7']);
  });
});

describe('attribution', () => {
  it('attribution/unknown-unit points at the unit, with the nearest known unit', () => {
    const ds = expectExactly('unknown-unit', [
      'error attribution/unknown-unit issues/2026/1/a.md:3:9',
      'error attribution/unknown-unit issues/2026/1/b.md:3:19',
    ]);
    expect(ds[0].hint?.zh).toContain('是不是“天元区委组织部”');
    expect(pointedAt(fixture('unknown-unit'), ds[1])).toBe('某');
  });

  it('attribution/in-body: fixable when it repeats or supplies the source, reported otherwise', () => {
    const ds = expectExactly('attribution-in-body', [
      'warning attribution/in-body issues/2026/1/differ.md:8:1',
      'error attribution/missing issues/2026/1/nosource.md:1:1',
      'warning attribution/in-body issues/2026/1/nosource.md:7:1',
      'warning attribution/in-body issues/2026/1/same.md:8:1',
    ]);
    expect(ds[0].fix).toBeUndefined();
    expect(ds[2].fix?.[0]).toEqual({
      loc: { file: 'issues/2026/1/nosource.md', line: 3, column: 1 },
      length: 0,
      replacement: 'source: [芦淞区委组织部, 市委组织部干部一科]\n',
    });
    expect(ds[3].fix).toEqual([{ loc: { file: 'issues/2026/1/same.md', line: 8, column: 1 }, length: 15, replacement: '' }]);
  });
});

describe('text', () => {
  const marks = (name: string) => {
    const ds = check(fixture(name));
    return ds.map(
      (d) => `${d.severity === 'warning' ? '' : `${d.severity} `}${d.rule} ${d.loc.line}:${d.loc.column} ${pointedAt(fixture(name), d)}${d.fix ? ' fix' : ''}`,
    );
  };

  it('punctuation/half-width: each , : ; ( ) ? ! in Chinese text; 1,000, 10:30, URLs untouched', () => {
    expect(marks('half-width')).toEqual([
      'punctuation/half-width 5:6 , fix',
      'punctuation/half-width 5:16 ( fix',
      'punctuation/half-width 5:18 ) fix',
      'punctuation/half-width 5:25 ; fix',
      'punctuation/half-width 5:30 : fix',
      'punctuation/half-width 5:36 ! fix',
      'punctuation/half-width 5:41 ? fix',
      'punctuation/half-width 6:8 , fix',
      'punctuation/half-width 6:17 , fix',
      'punctuation/half-width 6:57 , fix',
      'punctuation/half-width 6:66 , fix',
      'punctuation/half-width 7:7 ( fix',
      'punctuation/half-width 7:11 ) fix',
      'punctuation/half-width 7:16 , fix',
      'punctuation/half-width 7:20 ( fix',
      'punctuation/half-width 7:22 ) fix',
      // 区间内. ends the paragraph: a half-width full stop, its own rule.
      'punctuation/half-width-period 7:27 . fix',
    ]);
    expect(check(fixture('half-width')).every((d) => d.severity === 'warning')).toBe(true);
  });

  it('punctuation/pairs: unbalanced, crossed and wrongly nested quotes and brackets', () => {
    expect(marks('pairs')).toEqual([
      'punctuation/pairs 5:8 “',
      'punctuation/pairs 6:8 “',
      'punctuation/pairs 7:19 》',
      'punctuation/pairs 8:11 ”',
      'punctuation/pairs 8:17 （',
      'punctuation/pairs 12:6 （', // an unclosed （ before （修订稿）: left to this rule, punctuation/nested-brackets says nothing
    ]);
  });

  it('text/space: blanks between Chinese characters, and beside a full-width mark whatever stands on the other side (none judged between Latin or digits and ideographs)', () => {
    expect(marks('space')).toEqual([
      'text/space 5:3   fix',
      'text/space 5:16 \u3000 fix',
      'text/space 7:3   fix',
      'text/space 7:5   fix',
      'text/space 8:11   fix', // 98.5% 。: a full-width stop carries its own blank
      'text/space 8:42   fix', // …gov.cn ，
      'text/space 8:49   fix', // （ APP
    ]);
    const ds = check(fixture('space')).filter((d) => d.loc.line === 8);
    expect(ds[0].message.en).toBe('a space next to a full-width mark: 到98.5% 。平台网址为');
  });

  it("text/pasted-bullet: a Word bullet opening a paragraph (•, ●, ▪, the Symbol font's U+F0B7, ·), without a fix; a · inside the text (“5·12”) untouched", () => {
    expect(marks('pasted-bullet')).toEqual([
      'text/pasted-bullet 6:1 •',
      'text/pasted-bullet 7:1 ●',
      'text/pasted-bullet 8:1 ▪',
      'text/pasted-bullet 9:1 \uf0b7',
      'text/pasted-bullet 11:1 ·',
    ]);
    const ds = check(fixture('pasted-bullet'));
    expect(ds[0].message.zh).toBe('段首是从 Word 带来的项目符号“•”，会照原样印出：群众有困难必访；');
    expect(ds[3].message.en).toBe(
      'a bullet pasted from Word opens the paragraph, U+F0B7 (a bullet of Word’s Symbol font that no font prints): 对群众反映的问题当场答复',
    );
    expect(ds[0].hint?.en).toContain('number the items');
  });

  it('punctuation/serial-comma: a hint (GB/T 15834 §4.5.3.5 says 通常) at each 、 between 《…》《…》 or “…”“…”, without a fix; 、 before other words untouched', () => {
    expect(marks('serial-comma')).toEqual(['hint punctuation/serial-comma 5:16 、', 'hint punctuation/serial-comma 6:9 、']);
  });

  it('text/ellipsis: ..., 。。。, … and ……… become ……; Latin etc... is left alone', () => {
    expect(marks('ellipsis')).toEqual(['text/ellipsis 5:11 . fix', 'text/ellipsis 6:3 。 fix', 'text/ellipsis 6:7 … fix', 'text/ellipsis 6:10 … fix']);
  });

  it('text/full-width-digit: each run of full-width digits, with its fix', () => {
    const ds = check(fixture('full-width-digit'));
    expect(marks('full-width-digit')).toEqual(['text/full-width-digit 5:5 ２ fix', 'text/full-width-digit 5:16 １ fix', 'text/full-width-digit 5:24 １ fix']);
    expect(ds.map((d) => d.fix?.[0].replacement)).toEqual(['2026', '12.5', '1,000']);
  });

  it('text/range-hyphen: a hint (GB/T 15834 §4.13.3.2 says 一般) at 1-8月 and 80-100万元, not dates, telephone or standard numbers', () => {
    const ds = check(fixture('range-hyphen'));
    expect(marks('range-hyphen')).toEqual(['hint text/range-hyphen 5:2 -', 'hint text/range-hyphen 5:14 -', 'hint text/range-hyphen 5:25 -']);
    expect(ds[0].hint?.zh).toContain('1—8月');
    expect(ds[0].hint?.zh).toContain('1～8月');
  });

  it('title/punctuation: a hint (GB/T 15834 附录B.4 says 通常) without a fix, a closing quote is fine', () => {
    expect(marks('title-punctuation')).toEqual(['hint title/punctuation 2:18 。', 'hint title/punctuation 2:19 ？']);
  });

  it('text/lead-period: a bold lead sentence ends with 。', () => {
    expect(marks('lead-period')).toEqual(['text/lead-period 5:8 设', 'text/lead-period 6:7 ，']);
  });

  it('text/web-debris: 来源：, 发布时间:, 下一篇, 返回列表 lines, deleted by the fix', () => {
    expect(marks('web-debris')).toEqual([
      'text/web-debris 5:1 来 fix',
      'text/web-debris 7:1 发 fix',
      'text/web-debris 8:1 下 fix',
      'text/web-debris 9:1 返 fix',
    ]);
  });

  it('heading/sequence: 一、 then 三、, （一） then （三）, and a level restarting wrongly', () => {
    const ds = check(fixture('heading-sequence'));
    expect(marks('heading-sequence')).toEqual(['heading/sequence 8:4 （', 'heading/sequence 10:5 3', 'heading/sequence 11:3 三', 'heading/sequence 12:4 （']);
    expect(ds[2].hint?.zh).toContain('二、');
  });
});

describe('printing (trial layout)', () => {
  it('font/missing-glyph at the character, and layout/max-pages', () => {
    const ds = check(fixture('layout'), true);
    expect(brief(ds)).toEqual(['error font/missing-glyph issues/2026/1/a.md:6:4', 'error layout/max-pages issues/2026/1/issue.yaml:1:1']);
    expect(pointedAt(fixture('layout'), ds[0])).toBe('\ue000');
    expect(ds[0].hint?.zh).toContain('已尝试');
  });

  it('no layout run when errors leave the model incomplete', () => {
    const root = copyFixture('layout');
    mkdirSync(path.join(root, 'issues/2026/1'), { recursive: true });
    writeFileSync(path.join(root, 'issues/2026/1/issue.yaml'), 'number: 1\ndate: 2026-01-11\narticles:\n  - a.md\n  - gone.md\n');
    expect(brief(check(root, true))).toEqual(['error article/missing issues/2026/1/issue.yaml:5:5']);
  });
});

describe('text in YAML', () => {
  it('editor notes, article notes and titles are checked at their exact place, and fixable', () => {
    const root = copyFixture('clean');
    writeFileSync(
      path.join(root, 'issues/2026/2/issue.yaml'),
      '# 第2期\nnumber: 2\ndate: 2026-01-26\ntotal: 142\narticles:\n  - a.md\neditor_note: |\n  本期刊发两篇经验做法。\n  各地各单位要结合实际,学习借鉴。\n',
    );
    writeFileSync(
      path.join(root, 'issues/2026/2/a.md'),
      '---\ntitle: "我市推进基层党建工作..."\nsource: 天元区委组织部\nnote: 请各单位认真阅读;抓好落实。\n---\n正文内容。\n',
    );
    const ds = check(root);
    expect(brief(ds)).toEqual([
      'warning text/ellipsis issues/2026/2/a.md:2:19',
      'warning punctuation/half-width issues/2026/2/a.md:4:15',
      'warning punctuation/half-width issues/2026/2/issue.yaml:9:13',
    ]);
    expect(ds.map((d) => pointedAt(root, d))).toEqual(['.', ';', ',']);
    expect(ds.every((d) => d.fix?.length === 1)).toBe(true);
  });
});
