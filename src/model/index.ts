export * from './types.js';
export { SourceText } from './source.js';
export { codePoints } from '../diagnostics/index.js';
export { loadSeries, parseSeries, SERIES_KEYS, FONT_ROLE_KEYS, type SeriesLoad } from './series.js';
export { manifestText, type ManifestFields } from './manifest.js';
export { loadIssue, parseDate, readManifestSummary, summaryOf, ISSUE_KEYS, type IssueLoad } from './issue.js';
export { parseArticle, markdownHazard, ARTICLE_KEYS } from './article.js';
export { parseYaml, didYouMean, FieldReader, MAX_YAML_DEPTH, MAX_YAML_ALIASES } from './yaml.js';
export { isChinese, isHan, charAt, charBefore, halfWidthMarks, halfWidthSpans, FULL_WIDTH, type HalfWidthMark } from './punctuation.js';
