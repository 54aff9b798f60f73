/**
 * One paragraph: itemize → breakLines → placeLine. Returns lines positioned horizontally;
 * pagination gives them their baselines.
 */
import { reported, type Diagnostic } from '../diagnostics/index.js';
import type { FontBook, FontRole } from '../fonts/types.js';
import { breakLines, breakLinesInto } from './breakLines.js';
import { allowRunBreaks, itemize, splitWide, type StyledText } from './itemize.js';
import { placeLine, type Align } from './justify.js';
import { textLine, type Ink, type TextLine } from './types.js';

export interface ParagraphOptions {
  fonts: FontBook;
  size: number;
  /** Full-width cell: grid pitch for body text. */
  cell: number;
  /** Left edge and width of the measure. */
  x: number;
  width: number;
  /** First-line indent and left/right insets, in cells. */
  indent: number;
  inset?: number;
  /** Hanging indent for lines after the first, in pt (end block: align under the recipients). */
  hang?: number;
  align: Align;
  ink?: Ink;
  role: FontRole;
  minLastLetters?: number;
  /** Prefer breaks after these marks (see BreakOptions). */
  preferBreakAfter?: string;
  preferBreakBefore?: string;
}

/**
 * @param looseness set the paragraph this many lines longer (or shorter) than its best breaking,
 *   to fill a page foot; the lines are undefined when that would need a loose line.
 */
export function layoutParagraph(parts: StyledText[], o: ParagraphOptions, diagnostics: Diagnostic[]): TextLine[];
export function layoutParagraph(parts: StyledText[], o: ParagraphOptions, diagnostics: Diagnostic[], looseness: number): TextLine[] | undefined;
export function layoutParagraph(parts: StyledText[], o: ParagraphOptions, diagnostics: Diagnostic[], looseness = 0): TextLine[] | undefined {
  const inset = (o.inset ?? 0) * o.cell;
  const x0 = o.x + inset;
  const w = o.width - 2 * inset;
  const lineWidth = w - (o.hang ?? 0);
  const clusters = allowRunBreaks(splitWide(itemize(parts, { size: o.size, cell: o.cell, fonts: o.fonts }, diagnostics), lineWidth * 0.9), lineWidth);
  if (!clusters.length) return [];
  const first = o.indent * o.cell;
  const hang = o.hang ?? 0;
  const breakOpts = {
    firstWidth: w - first,
    width: w - hang,
    em: o.size,
    justify: o.align === 'justify',
    minLastLetters: o.minLastLetters ?? 2,
    preferBreakAfter: o.preferBreakAfter,
    preferBreakBefore: o.preferBreakBefore,
  };
  let fits = breakLines(clusters, breakOpts);
  if (looseness) {
    const other = breakLinesInto(clusters, breakOpts, fits.length + looseness);
    if (!other) return undefined;
    fits = other;
  }
  return fits.map((fit, i) => {
    const last = i === fits.length - 1;
    const lx = x0 + (i === 0 ? first : hang);
    const lw = w - (i === 0 ? first : hang);
    const align: Align = o.align === 'justify' && last ? 'left' : o.align;
    const placed = placeLine(clusters, fit, lx, lw, align);
    if (placed.overfull) {
      const loc = clusters[fit.start].loc;
      diagnostics.push(
        reported(
          'layout/overfull',
          loc,
          { zh: '这一行无法排入版心宽度（溢出）', en: 'this line cannot be set within the text width (overfull)' },
          { hint: { zh: '检查是否有过长的英文、数字串或连续标点', en: 'look for an over-long Latin or digit run, or a long row of marks' } },
        ),
      );
    }
    return textLine(placed, o.role, o.ink ?? 'text', last);
  });
}
