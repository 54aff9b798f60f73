// Font sets for the benchmark's peer rows (issue #12): the npm-shipped Noto defaults, and TeX
// Live's Fandol (CFF OpenType), which bulletin prefers on Linux when installed.
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** Where TeX Live (Debian's texlive-lang-chinese, or an upstream install) puts Fandol. */
export const FANDOL_DIRS = [
  '/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol',
  '/usr/share/texmf/fonts/opentype/public/fandol',
  '/usr/local/texlive/texmf-dist/fonts/opentype/public/fandol',
];

/** The Fandol folder: $BULLETIN_FANDOL_DIR, else TeX Live's; undefined when absent. */
export function findFandol(env = process.env) {
  const dirs = env.BULLETIN_FANDOL_DIR ? [env.BULLETIN_FANDOL_DIR] : FANDOL_DIRS;
  return dirs.find((d) => existsSync(path.join(d, 'FandolFang-Regular.otf')));
}

/** The Fandol file for each role: the same choice bulletin's font resolution makes for installed Fandol. */
export const FANDOL_ROLES = {
  masthead: 'FandolSong-Bold.otf',
  title: 'FandolSong-Bold.otf',
  body: 'FandolFang-Regular.otf',
  lead: 'FandolHei-Regular.otf',
  heading1: 'FandolHei-Regular.otf',
  heading2: 'FandolKai-Regular.otf',
  heading3: 'FandolFang-Regular.otf',
  note: 'FandolKai-Regular.otf',
  attribution: 'FandolFang-Regular.otf',
  page_number: 'FandolSong-Regular.otf',
  end_block: 'FandolFang-Regular.otf',
};

/** bulletin.yaml text with every role set in Fandol from `dir` (installed fonts ignored). */
export function fandolConfig(baseYaml, dir) {
  const roles = Object.entries(FANDOL_ROLES).map(([role, file]) => `  ${role}: ${JSON.stringify(path.join(dir, file))}`);
  return `${baseYaml}\nfonts:\n  system: false\n${roles.join('\n')}\n`;
}

const NOTO = [
  '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  '@expo-google-fonts/noto-sans-sc/500Medium/NotoSansSC_500Medium.ttf',
];

/**
 * A folder with exactly the font files a set uses, for Typst's font search: the Noto defaults
 * (also the per-character fallback in both sets, as in bulletin) and, for 'fandol', the Fandol faces.
 */
export function typstFontDir(dir, set, fandol) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = NOTO.map((f) => require.resolve(f));
  if (set === 'fandol') files.push(...[...new Set(Object.values(FANDOL_ROLES))].map((f) => path.join(fandol, f)));
  for (const f of files) symlinkSync(f, path.join(dir, path.basename(f)));
  return dir;
}
