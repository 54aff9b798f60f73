/** `bulletin fonts [issue]`: the font chosen for each role, where it came from, and coverage. */
import path from 'node:path';
import type { IssueDir } from '../archive/index.js';
import { isUnprinted } from '../diagnostics/index.js';
import {
  FONT_ROLES,
  FontLoadError,
  loadFace,
  loadFontBook,
  resolveFonts,
  ROLE_FAMILY,
  type FontChoice,
  type FontOrigin,
  type FontRole,
} from '../fonts/index.js';
import { fontDiagnostics, prepareIssue } from '../pipeline/index.js';
import { loadSeries, type Issue } from '../model/index.js';
import { FAMILY_LABELS, t, type Lang } from '../i18n/index.js';
import { displayWidth, padDisplay } from './report.js';
import { ExitError } from './shared.js';

const ROLE_FOR_STYLE: Record<string, FontRole> = { regular: 'body', lead: 'lead' };

function issueTexts(issue: Issue): { role: FontRole; text: string }[] {
  const out: { role: FontRole; text: string }[] = [];
  for (const p of issue.editorNote) out.push(...p.runs.map((r) => ({ role: 'note' as FontRole, text: r.text })));
  for (const a of issue.articles) {
    out.push({ role: 'title', text: a.title });
    out.push({ role: 'attribution', text: a.sources.join('、') });
    for (const p of a.note) out.push(...p.runs.map((r) => ({ role: 'note' as FontRole, text: r.text })));
    for (const b of a.blocks) {
      const role: FontRole = b.kind === 'heading' ? (`heading${b.level}` as FontRole) : 'body';
      out.push(...b.runs.map((r) => ({ role: b.kind === 'heading' ? role : ROLE_FOR_STYLE[r.style], text: r.text })));
    }
  }
  return out;
}

const ORIGIN: Record<FontOrigin, { zh: string; en: string }> = {
  'bulletin.yaml': { zh: 'bulletin.yaml', en: 'bulletin.yaml' },
  'fonts/': { zh: '档案 fonts/', en: 'archive fonts/' },
  system: { zh: '本机已安装', en: 'installed' },
  default: { zh: '默认', en: 'default' },
};

export function fontsReport(root: string, where: IssueDir | undefined, lang: Lang): { text: string; missing: boolean } {
  const s = loadSeries(root);
  if (!s.config) throw new ExitError(1, s.diagnostics.map((d) => `${d.loc.file}:${d.loc.line}:${d.loc.column}: ${d.message[lang]}`).join('\n'));
  const res = resolveFonts(root, s.config.fonts);
  // Broken fonts are reported, one line each, instead of a table that pretends all is well.
  const problems = fontDiagnostics(root, s.config.file, res);
  const faceName = (choice: FontChoice): string => {
    try {
      return loadFace(choice).name;
    } catch (e) {
      if (!(e instanceof FontLoadError)) throw e;
      return lang === 'zh' ? '✗ 无法使用' : '✗ unusable';
    }
  };
  const lines: string[] = [];
  const rel = (p: string) => {
    const nm = p.lastIndexOf(`node_modules${path.sep}`);
    if (nm >= 0)
      return `npm:${p
        .slice(nm + 13)
        .split(path.sep)
        .join('/')}`;
    return p.startsWith(root + path.sep) ? path.relative(root, p) : p;
  };
  const origin = (o: FontOrigin) => ORIGIN[o][lang];
  const rows = FONT_ROLES.map((role) => {
    const ch = res.roles[role];
    return [role, FAMILY_LABELS[ROLE_FAMILY[role]][lang], faceName(ch), origin(ch.origin), `${rel(ch.path)}${ch.face ? `#${ch.face}` : ''}`];
  });
  rows.push([lang === 'zh' ? '后备' : 'fallback', '', res.fallbacks.map(faceName).join(', '), '', '']);
  const head = lang === 'zh' ? ['角色', '应用字体', '所用字体', '来源', '文件'] : ['role', 'wants', 'font', 'from', 'file'];
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]))));
  lines.push(
    head
      .map((h, i) => padDisplay(h, widths[i]))
      .join('  ')
      .trimEnd(),
  );
  for (const r of rows)
    lines.push(
      r
        .map((c, i) => padDisplay(c, widths[i]))
        .join('  ')
        .trimEnd(),
    );
  if (FONT_ROLES.some((r) => res.roles[r].origin === 'default'))
    lines.push(
      '',
      lang === 'zh'
        ? '注：标有“默认”的角色未找到正式字体（仿宋_GB2312、方正小标宋等），以随工具安装的思源（Noto）字体代替。可把正式字体放入档案的 fonts/ 文件夹，或在 bulletin.yaml 的 fonts 中指定。'
        : 'Note: roles marked “default” found no official font (FangSong_GB2312, FZ XiaoBiaoSong …) and use the Noto fonts installed with the tool. Put the official fonts in the archive’s fonts/ folder, or name them under fonts in bulletin.yaml.',
    );
  let missing = false;
  if (problems.length) {
    lines.push('', ...problems.map((d) => `✗ ${d.loc.file === s.config!.file ? `${d.loc.file}:${d.loc.line}:${d.loc.column}: ` : ''}${d.message[lang]}`));
    return { text: lines.join('\n') + '\n', missing: true };
  }
  const book = loadFontBook(res);
  if (where) {
    const p = prepareIssue(root, where);
    if (p.issue) {
      const lacking = new Map<string, Set<string>>();
      const patched = new Map<string, string>();
      for (const { role, text } of issueTexts(p.issue)) {
        const primary = book.forRole(role);
        for (const ch of text) {
          const cp = ch.codePointAt(0)!;
          // Blanks, and the invisible and control characters the layout drops, need no glyph.
          if (cp < 0x21 || isUnprinted(ch)) continue;
          const face = book.faceFor(role, cp);
          if (face === primary) continue;
          if (face) patched.set(ch, face.name);
          else (lacking.get(ch) ?? lacking.set(ch, new Set()).get(ch)!).add(role);
        }
      }
      lines.push('');
      if (patched.size)
        lines.push(
          `${t(lang, 'fallbackChars')} ${[...patched].map(([ch, f]) => `${ch} (U+${ch.codePointAt(0)!.toString(16).toUpperCase()} → ${f})`).join(' ')}`,
        );
      if (lacking.size) {
        missing = true;
        lines.push(
          `${t(lang, 'missingChars')} ${[...lacking].map(([ch, roles]) => `${ch} (U+${ch.codePointAt(0)!.toString(16).toUpperCase()}, ${[...roles].join('/')})`).join(' ')}`,
        );
      } else lines.push(t(lang, 'allCovered'));
    }
  }
  return { text: lines.join('\n') + '\n', missing };
}
