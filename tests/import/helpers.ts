import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SourceText, parseArticle } from '../../src/model/index.js';
import type { Block } from '../../src/model/index.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');

export const UNITS = [
  '天元区委组织部',
  '芦淞区委组织部',
  '荷塘区委组织部',
  '攸县县委组织部',
  '醴陵市委组织部',
  '茶陵县委组织部',
  '炎陵县委组织部',
  '市委组织部干部一科',
];

/** A new archive with only bulletin.yaml (as `bulletin init` would leave it), fonts pinned. */
export function newArchive(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'bulletin-import-'));
  writeFileSync(
    path.join(root, 'bulletin.yaml'),
    [
      'series: 株洲组织工作信息',
      'office: 中共株洲市委组织部办公室',
      'numbering: yearly',
      'units:',
      ...UNITS.map((u) => `  - ${u}`),
      'fonts: { system: false }',
      '',
    ].join('\n'),
  );
  mkdirSync(path.join(root, 'in'));
  return root;
}

/** Every file under a folder with its bytes, for proving nothing changed. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = path.join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out[path.relative(dir, p)] = readFileSync(p).toString('base64');
    }
  };
  walk(dir);
  return out;
}

/** An article file as the model reads it: title, sources and blocks as [kind, text, lead?]. */
export function readArticle(file: string) {
  return modelOf(readFileSync(file, 'utf8'));
}

/** Markdown as the model reads it. */
export function modelOf(markdown: string) {
  const src = new SourceText('a.md', markdown);
  const parsed = parseArticle(src);
  const a = parsed.article!;
  return {
    title: a.title,
    sources: a.sources,
    blocks: a.blocks.map((b: Block) => {
      const lead = b.runs
        .filter((r) => r.style === 'lead')
        .map((r) => r.text)
        .join('');
      const text = b.runs.map((r) => r.text).join('');
      return b.kind === 'heading' ? `h${b.level} ${text}` : lead ? `**${lead}**${text.slice(lead.length)}` : text;
    }),
    diagnostics: parsed.diagnostics,
  };
}
