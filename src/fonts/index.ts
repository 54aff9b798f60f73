/**
 * Font resolution and loading. Each role gets one face; per character, layout falls back to
 * the other faces in `fallbacks`. Parsed faces are cached per process so batch builds and
 * watch mode load each file once.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { FontFileError, fontNames, openLazy, openWhole } from './lazy.js';

export { FontFileError, type FontFault } from './lazy.js';
export { glyphOutline, type GlyphOutline } from './outline.js';
import type { SourceLoc } from '../diagnostics/index.js';
import type { FontsConfig } from '../model/types.js';
import {
  FALLBACK_ORDER,
  FAMILY_DEFAULT,
  FAMILY_NAME_HINTS,
  ROLE_DEFAULT,
  ROLE_FAMILY,
  SYSTEM_CANDIDATES,
  defaultFontPath,
  systemFontDirs,
  type Family,
} from './catalog.js';
import { FONT_ROLES, type FontBook, type FontMetrics, type FontRole } from './types.js';

export * from './types.js';
export { FONT_DIRS_ENV, ROLE_FAMILY } from './catalog.js';

export type FontOrigin = 'bulletin.yaml' | 'fonts/' | 'system' | 'default';

export interface FontChoice {
  role: FontRole;
  path: string;
  face?: string;
  origin: FontOrigin;
  /** For a fallback: the roles it serves (all when absent). */
  for?: FontRole[];
  /** Where bulletin.yaml named it, for errors about a missing file. */
  loc?: SourceLoc;
}

export interface FontResolution {
  roles: Record<FontRole, FontChoice>;
  /** Extra faces for characters a role's font lacks, best first. */
  fallbacks: FontChoice[];
  /** Files in the archive's fonts/ folder named like fonts that are not usable fonts. */
  broken: { path: string; error: FontFileError }[];
}

const FONT_FILE = /\.(ttf|otf|ttc)$/i;

/** Choose a font file for every role. Reads no font data except to identify files in fonts/. */
export function resolveFonts(root: string, config: FontsConfig, env: NodeJS.ProcessEnv = process.env): FontResolution {
  const broken: FontResolution['broken'] = [];
  const archiveFonts = scanArchiveFonts(path.join(root, 'fonts'), broken);
  const system = config.system ? systemFontIndex(env) : new Map<string, string>();
  const roles = {} as Record<FontRole, FontChoice>;
  for (const role of FONT_ROLES) {
    const spec = config.roles[role];
    if (spec) {
      roles[role] = { role, path: path.resolve(root, spec.file), face: spec.face, origin: 'bulletin.yaml', loc: spec.loc };
      continue;
    }
    const family = ROLE_FAMILY[role];
    const inArchive = archiveFonts.get(family)?.[0];
    if (inArchive) {
      roles[role] = { role, path: inArchive.path, face: inArchive.face, origin: 'fonts/' };
      continue;
    }
    const sys = SYSTEM_CANDIDATES[family].map((c) => ({ c, p: system.get(c.file.toLowerCase()) })).find((x) => x.p);
    if (sys?.p) {
      roles[role] = { role, path: sys.p, face: sys.c.face, origin: 'system' };
      continue;
    }
    roles[role] = { role, path: defaultFontPath(ROLE_DEFAULT[role] ?? FAMILY_DEFAULT[family]), origin: 'default' };
  }
  const fallbacks: FontChoice[] = [];
  // A role's own fallback (`body: { file: …, fallback: … }`) comes first, then the series-wide one.
  for (const role of FONT_ROLES) {
    const fb = config.roles[role]?.fallback;
    if (fb) fallbacks.push({ role, path: path.resolve(root, fb.file), face: fb.face, origin: 'bulletin.yaml', loc: fb.loc, for: [role] });
  }
  const spec = config.roles.fallback;
  if (spec) fallbacks.push({ role: 'body', path: path.resolve(root, spec.file), face: spec.face, origin: 'bulletin.yaml', loc: spec.loc });
  // Then other fonts of the role's style class, from fonts/ and then installed ones (a rare
  // character in a FangSong line from another FangSong, not from the Song default), for the roles
  // of that class.
  const chosen = new Set(Object.values(roles).map((c) => `${c.path}#${c.face ?? ''}`));
  for (const family of new Set(Object.values(ROLE_FAMILY))) {
    const served = FONT_ROLES.filter((r) => ROLE_FAMILY[r] === family && roles[r].origin !== 'default');
    if (!served.length) continue;
    // A bold face in fonts/ (FandolHei-Bold beside FandolHei-Regular) never fills in for a regular one.
    const own = (archiveFonts.get(family) ?? []).filter((a) => family === 'xiaobiaosong' || !a.heavy);
    const others: { path: string; face?: string; origin: FontOrigin }[] = [
      ...own.map((a) => ({ path: a.path, face: a.face, origin: 'fonts/' as const })),
      ...SYSTEM_CANDIDATES[family].map((c) => ({ path: system.get(c.file.toLowerCase()) ?? '', face: c.face, origin: 'system' as const })),
    ];
    for (const o of others) {
      if (!o.path || chosen.has(`${o.path}#${o.face ?? ''}`)) continue;
      chosen.add(`${o.path}#${o.face ?? ''}`);
      fallbacks.push({ role: served[0], path: o.path, face: o.face, origin: o.origin, for: served });
    }
  }
  for (const face of FALLBACK_ORDER) fallbacks.push({ role: 'body', path: defaultFontPath(face), origin: 'default' });
  return { roles, fallbacks, broken };
}

/** Font names by file, path + size + mtime: each font in fonts/ is probed once per process, not per issue. */
const namesCache = new Map<string, string | FontFileError>();

function namesOf(abs: string): string | FontFileError {
  let key: string;
  try {
    const st = statSync(abs);
    key = `${abs}|${st.size}|${st.mtimeMs}`;
  } catch {
    return new FontFileError('missing');
  }
  if (!namesCache.has(key)) {
    let names: string | FontFileError;
    try {
      names = fontNames(abs) ?? new FontFileError('broken');
    } catch (e) {
      names = e instanceof FontFileError ? e : new FontFileError('broken');
    }
    namesCache.set(key, names);
  }
  return namesCache.get(key)!;
}

/** A font of the archive's fonts/ folder that can serve a family, and the collection face to take. */
interface ArchiveFont {
  path: string;
  face?: string;
  /** Bold, black or heavy by its name. */
  heavy: boolean;
}

/** A weight heavier than the regular one, in a file or font name: a regular face goes first, and a heavy one never fills in for it. */
const HEAVY = /bold|black|heavy|粗/i;

/** `FandolHei-Regular` → `Fandol Hei-Regular`, `FZHei` → `FZ Hei`: the words of a CamelCase name, for the name hints. */
const camelWords = (s: string) => s.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/([A-Z])([A-Z][a-z])/g, '$1 $2');

/**
 * The fonts of the archive's fonts/ folder, best first, for each family. A file named like an
 * installed font the catalogue knows (simfang.ttf, FandolSong-Bold.otf) serves the families it
 * serves when installed, so a folder of files gives the roles the same fonts as the same files
 * installed on the machine. Any other font serves the first family its file or font name hints at
 * (仿宋, XiaoBiaoSong, SimHei, …Kai): such a font is the office's own and goes before the open
 * fonts of the catalogue (Fandol, Noto CJK), after its official ones; a bold weight of it (but of
 * a XiaoBiaoSong) goes after them all.
 */
function scanArchiveFonts(dir: string, broken: FontResolution['broken']): Map<Family, ArchiveFont[]> {
  // Sorted by tier (0 a known official file, 1 one hinted by name, 2 a known open font, 3 a bold
  // weight hinted by name, as FandolHei-Bold beside FandolHei-Regular), then by the catalogue's
  // order, then by file name.
  const found: { family: Family; tier: number; rank: number; font: ArchiveFont }[] = [];
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => FONT_FILE.test(f))
      .sort();
  } catch {
    return new Map();
  }
  const families = Object.keys(FAMILY_NAME_HINTS) as Family[];
  for (const f of files) {
    const abs = path.join(dir, f);
    const inside = namesOf(abs);
    if (inside instanceof FontFileError) {
      // Named like a font but not one (damaged, cut short, a FIFO …): reported, never used.
      broken.push({ path: abs, error: inside });
      continue;
    }
    const names = `${f} ${inside}`;
    const heavy = HEAVY.test(names);
    let listed = false;
    for (const family of families)
      SYSTEM_CANDIDATES[family].forEach((c, rank) => {
        if (c.file.toLowerCase() !== f.toLowerCase()) return;
        found.push({ family, tier: c.open ? 2 : 0, rank, font: { path: abs, face: c.face, heavy } });
        listed = true;
      });
    if (listed) continue;
    const words = `${names} ${camelWords(names)}`;
    const family = families.find((fam) => FAMILY_NAME_HINTS[fam].test(words));
    if (family) found.push({ family, tier: heavy && family !== 'xiaobiaosong' ? 3 : 1, rank: 0, font: { path: abs, heavy } });
  }
  const out = new Map<Family, ArchiveFont[]>();
  for (const family of families) {
    const fonts = found
      .filter((x) => x.family === family)
      .sort((a, b) => a.tier - b.tier || a.rank - b.rank)
      .map((x) => x.font);
    if (fonts.length) out.set(family, fonts);
  }
  return out;
}

const systemIndexCache = new Map<string, Map<string, string>>();

/** Lower-cased file name → path of every font file in the usual system folders (walked once per process). */
function systemFontIndex(env: NodeJS.ProcessEnv): Map<string, string> {
  const dirs = systemFontDirs(env);
  const cacheKey = dirs.join('\n');
  const cached = systemIndexCache.get(cacheKey);
  if (cached) return cached;
  const index = new Map<string, string>();
  const walk = (dir: string, depth: number) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const e of entries) {
      const abs = path.join(dir, e);
      if (FONT_FILE.test(e)) {
        if (!index.has(e.toLowerCase())) index.set(e.toLowerCase(), abs);
      } else if (depth < 5) {
        try {
          if (statSync(abs).isDirectory()) walk(abs, depth + 1);
        } catch {
          /* unreadable: skip */
        }
      }
    }
  };
  for (const d of dirs) walk(d, 0);
  systemIndexCache.set(cacheKey, index);
  return index;
}

/** A parsed face with cached metrics. */
export class LoadedFace implements FontMetrics {
  private readonly adv = new Map<number, number>();
  private readonly gids = new Map<number, number>();
  private readonly upem: number;

  constructor(
    readonly key: string,
    readonly font: fontkit.Font,
    readonly path: string,
  ) {
    this.upem = font.unitsPerEm;
  }

  has(cp: number): boolean {
    return this.glyphId(cp) !== 0;
  }

  advance(cp: number): number {
    let a = this.adv.get(cp);
    if (a === undefined) {
      a = this.advanceOfGlyph(this.glyphId(cp)) / this.upem;
      this.adv.set(cp, a);
    }
    return a;
  }

  /**
   * Glyph id for a code point (0 when missing), remembered: layout asks for every character of
   * every line, and fontkit searches the cmap each time.
   */
  glyphId(cp: number): number {
    let gid = this.gids.get(cp);
    if (gid === undefined) {
      gid = this.font.glyphForCodePoint(cp).id;
      this.gids.set(cp, gid);
    }
    return gid;
  }

  /**
   * Advance in font units, read straight from hmtx: fontkit's `glyph.advanceWidth` decodes the
   * whole outline first, which costs more than the rest of the layout.
   */
  advanceOfGlyph(gid: number): number {
    const hmtx = (this.font as unknown as { hmtx?: { metrics: { length: number; get(i: number): { advance: number } } } }).hmtx;
    if (!hmtx) return this.font.getGlyph(gid).advanceWidth;
    const m = hmtx.metrics;
    return (gid < m.length ? m.get(gid) : m.get(m.length - 1)).advance;
  }

  ink(cp: number): [number, number] {
    const b = this.font.glyphForCodePoint(cp).bbox;
    return [b.minX / this.upem, b.maxX / this.upem];
  }

  inkBox(cp: number): [number, number, number, number] {
    const b = this.font.glyphForCodePoint(cp).bbox;
    return [b.minX / this.upem, b.minY / this.upem, b.maxX / this.upem, b.maxY / this.upem];
  }

  get name(): string {
    return this.font.postscriptName;
  }
}

const faceCache = new Map<string, LoadedFace>();

/** A font a role needs that cannot be used: the choice (with its bulletin.yaml place) and why. */
export class FontLoadError extends Error {
  constructor(
    readonly choice: FontChoice,
    readonly error: FontFileError,
  ) {
    super(`${choice.path}: ${error.message}`);
  }
}

/** Open the face a file and optional PostScript name select. Throws FontFileError. */
function openFace(file: string, face?: string): fontkit.Font {
  const lazy = openLazy(file, face);
  if (lazy) return lazy;
  const whole = openWhole(file) as fontkit.Font & { fonts?: fontkit.Font[] };
  if (whole.fonts) {
    const names = whole.fonts.map((f) => f.postscriptName);
    // A collection named without a face: its first face (prefer a Simplified Chinese one).
    if (!face) return whole.fonts.find((f) => /SC|GB/.test(f.postscriptName)) ?? whole.fonts[0];
    const hit = whole.fonts.find((f) => f.postscriptName === face);
    if (!hit) throw new FontFileError('no-face', undefined, names);
    return hit;
  }
  if (face && whole.postscriptName !== face) throw new FontFileError('not-collection', undefined, [whole.postscriptName]);
  return whole;
}

/** Open (or reuse) the face a choice names. */
export function loadFace(choice: FontChoice): LoadedFace {
  const key = `${choice.path}#${choice.face ?? ''}`;
  const cached = faceCache.get(key);
  if (cached) return cached;
  let face: LoadedFace;
  try {
    const font = openFace(choice.path, choice.face);
    if (typeof (font as { createSubset?: unknown }).createSubset !== 'function') throw new FontFileError('broken');
    face = new LoadedFace(`F${faceCache.size + 1}`, font, choice.path);
    // Touch what layout reads first (head, name, cmap, hmtx): a damaged table fails here, with
    // the file named, rather than in the middle of a page.
    void face.name;
    face.advance(face.has(0x4e00) ? 0x4e00 : 0x20);
  } catch (e) {
    throw new FontLoadError(choice, e instanceof FontFileError ? e : new FontFileError('broken'));
  }
  faceCache.set(key, face);
  return face;
}

/** Every face of a resolution, loaded, as the FontBook layout uses. */
export function loadFontBook(res: FontResolution): FontBook & { faces: LoadedFace[] } {
  const roleFaces = {} as Record<FontRole, LoadedFace>;
  for (const role of FONT_ROLES) roleFaces[role] = loadFace(res.roles[role]);
  const fallbackFaces = res.fallbacks.map(loadFace);
  const faces = [...new Set([...Object.values(roleFaces), ...fallbackFaces])];
  const byRole = new Map<FontRole, LoadedFace[]>();
  const fallbacks = (role: FontRole) => {
    let list = byRole.get(role);
    if (!list) {
      list = [...new Set(fallbackFaces.filter((f, i) => f !== roleFaces[role] && (!res.fallbacks[i].for || res.fallbacks[i].for!.includes(role))))];
      byRole.set(role, list);
    }
    return list;
  };
  return {
    faces,
    forRole: (role) => roleFaces[role],
    fallbacks,
    faceFor: (role, cp) => (roleFaces[role].has(cp) ? roleFaces[role] : fallbacks(role).find((f) => f.has(cp))),
  };
}
