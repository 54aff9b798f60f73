/** An imported article as the archive's Markdown: YAML front matter, one paragraph per line. */
import { stringify } from 'yaml';
import type { ImportedArticle } from './types.js';

/** Characters that would start Markdown inline syntax: written as themselves. */
function escapeInline(s: string): string {
  return s.replace(/[\\`*_[\]<]/g, '\\$&').replace(/&(?=#?\w+;)/g, '\\&');
}

/** A line start that would open a list, quote, heading, fence or rule: its first mark escaped. */
function escapeStart(s: string): string {
  if (/^\d{1,9}[.)](?:[ \t]|$)/.test(s)) return s.replace(/^(\d+)([.)])/, '$1\\$2');
  return /^[-+=#>~|]/.test(s) ? `\\${s}` : s;
}

export function articleMarkdown(a: ImportedArticle): string {
  const front = stringify({ title: a.title, source: a.sources.length === 1 ? a.sources[0] : a.sources.length ? a.sources : '' }, { lineWidth: 0 });
  const lines = a.blocks.map((b) => {
    if (b.kind === 'heading') return `${'#'.repeat(b.level)} ${escapeInline(b.text)}`;
    const text = escapeInline(b.text);
    return b.lead ? `**${escapeInline(b.lead)}**${text}` : escapeStart(text);
  });
  return `---\n${front}---\n${lines.join('\n')}\n`;
}
