/**
 * punctuation/serial-comma: no 顿号 between items each in quotes or title marks
 * (GB/T 15834-2011 §4.5.3.5): 《手册》《标准》, “红色书屋”“四点半课堂”.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/index.js';
import type { NamedRule } from '../context.js';
import { excerpt, fixAt, locAt, proseUnits } from '../text.js';

const BETWEEN_MARKED = /(?<=[》”’])、(?=[《“‘])/g;

export const serialComma: NamedRule = {
  meta: [{ id: 'punctuation/serial-comma', severity: 'warning', fixable: true, stage: 'check', source: { standard: 'GB/T 15834-2011', clause: '4.5.3.5' }, description: { zh: '并列的引号或书名号之间不用顿号', en: "no 顿号 between items in quotes or title marks" } }],
  create(ctx) {
    const out: Diagnostic[] = [];
    for (const u of proseUnits(ctx)) {
      for (const m of u.text.matchAll(BETWEEN_MARKED)) {
        const i = m.index!;
        const fix = fixAt(u, i, 1, '');
        out.push(
          diagnostic(
            'punctuation/serial-comma',
            'warning',
            locAt(u, i),
            {
              zh: `并列的书名号或引号之间不用顿号：${excerpt(u.text, i, 1)}`,
              en: `no 顿号 (、) between items in title marks or quotes: ${excerpt(u.text, i, 1)}`,
            },
            {
              hint: { zh: '删去这个顿号（GB/T 15834—2011 第4.5.3.5条；可运行 bulletin fix 自动修正）', en: 'delete this 、 (GB/T 15834-2011 §4.5.3.5; bulletin fix does it)' },
              ...(fix ? { fix } : {}),
            },
          ),
        );
      }
    }
    return out;
  },
};
