import fs, { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listIssueDirs } from '../../src/archive/index.js';
import { prepareIssue } from '../../src/pipeline/index.js';
import { startNextIssue, todayLocal } from '../../src/cli/commands/new.js';
import { baseConfig, cli, makeArchive, removeArchive } from '../batch/archive.js';

const DISTRIBUTION = `distribution:
  报: [省委组织部, 市委常委, 市人大常委会、市政府、市政协党组（党委）]
  送: [市委办公室, 市政府办公室, 市委各部委]
  发: [各县市区委组织部, 市直各单位党委（党组）, 部机关各科室]`;

describe('bulletin new', () => {
  let root: string;
  afterEach(() => removeArchive(root));

  const twoIssues = (config?: string) =>
    makeArchive(
      [
        { year: 2026, number: 1, from: 1, date: '2026-01-12', total: 141 },
        { year: 2026, number: 2, from: 2, date: '2026-01-26', total: 142 },
      ],
      config,
    );

  it('starts the next number of the year, advances total, carries distribution and copies over', async () => {
    root = twoIssues();
    const r = await cli(['new', '--date', '2026-02-09'], root);
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(path.join('issues', '2026', '3'));
    expect(r.err).toMatch(/started issue 2026\/3/);
    const manifest = readFileSync(path.join(root, 'issues/2026/3/issue.yaml'), 'utf8');
    expect(manifest).toMatch(/^number: 3$/m);
    expect(manifest).toMatch(/^date: 2026-02-09$/m);
    expect(manifest).toMatch(/^total: 143$/m);
    expect(manifest).toMatch(/^copies: 120$/m);
    // The distribution block is the previous issue's text, as it was written.
    expect(manifest).toContain(DISTRIBUTION);
    expect(manifest).toMatch(/^articles:\n(?:\s+#.*\n)?\s+- 01-article\.md$/m);
    const article = readFileSync(path.join(root, 'issues/2026/3/01-article.md'), 'utf8');
    expect(article).toMatch(/^---\n/);
    expect(article).toMatch(/^title: /m);
    expect(article).toMatch(/^source: /m);
    expect(article).toMatch(/^# /m);
    // The new issue loads: right number and date, one article, the distribution carried over.
    const p = prepareIssue(root, listIssueDirs(root).find((d) => d.number === 3)!);
    expect(p.issue?.number).toBe(3);
    expect(p.issue?.date).toEqual({ year: 2026, month: 2, day: 9 });
    expect(p.issue?.total).toBe(143);
    expect(p.issue?.distribution.map((d) => d.label)).toEqual(['报', '送', '发']);
    expect(p.issue?.articles).toHaveLength(1);
    // …and the placeholder source is flagged until the editor fills it in.
    expect(p.diagnostics.some((d) => d.severity === 'error' && d.rule.startsWith('attribution/'))).toBe(true);
  });

  it('starts at number 1 in a new year under yearly numbering, total still advancing', async () => {
    root = twoIssues();
    const r = await cli(['new', '--date', '2027-01-04'], root);
    expect(r.code).toBe(0);
    const manifest = readFileSync(path.join(root, 'issues/2027/1/issue.yaml'), 'utf8');
    expect(manifest).toMatch(/^number: 1$/m);
    expect(manifest).toMatch(/^date: 2027-01-04$/m);
    expect(manifest).toMatch(/^total: 143$/m);
    expect(manifest).toContain(DISTRIBUTION);
    // The next one that year is 2.
    startNextIssue(root, { year: 2027, month: 1, day: 18 }, 'en');
    expect(readFileSync(path.join(root, 'issues/2027/2/issue.yaml'), 'utf8')).toMatch(/^number: 2\n[\s\S]*^total: 144$/m);
  });

  it('keeps counting across the year under continuous numbering', async () => {
    root = twoIssues(baseConfig('numbering: continuous\nfonts:\n  system: false\n').replace(/^numbering: yearly\n/m, ''));
    const r = await cli(['new', '--date', '2027-01-04'], root);
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(path.join('issues', '2027', '3'));
    const manifest = readFileSync(path.join(root, 'issues/2027/3/issue.yaml'), 'utf8');
    expect(manifest).toMatch(/^number: 3$/m);
    expect(manifest).toMatch(/^total: 143$/m);
  });

  it('refuses to overwrite an existing issue', async () => {
    root = twoIssues();
    // Issue 2's manifest still says number 1 (copied and not updated): the next, 2, exists.
    const f = path.join(root, 'issues/2026/2/issue.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace(/^number: 2$/m, 'number: 1'));
    const before = readFileSync(f, 'utf8');
    const r = await cli(['new', '--date', '2026-02-09', '--lang', 'zh'], root);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/第 2026\/2 期已存在（issues\/2026\/2），不会覆盖/);
    expect(readFileSync(f, 'utf8')).toBe(before);
    expect(existsSync(path.join(root, 'issues/2026/2/01-article.md'))).toBe(false);
  });

  it('rejects a date that does not exist, and uses the local calendar date by default', async () => {
    root = twoIssues();
    const r = await cli(['new', '--date', '2026-02-30'], root);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/2026-02-30/);
    // 23:30 local time is still that day, whatever the time zone.
    expect(todayLocal(new Date(2026, 4, 31, 23, 30))).toEqual({ year: 2026, month: 5, day: 31 });
  });

  it('starts issue 1 in an empty archive', async () => {
    root = makeArchive([]);
    mkdirSync(path.join(root, 'issues'));
    const r = await cli(['new', '--date', '2026-03-02'], root);
    expect(r.code).toBe(0);
    const manifest = readFileSync(path.join(root, 'issues/2026/1/issue.yaml'), 'utf8');
    expect(manifest).toMatch(/^number: 1$/m);
    expect(manifest).not.toMatch(/^total:/m);
  });

  it('refuses a --date earlier than the last issue (exit 2): nothing is created, the next good issue still checks clean', async () => {
    root = twoIssues();
    const r = await cli(['new', '--date', '2026-01-19'], root);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--date 2026-01-19 is earlier than the last issue (2026/2, 2026-01-26)');
    const zh = await cli(['new', '--date', '2025-12-01'], root, { LANG: 'zh_CN.UTF-8' });
    expect(zh.code).toBe(2);
    expect(zh.err).toContain('早于最近一期（第 2026/2 期，2026-01-26）');
    expect(listIssueDirs(root).map((d) => `${d.year}/${d.number}`)).toEqual(['2026/1', '2026/2']);
    expect(existsSync(path.join(root, 'issues/2025'))).toBe(false);
    // The same day as the last issue is allowed (two issues can go out on one day).
    expect((await cli(['new', '--date', '2026-01-26'], root)).code).toBe(0);
  });

  it('a failed new leaves no issue folder behind, not even an empty one, nor a year folder made for it', async () => {
    root = twoIssues();
    const real = fs.writeSync;
    const spy = vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, ...rest: unknown[]) => {
      if (spy.mock.calls.length > 1) {
        const e = new Error('ENOSPC: injected') as NodeJS.ErrnoException;
        e.code = 'ENOSPC';
        throw e;
      }
      return (real as (fd: number, ...r: unknown[]) => number)(fd, ...rest);
    }) as typeof fs.writeSync);
    const r = await cli(['new', '--date', '2027-01-04'], root);
    vi.restoreAllMocks();
    expect(r.code).toBe(1);
    expect(r.err).toContain(`the disk is full; ${path.join('issues', '2027', '1', '01-article.md')} was not written`);
    expect(r.err).not.toMatch(/internal error|    at /);
    expect(existsSync(path.join(root, 'issues/2027'))).toBe(false);
    const again = vi.spyOn(fs, 'renameSync').mockImplementation(() => {
      const e = new Error('EACCES: injected') as NodeJS.ErrnoException;
      e.code = 'EACCES';
      throw e;
    });
    const r2 = await cli(['new', '--date', '2026-02-09'], root);
    again.mockRestore();
    expect(r2.code).toBe(1);
    expect(r2.err).toContain('no permission to write');
    expect(readdirSync(path.join(root, 'issues/2026')).sort()).toEqual(['1', '2']);
  });

  it('a new issue folder a killed run left half-made is swept by the next new', async () => {
    root = twoIssues();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const half = path.join(root, `issues/2026/.3.bulletin-tmp-${dead}-deadbeef`);
    mkdirSync(half);
    writeFileSync(path.join(half, 'issue.yaml'), 'number: 3\n');
    expect((await cli(['new', '--date', '2026-02-09'], root)).code).toBe(0);
    expect(readdirSync(path.join(root, 'issues/2026')).sort()).toEqual(['1', '2', '3']);
  });
});
