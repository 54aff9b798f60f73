/**
 * Check a selection of issues in one pass: bulletin.yaml is read once, the folders are listed
 * once, every selected issue is loaded once, and rules spanning issues share one index of
 * manifest summaries (so `check --all` reads each issue.yaml exactly once).
 */
import { listIssueDirs, type IssueDir } from '../archive/index.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import { loadIssue, loadSeries, summaryOf, type IssueLoad, type SeriesConfig } from '../model/index.js';
import { resolveStyle } from '../style/index.js';
import { ArchiveIndex } from './archive.js';
import { checkIssue } from './index.js';

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
const FALLBACK_SERIES: SeriesConfig = { series: '', office: '', numbering: 'yearly', units: [], style: undefined, fonts: { system: true, roles: {} }, file: 'bulletin.yaml' };

export function checkArchive(root: string, targets: IssueDir[], opts: CheckRunOptions): CheckRun {
  const dirs = opts.dirs ?? listIssueDirs(root);
  const seriesLoad = loadSeries(root);
  const diagnostics: Diagnostic[] = [...seriesLoad.diagnostics];
  const series = seriesLoad.config ?? { ...FALLBACK_SERIES, numbering: 'yearly' };
  const archive = new ArchiveIndex(root, dirs);
  const style = resolveStyle(series.style);

  // Load everything first so rules spanning issues find their neighbours already read.
  const loaded: { where: IssueDir; load: IssueLoad }[] = targets.map((where) => {
    const load = loadIssue(root, where);
    archive.remember(where, load.issue ? summaryOf(load.issue, where) : undefined);
    return { where, load };
  });
  // A manifest that failed to load may still be readable enough for its neighbours: let the index retry.
  for (const { where, load } of loaded) if (!load.issue) archive.forget(where);

  let checked = 0;
  for (const { load } of loaded) {
    const own = [...load.diagnostics];
    if (load.issue) {
      checked++;
      own.push(...checkIssue({ root, series, issue: load.issue, sources: load.sources, all: dirs, archive }));
      if (opts.trialLayout && seriesLoad.config && !hasErrors(seriesLoad.diagnostics) && !own.some(breaksModel)) {
        const laid = opts.trialLayout(root, { series, issue: load.issue, style, sources: load.sources, diagnostics: own });
        own.push(...(hasErrors(own) ? laid.filter((d) => d.rule !== 'layout/failed') : laid));
      }
    }
    diagnostics.push(...own);
  }
  return { diagnostics: sortDiagnostics(dedupe(diagnostics)), checked };
}

/** Errors after which the model is incomplete (an article left out, a title missing): no trial layout then. */
function breaksModel(d: Diagnostic): boolean {
  return d.severity === 'error' && /^(yaml|manifest|file|article)\/|^attribution\/missing$/.test(d.rule);
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.rule}|${d.loc.file}|${d.loc.line}|${d.loc.column}|${d.message.en}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
