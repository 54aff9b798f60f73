/**
 * One answer to "what does this issue depend on": an article listed from elsewhere in the archive
 * (flow style, outside the issue folder) is an input of the stamp, `list`, `--watch` and nothing
 * outside the archive ever is.
 */
import { appendFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listIssueDirs } from '../../src/archive/index.js';
import { issueInputs } from '../../src/pipeline/inputs.js';
import { watchIssue, type WatchEvent, type WatchHandle } from '../../src/watch/index.js';
import { cli, makeArchive, removeArchive } from './archive.js';

/** Issue 2026/2 with its third article moved to <archive>/shared/03.md and listed in flow style. */
function sharedArticleArchive(): string {
  const root = makeArchive([{ year: 2026, number: 2, from: 2 }]);
  const dir = path.join(root, 'issues/2026/2');
  mkdirSync(path.join(root, 'shared'));
  renameSync(path.join(dir, '03-chanyelian.md'), path.join(root, 'shared/03.md'));
  const manifest = readFileSync(path.join(dir, 'issue.yaml'), 'utf8').replace(
    /^articles:\n(?:  - .*\n)+/m,
    'articles: [01-wangge.md, 02-lianjian.md, ../../../shared/03.md, 04-shangquan.md]\n',
  );
  writeFileSync(path.join(dir, 'issue.yaml'), manifest);
  return root;
}

describe('issue inputs', () => {
  let root: string;
  let handle: WatchHandle | undefined;
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
    removeArchive(root);
  });

  it('lists the manifest, every listed article (flow style, outside the folder), bulletin.yaml and the fonts', () => {
    root = sharedArticleArchive();
    const inputs = issueInputs(root, listIssueDirs(root)[0]);
    expect(inputs.articles.map((a) => path.relative(root, a))).toEqual([
      'issues/2026/2/01-wangge.md',
      'issues/2026/2/02-lianjian.md',
      'shared/03.md',
      'issues/2026/2/04-shangquan.md',
    ]);
    expect(path.relative(root, inputs.manifest)).toBe('issues/2026/2/issue.yaml');
    expect(path.relative(root, inputs.config)).toBe('bulletin.yaml');
    expect(inputs.fonts.length).toBeGreaterThan(0);
    expect(inputs.fonts.every((f) => /\.(ttf|otf|ttc)$/i.test(f))).toBe(true);
  });

  it('an article path leading outside the archive is not an input (the build refuses it)', () => {
    root = sharedArticleArchive();
    const manifest = path.join(root, 'issues/2026/2/issue.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('../../../shared/03.md', '../../../../etc/passwd'));
    const inputs = issueInputs(root, listIssueDirs(root)[0]);
    expect(inputs.articles.some((a) => a.includes('passwd'))).toBe(false);
    expect(inputs.articles).toHaveLength(3);
  });

  it('editing a shared article outdates the PDF: build --all rebuilds it and list says outdated', async () => {
    root = sharedArticleArchive();
    expect((await cli(['build', '--all'], root)).code).toBe(0);
    const before = await cli(['list', '--format', 'json'], root);
    expect(JSON.parse(before.out)[0].pdf).toBe('up-to-date');
    const again = await cli(['build', '--all'], root);
    expect(again.out).toMatch(/0 built, 1 skipped/);

    appendFileSync(path.join(root, 'shared/03.md'), '\n共享文章改动后，本期 PDF 必须重新排版。\n');
    const list = await cli(['list', '--format', 'json'], root);
    expect(JSON.parse(list.out)[0].pdf).toBe('outdated');
    const rebuilt = await cli(['build', '--all'], root);
    expect(rebuilt.out).toMatch(/1 built, 0 skipped/);
  });

  it('--watch rebuilds on an edit of a shared article, ignores files that are not inputs, and survives the issue folder being deleted and restored', async () => {
    root = sharedArticleArchive();
    const where = listIssueDirs(root)[0];
    const events: WatchEvent[] = [];
    const waiters: ((e: WatchEvent) => void)[] = [];
    const next = () => new Promise<WatchEvent>((resolve) => waiters.push(resolve));
    const first = next();
    handle = watchIssue(root, where, {
      onBuild: (e) => {
        events.push(e);
        waiters.shift()?.(e);
      },
    });
    expect((await first).ok).toBe(true);

    const shared = next();
    appendFileSync(path.join(root, 'shared/03.md'), '\n监视模式应当看到共享文章的改动。\n');
    expect((await shared).changed).toContain('shared/03.md');

    // A file nobody lists is no input: no rebuild.
    const count = events.length;
    writeFileSync(path.join(root, 'shared/notes.md'), '无关的文件');
    writeFileSync(path.join(where.dir, 'draft.txt'), '草稿');
    await new Promise((r) => setTimeout(r, 400));
    expect(events.length).toBe(count);

    // The issue folder goes away and comes back (restored from a copy): still watching.
    const gone = `${where.dir}-moved`;
    renameSync(where.dir, gone);
    await new Promise((r) => setTimeout(r, 300));
    renameSync(gone, where.dir);
    let restored = await next();
    while (!restored.ok) restored = await next();
    await new Promise((r) => setTimeout(r, 300));
    const edited = next();
    appendFileSync(path.join(where.dir, '04-shangquan.md'), '\n恢复文件夹之后的改动，仍然触发重新排版。\n');
    let e = await edited;
    while (!e.changed.includes('issues/2026/2/04-shangquan.md')) e = await next();
    expect(e.ok).toBe(true);

    // A fonts/ folder made meanwhile, and a damaged font put in it: rebuilt, and refused in words.
    mkdirSync(path.join(root, 'fonts'));
    await new Promise((r) => setTimeout(r, 300));
    writeFileSync(path.join(root, 'fonts/仿宋.ttf'), 'not a font');
    let f = await next();
    while (!f.changed.includes('fonts/仿宋.ttf')) f = await next();
    expect(f.ok).toBe(false);
    expect(f.internal).toBeUndefined();
    expect(f.result.diagnostics.map((d) => `${d.rule} ${d.loc.file}`)).toContain('font/unreadable fonts/仿宋.ttf');
  });
});
