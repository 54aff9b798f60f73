/**
 * punctuation/half-width: half-width , : ; ( ) ? ! in Chinese text become ，：；（）？！
 * (GB/T 15834). Numbers (1,000 · 10:30), web addresses and Latin text keep theirs.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/index.js';
import type { NamedRule } from '../context.js';
// The decision (which marks stand in Chinese text) lives in the model: layout sets the same marks full-width.
import { halfWidthSpans } from '../../model/index.js';
import { excerpt, fixAt, locAt, proseUnits, type TextUnit } from '../text.js';

export const halfWidthPunctuation: NamedRule = {
  meta: [
    {
      id: 'punctuation/half-width',
      severity: 'warning',
      fixable: true,
      stage: 'check',
      source: { standard: 'GB/T 15834-2011', clause: '5.1（横排文稿标点符号的位置和书写形式）' },
      description: { zh: '中文里用了半角标点', en: 'half-width punctuation in Chinese text' },
    },
  ],
  create(ctx) {
    const out: Diagnostic[] = [];
    for (const u of proseUnits(ctx)) out.push(...check(u));
    return out;
  },
};

function check(u: TextUnit): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { index: i, start: s, end: e, full } of halfWidthSpans(u.text)) {
    const ch = u.text[i];
    const fix = fixAt(u, s, e - s, full) ?? fixAt(u, i, 1, full);
    out.push(
      diagnostic(
        'punctuation/half-width',
        'warning',
        locAt(u, i),
        {
          zh: `中文里用了半角标点“${ch}”，应为全角“${full}”：${excerpt(u.text, i, 1)}`,
          en: `half-width “${ch}” in Chinese text should be the full-width “${full}”: ${excerpt(u.text, i, 1)}`,
        },
        {
          hint: { zh: `把“${ch}”改为“${full}”（可运行 bulletin fix 自动修正）`, en: `change “${ch}” to “${full}” (bulletin fix does it)` },
          ...(fix ? { fix } : {}),
        },
      ),
    );
  }
  return out;
}
