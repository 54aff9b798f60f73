/** `bulletin fonts [issue]`: the font chosen for each role, where it came from, and coverage. */
import path from 'node:path';
import type { IssueDir } from '../archive/index.js';
import { prepareIssue } from '../build/index.js';
import { FONT_ROLES, loadFontBook, resolveFonts, type FontRole } from '../fonts/index.js';
import { loadSeries, type Issue } from '../model/index.js';
import { t, type Lang } from '../i18n/index.js';
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

export function fontsReport(root: string, where: IssueDir | undefined, lang: Lang): { text: string; missing: boolean } {
  const s = loadSeries(root);
  if (!s.config) throw new ExitError(1, s.diagnostics.map((d) => `${d.loc.file}:${d.loc.line}:${d.loc.column}: ${d.message[lang]}`).join('\n'));
  const res = resolveFonts(root, s.config.fonts);
  const book = loadFontBook(res);
  const lines: string[] = [];
  const rel = (p: string) => (p.startsWith(root) ? path.relative(root, p) : p);
  for (const role of FONT_ROLES) {
    const ch = res.roles[role];
    const face = book.forRole(role) as unknown as { postscriptName: string };
    lines.push(`${role.padEnd(12)} ${face.postscriptName.padEnd(28)} ${ch.origin.padEnd(14)} ${rel(ch.path)}${ch.face ? `#${ch.face}` : ''}`);
  }
  lines.push(`${'fallback'.padEnd(12)} ${res.fallbacks.map((f) => path.basename(f.path)).join(', ')}`);
  let missing = false;
  if (where) {
    const p = prepareIssue(root, where);
    if (p.issue) {
      const lacking = new Map<string, Set<string>>();
      const patched = new Map<string, string>();
      for (const { role, text } of issueTexts(p.issue)) {
        const primary = book.forRole(role);
        for (const ch of text) {
          const cp = ch.codePointAt(0)!;
          if (cp < 0x21 || primary.has(cp)) continue;
          const fb = book.fallbacks(role).find((f) => f.has(cp));
          if (fb) patched.set(ch, (fb as unknown as { postscriptName: string }).postscriptName);
          else (lacking.get(ch) ?? lacking.set(ch, new Set()).get(ch)!).add(role);
        }
      }
      lines.push('');
      if (patched.size) lines.push(`${t(lang, 'fallbackChars')} ${[...patched].map(([ch, f]) => `${ch} (U+${ch.codePointAt(0)!.toString(16).toUpperCase()} → ${f})`).join(' ')}`);
      if (lacking.size) {
        missing = true;
        lines.push(`${t(lang, 'missingChars')} ${[...lacking].map(([ch, roles]) => `${ch} (U+${ch.codePointAt(0)!.toString(16).toUpperCase()}, ${[...roles].join('/')})`).join(' ')}`);
      } else lines.push(t(lang, 'allCovered'));
    }
  }
  return { text: lines.join('\n') + '\n', missing };
}
