/**
 * `bulletin fix`: only the marked spots change, byte for byte; BOM, CRLF, comments and YAML
 * layout survive; encodings are converted; a second run changes nothing.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { listIssueDirs } from '../../src/archive/index.js';
import { formatChange } from '../../src/cli/report.js';
import { fixIssues } from '../../src/fix/index.js';
import { brief, check, copyFixture, FIXTURES } from '../check/helpers.js';

const PASTED = [
  '---',
  '# 从网页粘贴的文章 / pasted from a web page',
  'title: 天元区推进“智慧党建”平台建设',
  'source: 天元区委组织部',
  '---',
  '今年以来,天元区把智慧党建平台作为抓基层强基础的重点任务(区委组织部牵头)。',
  '平台统一访问地址为https://www.example.gov.cn/zzb,覆盖全区8个街道;截至2026年4月底,已有1,300余个基层党组织入驻,每天10:30更新数据。',
  '**坚持统一入口,打通数据壁垒。**党员反映:过去要跑好几个窗口,现在手机上就能办!你用过吗?',
  '',
];
const FIXED = [
  '---',
  '# 从网页粘贴的文章 / pasted from a web page',
  'title: 天元区推进“智慧党建”平台建设',
  'source: 天元区委组织部',
  '---',
  '今年以来，天元区把智慧党建平台作为抓基层强基础的重点任务（区委组织部牵头）。',
  '平台统一访问地址为https://www.example.gov.cn/zzb，覆盖全区8个街道；截至2026年4月底，已有1,300余个基层党组织入驻，每天10:30更新数据。',
  '**坚持统一入口，打通数据壁垒。**党员反映：过去要跑好几个窗口，现在手机上就能办！你用过吗？',
  '',
];

function fixAll(root: string) {
  const dirs = listIssueDirs(root);
  return fixIssues(root, dirs, dirs);
}

describe('an article pasted from a web page', () => {
  const file = 'issues/2026/1/a.md';

  it('gives one warning per half-width mark, none after fix, the text otherwise byte-identical', () => {
    const root = copyFixture('web-paste');
    expect(readFileSync(path.join(root, file), 'utf8')).toBe(PASTED.join('\n'));
    const before = check(root);
    expect(before).toHaveLength(12);
    expect(new Set(before.map((d) => `${d.rule} ${d.severity}`))).toEqual(new Set(['punctuation/half-width warning']));
    const r = fixAll(root);
    expect(r.changes).toHaveLength(12);
    expect(r.files).toEqual([file]);
    expect(readFileSync(path.join(root, file), 'utf8')).toBe(FIXED.join('\n'));
    expect(check(root)).toEqual([]);
    // A second run changes nothing.
    expect(fixAll(root).changes).toEqual([]);
    expect(readFileSync(path.join(root, file), 'utf8')).toBe(FIXED.join('\n'));
  });

  it('keeps a BOM and CRLF line ends', () => {
    const root = copyFixture('web-paste');
    writeFileSync(path.join(root, file), '\ufeff' + PASTED.join('\r\n'));
    expect(check(root)).toHaveLength(12);
    fixAll(root);
    expect(readFileSync(path.join(root, file))).toEqual(Buffer.from('\ufeff' + FIXED.join('\r\n'), 'utf8'));
    expect(fixAll(root).changes).toEqual([]);
  });

  it('prints each change as file:line: before → after', () => {
    const root = copyFixture('web-paste');
    const lines = fixAll(root).changes.map((ch) => formatChange(ch, 'zh', new Chalk({ level: 0 })));
    expect(lines[0]).toBe('issues/2026/1/a.md:6: 今年以来,天元区把智慧党建平台 → 今年以来，天元区把智慧党建平台');
    expect(lines.every((l) => /^issues\/2026\/1\/a\.md:\d+: .+ → .+$/.test(l))).toBe(true);
  });
});

describe('fixes by rule', () => {
  it('converts GB18030 and UTF-16 files to UTF-8, leaves BOM+CRLF UTF-8 and binary files alone', () => {
    const root = copyFixture('encoding');
    const dir = path.join(root, 'issues/2026/1');
    const bomCrlf = readFileSync(path.join(dir, 'bom-crlf.md'));
    const binary = readFileSync(path.join(dir, 'binary.md'));
    const gbText = new TextDecoder('gb18030').decode(readFileSync(path.join(dir, 'gbk.md')));
    const r = fixAll(root);
    expect(r.changes.filter((c) => c.kind === 'convert').map((c) => `${c.file} ${c.before}`)).toEqual([
      'issues/2026/1/gbk.md GB18030/GBK',
      'issues/2026/1/utf16.md UTF-16 LE',
    ]);
    expect(readFileSync(path.join(dir, 'gbk.md'), 'utf8')).toBe(gbText);
    expect(readFileSync(path.join(dir, 'utf16.md'), 'utf8')).toBe(gbText.replace(/\n/g, '\r\n'));
    expect(readFileSync(path.join(dir, 'bom-crlf.md'))).toEqual(bomCrlf);
    expect(readFileSync(path.join(dir, 'binary.md'))).toEqual(binary);
    expect(brief(check(root))).toEqual(['error file/encoding issues/2026/1/binary.md:1:1']);
  });

  it('a bracketed ordinal before a run of dots is mended in one run, not a dot a round', () => {
    // Found by the property test (seed 479642987): punctuation/ordinal-mark took the first of
    // （一）......... as the ordinal's mark and deleted one dot a round, 8 rounds, one dot left.
    const root = copyFixture('clean');
    const a = path.join(root, 'issues/2026/2/a.md');
    writeFileSync(a, readFileSync(a, 'utf8').replace('下一步', '## （一）.........织密网格\n下一步'));
    fixAll(root);
    expect(fixAll(root).changes).toEqual([]);
    expect(check(root).filter((d) => d.fix?.length)).toEqual([]);
    expect(readFileSync(a, 'utf8')).toContain('## （一）');
  });

  it('mends a full-width colon in YAML keeping comments and layout, over several rounds', () => {
    const root = copyFixture('yaml-syntax');
    fixAll(root);
    expect(readFileSync(path.join(root, 'issues/2026/3/issue.yaml'), 'utf8')).toBe('number: 3\ndate: 2026-02-09\narticles:\n  - a.md\n');
    // The article behind that manifest became readable in the first round and was mended in the next.
    expect(readFileSync(path.join(root, 'issues/2026/3/a.md'), 'utf8')).toBe('---\ntitle: 我市推进工作\nsource: 天元区委组织部\n---\n正文内容。\n');
    expect(readFileSync(path.join(root, 'issues/2026/5/a.md'), 'utf8')).toBe('---\ntitle: 我市推进工作\nsource: 天元区委组织部\n---\n正文内容。\n');
    expect(brief(check(root)).filter((d) => d.includes('yaml/colon'))).toEqual([]);
    expect(brief(check(root)).filter((d) => d.startsWith('error yaml/syntax'))).toHaveLength(3);
  });

  it('moves a hand-typed attribution into source, deletes a repeated one, leaves a differing one', () => {
    const root = copyFixture('attribution-in-body');
    const dir = path.join(root, 'issues/2026/1');
    const differ = readFileSync(path.join(dir, 'differ.md'));
    fixAll(root);
    const nosource = readFileSync(path.join(dir, 'nosource.md'), 'utf8');
    expect(nosource.startsWith('---\ntitle: 我市推进基层党建工作\nsource: [芦淞区委组织部, 市委组织部干部一科]\n---\n今年以来')).toBe(true);
    expect(nosource).not.toContain('供稿单位');
    expect(readFileSync(path.join(dir, 'same.md'), 'utf8')).not.toContain('供稿单位');
    expect(readFileSync(path.join(dir, 'differ.md'))).toEqual(differ);
    expect(brief(check(root))).toEqual(['warning attribution/in-body issues/2026/1/differ.md:8:1']);
  });

  it('deletes web debris lines and nothing else', () => {
    const root = copyFixture('web-debris');
    fixAll(root);
    expect(readFileSync(path.join(root, 'issues/2026/1/a.md'), 'utf8')).toBe(
      '---\ntitle: 我市推进基层党建工作\nsource: 天元区委组织部\n---\n今年以来，我市坚持以党建引领基层治理。\n来源于群众的智慧。\n',
    );
  });

  it('fixes spaces, ellipses, digits and a title stop exactly', () => {
    const cases: [string, string][] = [
      [
        'space',
        '市委组织部召开会议，研究部署工作。\n使用APP 办理，2026 年不算。\n全市，推进。\n满意度达到98.5%。平台网址为 https://dj.lukou.gov.cn，欢迎使用（APP）。\n',
      ],
      ['ellipsis', '从货源对接到物流配送……一揽子服务。\n还有……和……以及……都不对，etc... 在英文里不管。\n正确的是……这样。\n'],
      ['full-width-digit', '全市共有2026个党组织，增长12.5％，其中1,000个。\n'],
    ];
    for (const [name, body] of cases) {
      const root = copyFixture(name);
      fixAll(root);
      expect(readFileSync(path.join(root, 'issues/2026/1/a.md'), 'utf8'), name).toBe(`---\ntitle: 我市推进基层党建工作\nsource: 天元区委组织部\n---\n${body}`);
    }
    // title/punctuation is a hint (GB/T 15834 附录B.4 says 通常): its stop is removed only once checks: makes it a warning.
    const root = copyFixture('title-punctuation');
    const title = () => readFileSync(path.join(root, 'issues/2026/1/a.md'), 'utf8').split('\n')[1];
    fixAll(root);
    expect(title()).toBe('title: 我市推进基层党建工作。');
    writeFileSync(
      path.join(root, 'bulletin.yaml'),
      readFileSync(path.join(root, 'bulletin.yaml'), 'utf8').trimEnd() + '\nchecks:\n  title/punctuation: warning\n',
    );
    fixAll(root);
    expect(title()).toBe('title: 我市推进基层党建工作');
  });

  it('is idempotent on every fixture archive: a second run changes nothing', () => {
    for (const name of readdirSync(FIXTURES)) {
      const root = copyFixture(name);
      fixAll(root);
      expect(fixAll(root).changes, name).toEqual([]);
    }
  });
});
