/**
 * punctuation/half-width: half-width , : ; ( ) ? ! in Chinese text become ，：；（）？！
 * (GB/T 15834). Numbers (1,000 · 10:30), web addresses and Latin text keep theirs.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/index.js';
import type { NamedRule } from '../context.js';
import { charAt, charBefore, excerpt, fixAt, isChinese, locAt, proseUnits, type TextUnit } from '../text.js';

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '?': '？', '!': '！' };
const DIGIT = /^[0-9]$/;

/** Index of the nearest non-blank character left (−1) or right (+1) of i, or −1 at the edge. */
function neighbour(text: string, i: number, step: -1 | 1): number {
  let k = i + step;
  while (k >= 0 && k < text.length && (text[k] === ' ' || text[k] === '\t')) k += step;
  return k >= 0 && k < text.length ? k : -1;
}

function chineseAround(text: string, i: number): boolean {
  const l = neighbour(text, i, -1);
  const r = neighbour(text, i, 1);
  return (l >= 0 && isChinese(charBefore(text, l + 1))) || (r >= 0 && isChinese(charAt(text, r)));
}

/** Which half-width marks of a unit are in Chinese context. */
const ANY = /[,:;()?!]/;

export function halfWidthMarks(text: string): number[] {
  if (!ANY.test(text)) return [];
  const marks: number[] = [];
  const open: number[] = [];
  const pairs = new Map<number, number>();
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') open.push(i);
    else if (text[i] === ')' && open.length) pairs.set(open.pop()!, i);
  }
  const parenChinese = new Map<number, boolean>();
  for (const [o, c] of pairs) {
    const zh = chineseAround(text, o) || chineseAround(text, c);
    parenChinese.set(o, zh);
    parenChinese.set(c, zh);
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (!(ch in FULL)) continue;
    if (ch === '(' || ch === ')') {
      if (parenChinese.get(i) ?? chineseAround(text, i)) marks.push(i);
      continue;
    }
    // 1,000 and 10:30 keep their marks; so do http:// and Latin text.
    if ((ch === ',' || ch === ':') && DIGIT.test(text[i - 1] ?? '') && DIGIT.test(text[i + 1] ?? '')) continue;
    if (ch === ':' && text.startsWith('//', i + 1)) continue;
    if (chineseAround(text, i)) marks.push(i);
  }
  return marks;
}

export const halfWidthPunctuation: NamedRule = {
  meta: [{ id: 'punctuation/half-width', severity: 'warning', fixable: true, stage: 'check', source: { standard: 'GB/T 15834-2011', clause: '3 (形式)' }, description: { zh: '中文里用了半角标点', en: "half-width punctuation in Chinese text" } }],
  create(ctx) {
    const out: Diagnostic[] = [];
    for (const u of proseUnits(ctx)) out.push(...check(u));
    return out;
  },
};

function check(u: TextUnit): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const i of halfWidthMarks(u.text)) {
    const ch = u.text[i];
    const full = FULL[ch];
    // Blanks typed around the mark (“你好, 世界”) go with it: a full-width mark carries its own space.
    let s = i;
    let e = i + 1;
    while (e < u.text.length && (u.text[e] === ' ' || u.text[e] === '\t')) e++;
    while (s > 0 && (u.text[s - 1] === ' ' || u.text[s - 1] === '\t')) s--;
    // Keep blanks that separate a bracket from Latin text outside it, and blanks at the edges.
    if (e === u.text.length || (ch === ')' && !isChinese(charAt(u.text, e)))) e = i + 1;
    if (s === 0 || (ch === '(' && !isChinese(charBefore(u.text, s)))) s = i;
    const fix = fixAt(u, s, e - s, full) ?? fixAt(u, i, 1, full);
    out.push(
      diagnostic(
        'punctuation/half-width',
        'warning',
        locAt(u, i),
        { zh: `中文里用了半角标点“${ch}”，应为全角“${full}”：${excerpt(u.text, i, 1)}`, en: `half-width “${ch}” in Chinese text should be the full-width “${full}”: ${excerpt(u.text, i, 1)}` },
        { hint: { zh: `把“${ch}”改为“${full}”（可运行 bulletin fix 自动修正）`, en: `change “${ch}” to “${full}” (bulletin fix does it)` }, ...(fix ? { fix } : {}) },
      ),
    );
  }
  return out;
}
