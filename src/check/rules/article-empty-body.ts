/**
 * article/empty-body: an article with a title and a source but no text. A warning: a short
 * notice may be all title, but usually the text was never pasted in.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/index.js';
import type { NamedRule } from '../context.js';

export const articleEmptyBody: NamedRule = {
  meta: [
    {
      id: 'article/empty-body',
      severity: 'warning',
      fixable: false,
      stage: 'check',
      source: { standard: 'house style' },
      description: { zh: '文章有标题和供稿单位但没有正文', en: 'an article with a title and a source but no text' },
    },
  ],
  create(ctx) {
    const out: Diagnostic[] = [];
    for (const a of ctx.issue.articles) {
      if (a.blocks.length) continue;
      const src = ctx.sources.get(a.file);
      // Where the text would begin: the front matter's closing --- line when nothing follows it.
      let loc = a.titleLoc;
      if (src && a.bodyOffset !== undefined) {
        const rest = src.text.slice(a.bodyOffset);
        loc = rest.trim() ? src.loc(a.bodyOffset + (rest.length - rest.trimStart().length)) : { ...src.loc(src.text.trimEnd().length), column: 1 };
      }
      out.push(
        diagnostic(
          'article/empty-body',
          'warning',
          loc,
          { zh: `文章“${a.title}”没有正文`, en: `the article “${a.title}” has no text` },
          { hint: { zh: '把正文粘贴在第二个 --- 行之后，每段一行', en: 'paste the text after the second --- line, one paragraph per line' } },
        ),
      );
    }
    return out;
  },
};
