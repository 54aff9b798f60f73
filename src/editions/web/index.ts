/** The web edition: a static site of every published issue, from the same checked text as the PDF. */
export { publishWeb, WEB_MANIFEST, type WebOptions, type WebResult, type WebIssueResult } from './site.js';
export { STYLESHEET } from './style.js';
export { articleSlug, type IssueCard } from './pages.js';
