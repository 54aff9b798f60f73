/**
 * The ids the reader, the model, the fonts, the trial layout, the editions and the checker itself
 * report as they read (every other id is a check rule's, with its own meta), each with its
 * default severity. Those stages name only the id where they report (`reported`), and the check
 * registry (src/check/reported.ts) reads the same table, so each default is written once.
 */
import type { Diagnostic, Fix, Message, Severity, SourceLoc } from './index.js';

export const REPORTED_SEVERITY = {
  // YAML and manifests
  'yaml/syntax': 'error',
  'yaml/colon': 'error',
  'yaml/aliases': 'error',
  'yaml/type': 'error',
  'manifest/missing': 'error',
  'manifest/type': 'error',
  'manifest/unknown-key': 'error',
  'manifest/out-of-range': 'error',
  'style/out-of-range': 'error',
  'style/inconsistent': 'error',
  'date/invalid': 'error',
  // Files
  'file/missing': 'error',
  'file/outside-archive': 'error',
  'file/too-large': 'error',
  'file/encoding': 'error',
  'file/not-regular': 'error',
  'file/unreadable': 'error',
  'output/unwritable': 'error',
  // Articles
  'article/missing': 'error',
  'article/duplicate': 'error',
  'article/empty': 'error',
  'article/front-matter': 'error',
  'article/title': 'error',
  'article/markdown': 'warning',
  'attribution/missing': 'error',
  // Markdown constructs a bulletin page does not have
  'markdown/html': 'error',
  'markdown/image': 'error',
  'markdown/table': 'error',
  'markdown/html-comment': 'warning',
  'markdown/thematic-break': 'warning',
  'markdown/bullet-list': 'warning',
  'markdown/blockquote': 'warning',
  'markdown/code': 'warning',
  'markdown/inline-code': 'warning',
  'markdown/emphasis': 'warning',
  'markdown/link': 'warning',
  'markdown/definition': 'warning',
  'markdown/entity': 'warning',
  'markdown/unsupported': 'warning',
  // Fonts and the trial layout
  'font/unreadable': 'error',
  'font/missing-glyph': 'error',
  'layout/does-not-fit': 'error',
  'layout/overfull': 'error',
  'layout/max-pages': 'error',
  'layout/title-at-bottom': 'warning',
  'layout/end-block-page': 'hint',
  'layout/failed': 'error',
  // The WeChat edition: the platform's limits
  'wechat/title-length': 'warning',
  'wechat/digest-length': 'warning',
  'wechat/content-size': 'warning',
  // The checker itself and its configuration
  'internal/rule-failed': 'warning',
  'checks/unknown-rule': 'error',
  'checks/locked': 'error',
} as const satisfies Record<string, Severity>;

export type ReportedRule = keyof typeof REPORTED_SEVERITY;

/** A diagnostic of an id reported outside the check rules, at its registered default severity. */
export function reported(rule: ReportedRule, loc: SourceLoc, message: Message, extra: { hint?: Message; fix?: Fix[] } = {}): Diagnostic {
  return { rule, severity: REPORTED_SEVERITY[rule], loc, message, ...extra };
}
