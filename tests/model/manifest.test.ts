import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { manifestText } from '../../src/model/index.js';

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
