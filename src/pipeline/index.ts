/**
 * The library's front door: load → check → lay out → render, for one issue.
 * The CLI is a thin shell over these functions.
 */
import path from 'node:path';
import { relPath, WriteFault, writeFileAtomic, type IssueDir, type WriteBatch } from '../archive/index.js';
import { fontFault, osFault } from '../i18n/faults.js';
import { reported, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import { FontLoadError, loadFace, loadFontBook, resolveFonts, type FontResolution } from '../fonts/index.js';
import { layoutIssue, type IssueLayout } from '../layout/index.js';
import type { Issue, SeriesConfig, SourceText } from '../model/index.js';
import type { HouseStyle } from '../style/index.js';
import { checkOne, openSession, type CheckSession } from '../check/run.js';
import { VERSION } from '../version.js';

export { VERSION };

export interface Prepared {
  series: SeriesConfig;
  issue: Issue;
  style: HouseStyle;
  sources: Map<string, SourceText>;
  diagnostics: Diagnostic[];
}

/**
 * Load and check one issue, exactly as `bulletin check` does (same session, same rules).
 * `issue` is undefined when errors stop it before a model exists.
 */
export function prepareIssue(root: string, where: IssueDir, s: CheckSession = openSession(root)): Partial<Prepared> & { diagnostics: Diagnostic[] } {
  const { load, diagnostics } = checkOne(s, where);
  if (!s.seriesLoad.config) return { diagnostics };
  if (!load.issue) return { series: s.series, diagnostics };
  return { series: s.series, issue: load.issue, style: s.style, sources: load.sources, diagnostics };
}

/**
 * Lay out a prepared issue with its fonts. Font files that cannot be opened become diagnostics.
 * `fonts`: a resolution the caller already made from the same bulletin.yaml (the up-to-date stamp
 * makes one), so the fonts/ folder and the installed fonts are not looked through twice.
 */
export function layoutPrepared(
  root: string,
  p: Prepared,
  fonts: FontResolution = resolveFonts(root, p.series.fonts),
): { layout?: IssueLayout; fonts?: FontResolution; diagnostics: Diagnostic[] } {
  const broken = fontDiagnostics(root, p.series.file, fonts);
  if (broken.length) return { diagnostics: broken };
  const book = loadFontBook(fonts);
  const layout = layoutIssue({ series: p.series, issue: p.issue, style: p.style, fonts: book });
  if (p.style.max_pages > 0 && layout.pages.length > p.style.max_pages) {
    layout.diagnostics.push(
      reported(
        'layout/max-pages',
        { file: p.issue.file, line: 1, column: 1 },
        {
          zh: `本期排版后共 ${layout.pages.length} 页，超过 style.max_pages 规定的 ${p.style.max_pages} 页`,
          en: `the issue sets to ${layout.pages.length} pages, more than style.max_pages (${p.style.max_pages})`,
        },
      ),
    );
  }
  return { layout, fonts, diagnostics: layout.diagnostics };
}

/** How a font path is shown: archive-relative inside the archive, as written elsewhere. */
export function shownFontPath(root: string, file: string): string {
  return file.startsWith(root + path.sep) ? relPath(root, file) : file;
}

/**
 * One error per font that cannot be used: every file in fonts/ named like a font that is not one,
 * and every font a role or fallback needs that does not open (each tried, so one run shows all).
 */
export function fontDiagnostics(root: string, configFile: string, fonts: FontResolution): Diagnostic[] {
  const choices = [...Object.values(fonts.roles), ...fonts.fallbacks];
  const out: Diagnostic[] = fonts.broken.map((b) => {
    const shown = shownFontPath(root, b.path);
    // Named in bulletin.yaml as well: point at that line.
    const loc = choices.find((c) => c.path === b.path && c.loc)?.loc ?? { file: shown, line: 1, column: 1 };
    return reported('font/unreadable', loc, fontFault(b.error, shown));
  });
  const seen = new Set(fonts.broken.map((b) => b.path));
  for (const c of choices) {
    const key = `${c.path}#${c.face ?? ''}`;
    if (seen.has(c.path) || seen.has(key)) continue;
    seen.add(key);
    try {
      loadFace(c);
    } catch (e) {
      if (!(e instanceof FontLoadError)) throw e;
      out.push(fontLoadDiagnostic(root, configFile, e));
    }
  }
  return out;
}

/** A font a role needs that cannot be opened: at its line in bulletin.yaml when it is named there. */
export function fontLoadDiagnostic(root: string, configFile: string, e: FontLoadError): Diagnostic {
  const shown = shownFontPath(root, e.choice.path);
  const loc = e.choice.loc ?? (e.choice.origin === 'fonts/' ? { file: shown, line: 1, column: 1 } : { file: configFile, line: 1, column: 1 });
  return reported('font/unreadable', loc, fontFault(e.error, shown, e.choice.face));
}

export function pdfMeta(p: Prepared) {
  const { issue, series, style } = p;
  const label = `${issue.year}年第${issue.number}期`;
  return {
    title: `${series.series} ${label}`,
    author: series.office,
    subject: `《${series.series}》${label}`,
    creator: `bulletin ${VERSION}`,
    date: new Date(Date.UTC(issue.date.year, issue.date.month - 1, issue.date.day)),
    colors: style.colors,
  };
}

export function defaultOutput(root: string, where: IssueDir): string {
  return path.join(root, 'dist', `${where.year}-${where.number}.pdf`);
}

export interface BuildResult {
  output?: string;
  pages: number;
  bytes: number;
  diagnostics: Diagnostic[];
  /** The fonts used, so a caller can say when official fonts were missing and defaults stood in. */
  fonts?: FontResolution;
  /** Whether installed fonts were looked for (bulletin.yaml may pin the fonts with system: false). */
  systemFonts?: boolean;
}

/** Roles whose font is the npm-shipped default although official fonts were looked for. */
export function defaultedRoles(res: FontResolution | undefined, systemAllowed: boolean): string[] {
  if (!res || !systemAllowed) return [];
  return Object.values(res.roles)
    .filter((c) => c.origin === 'default')
    .map((c) => c.role);
}

/** What a caller building several issues of one archive can hand to each build, so it is done once. */
export interface BuildShared {
  /** A resolution of this archive's fonts (as for layoutPrepared). */
  fonts?: FontResolution;
  /** A check session of this archive: bulletin.yaml, the folder list and the manifest index read once. */
  session?: CheckSession;
  /** The batch the PDF is written as part of (its folder synced by the batch, not per file). */
  writes?: WriteBatch;
}

/**
 * Build one issue to PDF. Nothing is written when there are errors; the write is atomic. `shared`:
 * what the caller already read of this archive (a batch reads bulletin.yaml, the folders and the
 * fonts once for all its issues); whatever is missing is read here.
 */
export async function buildIssue(root: string, where: IssueDir, output = defaultOutput(root, where), shared: BuildShared = {}): Promise<BuildResult> {
  const { fonts, session } = shared;
  const prepared = prepareIssue(root, where, session);
  if (!prepared.issue || hasErrors(prepared.diagnostics)) return { pages: 0, bytes: 0, diagnostics: prepared.diagnostics };
  const p = prepared as Prepared;
  const laid = layoutPrepared(root, p, fonts);
  const diagnostics = sortDiagnostics([...p.diagnostics, ...laid.diagnostics]);
  if (!laid.layout || hasErrors(diagnostics)) return { pages: 0, bytes: 0, diagnostics };
  const { renderPdf } = await import('../render/index.js');
  const pdf = await renderPdf(laid.layout, pdfMeta(p));
  try {
    writeFileAtomic(output, pdf, { mkdir: true, batch: shared.writes });
  } catch (e) {
    if (!(e instanceof WriteFault)) throw e;
    // A full disk or a read-only folder is an ordinary fault: said in words, the old PDF untouched.
    const shown = output.startsWith(root + path.sep) ? relPath(root, output) : output;
    const message = osFault(e.code, shown, 'write') ?? { zh: `无法写入 ${shown}（${e.code}）`, en: `cannot write ${shown} (${e.code})` };
    return { pages: 0, bytes: 0, diagnostics: [...diagnostics, reported('output/unwritable', { file: shown, line: 1, column: 1 }, message)] };
  }
  return { output, pages: laid.layout.pages.length, bytes: pdf.length, diagnostics, fonts: laid.fonts, systemFonts: p.series.fonts.system };
}
