/**
 * The house style: every layout number in one typed object, each default citing
 * where it comes from. An archive overrides any of them under `style:` in bulletin.yaml.
 */

/** CMYK components 0–100, as pdfkit's DeviceCMYK fill colours take them. */
export type Cmyk = [number, number, number, number];

export interface HouseStyle {
  page: {
    /** Paper, mm. GB/T 9704 §5.2.1: A4. */
    width: number;
    height: number;
    /** Top margin (天头), mm. GB/T 9704 §5.2.3: 37 mm. */
    top: number;
    /** Left (binding) margin (订口), mm. GB/T 9704 §5.2.3: 28 mm. */
    left: number;
    /** Text block (版心), mm. GB/T 9704 §5.2.3: 156 × 225 mm. */
    text_width: number;
    text_height: number;
  };
  /** GB/T 9704 §5.2.4: 28 characters × 22 lines. */
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
    /** Blank grid lines between a title and its text (GB/T 9704 §7.3.3: 空一行). */
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
    /** Extra space between the series name's characters, in ems. */
    letter_spacing: number;
    /** Grid lines the masthead occupies on page 1, rule included. */
    lines: number;
    /** Red rule thickness, pt (convention 1–2.25 pt). */
    rule_width: number;
    /** Distance from the office/date baseline down to the rule, mm (GB/T 9704 §7.2.4 uses 4 mm). */
    rule_gap: number;
    /** Optional label at the top left, e.g. 内部资料. */
    label: string;
  };
  end_block: {
    /** 4号 = 14 pt (GB/T 9704 §7.4.1). */
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
  masthead: { size: 42, letter_spacing: 0.1, lines: 7, rule_width: 2, rule_gap: 4, label: '' },
  end_block: { size: 14, indent: 1, outer_rule: 0.35, inner_rule: 0.25, even_page: true },
  page_number: { size: 14, offset: 7, inset: 1 },
  attribution: { label: '供稿单位：' },
  colors: { red: [0, 100, 100, 0], text: [0, 0, 0, 100] },
  max_pages: 0,
};

export const MM = 72 / 25.4;

/** Deep-merge user overrides (already validated by the checks) over the defaults. */
export function resolveStyle(overrides: unknown): HouseStyle {
  return merge(structuredClone(DEFAULT_STYLE), overrides) as HouseStyle;
}

function merge(base: unknown, over: unknown): unknown {
  if (over === undefined || over === null) return base;
  if (isPlainObject(base) && isPlainObject(over)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(over)) {
      if (k in base) out[k] = merge(base[k], v);
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
