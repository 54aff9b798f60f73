/**
 * The rules an editor checks by hand (GB/T 15834, GB/T 15835, GB/T 9704, house style): each fires
 * at the exact character of tests/fixtures/check/practice, and the nearby correct or ambiguous
 * wording on the lines around it gives nothing. `bulletin fix` applies exactly the safe repairs.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listIssueDirs } from '../../src/archive/index.js';
import { fixIssues } from '../../src/fix/index.js';
import { check, copyFixture, fixture, pointedAt, SAMPLE } from './helpers.js';

const ROOT = fixture('practice');

function marks(root = ROOT): string[] {
  return check(root).map(
    (d) => `${d.severity} ${d.rule} ${path.basename(d.loc.file)}:${d.loc.line}:${d.loc.column} ${pointedAt(root, d)}${d.fix ? ' fix' : ''}`,
  );
}

const EXPECTED = [
  // punctuation in company (marks.md)
  'warning punctuation/comma-before-etc marks.md:5:18 、 fix', // 政策宣讲、等活动; 评定等级、等次 (line 6) untouched
  'warning punctuation/ellipsis-etc marks.md:7:33 …', // 志愿服务……等活动; ……件件有回音 (line 8) untouched
  'warning punctuation/repeated-mark marks.md:9:15 ！', // ！！！！; ？！ and ！！！ (line 10) allowed
  'warning punctuation/mark-before-period marks.md:11:13 、 fix',
  'warning punctuation/mark-before-period marks.md:12:14 ， fix',
  // same-form brackets nested: a hint (GB/T 15834 §4.9.3 says 尽量/宜); 〔…（…〔…〕…）…〕 (line 15), （一）…（二）… in
  // sequence (line 16), an ordinal （三）, a title's or a quotation's own brackets (line 17) and a listed unit's (line 18) untouched
  'hint punctuation/nested-brackets marks.md:14:17 （',
  'hint punctuation/nested-brackets marks.md:19:10 〔',
  // protected names (names.md): 王红梅 (another surname), 李红霞 (listed), 县委书记, 各县市区委组织部 untouched
  'error names/near-miss names.md:5:8 美',
  'error names/near-miss names.md:6:21 名',
  'error names/near-miss names.md:7:2 园',
  // numbers (numbers.md)
  'warning number/two-digit-year numbers.md:5:1 1', // 工作17年来, 2017年9月28日 (line 6) untouched
  'warning number/range-unit numbers.md:7:12 ～ fix',
  'warning number/range-unit numbers.md:7:22 ～', // 3万～5万元, 15%～30% (line 8) untouched
  'warning number/leading-zero numbers.md:9:8 .', // 0.8% untouched
  'warning number/mixed-forms numbers.md:10:7 3', // 10千瓦, 5千米 untouched
  'warning number/mixed-forms numbers.md:11:1 二', // 3000万元, 三千万元 untouched
  'warning number/year-zero numbers.md:12:1 二',
  'warning number/year-zero numbers.md:12:9 二', // 二〇二六年, 一百零五人 (line 13) untouched
  // 公文 practice (practice.md)
  'error date/weekday practice.md:5:14 五', // 28 September 2017 was a Thursday (line 6 right, 1月12日 right in 2026)
  'error date/weekday practice.md:7:9 五', // 13 January: Tuesday in 2026, neither a Friday the year before nor after
  'warning document/number practice.md:8:23 [ fix',
  'warning document/number practice.md:8:40 （',
  'warning document/number practice.md:8:56 〔', // 株组通〔2025〕15号 (line 9) untouched
  'warning words/confused practice.md:10:1 截', // 截止日期, 于3月15日截止 (line 11) untouched
  'warning words/confused practice.md:12:1 其',
  'warning words/confused practice.md:12:15 必', // 必需的经费 untouched
  'hint words/confused practice.md:13:5 做', // a usage note: a hint
  'warning words/confused practice.md:13:11 网', // the office's own entry from bulletin.yaml words:
  'error text/placeholder practice.md:14:1 X',
  'error text/placeholder practice.md:14:16 ×',
  'error text/placeholder practice.md:14:28 ＿',
  'error text/placeholder practice.md:14:34 【', // XXL, 3×4米, ABXX (line 15) untouched
  // how marks are used (usage.md)
  'hint punctuation/double-colon usage.md:5:14 ：', // 时间：…；地点：… and a colon inside quotes (lines 6, 7) untouched
  'hint punctuation/approximate-number usage.md:8:14 、', // 第三、四季度, 一、二等奖 (line 9) untouched
  'warning punctuation/ordinal-mark usage.md:10:2 、 fix',
  'warning punctuation/ordinal-mark usage.md:11:4 、 fix',
  'warning punctuation/ordinal-mark usage.md:12:3 、 fix', // 1.明确, 12、13日 (lines 13, 14) untouched
  'warning punctuation/event-date usage.md:15:5 5',
  'warning punctuation/event-date usage.md:16:1 7', // 下降1.12个百分点 (line 17) untouched
];

describe('rules an editor checks by hand', () => {
  it('each fires at its exact line:column, and only there', () => {
    expect(marks()).toEqual(EXPECTED);
  });

  it('messages name the expected form and cite the source where it helps', () => {
    const ds = check(ROOT);
    const by = (rule: string, line: number) => ds.find((d) => d.rule === rule && d.loc.line === line)!;
    expect(by('names/near-miss', 5).message.zh).toContain('“李红梅”或“李红霞”');
    expect(by('date/weekday', 5).hint?.zh).toContain('星期四');
    expect(by('document/number', 8).fix?.[0].replacement).toBe('〔2026〕3号');
    expect(ds.filter((d) => d.rule === 'document/number').map((d) => d.hint?.zh)).toEqual([
      '写作“〔2026〕3号”（可运行 bulletin fix 自动修正）',
      '写作“〔2025〕12号”',
      '写作“〔2026〕3号”',
    ]);
    expect(by('words/confused', 10).hint?.zh).toContain('现代汉语词典');
    expect(by('words/confused', 13).severity).toBe('hint');
    expect(by('number/range-unit', 7).hint?.zh).toContain('15%～30%');
    expect(by('punctuation/event-date', 15).hint?.zh).toContain('5·12');
    expect(by('punctuation/event-date', 16).hint?.zh).toContain('“7·20”');
    expect(by('punctuation/nested-brackets', 14).hint?.zh).toContain('外层改用六角括号：〔…（…）…〕');
    expect(by('punctuation/nested-brackets', 19).hint?.zh).toContain('外层改用圆括号：（…〔…〕…）');
    expect(by('punctuation/nested-brackets', 14).message.zh).toBe('圆括号里又套用了圆括号：细则（含加分项目（附件2）和扣分项');
  });

  it('bulletin fix applies the safe repairs and leaves the rest to the author', () => {
    const root = copyFixture('practice');
    try {
      fixIssues(root, listIssueDirs(root), listIssueDirs(root));
      const read = (f: string) => readFileSync(path.join(root, 'issues/2026/1', f), 'utf8').split('\n');
      expect(read('marks.md')[4]).toBe('冬训期间组织开展走访慰问、政策宣讲等活动。');
      expect(read('marks.md')[10]).toBe('冬训共收集意见建议86条。');
      // Marks only: 15～30% gains its %, 3～5万 keeps its words for the author, brackets become 〔〕.
      expect(read('numbers.md')[6]).toBe('全区党员参训率提高15%～30%，每村补助3～5万元。');
      expect(read('practice.md')[7]).toBe(
        '根据《关于加强基层党组织建设的意见》（株组发〔2026〕3号）要求，按照湘组发（2025）第12号文件，株组发〔2026〕03号文件同时废止。',
      );
      expect(read('usage.md').slice(9, 12)).toEqual(['1.健全工作机制。', '（一）强化组织领导。', '第一，抓好学习教育。']);
      // What is left is what only the author can decide; the letters, digits and ideographs are untouched.
      expect(
        check(root)
          .filter((d) => d.fix)
          .map((d) => d.rule),
      ).toEqual([]);
      const words = (f: string) => readFileSync(f, 'utf8').replace(/[^\p{L}\p{N}]/gu, '');
      for (const f of ['marks.md', 'usage.md', 'numbers.md', 'practice.md', 'names.md'])
        expect(words(path.join(root, 'issues/2026/1', f))).toBe(words(path.join(ROOT, 'issues/2026/1', f)));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('gives nothing on the sample issues and the stress archive (real text: no false alarms)', () => {
    const NEW =
      /^(text\/placeholder|punctuation\/(comma-before-etc|ellipsis-etc|repeated-mark|mark-before-period|nested-brackets|double-colon|approximate-number|ordinal-mark|event-date)|number\/|date\/weekday|document\/|words\/|names\/)/;
    for (const root of [SAMPLE, path.join(SAMPLE, 'tests/fixtures/stress'), fixture('clean'), fixture('web-paste')]) {
      expect(
        check(root)
          .filter((d) => NEW.test(d.rule))
          .map((d) => `${d.rule} ${d.loc.file}:${d.loc.line}`),
      ).toEqual([]);
    }
  });
});
