/**
 * heading/sequence: numbered headings count up without gaps at each level —
 * 一、二、三、 · （一）（二） · 1. 2. · （1）（2） — and a higher level restarts the lower ones
 * (GB/T 9704 §7.3.3). Reported: 一、 followed by 三、.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/index.js';
import type { NamedRule } from '../context.js';
import { locAt, proseUnits, type TextUnit } from '../text.js';

const DIGITS = '零一二三四五六七八九';

/** 一 … 九十九 as a number, or undefined. */
export function chineseNumber(s: string): number | undefined {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return undefined;
  if (!m[2]) return m[1] && !m[3] ? DIGITS.indexOf(m[1]) : undefined;
  return (m[1] ? DIGITS.indexOf(m[1]) : 1) * 10 + (m[3] ? DIGITS.indexOf(m[3]) : 0);
}

export function toChinese(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  return `${tens > 1 ? DIGITS[tens] : ''}十${n % 10 ? DIGITS[n % 10] : ''}`;
}

const LEVELS: { re: RegExp; read: (s: string) => number | undefined; show: (n: number) => string }[] = [
  { re: /^([一二三四五六七八九十]{1,3})、/, read: chineseNumber, show: (n) => `${toChinese(n)}、` },
  { re: /^[（(]([一二三四五六七八九十]{1,3})[）)]/, read: chineseNumber, show: (n) => `（${toChinese(n)}）` },
  { re: /^(\d{1,2})[.．、](?!\d)/, read: Number, show: (n) => `${n}.` },
  { re: /^[（(](\d{1,2})[）)]/, read: Number, show: (n) => `（${n}）` },
];

export function headingNumber(text: string): { level: number; n: number; marker: string } | undefined {
  for (let level = 0; level < LEVELS.length; level++) {
    const m = LEVELS[level].re.exec(text);
    if (!m) continue;
    const n = LEVELS[level].read(m[1]);
    if (n !== undefined && n > 0) return { level, n, marker: m[0] };
  }
  return undefined;
}

export const headingSequence: NamedRule = {
  meta: [
    {
      id: 'heading/sequence',
      severity: 'warning',
      fixable: false,
      stage: 'check',
      source: { standard: 'GB/T 9704-2012', clause: '7.3.3' },
      description: { zh: '层次序数一、（一）1.（1）依次连续编号', en: 'numbered headings count up without gaps at each level' },
    },
  ],
  create(ctx) {
    const out: Diagnostic[] = [];
    let article: unknown;
    let counters = [0, 0, 0, 0];
    for (const u of proseUnits(ctx)) {
      if (u.kind !== 'heading' && u.kind !== 'paragraph') continue;
      if (u.article !== article) {
        article = u.article;
        counters = [0, 0, 0, 0];
      }
      const h = headingNumber(u.text);
      if (!h) continue;
      const expected = counters[h.level] + 1;
      if (h.n !== expected) out.push(report(u, h, expected, counters[h.level]));
      counters[h.level] = h.n;
      for (let k = h.level + 1; k < counters.length; k++) counters[k] = 0;
    }
    return out;
  },
};

function report(u: TextUnit, h: { level: number; n: number; marker: string }, expected: number, previous: number): Diagnostic {
  const show = LEVELS[h.level].show;
  const want = show(expected);
  return diagnostic(
    'heading/sequence',
    'warning',
    locAt(u, 0),
    previous
      ? {
          zh: `标题序号不连续：上一个是“${show(previous)}”，这里是“${h.marker}”`,
          en: `heading numbers out of sequence: “${h.marker}” follows “${show(previous)}”`,
        }
      : { zh: `这一层的第一个标题应从“${want}”开始，这里是“${h.marker}”`, en: `the first heading of this level should be “${want}”, not “${h.marker}”` },
    { hint: { zh: `应为“${want}”；若中间漏了一节，请补上`, en: `it should be “${want}”; if a section is missing, add it` } },
  );
}
