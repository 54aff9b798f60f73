/**
 * attribution/in-body: the contributing unit belongs in `source` (the typesetter prints it as
 * （供稿单位：…） itself); one typed by hand as the article's last line would print twice.
 * `bulletin fix` moves it: it deletes the line, and writes `source:` when the article has none.
 */
import { diagnostic, type Diagnostic, type Fix } from '../../diagnostics/index.js';
import type { Article } from '../../model/index.js';
import type { NamedRule } from '../context.js';
import { attributionLine, textUnits, type TextUnit } from '../text.js';
import { deleteLine, unitFillsLine } from './text-web-debris.js';

/** A YAML plain scalar when that is safe, else a double-quoted one. */
function yamlScalar(s: string): string {
  return /^[^\s\-?:,[\]{}#&*!|>'"%@`][^:#,[\]{}]*$/.test(s) && !/\s$/.test(s) ? s : JSON.stringify(s);
}

export const attributionInBody: NamedRule = {
  meta: [
    {
      id: 'attribution/in-body',
      severity: 'warning',
      fixable: true,
      stage: 'check',
      source: { standard: 'house style' },
      description: { zh: '正文末尾手写的供稿单位应写在信息块 source 中', en: "a hand-typed attribution line belongs in the front matter's source" },
    },
  ],
  create(ctx) {
    const out: Diagnostic[] = [];
    const units = textUnits(ctx);
    for (const a of ctx.issue.articles) {
      const last = [...units]
        .reverse()
        .find((u) => u.article === a && (u.kind === 'paragraph' || u.kind === 'heading') && !(u.stray && !attributionLine(u.text)));
      if (!last || last.kind !== 'paragraph') continue;
      const named = attributionLine(last.text);
      if (named) out.push(report(a, last, named));
    }
    return out;
  },
};

function report(a: Article, u: TextUnit, named: string[]): Diagnostic {
  const loc = u.at[0] >= 0 ? u.src.loc(u.at[0]) : u.loc;
  const text = u.text.trim();
  const fills = unitFillsLine(u, loc.line);
  const same = a.sources.length === named.length && named.every((n) => a.sources.includes(n));
  let fix: Fix[] | undefined;
  let hint;
  if (!a.sources.length && a.sourceLocs !== undefined && fills && a.bodyOffset !== undefined && !hasSourceKey(u, a)) {
    const close = u.src.loc(Math.max(0, a.bodyOffset - 1)).line; // the closing --- line
    const value = named.length === 1 ? yamlScalar(named[0]) : `[${named.map(yamlScalar).join(', ')}]`;
    fix = [{ loc: { file: u.src.file, line: close, column: 1 }, length: 0, replacement: `source: ${value}\n` }, ...deleteLine(u, loc.line)];
    hint = {
      zh: `删去这一行，在信息块中写上“source: ${value}”（可运行 bulletin fix 自动移动）`,
      en: `delete this line and write \`source: ${value}\` in the front matter (bulletin fix does it)`,
    };
  } else if (same && fills) {
    fix = deleteLine(u, loc.line);
    hint = {
      zh: '信息块的 source 已写明供稿单位，删去这一行即可（可运行 bulletin fix 自动删除）',
      en: 'the front matter’s source already names the unit: delete this line (bulletin fix does it)',
    };
  } else {
    hint = {
      zh: `删去这一行，并核对信息块中的 source（现为“${a.sources.join('、') || '空'}”）`,
      en: `delete this line and check \`source\` in the front matter (now “${a.sources.join(', ') || 'empty'}”)`,
    };
  }
  return diagnostic(
    'attribution/in-body',
    'warning',
    loc,
    {
      zh: `正文末尾手写了供稿单位“${text}”；供稿单位应写在信息块的 source 中，排版时会自动印出`,
      en: `the contributing unit is typed at the end of the text (“${text}”); it belongs in the front matter’s source, which is printed automatically`,
    },
    { hint, ...(fix ? { fix } : {}) },
  );
}

/** True when the front matter already has a `source:` line (even an empty one): then no line is inserted. */
function hasSourceKey(u: TextUnit, a: Article): boolean {
  const fm = u.src.text.slice(0, a.bodyOffset);
  return /^source\s*:/m.test(fm);
}
