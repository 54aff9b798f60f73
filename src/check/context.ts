/**
 * What a rule is given and what it is: the check context, the rule contract (meta + create, in
 * the manner of ESLint) and the archive index rules spanning issues share. Rules import this
 * module, never check/index.ts, so the rule list and the rules do not import each other.
 */
import type { IssueDir } from '../archive/index.js';
import type { Diagnostic, Message, Severity } from '../diagnostics/index.js';
import type { Issue, SeriesConfig, SourceText } from '../model/index.js';
import { ArchiveIndex } from './archive.js';

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

/** Where a rule comes from: the clause of a standard it implements, or the house style. */
export type RuleSource =
  | { standard: 'GB/T 15834-2011' | 'GB/T 15835-2011' | 'GB/T 9704-2012' | '党政机关公文处理工作条例'; clause: string }
  | { standard: 'house style'; clause?: string };

/** The registered facts about one rule id. */
export interface RuleMeta {
  id: string;
  /**
   * Severity when bulletin.yaml's `checks:` says nothing. Follows the source's wording: what a
   * standard requires is an error or a warning; what it says is 一般/通常/可以/宜 done is a hint
   * (and carries no fix unless `checks:` raises it).
   */
  severity: Severity;
  /** Whether its diagnostics carry a mechanical fix that `bulletin fix` applies. */
  fixable: boolean;
  description: Message;
  source: RuleSource;
  /**
   * Where the diagnostics come from: a text rule of this stage (`check`), or the parser, the model,
   * the trial layout or an edition (WeChat), which report as they read.
   */
  stage: 'check' | 'yaml' | 'model' | 'layout' | 'fonts' | 'edition' | 'internal';
  /**
   * A problem the PDF cannot be made right with (a file missing, a YAML error, a line that does not
   * fit): `checks:` cannot switch it off or lower it below an error.
   */
  locked?: boolean;
}

/** One check rule: its meta (one or more ids) and what it finds. */
export interface NamedRule {
  meta: readonly RuleMeta[];
  create(ctx: CheckContext): Diagnostic[];
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
