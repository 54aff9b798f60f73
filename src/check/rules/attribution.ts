import { closest } from 'fastest-levenshtein';
import { diagnostic, type Diagnostic } from '../../diagnostics/index.js';
import type { CheckContext } from '../index.js';

/** attribution/unknown-unit: every source names a unit listed in bulletin.yaml `units`. */
export function attributionUnits(ctx: CheckContext): Diagnostic[] {
  const units = ctx.series.units;
  if (!units.length) return [];
  const out: Diagnostic[] = [];
  for (const a of ctx.issue.articles) {
    if (!a.sources.length) {
      out.push(diagnostic('attribution/missing', 'error', a.sourceLoc, { zh: '文章的供稿单位 `source` 是空的', en: 'the article’s `source` is empty' }));
      continue;
    }
    for (const s of a.sources) {
      if (units.includes(s)) continue;
      const near = closest(s, units);
      out.push(
        diagnostic(
          'attribution/unknown-unit',
          'error',
          a.sourceLoc,
          { zh: `供稿单位“${s}”不在 bulletin.yaml 的 units 名录中`, en: `the unit “${s}” is not in the units list of bulletin.yaml` },
          { hint: { zh: `是不是“${near}”？若是新单位，请先加入 units 名录`, en: `did you mean “${near}”? If it is a new unit, add it to units first` } },
        ),
      );
    }
  }
  return out;
}
