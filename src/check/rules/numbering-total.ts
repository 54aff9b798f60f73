/**
 * numbering/total: the running total (总第N期) goes up by one from one regular issue to the next.
 * Compared only across a step with no gap in the numbering (a gap is reported on its own).
 */
import { diagnostic } from '../../diagnostics/index.js';
import { archiveOf, type NamedRule } from '../context.js';
import { numberOf } from '../archive.js';
import { label, self } from './numbering.js';

export const runningTotal: NamedRule = {
  meta: [
    {
      id: 'numbering/total',
      severity: 'error',
      fixable: false,
      stage: 'check',
      source: { standard: 'house style' },
      description: { zh: '总期号逐期加一', en: 'the running total goes up by one per issue' },
    },
  ],
  create(ctx) {
    const me = self(ctx);
    if (!me || me.summary.supplement) return [];
    const prev = archiveOf(ctx).neighbour(me.where, false, -1);
    if (!prev || prev.summary.total === undefined) return [];
    const n = numberOf(me.summary);
    const p = numberOf(prev.summary);
    const yearly = ctx.series.numbering === 'yearly';
    const consecutive = yearly && prev.summary.year !== me.summary.year ? n === 1 : n === p + 1;
    if (!consecutive) return [];
    const want = prev.summary.total + 1;
    const prevLabel = label(prev.summary, true);
    if (me.summary.total === undefined)
      return [
        diagnostic(
          'numbering/total',
          'warning',
          me.summary.numberLoc,
          {
            zh: `本期没有写总期号 total，上一期（${prevLabel.zh}）是总第${prev.summary.total}期`,
            en: `this issue has no total, while the previous one (${prevLabel.en}) is total ${prev.summary.total}`,
          },
          { hint: { zh: `加上一行“total: ${want}”`, en: `add a line \`total: ${want}\`` } },
        ),
      ];
    if (me.summary.total === want) return [];
    return [
      diagnostic(
        'numbering/total',
        'error',
        me.summary.totalLoc,
        {
          zh: `总期号应为 ${want}：上一期（${prevLabel.zh}）是总第${prev.summary.total}期，本期写的是 ${me.summary.total}`,
          en: `the total should be ${want}: the previous issue (${prevLabel.en}) is total ${prev.summary.total}, this one says ${me.summary.total}`,
        },
        {
          hint: {
            zh: `把 total 改为 ${want}（若上一期的总期号错了，先改上一期）`,
            en: `set total to ${want} (if the previous issue’s total is wrong, correct that one first)`,
          },
        },
      ),
    ];
  },
};
