/** The fast reading of plain bodies gives exactly the blocks micromark gives. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simpleBody } from '../../src/model/article.js';
import { parseArticle, SourceText } from '../../src/model/index.js';

const HEAD = '---\ntitle: 标题\nsource: 单位\n---\n';
const ALPHABET = [
  '# ',
  '## ',
  ' #',
  ...'中文党建工作，。；：？！、“”‘’（）《》……——　 \t123abcAB.,:;()?!-+=#>~%/',
  '**',
  '\n',
  '\n\n',
  '1. ',
  '- ',
  '＊',
  '\u00a0',
];

/** The fast reading of a body, and the blocks parseArticle gives when micromark reads the whole body. */
function both(body: string) {
  const src = new SourceText('a.md', HEAD + body);
  // A last paragraph only the Markdown parser reads (*…*) sends the whole body to micromark.
  const parsed = parseArticle(new SourceText('a.md', `${HEAD}${body}\n\n*x*\n`)).article!.blocks;
  expect(parsed.at(-1)!.runs.map((r) => `${r.style}:${r.text}`)).toEqual(['regular:x']);
  return { fast: simpleBody(src, HEAD.length), slow: parsed.slice(0, -1) };
}

describe('plain bodies without the Markdown parser', () => {
  it('reads the sample-like lines: paragraphs and lead sentences', () => {
    const { fast, slow } = both('今年以来，我市推进工作。\n**强化组织建设。**全市新建中心12个。\n**“一码通办”。**“好”\n\u3000\u3000缩进段落。\n');
    expect(fast).toBeDefined();
    expect(fast).toEqual(slow);
    expect(fast!.map((b) => b.runs.map((r) => `${r.style}:${r.text}@${r.loc.line}:${r.loc.column}`))).toEqual([
      ['regular:今年以来，我市推进工作。@5:1'],
      ['lead:强化组织建设。@6:3', 'regular:全市新建中心12个。@6:12'],
      ['lead:“一码通办”。@7:3', 'regular:“好”@7:12'],
      ['regular:缩进段落。@8:3'],
    ]);
  });

  it('declines any other Markdown, and agrees with micromark whenever it reads a body', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 80 }), (body) => {
        const { fast, slow } = both(body);
        if (fast) expect(fast).toEqual(slow);
      }),
      { numRuns: 3000 },
    );
    // Lead sentences of every shape: the flanking rules decide what is bold.
    const piece = fc.string({ unit: fc.constantFrom(...'中文党建，。：？！“”（）》a1. 　-'), maxLength: 8 });
    let read = 0;
    fc.assert(
      fc.property(piece, piece, fc.boolean(), (lead, rest, close) => {
        const { fast, slow } = both(`**${lead}${close ? '**' : ''}${rest}\n`);
        if (fast) {
          read++;
          expect(fast).toEqual(slow);
        }
      }),
      { numRuns: 3000 },
    );
    expect(read).toBeGreaterThan(300);
    expect(both('# 一、主要做法\n## （一）织密网格 \n### 1.科学划分\n正文。\n').fast).toEqual(
      both('# 一、主要做法\n## （一）织密网格 \n### 1.科学划分\n正文。\n').slow,
    );
    for (const body of ['#一、标题\n', '# 标题 #\n', '- 列表\n', '1. 列表\n', '> 引用\n', '正文\n===\n', '    代码\n', '*强调*\n', '[链接](x)\n', 'a\\*b\n'])
      expect(both(body).fast, body).toBeUndefined();
  });

  it('is what parseArticle uses for a plain body', () => {
    const a = parseArticle(new SourceText('a.md', HEAD + '正文一。\n**引导。**正文二。\n'));
    expect(a.article!.blocks).toHaveLength(2);
    expect(a.article!.blocks[1].runs[0].style).toBe('lead');
  });
});
