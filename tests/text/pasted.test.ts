/**
 * What pasted text brings in: a half-width period between Chinese characters, straight quotes,
 * -- and a lone — for a dash, the full-width period ．, doubled 。。 and ，，. Each has a rule
 * at the exact character; `fix` repairs only what has one meaning and never changes a letter,
 * a digit, a name's spacing, an address, code or an HTML reference.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { listIssueDirs } from '../../src/archive/index.js';
import { fixIssues } from '../../src/fix/index.js';
import { check, copyFixture, fixture, pointedAt } from '../check/helpers.js';

const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

function fixAll(root: string) {
  const dirs = listIssueDirs(root);
  return fixIssues(root, dirs, dirs);
}

/** An archive with one article whose body is `body`. */
function archive(body: string, title = '我市推进基层党建工作'): string {
  const root = mkdtempSync(path.join(tmpdir(), 'bulletin-pasted-'));
  temps.push(root);
  writeFileSync(
    path.join(root, 'bulletin.yaml'),
    'series: 株洲组织工作信息\noffice: 中共株洲市委组织部办公室\nunits: [天元区委组织部]\nfonts: { system: false }\n',
  );
  mkdirSync(path.join(root, 'issues/2026/1'), { recursive: true });
  writeFileSync(path.join(root, 'issues/2026/1/issue.yaml'), 'number: 1\ndate: 2026-01-12\narticles: [a.md]\n');
  writeFileSync(path.join(root, 'issues/2026/1/a.md'), `---\ntitle: ${title}\nsource: 天元区委组织部\n---\n${body}`);
  return root;
}
const article = (root: string) => readFileSync(path.join(root, 'issues/2026/1/a.md'), 'utf8').split('\n---\n')[1];

describe('rules', () => {
  it('each finding at its character, fixed only where the intent is unambiguous', () => {
    const root = fixture('pasted');
    // The punctuation and text rules (markdown/* speak about the inline code and HTML of line 12).
    const ds = check(root).filter((d) => /^(?:punctuation|text)\//.test(d.rule));
    expect(
      ds.map((d) => `${d.rule} ${d.loc.line}:${d.loc.column} ${pointedAt(root, d)}${d.fix ? ' → ' + d.fix.map((f) => f.replacement || '∅').join('') : ''}`),
    ).toEqual([
      // 开会.后天: a full stop or a name's middle dot (马克思.韦伯) — the author decides.
      'punctuation/half-width-period 5:5 .',
      'punctuation/half-width-period 5:14 .',
      // At the end of the paragraph it can only end the sentence.
      'punctuation/half-width-period 5:23 . → 。',
      // Paired in order; "yes" in the English sentence is left alone.
      'punctuation/straight-quotes 6:3 " → “',
      'punctuation/straight-quotes 6:7 " → ”',
      'punctuation/straight-quotes 6:11 " → “',
      'punctuation/straight-quotes 6:15 " → ”',
      'punctuation/double-hyphen 7:3 - → ——',
      'punctuation/double-hyphen 7:11 - → ——',
      // 北京—上海 is the connector of GB/T 15834 §4.13: reported, not changed.
      'punctuation/single-dash 7:19 —',
      'punctuation/single-dash 7:26 — → ——',
      'punctuation/single-dash 7:33 — → ——',
      'punctuation/full-width-period 8:3 ．',
      'punctuation/full-width-period 8:8 ． → 。',
      'punctuation/doubled 9:4 。 → ∅',
      'punctuation/doubled 9:8 ， → ∅',
      'punctuation/doubled 9:12 、 → ∅',
      'text/ellipsis 9:15 。 → ……',
      // An odd number of straight quotes cannot be paired safely.
      'punctuation/straight-quotes 13:5 "',
      // ―― (U+2015, from code page 936) is not the dash the layout knows.
      'punctuation/horizontal-bar 14:3 ― → ——',
      'punctuation/horizontal-bar 14:10 ― → ——',
    ]);
    for (const d of ds) expect(d.severity).toBe('warning');
    expect(ds[0].hint?.zh).toContain('间隔号“·”');
  });

  it('fix writes exactly the unambiguous repairs and leaves numbers, names, addresses, code and HTML alone', () => {
    const root = copyFixture('pasted');
    temps.push(root);
    fixAll(root);
    expect(article(root).split('\n')).toEqual([
      '明天开会.后天出发，马克思.韦伯的著作要读完。',
      '他说“好好干”，大家“一起上”。He said "yes" to it.',
      '这是——测试，这是——测试。北京—上海，工作——落实，工作——“三个一”。',
      '句号．测试完成。',
      '测试。逗号，测试、三个……不算。',
      '共1,000人，3.14倍，10:30开会，见www.example.gov.cn/a.b。',
      '（执笔：李堃　王喆　张䶮）',
      '工作&amp;落实，代码`a--b`和`x."y"`不动，见<span title="说明">附件</span>。',
      '只有一个"引号，无法配对。',
      '工作——落实，转换——“三个一”。',
      '',
    ]);
    expect(fixAll(root).changes).toEqual([]);
  });
});

describe('what a Chinese input method and Word leave', () => {
  it('a . after a closing bracket or quote ending the paragraph, and －－ for a dash, each fixed', () => {
    const body = [
      '全年投入资金3.5万元（其中省级资金1.2万元）.',
      '他说“好好干”.',
      '全区开展培训－－覆盖全体党员。',
      '数值（3.5）.5不算，见（附件）.下文再说。',
      '',
    ].join('\n');
    const root = archive(body);
    const ds = check(root).filter((d) => /^punctuation\//.test(d.rule));
    expect(
      ds.map((d) => `${d.rule} ${d.loc.line}:${d.loc.column} ${pointedAt(root, d)}${d.fix ? ` → ${d.fix.map((f) => f.replacement).join('')}` : ''}`),
    ).toEqual(['punctuation/half-width-period 5:25 . → 。', 'punctuation/half-width-period 6:8 . → 。', 'punctuation/double-hyphen 7:7 － → ——']);
    fixAll(root);
    expect(article(root)).toBe(
      ['全年投入资金3.5万元（其中省级资金1.2万元）。', '他说“好好干”。', '全区开展培训——覆盖全体党员。', '数值（3.5）.5不算，见（附件）.下文再说。', ''].join(
        '\n',
      ),
    );
  });
});

describe('a half-width tilde in a range', () => {
  it('3~5年, 80万~100万元, 15%~30% and 20 ~ 30人 take the full-width ～; an address keeps its ~', () => {
    const body = ['每届任期3~5年，投入80万~100万元，占比15%~30%，每班20 ~ 30人。', '详见https://www.example.gov.cn/~dj/2026，或Ctrl+~键。', ''].join('\n');
    const root = archive(body);
    const ds = check(root).filter((d) => d.rule === 'text/range-tilde');
    expect(ds.map((d) => `${d.loc.line}:${d.loc.column} ${pointedAt(root, d)} → ${d.fix?.[0].replacement}`)).toEqual([
      '5:6 ~ → ～',
      '5:15 ~ → ～',
      '5:27 ~ → ～',
      '5:36   → ～',
    ]);
    expect(ds[0].message.zh).toBe('数值范围中用了半角“~”，浪纹线应为全角“～”：每届任期3~5年，投入8');
    fixAll(root);
    expect(article(root)).toBe(
      ['每届任期3～5年，投入80万～100万元，占比15%～30%，每班20～30人。', '详见https://www.example.gov.cn/~dj/2026，或Ctrl+~键。', ''].join('\n'),
    );
  });
});

describe('fix never changes meaning', () => {
  it('keeps the blanks between names in a byline and between two names', () => {
    const body = ['（执笔：李堃　王喆　张䶮）', '摄影：欧阳明　司马光', '参会的有李堃　王喆。', '市委 组织部召开会议，研究部署　工作。', ''].join('\n');
    const root = archive(body);
    const ds = check(root);
    expect(ds.map((d) => `${d.rule} ${d.loc.line}:${d.loc.column}`)).toEqual(['text/space 8:3', 'text/space 8:16']);
    fixAll(root);
    expect(article(root)).toBe(
      ['（执笔：李堃　王喆　张䶮）', '摄影：欧阳明　司马光', '参会的有李堃　王喆。', '市委组织部召开会议，研究部署工作。', ''].join('\n'),
    );
  });

  it('never rewrites &nbsp; or other character references, URLs, e-mail addresses or inline code', () => {
    const body = [
      '工作&nbsp;落实，见&#x4e2d;文。',
      '地址http://www.example.gov.cn/a?b=1;c=2&d=3,然后，邮箱zzb@example.gov.cn;联系。',
      '代码`a,b;c--d."e"`中文。',
      '',
    ].join('\n');
    const title = '工作&nbsp;落实';
    const root = archive(body, title);
    fixAll(root);
    const text = readFileSync(path.join(root, 'issues/2026/1/a.md'), 'utf8');
    expect(text).toContain('title: 工作&nbsp;落实\n');
    expect(text).toContain('工作&nbsp;落实，见&#x4e2d;文。');
    // Inside the address its marks stay; the comma after it is the sentence's and becomes full-width.
    expect(text).toContain('http://www.example.gov.cn/a?b=1;c=2&d=3，然后');
    expect(text).toContain('zzb@example.gov.cn；联系');
    expect(text).toContain('`a,b;c--d."e"`');
  });

  const alphabet = [
    ...'中文字词开会明天组织部李王张',
    ...'.．"——-，,。、；;：: 　',
    ...'AbZ019',
    '1,000',
    '3.14',
    '10:30',
    '。。',
    '，，',
    '--',
    '"好"',
    'http://x.cn/a,b',
    '&nbsp;',
    '`a,b`',
    '（执笔：李堃　王喆）',
  ];
  const paragraph = fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 30 }).map((a) => a.join(''));

  it('property: fix changes only marks and blanks — the letters, digits and ideographs stay, in order; a second fix changes nothing', () => {
    const root = archive('占位。\n');
    const file = path.join(root, 'issues/2026/1/a.md');
    const head = '---\ntitle: 我市推进基层党建工作\nsource: 天元区委组织部\n---\n';
    const words = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '');
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 4 }), (paras) => {
        const body = paras.map((p) => p.replace(/^[#>*\-+\d\s]+/, '').replace(/^(?=[`])/, '文')).join('\n') + '\n';
        writeFileSync(file, head + body);
        fixAll(root);
        const after = readFileSync(file, 'utf8');
        expect(words(after)).toBe(words(head + body));
        const again = fixAll(root);
        expect(again.changes).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
