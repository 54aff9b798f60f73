/**
 * numbering/gap: issue numbers follow on without gaps — a missing 第21期 before 第22期 is
 * reported (as a warning: an issue may have been withdrawn). Yearly numbering restarts at 1.
 */
import { diagnostic } from '../../diagnostics/index.js';
import { archiveOf, type NamedRule } from '../context.js';
import { numberOf } from '../archive.js';
import { label, self } from './numbering.js';

export const numberingGap: NamedRule = {
  meta: [
    {
      id: 'numbering/gap',
      severity: 'warning',
      fixable: false,
      stage: 'check',
      source: { standard: 'house style' },
      description: { zh: '期号连续，不跳号', en: 'issue numbers follow on without gaps' },
    },
  ],
  create(ctx) {
    const me = self(ctx);
    if (!me) return [];
    const prev = archiveOf(ctx).neighbour(me.where, me.summary.supplement, -1);
    if (!prev) return [];
    const n = numberOf(me.summary);
    const p = numberOf(prev.summary);
    const yearly = ctx.series.numbering === 'yearly';
    const first = yearly && prev.summary.year !== me.summary.year ? 1 : p + 1;
    if (n <= first || (first === p + 1 && n <= p)) return [];
    const missing = first === n - 1 ? `${first}` : `${first}—${n - 1}`;
    const kind = me.summary.supplement ? { zh: '增刊', en: 'supplement ' } : { zh: '', en: 'issue ' };
    return [
      diagnostic(
        'numbering/gap',
        'warning',
        me.summary.numberLoc,
        {
          zh: `期号不连续：本期是${label(me.summary).zh}，档案中缺少${kind.zh}第${missing}期（上一期是${label(prev.summary, true).zh}）`,
          en: `numbering gap: this is ${label(me.summary).en}, but ${kind.en}${missing} is missing (the previous one is ${label(prev.summary, true).en})`,
        },
        { hint: { zh: '核对期号；若缺的那期确实没有出，可忽略此警告', en: 'check the number; if the missing issue was never published, ignore this warning' } },
      ),
    ];
  },
};
