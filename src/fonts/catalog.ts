/**
 * Where fonts come from, per role, in order of preference: bulletin.yaml, the archive's fonts/
 * folder, official fonts installed on the machine, then the open defaults that `npm install` brings.
 */
import { createRequire } from 'node:module';
import type { FontRole } from './types.js';

/** The family a role is set in, by GB/T 9704 and bulletin convention. */
export type Family = 'fangsong' | 'xiaobiaosong' | 'hei' | 'kai' | 'song';

export const ROLE_FAMILY: Record<FontRole, Family> = {
  masthead: 'xiaobiaosong',
  title: 'xiaobiaosong',
  body: 'fangsong',
  lead: 'hei',
  heading1: 'hei',
  heading2: 'kai',
  heading3: 'fangsong',
  note: 'kai',
  attribution: 'fangsong',
  page_number: 'song',
  end_block: 'fangsong',
};

/** A font file candidate: file name (matched case-insensitively) and, for collections, the face. */
export interface Candidate {
  file: string;
  face?: string;
  /**
   * An open font that TeX Live or a Linux distribution installs (Fandol, Noto CJK, AR PL): in the
   * archive's fonts/ folder, an office font of the family under any other name goes before it.
   */
  open?: true;
}

/**
 * Installed fonts to look for, best first. Official fonts on Windows and in offices come first,
 * then TeX Live's Fandol (FangSong and Kai exist there), then Noto CJK on Linux.
 */
export const SYSTEM_CANDIDATES: Record<Family, Candidate[]> = {
  fangsong: [
    { file: '仿宋_GB2312.ttf' },
    { file: 'FangSong_GB2312.ttf' },
    { file: 'fsgb2312.ttf' },
    { file: 'simfang.ttf' },
    { file: 'FandolFang-Regular.otf', open: true },
  ],
  xiaobiaosong: [
    { file: '方正小标宋简体.ttf' },
    { file: '方正小标宋_GBK.ttf' },
    { file: 'FZXBSJW.TTF' },
    { file: 'FZXBSK.TTF' },
    { file: 'FZXiaoBiaoSong-B05S.ttf' },
    { file: 'NotoSerifCJK-Bold.ttc', face: 'NotoSerifCJKsc-Bold', open: true },
    { file: 'FandolSong-Bold.otf', open: true },
  ],
  hei: [
    { file: '黑体.ttf' },
    { file: 'simhei.ttf' },
    { file: 'NotoSansCJK-Medium.ttc', face: 'NotoSansCJKsc-Medium', open: true },
    { file: 'NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular', open: true },
    { file: 'FandolHei-Regular.otf', open: true },
  ],
  kai: [
    { file: '楷体_GB2312.ttf' },
    { file: 'KaiTi_GB2312.ttf' },
    { file: 'simkai.ttf' },
    { file: 'FandolKai-Regular.otf', open: true },
    { file: 'ukai.ttc', face: 'UKaiCN', open: true },
  ],
  song: [
    { file: 'simsun.ttc', face: 'SimSun' },
    { file: 'NotoSerifCJK-Regular.ttc', face: 'NotoSerifCJKsc-Regular', open: true },
    { file: 'FandolSong-Regular.otf', open: true },
    { file: 'uming.ttc', face: 'UMingCN', open: true },
  ],
};

/** Words in a file or font name that tell which family a font in the archive's fonts/ folder is. */
export const FAMILY_NAME_HINTS: Record<Family, RegExp> = {
  fangsong: /仿宋|fangsong|fang|simfang|fsgb/i,
  xiaobiaosong: /小标宋|xiaobiaosong|xbs|biaosong/i,
  hei: /黑体|simhei|\bhei\b|heiti|sans/i,
  kai: /楷体|kaiti|simkai|\bkai\b|kai[-_]/i,
  song: /宋体|simsun|songti|\bsong\b|serif/i,
};

/** Environment variable naming the folders to search for installed fonts instead of the usual ones. */
export const FONT_DIRS_ENV = 'BULLETIN_FONT_DIRS';

/**
 * The folders searched for installed fonts. BULLETIN_FONT_DIRS, when set, replaces the usual list
 * (folders separated by `:`, `;` on Windows; empty means none): fonts on a network share, or a
 * test that decides exactly which fonts the machine has.
 */
export function systemFontDirs(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string[] {
  const listed = env[FONT_DIRS_ENV];
  if (listed !== undefined) return listed.split(platform === 'win32' ? ';' : ':').filter((d) => d.trim() !== '');
  const home = env.HOME ?? env.USERPROFILE ?? '';
  if (platform === 'win32') {
    const win = env.WINDIR ?? 'C:\\Windows';
    return [`${win}\\Fonts`, `${env.LOCALAPPDATA ?? ''}\\Microsoft\\Windows\\Fonts`];
  }
  if (platform === 'darwin') return ['/Library/Fonts', '/System/Library/Fonts', `${home}/Library/Fonts`];
  return [
    '/usr/share/fonts',
    '/usr/local/share/fonts',
    `${home}/.fonts`,
    `${home}/.local/share/fonts`,
    '/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol',
    '/usr/share/texmf/fonts/opentype/public/fandol',
  ];
}

const require = createRequire(import.meta.url);

export type DefaultFace = 'serif' | 'serif-bold' | 'sans';

/**
 * The open defaults shipped by npm packages (OFL). No FangSong or Kai exists on the npm registry
 * as a single TTF, so those roles fall back to Noto Serif SC.
 */
const DEFAULT_FILES: Record<DefaultFace, string> = {
  serif: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  'serif-bold': '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  sans: '@expo-google-fonts/noto-sans-sc/500Medium/NotoSansSC_500Medium.ttf',
};

export const FAMILY_DEFAULT: Record<Family, DefaultFace> = {
  fangsong: 'serif',
  xiaobiaosong: 'serif-bold',
  hei: 'sans',
  kai: 'serif',
  song: 'serif',
};

/**
 * Role-specific default where it differs from the family's. No Kai face is on the npm registry,
 * so （一） headings take the bold serif that the title already loads: the heading levels stay
 * distinct (一、 sans, （一） bold, 1. regular) at no extra font to load.
 */
export const ROLE_DEFAULT: Partial<Record<FontRole, DefaultFace>> = { heading2: 'serif-bold' };

/** The order in which defaults are tried for a character the role's font lacks. */
export const FALLBACK_ORDER: DefaultFace[] = ['serif', 'sans'];

export function defaultFontPath(face: DefaultFace): string {
  return require.resolve(DEFAULT_FILES[face]);
}
