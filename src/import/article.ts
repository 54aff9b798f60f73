/**
 * From a document's paragraphs to an article: title, paragraphs without typed indents, leads,
 * headings and the contributing unit, each decision made from the Word habits units actually have,
 * and everything guessed said in `guesses`.
 */
import { codePoints } from '../diagnostics/index.js';
import { BYLINE, findAttribution, isDateLine, looksLikeUnitLine, splitUnits } from './attribution.js';
import type { ImportedArticle, ImportedBlock, Said, SourceDocument, SourcePara, SourceRun } from './types.js';
import { matchUnit } from './units.js';

export interface ArticleOptions {
  units: readonly string[];
  /** The file name, used as the title when the document has none. */
  fallbackTitle: string;
  /** The first paragraph is the title for certain (a title line of a web copy). */
  titleKnown?: boolean;
}

/** Typed indents and trailing blanks: U+3000, spaces, tabs, no-break spaces. */
const EDGE_SPACE = /^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0]+$/g;

const textOf = (p: { runs: SourceRun[] }) => p.runs.map((r) => r.text).join('');

/** Web page lines that are not part of any article. */
const DEBRIS = [
  /^[【\[]?\s*(?:来源|作者|发布时间|发布日期|发表时间|浏览次数|点击数|点击量|阅读次数|访问量|责任编辑|编辑|字体大小|字体|字号|信息来源|文章来源|分享到)\s*[:：]/,
  /^[【\[]?\s*(?:上一篇|下一篇)/,
  /^(?:[【\[]?\s*(?:返回列表|返回顶部|返回首页|打印本页|关闭窗口|打印|关闭|收藏本页|收藏|分享)\s*[】\]]?\s*)+$/,
  /^[【\[]?\s*(?:字体|字号)\s*[:：]?\s*[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中\s*[】\]]?\s*[【\[]?\s*小/,
  /^(?:当前位置|您的位置|你的位置)\s*[:：]/,
  /^[【\[]?\s*字体大小\s*[:：]?\s*[【\[]?\s*[大中小]/,
  // A site's footer.
  /版权所有|ICP备|公网安备|网站标识码|技术支持\s*[:：]/,
];

/** Says which lines were taken for page debris and removed. */
export function debrisNote(lines: string[]): Said {
  const shown = lines.slice(0, 3).map((l) => `“${l.trim()}”`);
  const more = lines.length > 3 ? lines.length - 3 : 0;
  return {
    zh: `删去了 ${lines.length} 行网页多余内容：${shown.join('、')}${more ? ` 等` : ''}`,
    en: `removed ${lines.length} line(s) of web page debris: ${shown.join(', ')}${more ? ` and ${more} more` : ''}`,
  };
}

export function isWebDebris(text: string): boolean {
  const t = text.trim();
  return t.length <= 160 && DEBRIS.some((re) => re.test(t));
}

const H1 = /^[一二三四五六七八九十]{1,3}\s*[、，,．.]/;
const H2 = /^[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]/;
const H3 = /^\d{1,2}\s*[.．、](?!\d)/;
const SENTENCE_END = /[。！？；!?;]/;

/** The heading level a paragraph's own label gives it (一、 → 1, （一） → 2, 1. → 3). */
export function labelLevel(text: string): 1 | 2 | 3 | undefined {
  if (H1.test(text)) return 1;
  if (H2.test(text)) return 2;
  if (H3.test(text)) return 3;
  return undefined;
}

/** A heading is short and one phrase: no sentence ends inside it. */
function headingShaped(text: string): boolean {
  const body = text.replace(/[。．.]$/, '');
  return codePoints(body) <= 40 && !SENTENCE_END.test(body);
}

/** Split a paragraph at its manual line breaks, keeping each piece's run formatting. */
function splitLines(p: SourcePara): SourcePara[] {
  if (!p.runs.some((r) => r.text.includes('\n'))) return [p];
  const out: SourcePara[] = [{ ...p, runs: [] }];
  for (const r of p.runs) {
    const pieces = r.text.split('\n');
    pieces.forEach((piece, i) => {
      if (i > 0) out.push({ ...p, runs: [], numberLabel: undefined });
      if (piece) out[out.length - 1].runs.push({ ...r, text: piece });
    });
  }
  return out;
}

/** Remove typed indents and trailing blanks from a paragraph's runs. */
function trimRuns(runs: SourceRun[]): SourceRun[] {
  const out = runs.map((r) => ({ ...r }));
  while (out.length && !out[0].text.replace(EDGE_SPACE, '')) out.shift();
  while (out.length && !out[out.length - 1].text.replace(EDGE_SPACE, '')) out.pop();
  if (!out.length) return out;
  out[0].text = out[0].text.replace(/^[\s\u3000\u00a0\ufeff]+/, '');
  out[out.length - 1].text = out[out.length - 1].text.replace(/[\s\u3000\u00a0]+$/, '');
  return out;
}

/** The size most of the text is set in: the body size. */
function bodySize(paras: SourcePara[]): number | undefined {
  const weight = new Map<number, number>();
  for (const p of paras) for (const r of p.runs) if (r.size) weight.set(r.size, (weight.get(r.size) ?? 0) + r.text.length);
  let best: number | undefined;
  for (const [s, w] of weight) if (best === undefined || w > weight.get(best)!) best = s;
  return best;
}

/** True when most of the text is set in a Hei face (then Hei does not set a lead apart). */
function bodyIsHei(paras: SourcePara[]): boolean {
  let hei = 0;
  let all = 0;
  for (const p of paras) for (const r of p.runs) (all += r.text.length), r.hei && (hei += r.text.length);
  return hei * 2 > all;
}

/** Join a title broken by Shift+Enter: Chinese needs no space, Latin words do. */
function joinTitle(text: string): string {
  return text
    .split('\n')
    .map((s) => s.replace(EDGE_SPACE, ''))
    .filter(Boolean)
    .reduce((a, b) => (a && /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b), '');
}

const isEmpty = (p: SourcePara) => !textOf(p).replace(EDGE_SPACE, '').replace(/\n/g, '');

export function buildArticle(doc: SourceDocument, opts: ArticleOptions): ImportedArticle {
  const guesses: Said[] = [];
  let paras = doc.paras;
  if (doc.format !== 'docx') {
    const debris = paras.map(textOf).filter(isWebDebris);
    if (debris.length) {
      paras = paras.filter((p) => !isWebDebris(textOf(p)));
      guesses.push(debrisNote(debris));
    }
  }

  // ---- title
  let first = paras.findIndex((p) => !isEmpty(p));
  let title = '';
  if (first >= 0) {
    let p = paras[first];
    const size = bodySize(paras.slice(first + 1));
    const visible = p.runs.filter((r) => r.text.trim());
    const setApart =
      opts.titleKnown ||
      doc.titleKnown ||
      p.align === 'center' ||
      p.titleStyle ||
      p.headingStyle !== undefined ||
      (visible.length > 0 && visible.every((r) => r.bold)) ||
      (size !== undefined && visible.some((r) => r.size !== undefined && r.size > size + 0.5)) ||
      (first + 1 < paras.length && isEmpty(paras[first + 1]));
    const lines = textOf(p)
      .split('\n')
      .map((s) => s.replace(EDGE_SPACE, ''))
      .filter(Boolean);
    if (!setApart && lines.length > 1) {
      // The whole text pasted as one paragraph: its first line is the title, the rest the body.
      const pieces = splitLines(p);
      paras = [...paras.slice(0, first), ...pieces, ...paras.slice(first + 1)];
      first = paras.findIndex((q) => !isEmpty(q));
      p = paras[first];
    }
    const candidate = joinTitle(textOf(p));
    if (setApart || (codePoints(candidate) <= 50 && !/[。；，,;]$/.test(candidate))) {
      title = candidate;
      // In plain text the first line is the title by convention; in Word a title is set apart.
      if (!setApart && doc.format === 'docx')
        guesses.push({
          zh: '标题取自第一行（没有居中、加粗、加大或标题样式）',
          en: 'title taken from the first line (not centred, bold, larger or in a title style)',
        });
      paras = paras.slice(first + 1);
      // A —— subtitle in a paragraph of its own belongs to the title.
      const next = paras.findIndex((q) => !isEmpty(q));
      if (next >= 0 && /^[—–-]{1,2}/.test(textOf(paras[next]).replace(EDGE_SPACE, '')) && codePoints(textOf(paras[next])) <= 50) {
        title += joinTitle(textOf(paras[next]));
        paras = paras.slice(next + 1);
      }
    } else paras = paras.slice(first);
  }
  if (!title) {
    title = opts.fallbackTitle;
    guesses.push({ zh: `找不到标题，暂用文件名“${title}”`, en: `no title found; the file name “${title}” stands in` });
  }

  // ---- paragraphs: manual line breaks split, indents and empty paragraphs removed
  const body: SourcePara[] = [];
  for (const p of paras)
    for (const piece of splitLines(p)) {
      const runs = trimRuns(piece.runs);
      if (runs.length) body.push({ ...piece, runs });
    }

  // ---- attribution, from the end (an （执笔：…） line after it stays where it is)
  let sources: string[] = [];
  let end = body.length;
  while (end > 0 && BYLINE.test(textOf(body[end - 1]))) end--;
  if (end > 0) {
    const lastText = textOf(body[end - 1]);
    const found = findAttribution(lastText);
    if (found) {
      sources = found.units;
      if (found.rest.replace(EDGE_SPACE, '')) {
        // Glued to the last paragraph: cut it off the runs.
        const keep = [...found.rest.replace(EDGE_SPACE, '')].length;
        body[end - 1] = { ...body[end - 1], runs: cutRuns(body[end - 1].runs, keep) };
      } else body.splice(end - 1, 1);
    } else if (end > 1 && isDateLine(lastText)) {
      const unitLine = textOf(body[end - 2]);
      const known = opts.units.some((u) => unitLine.trim() === u);
      if (known || body[end - 2].align === 'right' || looksLikeUnitLine(unitLine)) {
        sources = splitUnits(unitLine);
        body.splice(end - 2, 2);
        guesses.push({
          zh: `供稿单位取自文末落款“${unitLine.trim()}”（日期“${lastText.trim()}”已删去）`,
          en: `unit taken from the signature “${unitLine.trim()}” (the date “${lastText.trim()}” removed)`,
        });
      }
    }
  }
  if (!sources.length) guesses.push({ zh: '没有找到供稿单位，source 需要补写', en: 'no contributing unit found; source must be filled in' });
  const matched = sources.map((s) => matchUnit(s, opts.units));
  for (const m of matched) if (m.guess) guesses.push(m.guess);
  sources = [...new Set(matched.map((m) => m.unit))];

  // ---- headings and leads
  const hei = bodyIsHei(body);
  const titleIsHeading1 = doc.paras.some((p) => p.headingStyle === 1 && joinTitle(textOf(p)) === title);
  const blocks: ImportedBlock[] = [];
  for (const p of body) {
    const text = textOf(p);
    const byLabel = labelLevel(text);
    const styled = p.headingStyle !== undefined ? p.headingStyle - (titleIsHeading1 ? 1 : 0) : undefined;
    if (headingShaped(text) && (byLabel || (styled !== undefined && styled >= 1))) {
      blocks.push({ kind: 'heading', level: byLabel ?? (Math.min(3, styled!) as 1 | 2 | 3), text });
      continue;
    }
    blocks.push(withLead(p.runs, hei));
  }

  // ---- leads where the formatting is lost: only the precise shape, and only as a series
  if (!doc.formatted && !blocks.some((b) => b.kind === 'paragraph' && b.lead)) {
    const shaped = blocks.map((b, i) => (b.kind === 'paragraph' && i > 0 ? LEAD_SHAPE.exec(b.text) : null));
    const n = shaped.filter(Boolean).length;
    if (n >= 2) {
      shaped.forEach((m, i) => {
        if (m) blocks[i] = { kind: 'paragraph', lead: m[1], text: m[2] };
      });
      guesses.push({
        zh: `推断出 ${n} 个段首小标题（原文件没有加粗信息；依据：段首一句不超过 16 字、不含逗号和数字，且有 2 段以上同样形式）`,
        en: `${n} lead sentences inferred (the file has no bold; each is a first sentence of at most 16 characters without commas or digits, in a series of two or more)`,
      });
    }
  }
  return { title, sources, blocks, guesses };
}

/** An inferred lead: a short first sentence without commas or digits, followed by more text. */
const LEAD_SHAPE = /^([^，,、；;：:。！？!?\d０-９]{2,16}[。！？])(.+)$/s;

/** Keep the first `n` code points of the runs. */
function cutRuns(runs: SourceRun[], n: number): SourceRun[] {
  const out: SourceRun[] = [];
  let left = n;
  for (const r of runs) {
    if (left <= 0) break;
    const cp = [...r.text];
    out.push({ ...r, text: cp.slice(0, left).join('') });
    left -= cp.length;
  }
  return trimRuns(out);
}

/** Closing marks that belong to the lead sentence even when Word left them unbolded. */
const CLOSING = /^[。！？；：，、”’）》」』.!?;:]+/;

/** A paragraph whose first runs are bold (or Hei in a non-Hei body) opens with that lead. */
function withLead(runs: SourceRun[], bodyHei: boolean): ImportedBlock {
  const text = runs.map((r) => r.text).join('');
  let lead = '';
  let i = 0;
  for (; i < runs.length; i++) {
    const r = runs[i];
    if (r.bold || (r.hei && !bodyHei)) lead += r.text;
    else if (!r.text.trim() && lead) lead += r.text;
    else break;
  }
  if (!lead.trim()) return { kind: 'paragraph', text };
  // A paragraph bold from end to end is a lead only when it is a sentence (else: emphasis, kept plain).
  if (lead.length === text.length && !/[。！？!?]$/.test(text.trim())) return { kind: 'paragraph', text };
  let rest = text.slice(lead.length);
  const closing = CLOSING.exec(rest);
  if (closing) (lead += closing[0]), (rest = rest.slice(closing[0].length));
  // Spaces at the lead's end belong to neither: `**…。** 大力` would print a space.
  const trimmed = lead.replace(/[\s\u3000]+$/, '');
  rest = rest.replace(/^[\s\u3000]+/, '');
  return { kind: 'paragraph', lead: trimmed, text: rest };
}
