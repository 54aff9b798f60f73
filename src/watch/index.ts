/**
 * Watch mode: build one issue, then rebuild it whenever a file of its folder or bulletin.yaml
 * changes. Runs in this process, so parsed fonts stay loaded and a rebuild costs only layout and
 * rendering. A failed rebuild writes nothing: the last good PDF stays in place.
 */
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE, type IssueDir } from '../archive/index.js';
import { buildIssue, defaultOutput, type BuildResult } from '../build/index.js';
import { issueStamp, recordBuild, stampBase } from '../batch/index.js';

export interface WatchEvent {
  /** 0 for the first build, then 1, 2, … */
  seq: number;
  ok: boolean;
  result: BuildResult;
  /** Wall time of the build in milliseconds. */
  ms: number;
  /** What triggered it (file names), empty for the first build. */
  changed: string[];
  /** An exception that escaped the build. */
  internal?: string;
}

export interface WatchOptions {
  output?: string;
  /** Quiet period after the last change before rebuilding; default 50 ms. */
  debounceMs?: number;
  onBuild(ev: WatchEvent): void;
  /** Record stamps in the build cache (default true when writing to the default output). */
  record?: boolean;
  version?: string;
}

export interface WatchHandle {
  /** Stop watching; resolves once any build in progress has finished. */
  close(): Promise<void>;
}

const IGNORED = /^\.|~$|\.(swp|swx|tmp)$/i;

export function watchIssue(root: string, where: IssueDir, opts: WatchOptions): WatchHandle {
  const output = opts.output ?? defaultOutput(root, where);
  const record = opts.record ?? opts.output === undefined;
  const debounce = opts.debounceMs ?? 50;
  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let building: Promise<void> | undefined;
  let again = false;
  let seq = 0;
  let changed = new Set<string>();

  const build = async (): Promise<void> => {
    const names = [...changed];
    changed = new Set();
    const t0 = performance.now();
    let ev: WatchEvent;
    try {
      const stamp = record ? issueStamp(stampBase(root, opts.version), where) : '';
      const result = await buildIssue(root, where, output);
      if (record && result.output) recordBuild(root, where, stamp, result);
      ev = { seq: seq++, ok: !!result.output, result, ms: performance.now() - t0, changed: names };
    } catch (e) {
      ev = { seq: seq++, ok: false, result: { pages: 0, bytes: 0, diagnostics: [] }, ms: performance.now() - t0, changed: names, internal: (e as Error)?.stack ?? String(e) };
    }
    if (!closed) opts.onBuild(ev);
  };

  const run = () => {
    if (closed) return;
    if (building) {
      again = true;
      return;
    }
    building = build().finally(() => {
      building = undefined;
      if (again && !closed) {
        again = false;
        run();
      }
    });
  };

  const onChange = (name: string) => {
    if (closed) return;
    changed.add(name);
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, debounce);
  };

  watchers.push(
    watch(where.dir, { recursive: false }, (_ev, file) => {
      const name = file ? String(file) : '';
      if (name && IGNORED.test(path.basename(name))) return;
      onChange(path.join(where.rel, name));
    }),
  );
  // Watch the archive folder rather than the file: editors often replace a file by renaming.
  watchers.push(
    watch(root, { recursive: false }, (_ev, file) => {
      if (file && String(file) === CONFIG_FILE) onChange(CONFIG_FILE);
    }),
  );
  for (const w of watchers) w.on('error', () => undefined);
  run();

  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
      await building;
    },
  };
}
