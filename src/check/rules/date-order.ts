/**
 * date/order: issues are dated in the order of their numbers — an issue may not be dated before
 * the previous issue or after the next one. Supplements are compared with supplements.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/index.js';
import { archiveOf, type NamedRule } from '../context.js';
import { formatDate } from '../../dates.js';
import { compareDates, label, self } from './numbering.js';

export const dateOrder: NamedRule = {
  meta: [
    {
      id: 'date/order',
      severity: 'error',
      fixable: false,
      stage: 'check',
      source: { standard: 'house style' },
      description: { zh: '各期日期按期号先后排列', en: 'issues are dated in the order of their numbers' },
    },
  ],
  create(ctx) {
    const me = self(ctx);
    if (!me || !me.summary.date) return [];
    const archive = archiveOf(ctx);
    const out: Diagnostic[] = [];
    const date = me.summary.date;
    const prev = archive.neighbour(me.where, me.summary.supplement, -1);
    if (prev?.summary.date && compareDates(date, prev.summary.date) < 0) {
      const l = label(prev.summary, true);
      out.push(
        diagnostic(
          'date/order',
          'error',
          me.summary.dateLoc,
          {
            zh: `本期日期 ${formatDate(date)} 早于上一期（${l.zh}）的日期 ${formatDate(prev.summary.date)}`,
            en: `this issue is dated ${formatDate(date)}, before the previous one (${l.en}, ${formatDate(prev.summary.date)})`,
          },
          { hint: { zh: '核对本期和上一期的日期与期号', en: 'check the dates and numbers of this issue and the previous one' } },
        ),
      );
    }
    const next = archive.neighbour(me.where, me.summary.supplement, 1);
    if (next?.summary.date && compareDates(date, next.summary.date) > 0) {
      const l = label(next.summary, true);
      out.push(
        diagnostic(
          'date/order',
          'error',
          me.summary.dateLoc,
          {
            zh: `本期日期 ${formatDate(date)} 晚于下一期（${l.zh}）的日期 ${formatDate(next.summary.date)}`,
            en: `this issue is dated ${formatDate(date)}, after the next one (${l.en}, ${formatDate(next.summary.date)})`,
          },
          { hint: { zh: '核对本期和下一期的日期与期号', en: 'check the dates and numbers of this issue and the next one' } },
        ),
      );
    }
    return out;
  },
};
