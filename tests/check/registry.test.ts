/**
 * The rule registry: every id any stage can report is registered (found by scanning the sources
 * for id literals and by running every fixture archive with the trial layout), its facts are
 * complete, docs/rules.md is what the registry renders, and `checks:` in bulletin.yaml changes
 * severities, switches rules off and reports unknown or locked ids where they are written.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REGISTRY, ruleMeta, rulesMarkdown } from '../../src/check/registry.js';
import { brief, check, copyFixture, FIXTURES, SAMPLE } from './helpers.js';
import { rmSync } from 'node:fs';
import { listIssueDirs } from '../../src/archive/index.js';
import { fixIssues } from '../../src/fix/index.js';

const SRC = path.join(SAMPLE, 'src');
/** Media types written in the editions (type="application/pdf"): not rule ids. */
const MEDIA_TYPE = /^(?:application|audio|video|font|image|multipart)\/|^text\/(?:plain|html|css|javascript|xml|csv)$/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

/** Every rule id written as a literal in src/, and those made from a template (`style/${kind}`) expanded from their type. */
export function idsInSource(): Set<string> {
  const out = new Set<string>();
  for (const f of sources(SRC)) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/['"`]([a-z]+\/[a-z][a-z0-9-]*)['"`]/g)) if (!MEDIA_TYPE.test(m[1])) out.add(m[1]);
    for (const m of text.matchAll(/(?:diagnostic|reported)\(\s*`([a-z]+)\/\$\{/g)) {
      // A templated id: its kinds are the string-literal union of a `kind:` field in the same stage.
      const stage = readFileSync(path.join(SRC, m[1], 'index.ts'), 'utf8');
      const union = /kind:\s*((?:'[a-z-]+'\s*\|?\s*)+);/.exec(stage);
      expect(union, `the kinds of ${m[1]}/\${…} in ${f}`).not.toBeNull();
      for (const k of union![1].matchAll(/'([a-z-]+)'/g)) out.add(`${m[1]}/${k[1]}`);
    }
  }
  return out;
}

describe('the registry', () => {
  it('registers every id written in the sources', () => {
    const ids = idsInSource();
    expect(ids.size).toBeGreaterThan(50);
    const unregistered = [...ids].filter((id) => !ruleMeta(id));
    expect(unregistered).toEqual([]);
  });

  it('registers every id the fixture archives, the sample issues and the stress archive report (with the trial layout)', () => {
    const roots = [...readdirSync(FIXTURES).map((n) => path.join(FIXTURES, n)), SAMPLE, path.join(SAMPLE, 'tests/fixtures/stress')];
    const seen = new Set<string>();
    for (const root of roots) for (const d of check(root, true)) seen.add(d.rule);
    expect(seen.size).toBeGreaterThan(30);
    expect([...seen].filter((id) => !ruleMeta(id))).toEqual([]);
  });

  it('has one entry per id, each with a severity, both descriptions and a source', () => {
    const ids = REGISTRY.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of REGISTRY) {
      expect(m.id).toMatch(/^[a-z]+\/[a-z][a-z0-9-]*$/);
      expect(['error', 'warning', 'hint']).toContain(m.severity);
      expect(m.description.zh).toMatch(/\p{Script=Han}/u);
      expect(m.description.en).toMatch(/[A-Za-z]{4,}/);
      if (m.source.standard !== 'house style') expect(m.source.clause).toBeTruthy();
      // A rule the PDF cannot be made right without is an error.
      if (m.locked) expect(m.severity).toBe('error');
    }
  });

  it('docs/rules.md is what the registry renders (run `npm run docs:rules` after changing a rule)', () => {
    const doc = readFileSync(path.join(SAMPLE, 'docs/rules.md'), 'utf8');
    expect(doc).toBe(rulesMarkdown());
    for (const m of REGISTRY) expect(doc).toContain(`\`${m.id}\``);
  });
});

describe('checks: in bulletin.yaml', () => {
  it('a hint carries no fix: bulletin fix leaves a 、 between 《》《》 alone until checks: raises punctuation/serial-comma to a warning', () => {
    const root = copyFixture('serial-comma');
    try {
      const article = path.join(root, 'issues/2026/1/a.md');
      const text = readFileSync(article, 'utf8');
      const hints = check(root).filter((d) => d.rule === 'punctuation/serial-comma');
      expect(brief(hints)).toEqual(['hint punctuation/serial-comma issues/2026/1/a.md:5:16', 'hint punctuation/serial-comma issues/2026/1/a.md:6:9']);
      expect(hints.map((d) => d.fix)).toEqual([undefined, undefined]);
      expect(fixIssues(root, listIssueDirs(root), listIssueDirs(root)).changes).toEqual([]);
      expect(readFileSync(article, 'utf8')).toBe(text);
      const yaml = readFileSync(path.join(root, 'bulletin.yaml'), 'utf8');
      writeFileSync(path.join(root, 'bulletin.yaml'), yaml.trimEnd() + '\nchecks:\n  punctuation/serial-comma: warning\n');
      const warnings = check(root).filter((d) => d.rule === 'punctuation/serial-comma');
      expect(warnings.map((d) => `${d.severity} ${d.fix?.[0].replacement === '' ? 'delete' : 'none'}`)).toEqual(['warning delete', 'warning delete']);
      expect(fixIssues(root, listIssueDirs(root), listIssueDirs(root)).changes.map((c) => `${c.line} ${c.rule}`)).toEqual([
        '5 punctuation/serial-comma',
        '6 punctuation/serial-comma',
      ]);
      expect(readFileSync(article, 'utf8')).toContain('《智慧党建平台使用手册》《党群服务阵地建设标准》');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('switches a rule off, changes a severity, and reports an unknown id with a did-you-mean and a locked one at its line', () => {
    const root = copyFixture('space');
    try {
      const before = check(root);
      expect(before.some((d) => d.rule === 'text/space' && d.severity === 'warning')).toBe(true);
      const yaml = readFileSync(path.join(root, 'bulletin.yaml'), 'utf8');
      writeFileSync(path.join(root, 'bulletin.yaml'), yaml.trimEnd() + '\nchecks:\n  text/space: error\n  text/spase: off\n  yaml/syntax: off\n');
      const lines = yaml.trimEnd().split('\n').length;
      const after = check(root);
      expect(after.filter((d) => d.rule === 'text/space').every((d) => d.severity === 'error')).toBe(true);
      expect(after.filter((d) => d.rule === 'text/space').length).toBe(before.filter((d) => d.rule === 'text/space').length);
      const unknown = after.find((d) => d.rule === 'checks/unknown-rule')!;
      expect(brief([unknown])).toEqual([`error checks/unknown-rule bulletin.yaml:${lines + 3}:3`]);
      expect(unknown.hint?.en).toContain('did you mean `text/space`?');
      expect(brief(after.filter((d) => d.rule === 'checks/locked'))).toEqual([`error checks/locked bulletin.yaml:${lines + 4}:3`]);
      writeFileSync(path.join(root, 'bulletin.yaml'), yaml.trimEnd() + '\nchecks:\n  text/space: off\n');
      expect(check(root).filter((d) => d.rule === 'text/space')).toEqual([]);
      // A rule switched off is not fixed either: bulletin fix leaves its blanks alone.
      const article = path.join(root, 'issues/2026/1/a.md');
      const text = readFileSync(article, 'utf8');
      expect(fixIssues(root, listIssueDirs(root), listIssueDirs(root)).changes).toEqual([]);
      expect(readFileSync(article, 'utf8')).toBe(text);
      writeFileSync(path.join(root, 'bulletin.yaml'), yaml.trimEnd() + '\nchecks:\n  text/space: loud\n');
      expect(brief(check(root).filter((d) => d.loc.file === 'bulletin.yaml'))).toEqual([`error manifest/type bulletin.yaml:${lines + 2}:15`]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
