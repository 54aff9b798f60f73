/**
 * article/placeholder: the article still holds text of the template `bulletin new` wrote — the
 * title 请填写标题, the unit 请填写供稿单位, the sample paragraph. An error: it would be printed.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/index.js';
import type { NamedRule } from '../context.js';
import { PLACEHOLDER } from '../placeholders.js';

export const articlePlaceholder: NamedRule = {
  meta: [
    {
      id: 'article/placeholder',
      severity: 'error',
      fixable: false,
      stage: 'check',
      source: { standard: 'house style' },
      description: { zh: '文章仍含 bulletin new 模板的文字（请填写标题 …）', en: 'an article still holds the template text of bulletin new' },
    },
  ],
  create(ctx) {
    const out: Diagnostic[] = [];
    const hint = { zh: '把模板文字换成本文的内容', en: 'replace the template text with the article’s own' };
    for (const a of ctx.issue.articles) {
      if (a.title.trim() === PLACEHOLDER.title)
        out.push(
          diagnostic(
            'article/placeholder',
            'error',
            a.titleLoc,
            { zh: `标题还是模板里的“${PLACEHOLDER.title}”`, en: `the title is still the template’s “${PLACEHOLDER.title}” (fill in the title)` },
            { hint },
          ),
        );
      a.sources.forEach((s, k) => {
        if (s.trim() === PLACEHOLDER.source)
          out.push(
            diagnostic(
              'article/placeholder',
              'error',
              a.sourceLocs?.[k] ?? a.sourceLoc,
              {
                zh: `供稿单位还是模板里的“${PLACEHOLDER.source}”`,
                en: `the source is still the template’s “${PLACEHOLDER.source}” (fill in the contributing unit)`,
              },
              {
                hint: {
                  zh: '写上供稿单位的全称（须在 bulletin.yaml 的 units 名录中）',
                  en: 'write the contributing unit’s full name (as listed under units in bulletin.yaml)',
                },
              },
            ),
          );
      });
      for (const b of a.blocks) {
        const text = b.runs.map((r) => r.text).join('');
        if (b.kind === 'paragraph' && text.trimStart().startsWith(PLACEHOLDER.body))
          out.push(
            diagnostic(
              'article/placeholder',
              'error',
              b.loc,
              { zh: '这一段还是模板里的示例文字', en: 'this paragraph is still the template’s sample text' },
              { hint },
            ),
          );
      }
    }
    return out;
  },
};
