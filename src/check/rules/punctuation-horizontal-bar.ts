/**
 * punctuation/horizontal-bar: "―" (U+2015 HORIZONTAL BAR) where the Chinese dash "—" (U+2014) is
 * meant. Text converted from GBK by Windows code page 936 turns the dash of GB 2312 into U+2015, so
 * a pasted "――" looks right on screen, yet the layout does not know it as the dash: its halves may
 * part at a line end and are drawn as two marks. `bulletin fix` writes U+2014 for each.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/index.js';
import type { NamedRule } from '../context.js';
import { charAt, charBefore, excerpt, fixAt, isChinese, locAt, proseUnits } from '../text.js';

export const HORIZONTAL_BAR = {
  id: 'punctuation/horizontal-bar',
  severity: 'warning',
  message: (found: string, context: string) => ({
    zh: `“${found}”是横线符号（U+2015），不是中文破折号用的“—”（U+2014）：${context}`,
    en: `“${found}” is the horizontal bar (U+2015), not the dash “—” (U+2014) Chinese text uses: ${context}`,
  }),
  hint: (to: string) => ({ zh: `改为“${to}”（可运行 bulletin fix 自动修正）`, en: `change it to “${to}” (bulletin fix does it)` }),
} as const;

const BARS = /―+/g;

export const horizontalBar: NamedRule = {
  meta: [
    {
      id: HORIZONTAL_BAR.id,
      severity: HORIZONTAL_BAR.severity,
      fixable: true,
      stage: 'check',
      source: { standard: 'GB/T 15834-2011', clause: '4.10' },
      description: { zh: '“―”（U+2015）误作破折号“—”', en: '― (U+2015) where the dash — is meant' },
    },
  ],
  create(ctx) {
    const out: Diagnostic[] = [];
    for (const u of proseUnits(ctx)) {
      for (const m of u.text.matchAll(BARS)) {
        const i = m.index!;
        const end = i + m[0].length;
        if (!isChinese(charBefore(u.text, i)) && !isChinese(charAt(u.text, end))) continue;
        const to = '—'.repeat(m[0].length);
        const fix = fixAt(u, i, m[0].length, to);
        out.push(
          diagnostic(HORIZONTAL_BAR.id, HORIZONTAL_BAR.severity, locAt(u, i), HORIZONTAL_BAR.message(m[0], excerpt(u.text, i, m[0].length)), {
            hint: HORIZONTAL_BAR.hint(to),
            ...(fix ? { fix } : {}),
          }),
        );
      }
    }
    return out;
  },
};
