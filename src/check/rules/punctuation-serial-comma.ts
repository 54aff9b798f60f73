/**
 * punctuation/serial-comma: no 顿号 between items each in quotes or title marks
 * (GB/T 15834-2011 §4.5.3.5): 《手册》《标准》, “红色书屋”“四点半课堂”. A hint: the clause says
 * 通常不用顿号 (and 宜用顿号 where something stands between the items), so the author decides; the
 * deletion is carried as a fix only when bulletin.yaml raises the rule to a warning or an error.
 */
import type { NamedRule } from '../context.js';
import { patternRule } from './pattern.js';
import { excerpt } from '../text.js';

const BETWEEN_MARKED = /(?<=[》”’])、(?=[《“‘])/g;

export const serialComma: NamedRule = patternRule(
  {
    id: 'punctuation/serial-comma',
    severity: 'hint',
    fixable: true,
    stage: 'check',
    source: { standard: 'GB/T 15834-2011', clause: '4.5.3.5' },
    description: { zh: '并列的引号或书名号之间通常不用顿号', en: 'usually no 顿号 between items in quotes or title marks' },
  },
  BETWEEN_MARKED,
  (m, u) => {
    const i = m.index!;
    return {
      at: i,
      length: 1,
      replacement: '',
      message: {
        zh: `并列的书名号或引号之间通常不用顿号：${excerpt(u.text, i, 1)}`,
        en: `items in title marks or quotes usually take no 顿号 (、) between them: ${excerpt(u.text, i, 1)}`,
      },
      hint: {
        zh: '删去这个顿号（GB/T 15834—2011 第4.5.3.5条）',
        en: 'delete this 、 (GB/T 15834-2011 §4.5.3.5)',
      },
    };
  },
);
