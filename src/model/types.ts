/** The document model: what an issue says, independent of how it is laid out. */
import type { SourceLoc } from '../diagnostics/index.js';

export type Numbering = 'yearly' | 'continuous';

/** A font named for a role in bulletin.yaml: a file (relative to the archive) and, for a collection, a face. */
export interface FontSpec {
  file: string;
  face?: string;
  loc: SourceLoc;
  /** A font for the characters this role's font lacks (`body: { file: …, fallback: … }`). */
  fallback?: { file: string; face?: string; loc: SourceLoc };
}

export interface FontsConfig {
  /** Look for fonts installed on the machine (仿宋_GB2312 …); tests turn this off to pin fonts. */
  system: boolean;
  roles: Partial<Record<string, FontSpec>>;
}

/** bulletin.yaml */
export interface SeriesConfig {
  series: string;
  office: string;
  numbering: Numbering;
  units: string[];
  style: unknown;
  fonts: FontsConfig;
  file: string;
  /** Where `series` and `office` are written (layout reports a masthead that does not fit there). */
  seriesLoc?: SourceLoc;
  officeLoc?: SourceLoc;
  /** `checks:` — a rule id set to off, hint, warning or error, where it is written (ids are checked by the check stage). */
  checks?: { id: string; level: 'off' | 'hint' | 'warning' | 'error'; loc: SourceLoc }[];
  /** `names:` — the exact forms of leaders' names, titles, unit names and slogans. */
  names?: { value: string; loc: SourceLoc }[];
  /** `words:` — the office's own confused-words entries, added to the built-in dictionary. */
  words?: WordEntry[];
}

/** One confused-words entry: `find` is written where `use` is meant, for the reason `why`. */
export interface WordEntry {
  find: string;
  use: string;
  why: string;
  /** The reason in English, for the built-in entries (an office's own entries give one language). */
  why_en?: string;
  /** Only when followed by one of these (e.g. 截止 before 目前); any when absent. */
  before?: string[];
  /** Never when followed by one of these (e.g. 截止 in 截止日期). */
  not_before?: string[];
  severity?: 'hint' | 'warning' | 'error';
  loc?: SourceLoc;
}

export type InlineStyle = 'regular' | 'lead';

/** A stretch of text in one style. `loc` is where its first character stands; the text maps 1:1 onto the source from there. */
export interface Run {
  text: string;
  style: InlineStyle;
  loc: SourceLoc;
}

export interface Paragraph {
  kind: 'paragraph';
  runs: Run[];
  loc: SourceLoc;
}

export interface Heading {
  kind: 'heading';
  level: 1 | 2 | 3;
  runs: Run[];
  loc: SourceLoc;
}

export type Block = Paragraph | Heading;

export interface Article {
  /** Archive-relative path. */
  file: string;
  title: string;
  titleLoc: SourceLoc;
  sources: string[];
  sourceLoc: SourceLoc;
  /** Where each entry of `sources` is written (same order). */
  sourceLocs?: SourceLoc[];
  /** Editor's note printed before this article's text. */
  note: Paragraph[];
  blocks: Block[];
  /** UTF-16 offset in the file's text where the Markdown body starts (after the front matter). */
  bodyOffset?: number;
}

export interface DistributionLine {
  label: string;
  recipients: string[];
  loc: SourceLoc;
}

export interface IssueDate {
  year: number;
  month: number;
  day: number;
}

export interface Issue {
  year: number;
  number: number;
  date: IssueDate;
  dateLoc: SourceLoc;
  /** Where `number`, `total` and `supplement` are written (the manifest's start when absent). */
  numberLoc?: SourceLoc;
  totalLoc?: SourceLoc;
  supplementLoc?: SourceLoc;
  total?: number;
  supplement: boolean;
  editorNote: Paragraph[];
  articles: Article[];
  distribution: DistributionLine[];
  copies?: number;
  copiesLoc?: SourceLoc;
  /** Archive-relative path of issue.yaml. */
  file: string;
  /** Archive-relative folder. */
  dir: string;
  /** Archive-relative paths of the article files the manifest lists (read or not). */
  listed?: string[];
}

/** The few fields of an issue.yaml that rules spanning issues compare. */
export interface ManifestSummary {
  /** Archive-relative path of issue.yaml. */
  file: string;
  year: number;
  /** The folder's number. */
  folder: number;
  number?: number;
  numberLoc: SourceLoc;
  date?: IssueDate;
  dateLoc: SourceLoc;
  total?: number;
  totalLoc: SourceLoc;
  supplement: boolean;
}

export function formatDateZh(d: IssueDate): string {
  return `${d.year}年${d.month}月${d.day}日`;
}
