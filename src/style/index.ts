/**
 * The house style: every layout number in one typed object, each default citing
 * where it comes from. An archive overrides any of them under `style:` in bulletin.yaml.
 */

/** CMYK components 0–100, as pdfkit's DeviceCMYK fill colours take them. */
export type Cmyk = [number, number, number, number];

export interface HouseStyle {
  page: {
    /** Paper, mm. GB/T 9704 §5.1: A4. */
    width: number;
    height: number;
    /** Top margin (天头), mm. GB/T 9704 §5.2.1: 37 mm ± 1 mm. */
    top: number;
    /** Left (binding) margin (订口), mm. GB/T 9704 §5.2.1: 28 mm ± 1 mm. */
    left: number;
    /** Text block (版心), mm. GB/T 9704 §5.2.1: 156 × 225 mm. */
    text_width: number;
    text_height: number;
  };
  /** GB/T 9704 §5.2.3: 一般 28 characters × 22 lines, filling the text block. */
  grid: { chars: number; lines: number };
  body: {
    /** 3号 = 16 pt (GB/T 9704 §5.2.2). */
    size: number;
    /** First-line indent in characters (GB/T 9704 §7.3.3: 左空二字). */
    indent: number;
  };
  title: {
    /** 2号 = 22 pt XiaoBiaoSong (GB/T 9704 §7.3.1). */
    size: number;
    /** Blank grid lines before a title that follows another article. */
    space_before: number;
    /** Blank grid lines between a title and its text (GB/T 9704 §7.3.2: the line after the title 空一行). */
    space_after: number;
    /**
     * Size of a ——subtitle, which starts its own line when the title wraps (many bulletins set
     * it smaller, e.g. 18 = 小二 or 16 = 三号); the title size by default.
     */
    subtitle_size: number;
  };
  masthead: {
    /** Series name size: 小初–初号 (36–42 pt) by bulletin convention. */
    size: number;
    /** Smallest size the series name may be set at to fit the text width, pt (house style: 小初 36 pt, the low end of the 小初–初号 convention). */
    min_size: number;
    /** Extra space between the series name's characters, in ems. */
    letter_spacing: number;
    /** Least letter spacing the series name may be tightened to, in ems (house style: 0, characters never closer than their em boxes). */
    min_letter_spacing: number;
    /**
     * Smallest size the issue number, office and date lines may be set at to fit, pt
     * (house style: 4号 14 pt, one step below the 3号 body size of GB/T 9704 §5.2.2).
     */
    line_min_size: number;
    /** Lines the office may take when one line cannot hold it at line_min_size (house style: 2). */
    office_lines: number;
    /** Grid lines the masthead occupies on page 1, rule included. */
    lines: number;
    /** Red rule thickness, pt (convention 1–2.25 pt). */
    rule_width: number;
    /** Distance from the office/date baseline down to the rule, mm (GB/T 9704 §7.2.7: the red rule 4 mm below the document number). */
    rule_gap: number;
    /** Optional label at the top left, e.g. 内部资料. */
    label: string;
  };
  end_block: {
    /** 4号 = 14 pt (GB/T 9704 §7.4: the 版记 lines in 4号). */
    size: number;
    /** Left and right inset in characters (GB/T 9704 §7.4.2: 左右各空一字). */
    indent: number;
    /** Rule thickness, mm: first and last 0.35, between 0.25 (GB/T 9704 §7.4.1). */
    outer_rule: number;
    inner_rule: number;
    /**
     * Put the end block on an even page, inserting a page if needed: bulletins are printed on both
     * sides, and the 版记 belongs on the back of the last sheet (GB/T 9704 §7.4).
     */
    even_page: boolean;
  };
  page_number: {
    /** 4号 = 14 pt half-width digits (GB/T 9704 §7.5). */
    size: number;
    /** Dash line this far below the text block, mm (GB/T 9704 §7.5: 7 mm). */
    offset: number;
    /** Inset from the text block edge, in characters (GB/T 9704 §7.5: 空一字). */
    inset: number;
  };
  attribution: {
    /** Text before the unit names. */
    label: string;
  };
  colors: {
    /** Masthead red for print (GB/T 9704 §6.2 red ink; offices commonly use 0/100/100/0). */
    red: Cmyk;
    /** Body text on the black plate only. */
    text: Cmyk;
  };
  /** Stop at a page count above this (checked by `bulletin check`); 0 = no limit. */
  max_pages: number;
}

export const DEFAULT_STYLE: HouseStyle = {
  page: { width: 210, height: 297, top: 37, left: 28, text_width: 156, text_height: 225 },
  grid: { chars: 28, lines: 22 },
  body: { size: 16, indent: 2 },
  title: { size: 22, space_before: 1, space_after: 1, subtitle_size: 22 },
  masthead: {
    size: 42,
    min_size: 36,
    letter_spacing: 0.1,
    min_letter_spacing: 0,
    line_min_size: 14,
    office_lines: 2,
    lines: 7,
    rule_width: 2,
    rule_gap: 4,
    label: '',
  },
  end_block: { size: 14, indent: 1, outer_rule: 0.35, inner_rule: 0.25, even_page: true },
  page_number: { size: 14, offset: 7, inset: 1 },
  attribution: { label: '供稿单位：' },
  colors: { red: [0, 100, 100, 0], text: [0, 0, 0, 100] },
  max_pages: 0,
};

export const MM = 72 / 25.4;

/** The range a house-style number must lie in. */
export interface StyleRange {
  min: number;
  /** The minimum itself is not allowed (a size must be more than 0). */
  above?: boolean;
  max: number;
  integer?: boolean;
}

/** A type size, pt: 1 pt (far below 五号 10.5 pt) to 200 pt. */
const size = (max = 200): StyleRange => ({ min: 1, max });
/** Paper and text block, mm: at least a few characters wide, at most A0. */
const extent = (min: number): StyleRange => ({ min, max: 1200 });
const length = (max = 1000): StyleRange => ({ min: 0, max });
const count = (min: number, max: number): StyleRange => ({ min, max, integer: true });

/**
 * Every number of the house style and its range (house style: the layout engine needs these to
 * work at all; the upper bounds are far beyond any real bulletin and catch typos such as 1e30).
 */
export const STYLE_RANGES: Record<string, StyleRange> = {
  'page.width': extent(50),
  'page.height': extent(50),
  'page.top': length(),
  'page.left': length(),
  'page.text_width': extent(20),
  'page.text_height': extent(20),
  'grid.chars': count(1, 100),
  'grid.lines': count(1, 100),
  'body.size': size(),
  'body.indent': length(20),
  'title.size': size(),
  'title.space_before': count(0, 100),
  'title.space_after': count(0, 100),
  'title.subtitle_size': size(),
  'masthead.size': size(),
  'masthead.min_size': size(),
  'masthead.letter_spacing': length(2),
  'masthead.min_letter_spacing': length(2),
  'masthead.line_min_size': size(),
  'masthead.office_lines': count(1, 2),
  // Name (three lines), issue number, office and date: five grid lines at least.
  'masthead.lines': count(5, 100),
  'masthead.rule_width': length(20),
  'masthead.rule_gap': length(100),
  'end_block.size': size(),
  'end_block.indent': length(20),
  'end_block.outer_rule': length(10),
  'end_block.inner_rule': length(10),
  'page_number.size': size(),
  'page_number.offset': length(100),
  'page_number.inset': length(20),
  max_pages: count(0, 10000),
};

/** A house-style value out of its range or at odds with another: `at` lists the settings involved, the one to point at first. */
export interface StyleProblem {
  /** out-of-range: one value outside its range; inconsistent: values at odds with each other. */
  kind: 'out-of-range' | 'inconsistent';
  at: string[];
  message: { zh: string; en: string };
}

function valueAt(style: HouseStyle, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' && Object.hasOwn(o, k) ? (o as Record<string, unknown>)[k] : undefined), style);
}

function describeRange(r: StyleRange): { zh: string; en: string } {
  const kind = r.integer ? { zh: '整数', en: 'a whole number' } : { zh: '数', en: 'a number' };
  if (r.above) return { zh: `应为大于 ${r.min}、不超过 ${r.max} 的${kind.zh}`, en: `should be ${kind.en} above ${r.min} and at most ${r.max}` };
  return { zh: `应为 ${r.min}–${r.max} 之间的${kind.zh}`, en: `should be ${kind.en} from ${r.min} to ${r.max}` };
}

/** Ranges and relations of a resolved house style; an empty list means the layout can work with it. */
export function styleProblems(s: HouseStyle): StyleProblem[] {
  const out: StyleProblem[] = [];
  for (const [path, r] of Object.entries(STYLE_RANGES)) {
    const v = valueAt(s, path);
    if (typeof v !== 'number' || !Number.isFinite(v)) continue; // a wrong type is reported as such
    if (v < r.min || (r.above && v === r.min) || v > r.max || (r.integer && !Number.isInteger(v))) {
      const d = describeRange(r);
      out.push({ kind: 'out-of-range', at: [path], message: { zh: `\`style.${path}\` ${d.zh}（现为 ${v}）`, en: `\`style.${path}\` ${d.en} (it is ${v})` } });
    }
  }
  if (out.length) return out; // relations only between values that are each in range
  const rel = (ok: boolean, at: string[], zh: string, en: string) => {
    if (!ok) out.push({ kind: 'inconsistent', at, message: { zh, en } });
  };
  const p = s.page;
  rel(
    p.left + p.text_width <= p.width,
    ['page.text_width', 'page.left', 'page.width'],
    `版心宽 ${p.text_width} 毫米加左边距 ${p.left} 毫米，超出了纸宽 ${p.width} 毫米`,
    `the text width ${p.text_width} mm plus the left margin ${p.left} mm exceeds the paper width ${p.width} mm`,
  );
  rel(
    p.top + p.text_height <= p.height,
    ['page.text_height', 'page.top', 'page.height'],
    `版心高 ${p.text_height} 毫米加上边距 ${p.top} 毫米，超出了纸高 ${p.height} 毫米`,
    `the text height ${p.text_height} mm plus the top margin ${p.top} mm exceeds the paper height ${p.height} mm`,
  );
  rel(
    s.masthead.lines < s.grid.lines,
    ['masthead.lines', 'grid.lines'],
    `刊头占 ${s.masthead.lines} 行，不少于每页的 ${s.grid.lines} 行，第 1 页没有正文的位置`,
    `the masthead takes ${s.masthead.lines} lines, no fewer than the ${s.grid.lines} lines of a page: page 1 has no room for text`,
  );
  // The masthead: the name over grid lines 0–2, the issue number on line 3, office and date on
  // line 4, then the red rule, all above the first line of text.
  const linePitch = (p.text_height * MM) / s.grid.lines;
  const ruleY = 4 * linePitch + (linePitch - s.body.size) / 2 + s.body.size + s.masthead.rule_gap * MM + s.masthead.rule_width / 2;
  rel(
    ruleY <= s.masthead.lines * linePitch,
    ['masthead.lines', 'masthead.rule_gap', 'masthead.rule_width', 'body.size', 'grid.lines', 'page.text_height'],
    `刊头占 ${s.masthead.lines} 行，放不下名称、期号、编印单位和红线（红线会压住正文）`,
    `a masthead of ${s.masthead.lines} lines cannot hold the name, the issue number, the office and the red rule (the rule would cross the text)`,
  );
  rel(
    s.masthead.size <= 3 * linePitch,
    ['masthead.size', 'grid.lines', 'page.text_height'],
    `刊头字号 ${s.masthead.size} 磅超过了名称所占的三行高度（${(3 * linePitch).toFixed(1)} 磅）`,
    `the masthead size ${s.masthead.size} pt is taller than the three lines the name takes (${(3 * linePitch).toFixed(1)} pt)`,
  );
  rel(
    s.body.size <= linePitch,
    ['body.size', 'grid.lines', 'page.text_height'],
    `正文字号 ${s.body.size} 磅超过了行距（${linePitch.toFixed(1)} 磅），各行会互相重叠`,
    `the body size ${s.body.size} pt exceeds the line pitch (${linePitch.toFixed(1)} pt): lines would overlap`,
  );
  rel(
    s.title.size <= linePitch,
    ['title.size', 'grid.lines', 'page.text_height'],
    `标题字号 ${s.title.size} 磅超过了行距（${linePitch.toFixed(1)} 磅），标题各行会互相重叠`,
    `the title size ${s.title.size} pt exceeds the line pitch (${linePitch.toFixed(1)} pt): title lines would overlap`,
  );
  rel(
    s.end_block.size <= linePitch,
    ['end_block.size', 'grid.lines', 'page.text_height'],
    `版记字号 ${s.end_block.size} 磅超过了行距（${linePitch.toFixed(1)} 磅）`,
    `the end-block size ${s.end_block.size} pt exceeds the line pitch (${linePitch.toFixed(1)} pt)`,
  );
  rel(
    s.masthead.min_size <= s.masthead.size,
    ['masthead.min_size', 'masthead.size'],
    `刊头最小字号 ${s.masthead.min_size} 大于刊头字号 ${s.masthead.size}`,
    `the masthead’s smallest size ${s.masthead.min_size} is above its size ${s.masthead.size}`,
  );
  rel(
    s.masthead.min_letter_spacing <= s.masthead.letter_spacing,
    ['masthead.min_letter_spacing', 'masthead.letter_spacing'],
    `刊头最小字距 ${s.masthead.min_letter_spacing} 大于字距 ${s.masthead.letter_spacing}`,
    `the masthead’s least letter spacing ${s.masthead.min_letter_spacing} is above its letter spacing ${s.masthead.letter_spacing}`,
  );
  rel(
    s.masthead.line_min_size <= s.body.size,
    ['masthead.line_min_size', 'body.size'],
    `刊头各行最小字号 ${s.masthead.line_min_size} 大于正文字号 ${s.body.size}`,
    `the masthead lines’ smallest size ${s.masthead.line_min_size} is above the body size ${s.body.size}`,
  );
  rel(
    s.body.indent < s.grid.chars,
    ['body.indent', 'grid.chars'],
    `首行缩进 ${s.body.indent} 字，不小于每行的 ${s.grid.chars} 字`,
    `the first-line indent of ${s.body.indent} characters is not less than the ${s.grid.chars} characters of a line`,
  );
  // A title keeps with two lines of its text: title, the space after it and those two lines must fit a page.
  rel(
    s.title.space_after + 3 <= s.grid.lines,
    ['title.space_after', 'grid.lines'],
    `标题后空 ${s.title.space_after} 行，加上标题和两行正文，一页 ${s.grid.lines} 行放不下`,
    `${s.title.space_after} blank lines after a title, with the title and two lines of text, do not fit a page of ${s.grid.lines} lines`,
  );
  rel(
    s.title.space_before < s.grid.lines,
    ['title.space_before', 'grid.lines'],
    `标题前空 ${s.title.space_before} 行，不少于每页的 ${s.grid.lines} 行`,
    `${s.title.space_before} blank lines before a title are no fewer than the ${s.grid.lines} lines of a page`,
  );
  return out;
}

/** Deep-merge user overrides (already validated by the checks) over the defaults. */
export function resolveStyle(overrides: unknown): HouseStyle {
  return merge(structuredClone(DEFAULT_STYLE), overrides) as HouseStyle;
}

function merge(base: unknown, over: unknown): unknown {
  if (over === undefined || over === null) return base;
  if (isPlainObject(base) && isPlainObject(over)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(over)) {
      // Own keys only: `constructor` or `__proto__` in bulletin.yaml are not house-style settings.
      if (Object.hasOwn(base, k)) out[k] = merge(base[k], v);
    }
    return out;
  }
  if (Array.isArray(base)) return Array.isArray(over) && over.length === base.length ? over : base;
  return typeof over === typeof base ? over : base;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Derived geometry in points, computed once per issue. */
export interface Geometry {
  pageWidth: number;
  pageHeight: number;
  left: number;
  top: number;
  width: number;
  height: number;
  /** Character pitch: text width / chars per line. */
  pitch: number;
  /** Line pitch: text height / lines per page. */
  linePitch: number;
}

export function geometry(style: HouseStyle): Geometry {
  const p = style.page;
  const width = p.text_width * MM;
  const height = p.text_height * MM;
  return {
    pageWidth: p.width * MM,
    pageHeight: p.height * MM,
    left: p.left * MM,
    top: p.top * MM,
    width,
    height,
    pitch: width / style.grid.chars,
    linePitch: height / style.grid.lines,
  };
}
