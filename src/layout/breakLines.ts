/**
 * Break a paragraph's clusters into lines, choosing breaks over the whole paragraph
 * (in the manner of Knuth–Plass) rather than greedily.
 *
 * A line's cost comes from how it is made to fit its width (clreq §3.8, JLREQ §3.8: compress
 * punctuation, then expand the spaces between characters; never tighten ideographs):
 *  - pushing a line-end mark in by setting its blank half away is cheapest: clreq prefers it to
 *    pushing a character out (adjacent marks are always closed up, by itemize, not here);
 *  - a comma or stop inside the line keeps its full cell (set half-width, ，党 reads like a Latin
 *    comma), except in a paragraph that cannot otherwise be set without a loose line (an
 *    unbreakable https:// wider than what its line leaves): there it is compressed before any
 *    line is stretched past 1/8 em;
 *  - stretching the gaps costs more, and beyond 1/8 em it is "loose" and avoided wherever any
 *    other breaking avoids it;
 *  - characters are never set closer than the grid pitch: a line that fits only that way is
 *    not a candidate (only a line that cannot be set at all, a last resort, is squeezed).
 * A break that puts a prohibited mark at a line start or end is allowed only when nothing else
 * fits, at a prohibitive cost, so the algorithm always returns a result. A break between a number
 * and the unit after it (2025|年, 52.3|岁) is allowed at a cost. A Latin run that takes a large
 * share of the line (“3+X+6+10” on a phone) breaks inside only where every other breaking
 * leaves a loose line.
 */
import { isNumberUnitBreak } from './classify.js';
import { canBreakBetween, type Cluster } from './itemize.js';

export interface BreakOptions {
  /** Width of the first line and of every other line, pt. */
  firstWidth: number;
  width: number;
  /** Font size, pt: tolerances are in ems. */
  em: number;
  /** Justify all lines but the last (false: every line ragged, e.g. centred titles). */
  justify: boolean;
  /** Minimum letters on a paragraph's last line (孤字). */
  minLastLetters: number;
  /** Marks after which a break is preferred (lists of names: break after 、 or ，, not inside a name). */
  preferBreakAfter?: string;
  /** Marks before which a break is preferred too (an office name: break before its bracketed second name). */
  preferBreakBefore?: string;
}

/** How a line was fitted: which blanks were compressed, and the gap added between clusters. */
export interface LineFit {
  start: number;
  end: number;
  /** Cluster indices whose left / right blank is compressed. */
  squeezeLeft: number[];
  squeezeRight: number[];
  /** Added to every gap between clusters (negative: squeezed). */
  gap: number;
  /** Width after compression and before gap adjustment. */
  natural: number;
  cost: number;
  /** The line could not be made to fit. */
  overfull: boolean;
}

const COST_COMPRESS = 1;
/** Setting a bracket or quote inside the line half-width: preferred only to a line stretched well over halfway to loose. */
const COST_COMPRESS_INNER = 120;
const BRACKETS = new Set([...'‘’“”（）〔〕［］｛｝【】〖〗《》〈〉「」『』']);
/**
 * Setting a comma or stop inside the line half-width: only to avoid a loose line, so dearer than
 * any line that is not loose, and never more than three to a line. A half-width ， or ； before
 * a character reads most like a Latin mark, so 、 and 。 go first.
 */
const COST_COMPRESS_STOP: Record<string, number> = { '、': 2500, '。': 2500, '，': 3000, '：': 3000, '；': 3000 };
const COST_PROHIBITED = 1e7;
/**
 * Breaking a Latin run inside (3+X+|6+10, itemize's allowRunBreaks): only in the second pass,
 * dearer than compressing two stops, cheaper than a loose line.
 */
const COST_SPLIT_RUN = 6000;
const COST_LONELY_LAST = 5000;
/** A justified line of one unbreakable cluster (坚 alone, its paragraph pushed on): worse than any loose line. */
const COST_LONE_CLUSTER = 1e6;
const COST_OFF_SEPARATOR = 400;
/** A break between a number and its unit: taken only when the alternative costs more (a line ~0.8 of the way to loose). */
const COST_NUMBER_UNIT = 250;
/** Only a line that cannot be set at all is squeezed, by at most this (ems per gap). */
const MAX_SQUEEZE_EM = 1 / 24;
/** Stretching beyond this (in ems per gap) is visibly loose (clreq; issue: "no gap stretched beyond 1/8 em"). */
const LOOSE_EM = 1 / 8;

/**
 * Any stretched line pays a fixed price first, so that the slack left by an unbreakable run
 * stays in the one line before it and the lines around stay on the character grid; only
 * beyond about 1/9 em does spreading it over two lines become cheaper.
 */
function stretchCost(r: number, em: number): number {
  if (r <= 1e-9) return 0;
  const rel = r / (em * LOOSE_EM);
  return rel <= 1 ? 50 + 300 * rel * rel : 10000 + 1000 * rel * rel;
}

/** The cost of leaving `slack` unused at the end of a ragged (not justified) line. */
function raggedCost(slack: number, em: number): number {
  return (slack / em) ** 2;
}

/**
 * Fit clusters [start, end) into `width`: the cheapest mix of compression and gap adjustment.
 * @param stops also compress commas and stops inside the line (only where a loose line is the alternative)
 */
export function fitLine(cs: Cluster[], start: number, end: number, width: number, em: number, isLast: boolean, justify: boolean, stops = false): LineFit {
  // A trailing space at a break disappears.
  let stop = end;
  while (stop > start + 1 && cs[stop - 1].kind === 'space') stop--;
  let natural = 0;
  let gaps = 0;
  for (let k = start; k < stop; k++) {
    natural += cs[k].width;
    if (k < stop - 1 && !cs[k].glued) gaps++;
  }
  // A line holding nothing but pieces of one broken URL spreads its letters instead.
  if (gaps === 0) gaps = stop - start - 1;

  // Compressions left to line fitting, in order of preference: the line-end mark's blank half
  // (push-in), then the blank halves of brackets and quotes inside the line (clreq §3.8:
  // compress punctuation before expanding the spaces between characters). A comma or stop
  // inside the line keeps its full cell: set half-width, ，党 reads as a Latin comma.
  const options: { side: 'l' | 'r'; index: number; amount: number; cost: number }[] = [];
  if (cs[stop - 1].squeezeRight > 0) options.push({ side: 'r', index: stop - 1, amount: cs[stop - 1].squeezeRight, cost: COST_COMPRESS });
  for (let k = stop - 2; k >= start; k--) {
    const c = cs[k];
    if (c.squeezeRight > 0 && !c.paired && BRACKETS.has(c.text)) options.push({ side: 'r', index: k, amount: c.squeezeRight, cost: COST_COMPRESS_INNER });
  }
  for (let k = stop - 1; k > start; k--) {
    const c = cs[k];
    if (c.squeezeLeft > 0 && !c.paired && BRACKETS.has(c.text)) options.push({ side: 'l', index: k, amount: c.squeezeLeft, cost: COST_COMPRESS_INNER });
  }
  if (stops) {
    const more: typeof options = [];
    for (let k = stop - 2; k >= start; k--) {
      const c = cs[k];
      const cost = COST_COMPRESS_STOP[c.text];
      if (c.squeezeRight > 0 && !c.paired && cost) more.push({ side: 'r', index: k, amount: c.squeezeRight, cost });
    }
    // Cheapest first (、 and 。), the rightmost among equals.
    options.push(...more.sort((a, b) => a.cost - b.cost));
  }

  let best: LineFit | undefined;
  let used = 0;
  let compressCost = 0;
  for (let m = 0; m <= options.length; m++) {
    if (m > 0) {
      used += options[m - 1].amount;
      compressCost += options[m - 1].cost;
    }
    const w = natural - used;
    const slack = width - w;
    let gap = 0;
    let cost = compressCost;
    if (slack >= 0) {
      if (isLast || !justify) {
        // Compressed only as far as it must be to fit (the loop stops at the first m that fits),
        // its slack left at its end. A paragraph's last line takes the same compressions as any
        // other line, so a line-end mark pushed in keeps it one line shorter; a ragged line
        // (a centred title, a recipient list) only the push-in of its line-end mark: a title is
        // balanced by its natural widths, and a bracket closed up inside it would only crowd it.
        if (!justify && m > 0 && !(m === 1 && options[0].side === 'r' && options[0].index === stop - 1)) break;
        gap = 0;
        if (!isLast) cost += raggedCost(slack, em);
      } else if (gaps > 0) {
        gap = slack / gaps;
        cost += stretchCost(gap, em);
      } else {
        cost += slack > 1e-6 ? COST_LONE_CLUSTER : 0;
      }
    } else {
      // Tighter than the grid pitch: never (clreq and JLREQ never tighten ideographs).
      continue;
    }
    if (!best || cost < best.cost) {
      best = {
        start,
        end,
        squeezeLeft: options
          .slice(0, m)
          .filter((o) => o.side === 'l')
          .map((o) => o.index),
        squeezeRight: options
          .slice(0, m)
          .filter((o) => o.side === 'r')
          .map((o) => o.index),
        gap,
        natural: w,
        cost,
        overfull: false,
      };
    }
    if (slack >= 0) break; // further compression only loosens the line
  }
  if (!best || !Number.isFinite(best.cost)) {
    const all = options;
    const w = natural - all.reduce((s, o) => s + o.amount, 0);
    return {
      start,
      end,
      squeezeLeft: all.filter((o) => o.side === 'l').map((o) => o.index),
      squeezeRight: all.filter((o) => o.side === 'r').map((o) => o.index),
      gap: gaps > 0 ? Math.max((width - w) / gaps, -em * MAX_SQUEEZE_EM) : 0,
      natural: w,
      cost: Infinity,
      overfull: true,
    };
  }
  return best;
}

/**
 * Choose breaks for the whole paragraph; returns one fit per line.
 *
 * A first pass considers only lines that are not loose (the usual case: a handful of candidate
 * ends per line instead of thirty); when that pass finds no solution free of loose, prohibited or
 * overfull lines, a second pass considers every line, and may compress a comma or stop inside a
 * line rather than leave it loose.
 */
export function breakLines(cs: Cluster[], opts: BreakOptions): LineFit[] {
  if (cs.length === 0) return [];
  return findBreaks(cs, opts, true) ?? findBreaks(cs, opts, false)!;
}

/** Cost at or above which a solution contains a loose, prohibited or overfull line. */
const COST_LOOSE_OR_WORSE = 10000;

function findBreaks(cs: Cluster[], opts: BreakOptions, tightOnly: boolean): LineFit[] | undefined {
  const n = cs.length;
  const best = new Float64Array(n + 1).fill(Infinity);
  const from = new Int32Array(n + 1).fill(-1);
  /** The fit computed for the winning line into each break, when one was needed to cost it. */
  const fits: (LineFit | undefined)[] = new Array(n + 1);
  best[0] = 0;
  const { em } = opts;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(best[i])) continue;
    const width = i === 0 ? opts.firstWidth : opts.width;
    // Running totals for the line [i, j): natural width, and an upper bound on what compression
    // and squeezing could take away.
    let natural = 0;
    let shrinkable = 0;
    let letters = 0;
    let glued = 0;
    let relaxed = false;
    for (let j = i + 1; j <= n; j++) {
      const c = cs[j - 1];
      natural += c.width;
      if (j - 1 > i && cs[j - 2].glued) glued++;
      letters += c.letters;
      shrinkable += c.squeezeLeft + c.squeezeRight;
      // Past this, no compression makes the line fit.
      if (natural - shrinkable > width + 1e-9 && j > i + 1) break;
      const isLast = j === n;
      // First pass: a justified line this short would be loose; a longer one may not be.
      if (tightOnly && !isLast && opts.justify && natural + (j - i - 1) * em * LOOSE_EM < width) continue;
      // Lines that need no compression (the common case) are costed here without building a
      // fit; the rest go through fitLine, which also records which marks were compressed.
      let cost: number;
      let fit: LineFit | undefined;
      const trailingSpace = c.kind === 'space';
      if (!trailingSpace && natural <= width + 1e-9 && (isLast || natural === width)) {
        cost = 0;
      } else if (!trailingSpace && natural <= width && !opts.justify) {
        // A ragged line (a list of recipients) should still be filled before the next begins.
        cost = raggedCost(width - natural, em);
      } else if (!trailingSpace && natural <= width && opts.justify) {
        const gaps = j - i - 1 - glued || j - i - 1;
        cost = gaps > 0 ? stretchCost((width - natural) / gaps, em) : COST_LONE_CLUSTER;
      } else {
        fit = fitLine(cs, i, j, width, em, isLast, opts.justify, !tightOnly);
        cost = fit.cost;
      }
      if (!isLast && !canBreakBetween(c, cs[j])) cost += COST_PROHIBITED;
      if (!isLast && c.lastResort) {
        if (tightOnly) continue;
        cost += COST_SPLIT_RUN;
      }
      if (!isLast) cost += c.breakPenalty ?? 0;
      if (!isLast && isNumberUnitBreak(c.text, cs[j].text)) cost += COST_NUMBER_UNIT;
      if (!isLast && (opts.preferBreakAfter || opts.preferBreakBefore)) {
        const after = !!opts.preferBreakAfter && opts.preferBreakAfter.includes(c.text.slice(-1));
        const before = !!opts.preferBreakBefore && opts.preferBreakBefore.includes(cs[j].text.slice(0, 1));
        if (!after && !before) cost += COST_OFF_SEPARATOR;
      }
      if (isLast && i > 0 && letters < opts.minLastLetters) cost += COST_LONELY_LAST;
      if (!Number.isFinite(cost)) {
        // Keep one way forward even when nothing fits (a cluster wider than the line).
        if (j === i + 1 && !relaxed) {
          relaxed = true;
          cost = 1e9;
        } else continue;
      }
      if (best[i] + cost < best[j]) {
        best[j] = best[i] + cost;
        from[j] = i;
        fits[j] = fit ? { ...fit, cost } : undefined;
      }
    }
  }
  if (tightOnly && !(best[n] < COST_LOOSE_OR_WORSE)) return undefined;
  const lines: LineFit[] = [];
  let j = n;
  while (j > 0) {
    const i = from[j];
    lines.push(fits[j] ?? fitLine(cs, i, j, i === 0 ? opts.firstWidth : opts.width, em, j === n, opts.justify, !tightOnly));
    j = i;
  }
  return lines.reverse();
}

/**
 * Break a paragraph into exactly `count` lines (TeX's looseness: one line more or fewer than
 * the best breaking, to fill a page foot), or undefined when that needs a loose, prohibited
 * or overfull line. To save a line, commas and stops inside a line may be compressed as a
 * typesetter does (缩行), at most three to a line: each costs COST_COMPRESS_STOP, and a line
 * costing COST_LOOSE_OR_WORSE is refused.
 */
export function breakLinesInto(cs: Cluster[], opts: BreakOptions, count: number): LineFit[] | undefined {
  const n = cs.length;
  if (count < 1 || count > n) return undefined;
  const { em } = opts;
  // best[l][j]: cheapest way to set clusters [0, j) in l lines.
  const best = Array.from({ length: count + 1 }, () => new Float64Array(n + 1).fill(Infinity));
  const from = Array.from({ length: count + 1 }, () => new Int32Array(n + 1).fill(-1));
  best[0][0] = 0;
  for (let l = 0; l < count; l++) {
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(best[l][i])) continue;
      const width = i === 0 ? opts.firstWidth : opts.width;
      let natural = 0;
      let shrinkable = 0;
      let letters = 0;
      for (let j = i + 1; j <= n; j++) {
        const c = cs[j - 1];
        natural += c.width;
        shrinkable += c.squeezeLeft + c.squeezeRight;
        letters += c.letters;
        if (natural - shrinkable > width + 1e-9) break;
        const isLast = j === n;
        if (isLast !== (l === count - 1)) continue;
        // Refused anyway, so not fitted: a prohibited break, or a line loose before any compression.
        if (!isLast && (!canBreakBetween(c, cs[j]) || c.lastResort)) continue;
        if (!isLast && opts.justify && natural + (j - i - 1) * em * LOOSE_EM < width) continue;
        let cost = fitLine(cs, i, j, width, em, isLast, opts.justify, true).cost;
        if (!isLast) cost += (c.breakPenalty ?? 0) + (isNumberUnitBreak(c.text, cs[j].text) ? COST_NUMBER_UNIT : 0);
        if (isLast && i > 0 && letters < opts.minLastLetters) cost += COST_LONELY_LAST;
        if (!(cost < COST_LOOSE_OR_WORSE)) continue;
        if (best[l][i] + cost < best[l + 1][j]) {
          best[l + 1][j] = best[l][i] + cost;
          from[l + 1][j] = i;
        }
      }
    }
  }
  if (!Number.isFinite(best[count][n])) return undefined;
  const lines: LineFit[] = [];
  let j = n;
  for (let l = count; l > 0; l--) {
    const i = from[l][j];
    lines.push(fitLine(cs, i, j, i === 0 ? opts.firstWidth : opts.width, em, j === n, opts.justify, true));
    j = i;
  }
  return lines.reverse();
}
