/**
 * text/pasted-bullet: a list pasted from Word or a web page keeps its bullet as a character at the
 * start of each item (• ● ▪ ◆ ➢ √ …, or a private-use code point of Word's Symbol and Wingdings
 * fonts such as U+F0B7). Markdown does not take these for a list, so nothing else says a word:
 * the bullet and the blank after it were printed as written (or, for a private-use one, stopped
 * the build as a character no font has). Official text numbers its items (GB/T 9704 §7.3.3), so
 * this is a warning without a fix: numbering them, or running them into the text, is the
 * author's choice.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/index.js';
import type { NamedRule } from '../context.js';
import { locAt, proseUnits } from '../text.js';

/** Bullets a paragraph can open with, after any blanks: Word's list bullets and their web forms. */
const BULLET = /^[ \t\u3000]*([•●○◦▪▫■□◆◇♦❖➢➤►▶√✓✔·・\uf06c\uf06e\uf075\uf076\uf0a7\uf0a8\uf0b7\uf0d8\uf0e0\uf0fc])[ \t\u00a0\u3000]*/u;

/** Word's symbol-font bullets live in the Private Use Area: no font has a glyph for them. */
function isPrivateUse(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return c >= 0xe000 && c <= 0xf8ff;
}

export const pastedBullet: NamedRule = {
  meta: [
    {
      id: 'text/pasted-bullet',
      severity: 'warning',
      fixable: false,
      stage: 'check',
      source: { standard: 'GB/T 9704-2012', clause: '7.3.3' },
      description: { zh: '段首有从 Word 带来的项目符号（•、●、▪ 等）', en: 'a bullet pasted from Word (•, ●, ▪ …) opens a paragraph' },
    },
  ],
  create(ctx) {
    const out: Diagnostic[] = [];
    for (const u of proseUnits(ctx)) {
      if (u.kind !== 'paragraph') continue;
      const m = BULLET.exec(u.text);
      if (!m || m[0].length >= u.text.length) continue;
      const bullet = m[1];
      const at = m[0].indexOf(bullet);
      const item = [...u.text.slice(m[0].length)].slice(0, 12).join('');
      const code = `U+${bullet.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      const what = isPrivateUse(bullet)
        ? { zh: ` ${code}（Word 符号字体里的圆点，任何字体都没有这个字，印不出）`, en: `${code} (a bullet of Word’s Symbol font that no font prints)` }
        : { zh: `“${bullet}”，会照原样印出`, en: `“${bullet}” (printed as written)` };
      out.push(
        diagnostic(
          'text/pasted-bullet',
          'warning',
          locAt(u, at),
          {
            zh: `段首是从 Word 带来的项目符号${what.zh}：${item}`,
            en: `a bullet pasted from Word opens the paragraph, ${what.en}: ${item}`,
          },
          {
            hint: {
              zh: '公文条目不用项目符号：删去它，改用“1.”“（1）”等序号，或把各条写成连贯的段落',
              en: 'official text uses no bullets: delete it and number the items (1., （1）) or run them into the text',
            },
          },
        ),
      );
    }
    return out;
  },
};
