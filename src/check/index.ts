/**
 * Checks: rules that find problems before print. Each rule is its own module under rules/,
 * taking the checked issue (and, for rules that span issues, the archive index) and returning
 * diagnostics. A rule that fails is reported, never allowed to stop the check.
 */
import type { IssueDir } from '../archive/index.js';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import type { Issue, SeriesConfig, SourceText } from '../model/index.js';
import { ArchiveIndex } from './archive.js';
import { outsideProtected } from './protect.js';
import { RULES } from './rules/index.js';

export interface CheckContext {
  root: string;
  series: SeriesConfig;
  issue: Issue;
  sources: Map<string, SourceText>;
  /** Every issue folder in the archive, for rules that span issues. */
  all: IssueDir[];
  /** Manifest summaries shared by every issue of one run (built on demand from `all` when absent). */
  archive?: ArchiveIndex;
}

export type Rule = (ctx: CheckContext) => Diagnostic[];

export interface NamedRule {
  /** The rule ids this module reports. */
  ids: readonly string[];
  run: Rule;
}

export function checkIssue(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of RULES) {
    try {
      out.push(...rule.run(ctx));
    } catch (e) {
      out.push(
        diagnostic(
          'internal/rule-failed',
          'warning',
          { file: ctx.issue.file, line: 1, column: 1 },
          { zh: `检查规则 ${rule.ids.join(', ')} 运行出错，这部分未检查：${(e as Error).message}`, en: `the rule ${rule.ids.join(', ')} failed and was skipped: ${(e as Error).message}` },
          { hint: { zh: '请把此消息报告给维护人员', en: 'please report this to the maintainers' } },
        ),
      );
    }
  }
  return outsideProtected(out, ctx.sources);
}

/** The archive index of a context, made once per context when the caller did not share one. */
const own = new WeakMap<CheckContext, ArchiveIndex>();
export function archiveOf(ctx: CheckContext): ArchiveIndex {
  if (ctx.archive) return ctx.archive;
  let a = own.get(ctx);
  if (!a) {
    a = new ArchiveIndex(ctx.root, ctx.all);
    own.set(ctx, a);
  }
  return a;
}

export { ArchiveIndex } from './archive.js';
export { RULES } from './rules/index.js';
