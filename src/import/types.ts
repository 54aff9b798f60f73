/**
 * What every reader hands to the structure step: the document as a list of paragraphs with just
 * the formatting that says what a paragraph is (title, lead, heading), whatever the file format.
 */

/** A stretch of text in one formatting. A manual line break (Shift+Enter) is a '\n' in the text. */
export interface SourceRun {
  text: string;
  bold: boolean;
  /** Set in a 黑体/Hei (sans) face. */
  hei: boolean;
  /** Font size in points, when the format says. */
  size?: number;
}

export type Alignment = 'left' | 'center' | 'right' | 'justify';

export interface SourcePara {
  runs: SourceRun[];
  align?: Alignment;
  /** The paragraph's style is Word's Title (or 标题). */
  titleStyle?: boolean;
  /** 1–9 when the paragraph's style (or outline level) makes it a heading. */
  headingStyle?: number;
  /** The label Word's automatic numbering puts before the text (一、, （一）, 1.), already in `runs`. */
  numberLabel?: string;
}

/** The formats a file can be read as. */
export type SourceFormat = 'docx' | 'doc' | 'html' | 'text';

/** A file read into paragraphs. `formatted` is true when bold, fonts and alignment are known. */
export interface SourceDocument {
  format: SourceFormat;
  formatted: boolean;
  paras: SourcePara[];
  /** The first paragraph is the title for certain (a Markdown file's front matter said so). */
  titleKnown?: boolean;
}

/** A sentence in both languages, for the report. */
export interface Said {
  zh: string;
  en: string;
}

/** One block of an imported article, as it will be written in Markdown. */
export type ImportedBlock = { kind: 'paragraph'; lead?: string; text: string } | { kind: 'heading'; level: 1 | 2 | 3; text: string };

export interface ImportedArticle {
  title: string;
  /** The units as matched against bulletin.yaml (or as written when nothing matched). */
  sources: string[];
  blocks: ImportedBlock[];
  /** What had to be guessed or inferred, said plainly. */
  guesses: Said[];
}

export interface ImportedIssue {
  number?: number;
  total?: number;
  date?: { year: number; month: number; day: number };
  editorNote?: string;
  articles: ImportedArticle[];
}
