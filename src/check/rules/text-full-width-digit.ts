/** text/full-width-digit: numbers are written with half-width digits (２０２６年 → 2026年, GB/T 15835). */
import type { NamedRule } from '../context.js';
import { patternRule } from './pattern.js';
import { excerpt } from '../text.js';

const RUN = /[０-９]+(?:[．，：][０-９]+)*/g;

export function halfWidthDigits(s: string): string {
  return s.replace(/[０-９．，：]/g, (c) => (c === '．' ? '.' : c === '，' ? ',' : c === '：' ? ':' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

export const fullWidthDigits: NamedRule = patternRule(
  {
    id: 'text/full-width-digit',
    severity: 'warning',
    fixable: true,
    stage: 'check',
    source: { standard: 'GB/T 15835-2011', clause: '5.1（阿拉伯数字的使用）' },
    description: { zh: '数字用半角阿拉伯数字', en: 'numbers use half-width digits' },
  },
  RUN,
  (m, u) => {
    const i = m.index!;
    const to = halfWidthDigits(m[0]);
    return {
      at: i,
      length: m[0].length,
      replacement: to,
      message: {
        zh: `数字“${m[0]}”用了全角字符，应为半角“${to}”：${excerpt(u.text, i, m[0].length)}`,
        en: `the number “${m[0]}” uses full-width digits; write “${to}”: ${excerpt(u.text, i, m[0].length)}`,
      },
      hint: { zh: `改为“${to}”（可运行 bulletin fix 自动修正）`, en: `change it to “${to}” (bulletin fix does it)` },
    };
  },
);
