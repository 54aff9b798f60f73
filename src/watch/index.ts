/**
 * Watch mode: build one issue, then rebuild it whenever one of its inputs changes — exactly the
 * files issueInputs names (issue.yaml, the articles it lists wherever in the archive, bulletin.yaml,
 * the font files) and a font added to fonts/. Runs in this process, so parsed fonts stay loaded and
 * a rebuild costs only layout and rendering. A failed rebuild writes nothing: the last good PDF
 * stays in place.
 *
 * chokidar does the watching (editors that save by renaming, platform quirks). It forgets a file
 * once its folder is deleted, so the folders above the inputs are watched too, and when a folder on
 * the way to an input comes back (the issue folder restored from a copy) the inputs are watched afresh.
 */
import path from 'node:path';
import { watch as chokidar, type FSWatcher } from 'chokidar';
import { relPath, type IssueDir } from '../archive/index.js';
import { buildIssue, defaultOutput, type BuildResult } from '../pipeline/index.js';
import { inputFiles, issueInputs } from '../pipeline/inputs.js';
import { recordBuild, stampBase, stampIssue } from '../batch/index.js';

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

const FONT_FILE = /\.(ttf|otf|ttc)$/i;

export function watchIssue(root: string, where: IssueDir, opts: WatchOptions): WatchHandle {
  const output = opts.output ?? defaultOutput(root, where);
  const record = opts.record ?? opts.output === undefined;
  const debounce = opts.debounceMs ?? 50;
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
      const base = record ? stampBase(root, opts.version) : undefined;
      const stamped = base ? stampIssue(base, where) : { stamp: '' };
      const result = await buildIssue(root, where, output, { fonts: base?.fonts });
      if (record && result.output) recordBuild(root, where, stamped, result);
      ev = { seq: seq++, ok: !!result.output, result, ms: performance.now() - t0, changed: names };
    } catch (e) {
      ev = {
        seq: seq++,
        ok: false,
        result: { pages: 0, bytes: 0, diagnostics: [] },
        ms: performance.now() - t0,
        changed: names,
        internal: (e as Error)?.stack ?? String(e),
      };
    }
    if (!closed) {
      afterBuild();
      opts.onBuild(ev);
    }
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

  // What to watch: every input file, and the folder holding each (depth 0), so that a folder
  // deleted and restored is noticed; the issue folder's own folder for the issue folder itself.
  let files = new Set<string>();
  let folders = new Set<string>();
  const plan = () => {
    const inputs = issueInputs(root, where);
    const nextFiles = new Set(inputFiles(inputs).map((f) => path.resolve(f)));
    const nextFolders = new Set([...nextFiles].map((f) => path.dirname(f)));
    nextFolders.add(path.dirname(where.dir));
    nextFolders.add(inputs.fontsDir);
    return { nextFiles, nextFolders, fontsDir: inputs.fontsDir };
  };
  let fontsDir = path.join(root, 'fonts');
  const watcher: FSWatcher = chokidar([], { ignoreInitial: true, depth: 0, persistent: true });
  const rewatch = (refresh: boolean) => {
    const { nextFiles, nextFolders, fontsDir: fd } = plan();
    fontsDir = fd;
    const all = [...nextFolders, ...nextFiles];
    const gone = [...folders, ...files].filter((p) => !nextFolders.has(p) && !nextFiles.has(p));
    if (gone.length) watcher.unwatch(gone);
    if (refresh) watcher.unwatch(all);
    watcher.add(refresh ? all : all.filter((p) => !folders.has(p) && !files.has(p)));
    files = nextFiles;
    folders = nextFolders;
  };
  const isAncestorOfInput = (dir: string) => [...files].some((f) => f.startsWith(dir + path.sep));
  watcher.on('all', (event, p) => {
    if (closed) return;
    const abs = path.resolve(p);
    if (files.has(abs)) return onChange(relPath(root, abs));
    if (event === 'addDir' && (isAncestorOfInput(abs) || abs === fontsDir)) {
      // A folder of inputs came back: chokidar forgot the files in it, so watch them afresh.
      rewatch(true);
      return onChange(relPath(root, abs));
    }
    if (path.dirname(abs) === fontsDir && FONT_FILE.test(abs)) return onChange(relPath(root, abs));
  });
  watcher.on('error', () => undefined);
  rewatch(false);
  const afterBuild = () => {
    // The manifest may list other articles now, or bulletin.yaml name other fonts.
    if (!closed) rewatch(false);
  };
  watcher.once('ready', run);

  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await watcher.close();
      await building;
    },
  };
}
