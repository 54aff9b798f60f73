/**
 * Check a selection of issues in one pass: bulletin.yaml is read once, the folders are listed
 * once, every selected issue is loaded once, and rules spanning issues share one index of
 * manifest summaries (so `check --all` reads each issue.yaml exactly once).
 */
import { listIssueDirs, type IssueDir } from '../archive/index.js';
import { dedupeDiagnostics, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import { loadIssue, loadSeries, summaryOf, type IssueLoad, type SeriesConfig } from '../model/index.js';
import { resolveStyle } from '../style/index.js';
import { ArchiveIndex } from './archive.js';
import { checkIssue } from './index.js';
import { applyChecks, checksDiagnostics } from './registry.js';

/** What a trial layout is given: a checked issue with everything it needs to be laid out. */
export interface CheckedIssue {
  series: SeriesConfig;
  issue: NonNullable<IssueLoad['issue']>;
  style: ReturnType<typeof resolveStyle>;
  sources: IssueLoad['sources'];
  diagnostics: Diagnostic[];
}

export interface CheckRunOptions {
  /** Also run this trial layout (missing glyphs, overfull lines, page count); the caller supplies it. */
  trialLayout?: (root: string, checked: CheckedIssue) => Diagnostic[];
  /** Every issue folder, when the caller already listed them. */
  dirs?: IssueDir[];
}

export interface CheckRun {
  diagnostics: Diagnostic[];
  /** Issues whose model could be built. */
  checked: number;
}

/** Used when bulletin.yaml itself is broken: the issues are still checked, against no unit list. */
const FALLBACK_SERIES: SeriesConfig = {
  series: '',
  office: '',
  numbering: 'yearly',
  units: [],
  style: undefined,
  fonts: { system: true, roles: {} },
  file: 'bulletin.yaml',
};

/** What one run shares across the issues it checks: bulletin.yaml, the folder list, the manifest index. */
export interface CheckSession {
  root: string;
  dirs: IssueDir[];
  seriesLoad: ReturnType<typeof loadSeries>;
  /** bulletin.yaml, or a stand-in when it is broken (issues are still checked, against no unit list). */
  series: SeriesConfig;
  style: ReturnType<typeof resolveStyle>;
  archive: ArchiveIndex;
}

export function openSession(root: string, dirs: IssueDir[] = listIssueDirs(root)): CheckSession {
  const read = loadSeries(root);
  const series = read.config ?? FALLBACK_SERIES;
  // What is wrong with `checks:` is reported with bulletin.yaml's own problems, by check and build alike.
  const seriesLoad = { ...read, diagnostics: [...read.diagnostics, ...checksDiagnostics(read.config)] };
  return { root, dirs, seriesLoad, series, style: resolveStyle(series.style), archive: new ArchiveIndex(root, dirs) };
}

/** Load an issue and record its manifest summary, so rules spanning issues find it. */
export function loadChecked(s: CheckSession, where: IssueDir): IssueLoad {
  const load = loadIssue(s.root, where);
  s.archive.remember(where, load.issue ? summaryOf(load.issue, where) : undefined);
  return load;
}

/** Every check on one loaded issue (and the trial layout, when given): its own diagnostics, bulletin.yaml's not included. */
export function checkLoaded(s: CheckSession, load: IssueLoad, trialLayout?: CheckRunOptions['trialLayout']): Diagnostic[] {
  const own = [...load.diagnostics];
  if (!load.issue) return own;
  own.push(...checkIssue({ root: s.root, series: s.series, issue: load.issue, sources: load.sources, all: s.dirs, archive: s.archive }));
  if (trialLayout && s.seriesLoad.config && !hasErrors(s.seriesLoad.diagnostics) && !own.some(breaksModel)) {
    const laid = trialLayout(s.root, { series: s.series, issue: load.issue, style: s.style, sources: load.sources, diagnostics: own });
    own.push(...(hasErrors(own) ? laid.filter((d) => d.rule !== 'layout/failed') : laid));
  }
  return applyChecks(own, s.seriesLoad.config);
}

/**
 * One issue loaded and checked, with bulletin.yaml's own diagnostics, deduplicated and sorted:
 * what `build` and every edition start from (so an edition is made only from text that passes).
 */
export function checkOne(s: CheckSession, where: IssueDir): { load: IssueLoad; diagnostics: Diagnostic[] } {
  const load = loadChecked(s, where);
  return { load, diagnostics: sortDiagnostics(dedupeDiagnostics([...s.seriesLoad.diagnostics, ...checkLoaded(s, load)])) };
}

export function checkArchive(root: string, targets: IssueDir[], opts: CheckRunOptions): CheckRun {
  const s = openSession(root, opts.dirs);
  // Load everything first so rules spanning issues find their neighbours already read.
  const loaded = targets.map((where) => ({ where, load: loadChecked(s, where) }));
  // A manifest that failed to load may still be readable enough for its neighbours: let the index retry.
  for (const { where, load } of loaded) if (!load.issue) s.archive.forget(where);
  const diagnostics: Diagnostic[] = [...s.seriesLoad.diagnostics];
  for (const { load } of loaded) diagnostics.push(...checkLoaded(s, load, opts.trialLayout));
  return { diagnostics: sortDiagnostics(dedupeDiagnostics(diagnostics)), checked: loaded.filter((l) => l.load.issue).length };
}

/** Errors after which the model is incomplete (an article left out, a title missing): no trial layout then. */
function breaksModel(d: Diagnostic): boolean {
  return d.severity === 'error' && /^(yaml|manifest|file|article)\/|^attribution\/missing$/.test(d.rule);
}
