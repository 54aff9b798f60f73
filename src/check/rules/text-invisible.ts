/**
 * text/invisible: characters that print nothing — zero-width spaces and joiners, word joiners,
 * a byte-order mark inside the text, soft hyphens, variation selectors and every other Unicode
 * default-ignorable code point — come with text pasted from web pages and WeChat. The layout
 * leaves them out (and so do the other rules: they read the text as printed); this says where
 * they are, naming each by code point and Unicode name (the character itself would show
 * nothing), and `bulletin fix` deletes them.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/index.js';
import type { NamedRule } from '../context.js';
import { codePointLabels, isInvisible } from '../chars.js';
import { excerptMarked, textUnits, unprintedAt } from '../text.js';

export const TEXT_INVISIBLE = {
  id: 'text/invisible',
  severity: 'warning',
  message: (name: { zh: string; en: string }, context: string) => ({
    zh: `看不见的字符 ${name.zh}，多从网页或微信复制带来，排版时略去：${context}`,
    en: `an invisible character ${name.en} (usually pasted from a web page or WeChat); it is left out of the print: ${context}`,
  }),
  hint: { zh: '删去这个字符（可运行 bulletin fix 自动删除）', en: 'delete the character (bulletin fix does it)' },
} as const;

export const invisibleCharacters: NamedRule = {
  meta: [
    {
      id: TEXT_INVISIBLE.id,
      severity: TEXT_INVISIBLE.severity,
      fixable: true,
      stage: 'check',
      source: { standard: 'house style' },
      description: { zh: '不可见字符（零宽空格、软连字符……）', en: 'invisible characters (zero-width spaces, soft hyphens …)' },
    },
  ],
  create(ctx) {
    const out: Diagnostic[] = [];
    // Every unit, debris lines too: whatever is left in the file after fixing is clean.
    for (const u of textUnits(ctx)) {
      for (const p of u.unprinted) {
        if (!isInvisible(p.ch)) continue;
        const { loc, fix } = unprintedAt(u, p.offset, p.ch);
        out.push(
          diagnostic(TEXT_INVISIBLE.id, TEXT_INVISIBLE.severity, loc, TEXT_INVISIBLE.message(codePointLabels(p.ch), excerptMarked(u.text, p.index, p.ch)), {
            hint: TEXT_INVISIBLE.hint,
            ...(fix ? { fix } : {}),
          }),
        );
      }
    }
    return out;
  },
};
