import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listIssueDirs } from '../../src/archive/index.js';
import { runBatch } from '../../src/batch/index.js';
import { formatSummary } from '../../src/batch/progress.js';
import { Chalk } from 'chalk';
import { cli, makeArchive, removeArchive } from './archive.js';

describe('one broken issue does not stop the others', () => {
  let root: string;
  beforeAll(() => {
    root = makeArchive([
      { year: 2026, number: 1, from: 1 },
      { year: 2026, number: 2, from: 2 },
      { year: 2026, number: 3, from: 1 },
    ]);
    // Issue 2's first article names a unit that is not in bulletin.yaml: an error at line 3.
    const f = path.join(root, 'issues/2026/2/01-wangge.md');
    writeFileSync(f, readFileSync(f, 'utf8').replace(/^source: .*$/m, 'source: 不存在的单位'));
  });
  afterAll(() => removeArchive(root));

  it('builds the others, reports the failure with its place and reason', async () => {
    const s = await runBatch(root, listIssueDirs(root), { jobs: 1, force: true });
    expect(s.items.map((i) => i.status)).toEqual(['built', 'failed', 'built']);
    expect(existsSync(path.join(root, 'dist/2026-1.pdf'))).toBe(true);
    expect(existsSync(path.join(root, 'dist/2026-3.pdf'))).toBe(true);
    expect(existsSync(path.join(root, 'dist/2026-2.pdf'))).toBe(false);
    const text = formatSummary(s, 'en', new Chalk({ level: 0 }));
    expect(text).toMatch(/3 issue\(s\): 2 built, 0 skipped \(unchanged\), 1 failed/);
    expect(text).toMatch(/failed:\n\s+2026\/2\s+issues\/2026\/2\/01-wangge\.md:3:\d+ the unit “不存在的单位” is not in the units list/);
  });

  it('the CLI exits 1 and names the broken issue in the summary (in Chinese too)', async () => {
    const en = await cli(['build', '--all', '--jobs', '1'], root);
    expect(en.code).toBe(1);
    expect(en.out).toMatch(/3 issue\(s\): 0 built, 2 skipped \(unchanged\), 1 failed/);
    expect(en.out).toMatch(/2026\/2\s+issues\/2026\/2\/01-wangge\.md:3:\d+/);
    expect(en.err).toMatch(/error\[attribution\/unknown-unit\]/);
    const zh = await cli(['build', '--all', '--jobs', '1'], root, { LANG: 'zh_CN.UTF-8' });
    expect(zh.code).toBe(1);
    expect(zh.out).toMatch(/共 3 期：生成 0 期，跳过 2 期（未改动），失败 1 期/);
    expect(zh.out).toMatch(/供稿单位“不存在的单位”不在 bulletin\.yaml 的 units 名录中/);
  });

  it('once repaired, only the broken issue is built and the exit code is 0', async () => {
    const f = path.join(root, 'issues/2026/2/01-wangge.md');
    writeFileSync(f, readFileSync(f, 'utf8').replace(/^source: .*$/m, 'source: 荷塘区委组织部'));
    const before = statSync(path.join(root, 'dist/2026-1.pdf')).mtimeMs;
    const r = await cli(['build', '2026', '--jobs', '1'], root);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1 built, 2 skipped/);
    expect(r.err).toMatch(/\[1\/3\] 2026\/1 unchanged, skipped/);
    expect(r.err).toMatch(/2026\/2 wrote dist\/2026-2\.pdf \(\d+ pages/);
    expect(statSync(path.join(root, 'dist/2026-1.pdf')).mtimeMs).toBe(before);
  });
});
