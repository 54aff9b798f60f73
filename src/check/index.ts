/**
 * Checks: rules that find problems before print. Each rule is its own module under rules/
 * (meta + create, see context.ts), taking the checked issue (and, for rules that span issues, the
 * archive index) and returning diagnostics. A rule that fails is reported, never allowed to stop
 * the check.
 */
import { reported, type Diagnostic } from '../diagnostics/index.js';
import type { CheckContext } from './context.js';
import { outsideProtected } from './protect.js';
import { RULES } from './rules/index.js';

export function checkIssue(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of RULES) {
    try {
      out.push(...rule.create(ctx));
    } catch (e) {
      const ids = rule.meta.map((m) => m.id).join(', ');
      out.push(
        reported(
          'internal/rule-failed',
          { file: ctx.issue.file, line: 1, column: 1 },
          { zh: `检查规则 ${ids} 运行出错，这部分未检查：${(e as Error).message}`, en: `the rule ${ids} failed and was skipped: ${(e as Error).message}` },
          { hint: { zh: '请把此消息报告给维护人员', en: 'please report this to the maintainers' } },
        ),
      );
    }
  }
  return outsideProtected(out, ctx.sources);
}

export { archiveOf, type CheckContext, type NamedRule, type RuleMeta, type RuleSource } from './context.js';
export { ArchiveIndex } from './archive.js';
export { RULES } from './rules/index.js';
export { REGISTRY, ruleMeta, applyChecks, checksDiagnostics, sourceText, rulesMarkdown } from './registry.js';
