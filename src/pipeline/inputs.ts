/**
 * The one answer to "what does this issue depend on": its manifest, the articles it lists, the
 * series settings and the font files its roles use. The build stamp (up to date or not), `list`,
 * `--watch` and `new` all ask here, so an article listed from elsewhere in the archive
 * (`articles: [01.md, ../../shared/03.md]`, block or flow style) counts everywhere or nowhere.
 *
 * Everything is read through the guarded reader (inside the archive, regular files, size-capped)
 * and issue.yaml through the same YAML parser and depth/alias guards as the build. An article path
 * leading outside the archive is not an input: the build refuses it (file/outside-archive).
 */
import path from 'node:path';
import { CONFIG_FILE, isInside, readText, relPath, type IssueDir } from '../archive/index.js';
import { resolveFonts, type FontResolution } from '../fonts/index.js';
import { FieldReader, loadSeries, parseYaml, SourceText } from '../model/index.js';

export interface IssueInputs {
  /** Absolute path of issue.yaml. */
  manifest: string;
  /** The manifest's text as read through the guards; undefined when it cannot be read as UTF-8. */
  manifestText?: string;
  /** Absolute paths of the listed articles inside the archive, in print order, each once. */
  articles: string[];
  /** Absolute path of bulletin.yaml. */
  config: string;
  /** Absolute paths of the font files the roles and fallbacks use, each once. */
  fonts: string[];
  /** The archive's fonts/ folder: a font added there can change which file a role uses. */
  fontsDir: string;
}

/**
 * The inputs of one issue. `fonts` may be passed when the caller has resolved them already (a
 * batch resolves once for every issue); otherwise bulletin.yaml is read to resolve them.
 */
export function issueInputs(root: string, where: IssueDir, opts: { fonts?: FontResolution | null; manifestText?: string | null } = {}): IssueInputs {
  const manifest = path.join(where.dir, 'issue.yaml');
  // `manifestText`: the text the caller has just read (null: it could not be read).
  const manifestText = opts.manifestText === undefined ? readManifestText(root, manifest) : (opts.manifestText ?? undefined);
  const articles: string[] = [];
  if (manifestText !== undefined) {
    const src = new SourceText(relPath(root, manifest), manifestText);
    const parsed = parseYaml(src);
    if (parsed.map) {
      const names = new FieldReader(src, parsed.map, 0, 'issue', parsed.doc).strings('articles') ?? [];
      for (const { value } of names) {
        if (!value || path.isAbsolute(value) || /^[A-Za-z]:[\\/]/.test(value)) continue;
        const abs = path.resolve(where.dir, value);
        if (isInside(root, abs) && !articles.includes(abs)) articles.push(abs);
      }
    }
  }
  let fonts: string[] = [];
  const resolution = opts.fonts === undefined ? resolveSeriesFonts(root) : opts.fonts;
  if (resolution) fonts = [...new Set([...Object.values(resolution.roles), ...resolution.fallbacks].map((c) => c.path))];
  return { manifest, manifestText, articles, config: path.join(root, CONFIG_FILE), fonts, fontsDir: path.join(root, 'fonts') };
}

/** issue.yaml's text as read through the guards (a GB18030 or UTF-16 file decoded); undefined when unreadable. */
export function readManifestText(root: string, manifest: string): string | undefined {
  const read = readText(root, manifest);
  return read.ok ? read.text : read.reason === 'encoding' ? read.decoded : undefined;
}

/** The font resolution bulletin.yaml asks for, or null when bulletin.yaml does not load. */
export function resolveSeriesFonts(root: string): FontResolution | null {
  const series = loadSeries(root);
  return series.config ? resolveFonts(root, series.config.fonts) : null;
}

/** Every file of the inputs, for watching or comparing paths. */
export function inputFiles(inputs: IssueInputs): string[] {
  return [inputs.manifest, ...inputs.articles, inputs.config, ...inputs.fonts];
}
