/**
 * .docx: read word/document.xml with its styles and numbering definitions directly.
 *
 * Why not mammoth: its document model keeps bold and the paragraph's style name, but not the run's
 * East Asian font (黑体 leads), font sizes, inherited style formatting or the labels Word's automatic
 * numbering generates (一、 （一） live in numbering.xml, not in the text). Reading the three XML parts
 * ourselves gives all of it in one pass: fflate unzips only those parts, and htmlparser2 (already
 * used for web pages) parses them in XML mode — several times faster than a W3C DOM such as
 * @xmldom/xmldom on the large styles.xml every document carries, which matters for importing a
 * folder of submissions in well under a second.
 */
import { unzipSync } from 'fflate';
import { parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';
import type { Alignment, SourceDocument, SourcePara, SourceRun } from './types.js';

/** Why a .docx could not be read. */
export class DocxError extends Error {
  constructor(readonly reason: 'zip' | 'not-word' | 'xml') {
    super(reason);
  }
}

interface RunProps {
  bold?: boolean;
  font?: string;
  size?: number;
}

interface Style {
  id: string;
  name: string;
  basedOn?: string;
  align?: Alignment;
  outline?: number;
  num?: { numId: string; ilvl: number };
  run: RunProps;
}

/** An element's name without its namespace prefix (Word writes w:, but any prefix is allowed). */
function local(el: Element): string {
  const i = el.name.indexOf(':');
  return i < 0 ? el.name : el.name.slice(i + 1);
}

const isElement = (n: AnyNode): n is Element => n.type === 'tag';

function kids(el: Element | undefined, name?: string): Element[] {
  if (!el) return [];
  return el.children.filter((n): n is Element => isElement(n) && (!name || local(n) === name));
}

function kid(el: Element | undefined, name: string): Element | undefined {
  if (!el) return undefined;
  for (const n of el.children) if (isElement(n) && local(n) === name) return n;
  return undefined;
}

/** An attribute by its local name (w:val → val). */
function val(el: Element | undefined, name = 'val'): string | undefined {
  if (!el) return undefined;
  const v = el.attribs[`w:${name}`] ?? Object.entries(el.attribs).find(([k]) => k === name || k.endsWith(`:${name}`))?.[1];
  return v === '' ? undefined : v;
}

function textContent(el: Element): string {
  let out = '';
  for (const n of el.children) if (n.type === 'text') out += (n as unknown as { data: string }).data;
  return out;
}

/** An on/off property: present means on unless w:val says 0/false/off. */
function onOff(el: Element | undefined): boolean | undefined {
  if (!el) return undefined;
  const v = val(el);
  return !(v === '0' || v === 'false' || v === 'off');
}

function runProps(rPr: Element | undefined): RunProps {
  if (!rPr) return {};
  const fonts = kid(rPr, 'rFonts');
  const sz = val(kid(rPr, 'sz'));
  return {
    // w:bCs is bold for complex scripts (Arabic, Hebrew …), not for Chinese.
    bold: onOff(kid(rPr, 'b')),
    font: fonts ? (val(fonts, 'eastAsia') ?? val(fonts, 'ascii') ?? val(fonts, 'hAnsi')) : undefined,
    size: sz && /^\d+$/.test(sz) ? Number(sz) / 2 : undefined,
  };
}

function merge(a: RunProps, b: RunProps): RunProps {
  return { bold: b.bold ?? a.bold, font: b.font ?? a.font, size: b.size ?? a.size };
}

function alignment(jc: string | undefined): Alignment | undefined {
  switch (jc) {
    case 'center':
      return 'center';
    case 'right':
    case 'end':
      return 'right';
    case 'both':
    case 'distribute':
      return 'justify';
    case 'left':
    case 'start':
      return 'left';
    default:
      return undefined;
  }
}

function numPr(pPr: Element | undefined): { numId: string; ilvl: number } | undefined {
  const n = kid(pPr, 'numPr');
  if (!n) return undefined;
  const numId = val(kid(n, 'numId'));
  if (numId === undefined) return undefined;
  return { numId, ilvl: Number(val(kid(n, 'ilvl')) ?? 0) || 0 };
}

/** 黑体 and other sans faces an office uses to set a lead or heading apart from the FangSong body. */
export function isHeiFont(name: string | undefined): boolean {
  return !!name && /黑|hei|yahei|雅黑|sans|gothic|gulim|dengxian|等线/i.test(name);
}

/** The root element of an XML part. */
function parse(xml: string): Element {
  const doc = parseDocument(xml, { xmlMode: true });
  const root = doc.children.find(isElement);
  if (!root) throw new DocxError('xml');
  return root;
}

function readStyles(root: Element | undefined): { styles: Map<string, Style>; defaults: RunProps; defaultPara?: string } {
  const styles = new Map<string, Style>();
  let defaults: RunProps = {};
  let defaultPara: string | undefined;
  if (!root) return { styles, defaults };
  const docDefaults = kid(root, 'docDefaults');
  defaults = runProps(kid(kid(docDefaults, 'rPrDefault'), 'rPr'));
  for (const s of kids(root, 'style')) {
    const id = val(s, 'styleId');
    if (!id) continue;
    const pPr = kid(s, 'pPr');
    const outline = val(kid(pPr, 'outlineLvl'));
    styles.set(id, {
      id,
      name: val(kid(s, 'name')) ?? id,
      basedOn: val(kid(s, 'basedOn')),
      align: alignment(val(kid(pPr, 'jc'))),
      outline: outline !== undefined ? Number(outline) : undefined,
      num: numPr(pPr),
      run: runProps(kid(s, 'rPr')),
    });
    if (val(s, 'type') === 'paragraph' && val(s, 'default') === '1') defaultPara = id;
  }
  return { styles, defaults, defaultPara };
}

/** A style with what it inherits through basedOn folded in. */
function resolved(styles: Map<string, Style>, id: string | undefined, cache: Map<string, Style>): Style | undefined {
  if (!id) return undefined;
  const hit = cache.get(id);
  if (hit) return hit;
  const chain: Style[] = [];
  for (let s = styles.get(id); s && chain.length < 20 && !chain.includes(s); s = s.basedOn ? styles.get(s.basedOn) : undefined) chain.push(s);
  if (!chain.length) return undefined;
  let out: Style = { id, name: chain[0].name, run: {} };
  for (const s of chain.reverse())
    out = { ...out, align: s.align ?? out.align, outline: s.outline ?? out.outline, num: s.num ?? out.num, run: merge(out.run, s.run) };
  cache.set(id, out);
  return out;
}

interface Level {
  start: number;
  format: string;
  text: string;
}

interface Numbering {
  /** numId → abstractNumId */
  nums: Map<string, { abstract: string; starts: Map<number, number> }>;
  abstracts: Map<string, Map<number, Level>>;
}

function readNumbering(root: Element | undefined): Numbering {
  const out: Numbering = { nums: new Map(), abstracts: new Map() };
  if (!root) return out;
  for (const a of kids(root, 'abstractNum')) {
    const levels = new Map<number, Level>();
    for (const l of kids(a, 'lvl'))
      levels.set(Number(val(l, 'ilvl') ?? 0), {
        start: Number(val(kid(l, 'start')) ?? 1),
        format: val(kid(l, 'numFmt')) ?? 'decimal',
        text: val(kid(l, 'lvlText')) ?? '',
      });
    out.abstracts.set(val(a, 'abstractNumId') ?? '', levels);
  }
  for (const n of kids(root, 'num')) {
    const starts = new Map<number, number>();
    for (const o of kids(n, 'lvlOverride')) {
      const s = val(kid(o, 'startOverride'));
      if (s !== undefined) starts.set(Number(val(o, 'ilvl') ?? 0), Number(s));
    }
    out.nums.set(val(n, 'numId') ?? '', { abstract: val(kid(n, 'abstractNumId')) ?? '', starts });
  }
  return out;
}

const CN_DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (Word's chineseCounting). */
export function chineseNumber(n: number): string {
  if (n <= 0 || n >= 100) return String(n);
  if (n < 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens > 1 ? CN_DIGITS[tens] : '') + '十' + (ones ? CN_DIGITS[ones] : '');
}

function formatCounter(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseNumber(n);
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[n - 1] ?? String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'lowerRoman':
    case 'upperRoman': {
      const r = roman(n);
      return format === 'lowerRoman' ? r.toLowerCase() : r;
    }
    default:
      return String(n);
  }
}

function roman(n: number): string {
  const table: [number, string][] = [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

/** Counts list items as Word does: one counter per level of each list, deeper levels restart. */
class Counter {
  private counters = new Map<string, number[]>();
  private seen = new Set<string>();
  constructor(private readonly numbering: Numbering) {}

  label(numId: string, ilvl: number): string | undefined {
    const num = this.numbering.nums.get(numId);
    if (!num) return undefined;
    const levels = this.numbering.abstracts.get(num.abstract);
    const level = levels?.get(ilvl);
    if (!levels || !level || level.format === 'bullet' || level.format === 'none') return undefined;
    // Lists sharing an abstract definition continue one count unless a num restarts it.
    const key = num.starts.size ? `n${numId}` : `a${num.abstract}`;
    let c = this.counters.get(key);
    if (!c) this.counters.set(key, (c = []));
    if (!this.seen.has(`${key}/${ilvl}`)) {
      this.seen.add(`${key}/${ilvl}`);
      c[ilvl] = (num.starts.get(ilvl) ?? level.start) - 1;
    }
    c[ilvl] = (c[ilvl] ?? level.start - 1) + 1;
    for (let d = ilvl + 1; d < 9; d++) if (this.seen.delete(`${key}/${d}`)) c[d] = 0;
    return level.text.replace(/%([1-9])/g, (_, k: string) => {
      const i = Number(k) - 1;
      const l = levels.get(i);
      return formatCounter(c![i] ?? l?.start ?? 1, l?.format ?? 'decimal');
    });
  }
}

const HEADING_NAME = /^(?:heading|标题)\s*([1-9])$/i;
const TITLE_NAME = /^(?:title|标题|subtitle|副标题)$/i;

/** Read a .docx file's bytes into paragraphs. Throws DocxError when it is not a readable Word file. */
export function readDocx(bytes: Uint8Array): SourceDocument {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => /^word\/(?:document|styles|numbering)\.xml$/.test(f.name) });
  } catch {
    throw new DocxError('zip');
  }
  const main = files['word/document.xml'];
  if (!main) throw new DocxError('not-word');
  const decode = (b: Uint8Array | undefined) => (b ? new TextDecoder('utf-8').decode(b) : undefined);
  const doc = parse(decode(main)!);
  const stylesXml = decode(files['word/styles.xml']);
  const numberingXml = decode(files['word/numbering.xml']);
  const { styles, defaults, defaultPara } = readStyles(stylesXml ? parse(stylesXml) : undefined);
  const counter = new Counter(readNumbering(numberingXml ? parse(numberingXml) : undefined));
  const cache = new Map<string, Style>();
  const body = kid(doc, 'body');
  if (!body) throw new DocxError('not-word');

  const paras: SourcePara[] = [];
  const paragraph = (p: Element) => {
    const pPr = kid(p, 'pPr');
    const style = resolved(styles, val(kid(pPr, 'pStyle')) ?? defaultPara, cache);
    const base = merge(defaults, style?.run ?? {});
    const runs: SourceRun[] = [];
    const addRun = (r: Element) => {
      const rPr = kid(r, 'rPr');
      const cstyle = resolved(styles, val(kid(rPr, 'rStyle')), cache);
      const props = merge(merge(base, cstyle?.run ?? {}), runProps(rPr));
      // Hidden text (w:vanish) is not printed by Word, and not imported.
      if (onOff(kid(rPr, 'vanish')) ?? false) return;
      let text = '';
      for (const c of kids(r)) {
        switch (local(c)) {
          case 't':
            text += textContent(c);
            break;
          case 'tab':
            text += '\t';
            break;
          case 'br':
          case 'cr':
            text += '\n';
            break;
          case 'noBreakHyphen':
            text += '-';
            break;
        }
      }
      if (text) runs.push({ text, bold: !!props.bold, hei: isHeiFont(props.font), size: props.size });
    };
    const walk = (el: Element) => {
      for (const c of kids(el)) {
        switch (local(c)) {
          case 'r':
            addRun(c);
            break;
          case 'hyperlink':
          case 'ins':
          case 'smartTag':
          case 'fldSimple':
          case 'customXml':
          case 'moveTo':
            walk(c);
            break;
          case 'sdt':
            walk(kid(c, 'sdtContent') ?? c);
            break;
          // w:del and w:moveFrom are deleted text; pPr is not content.
        }
      }
    };
    walk(p);
    const out: SourcePara = { runs, align: alignment(val(kid(pPr, 'jc'))) ?? style?.align };
    const name = style?.name ?? '';
    const outline = val(kid(pPr, 'outlineLvl'));
    const h = HEADING_NAME.exec(name);
    if (TITLE_NAME.test(name)) out.titleStyle = true;
    else if (h) out.headingStyle = Number(h[1]);
    else if (outline !== undefined && Number(outline) < 9) out.headingStyle = Number(outline) + 1;
    else if (style?.outline !== undefined && style.outline < 9) out.headingStyle = style.outline + 1;
    const num = numPr(pPr) ?? style?.num;
    if (num && num.numId !== '0') {
      const label = counter.label(num.numId, num.ilvl);
      if (label) {
        out.numberLabel = label;
        const first = runs[0];
        runs.unshift({ text: label, bold: first?.bold ?? !!base.bold, hei: first?.hei ?? isHeiFont(base.font), size: first?.size ?? base.size });
      }
    }
    paras.push(out);
  };
  const block = (el: Element) => {
    for (const c of kids(el)) {
      if (local(c) === 'p') paragraph(c);
      else if (local(c) === 'tbl') for (const tr of kids(c, 'tr')) for (const tc of kids(tr, 'tc')) block(tc);
      else if (local(c) === 'sdt') block(kid(c, 'sdtContent') ?? c);
      else if (local(c) === 'customXml') block(c);
    }
  };
  block(body);
  return { format: 'docx', formatted: true, paras };
}
