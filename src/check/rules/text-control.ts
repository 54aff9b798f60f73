/**
 * text/control-character: control characters (ESC, BEL, NUL, DEL, C1 controls …) and whole
 * terminal escape sequences (ESC[2J clears a screen, ESC]0;…BEL retitles a window) are not text:
 * they come from logs or terminals pasted into an article. The layout leaves them out; this names
 * them by code point, with the sequence shown as visible escapes, and `bulletin fix` deletes each
 * sequence whole (its parameters were never text either).
 */
import { diagnostic, visible, type Diagnostic } from '../../diagnostics/index.js';
import type { NamedRule } from '../index.js';
import { codePointLabel, labelUnprintable } from '../chars.js';
import { excerpt, fixAt, locAt, proseUnits } from '../text.js';

export const TEXT_CONTROL = {
  id: 'text/control-character',
  severity: 'warning',
  message: (name: string, context: string) => ({
    zh: `控制字符 ${name}，不是正文内容，排版时略去：${context}`,
    en: `a control character ${name} is not text; it is left out of the print: ${context}`,
  }),
  sequence: (shown: string, context: string) => ({
    zh: `终端控制序列“${shown}”，不是正文内容（其中控制字符以外的部分会被印出）：${context}`,
    en: `a terminal escape sequence “${shown}” is not text (all but its control characters would be printed): ${context}`,
  }),
  hint: { zh: '删去它（可运行 bulletin fix 自动删除）', en: 'delete it (bulletin fix does it)' },
} as const;

/** A CSI or OSC terminal escape sequence, a two-character escape, or one control character. */
const CONTROL = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]{0,200}(?:\x07|\x1b\\)|\x1b[@-Z\\-_]|[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

export const controlCharacters: NamedRule = {
  ids: [TEXT_CONTROL.id],
  run(ctx) {
    const out: Diagnostic[] = [];
    for (const u of proseUnits(ctx)) {
      for (const m of u.text.matchAll(CONTROL)) {
        const i = m.index!;
        const fix = fixAt(u, i, m[0].length, '');
        const context = labelUnprintable(excerpt(u.text, i, m[0].length));
        const message = m[0].length > 1 ? TEXT_CONTROL.sequence(visible(m[0], false), context) : TEXT_CONTROL.message(codePointLabel(m[0]), context);
        out.push(diagnostic(TEXT_CONTROL.id, TEXT_CONTROL.severity, locAt(u, i), message, { hint: TEXT_CONTROL.hint, ...(fix ? { fix } : {}) }));
      }
    }
    return out;
  },
};
