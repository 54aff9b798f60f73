/**
 * The skeleton most text rules share: run one global regular expression over every unit of article
 * text, let the rule judge each match, and report it at its character (with a fix when the stretch
 * maps onto the source). The expression is built once, when the rule module loads, so a check
 * stays linear in the length of the text.
 */
import { diagnostic, type Diagnostic, type Message, type Severity } from '../../diagnostics/index.js';
import type { CheckContext, NamedRule, RuleMeta } from '../context.js';
import { fixAt, locAt, proseUnits, type TextUnit } from '../text.js';

/** What a rule makes of one match: where to point, what to say, and the replacement of the stretch when the repair is mechanical. */
export interface Finding {
  /** UTF-16 index in the unit's text of the character pointed at. */
  at: number;
  /** Length of the stretch the fix replaces (from `at`). */
  length: number;
  message: Message;
  hint?: Message;
  replacement?: string;
  severity?: Severity;
}

export function patternRule(
  meta: RuleMeta,
  pattern: RegExp,
  judge: (m: RegExpMatchArray, u: TextUnit, ctx: CheckContext) => Finding | Finding[] | undefined,
  units: (ctx: CheckContext) => TextUnit[] = proseUnits,
): NamedRule {
  if (!pattern.global) throw new Error(`${meta.id}: the pattern must be global`);
  return {
    meta: [meta],
    create(ctx) {
      const out: Diagnostic[] = [];
      for (const u of units(ctx)) {
        for (const m of u.text.matchAll(pattern)) {
          const found = judge(m, u, ctx);
          for (const f of found === undefined ? [] : Array.isArray(found) ? found : [found]) out.push(report(meta, u, f));
        }
      }
      return out;
    },
  };
}

export function report(meta: RuleMeta, u: TextUnit, f: Finding): Diagnostic {
  const fix = f.replacement !== undefined ? fixAt(u, f.at, f.length, f.replacement) : undefined;
  return diagnostic(meta.id, f.severity ?? meta.severity, locAt(u, f.at), f.message, { ...(f.hint ? { hint: f.hint } : {}), ...(fix ? { fix } : {}) });
}
