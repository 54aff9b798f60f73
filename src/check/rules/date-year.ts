/** date/year: an issue filed under issues/<year>/ is dated in that year (yearly numbering restarts by it). */
import { diagnostic } from '../../diagnostics/index.js';
import type { NamedRule } from '../context.js';

export const dateInFolderYear: NamedRule = {
  meta: [
    {
      id: 'date/year',
      severity: 'warning',
      fixable: false,
      stage: 'check',
      source: { standard: 'house style' },
      description: { zh: 'issues/<年>/ 下的一期，日期在该年内', en: 'an issue under issues/<year>/ is dated in that year' },
    },
  ],
  create(ctx) {
    const { issue } = ctx;
    if (issue.date.year === issue.year) return [];
    return [
      diagnostic(
        'date/year',
        'warning',
        issue.dateLoc,
        {
          zh: `日期是 ${issue.date.year} 年，但本期放在 ${issue.year} 年的文件夹 ${issue.dir} 中`,
          en: `the date is in ${issue.date.year}, but the issue is filed under ${issue.year} (${issue.dir})`,
        },
        { hint: { zh: '核对日期的年份，或把本期移到对应年份的文件夹', en: 'check the year of the date, or move the issue to the folder of that year' } },
      ),
    ];
  },
};
