/**
 * file/unlisted: an article file in the issue folder that issue.yaml does not list will not be
 * printed — usually it was forgotten in `articles`. Only article-like files (.md, .markdown,
 * .txt) are reported; originals such as .docx and office lock files are left alone.
 */
import path from 'node:path';
import { listFiles } from '../../archive/index.js';
import { diagnostic, type Diagnostic } from '../../diagnostics/index.js';
import type { NamedRule } from '../context.js';

const ARTICLE_LIKE = /\.(md|markdown|txt)$/i;

export const unlistedFiles: NamedRule = {
  meta: [
    {
      id: 'file/unlisted',
      severity: 'warning',
      fixable: false,
      stage: 'check',
      source: { standard: 'house style' },
      description: { zh: '期目录中有 issue.yaml 未列出的文章文件', en: 'an article file the issue.yaml does not list' },
    },
  ],
  create(ctx) {
    const { issue } = ctx;
    const listed = new Set((issue.listed ?? issue.articles.map((a) => a.file)).map((f) => f.toLowerCase()));
    const out: Diagnostic[] = [];
    for (const name of listFiles(path.join(ctx.root, issue.dir))) {
      if (!ARTICLE_LIKE.test(name) || name.startsWith('.') || name.startsWith('~$')) continue;
      const rel = `${issue.dir}/${name}`;
      if (listed.has(rel.toLowerCase())) continue;
      out.push(
        diagnostic(
          'file/unlisted',
          'warning',
          { file: rel, line: 1, column: 1 },
          {
            zh: `文件 ${name} 在本期文件夹中，但 issue.yaml 的 articles 没有列出它，不会印出`,
            en: `${name} is in the issue folder but not listed in articles of issue.yaml, so it will not be printed`,
          },
          {
            hint: {
              zh: `如要刊出，在 ${issue.file} 的 articles 中加上“- ${name}”；否则把它移出本期文件夹`,
              en: `to print it, add \`- ${name}\` to articles in ${issue.file}; otherwise move it out of the issue folder`,
            },
          },
        ),
      );
    }
    return out;
  },
};
