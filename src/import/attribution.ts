/**
 * The forms in which units name themselves at the end of an article:
 *   （供稿单位：天元区委组织部）   （天元区委组织部供稿）   供稿：天元区委组织部   供稿单位：A、B
 *   a signature block (the unit on one line, the date on the next)
 *   a web copy's "… 落地见效。 (供稿单位:云龙示范区党务工作部)" glued to the last paragraph
 * （执笔：…） is not an attribution: it stays in the text.
 */

const LABEL = '(?:供稿单位|供稿|来稿单位|稿件来源|报送单位)';
/** （供稿单位：X）, with full- or half-width brackets and colon. */
const LABELLED = new RegExp(`[（(]\\s*${LABEL}\\s*[：:]\\s*([^（）()]+?)\\s*[）)]`);
/** （X供稿） */
const SUFFIXED = /[（(]\s*([^（）()：:]+?)\s*供稿\s*[）)]/;
/** 供稿：X on a line of its own, without brackets. */
const BARE = new RegExp(`^${LABEL}\\s*[：:]\\s*(.+?)\\s*$`);

export const BYLINE = /^[（(]?\s*(?:执笔|撰稿|作者)(?:人)?\s*[：:]/;

/** The names of a (joint) attribution: 供稿单位：A、B → [A, B]. */
export function splitUnits(s: string): string[] {
  return s
    .split(/[、，,；;／/]|\s+/)
    .map((x) => x.trim())
    .filter(Boolean);
}

export interface Attribution {
  units: string[];
  /** The paragraph's text without the attribution ('' when the paragraph was only the attribution). */
  rest: string;
}

/** The attribution a paragraph is, or ends with; undefined when it has none. */
export function findAttribution(text: string): Attribution | undefined {
  const t = text.trim();
  for (const re of [LABELLED, SUFFIXED]) {
    const m = new RegExp(`^(.*?)\\s*${re.source}\\s*$`, 's').exec(t);
    if (m) {
      const units = splitUnits(m[2]);
      if (units.length) return { units, rest: m[1] };
    }
  }
  const m = BARE.exec(t);
  if (m) {
    const units = splitUnits(m[1].replace(/^[（(]|[）)]$/g, ''));
    if (units.length) return { units, rest: '' };
  }
  return undefined;
}

const DATE_LINE =
  /^(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d〇○零一二三四五六七八九十]{1,3}\s*月\s*[\d〇○零一二三四五六七八九十]{1,3}\s*日$|^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/;

/** A date line of a signature block: 2026年3月2日, 二〇二六年三月二日, 2026-03-02. */
export function isDateLine(text: string): boolean {
  return DATE_LINE.test(text.trim());
}

/** Words organisations' names end with, for telling a signature line from a short sentence. */
const UNIT_END = /(?:部|委|局|办|办公室|科|室|处|院|会|组|中心|所|站|队|校|党委|党组|支部|总支|工委|政府|街道|镇|乡|村|社区|公司|集团|示范区|开发区|园区)$/;

/** A line that can be the unit of a signature block: short, no sentence punctuation, a unit's shape. */
export function looksLikeUnitLine(text: string): boolean {
  const t = text.trim();
  return [...t].length <= 40 && !/[。！？；，,.!?;:：]/.test(t) && splitUnits(t).every((u) => UNIT_END.test(u));
}
