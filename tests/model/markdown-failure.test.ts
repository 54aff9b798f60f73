/** A body the Markdown reader fails on is still printed, and the author is told. */
import { describe, expect, it, vi } from 'vitest';

vi.mock('mdast-util-from-markdown', () => ({
  fromMarkdown: () => {
    throw new Error('reader failed');
  },
}));

describe('Markdown reader failure', () => {
  it('reads the body as plain text with an article/markdown warning at the body start', async () => {
    const { parseArticle, SourceText } = await import('../../src/model/index.js');
    const r = parseArticle(new SourceText('a.md', '---\ntitle: 标题\nsource: 单位\n---\n- 第一项。\n正文。\n'));
    expect(r.article!.blocks.map((b) => b.runs.map((x) => x.text).join(''))).toEqual(['- 第一项。', '正文。']);
    expect(r.diagnostics.map((d) => `${d.severity} ${d.rule} ${d.loc.file}:${d.loc.line}:${d.loc.column}`)).toEqual(['warning article/markdown a.md:5:1']);
  });
});
