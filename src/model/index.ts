export * from './types.js';
export { SourceText } from './source.js';
export { loadSeries, parseSeries, SERIES_KEYS, FONT_ROLE_KEYS, type SeriesLoad } from './series.js';
export { loadIssue, parseDate, ISSUE_KEYS, type IssueLoad } from './issue.js';
export { parseArticle, ARTICLE_KEYS } from './article.js';
