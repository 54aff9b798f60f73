import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listIssueDirs } from '../../src/archive/index.js';
import { watchIssue, type WatchEvent, type WatchHandle } from '../../src/watch/index.js';
import { makeArchive, removeArchive } from '../batch/archive.js';

describe('build --watch', () => {
  let root: string;
  let handle: WatchHandle | undefined;
  const events: WatchEvent[] = [];
  const waiters: ((e: WatchEvent) => void)[] = [];
  const nextEvent = () => new Promise<WatchEvent>((resolve) => waiters.push(resolve));

  beforeAll(() => {
    root = makeArchive([{ year: 2026, number: 2, from: 2 }]);
  });
  afterAll(async () => {
    await handle?.close();
    removeArchive(root);
  });

  it('builds, rebuilds after an edit, and keeps the last good PDF when the issue breaks', async () => {
    const where = listIssueDirs(root)[0];
    const pdf = path.join(root, 'dist/2026-2.pdf');
    const first = nextEvent();
    handle = watchIssue(root, where, {
      onBuild: (e) => {
        events.push(e);
        waiters.shift()?.(e);
      },
    });
    const e0 = await first;
    expect(e0.ok).toBe(true);
    expect(e0.seq).toBe(0);
    const v1 = readFileSync(pdf);

    // An edit to an article: a new PDF.
    const second = nextEvent();
    appendFileSync(path.join(root, 'issues/2026/2/04-shangquan.md'), '\n监视模式下追加的一段文字，应当出现在新的 PDF 中。\n');
    const e1 = await second;
    expect(e1.ok).toBe(true);
    expect(e1.changed).toContain('issues/2026/2/04-shangquan.md');
    const v2 = readFileSync(pdf);
    expect(v2.equals(v1)).toBe(false);

    // Broken: an error is reported and the PDF stays as it was.
    const third = nextEvent();
    const art = path.join(root, 'issues/2026/2/01-wangge.md');
    writeFileSync(art, readFileSync(art, 'utf8').replace(/^source: .*$/m, 'source: 不存在的单位'));
    const e2 = await third;
    expect(e2.ok).toBe(false);
    expect(e2.result.diagnostics.some((d) => d.severity === 'error' && d.loc.file === 'issues/2026/2/01-wangge.md')).toBe(true);
    expect(readFileSync(pdf).equals(v2)).toBe(true);

    // bulletin.yaml is watched too: repaired issue + changed config → rebuilt.
    writeFileSync(art, readFileSync(art, 'utf8').replace(/^source: .*$/m, 'source: 荷塘区委组织部'));
    let e3 = await nextEvent();
    while (!e3.ok) e3 = await nextEvent();
    const fourth = nextEvent();
    const cfg = path.join(root, 'bulletin.yaml');
    writeFileSync(cfg, readFileSync(cfg, 'utf8').replace(/^series: .*$/m, 'series: 株洲组织工作简报'));
    const e4 = await fourth;
    expect(e4.ok).toBe(true);
    expect(e4.changed).toContain('bulletin.yaml');
    expect(readFileSync(pdf).equals(v2)).toBe(false);

    await handle.close();
    handle = undefined;
    const count = events.length;
    appendFileSync(art, '\n关闭之后的改动不再触发排版。\n');
    await new Promise((r) => setTimeout(r, 300));
    expect(events.length).toBe(count);
  });
});
