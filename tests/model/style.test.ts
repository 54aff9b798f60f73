/**
 * House-style values are checked against their ranges and relations at their bulletin.yaml
 * line:column; a style that passes never crashes layout or the PDF writer.
 */
import fc from 'fast-check';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { pdfMeta } from '../../src/pipeline/index.js';
import { hasErrors } from '../../src/diagnostics/index.js';
import { layoutIssue } from '../../src/layout/index.js';
import { parseSeries, SourceText } from '../../src/model/index.js';
import { renderPdf } from '../../src/render/index.js';
import { resolveStyle, STYLE_RANGES } from '../../src/style/index.js';
import { brief, check } from '../check/helpers.js';
import { prepared, REPO } from '../helpers/archive.js';
import { pinnedFonts } from '../helpers/fonts.js';
import { copyArchive } from '../helpers/tmp.js';

function series(styleYaml: string) {
  const text = `series: 株洲组织工作信息\noffice: 中共株洲市委组织部办公室\n${styleYaml}`;
  const r = parseSeries(new SourceText('bulletin.yaml', text));
  return { ds: brief(r.diagnostics), diagnostics: r.diagnostics, config: r.config };
}

describe('house-style values', () => {
  it('grid.lines: 0, page.text_width: 0 and body.size: 0 are errors at their value', () => {
    expect(series('style:\n  grid:\n    lines: 0\n').ds).toEqual(['error style/out-of-range bulletin.yaml:5:12']);
    expect(series('style:\n  page: { text_width: 0 }\n').ds).toEqual(['error style/out-of-range bulletin.yaml:4:23']);
    const body = series('style:\n  body:\n    size: 0\n');
    expect(body.ds).toEqual(['error style/out-of-range bulletin.yaml:5:11']);
    expect(body.diagnostics[0].message.en).toContain('style.body.size');
    expect(body.diagnostics[0].message.zh).toContain('1–200');
  });

  it('relations: masthead lines below grid lines, the text block inside the paper', () => {
    expect(series('style:\n  masthead: { lines: 22 }\n').ds).toEqual(['error style/inconsistent bulletin.yaml:4:22']);
    expect(series('style:\n  grid: { lines: 6 }\n').ds).toEqual(['error style/inconsistent bulletin.yaml:4:18']);
    expect(series('style:\n  page: { text_width: 190 }\n').ds).toEqual(['error style/inconsistent bulletin.yaml:4:23']);
    expect(series('style:\n  masthead: { min_size: 50 }\n').ds).toEqual(['error style/inconsistent bulletin.yaml:4:25']);
  });

  it('keys are own keys of the house style: constructor, __proto__ and toString are unknown', () => {
    for (const key of ['constructor', '__proto__', 'toString']) {
      expect(series(`style:\n  ${key}: 5\n`).ds).toEqual(['error manifest/unknown-key bulletin.yaml:4:3']);
      expect(series(`style:\n  body: { ${key}: 5 }\n`).ds).toEqual(['error manifest/unknown-key bulletin.yaml:4:11']);
    }
    expect(resolveStyle({ constructor: 5, body: { hasOwnProperty: 1 } })).toEqual(resolveStyle({}));
  });

  it('the defaults pass', () => {
    expect(series('style:\n  title: { space_before: 2 }\n').ds).toEqual([]);
  });

  it('random style values give diagnostics or a PDF, never a crash', async () => {
    const p = prepared(REPO, 2);
    const fonts = pinnedFonts();
    const keys = Object.keys(STYLE_RANGES);
    const wild = fc.oneof(fc.integer({ min: -3, max: 120 }), fc.double({ min: -10, max: 1e6, noNaN: true }), fc.constantFrom(0, 1, 0.5, 1e30, -0, 5, 22));
    // Half the values within the setting's range (so layout and rendering are exercised), half anything.
    const setting = fc.constantFrom(...keys).chain((k) => {
      const r = STYLE_RANGES[k];
      const inRange = r.integer ? fc.integer({ min: r.min, max: Math.min(r.max, 200) }) : fc.double({ min: r.min, max: Math.min(r.max, 200), noNaN: true });
      return fc.tuple(fc.constant(k), fc.oneof(inRange, wild));
    });
    let rendered = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(setting, { minLength: 1, maxLength: 3 }), async (pairs) => {
        const style: Record<string, Record<string, unknown> | unknown> = {};
        for (const [k, v] of pairs) {
          const [a, b] = k.split('.');
          if (b === undefined) style[a] = v;
          else style[a] = { ...((style[a] as Record<string, unknown>) ?? {}), [b]: v };
        }
        const r = series(stringify({ style }));
        if (hasErrors(r.diagnostics)) return void refused++;
        const s = resolveStyle(r.config!.style);
        const layout = layoutIssue({ series: p.series, issue: p.issue, style: s, fonts });
        if (hasErrors(layout.diagnostics)) return void refused++;
        const pdf = await renderPdf(layout, { ...pdfMeta(p), colors: s.colors });
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        rendered++;
      }),
      { numRuns: 30 },
    );
    expect(rendered).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});

describe('issue numbers beyond sane ranges', () => {
  const made: string[] = [];
  afterEach(() => {
    for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('total: 1e+30 and copies: 1e9 are errors at their value, not 总第1e+30期', () => {
    const root = copyArchive(REPO);
    made.push(root);
    const file = path.join(root, 'issues/2026/2/issue.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^total: .*$/m, 'total: 1e+30').replace(/^copies: .*$/m, 'copies: 1000000000'));
    const ds = check(root).filter((d) => d.rule === 'manifest/out-of-range');
    const lines = text.split('\n');
    const at = (key: string) => `issues/2026/2/issue.yaml:${lines.findIndex((l) => l.startsWith(`${key}:`)) + 1}:${key.length + 3}`;
    expect(brief(ds)).toEqual([`error manifest/out-of-range ${at('total')}`, `error manifest/out-of-range ${at('copies')}`]);
    expect(ds[0].message.en).toContain('1e+30');
  });
});

describe('the masthead and the grid', () => {
  it('a masthead too short for its rule, a name taller than its lines, a body size above the line pitch', () => {
    expect(series('style:\n  masthead: { lines: 5 }\n').ds).toEqual(['error style/inconsistent bulletin.yaml:4:22']);
    expect(series('style:\n  masthead: { size: 120 }\n').ds).toEqual(['error style/inconsistent bulletin.yaml:4:21']);
    expect(series('style:\n  body: { size: 40 }\n').ds).toEqual(['error style/inconsistent bulletin.yaml:4:17']);
    expect(series('style:\n  masthead: { lines: 6 }\n').ds).toEqual([]);
  });
});
