/**
 * text/ellipsis: the Chinese ellipsis is …… (two U+2026, GB/T 15834 §4.11), not "...", "。。。",
 * "···" or a single "…".
 */
import type { NamedRule } from '../context.js';
import { patternRule } from './pattern.js';
import { charAt, charBefore, excerpt, isChinese } from '../text.js';

const CANDIDATES = /\.{3,}|。{3,}|．{3,}|[·・]{3,}|…+/g;

export const ellipsis: NamedRule = patternRule(
  {
    id: 'text/ellipsis',
    severity: 'warning',
    fixable: true,
    stage: 'check',
    source: { standard: 'GB/T 15834-2011', clause: '4.11' },
    description: { zh: '省略号应为“……”', en: 'the Chinese ellipsis is ……' },
  },
  CANDIDATES,
  (m, u) => {
    const s = m[0];
    const i = m.index!;
    if (s[0] === '…' && (s.length === 2 || s.length === 4)) return undefined;
    if (s[0] === '…' && s.length > 4) return undefined; // a long row of dots marks omitted paragraphs
    // "..." in Latin text (etc...) is left alone; beside Chinese, or ending a Chinese sentence, it is an ellipsis.
    if (s[0] === '.' && !isChinese(charBefore(u.text, i)) && !isChinese(charAt(u.text, i + s.length))) return undefined;
    return {
      at: i,
      length: s.length,
      replacement: '……',
      message: {
        zh: `省略号应为“……”，这里是“${s}”：${excerpt(u.text, i, s.length)}`,
        en: `the ellipsis should be “……”, not “${s}”: ${excerpt(u.text, i, s.length)}`,
      },
      hint: { zh: '改为“……”（两个省略号字符，可运行 bulletin fix 自动修正）', en: 'change it to “……” (two U+2026; bulletin fix does it)' },
    };
  },
);
