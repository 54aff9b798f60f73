/**
 * Output a person can read: a window of the source line around the column (never the whole
 * line), carets under the right character by display width, a build's warnings counted per rule,
 * warnings of each issue in batch builds, and diagnostics in the same order whatever the locale.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { afterAll, describe, expect, it } from 'vitest';
import { listIssueDirs } from '../../src/archive/index.js';
import { runBatch } from '../../src/batch/index.js';
import { formatSummary, LineReporter } from '../../src/batch/progress.js';
import { run } from '../../src/cli/index.js';
import { formatDiagnostic, jsonText, sourceWindow } from '../../src/cli/report.js';
import { sortDiagnostics, type Diagnostic } from '../../src/diagnostics/index.js';

const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

function archive(articles: Record<string, string>, issues = [1]): string {
  const root = mkdtempSync(path.join(tmpdir(), 'bulletin-output-'));
  temps.push(root);
  writeFileSync(
    path.join(root, 'bulletin.yaml'),
    'series: 株洲组织工作信息\noffice: 中共株洲市委组织部办公室\nunits: [天元区委组织部]\nfonts: { system: false }\n',
  );
  for (const n of issues) {
    const dir = path.join(root, `issues/2026/${n}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'issue.yaml'),
      `number: ${n}\ndate: 2026-01-${String(10 + n).padStart(2, '0')}\narticles: [${Object.keys(articles).join(', ')}]\n`,
    );
    for (const [name, body] of Object.entries(articles))
      writeFileSync(path.join(dir, name), `---\ntitle: 我市推进基层党建工作\nsource: 天元区委组织部\n---\n${body}`);
  }
  return root;
}

async function cli(argv: string[], env: NodeJS.ProcessEnv = { LANG: 'en_US.UTF-8' }) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (s) => (out += s), err: (s) => (err += s), cwd: process.cwd(), env, isTTY: false });
  return { code, out, err };
}

const HAN = '组织工作信息株洲市委部办公室天元区加强干部队伍建设添信心基层党建引领网格化治理推动城市提质增效';
const han = (n: number, offset = 0) => Array.from({ length: n }, (_, i) => HAN[(i + offset) % HAN.length]).join('');

describe('a window of the source line', () => {
  it('a 50,000-character paragraph with 30 warnings prints kilobytes, not megabytes', async () => {
    const para = Array.from({ length: 30 }, (_, i) => han(1600, i) + ',').join('') + han(2000) + '。';
    expect([...para].length).toBeGreaterThan(50_000);
    const root = archive({ 'a.md': para + '\n' });
    const r = await cli(['check', '1', '--archive', root, '--no-layout']);
    expect(r.out.match(/warning\[punctuation\/half-width\]/g)).toHaveLength(30);
    expect(r.out.length).toBeLessThan(40_000);
    // Each shown line: at most 40 characters either side of the mark, cut ends marked with ….
    const shown = r.out.split('\n').filter((l) => /^\d+ \| /.test(l));
    expect(shown.length).toBeGreaterThanOrEqual(30);
    const texts = shown.map((l) => l.replace(/^\d+ \| /, ''));
    for (const text of texts) expect([...text].length).toBeLessThanOrEqual(40 + 1 + 40 + 2);
    expect(texts.filter((text) => text.startsWith('…') && text.endsWith('…')).length).toBeGreaterThanOrEqual(30);
  });

  it('the caret stands under the marked character, counted in terminal columns', () => {
    const line = `${han(60)}ABC，${han(3)},测试${han(60)}`;
    const col = [...line].indexOf(',') + 1;
    const d: Diagnostic = { rule: 'punctuation/half-width', severity: 'warning', loc: { file: 'a.md', line: 5, column: col }, message: { zh: 'x', en: 'x' } };
    const text = formatDiagnostic(d, '/nonexistent', 'en', new Chalk({ level: 0 }), (_f, n) => (n === 5 ? line : undefined));
    const [, shownLine, caretLine] = text.split('\n').slice(2);
    const body = shownLine.replace(/^5 \| /, '');
    const caret = caretLine.replace(/^ {2}\| /, '');
    const before = body.slice(0, body.indexOf(','));
    expect(caret).toBe(' '.repeat(stringWidth(before)) + '^');
    expect(body.startsWith('…')).toBe(true);
    expect([...body.slice(1, body.indexOf(','))].length).toBe(40);
  });

  it('fits a terminal: with its width known the line never wraps', () => {
    const line = han(149) + 'X' + han(150);
    for (const columns of [40, 60, 80, 120]) {
      const w = sourceWindow(line, 150, 1, 6, { columns });
      expect(6 + stringWidth(w.text)).toBeLessThanOrEqual(columns);
      expect(w.caret).toBe(stringWidth(w.text.slice(0, w.text.indexOf('X'))));
    }
  });

  it('a short line is shown whole, without … marks', () => {
    expect(sourceWindow('会议强调,要扎实推进。', 5, 1, 4)).toEqual({ text: '会议强调,要扎实推进。', caret: 8, width: 1 });
  });
});

describe('build, build --all', () => {
  it('build prints errors in full and warnings as a count per rule, pointing at bulletin check', async () => {
    const root = archive({ 'a.md': '会议强调,要扎实推进.明天开会.后天,出发。\n' });
    const r = await cli(['build', '1', '--archive', root]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('warning: 4 warning(s) (punctuation/half-width ×2, punctuation/half-width-period ×2); run bulletin check 2026/1 to see them');
    const zh = await cli(['build', '1', '--archive', root], { LANG: 'zh_CN.UTF-8' });
    expect(zh.err).toContain('警告: 4 个警告（punctuation/half-width ×2, punctuation/half-width-period ×2），运行 bulletin check 2026/1 查看详情');
  });

  it('build --all says how many warnings each issue has', async () => {
    const root = archive({ 'a.md': '会议强调,要扎实推进。\n' }, [1, 2]);
    const lines: string[] = [];
    const s = await runBatch(root, listIssueDirs(root), {
      jobs: 1,
      force: true,
      reporter: new LineReporter({ lang: 'en', c: new Chalk({ level: 0 }), out: () => {}, err: (t) => lines.push(t), cwd: root, root }),
    });
    expect(lines.join('')).toMatch(/\[1\/2\] 2026\/1 wrote .*; 1 warning\(s\) \(bulletin check 2026\/1 lists them\)/);
    expect(formatSummary(s, 'en', new Chalk({ level: 0 }))).toContain('with warnings: 2026/1 (1), 2026/2 (1)');
  });
});

describe('JSON', () => {
  it('escapes C1 controls, bidirectional and invisible characters, and stays the same value', () => {
    const value = [{ message: 'a\u009b2Jb\u202ec\u200bd\x7f', file: 'x\u2066.md' }];
    const text = jsonText(value);
    expect(/[\x7f-\x9f\u202e\u2066\u200b]/.test(text)).toBe(false);
    expect(text).toContain('a\\u009b2Jb\\u202ec\\u200bd\\u007f');
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('order', () => {
  it('diagnostics sort by code units, the same under every locale', () => {
    const files = ['b.md', 'B.md', 'a.md', '中.md', 'Z.md', 'é.md', '_.md'];
    const ds = files.map((file) => ({ rule: 'x/y', severity: 'warning' as const, loc: { file, line: 1, column: 1 }, message: { zh: '', en: '' } }));
    expect(sortDiagnostics(ds).map((d) => d.loc.file)).toEqual(['B.md', 'Z.md', '_.md', 'a.md', 'b.md', 'é.md', '中.md']);
  });
});
