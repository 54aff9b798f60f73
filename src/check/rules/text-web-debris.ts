/**
 * text/web-debris: lines copied from a web page along with the article — 来源：…, 作者：…,
 * 上一篇, 下一篇, 返回列表, 【打印】【关闭】 … — are not part of it. `bulletin fix` deletes the line.
 */
import { diagnostic, type Diagnostic, type Fix } from '../../diagnostics/index.js';
import { codePoints } from '../../model/index.js';
import type { NamedRule } from '../context.js';
import { isDebris, textUnits, type TextUnit } from '../text.js';

/** An edit deleting source line `line` with its line end (or the line end before it, for the last line). */
export function deleteLine(u: TextUnit, line: number): Fix[] {
  const src = u.src;
  const text = src.line(line);
  if (line < src.lineCount) return [{ loc: { file: src.file, line, column: 1 }, length: codePoints(text) + 1, replacement: '' }];
  if (line > 1) return [{ loc: { file: src.file, line: line - 1, column: codePoints(src.line(line - 1)) + 1 }, length: codePoints(text) + 1, replacement: '' }];
  return [{ loc: { file: src.file, line, column: 1 }, length: codePoints(text), replacement: '' }];
}

/** True when source line `line` holds nothing but this unit (besides Markdown marks and blanks). */
export function unitFillsLine(u: TextUnit, line: number): boolean {
  const raw = u.src.line(line).replace(/^[\s\u3000>#*_-]+|[\s\u3000*_]+$/g, '');
  return raw === u.text.trim();
}

export const webDebris: NamedRule = {
  meta: [
    {
      id: 'text/web-debris',
      severity: 'warning',
      fixable: true,
      stage: 'check',
      source: { standard: 'house style' },
      description: { zh: '从网页带来的多余行（来源、上一篇……）', en: 'lines copied from a web page (来源, 上一篇 …)' },
    },
  ],
  create(ctx) {
    const out: Diagnostic[] = [];
    for (const u of textUnits(ctx)) {
      if (u.kind !== 'paragraph' || !isDebris(u.text)) continue;
      const first = u.at[0] >= 0 ? u.src.loc(u.at[0]) : u.loc;
      const fix = unitFillsLine(u, first.line) ? deleteLine(u, first.line) : undefined;
      out.push(
        diagnostic(
          'text/web-debris',
          'warning',
          first,
          {
            zh: `这一行是从网页带来的多余内容，不属于文章：“${u.text.trim()}”`,
            en: `this line was copied from a web page and is not part of the article: “${u.text.trim()}”`,
          },
          { hint: { zh: '删去这一行（可运行 bulletin fix 自动删除）', en: 'delete the line (bulletin fix does it)' }, ...(fix ? { fix } : {}) },
        ),
      );
    }
    return out;
  },
};
