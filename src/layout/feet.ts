/**
 * Page feet: after pagination, fill the foot of a page that keep rules left three or more rows
 * empty although more text follows (a three-line title that must keep two lines of its text, a
 * paragraph too short to split). As TeX's \looseness does, paragraphs near that foot are set one
 * line shorter or longer, never with a loose line, and the page breaks fall where they now fall.
 */
import { paginate, type FlowLine, type PageSlice } from './paginate.js';
import type { TextLine } from './types.js';

/** A paragraph's flow lines and how to set it with another line count. */
export interface Relayable {
  lines: FlowLine[];
  /** The paragraph set `looseness` lines longer (negative: shorter) than its best breaking; undefined when that needs a loose line. */
  relayout(looseness: number): FlowLine[] | undefined;
}

/** Rows left empty at a page foot from which on a page counts as short. */
export const SHORT_FOOT = 3;
/** Paragraphs set another way to fill one foot, at most. */
const MAX_CHANGED = 3;
/**
 * Pages before a short one whose paragraphs are candidates too: over full pages, a paragraph set
 * a line shorter pulls every line after it up one row.
 */
const REACH = 2;

/** Empty grid rows at the foot of each page but the last (a page followed by more text). */
export function footGaps(slices: PageSlice[], perPage: number): number[] {
  return slices.slice(0, -1).map((s) => {
    let used = s.lines.length;
    while (used > 0 && !s.lines[used - 1].lines.length) used--;
    return perPage - s.start - used;
  });
}

/** Pages that end SHORT_FOOT or more rows short of the foot, and how many rows they leave in all. */
function shortness(slices: PageSlice[], perPage: number): [number, number] {
  const short = footGaps(slices, perPage).filter((e) => e >= SHORT_FOOT);
  return [short.length, short.reduce((a, b) => a + b, 0)];
}

/** How far a set paragraph is from its grid: the squared spread added between cells, over its lines but the last. */
function spread(lines: FlowLine[]): number {
  let s = 0;
  for (const f of lines)
    for (const l of f.lines as TextLine[]) {
      if (l.last || l.cells.length < 2) continue;
      const inked = l.cells.reduce((w, c) => w + c.width, 0);
      const gap = (l.width - inked) / (l.cells.length - 1);
      s += gap * gap;
    }
  return s;
}

interface Variant {
  p: Relayable;
  /** Lines more (negative: fewer) than the paragraph's best breaking. */
  looseness: number;
  lines: FlowLine[];
  /** Spread added over the paragraph's current setting. */
  cost: number;
}

/**
 * Paginate, then fill the short page feet. For each short page in turn, every paragraph with a
 * line on that page or the REACH pages before it is a candidate, set one line shorter or longer; the
 * change of up to MAX_CHANGED paragraphs that leaves the fewest short pages (then the fewest empty
 * foot rows, then the fewest paragraphs changed, then the least added spread) is taken, as long
 * as the feet get fuller and the issue no longer. A paragraph is changed at most once.
 * @param room whether what follows the text fits under it on its last page (the end block); when
 *   it does not, see makeRoom
 */
export function fillPageFeet(
  flow: FlowLine[],
  relayable: Relayable[],
  firstStart: number,
  perPage: number,
  room?: (slices: PageSlice[]) => boolean,
): PageSlice[] {
  let slices = paginate(flow, firstStart, perPage);
  /** Paragraphs set another way, with their looseness. */
  const changed = new Map<Relayable, number>();
  const variants = new Map<Relayable, Variant[]>();
  const variantsOf = (p: Relayable): Variant[] => {
    let vs = variants.get(p);
    if (!vs) {
      const base = spread(p.lines);
      vs = [];
      for (const looseness of [-1, 1]) {
        const lines = p.relayout(looseness);
        if (lines) vs.push({ p, looseness, lines, cost: spread(lines) - base });
      }
      variants.set(p, vs);
    }
    return vs;
  };
  for (let round = 0; round < 8; round++) {
    const [count, rows] = shortness(slices, perPage);
    if (!count) break;
    const pages = footGaps(slices, perPage).flatMap((e, i) => (e >= SHORT_FOOT ? [i] : []));
    let best: { flow: FlowLine[]; slices: PageSlice[]; key: number[]; change: Variant[] } | undefined;
    for (const page of pages) {
      const near = new Set(slices.slice(Math.max(0, page - REACH), page + 1).flatMap((s) => s.lines));
      // In flow order, so a combination is applied in one pass.
      const candidates = relayable.filter((p) => !changed.has(p) && p.lines.some((l) => near.has(l)));
      const options = candidates.map(variantsOf);
      const tryChange = (change: Variant[]) => {
        const trial = replace(flow, change);
        const next = paginate(trial, firstStart, perPage);
        const [c2, r2] = shortness(next, perPage);
        if (next.length > slices.length || !(c2 < count || (c2 === count && r2 < rows))) return;
        const key = [c2, r2, change.length, change.reduce((s, v) => s + v.cost, 0)];
        if (!best || less(key, best.key)) best = { flow: trial, slices: next, key, change };
      };
      const walk = (from: number, change: Variant[]) => {
        if (change.length) tryChange(change);
        if (change.length === MAX_CHANGED) return;
        for (let k = from; k < options.length; k++) for (const v of options[k]) walk(k + 1, [...change, v]);
      };
      walk(0, []);
      if (best) break;
    }
    if (!best) break;
    const taken = best as { flow: FlowLine[]; slices: PageSlice[]; change: Variant[] };
    flow = taken.flow;
    slices = taken.slices;
    for (const v of taken.change) {
      v.p.lines = v.lines;
      changed.set(v.p, v.looseness);
    }
  }
  if (room && !room(slices)) {
    const made = makeRoom(flow, slices, relayable, changed, firstStart, perPage, room);
    if (made) slices = made;
  }
  return slices;
}

/** Paragraphs set a line shorter to make room for what must follow the text on its last page, at most. */
const MAX_SHORTENED = 2;

/**
 * Room at the end (the end block under the text of the last page, GB/T 9704 §7.4, rather than on
 * a page of its own, maybe after a blank page): set up to MAX_SHORTENED paragraphs with a line on
 * the last REACH + 1 pages one line shorter, as the feet do, and take the change for which `room`
 * holds that sets the fewest paragraphs, then leaves the fewest short pages and empty foot rows,
 * then adds the least spread, as long as no more pages end short than before. A paragraph the
 * feet set a line longer may go back to its best breaking; one they set shorter is left alone.
 * Undefined when no such change exists.
 */
function makeRoom(
  flow: FlowLine[],
  slices: PageSlice[],
  relayable: Relayable[],
  changed: Map<Relayable, number>,
  firstStart: number,
  perPage: number,
  room: (slices: PageSlice[]) => boolean,
): PageSlice[] | undefined {
  const [count] = shortness(slices, perPage);
  const near = new Set(slices.slice(Math.max(0, slices.length - 1 - REACH)).flatMap((s) => s.lines));
  // Pagination sees only how many lines a paragraph has and which may not open a page, so the
  // changes are first tried with stand-ins (its lines less one, kept as relayout keeps them) and
  // only the paragraphs of a change that makes room are set again: usually none is, at no cost.
  const standIns: Variant[] = [];
  for (const p of relayable) {
    const looseness = (changed.get(p) ?? 0) - 1;
    const n = p.lines.length - 1;
    if (looseness < -1 || n < 1 || !p.lines.some((l) => near.has(l))) continue;
    const lines = Array.from({ length: n }, (_, i) => ({ ...p.lines[i], keep: (n >= 2 && (i === 1 || i === n - 1)) || (i < 2 && p.lines[i].keep) }));
    standIns.push({ p, looseness, lines, cost: 0 });
  }
  const trial = (change: Variant[]) => {
    const next = paginate(replace(flow, change), firstStart, perPage);
    const [c2, r2] = shortness(next, perPage);
    return c2 <= count && room(next) ? { slices: next, key: [change.length, c2, r2, change.reduce((s, v) => s + v.cost, 0)] } : undefined;
  };
  const fits: Variant[][] = [];
  const walk = (from: number, change: Variant[]) => {
    if (change.length && trial(change)) fits.push(change);
    if (change.length === MAX_SHORTENED) return;
    // In flow order, so a combination is applied in one pass.
    for (let k = from; k < standIns.length; k++) walk(k + 1, [...change, standIns[k]]);
  };
  walk(0, []);
  const real = new Map<Relayable, Variant | undefined>();
  const set = (v: Variant): Variant | undefined => {
    if (!real.has(v.p)) {
      const lines = v.p.relayout(v.looseness);
      real.set(v.p, lines && lines.length === v.lines.length ? { ...v, lines, cost: spread(lines) - spread(v.p.lines) } : undefined);
    }
    return real.get(v.p);
  };
  let best: { slices: PageSlice[]; key: number[]; change: Variant[] } | undefined;
  // The fewest paragraphs first: a pair is set again only when no one paragraph makes room.
  fits.sort((a, b) => a.length - b.length);
  for (const fit of fits) {
    if (best && fit.length > best.change.length) break;
    const change = fit.map(set);
    if (change.some((v) => !v)) continue;
    const done = trial(change as Variant[]);
    if (done && (!best || less(done.key, best.key))) best = { ...done, change: change as Variant[] };
  }
  if (!best) return undefined;
  const taken = best as { slices: PageSlice[]; change: Variant[] };
  for (const v of taken.change) v.p.lines = v.lines;
  return taken.slices;
}

function less(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

/** The flow with each changed paragraph's lines put in place of its current ones (changes in flow order). */
function replace(flow: FlowLine[], change: Variant[]): FlowLine[] {
  const out: FlowLine[] = [];
  let k = 0;
  for (const v of change) {
    const at = flow.indexOf(v.p.lines[0], k);
    for (; k < at; k++) out.push(flow[k]);
    out.push(...v.lines);
    k = at + v.p.lines.length;
  }
  for (; k < flow.length; k++) out.push(flow[k]);
  return out;
}
