/**
 * Load and check one issue for an edition, exactly as `build` does (same session, same rules):
 * an edition is made only from text that passes the checks.
 */
import type { IssueDir } from '../archive/index.js';
import { checkOne, openSession } from '../check/run.js';
import { hasErrors, type Diagnostic } from '../diagnostics/index.js';
import type { Issue, SeriesConfig } from '../model/index.js';
import type { HouseStyle } from '../style/index.js';

export interface EditionSource {
  series: SeriesConfig;
  issue: Issue;
  style: HouseStyle;
}

export function loadForEdition(root: string, where: IssueDir): { source?: EditionSource; diagnostics: Diagnostic[] } {
  const s = openSession(root);
  const { load, diagnostics } = checkOne(s, where);
  if (!s.seriesLoad.config || !load.issue || hasErrors(diagnostics)) return { diagnostics };
  return { source: { series: s.series, issue: load.issue, style: s.style }, diagnostics };
}
