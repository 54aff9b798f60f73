/** text/full-width-digit: numbers are written with half-width digits (２０２６年 → 2026年, GB/T 15835). */
import { diagnostic, type Diagnostic } from '../../diagnostics/index.js';
import type { NamedRule } from '../context.js';
import { excerpt, fixAt, locAt, proseUnits } from '../text.js';

const RUN = /[０-９]+(?:[．，：][０-９]+)*/g;

export function halfWidthDigits(s: string): string {
  return s.replace(/[０-９．，：]/g, (c) => (c === '．' ? '.' : c === '，' ? ',' : c === '：' ? ':' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

export const fullWidthDigits: NamedRule = {
  meta: [{ id: 'text/full-width-digit', severity: 'warning', fixable: true, stage: 'check', source: { standard: 'GB/T 15835-2011', clause: '4.2' }, description: { zh: '数字用半角阿拉伯数字', en: "numbers use half-width digits" } }],
  create(ctx) {
    const out: Diagnostic[] = [];
    for (const u of proseUnits(ctx)) {
      for (const m of u.text.matchAll(RUN)) {
        const i = m.index!;
        const to = halfWidthDigits(m[0]);
        const fix = fixAt(u, i, m[0].length, to);
        out.push(
          diagnostic(
            'text/full-width-digit',
            'warning',
            locAt(u, i),
            { zh: `数字“${m[0]}”用了全角字符，应为半角“${to}”：${excerpt(u.text, i, m[0].length)}`, en: `the number “${m[0]}” uses full-width digits; write “${to}”: ${excerpt(u.text, i, m[0].length)}` },
            { hint: { zh: `改为“${to}”（可运行 bulletin fix 自动修正）`, en: `change it to “${to}” (bulletin fix does it)` }, ...(fix ? { fix } : {}) },
          ),
        );
      }
    }
    return out;
  },
};
