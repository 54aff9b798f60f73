import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { listIssueDirs } from '../../src/archive/index.js';
import { loadIssue, manifestText, readManifestSummary } from '../../src/model/index.js';
import { REPO } from '../helpers/archive.js';
import { copyArchive } from '../helpers/tmp.js';

describe('manifestText: the issue.yaml that new and import start', () => {
  it('writes the keys in order and reads back as written, a note of several lines included', () => {
    const text = manifestText({
      number: 3,
      date: { year: 2026, month: 3, day: 9 },
      total: 145,
      articles: ['01-a.md', '02-b.md'],
      articlesComment: 'in print order',
      editorNote: '第一段。\n第二段。',
      carried: ['copies: 120'],
    });
    expect(text.split('\n').slice(0, 4)).toEqual(['number: 3', 'date: 2026-03-09', 'total: 145', 'articles:']);
    expect(parse(text)).toEqual({
      number: 3,
      date: '2026-03-09',
      total: 145,
      articles: ['01-a.md', '02-b.md'],
      editor_note: '第一段。\n第二段。\n',
      copies: 120,
    });
  });
});

describe('issue.yaml read twice in a run (the issue before asks for its date, then it is loaded)', () => {
  it('is read anew when its text changed in between, and agrees with itself when not', () => {
    const root = copyArchive(REPO);
    try {
      const where = listIssueDirs(root).find((d) => d.year === 2026 && d.number === 1)!;
      const file = path.join(where.dir, 'issue.yaml');
      const text = readFileSync(file, 'utf8');
      expect(readManifestSummary(root, where)?.date).toEqual({ year: 2026, month: 1, day: 12 });
      expect(loadIssue(root, where).issue?.date).toEqual({ year: 2026, month: 1, day: 12 });
      writeFileSync(file, text.replace('date: 2026-01-12', 'date: 2026-01-19'));
      expect(loadIssue(root, where).issue?.date).toEqual({ year: 2026, month: 1, day: 19 });
      writeFileSync(file, text.replace('date: 2026-01-12', 'date: 2026-01-26'));
      expect(readManifestSummary(root, where)?.date).toEqual({ year: 2026, month: 1, day: 26 });
      // A manifest now broken is reported as broken, not taken from an earlier clean reading.
      writeFileSync(file, text.replace('date: 2026-01-12', 'date: [2026-01-26'));
      expect(readManifestSummary(root, where)).toBeUndefined();
      expect(loadIssue(root, where).diagnostics.map((d) => d.rule)).toContain('yaml/syntax');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
