/**
 * text/invisible: characters that print nothing — zero-width spaces and joiners, word joiners,
 * a byte-order mark inside the text, soft hyphens, variation selectors and every other Unicode
 * default-ignorable code point — come with text pasted from web pages and WeChat. The layout
 * leaves them out; this says where they are, naming each by code point and Unicode name (the
 * character itself would show nothing), and `bulletin fix` deletes them.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/index.js';
import type { NamedRule } from '../index.js';
import { codePointLabel, isInvisible, labelUnprintable } from '../chars.js';
import { excerpt, fixAt, locAt, proseUnits } from '../text.js';

export const TEXT_INVISIBLE = {
  id: 'text/invisible',
  severity: 'warning',
  message: (name: string, context: string) => ({
    zh: `看不见的字符 ${name}（多从网页或微信复制带来），排版时略去：${context}`,
    en: `an invisible character ${name} (usually pasted from a web page or WeChat); it is left out of the print: ${context}`,
  }),
  hint: { zh: '删去这个字符（可运行 bulletin fix 自动删除）', en: 'delete the character (bulletin fix does it)' },
} as const;

const CANDIDATE = /\p{Default_Ignorable_Code_Point}/gu;

export const invisibleCharacters: NamedRule = {
  ids: [TEXT_INVISIBLE.id],
  run(ctx) {
    const out: Diagnostic[] = [];
    for (const u of proseUnits(ctx)) {
      for (const m of u.text.matchAll(CANDIDATE)) {
        const ch = m[0];
        if (!isInvisible(ch)) continue;
        const i = m.index!;
        const fix = fixAt(u, i, ch.length, '');
        out.push(
          diagnostic(TEXT_INVISIBLE.id, TEXT_INVISIBLE.severity, locAt(u, i), TEXT_INVISIBLE.message(codePointLabel(ch), labelUnprintable(excerpt(u.text, i, ch.length))), {
            hint: TEXT_INVISIBLE.hint,
            ...(fix ? { fix } : {}),
          }),
        );
      }
    }
    return out;
  },
};
