/**
 * text/control-character: control characters (ESC, BEL, NUL, DEL, C1 controls …) and whole
 * terminal escape sequences (ESC[2J clears a screen, ESC]0;…BEL retitles a window) are not text:
 * they come from logs or terminals pasted into an article. The layout leaves the control
 * characters out; this names them by code point, with a sequence shown as visible escapes, and
 * `bulletin fix` deletes each sequence whole (its parameters were never text either).
 */
import { diagnostic, visible, type Diagnostic } from '../../diagnostics/index.js';
import type { NamedRule } from '../context.js';
import { codePointLabels, isControl } from '../chars.js';
import { excerptMarked, textUnits, unprintedAt } from '../text.js';

export const TEXT_CONTROL = {
  id: 'text/control-character',
  severity: 'warning',
  message: (name: { zh: string; en: string }, context: string) => ({
    zh: `控制字符 ${name.zh}，不是正文内容，排版时略去：${context}`,
    en: `a control character ${name.en} is not text; it is left out of the print: ${context}`,
  }),
  sequence: (shown: string, context: string) => ({
    zh: `终端控制序列“${shown}”，不是正文内容（其中控制字符以外的部分会被印出）：${context}`,
    en: `a terminal escape sequence “${shown}” is not text (all but its control characters would be printed): ${context}`,
  }),
  hint: { zh: '删去它（可运行 bulletin fix 自动删除）', en: 'delete it (bulletin fix does it)' },
} as const;

/** A CSI or OSC terminal escape sequence, or a two-character escape, starting at ESC. */
const SEQUENCE = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b\n]{0,200}(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/y;

export const controlCharacters: NamedRule = {
  meta: [
    {
      id: TEXT_CONTROL.id,
      severity: TEXT_CONTROL.severity,
      fixable: true,
      stage: 'check',
      source: { standard: 'house style' },
      description: { zh: '控制字符（ESC、NUL……）和终端转义序列', en: 'control characters (ESC, NUL …) and terminal escape sequences' },
    },
  ],
  create(ctx) {
    const out: Diagnostic[] = [];
    for (const u of textUnits(ctx)) {
      let covered = -1; // source offset up to which a reported sequence reaches
      for (const p of u.unprinted) {
        if (!isControl(p.ch) || (p.offset >= 0 && p.offset < covered)) continue;
        let found = p.ch;
        if (p.ch === '\x1b' && p.offset >= 0) {
          SEQUENCE.lastIndex = p.offset;
          found = SEQUENCE.exec(u.src.text)?.[0] ?? p.ch;
          covered = p.offset + found.length;
        }
        const { loc, fix } = unprintedAt(u, p.offset, found);
        const context = excerptMarked(u.text, p.index, p.ch);
        const message = found.length > 1 ? TEXT_CONTROL.sequence(visible(found, false), context) : TEXT_CONTROL.message(codePointLabels(found), context);
        out.push(diagnostic(TEXT_CONTROL.id, TEXT_CONTROL.severity, loc, message, { hint: TEXT_CONTROL.hint, ...(fix ? { fix } : {}) }));
      }
    }
    return out;
  },
};
