/** attribution/unknown-unit: every unit named in `source` is listed in bulletin.yaml `units`. */
import { diagnostic, type Diagnostic } from '../../diagnostics/index.js';
import { didYouMean } from '../../model/index.js';
import type { NamedRule } from '../context.js';

export const attributionUnits: NamedRule = {
  meta: [
    {
      id: 'attribution/unknown-unit',
      severity: 'error',
      fixable: false,
      stage: 'check',
      source: { standard: 'house style' },
      description: { zh: 'source 中的供稿单位须在 bulletin.yaml 的 units 中列出', en: 'every unit in source is listed in bulletin.yaml units' },
    },
  ],
  create(ctx) {
    const units = ctx.series.units;
    if (!units.length) return [];
    const out: Diagnostic[] = [];
    for (const a of ctx.issue.articles) {
      a.sources.forEach((s, k) => {
        if (units.includes(s)) return;
        const near = didYouMean(s, units);
        out.push(
          diagnostic(
            'attribution/unknown-unit',
            'error',
            a.sourceLocs?.[k] ?? a.sourceLoc,
            { zh: `供稿单位“${s}”不在 bulletin.yaml 的 units 名录中`, en: `the unit “${s}” is not in the units list of bulletin.yaml` },
            {
              hint: near
                ? {
                    zh: `是不是“${near}”？若确是新单位，请先把它加入 bulletin.yaml 的 units`,
                    en: `did you mean “${near}”? If it really is a new unit, add it to units in bulletin.yaml first`,
                  }
                : {
                    zh: '核对单位全称；若确是新单位，请先把它加入 bulletin.yaml 的 units',
                    en: 'check the unit’s full name; if it really is a new unit, add it to units in bulletin.yaml first',
                  },
            },
          ),
        );
      });
    }
    return out;
  },
};
