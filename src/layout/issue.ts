/**
 * Lay out a whole issue: masthead, editor's note, articles, end block, page numbers.
 * Body text sits on the GB/T 9704 grid (28 × 22); every flow line takes one grid line.
 */
import type { Diagnostic, SourceLoc } from '../diagnostics/index.js';
import type { FontBook, FontRole } from '../fonts/types.js';
import { formatDateZh, type Block, type Issue, type Paragraph, type SeriesConfig } from '../model/types.js';
import { geometry, MM, type Geometry, type HouseStyle } from '../style/index.js';
import type { StyledText } from './itemize.js';
import { fillPageFeet, type Relayable } from './feet.js';
import type { FlowLine, PageSlice } from './paginate.js';
import { layoutParagraph, type ParagraphOptions } from './paragraph.js';
import { layoutTitle } from './title.js';
import { fitOrReport, fitText, unfitDiagnostic, type FitElement, type FitSpec } from './fit.js';
import type { EndBlockPlace, IssueLayout, OutlineEntry, PageItem, PageLayout, RuleBox, TextLine } from './types.js';

/** Baseline of an ideographic em box of `size` centred in a line of `pitch`: the em box spans 0.88 above and 0.12 below the baseline. */
function baselineIn(top: number, pitch: number, size: number): number {
  return top + (pitch - size) / 2 + 0.88 * size;
}

interface Ctx {
  g: Geometry;
  style: HouseStyle;
  fonts: FontBook;
  /** See LayoutInput.narrow. */
  narrow: boolean;
  diagnostics: Diagnostic[];
  /** bulletin.yaml, where the house style is set. */
  styleFile: string;
  pageNumberReported?: boolean;
  /** Body paragraphs that may be set a line longer or shorter to fill a page foot. */
  relayable: Relayable[];
  /** Each article's title and its first flow line, for the bookmarks. */
  titles: { title: string; first: FlowLine }[];
}

function bodyOpts(ctx: Ctx, role: FontRole, extra: Partial<ParagraphOptions> = {}): ParagraphOptions {
  return {
    fonts: ctx.fonts,
    size: ctx.style.body.size,
    cell: ctx.g.pitch,
    x: ctx.g.left,
    width: ctx.g.width,
    indent: ctx.style.body.indent,
    align: 'justify',
    role,
    ...extra,
  };
}

function runsOf(block: Block | Paragraph, regular: FontRole, lead: FontRole): StyledText[] {
  return block.runs.map((r) => ({ text: r.text, role: r.style === 'lead' ? lead : regular, loc: r.loc }));
}

/** Text that wraps in a fixed box (headings, attribution, end-block entries): set through the fit, so a line that cannot be set is an error. */
function wrapped(ctx: Ctx, element: FitElement, parts: StyledText[], o: ParagraphOptions): TextLine[] {
  const { size, cell, x, width, ...paragraph } = o;
  const inset = (o.inset ?? 0) * cell;
  return fitOrReport(
    {
      element,
      parts,
      loc: parts[0]?.loc ?? { file: '', line: 1, column: 1 },
      x: x + inset,
      width: width - 2 * inset,
      size,
      tracking: cell / size - 1,
      maxLines: Infinity,
      paragraph: { ...paragraph, inset: 0 },
    },
    ctx.diagnostics,
  ).lines;
}

/** Flow lines of a paragraph with widow/orphan protection. */
function paragraphFlow(lines: TextLine[]): FlowLine[] {
  const n = lines.length;
  return lines.map((l, i) => ({ lines: [l], keep: n >= 2 && (i === 1 || i === n - 1), dropAtTop: false }));
}

const blank = (keep = false, dropAtTop = true): FlowLine => ({ lines: [], keep, dropAtTop });

function noteFlow(ctx: Ctx, paragraphs: Paragraph[], label: string): FlowLine[] {
  const flow: FlowLine[] = [];
  paragraphs.forEach((p, i) => {
    const parts = runsOf(p, 'note', 'lead');
    if (i === 0) parts.unshift({ text: label, role: 'lead', loc: p.loc });
    flow.push(...paragraphFlow(layoutParagraph(parts, bodyOpts(ctx, 'note'), ctx.diagnostics)));
  });
  return flow;
}

function articleFlow(ctx: Ctx, issue: Issue, index: number): FlowLine[] {
  const a = issue.articles[index];
  const { style } = ctx;
  const flow: FlowLine[] = [];
  // Titles wrap (never shrink); a line that cannot be set inside the text block is an error.
  const titleLines = fitOrReport(
    {
      element: 'title',
      parts: [{ text: a.title, role: 'title', loc: a.titleLoc }],
      loc: a.titleLoc,
      x: ctx.g.left,
      width: ctx.g.width,
      size: style.title.size,
      tracking: 0,
      maxLines: Infinity,
      paragraph: { fonts: ctx.fonts, indent: 0, align: 'center', role: 'title' },
      set: (p, o, d) => layoutTitle(p, { ...o, subtitleSize: style.title.subtitle_size, margin: ctx.narrow ? 0 : 1 }, d),
    },
    ctx.diagnostics,
  ).lines;
  titleLines.forEach((l, i) => flow.push({ lines: [l], keep: i > 0, dropAtTop: false }));
  if (titleLines.length) ctx.titles.push({ title: a.title, first: flow[0] });
  for (let k = 0; k < style.title.space_after; k++) flow.push(blank(true, false));
  const text: FlowLine[] = [];
  if (a.note.length) text.push(...noteFlow(ctx, a.note, '编者按：'));
  // A heading is never split, and the line after it may not open a page.
  let afterHeading = false;
  for (const b of a.blocks) {
    const heading = b.kind === 'heading';
    const role: FontRole = !heading ? 'body' : b.level === 1 ? 'heading1' : b.level === 2 ? 'heading2' : 'heading3';
    const parts = runsOf(b, role, heading ? role : 'lead');
    // On the phone a heading that wraps breaks after its comma, set ragged, rather than inside a word (获|得感).
    const headingOpts = bodyOpts(ctx, role, ctx.narrow ? { preferBreakAfter: '，、；：', align: 'left' } : {});
    const f = paragraphFlow(heading ? wrapped(ctx, 'heading', parts, headingOpts) : layoutParagraph(parts, bodyOpts(ctx, role), ctx.diagnostics));
    if (afterHeading && f[0]) f[0].keep = true;
    if (heading) f.forEach((x, i) => (x.keep ||= i > 0));
    text.push(...f);
    if (!heading && f.length)
      ctx.relayable.push({
        lines: f,
        relayout(looseness) {
          const lines = layoutParagraph(parts, bodyOpts(ctx, role), [], looseness);
          if (!lines) return undefined;
          // The same keep rules: its own widow/orphan lines, and whatever its first two lines were kept with.
          return paragraphFlow(lines).map((x, i) => ({ ...x, keep: x.keep || (i < 2 && !!f[i]?.keep) }));
        },
      });
    afterHeading = heading;
  }
  // The title keeps with the first two lines of its text.
  text.slice(0, 2).forEach((f) => (f.keep = true));
  flow.push(...text);
  if (a.sources.length) {
    // The unit names carry the position of `source`, so a character no font has is reported there.
    const parts: StyledText[] = [
      { text: `（${style.attribution.label}`, role: 'attribution', loc: a.sourceLoc },
      { text: a.sources.join('、'), role: 'attribution', loc: a.sourceLoc },
      { text: '）', role: 'attribution', loc: a.sourceLoc },
    ];
    // A joint contribution that wraps (on the phone) breaks between units, not inside a name.
    const lines = wrapped(ctx, 'attribution', parts, bodyOpts(ctx, 'attribution', { indent: 0, align: 'right', preferBreakAfter: '、：' }));
    lines.forEach((l) => flow.push({ lines: [l], keep: true, dropAtTop: false }));
  }
  return flow;
}

/** The masthead on page 1, drawn in the first `style.masthead.lines` grid lines. Every element is fitted, never cut. */
function masthead(ctx: Ctx, series: SeriesConfig, issue: Issue): PageItem[] {
  const { g, style } = ctx;
  const m = style.masthead;
  const body = style.body.size;
  const items: PageItem[] = [];
  const line = (k: number, size: number) => baselineIn(g.top + k * g.linePitch, g.linePitch, size);
  const fileLoc = { file: series.file, line: 1, column: 1 };
  // The lines under the name keep the body's grid tracking (a 3号 glyph on the 28-per-line pitch).
  const gridTracking = g.pitch / body - 1;
  const inset = g.pitch;
  const fit = (
    element: FitElement,
    text: string,
    loc: SourceLoc,
    role: FontRole,
    box: { x: number; width: number },
    align: 'center' | 'left' | 'right',
    more: Partial<FitSpec> = {},
  ) =>
    fitOrReport(
      {
        element,
        parts: [{ text, role, loc }],
        loc,
        ...box,
        size: body,
        minSize: m.line_min_size,
        tracking: gridTracking,
        paragraph: { fonts: ctx.fonts, indent: 0, align, role, ink: 'text' },
        ...more,
      },
      ctx.diagnostics,
    );
  const full = { x: g.left, width: g.width };
  const inner = { x: g.left + inset, width: g.width - 2 * inset };
  if (m.label) {
    const f = fit('label', m.label, fileLoc, 'heading1', full, 'left', { minSize: body });
    f.lines.forEach((l) => items.push({ ...l, baseline: line(0, body) - g.linePitch * 0.9 }));
  }
  // Series name: centred over the first three grid lines, letter-spaced.
  const name = fit('series', series.series, series.seriesLoc ?? fileLoc, 'masthead', full, 'center', {
    size: m.size,
    minSize: m.min_size,
    tracking: m.letter_spacing,
    minTracking: m.min_letter_spacing,
    paragraph: { fonts: ctx.fonts, indent: 0, align: 'center', role: 'masthead', ink: 'red' },
  });
  const nameCenter = g.top + 1.5 * g.linePitch;
  name.lines.forEach((l) => items.push({ ...l, baseline: nameCenter + 0.38 * name.size }));
  let number = `第${issue.number}期`;
  if (issue.supplement) number = `增刊第${issue.number}期`;
  if (issue.total) number += `（总第${issue.total}期）`;
  const num = fit('issue-number', number, issue.numberLoc ?? { file: issue.file, line: 1, column: 1 }, 'body', full, 'center');
  num.lines.forEach((l) => items.push({ ...l, baseline: line(3, num.size) }));
  // The date at the right; the office at the left in what remains, one character clear of the date.
  const date = fit('date', formatDateZh(issue.date), issue.dateLoc, 'body', inner, 'right');
  const ruleBelow = (baseline: number) => baseline + 0.12 * body + m.rule_gap * MM;
  // The office may take a second line only while the rule stays above the first line of text.
  const flowTop = g.top + m.lines * g.linePitch;
  let officeLines = 1;
  while (officeLines < m.office_lines && ruleBelow(line(4 + officeLines, body)) + m.rule_width / 2 <= flowTop) officeLines++;
  // The office's room is what the longest date of the year leaves (…12月28日), so whether the office
  // fits never changes with the date, and `check --all` reports it once, not once per issue.
  const longest = fitText(
    {
      element: 'date',
      parts: [{ text: formatDateZh({ year: issue.date.year, month: 12, day: 28 }), role: 'body', loc: issue.dateLoc }],
      loc: issue.dateLoc,
      ...inner,
      size: body,
      minSize: m.line_min_size,
      tracking: gridTracking,
      paragraph: { fonts: ctx.fonts, indent: 0, align: 'right', role: 'body', ink: 'text' },
    },
    [],
  );
  const dateWidth = [...date.lines, ...longest.lines].reduce((w, l) => Math.max(w, l.width), 0);
  const officeBox = { x: inner.x, width: Math.max(0, inner.width - dateWidth - g.pitch) };
  // On two lines, an office name breaks before its bracketed second name or after a separator.
  const officeIn = (box: { x: number; width: number }, maxLines: number, minSize: number, report: boolean) => {
    const loc = series.officeLoc ?? fileLoc;
    const spec: FitSpec = {
      element: 'office',
      parts: [{ text: series.office, role: 'body', loc }],
      loc,
      ...box,
      size: body,
      minSize,
      tracking: gridTracking,
      maxLines,
      paragraph: { fonts: ctx.fonts, indent: 0, align: 'left', role: 'body', ink: 'text', preferBreakAfter: '、，）)', preferBreakBefore: '（(' },
    };
    return report ? fitOrReport(spec, ctx.diagnostics) : fitText(spec, []);
  };
  // On a narrow measure, an office that does not fit beside the date at the body size takes the
  // full width on its own line(s) and the date the line below, while the rule stays above the text.
  let rows = 1;
  while (rows < m.office_lines + 1 && ruleBelow(line(4 + rows, body)) + m.rule_width / 2 <= flowTop) rows++;
  const stack = ctx.narrow && rows > 1 && !officeIn(officeBox, 1, body, false).fits;
  const office = stack ? officeIn(inner, rows - 1, m.line_min_size, true) : officeIn(officeBox, officeLines, m.line_min_size, true);
  office.lines.forEach((l, i) => items.push({ ...l, baseline: line(4 + i, office.size) }));
  const officeRows = Math.max(1, Math.min(office.lines.length, stack ? rows - 1 : officeLines));
  const lastBaseline = line(4 + officeRows - (stack ? 0 : 1), body);
  date.lines.forEach((l) => items.push({ ...l, baseline: lastBaseline }));
  items.push({ kind: 'rule', x1: g.left, x2: g.left + g.width, y: ruleBelow(lastBaseline), thickness: m.rule_width, ink: 'red' });
  return items;
}

/** The end block (版记): recipient lines between rules, 共印N份 at the right of the last line. */
function endBlock(ctx: Ctx, issue: Issue): { lines: number; place: (page: PageItem[], firstLine: number) => void } {
  const { g, style } = ctx;
  const e = style.end_block;
  const size = e.size;
  // Recipient lists break between names (after 、 or ，), so lines are set ragged, not justified.
  const opts: ParagraphOptions = {
    fonts: ctx.fonts,
    size,
    cell: size,
    x: g.left,
    width: g.width,
    indent: 0,
    inset: e.indent,
    align: 'left',
    role: 'end_block',
    preferBreakAfter: '、，；',
  };
  const entries: TextLine[][] = [];
  for (const d of issue.distribution) {
    const label = `${d.label.replace(/[:：]$/, '')}：`;
    const text = `${label}${d.recipients.join('，')}。`;
    entries.push(wrapped(ctx, 'end-block', [{ text, role: 'end_block', loc: d.loc }], { ...opts, hang: [...label].length * size }));
  }
  if (issue.copies) {
    const copies = `共印${issue.copies}份`;
    const loc = issue.copiesLoc ?? { file: issue.file, line: 1, column: 1 };
    const inset = e.indent * size;
    const { size: _s, cell: _c, x: _x, width: _w, ...paragraph } = opts;
    const [c] = fitOrReport(
      {
        element: 'copies',
        parts: [{ text: copies, role: 'end_block', loc }],
        loc,
        x: g.left + inset,
        width: g.width - 2 * inset,
        size,
        tracking: 0,
        paragraph: { ...paragraph, inset: 0, align: 'right' },
      },
      ctx.diagnostics,
    ).lines;
    const last = entries[entries.length - 1]?.[entries[entries.length - 1].length - 1];
    const room = last ? g.left + g.width - e.indent * size - (last.x + last.width) : 0;
    // 共印N份 stands at the right of the last line, or of a line of its own inside the last ruled block.
    if (last && last.last && room >= c.width + 2 * size) {
      last.glyphs.push(...c.glyphs);
      last.cells.push(...c.cells);
    } else if (entries.length) entries[entries.length - 1].push(c);
    else entries.push([c]);
  }
  const count = entries.reduce((s, l) => s + l.length, 0);
  return {
    lines: count,
    place(page, firstLine) {
      let k = firstLine;
      const ruleAt = (line: number, thickness: number): RuleBox => ({
        kind: 'rule',
        x1: g.left,
        x2: g.left + g.width,
        y: g.top + line * g.linePitch,
        thickness: thickness * MM,
        ink: 'text',
      });
      page.push(ruleAt(k, e.outer_rule));
      entries.forEach((lines, i) => {
        for (const l of lines) {
          page.push({ ...l, baseline: baselineIn(g.top + k * g.linePitch, g.linePitch, size), gridLine: k });
          k++;
        }
        page.push(ruleAt(k, i === entries.length - 1 ? e.outer_rule : e.inner_rule));
      });
    },
  };
}

function pageNumber(ctx: Ctx, n: number): TextLine {
  const { g, style } = ctx;
  const pn = style.page_number;
  const odd = n % 2 === 1;
  // A page number has no source text: one that does not fit is a house-style problem, reported at bulletin.yaml.
  const loc = { file: ctx.styleFile, line: 1, column: 1 };
  const inset = pn.inset * pn.size;
  const spec: FitSpec = {
    element: 'page-number',
    parts: [{ text: `— ${n} —`, role: 'page_number', loc }],
    loc,
    x: g.left + inset,
    width: g.width - 2 * inset,
    size: pn.size,
    tracking: 0,
    paragraph: { fonts: ctx.fonts, indent: 0, align: odd ? 'right' : 'left', role: 'page_number' },
  };
  const fitted = fitText(spec, ctx.diagnostics);
  // Reported once per issue, for the first page number that does not fit: every page has the same box.
  if (!fitted.fits && !ctx.pageNumberReported) {
    ctx.diagnostics.push(unfitDiagnostic(spec, fitted));
    ctx.pageNumberReported = true;
  }
  const [line] = fitted.lines;
  // The dash line (about 0.27 em above the baseline) lies `offset` mm below the text block.
  const baseline = g.top + g.height + pn.offset * MM + 0.27 * pn.size;
  return { ...line, baseline };
}

/**
 * Where the end block goes: at the foot of the last page when it fits below the text (its top rule
 * separates the two, so no blank line is required: one would cost two pages when the text ends on
 * an even page), else on a new page; with `evenPage`, only on an even page, leaving a blank page
 * before it when the text ends on an even page that has no room (GB/T 9704 §7.4); neither that
 * blank page nor the end-block page after it is numbered (§7.5).
 */
export function endBlockPlacement(
  pages: number,
  usedLines: number,
  blockLines: number,
  perPage: number,
  evenPage: boolean,
): { blankPages: number; newPage: boolean } {
  const fits = usedLines + blockLines <= perPage;
  if (fits && (!evenPage || pages % 2 === 0)) return { blankPages: 0, newPage: false };
  if (!evenPage || pages % 2 === 1) return { blankPages: 0, newPage: true };
  return { blankPages: 1, newPage: true };
}

export interface LayoutInput {
  series: SeriesConfig;
  issue: Issue;
  style: HouseStyle;
  fonts: FontBook;
  /**
   * A narrow measure (the phone image, 19 characters): the masthead's office and date each take
   * their own line when they do not fit side by side at the body size, instead of the office
   * shrinking and breaking mid-name; title lines may take the whole measure (the phone page has
   * its own side margins) instead of keeping a character clear each side, so that a title wraps
   * where its phrases part (荷塘区党建引领网格化治理 / 推动城市基层治理提质增效) rather than
   * taking a third, ragged line; the end block follows the text instead of sitting at a page foot.
   */
  narrow?: boolean;
}

export function layoutIssue({ series, issue, style, fonts, narrow = false }: LayoutInput): IssueLayout {
  const g = geometry(style);
  const ctx: Ctx = { g, style, fonts, narrow, diagnostics: [], styleFile: series.file, relayable: [], titles: [] };
  const flow: FlowLine[] = [];
  if (issue.editorNote.length) {
    flow.push(...noteFlow(ctx, issue.editorNote, '编者按：'));
    flow.push(blank(false, true));
  }
  issue.articles.forEach((_, i) => {
    if (i > 0) for (let k = 0; k < style.title.space_before; k++) flow.push(blank(false, true));
    flow.push(...articleFlow(ctx, issue, i));
  });
  const perPage = style.grid.lines;
  const eb = issue.distribution.length || issue.copies ? endBlock(ctx, issue) : undefined;
  // In print, the end block under the text of its last page, if a paragraph or two set a line
  // shorter puts it there, rather than on a page of its own (after a blank page when the text
  // fills an even page): that saves one or two printed pages. The phone's end block follows the text.
  const endBlockUnderText =
    eb && !narrow
      ? (s: PageSlice[]) => {
          const last = s[s.length - 1];
          return !endBlockPlacement(s.length, last.start + last.lines.length, eb.lines, perPage, style.end_block.even_page).newPage;
        }
      : undefined;
  const slices = fillPageFeet(flow, ctx.relayable, style.masthead.lines, perPage, endBlockUnderText);
  const pages: PageLayout[] = slices.map((s, p) => {
    const items: PageItem[] = p === 0 ? masthead(ctx, series, issue) : [];
    s.lines.forEach((f, k) => {
      const gridLine = s.start + k;
      for (const l of f.lines)
        items.push({ ...l, gridLine, baseline: baselineIn(g.top + gridLine * g.linePitch, g.linePitch, l.glyphs[0]?.size ?? style.body.size) });
    });
    return { number: p + 1, items };
  });

  let endBlockPlace: EndBlockPlace | undefined;
  if (eb) {
    const last = slices[slices.length - 1];
    const used = last.start + last.lines.length;
    const where = endBlockPlacement(pages.length, used, eb.lines, perPage, style.end_block.even_page);
    const lastText = pages.length - 1;
    for (let k = 0; k < where.blankPages; k++) pages.push({ number: 0, items: [] });
    let target = pages[pages.length - 1];
    if (where.newPage) {
      // GB/T 9704 §7.5: when a blank page precedes the end-block page, neither carries a page number.
      target = { number: where.blankPages ? 0 : pages.length + 1, items: [] };
      pages.push(target);
    }
    // At the foot of the page in print; on the phone (a column with no page foot) a line after the text.
    const after = where.newPage || where.blankPages ? 0 : used;
    eb.place(target.items, ctx.narrow ? Math.min(perPage - eb.lines, after && after + 1) : perPage - eb.lines);
    let rows = last.lines.length;
    while (rows > 0 && !last.lines[rows - 1].lines.length) rows--;
    endBlockPlace = {
      page: pages.length - 1,
      lastText,
      blankPages: where.blankPages,
      lines: eb.lines,
      rowsLeft: perPage - last.start - rows,
      newPage: where.newPage,
      oddLastPage: style.end_block.even_page && lastText % 2 === 0,
    };
  }
  for (const page of pages) if (page.number > 0) page.items.push(pageNumber(ctx, page.number));
  const outline: OutlineEntry[] = [];
  for (const t of ctx.titles) {
    const page = slices.findIndex((s) => s.lines.includes(t.first));
    if (page >= 0) outline.push({ title: t.title, page, top: g.top + (slices[page].start + slices[page].lines.indexOf(t.first)) * g.linePitch });
  }
  return { geometry: g, pages, outline, endBlock: endBlockPlace, diagnostics: ctx.diagnostics };
}
