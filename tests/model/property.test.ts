/**
 * No input crashes the parsers or the checks: random and mangled YAML, Markdown, binary bytes,
 * huge files and deep nesting all end in diagnostics, never an exception.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRaw, decodeText, listIssueDirs, readText } from '../../src/archive/index.js';
import { checkIssue } from '../../src/check/index.js';
import { checkArchive } from '../../src/check/run.js';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { fixIssues } from '../../src/fix/index.js';
import { parseArticle, parseSeries, parseYaml, SourceText, type Issue, type SeriesConfig } from '../../src/model/index.js';

const MANIFEST =
  '# 第1期\nnumber: 1\ndate: 2026-01-12\ntotal: 141\narticles:\n  - a.md\n  - b.md\ndistribution:\n  报: [省委组织部, 市委常委]\ncopies: 120\neditor_note: |\n  本期刊发，供学习借鉴。\n';
const ARTICLE =
  '---\ntitle: 我市推进“智慧党建”工作\nsource: [天元区委组织部, 芦淞区委组织部]\nnote: 编者按内容。\n---\n今年以来,我市(一)推进工作;成效明显!\n**强化组织建设。**新建中心12个...\n# 一、主要做法\n## （一）织密网格\n1. 科学划分\n> 引用内容\n    缩进的代码\n（供稿单位：天元区委组织部）\n';
const SPECIAL = [...'-:#[]{}&*!|>\'"%@`,?\n\t \\　“”‘’（）《》，。：；…—*_~<>()`', '---', '\r\n', '**', '\ufeff', '\u0000', '𠮷'];

/** A text with random edits: characters from `alphabet` inserted, deleted or replaced. */
function mangled(base: string, alphabet: string[]) {
  const edit = fc.record({
    at: fc.nat(),
    kind: fc.constantFrom('insert', 'delete', 'replace'),
    ch: fc.constantFrom(...alphabet),
    n: fc.integer({ min: 1, max: 4 }),
  });
  return fc.array(edit, { maxLength: 12 }).map((edits) => {
    let s = base;
    for (const e of edits) {
      const at = s.length ? e.at % (s.length + 1) : 0;
      if (e.kind === 'insert') s = s.slice(0, at) + e.ch.repeat(e.n) + s.slice(at);
      else if (e.kind === 'delete') s = s.slice(0, at) + s.slice(at + e.n);
      else s = s.slice(0, at) + e.ch + s.slice(at + 1);
    }
    return s;
  });
}

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.string({ unit: fc.constantFrom(...SPECIAL), maxLength: 300 }),
);

function wellPlaced(ds: Diagnostic[], src: SourceText): void {
  for (const d of ds) {
    expect(d.loc.line).toBeGreaterThanOrEqual(1);
    expect(d.loc.column).toBeGreaterThanOrEqual(1);
    if (d.loc.file === src.file) expect(d.loc.line).toBeLessThanOrEqual(src.lineCount);
    expect(d.message.zh && d.message.en).toBeTruthy();
  }
}

const SERIES: SeriesConfig = {
  series: 'S',
  office: 'O',
  numbering: 'yearly',
  units: ['天元区委组织部'],
  style: undefined,
  fonts: { system: false, roles: {} },
  file: 'bulletin.yaml',
};

/** Parse an article and run every rule on it, as one issue of one article. */
function checkText(text: string): Diagnostic[] {
  const src = new SourceText('issues/2026/1/a.md', text);
  const a = parseArticle(src);
  wellPlaced(a.diagnostics, src);
  if (!a.article) return a.diagnostics;
  const issue: Issue = {
    year: 2026,
    number: 1,
    date: { year: 2026, month: 1, day: 12 },
    dateLoc: { file: 'issues/2026/1/issue.yaml', line: 2, column: 7 },
    supplement: false,
    editorNote: [],
    articles: [a.article],
    distribution: [],
    file: 'issues/2026/1/issue.yaml',
    dir: 'issues/2026/1',
  };
  const ds = checkIssue({ root: '/nonexistent-archive', series: SERIES, issue, sources: new Map([[src.file, src]]), all: [] });
  wellPlaced(ds, src);
  expect(ds.filter((d) => d.rule === 'internal/rule-failed')).toEqual([]);
  for (const d of ds) for (const f of d.fix ?? []) expect(f.length).toBeGreaterThanOrEqual(0);
  return [...a.diagnostics, ...ds];
}

describe('no input crashes the parsers', () => {
  it('decodes any bytes to text or a named encoding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const r = decodeText(bytes);
        const raw = decodeRaw(bytes);
        expect(r.ok || r.reason === 'encoding').toBe(true);
        expect(['utf-8', 'gb18030', 'utf-16le', 'utf-16be', 'binary']).toContain(raw.encoding);
      }),
      { numRuns: 400 },
    );
  });

  it('reads any text and mangled manifests as YAML with diagnostics in range', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, mangled(MANIFEST, SPECIAL)), (text) => {
        const src = new SourceText('issue.yaml', text);
        const r = parseYaml(src, 0, text, ['number', 'date', 'articles']);
        wellPlaced(r.diagnostics, src);
        const s = parseSeries(new SourceText('bulletin.yaml', text));
        wellPlaced(s.diagnostics, new SourceText('bulletin.yaml', text));
      }),
      { numRuns: 300 },
    );
  });

  it('reads any text and mangled articles, and every rule runs on them', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          mangled(ARTICLE, SPECIAL),
          anyText.map((t) => `---\ntitle: 标题\nsource: 天元区委组织部\n---\n${t}`),
        ),
        (text) => void checkText(text),
      ),
      {
        numRuns: 300,
      },
    );
  });

  it('deep nesting and pathological Markdown end in diagnostics', () => {
    const head = '---\ntitle: 标题\nsource: 天元区委组织部\n---\n';
    const bodies = [
      '> '.repeat(20000) + 'x',
      Array.from({ length: 3000 }, (_, i) => '  '.repeat(i) + '- x').join('\n'),
      '- '.repeat(20000) + 'x',
      '*'.repeat(100000) + 'a' + '*'.repeat(100000),
      '[a]('.repeat(30000),
      '**中文。**'.repeat(20000),
      '“'.repeat(50000) + '（'.repeat(50000),
      ',中'.repeat(100000),
    ];
    // No stopwatch here (a loaded machine made it fail at 18 s): the test timeout bounds a runaway
    // parse, and speed is measured by the benchmark.
    for (const body of bodies) {
      const ds = checkText(head + body);
      expect(Array.isArray(ds), body.slice(0, 20)).toBe(true);
    }
    const yaml = '---\n' + 'a: '.repeat(1) + '['.repeat(200000) + '\n---\n正文\n';
    expect(parseArticle(new SourceText('a.md', yaml)).diagnostics[0].rule).toBe('yaml/syntax');
  });

  it('refuses a huge file by its size instead of parsing it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-huge-'));
    const file = path.join(dir, 'a.md');
    writeFileSync(file, Buffer.alloc(3 * 1024 * 1024, 0x41));
    expect(readText(dir, file)).toMatchObject({ ok: false, reason: 'too-large' });
  });
});

describe('no archive content crashes the check or the fix', () => {
  function archive(files: Record<string, string | Uint8Array>): string {
    const root = mkdtempSync(path.join(tmpdir(), 'bulletin-prop-'));
    writeFileSync(path.join(root, 'bulletin.yaml'), 'series: S\noffice: O\nunits: [天元区委组织部]\nfonts: { system: false }\n');
    mkdirSync(path.join(root, 'issues/2026/1'), { recursive: true });
    for (const [name, data] of Object.entries(files)) writeFileSync(path.join(root, 'issues/2026/1', name), data);
    return root;
  }

  it('random bytes as manifest and article give diagnostics', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.uint8Array({ maxLength: 300 }), mangled(MANIFEST, SPECIAL)),
        fc.oneof(fc.uint8Array({ maxLength: 300 }), mangled(ARTICLE, SPECIAL)),
        (manifest, article) => {
          const root = archive({ 'issue.yaml': manifest, 'a.md': article, 'b.md': ARTICLE });
          const dirs = listIssueDirs(root);
          const r = checkArchive(root, dirs, { dirs });
          expect(r.diagnostics.filter((d) => d.rule.startsWith('internal/'))).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('fixing mangled articles converges: a second run changes nothing', () => {
    fc.assert(
      fc.property(mangled(ARTICLE, [...',:;()?!. 　０９…。', '...', '\r\n', '来源：', '\n返回列表\n']), (article) => {
        const root = archive({ 'issue.yaml': 'number: 1\ndate: 2026-01-12\narticles: [a.md]\n', 'a.md': article });
        const dirs = listIssueDirs(root);
        fixIssues(root, dirs, dirs);
        expect(fixIssues(root, dirs, dirs).changes).toEqual([]);
        expect(checkArchive(root, dirs, { dirs }).diagnostics.filter((d) => d.fix?.length)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
