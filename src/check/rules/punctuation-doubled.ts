/**
 * punctuation/doubled: the same pause or stop mark twice in a row (。。 ，， 、、 ；； ：：), a
 * slip of the keyboard or of pasting. One is meant; `bulletin fix` keeps one. Repeated ！ and ？
 * express strong feeling and are left alone; three or more 。 are an ellipsis (text/ellipsis).
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/index.js';
import type { NamedRule } from '../context.js';
import { excerpt, fixAt, locAt, proseUnits } from '../text.js';

export const DOUBLED_MARK = {
  id: 'punctuation/doubled',
  severity: 'warning',
  message: (mark: string, found: string, context: string) => ({
    zh: `标点“${mark}”重复（“${found}”）：${context}`,
    en: `the mark “${mark}” is doubled (“${found}”): ${context}`,
  }),
  hint: (mark: string) => ({ zh: `只保留一个“${mark}”（可运行 bulletin fix 自动修正）`, en: `keep one “${mark}” (bulletin fix does it)` }),
} as const;

const DOUBLED = /([，、；：])\1+|。。(?!。)/g;

export const doubledMarks: NamedRule = {
  meta: [
    {
      id: DOUBLED_MARK.id,
      severity: DOUBLED_MARK.severity,
      fixable: true,
      stage: 'check',
      source: { standard: 'GB/T 15834-2011', clause: '4.1, 4.4–4.7' },
      description: { zh: '同一标点连用两次（。。，，、、）', en: 'the same mark twice in a row (。。 ，， 、、)' },
    },
  ],
  create(ctx) {
    const out: Diagnostic[] = [];
    for (const u of proseUnits(ctx)) {
      for (const m of u.text.matchAll(DOUBLED)) {
        const i = m.index!;
        if (m[0][0] === '。' && u.text[i - 1] === '。') continue; // 。。。 is an ellipsis
        const mark = m[0][0];
        const fix = fixAt(u, i + 1, m[0].length - 1, '');
        out.push(
          diagnostic(DOUBLED_MARK.id, DOUBLED_MARK.severity, locAt(u, i + 1), DOUBLED_MARK.message(mark, m[0], excerpt(u.text, i, m[0].length)), {
            hint: DOUBLED_MARK.hint(mark),
            ...(fix ? { fix } : {}),
          }),
        );
      }
    }
    return out;
  },
};
