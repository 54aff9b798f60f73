import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { BatchItem } from '../../src/batch/index.js';
import { LineReporter, SpinnerReporter, type ReporterContext } from '../../src/batch/progress.js';

const where = (number: number) => ({ year: 2026, number, dir: `/a/issues/2026/${number}`, rel: `issues/2026/${number}` });

function context(lang: 'zh' | 'en') {
  const lines: string[] = [];
  const ctx: ReporterContext = { lang, c: new Chalk({ level: 0 }), out: (s) => lines.push(s), err: (s) => lines.push(s), cwd: '/a', root: '/a' };
  return { ctx, lines };
}

const built = (n: number): BatchItem => ({
  where: where(n),
  output: `/a/dist/2026-${n}.pdf`,
  status: 'built',
  result: { id: 0, ok: true, output: `/a/dist/2026-${n}.pdf`, pages: 6, bytes: 170_000, ms: 42, diagnostics: [] },
});
const failed = (n: number): BatchItem => ({
  where: where(n),
  output: `/a/dist/2026-${n}.pdf`,
  status: 'failed',
  result: {
    id: 0,
    ok: false,
    pages: 0,
    bytes: 0,
    ms: 5,
    diagnostics: [
      { rule: 'x', severity: 'error', loc: { file: 'issues/2026/2/a.md', line: 3, column: 9 }, message: { zh: '出错了', en: 'it broke' } },
      { rule: 'y', severity: 'error', loc: { file: 'issues/2026/2/a.md', line: 5, column: 1 }, message: { zh: '又错了', en: 'again' } },
    ],
  },
});

describe('progress', () => {
  it('plain lines: n of N, the file, pages, size and time; failures with place and reason', () => {
    const { ctx, lines } = context('en');
    const r = new LineReporter(ctx);
    r.start(3, 2);
    r.end({ where: where(1), output: '/a/dist/2026-1.pdf', status: 'skipped' });
    r.end(built(3));
    r.end(failed(2));
    r.stop();
    expect(lines).toEqual([
      '[1/3] 2026/1 unchanged, skipped\n',
      '✓ [2/3] 2026/3 wrote dist/2026-3.pdf (6 pages, 166 KB, 42 ms)\n',
      '✗ [3/3] 2026/2 failed: issues/2026/2/a.md:3:9 it broke (and 1 more error(s))\n',
    ]);
  });

  it('the spinner names the issues being built, n of N and the elapsed time, and prints failures above it', () => {
    const { ctx, lines } = context('zh');
    const texts: string[] = [];
    const spinner = {
      _text: '',
      get text() {
        return this._text;
      },
      set text(v: string) {
        this._text = v;
        texts.push(v);
      },
      start() {
        return this;
      },
      stop() {
        return this;
      },
      clear() {
        return this;
      },
      render() {
        return this;
      },
    };
    const r = new SpinnerReporter(ctx, process.stderr, (o) => {
      spinner.text = (o as { text: string }).text;
      return spinner;
    });
    r.start(3, 2);
    r.begin(where(2));
    r.begin(where(3));
    expect(spinner.text).toMatch(/^正在排版 2026\/2、2026\/3（第 1\/3 期，已用 \d+\.\d 秒）$/);
    r.end(failed(2));
    expect(lines.join('')).toMatch(/✗ \[1\/3\] 2026\/2 排版失败：issues\/2026\/2\/a\.md:3:9 出错了（另有 1 个错误）/);
    expect(spinner.text).toMatch(/^正在排版 2026\/3（第 2\/3 期/);
    r.end(built(3));
    r.stop();
    expect(texts.length).toBeGreaterThan(2);
  });
});
