/**
 * The one way a new issue.yaml is written (by `new` and by `import`): the keys in the order the
 * README documents them, so every manifest the tool starts looks the same and reads back as written.
 */
import { formatDate, type CalendarDate } from '../dates.js';

export interface ManifestFields {
  number: number;
  date: CalendarDate;
  total?: number;
  articles: string[];
  /** A comment line printed above the article list (the template's hint), without the `#`. */
  articlesComment?: string;
  editorNote?: string;
  /** Lines carried over verbatim from the previous issue's manifest (distribution, copies). */
  carried?: string[];
}

export function manifestText(m: ManifestFields): string {
  const lines = [`number: ${m.number}`, `date: ${formatDate(m.date)}`];
  if (m.total !== undefined) lines.push(`total: ${m.total}`);
  lines.push('articles:');
  if (m.articlesComment) lines.push(`  # ${m.articlesComment}`);
  lines.push(...m.articles.map((a) => `  - ${a}`));
  // A block scalar, each line indented: a note of several lines stays valid YAML.
  if (m.editorNote) lines.push('editor_note: |', ...m.editorNote.split('\n').map((l) => (l ? `  ${l}` : '')));
  if (m.carried) lines.push(...m.carried);
  return `${lines.join('\n')}\n`;
}
