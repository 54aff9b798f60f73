/**
 * Titles: centred, and when a title wraps its lines are balanced (回行时词意完整, no lone
 * character): the fewest lines that hold it, with breaks chosen to even out the line widths
 * and to fall between words, never inside a number or Latin word or between a number and
 * 年/月/日/%, and at least one character clear of each margin. A ——subtitle of a title that
 * wraps starts its own line (at its own size, a house-style option).
 */
import type { Diagnostic } from '../diagnostics/index.js';
import { advance } from '../model/source.js';
import { canBreakBetween, itemize, splitWide, type Cluster, type StyledText } from './itemize.js';
import { fitLine, type LineFit } from './breakLines.js';
import { placeLine } from './justify.js';
import { layoutParagraph, type ParagraphOptions } from './paragraph.js';
import { textLine, type TextLine } from './types.js';

/**
 * ICU's Chinese word segmenter, made when a title is first segmented: making it loads ICU's
 * dictionary, about 15 ms, which commands that set no title (list, new, import) never need.
 */
let segmenter: Intl.Segmenter | undefined;

/**
 * Words that open a phrase in official titles (a verb after the subject): the natural place for
 * a title to wrap, e.g. 石峰区“党建+链长制” / 推动园区企业党建与生产经营深度融合.
 */
const PHRASE_STARTS = [
  '推动',
  '推进',
  '助力',
  '打造',
  '实现',
  '加强',
  '深化',
  '提升',
  '促进',
  '构建',
  '激发',
  '激活',
  '赋能',
  '引领',
  '破解',
  '筑牢',
  '锻造',
  '织密',
  '做好',
  '做实',
  '建强',
  '健全',
  '完善',
  '强化',
  '聚焦',
  '坚持',
  '探索',
  '开展',
  '扎实',
  '持续',
  '全面',
  '着力',
  '以',
  '为',
  '让',
  '在',
  '把',
];

/** Cost of wrapping a title: inside a word, at a word boundary, or where a phrase starts. */
const COST_IN_WORD = 60;
const COST_AT_WORD = 15;
/**
 * Cost of a line more than the fewest that hold the title: less than a break inside a word, so a
 * narrow measure takes a third line (茶陵炎陵两县 / 推进跨县域党建联建 / 助力红色旅游融合发展)
 * rather than split 党建 to make do with two.
 */
const COST_EXTRA_LINE = 30;

/** Place-name and office suffixes ICU leaves as words of their own (荷塘|区, 建宁|街道, 组织|部), and -化 (标准|化). */
const NAME_SUFFIXES = new Set(['区', '县', '市', '镇', '乡', '村', '街道', '社区', '部', '化']);
/** After a place name, these make one word with it (天元区委, not 天元区 / 委组织部). */
const AFTER_PLACE = new Set(['委']);
/** One-character prefixes that ICU splits from the word they bind to (高|质量, 全|覆盖, 新|就业). */
const BOUND_PREFIXES = new Set(['高', '全', '新']);
/** Place suffixes that make a level with 级 (村|级, 县|级, 市|级): the level is one word, not part of the word before (推动 村级). */
const LEVEL_PLACES = new Set(['区', '县', '市', '镇', '乡', '村']);
/** The Party bodies ICU splits after 党 (党|组织, 党|支部); 党 before other words stays single (从严治党 / 主体责任). */
const PARTY_BODIES = new Set(['组织', '支部', '小组', '总支', '工委']);

const ALL_HAN = /^\p{Script=Han}+$/u;

/**
 * ICU's word segments, adjusted where its boundaries fall inside an official term: a place-name
 * or office suffix, or -化, joins the word of two or more characters before it (荷塘区 党建, 组织部, 标准化), unless
 * that word follows a number (2025年度 市管); 委 after a place suffix joins too (天元区委); a place
 * suffix before 级 makes a level word with it instead (推动 村级, 健全 市级); 党 joins the body after
 * it (党组织, 党支部); and 高/全/新 join the two-character word after them (我市 高质量). Small rules
 * over ICU, no dictionary.
 */
function titleSegments(text: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const segs = [...segmenter.segment(text)].map((s) => s.segment);
  const out: string[] = [];
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i];
    const prev = out[out.length - 1];
    const beforePrev = out[out.length - 2];
    if (LEVEL_PLACES.has(s) && segs[i + 1] === '级') {
      out.push(s + segs[++i]);
      continue;
    }
    if (s === '党' && PARTY_BODIES.has(segs[i + 1] ?? '')) {
      out.push(s + segs[++i]);
      continue;
    }
    if (prev && NAME_SUFFIXES.has(s) && [...prev].length >= 2 && ALL_HAN.test(prev) && !(beforePrev && /[0-9０-９]$/.test(beforePrev))) {
      out[out.length - 1] = prev + s;
      if (s !== '部' && s !== '化' && AFTER_PLACE.has(segs[i + 1] ?? '')) out[out.length - 1] += segs[++i];
      continue;
    }
    if (BOUND_PREFIXES.has(s) && [...(segs[i + 1] ?? '')].length === 2 && ALL_HAN.test(segs[i + 1])) {
      out.push(s + segs[++i]);
      continue;
    }
    out.push(s);
  }
  return out;
}

/**
 * Cluster indices after which a word ends (breaking there keeps words whole). ICU's dictionary
 * misses many official terms (党建 comes out as 党|建), so a boundary between two one-character
 * segments is not trusted: runs of single characters are usually one unknown word.
 */
function wordEnds(cs: Cluster[]): Set<number> {
  const text = cs.map((c) => c.text).join('');
  const ends = new Set<number>();
  const clusterAt: number[] = [];
  cs.forEach((c, i) => {
    for (let k = 0; k < c.text.length; k++) clusterAt.push(i);
  });
  const segs = titleSegments(text);
  const single = (s: string | undefined) => !!s && /[\p{L}\p{N}]/u.test(s) && [...s].length === 1;
  let end = 0;
  segs.forEach((s, i) => {
    end += s.length;
    if (end >= text.length) return;
    // …except after a conjunction, which ends its phrase (建设和 / 党群服务).
    if (single(s) && single(segs[i + 1]) && !CONJUNCTIONS.has(s)) return;
    ends.add(clusterAt[end - 1]);
  });
  return ends;
}

/** Conjunctions that belong at the end of a title line, not at the start of the next. */
const CONJUNCTIONS = new Set(['和', '与', '及']);

/**
 * Nouns that complete a quoted name (“株洲英才”计划, “智慧党建”平台, “五个一”工作法): after the
 * closing quote the name goes on, so no phrase starts there.
 */
const NAME_HEADS = ['计划', '工程', '行动', '模式', '机制', '工作', '品牌', '体系', '平台', '项目', '活动', '服务', '试点', '改革', '制度', '战略'];

function phraseStart(cs: Cluster[], j: number): boolean {
  const prev = cs[j - 1].text;
  let ahead = '';
  for (let k = j; k < cs.length && ahead.length < 2; k++) ahead += cs[k].text;
  // After a conjunction the next conjunct starts (平台建设和 / 党群服务阵地…).
  if (CONJUNCTIONS.has(prev)) return true;
  if (/[”’）》」』〕】]$/.test(prev)) return !(/[”’]$/.test(prev) && NAME_HEADS.some((w) => ahead.startsWith(w)));
  return PHRASE_STARTS.some((w) => ahead.startsWith(w));
}

/** Breaks a title never takes: inside a number or Latin word (2017|年, 1|—9月, 5G|基站, 98.2|%). */
function splitsWord(before: string, after: string): boolean {
  const a = before.slice(-1);
  const b = after[0];
  const alnum = /[0-9A-Za-z]/;
  if (alnum.test(a) && (alnum.test(b) || /[年月日%％‰—–~～-]/.test(b))) return true;
  return /[—–~～-]/.test(a) && before.length === 1 && alnum.test(b);
}

/**
 * Where a title may wrap between words when a browser sets it (the web edition puts a <wbr>
 * there and lets no other break fall between two characters): code-point offsets between two
 * letters, ideographs or digits that the title breaker takes as a word boundary, never inside a
 * number or Latin word. Breaks next to punctuation are left to the browser's own rules.
 */
export function titleWordBreaks(text: string): number[] {
  const chars = [...text];
  const ends = wordEnds(chars.map((ch) => ({ text: ch }) as Cluster));
  const letter = /[\p{L}\p{N}]/u;
  const out: number[] = [];
  for (const i of [...ends].sort((a, b) => a - b)) {
    const j = i + 1;
    if (j < chars.length && letter.test(chars[i]) && letter.test(chars[j]) && !splitsWord(chars.slice(0, j).join(''), chars.slice(j).join(''))) out.push(j);
  }
  return out;
}

export interface TitleOptions extends ParagraphOptions {
  /** Size of a ——subtitle (default: the title size). */
  subtitleSize?: number;
  /** Space kept clear each side of a title line, in ems of the title (default 1). */
  margin?: number;
}

export function layoutTitle(parts: StyledText[], o: TitleOptions, diagnostics: Diagnostic[]): TextLine[] {
  const text = parts.map((p) => p.text).join('');
  const dash = text.indexOf('——');
  // When balancing finds no setting (see setTitle), the title is set as a centred paragraph.
  const paragraph = () => layoutParagraph(parts, o, diagnostics);
  if (parts.length === 1 && dash > 0) {
    const whole = setTitle(parts, o, diagnostics);
    if (!whole) return paragraph();
    const subSize = o.subtitleSize ?? o.size;
    if (whole.length === 1 && subSize === o.size) return whole;
    const [part] = parts;
    const main = setTitle([{ ...part, text: text.slice(0, dash) }], o, diagnostics);
    if (!main) return paragraph();
    const sub = setTitle(
      [{ ...part, text: text.slice(dash), loc: advance(part.loc, text.slice(0, dash)) }],
      { ...o, size: subSize, cell: subSize },
      diagnostics,
    );
    return sub ? [...main, ...sub] : paragraph();
  }
  return setTitle(parts, o, diagnostics) ?? paragraph();
}

/**
 * Balanced lines, or undefined when there is no setting: balancing looks at most one line beyond
 * the estimate, so a long title in a narrow text block (or a cluster wider than the measure) has none.
 */

function setTitle(parts: StyledText[], o: TitleOptions, diagnostics: Diagnostic[]): TextLine[] | undefined {
  const cs = splitWide(itemize(parts, { size: o.size, cell: o.cell, fonts: o.fonts }, diagnostics), o.width * 0.9);
  const n = cs.length;
  if (!n) return [];
  // A title line keeps at least one character of margin each side (less on a narrow measure).
  const measure = o.width - 2 * (o.margin ?? 1) * o.size;
  const total = cs.reduce((s, c) => s + c.width, 0);
  const fewest = Math.max(1, Math.ceil(total / measure - 1e-9));
  // Word ends (ICU's segmenter, whose dictionary costs ~15 ms to load) are found only when a
  // break's cost is wanted: a title that fits on one line never asks.
  let words: Set<number> | undefined;
  const letters = [0];
  for (const c of cs) letters.push(letters[letters.length - 1] + c.letters);
  /** The cost of ending a line after cluster j - 1, when a line follows it. */
  const breakCosts: number[] = [];
  const breakCost = (j: number): number => {
    if (breakCosts[j] !== undefined) return breakCosts[j];
    words ??= wordEnds(cs);
    let cost = 0;
    if (!canBreakBetween(cs[j - 1], cs[j]) || splitsWord(cs[j - 1].text, cs[j].text)) cost += 1e6;
    cost += !words.has(j - 1) ? COST_IN_WORD : phraseStart(cs, j) ? 0 : COST_AT_WORD;
    // A line does not open with the conjunction that joins it to the line before (建设 / 和党群服务).
    if (CONJUNCTIONS.has(cs[j].text)) cost += COST_AT_WORD;
    return (breakCosts[j] = cost);
  };
  // The lines [i, j) that fit, measured once; their costs depend on the line count's target width.
  const fitsFrom: LineFit[][] = new Array(n);
  const linesFrom = (i: number) => {
    if (fitsFrom[i]) return fitsFrom[i];
    const out: LineFit[] = [];
    for (let j = i + 1; j <= n; j++) {
      const fit = fitLine(cs, i, j, measure, o.size, true, false);
      if (fit.overfull) break;
      out.push(fit);
    }
    return (fitsFrom[i] = out);
  };
  /** The best setting in exactly `count` lines: its cost and lines, or an infinite cost. */
  const solve = (count: number): { cost: number; fits: LineFit[] } => {
    const target = total / count;
    // dp[l][j]: best cost of setting clusters [0, j) in l lines.
    const dp: number[][] = Array.from({ length: count + 1 }, () => new Array(n + 1).fill(Infinity));
    const back: (LineFit | undefined)[][] = Array.from({ length: count + 1 }, () => new Array(n + 1).fill(undefined));
    dp[0][0] = 0;
    for (let l = 0; l < count; l++) {
      const last = l + 1 === count;
      for (let i = 0; i < n; i++) {
        if (!Number.isFinite(dp[l][i])) continue;
        for (const fit of linesFrom(i)) {
          const j = fit.end;
          // The last line must end the title: a setting that stops short is never read.
          if (last && j < n) continue;
          let lineCost = j < n ? breakCost(j) : 0;
          if (letters[j] - letters[i] < 2 && n > 2) lineCost += 1e4;
          // Balance matters, but a line that reads as a complete phrase matters more.
          const cost = dp[l][i] + lineCost + 0.5 * ((fit.natural - target) / o.size) ** 2;
          if (cost < dp[l + 1][j]) {
            dp[l + 1][j] = cost;
            back[l + 1][j] = fit;
          }
        }
      }
    }
    const fits: LineFit[] = [];
    if (!Number.isFinite(dp[count][n])) return { cost: Infinity, fits };
    for (let l = count, j = n; l > 0; l--) {
      const f = back[l][j]!;
      fits.push(f);
      j = f.start;
    }
    return { cost: dp[count][n], fits: fits.reverse() };
  };
  // The fewest lines, unless one more reads better (the fewest break inside a word) or the fewest
  // cannot be set at all. Every cost is at least zero, so one more line cannot win when the fewest
  // cost no more than the extra line does: it is not tried.
  const least = solve(fewest);
  const more = least.cost <= COST_EXTRA_LINE ? undefined : solve(fewest + 1);
  const { cost, fits } = more && more.cost + COST_EXTRA_LINE < least.cost ? more : least;
  if (!Number.isFinite(cost)) return undefined;
  return fits.map((fit, i) => {
    return textLine(placeLine(cs, fit, o.x, o.width, 'center'), o.role, o.ink ?? 'text', i === fits.length - 1);
  });
}
