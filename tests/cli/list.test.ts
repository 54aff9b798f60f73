import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countPdfPages, type ListRow } from '../../src/batch/list.js';
import { cli, makeArchive, removeArchive } from '../batch/archive.js';

describe('bulletin list', () => {
  let root: string;
  beforeAll(() => {
    root = makeArchive([
      { year: 2025, number: 24, from: 1, date: '2025-12-22' },
      { year: 2026, number: 1, from: 1, date: '2026-01-12' },
      { year: 2026, number: 2, from: 2, date: '2026-01-26' },
    ]);
  });
  afterAll(() => removeArchive(root));

  const rows = async () => JSON.parse((await cli(['list', '--format', 'json'], root)).out) as ListRow[];

  it('shows every issue as not built at first', async () => {
    const r = await rows();
    expect(r.map((x) => [x.issue, x.date, x.articles, x.pages, x.status])).toEqual([
      ['2025/24', '2025-12-22', 3, null, 'not-built'],
      ['2026/1', '2026-01-12', 3, null, 'not-built'],
      ['2026/2', '2026-01-26', 4, null, 'not-built'],
    ]);
  });

  it('after a build: pages of each PDF, up to date; an edit makes one outdated', async () => {
    expect((await cli(['build', '--all', '--jobs', '1'], root)).code).toBe(0);
    let r = await rows();
    expect(r.every((x) => x.status === 'ok' && x.pdf === 'up-to-date')).toBe(true);
    const pdf2 = readFileSync(path.join(root, 'dist/2026-2.pdf'));
    expect(r[2].pages).toBe(countPdfPages(pdf2));
    expect(r[2].pages).toBeGreaterThan(r[1].pages!);
    appendFileSync(path.join(root, 'issues/2026/1/02-jiceng.md'), '\n补充一段。\n');
    r = await rows();
    expect(r.map((x) => x.status)).toEqual(['ok', 'outdated', 'ok']);
    expect(r[1].pages).toBeGreaterThan(0);
  });

  it('reports an issue with errors, and the text form says so in the chosen language', async () => {
    const f = path.join(root, 'issues/2025/24/issue.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace(/^date: .*$/m, 'date: 2025-13-01'));
    const r = await rows();
    expect(r[0].status).toBe('errors');
    expect(r[0].errors).toBeGreaterThan(0);
    const en = await cli(['list'], root);
    expect(en.code).toBe(0);
    const lines = en.out.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^2025\/24\s+—\s+3 article\(s\)\s+\d+ page\(s\)\s+has 1 error\(s\); outdated/);
    expect(lines[1]).toMatch(/^2026\/1\s+2026-01-12\s+3 article\(s\)\s+\d+ page\(s\)\s+outdated, needs a rebuild$/);
    expect(lines[2]).toMatch(/^2026\/2\s+2026-01-26\s+4 article\(s\)\s+\d+ page\(s\)\s+built, up to date$/);
    const zh = await cli(['list', '--lang', 'zh'], root);
    expect(zh.out).toMatch(/^2026\/2\s+2026-01-26\s+4 篇\s+\d+ 页\s+已生成，最新$/m);
  });

  it('counts pages of a PDF from its page objects', () => {
    const fake = Buffer.from('<< /Type /Pages /Count 2 >>\n<< /Type /Page >>\n<</Type/Page/Parent 1 0 R>>\n');
    expect(countPdfPages(fake)).toBe(2);
  });
});
