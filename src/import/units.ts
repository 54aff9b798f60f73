/** Matching the unit an author wrote against `units` in bulletin.yaml: exactly, else the nearest name. */
import { distance } from 'fastest-levenshtein';
import type { Said } from './types.js';

export interface UnitMatch {
  unit: string;
  /** Set when the name written differs from the unit chosen, or no unit matched. */
  guess?: Said;
}

export function matchUnit(written: string, units: readonly string[]): UnitMatch {
  const name = written.trim();
  if (!units.length || units.includes(name)) return { unit: name };
  // 株洲市天元区委组织部 for 天元区委组织部: the longest known name inside the one written, or vice versa.
  const containing = units.filter((u) => name.includes(u) || (u.includes(name) && [...name].length >= 4)).sort((a, b) => b.length - a.length);
  let best: string | undefined = containing[0];
  if (!best) {
    let bestD = Infinity;
    for (const u of units) {
      const d = distance(name, u);
      if (d < bestD) (bestD = d), (best = u);
    }
    // Accept a near name only: one slip per four characters (天元区组织部 → 天元区委组织部).
    if (bestD > Math.max(1, Math.floor([...name].length / 4))) best = undefined;
  }
  if (best)
    return {
      unit: best,
      guess: { zh: `供稿单位“${name}”按最接近的名称取为“${best}”`, en: `unit “${name}” taken as the nearest known unit “${best}”` },
    };
  return {
    unit: name,
    guess: { zh: `供稿单位“${name}”不在 bulletin.yaml 的 units 中，按原样保留`, en: `unit “${name}” is not among the units in bulletin.yaml; kept as written` },
  };
}
