import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listIssueDirs, parseIssueRef, selectIssues } from '../../src/archive/index.js';
import { compressRefs } from '../../src/batch/index.js';
import { cli, makeArchive, removeArchive } from './archive.js';

describe('issue references', () => {
  it('parses a number, year/number, a year and ranges', () => {
    expect(parseIssueRef('22')).toEqual({ kind: 'one', number: 22 });
    expect(parseIssueRef('2017/22')).toEqual({ kind: 'one', year: 2017, number: 22 });
    expect(parseIssueRef('2017')).toEqual({ kind: 'year', year: 2017 });
    expect(parseIssueRef('2017/15..22')).toEqual({ kind: 'range', year: 2017, from: 15, to: 22 });
    expect(parseIssueRef('15..22')).toEqual({ kind: 'range', year: undefined, from: 15, to: 22 });
    expect(parseIssueRef('2017/22..15')).toBeUndefined();
    expect(parseIssueRef('abc')).toBeUndefined();
  });

  it('compresses lists of issues into runs', () => {
    const refs = [5, 1, 2, 3, 7].map((number) => ({ year: 2017, number }));
    expect(compressRefs([...refs, { year: 2018, number: 1 }])).toBe('2017/1..3, 2017/5, 2017/7, 2018/1');
  });
});

describe('selecting issues on the command line', () => {
  let root: string;
  beforeAll(() => {
    root = makeArchive([
      ...[14, 15, 16, 17].map((number) => ({ year: 2017, number, from: 1 as const })),
      { year: 2018, number: 15, from: 2 },
      { year: 2018, number: 16, from: 2 },
    ]);
  });
  afterAll(() => removeArchive(root));

  const listed = async (args: string[]) => {
    const r = await cli(['list', ...args, '--format', 'json'], root);
    expect(r.code).toBe(0);
    return (JSON.parse(r.out) as { issue: string }[]).map((x) => x.issue);
  };

  it('selects by year, by range, by number and all', async () => {
    expect(selectIssues(listIssueDirs(root), { kind: 'range', year: 2017, from: 15, to: 16 }).map((d) => d.number)).toEqual([15, 16]);
    expect(await listed(['2017/15..16'])).toEqual(['2017/15', '2017/16']);
    expect(await listed(['15..16'])).toEqual(['2018/15', '2018/16']);
    expect(await listed(['2017'])).toEqual(['2017/14', '2017/15', '2017/16', '2017/17']);
    expect(await listed(['15'])).toEqual(['2018/15']);
    expect(await listed(['2017/17'])).toEqual(['2017/17']);
    expect(await listed([])).toHaveLength(6);
  });

  it('rejects what it cannot read, and ranges with nothing in them', async () => {
    const bad = await cli(['build', '2017/9..x'], root);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/cannot read the issue/);
    const none = await cli(['build', '2017/30..40'], root);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/there is no issue 2017\/30\.\.40/);
    const jobs = await cli(['build', '2017', '--jobs', '0'], root);
    expect(jobs.code).toBe(2);
    expect(jobs.err).toMatch(/--jobs must be a positive whole number/);
  });

  it('builds exactly the range asked for', async () => {
    const r = await cli(['build', '2017/15..16', '--jobs', '1'], root);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/2 issue\(s\): 2 built, 0 skipped/);
    expect(r.out).toMatch(/built: 2017\/15\.\.16/);
    const rows = JSON.parse((await cli(['list', '--format', 'json'], root)).out) as { issue: string; pdf: string }[];
    expect(rows.filter((x) => x.pdf === 'up-to-date').map((x) => x.issue)).toEqual(['2017/15', '2017/16']);
  });
});
