/**
 * The WeChat edition: HTML for the official-account editor (公众号后台), one file per article and
 * one for the whole issue. Only what survives paste and save there: inline styles (no <style>, no
 * class or id, no <script>), <section>/<p>/<span>/<strong>, no images and no links (the editor
 * strips outside links). The typography is set inline on every element for the same reason.
 */
import { reported, type Diagnostic } from '../../diagnostics/index.js';
import { loadFontBook, resolveFonts } from '../../fonts/index.js';
import type { FontBook } from '../../fonts/types.js';
import { layoutTitle, urlRanges } from '../../layout/index.js';
import { formatDateZh, type Article, type Block, type Issue, type Paragraph, type Run, type SeriesConfig } from '../../model/index.js';
import { articleSlug, attributionText, esc, escMarked, htmlDocument, issueNumberLabel, plainText } from '../html.js';

/** Limits of the account's draft API (草稿箱/新增草稿): title, digest, content. */
export const WECHAT_LIMITS = { title: 32, digest: 128, contentChars: 20_000, contentBytes: 1_000_000 };

const FONT = `'FangSong_GB2312','仿宋_GB2312',FangSong,'仿宋',STFangsong,serif`;
const TITLE_FONT = `'方正小标宋简体','FZXiaoBiaoSong-B05S',STZhongsong,SimSun,serif`;
const KAI = `'KaiTi_GB2312','楷体_GB2312',KaiTi,'楷体',STKaiti,serif`;
const RED = '#c00000';

const S = {
  root: `font-family:${FONT};font-size:16px;line-height:1.75;color:#222;letter-spacing:0.5px;text-align:justify;`,
  para: 'margin:0 0 0.75em;text-indent:2em;text-align:justify;font-size:16px;line-height:1.75;',
  title: `margin:0 0 1em;text-align:center;font-family:${TITLE_FONT};font-size:21px;line-height:1.45;font-weight:bold;`,
  h1: 'margin:0 0 0.75em;text-indent:2em;text-align:justify;font-size:16px;line-height:1.75;font-weight:bold;',
  h2: `margin:0 0 0.75em;text-indent:2em;text-align:justify;font-size:16px;line-height:1.75;font-weight:bold;font-family:${KAI};`,
  h3: 'margin:0 0 0.75em;text-indent:2em;text-align:justify;font-size:16px;line-height:1.75;font-weight:bold;',
  note: `margin:0 0 0.75em;text-indent:2em;text-align:justify;font-size:16px;line-height:1.75;font-family:${KAI};`,
  attribution: 'margin:0.5em 0 1.5em;text-align:right;font-size:16px;line-height:1.75;',
  series: `margin:0;text-align:center;color:${RED};font-family:${TITLE_FONT};font-size:28px;line-height:1.4;font-weight:bold;letter-spacing:4px;`,
  number: 'margin:0.25em 0 0;text-align:center;font-size:16px;',
  foot: 'margin:0.25em 0 0;font-size:15px;text-align:justify;text-align-last:justify;',
  rule: `margin:0.5em 0 1.5em;border-bottom:2px solid ${RED};`,
  divider: 'margin:1.5em 0;border-top:1px solid #ddd;',
  url: 'word-break:break-all;',
};

/** WeChat's article column on a 375 px phone: the page keeps 16 px each side. */
export const WECHAT_PHONE_COLUMN = 343;
const TITLE_PX = 21;
/** The root's letter-spacing, which the title inherits: each ideograph takes 21.5 px. */
const LETTER_SPACING_PX = 0.5;

/**
 * The fonts the print edition uses, to measure titles with; undefined when they cannot be read
 * (the titles are then left to the reader's browser to wrap, as before).
 */
export function wechatFonts(root: string, series: SeriesConfig): FontBook | undefined {
  try {
    return loadFontBook(resolveFonts(root, series.fonts));
  } catch {
    return undefined;
  }
}

/**
 * A title as the lines a 375 px phone shows it in, broken by the print and web title breaker
 * (balanced, between words, a ——subtitle on its own line): the editor drops <wbr> and any class,
 * so a title that needs more than one line gets a <br> at each break we chose, and the phone's
 * own line breaking (anywhere between two ideographs: 推动城市 / 基层治理) never comes into play.
 * Code-point offsets where a new line starts; none when the title fits one line.
 */
export function wechatTitleBreaks(title: string, fonts: FontBook): number[] {
  const loc = { file: '', line: 1, column: 1 };
  const lines = layoutTitle(
    [{ text: title, role: 'title', loc }],
    { fonts, size: TITLE_PX, cell: TITLE_PX + LETTER_SPACING_PX, x: 0, width: WECHAT_PHONE_COLUMN, indent: 0, align: 'center', role: 'title', margin: 0 },
    [],
  );
  return lines.slice(1).flatMap((l) => (l.cells.length ? [l.cells[0].loc.column - 1] : []));
}

function titleHtml(title: string, fonts: FontBook | undefined): string {
  const chars = [...title];
  const breaks = fonts ? wechatTitleBreaks(title, fonts) : [];
  let out = '';
  let at = 0;
  for (const b of breaks) {
    out += `${esc(chars.slice(at, b).join(''))}<br>`;
    at = b;
  }
  return out + esc(chars.slice(at).join(''));
}

function runs(rs: Run[]): string {
  return rs.map((r) => (r.style === 'lead' ? `<strong>${textHtml(r.text)}</strong>` : textHtml(r.text))).join('');
}

/**
 * Text as HTML, each web or e-mail address in a span that may break anywhere: the account's editor
 * drops <wbr>, and an address that cannot break moves whole to the next line and leaves the line
 * before it spread a blank between every character.
 */
function textHtml(text: string): string {
  return escMarked(text, urlRanges(text), (address) => `<span style="${S.url}">${address}</span>`);
}

function note(ps: Paragraph[]): string {
  return ps.map((p, i) => `<p style="${S.note}">${i === 0 ? '<strong>编者按：</strong>' : ''}${runs(p.runs)}</p>`).join('\n');
}

function block(b: Block): string {
  if (b.kind === 'paragraph') return `<p style="${S.para}">${runs(b.runs)}</p>`;
  const style = b.level === 1 ? S.h1 : b.level === 2 ? S.h2 : S.h3;
  return `<p style="${style}"><strong>${runs(b.runs)}</strong></p>`;
}

function articleBody(a: Article, attributionLabel: string, fonts: FontBook | undefined): string {
  const attribution = attributionText(a, attributionLabel);
  return [
    `<p style="${S.title}"><strong>${titleHtml(a.title, fonts)}</strong></p>`,
    note(a.note),
    ...a.blocks.map(block),
    attribution ? `<p style="${S.attribution}">${esc(attribution)}</p>` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

export interface WechatFile {
  /** File name, e.g. 01-wangge.html or issue.html. */
  name: string;
  title: string;
  digest: string;
  /** The HTML the editor or the API takes: one <section>. */
  content: string;
  /** A page around the content, to open in a browser and copy from. */
  html: string;
}

export interface WechatEdition {
  files: WechatFile[];
  warnings: Diagnostic[];
}

/** The article's digest (摘要): its editor's note, or else its first paragraph, as plain text. */
function digestOf(a: Article): string {
  const first = a.note[0] ?? a.blocks.find((b) => b.kind === 'paragraph');
  return first ? plainText(first) : '';
}

function wrap(title: string, digest: string, content: string): string {
  return htmlDocument({ title, meta: [`<meta name="description" content="${esc(digest)}">`], body: content });
}

/** @param fonts the print fonts, to break long titles for a phone (wechatFonts); without them titles carry no <br>. */
export function wechatEdition(series: SeriesConfig, issue: Issue, attributionLabel = '供稿单位：', fonts?: FontBook): WechatEdition {
  const warnings: Diagnostic[] = [];
  const files: WechatFile[] = [];
  const label = `${issue.year}年${issueNumberLabel(issue, false)}`;
  issue.articles.forEach((a, i) => {
    const content = `<section style="${S.root}">\n${articleBody(a, attributionLabel, fonts)}\n</section>`;
    const digest = digestOf(a);
    files.push({ name: `${articleSlug(a, i)}.html`, title: a.title, digest, content, html: wrap(a.title, digest, content) });
    const titleLength = [...a.title].length;
    if (titleLength > WECHAT_LIMITS.title)
      warnings.push(
        reported('wechat/title-length', a.titleLoc, {
          zh: `标题 ${titleLength} 个字，超过公众号图文标题的 ${WECHAT_LIMITS.title} 字上限，发布时须缩短`,
          en: `the title has ${titleLength} characters, more than the ${WECHAT_LIMITS.title} a WeChat article title allows; shorten it for the account`,
        }),
      );
    const first = a.note[0] ?? a.blocks.find((b) => b.kind === 'paragraph');
    const digestLength = [...digest].length;
    if (first && digestLength > WECHAT_LIMITS.digest)
      warnings.push(
        reported('wechat/digest-length', first.loc, {
          zh: `摘要（取自${a.note.length ? '编者按' : '第一段'}）${digestLength} 个字，超过公众号的 ${WECHAT_LIMITS.digest} 字上限，后台会截断；可在文章信息块中用 note 写一段简短的编者按`,
          en: `the digest (taken from the ${a.note.length ? 'editor’s note' : 'first paragraph'}) has ${digestLength} characters, more than the ${WECHAT_LIMITS.digest} WeChat allows and will be cut; a short \`note\` in the front matter gives a better one`,
        }),
      );
    checkSize(warnings, content, a.titleLoc, a.title);
  });

  const masthead = [
    `<p style="${S.series}"><strong>${esc(series.series)}</strong></p>`,
    `<p style="${S.number}">${esc(issueNumberLabel(issue))}</p>`,
    // Each an inline block: justification then spreads only the space between them (at full width
    // it spread every character of the office), and a narrow screen puts the date on its own line.
    `<p style="${S.foot}"><span style="display:inline-block;">${esc(series.office)}</span> <span style="display:inline-block;">${esc(formatDateZh(issue.date))}</span></p>`,
    `<section style="${S.rule}"></section>`,
  ].join('\n');
  const body = issue.articles.map((a) => articleBody(a, attributionLabel, fonts)).join(`\n<section style="${S.divider}"></section>\n`);
  const content = `<section style="${S.root}">\n${masthead}\n${note(issue.editorNote)}\n${body}\n</section>`;
  const title = `${series.series} ${label}`;
  const digest = issue.editorNote.length ? plainText(issue.editorNote[0]) : issue.articles.map((a) => a.title).join('；');
  files.push({ name: 'issue.html', title, digest, content, html: wrap(title, digest, content) });
  checkSize(warnings, content, { file: issue.file, line: 1, column: 1 }, title);
  return { files, warnings };
}

function checkSize(warnings: Diagnostic[], content: string, loc: Diagnostic['loc'], what: string): void {
  const chars = [...content].length;
  const bytes = Buffer.byteLength(content);
  if (chars > WECHAT_LIMITS.contentChars || bytes > WECHAT_LIMITS.contentBytes)
    warnings.push(
      reported('wechat/content-size', loc, {
        zh: `“${what}”的公众号正文有 ${chars} 个字符（${Math.round(bytes / 1024)} KB），超过 2 万字符或 1 MB 的上限，须分篇发布`,
        en: `the WeChat content of “${what}” has ${chars} characters (${Math.round(bytes / 1024)} KB), over the limit of 20,000 characters or 1 MB; publish it in parts`,
      }),
    );
}
