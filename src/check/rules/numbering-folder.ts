/**
 * numbering/folder: issue.yaml's `number` agrees with its folder issues/<year>/<number>.
 * A supplement (增刊) is numbered on its own, so its folder may carry any free number.
 */
import { diagnostic } from '../../diagnostics/index.js';
import type { NamedRule } from '../context.js';

export const numberMatchesFolder: NamedRule = {
  meta: [
    {
      id: 'numbering/folder',
      severity: 'error',
      fixable: false,
      stage: 'check',
      source: { standard: 'house style' },
      description: { zh: 'issue.yaml 的期号与目录名一致', en: 'the issue number agrees with its folder' },
    },
  ],
  create(ctx) {
    const { issue } = ctx;
    if (issue.supplement) return [];
    const folder = Number(issue.dir.split('/').pop());
    if (!Number.isFinite(folder) || folder === issue.number) return [];
    return [
      diagnostic(
        'numbering/folder',
        'error',
        issue.numberLoc ?? { file: issue.file, line: 1, column: 1 },
        { zh: `期号 number: ${issue.number} 与所在文件夹 ${issue.dir} 不一致`, en: `number: ${issue.number} does not match the folder ${issue.dir}` },
        {
          hint: {
            zh: `若本期是第${folder}期，把 number 改为 ${folder}；否则把文件夹改名为 ${issue.number}`,
            en: `if this is issue ${folder}, set number to ${folder}; otherwise rename the folder to ${issue.number}`,
          },
        },
      ),
    ];
  },
};
