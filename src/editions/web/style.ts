/**
 * The site's one stylesheet. Chinese web typography after W3C clreq: 2-em first-line indents,
 * justified text, strict line breaking (no 。，、 at a line start), punctuation trimming where the
 * browser supports it. Fonts are the reader's own (FangSong/Song first, then whatever CJK serif the
 * system has): no web font is fetched from anywhere.
 */
const FANGSONG = `"FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "STFangsong", "华文仿宋", "FZFangSong-Z02S", "FandolFang", "Songti SC", "SimSun", "宋体", "Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC", serif`;
const TITLE = `"方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "STZhongsong", "华文中宋", "Songti SC", "SimSun", "宋体", "Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC", serif`;
const HEI = `"SimHei", "黑体", "Heiti SC", "STHeiti", "FandolHei", "PingFang SC", "Microsoft YaHei", "微软雅黑", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif`;
const KAI = `"KaiTi_GB2312", "楷体_GB2312", "KaiTi", "楷体", "STKaiti", "华文楷体", "Kaiti SC", "FandolKai", "AR PL UKai CN", ${FANGSONG}`;

export const STYLESHEET = `/* bulletin web edition */
:root {
  --red: #c00000;
  --ink: #1a1a1a;
  --muted: #555;
  /* In rem, so the crumbs, the text and the pager share one column whatever their font size. */
  --measure: 40.5rem;
  color-scheme: light;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  padding: 0 1rem 2rem;
  color: var(--ink);
  background: #fff;
  font-family: ${FANGSONG};
  font-size: 1.125rem;
  line-height: 1.85;
  /* clreq: no closing mark at a line start, no opening mark at a line end. */
  line-break: strict;
  word-break: normal;
  /* A long URL or number never pushes the page wider than the phone. */
  overflow-wrap: anywhere;
}
body > * { max-width: var(--measure); margin-left: auto; margin-right: auto; }
a { color: #0b4f9c; text-underline-offset: 0.2em; }
a:hover, a:focus { color: var(--red); }
:focus-visible { outline: 2px solid var(--red); outline-offset: 2px; }
.visually-hidden {
  position: absolute !important; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
}

/* Paragraphs: indented two characters, justified, marks trimmed where the browser can. */
p { margin: 0; text-align: justify; text-justify: inter-character; }
article p, .note p { text-indent: 2em; }
@supports (text-spacing-trim: space-first) {
  p, h1, h2, h3, h4, li { text-spacing-trim: space-first; }
}
.lead, .note-label { font-weight: 700; }

/* The masthead as text: series name in red, a red rule under office and date. */
.masthead { text-align: center; padding: 1.5rem 0 0.5rem; border-bottom: 2px solid var(--red); margin-bottom: 1.5rem; }
.masthead .series {
  margin: 0; color: var(--red); font-family: ${TITLE}; font-weight: 700;
  font-size: clamp(1.75rem, 8vw, 2.75rem); line-height: 1.3; letter-spacing: 0.1em;
}
.masthead .number { margin: 0.5rem 0 0; text-align: center; }
.masthead p.office { margin: 0.25rem 0 0; text-align: center; }
.masthead-foot { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0 1em; margin: 0.5rem 0 0; text-align: left; }
.masthead-foot .date { margin-left: auto; }
.crumbs { padding: 0.75rem 0; font-size: 0.95rem; }

/* Articles */
.title {
  font-family: ${TITLE}; font-weight: 700; font-size: clamp(1.5rem, 6vw, 1.9rem);
  line-height: 1.45; text-align: center; margin: 1rem 0 0.5rem; text-wrap: balance;
  /* Wrapped only between words (the <wbr> the title carries) or at punctuation. */
  word-break: keep-all;
}
.byline { text-align: center; color: var(--muted); font-size: 0.95rem; margin-bottom: 1.5rem; }
article .byline { text-indent: 0; }
article h2, article h3, article h4 { font-size: 1em; line-height: inherit; margin: 0; text-indent: 2em; text-align: justify; }
.h1 { font-family: ${HEI}; font-weight: 400; }
.h2 { font-family: ${KAI}; font-weight: 700; }
.h3 { font-family: ${FANGSONG}; font-weight: 700; }
/* A joint attribution wraps between units (after 、), never inside a unit's name. */
article p.attribution { text-indent: 0; text-align: right; margin-top: 0.5em; word-break: keep-all; }
.note { margin: 0 0 1em; font-family: ${KAI}; }

/* Issue page and index */
.toc h2, .year h2 { font-family: ${HEI}; font-weight: 400; font-size: 1.15em; margin: 1.5rem 0 0.5rem; }
.toc ol { padding-left: 1.75em; margin: 0; }
.toc li { margin: 0.5em 0; }
/* Titles in lists wrap between words, as the article's own title does (titleHtml). */
.toc a, .titles a { word-break: keep-all; }
.nobr { white-space: nowrap; }
.toc-source { display: block; color: var(--muted); font-size: 0.9em; }
.pdf { margin-top: 1.5rem; text-align: left; }
.issues { list-style: none; padding: 0; margin: 0; }
.issue { padding: 0.75rem 0; border-top: 1px solid #ddd; }
.issue h3 { margin: 0; font-size: 1.05em; font-family: ${HEI}; font-weight: 400; }
.issue .total { color: var(--muted); font-size: 0.9em; }
.issue .date { color: var(--muted); font-size: 0.9em; }
.titles { margin: 0.25rem 0 0; padding-left: 1.25em; }
.titles li { margin: 0.2em 0; }

/* 上一篇 / 下一篇 */
.pager { display: flex; gap: 1rem; justify-content: space-between; border-top: 1px solid #ddd; margin-top: 2rem; padding-top: 1rem; }
.pager a { flex: 1 1 0; min-width: 0; text-decoration: none; word-break: keep-all; text-wrap: balance; }
.pager a[rel="next"] { text-align: right; }
.pager-label { display: block; color: var(--muted); font-size: 0.85em; }
.back { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; margin-top: 1.5rem; font-size: 0.95rem; }

@media (min-width: 48em) {
  :root { --measure: 45rem; }
  body { font-size: 1.25rem; }
}

/* Print: the text alone, on A4 with the official margins; navigation left out. */
@media print {
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  body { padding: 0; font-size: 16pt; line-height: 28.9pt; color: #000; }
  body > * { max-width: none; }
  .crumbs, .pager, .back, .pdf { display: none; }
  a { color: inherit; text-decoration: none; }
  .masthead { border-bottom-color: var(--red); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .title { font-size: 22pt; line-height: 1.4; }
  h1, h2, h3, h4 { break-after: avoid; }
  p { orphans: 2; widows: 2; }
  .issue { break-inside: avoid; }
}
`;
