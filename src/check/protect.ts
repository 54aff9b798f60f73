/**
 * Stretches of a source that are not Chinese prose, where the punctuation and spacing rules have
 * nothing to say and `bulletin fix` must change nothing: inline code (`a,b`), web and e-mail
 * addresses (https://x.cn/?a=1&b=2), HTML tags and character references (&nbsp; must never become
 * &nbsp；). One filter applied to every such rule, so no rule can forget it.
 */
import type { Diagnostic } from '../diagnostics/index.js';
import type { SourceText } from '../model/index.js';

const PROTECTED = new RegExp(
  [
    /(`+)[^`\n]+?\1/.source, // inline code
    /\b(?:https?|ftp):\/\/[!-~]+/.source, // web addresses (ASCII only; trailing marks are trimmed below)
    /\bwww\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:\/[!-~]*)?/.source,
    /(?<![\w.+-])[\w.+-]{1,64}@[\w-]+(?:\.[\w-]+)+/.source, // e-mail addresses (tried only where a word starts)
    /<\/?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s[^<>\n]{0,500})?\/?>/.source, // HTML tags
    /&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});/.source, // character references
  ].join('|'),
  'g',
);

/** Marks that end a sentence rather than an address: `见https://x.cn/a, 详见…` keeps its comma outside. */
const TRAILING = /[.,;:!?)\]}'"]+$/;

const cache = new WeakMap<SourceText, [number, number][]>();

/** The protected stretches of a source as [start, end) UTF-16 offsets. */
export function protectedSpans(src: SourceText): [number, number][] {
  let spans = cache.get(src);
  if (!spans) {
    spans = [];
    for (const m of src.text.matchAll(PROTECTED)) {
      let text = m[0];
      if (/^(?:https?|ftp):|^www\./i.test(text)) text = text.replace(TRAILING, '');
      spans.push([m.index!, m.index! + text.length]);
    }
    cache.set(src, spans);
  }
  return spans;
}

/** Rules about Chinese prose; the invisible- and control-character rules look everywhere. */
const PROSE_RULE = /^(?:punctuation|text)\//;
const EVERYWHERE = new Set(['text/invisible', 'text/control-character', 'text/web-debris']);

/** Drop prose-rule diagnostics that point into, or would edit, a protected stretch. */
export function outsideProtected(ds: Diagnostic[], sources: Map<string, SourceText>): Diagnostic[] {
  return ds.filter((d) => {
    if (!PROSE_RULE.test(d.rule) || EVERYWHERE.has(d.rule)) return true;
    const src = sources.get(d.loc.file);
    if (!src) return true;
    const spans = protectedSpans(src);
    if (!spans.length) return true;
    const inside = (start: number, end: number) => spans.some(([s, e]) => start < e && s < Math.max(end, start + 1));
    if (inside(src.offset(d.loc.line, d.loc.column), src.offset(d.loc.line, d.loc.column) + 1)) return false;
    for (const f of d.fix ?? []) {
      if (f.convert || f.loc.file !== d.loc.file) continue;
      const start = src.offset(f.loc.line, f.loc.column);
      if (inside(start, start + f.length)) return false;
    }
    return true;
  });
}
