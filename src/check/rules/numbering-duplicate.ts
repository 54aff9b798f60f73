/**
 * numbering/duplicate: no two issues share a number — within a year under yearly numbering,
 * ever under continuous numbering. Supplements are numbered on their own and only clash with
 * other supplements. Only folders that could clash are read.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/index.js';
import { archiveOf, type NamedRule } from '../context.js';
import { numberOf } from '../archive.js';
import { label, self } from './numbering.js';

export const duplicateNumbers: NamedRule = {
  meta: [
    {
      id: 'numbering/duplicate',
      severity: 'error',
      fixable: false,
      stage: 'check',
      source: { standard: 'house style' },
      description: { zh: '期号不得重复', en: 'no two issues share a number' },
    },
  ],
  create(ctx) {
    const me = self(ctx);
    if (!me) return [];
    const archive = archiveOf(ctx);
    const yearly = ctx.series.numbering === 'yearly';
    const n = numberOf(me.summary);
    const out: Diagnostic[] = [];
    for (const other of archive.dirs) {
      if (other.dir === me.where.dir) continue;
      if (yearly && other.year !== me.where.year) continue;
      // A regular issue can only clash with a folder of the same number; a supplement with any folder.
      if (!me.summary.supplement && other.number !== n) continue;
      const s = archive.summary(other);
      if (!s || s.supplement !== me.summary.supplement || numberOf(s) !== n) continue;
      const l = label(me.summary);
      out.push(
        diagnostic(
          'numbering/duplicate',
          'error',
          me.summary.numberLoc,
          {
            zh: `${yearly ? `${me.where.year}年` : ''}已有一期${l.zh}（${other.rel}），期号重复`,
            en: `${l.en} already exists${yearly ? ` in ${me.where.year}` : ''} (${other.rel}): the number is used twice`,
          },
          { hint: { zh: '核对两期的期号，改正其中一期（并相应改名文件夹）', en: 'check both issues and renumber one of them (renaming its folder too)' } },
        ),
      );
    }
    return out;
  },
};
