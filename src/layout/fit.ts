/**
 * Fit: the one way every element of fixed width reaches the page (masthead name, issue number,
 * office, date, titles, headings, end-block entries, 共印N份, page numbers). An element is set
 * in its box at its natural size and tracking; when it does not fit, the tracking is reduced
 * (down to its minimum), then the size (down to its minimum), then more lines are allowed (up to
 * its maximum). If it still does not fit, the result says so, and the caller reports it as a
 * `layout/does-not-fit` error at the place the text was written: nothing is ever cut off,
 * drawn past the margin or over a neighbour without a word.
 */
import { reported, type Diagnostic, type Message, type SourceLoc } from '../diagnostics/index.js';
import { MM } from '../style/index.js';
import type { StyledText } from './itemize.js';
import { layoutParagraph, type ParagraphOptions } from './paragraph.js';
import type { TextLine } from './types.js';

/** What a fitted element is, for the message that names it when it does not fit. */
export type FitElement = 'series' | 'issue-number' | 'office' | 'date' | 'label' | 'title' | 'heading' | 'attribution' | 'end-block' | 'copies' | 'page-number';

const ELEMENT_NAMES: Record<FitElement, Message & { hint: Message }> = {
  series: {
    zh: '刊头名称',
    en: 'the series name',
    hint: {
      zh: '缩短 bulletin.yaml 中的 series，或在 style.masthead 下调小 min_size / min_letter_spacing',
      en: 'shorten `series` in bulletin.yaml, or lower style.masthead.min_size / min_letter_spacing',
    },
  },
  'issue-number': { zh: '期号行', en: 'the issue number line', hint: { zh: '检查期号与总期号是否写对', en: 'check the issue number and the running total' } },
  office: {
    zh: '编印单位',
    en: 'the issuing office',
    hint: {
      zh: '缩短 bulletin.yaml 中的 office（如用简称），或在 style.masthead 下调小 line_min_size',
      en: 'shorten `office` in bulletin.yaml (e.g. its short name), or lower style.masthead.line_min_size',
    },
  },
  date: { zh: '日期', en: 'the date', hint: { zh: '检查 style.body.size 与版心宽度', en: 'check style.body.size and the text width' } },
  label: { zh: '刊头标注', en: 'the masthead label', hint: { zh: '缩短 style.masthead.label', en: 'shorten style.masthead.label' } },
  title: {
    zh: '文章标题',
    en: 'the article title',
    hint: { zh: '在过长的英文或数字串中加空格，或缩短标题', en: 'put a space into the over-long Latin or digit run, or shorten the title' },
  },
  heading: {
    zh: '小标题',
    en: 'the heading',
    hint: { zh: '在过长的英文或数字串中加空格，或缩短小标题', en: 'put a space into the over-long Latin or digit run, or shorten the heading' },
  },
  attribution: { zh: '供稿单位', en: 'the attribution', hint: { zh: '缩短供稿单位名称', en: 'shorten the unit names' } },
  'end-block': {
    zh: '版记',
    en: 'the end-block entry',
    hint: { zh: '缩短标签（如“报”“送”），或在过长的名称中加顿号分开', en: 'shorten the label (e.g. 报, 送), or separate over-long names with 、' },
  },
  copies: { zh: '印数“共印N份”', en: 'the print run (共印N份)', hint: { zh: '检查 issue.yaml 的 copies', en: 'check `copies` in issue.yaml' } },
  'page-number': { zh: '页码', en: 'the page number', hint: { zh: '检查 style.page_number 的 size 与 inset', en: 'check style.page_number.size and inset' } },
};

export interface FitSpec {
  element: FitElement;
  parts: StyledText[];
  /** Where the element was written (the diagnostic points here). */
  loc: SourceLoc;
  /** The box: left edge and width, pt. Nothing may be drawn outside it. */
  x: number;
  width: number;
  /** Natural size, pt, and the smallest allowed (default: the natural size). */
  size: number;
  minSize?: number;
  /** Natural tracking in ems (full-width cell = size × (1 + tracking)), and the smallest allowed. */
  tracking: number;
  minTracking?: number;
  /** Lines allowed (default 1; Infinity for text that wraps, such as titles). */
  maxLines?: number;
  /** Everything else the line setter needs (role, alignment, hang …). */
  paragraph: Omit<ParagraphOptions, 'size' | 'cell' | 'x' | 'width'>;
  /** The line setter: layoutParagraph unless the element has its own (titles). */
  set?: (parts: StyledText[], o: ParagraphOptions, diagnostics: Diagnostic[]) => TextLine[];
}

export interface Fitted {
  fits: boolean;
  lines: TextLine[];
  size: number;
  tracking: number;
  /** The widest line set (or needed, when it did not fit), pt. */
  needed: number;
}

const EPS = 0.01;
const TRACKING_STEP = 0.01;
const SIZE_STEP = 0.5;

/** A set line stays inside the box when its extent does. */
function inside(lines: TextLine[], x: number, width: number): boolean {
  return lines.every((l) => l.x >= x - EPS && l.x + l.width <= x + width + EPS);
}

function widest(lines: TextLine[]): number {
  return lines.reduce((w, l) => Math.max(w, l.width), 0);
}

/** The (size, tracking) pairs to try, best first: tracking down to its minimum, then size down to its minimum. */
function candidates(s: FitSpec): { size: number; tracking: number }[] {
  const minT = Math.min(s.minTracking ?? s.tracking, s.tracking);
  const minS = Math.min(s.minSize ?? s.size, s.size);
  const out = [{ size: s.size, tracking: s.tracking }];
  for (let t = s.tracking - TRACKING_STEP; t > minT + 1e-9; t -= TRACKING_STEP) out.push({ size: s.size, tracking: t });
  if (minT < s.tracking) out.push({ size: s.size, tracking: minT });
  for (let z = s.size - SIZE_STEP; z > minS + 1e-9; z -= SIZE_STEP) out.push({ size: z, tracking: minT });
  if (minS < s.size) out.push({ size: minS, tracking: minT });
  return out;
}

/**
 * Set an element in its box, shrinking within its limits. Diagnostics of the setting kept
 * (characters no font has) are those of the attempt returned; an overfull line is not reported
 * by itself but as the element not fitting (see unfitDiagnostic).
 */
export function fitText(s: FitSpec, diagnostics: Diagnostic[]): Fitted {
  const set = s.set ?? layoutParagraph;
  const maxLines = Math.max(1, s.maxLines ?? 1);
  const tries = candidates(s);
  const attempt = (c: { size: number; tracking: number }) => {
    const scratch: Diagnostic[] = [];
    const lines = set(s.parts, { ...s.paragraph, size: c.size, cell: c.size * (1 + c.tracking), x: s.x, width: s.width }, scratch);
    return { ...c, lines, scratch };
  };
  let last: ReturnType<typeof attempt> | undefined;
  // More lines only once tracking and size are at their limits; text that wraps anyway (maxLines
  // Infinity) is set once.
  const lineCounts = Number.isFinite(maxLines) ? Array.from({ length: maxLines }, (_, i) => i + 1) : [Infinity];
  for (const n of lineCounts) {
    for (const c of tries) {
      const a = attempt(c);
      last = a;
      if (a.lines.length <= n && inside(a.lines, s.x, s.width) && !a.scratch.some((d) => d.rule === 'layout/overfull')) {
        diagnostics.push(...a.scratch);
        return { fits: true, lines: a.lines, size: a.size, tracking: a.tracking, needed: widest(a.lines) };
      }
      if (!Number.isFinite(n)) break;
    }
  }
  // Does not fit: keep the attempt at the limits (the caller reports it; nothing is printed).
  const a = last!;
  diagnostics.push(...a.scratch.filter((d) => d.rule !== 'layout/overfull'));
  // What one line would need at the limits, to say by how much it misses.
  const one = s.parts.length ? attempt({ size: Math.min(s.minSize ?? s.size, s.size), tracking: Math.min(s.minTracking ?? s.tracking, s.tracking) }) : a;
  const needed = Number.isFinite(maxLines) ? Math.max(widest(one.lines), naturalWidth(one.lines)) : widest(a.lines);
  return { fits: false, lines: a.lines, size: a.size, tracking: a.tracking, needed };
}

/** The width of all lines laid end to end (what one line would take). */
function naturalWidth(lines: TextLine[]): number {
  return lines.reduce((w, l) => w + l.width, 0);
}

/** The error for an element that does not fit its box, at the place its text was written. */
export function unfitDiagnostic(s: FitSpec, f: Fitted): Diagnostic {
  const name = ELEMENT_NAMES[s.element];
  const text = s.parts.map((p) => p.text).join('');
  const shown = [...text].length > 40 ? `${[...text].slice(0, 39).join('')}…` : text;
  const mm = (pt: number) => (pt / MM).toFixed(1);
  const minSize = Math.min(s.minSize ?? s.size, s.size);
  const lines = s.maxLines ?? 1;
  const tighter = (s.minTracking ?? s.tracking) < s.tracking;
  const smaller = minSize < s.size;
  const limits = !Number.isFinite(lines)
    ? { zh: '有一行', en: ': a line' }
    : smaller || tighter || lines > 1
      ? {
          zh: `即使${tighter ? '字距收紧到最小、' : ''}${smaller ? `字号减到 ${minSize} 磅、` : ''}${lines > 1 ? `分成 ${lines} 行、` : ''}`.replace(
            /、$/,
            '，也',
          ),
          en: ` even with${[tighter ? ' the tightest letter spacing' : '', smaller ? ` ${minSize} pt type` : '', lines > 1 ? ` ${lines} lines` : ''].filter(Boolean).join(',')}`,
        }
      : { zh: '', en: '' };
  // Text that wraps is reported at the line that does not fit; a one-line element where it was written.
  const out = f.lines.find((l) => l.x < s.x - EPS || l.x + l.width > s.x + s.width + EPS);
  const loc = !Number.isFinite(lines) && out?.cells[0] ? out.cells[0].loc : s.loc;
  return reported(
    'layout/does-not-fit',
    loc,
    {
      zh: `${name.zh}“${shown}”${limits.zh}排不进宽 ${mm(s.width)} 毫米的位置（${lines > 1 && Number.isFinite(lines) ? '排成一行' : ''}需要 ${mm(f.needed)} 毫米）`,
      en: `${name.en} “${shown}” does not fit its ${mm(s.width)} mm${limits.en} (${lines > 1 && Number.isFinite(lines) ? 'on one line ' : ''}it needs ${mm(f.needed)} mm)`,
    },
    { hint: { zh: name.hint.zh, en: name.hint.en } },
  );
}

/** Fit and report in one step: the lines (possibly unfit) with an error pushed when they do not fit. */
export function fitOrReport(s: FitSpec, diagnostics: Diagnostic[]): Fitted {
  const f = fitText(s, diagnostics);
  if (!f.fits) diagnostics.push(unfitDiagnostic(s, f));
  return f;
}
