/**
 * Characters that print nothing, read in one pass over what the layout leaves out of each unit:
 *
 * - text/invisible: zero-width spaces and joiners, word joiners, a byte-order mark inside the
 *   text, soft hyphens, variation selectors and every other Unicode default-ignorable code point
 *   — they come with text pasted from web pages and WeChat. The layout leaves them out (and so do
 *   the other rules: they read the text as printed); this says where they are, naming each by
 *   code point and Unicode name (the character itself would show nothing), and `bulletin fix`
 *   deletes them.
 * - text/control-character: control characters (ESC, BEL, NUL, DEL, C1 controls …) and whole
 *   terminal escape sequences (ESC[2J clears a screen, ESC]0;…BEL retitles a window) are not
 *   text: they come from logs or terminals pasted into an article. The layout leaves the control
 *   characters out; this names them by code point, with a sequence shown as visible escapes, and
 *   `bulletin fix` deletes each sequence whole (its parameters were never text either).
 *
 * Each rule's findings are reported together, invisible characters first, as when they were two passes.
 */
import { diagnostic, visible, type Diagnostic } from '../../diagnostics/index.js';
import type { NamedRule, RuleMeta } from '../context.js';
import { codePointLabels, isControl, isInvisible } from '../chars.js';
import { excerptMarked, textUnits, unprintedAt } from '../text.js';

const INVISIBLE: RuleMeta = {
  id: 'text/invisible',
  severity: 'warning',
  fixable: true,
  stage: 'check',
  source: { standard: 'house style' },
  description: { zh: '不可见字符（零宽空格、软连字符……）', en: 'invisible characters (zero-width spaces, soft hyphens …)' },
};

const CONTROL: RuleMeta = {
  id: 'text/control-character',
  severity: 'warning',
  fixable: true,
  stage: 'check',
  source: { standard: 'house style' },
  description: { zh: '控制字符（ESC、NUL……）和终端转义序列', en: 'control characters (ESC, NUL …) and terminal escape sequences' },
};

const SAY = {
  invisible: (name: { zh: string; en: string }, context: string) => ({
    zh: `看不见的字符 ${name.zh}，多从网页或微信复制带来，排版时略去：${context}`,
    en: `an invisible character ${name.en} (usually pasted from a web page or WeChat); it is left out of the print: ${context}`,
  }),
  invisibleHint: { zh: '删去这个字符（可运行 bulletin fix 自动删除）', en: 'delete the character (bulletin fix does it)' },
  control: (name: { zh: string; en: string }, context: string) => ({
    zh: `控制字符 ${name.zh}，不是正文内容，排版时略去：${context}`,
    en: `a control character ${name.en} is not text; it is left out of the print: ${context}`,
  }),
  sequence: (shown: string, context: string) => ({
    zh: `终端控制序列“${shown}”，不是正文内容（其中控制字符以外的部分会被印出）：${context}`,
    en: `a terminal escape sequence “${shown}” is not text (all but its control characters would be printed): ${context}`,
  }),
  controlHint: { zh: '删去它（可运行 bulletin fix 自动删除）', en: 'delete it (bulletin fix does it)' },
} as const;

/** A CSI or OSC terminal escape sequence, or a two-character escape, starting at ESC. */
const SEQUENCE = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b\n]{0,200}(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/y;

export const unprintedCharacters: NamedRule = {
  meta: [INVISIBLE, CONTROL],
  create(ctx) {
    const invisible: Diagnostic[] = [];
    const control: Diagnostic[] = [];
    // Every unit, debris lines too: whatever is left in the file after fixing is clean.
    for (const u of textUnits(ctx)) {
      let covered = -1; // source offset up to which a reported escape sequence reaches
      for (const p of u.unprinted) {
        const context = () => excerptMarked(u.text, p.index, p.ch);
        if (isInvisible(p.ch)) {
          const { loc, fix } = unprintedAt(u, p.offset, p.ch);
          invisible.push(
            diagnostic(INVISIBLE.id, INVISIBLE.severity, loc, SAY.invisible(codePointLabels(p.ch), context()), {
              hint: SAY.invisibleHint,
              ...(fix ? { fix } : {}),
            }),
          );
        }
        if (!isControl(p.ch) || (p.offset >= 0 && p.offset < covered)) continue;
        let found = p.ch;
        if (p.ch === '\x1b' && p.offset >= 0) {
          SEQUENCE.lastIndex = p.offset;
          found = SEQUENCE.exec(u.src.text)?.[0] ?? p.ch;
          covered = p.offset + found.length;
        }
        const { loc, fix } = unprintedAt(u, p.offset, found);
        const message = found.length > 1 ? SAY.sequence(visible(found, false), context()) : SAY.control(codePointLabels(found), context());
        control.push(diagnostic(CONTROL.id, CONTROL.severity, loc, message, { hint: SAY.controlHint, ...(fix ? { fix } : {}) }));
      }
    }
    return [...invisible, ...control];
  },
};
