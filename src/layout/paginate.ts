/**
 * Paginate: distribute grid lines over pages.
 *
 * Every flow line occupies one grid line. Lines say whether a page may begin with them
 * (`keep`: false means the break before this line is to be avoided) and whether they vanish at a
 * page top (blank separators). The rules encoded through `keep` by the caller:
 *  - a title never ends a page: it stays with at least two lines of its text;
 *  - no single line of a paragraph alone at a page bottom or top (孤行);
 *  - an attribution stays with its article's last line.
 * When no allowed break fits on a page, the page is filled and broken where it must.
 */
import type { TextLine } from './types.js';

export interface FlowLine {
  /** Undefined for a blank line. */
  lines: TextLine[];
  /** Avoid a page break just before this line. */
  keep: boolean;
  /** A blank that is dropped when it would open a page. */
  dropAtTop: boolean;
}

export interface PageSlice {
  /** Flow lines on this page, in order, each on grid line `start + k`. */
  lines: FlowLine[];
  start: number;
}

/**
 * @param firstStart grid line where text begins on the first page (below the masthead)
 * @param perPage grid lines per page
 */
export function paginate(flow: FlowLine[], firstStart: number, perPage: number): PageSlice[] {
  const pages: PageSlice[] = [];
  let pos = 0;
  let start = firstStart;
  while (pos < flow.length) {
    while (pos < flow.length && flow[pos].dropAtTop && (pages.length > 0 || start > firstStart)) pos++;
    if (pos >= flow.length) break;
    const room = perPage - start;
    let end = Math.min(flow.length, pos + room);
    if (end < flow.length) {
      let k = end;
      while (k > pos && flow[k].keep) k--;
      // k === pos: nothing fits under the rules; break where the page is full.
      if (k > pos) end = k;
    }
    pages.push({ lines: flow.slice(pos, end), start });
    pos = end;
    start = 0;
  }
  if (!pages.length) pages.push({ lines: [], start: firstStart });
  return pages;
}
