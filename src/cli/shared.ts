/** What every command needs: output streams, language, colours, and how to report an exit code. */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Option } from 'commander';
import chalk, { Chalk, type ChalkInstance } from 'chalk';
import { findArchiveRoot, listIssueDirs, parseIssueRef, selectIssues, type IssueDir } from '../archive/index.js';
import type { Diagnostic, Message } from '../diagnostics/index.js';
import { loadForEdition, type EditionSource } from '../editions/load.js';
import { say, t, type Lang } from '../i18n/index.js';
import { formatBuildDiagnostics, formatDiagnostics } from './report.js';

/** Exit codes: 0 success, 1 input or build error, 2 usage error. */
export class ExitError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  /** Ask the person at the terminal and return the answer; absent when nobody is there to ask (a script, a pipe). */
  prompt?: (question: string) => Promise<string>;
}

export interface CliContext {
  io: Io;
  lang: Lang;
  c: ChalkInstance;
  /** Raise the process exit code (never lowers it). */
  fail(code: number): void;
  langOption(): Option;
}

/** Colour on a terminal only; NO_COLOR turns it off, FORCE_COLOR on. */
export function makeChalk(io: Io): ChalkInstance {
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '0' && force !== 'false') return new Chalk({ level: chalk.level || 1 });
  if (io.env.NO_COLOR || !io.isTTY) return new Chalk({ level: 0 });
  return new Chalk({ level: chalk.level || 1 });
}

export function archiveRoot(ctx: CliContext, opt?: string): string {
  const root = opt ? findArchiveRoot(path.resolve(ctx.io.cwd, opt)) : findArchiveRoot(ctx.io.cwd);
  if (!root && opt) {
    // The folder the user named: say what is wrong with it, not to pass the --archive they passed.
    const exists = isFolder(path.resolve(ctx.io.cwd, opt)) === true;
    throw new ExitError(2, t(ctx.lang, exists ? 'noArchiveAt' : 'noSuchArchiveFolder', { dir: opt }));
  }
  if (!root) throw new ExitError(2, t(ctx.lang, 'noArchive'));
  return root;
}

/** An edition's -o: a folder (made when missing), never an existing file (exit 2, before anything is written). */
export function outputFolder(ctx: CliContext, opt: string): string {
  const dir = path.resolve(ctx.io.cwd, opt);
  // Missing is fine (it is made); a file on the way or no permission is said by the write, naming the file.
  if (isFolder(dir) === false) throw new ExitError(2, t(ctx.lang, 'outputNotFolder', { out: opt }));
  return dir;
}

/** Whether `abs` is a folder: undefined when nothing can be seen there (missing, a file on the way, no permission). */
function isFolder(abs: string): boolean | undefined {
  try {
    return statSync(abs, { throwIfNoEntry: false })?.isDirectory();
  } catch {
    return undefined;
  }
}

/** Which issue folders a command's argument and --all select. */
export function pickIssues(root: string, ref: string | undefined, all: boolean, lang: Lang): IssueDir[] {
  const dirs = listIssueDirs(root);
  if (all) return dirs;
  if (!ref) throw new ExitError(2, t(lang, 'needIssue'));
  const parsed = parseIssueRef(ref);
  if (!parsed) throw new ExitError(2, t(lang, 'badIssueRef', { ref }));
  const hits = selectIssues(dirs, parsed);
  if (!hits.length) {
    // Say what is there: a wrong number is usually one the archive does not have yet (or a year off).
    const latest = dirs[dirs.length - 1];
    const next = latest ? t(lang, 'latestIssue', { ref: `${latest.year}/${latest.number}` }) : t(lang, 'noIssuesYet');
    throw new ExitError(1, `${t(lang, 'noSuchIssue', { ref })}${lang === 'en' ? ' ' : ''}${next}`);
  }
  return hits;
}

/** Terminal width of stderr when it is a terminal: source windows are narrowed to fit it. */
function stderrColumns(ctx: CliContext): number | undefined {
  return ctx.io.isTTY && process.stderr.isTTY ? process.stderr.columns : undefined;
}

export function printDiagnostics(ctx: CliContext, ds: Diagnostic[], root: string): void {
  // The same printer as `bulletin check`: each source file read once, long runs of one rule folded.
  ctx.io.err(formatDiagnostics(ds, root, ctx.lang, ctx.c, undefined, { columns: stderrColumns(ctx) }));
}

/** A build's diagnostics: errors in full, warnings counted per rule with a pointer to `bulletin check`. */
export function printBuildDiagnostics(ctx: CliContext, ds: Diagnostic[], root: string, where: IssueDir): void {
  ctx.io.err(formatBuildDiagnostics(ds, root, ctx.lang, ctx.c, `${where.year}/${where.number}`, { columns: stderrColumns(ctx) }));
}

/**
 * The one issue an edition is made of (`wechat 22`, `image 2017/22`), loaded and checked as `build`
 * does. A year, a range or --all is refused (exit 2); errors are printed and stop it (exit 1).
 * `fail` does the same for errors found later, while the edition is made.
 */
export function editionIssue(
  ctx: CliContext,
  root: string,
  ref: string,
  messages: { oneIssue: Message; failed: Message },
): { where: IssueDir; source: EditionSource; diagnostics: Diagnostic[]; fail: (ds: Diagnostic[]) => never } {
  const { lang } = ctx;
  const targets = pickIssues(root, ref, false, lang);
  if (targets.length !== 1 || !/^\s*(\d{4}[/-])?\d{1,4}\s*$/.test(ref)) throw new ExitError(2, say(lang, messages.oneIssue));
  const where = targets[0];
  const fail = (ds: Diagnostic[]): never => {
    printDiagnostics(ctx, ds, root);
    const n = ds.filter((d) => d.severity === 'error').length;
    throw new ExitError(1, say(lang, messages.failed, { issue: `${where.year}/${where.number}`, n }));
  };
  const loaded = loadForEdition(root, where);
  if (!loaded.source) return fail(loaded.diagnostics);
  return { where, source: loaded.source, diagnostics: loaded.diagnostics, fail };
}
