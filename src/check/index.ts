/**
 * Checks: rules that find problems before print. Each rule is its own module returning diagnostics.
 */
import type { IssueDir } from '../archive/index.js';
import type { Diagnostic } from '../diagnostics/index.js';
import type { Issue, SeriesConfig, SourceText } from '../model/index.js';
import { RULES } from './rules/index.js';

export interface CheckContext {
  root: string;
  series: SeriesConfig;
  issue: Issue;
  sources: Map<string, SourceText>;
  /** Every issue folder in the archive, for rules that span issues. */
  all: IssueDir[];
}

export type Rule = (ctx: CheckContext) => Diagnostic[];

export function checkIssue(ctx: CheckContext): Diagnostic[] {
  return RULES.flatMap((rule) => rule(ctx));
}
