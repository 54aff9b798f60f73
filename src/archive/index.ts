/**
 * The archive on disk: where it is, which issues it holds, and reading its files
 * as text without ever turning a GBK or UTF-16 file into mojibake.
 *
 *   <archive>/bulletin.yaml
 *   <archive>/issues/<year>/<number>/issue.yaml and *.md
 *   <archive>/fonts/        (optional)
 *   <archive>/dist/         (default output)
 */
import { type Dirent, existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { contains, readGuarded, realOrSelf, realRoot } from './read.js';

export { checkPath, openChecked, readGuarded, realOrSelf, type GuardedFailure, type GuardedRead } from './read.js';
export { writeFileAtomic, sweepStaleTemps, syncFolder, isBulletinTemp, WriteBatch, WriteFault } from './write.js';

export const CONFIG_FILE = 'bulletin.yaml';

/** The nearest folder at or above `start` that holds bulletin.yaml, or undefined. */
export function findArchiveRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, CONFIG_FILE))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export interface IssueDir {
  year: number;
  number: number;
  /** Absolute path of issues/<year>/<number>. */
  dir: string;
  /** Path relative to the archive root, with forward slashes. */
  rel: string;
}

/** Every issues/<year>/<number> folder, sorted by year then number. */
export function listIssueDirs(root: string): IssueDir[] {
  const base = path.join(root, 'issues');
  const out: IssueDir[] = [];
  for (const y of safeReaddir(base)) {
    if (!/^\d{4}$/.test(y)) continue;
    for (const n of safeReaddir(path.join(base, y))) {
      if (!/^\d{1,4}$/.test(n)) continue;
      const dir = path.join(base, y, n);
      if (!isDir(dir)) continue;
      out.push({ year: Number(y), number: Number(n), dir, rel: `issues/${y}/${n}` });
    }
  }
  return out.sort((a, b) => a.year - b.year || a.number - b.number);
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export type IssueRef =
  | { kind: 'one'; year?: number; number: number }
  | { kind: 'year'; year: number }
  | { kind: 'range'; year?: number; from: number; to: number }
  | { kind: 'all' };

/**
 * Parse what the user typed for an issue: `22`, `2017/22`, `2017`, `2017/15..22`, `15..22`.
 * A bare number of four digits from 1900 on is a year. Returns undefined when it is none of these.
 */
export function parseIssueRef(text: string): IssueRef | undefined {
  const t = text.trim();
  let m: RegExpMatchArray | null;
  if ((m = t.match(/^(\d{4})[/-](\d{1,4})$/))) return { kind: 'one', year: Number(m[1]), number: Number(m[2]) };
  if ((m = t.match(/^(?:(\d{4})[/-])?(\d{1,4})\.\.(\d{1,4})$/))) {
    const from = Number(m[2]);
    const to = Number(m[3]);
    if (from > to) return undefined;
    return { kind: 'range', year: m[1] ? Number(m[1]) : undefined, from, to };
  }
  if ((m = t.match(/^(\d{4})$/)) && Number(m[1]) >= 1900) return { kind: 'year', year: Number(m[1]) };
  if ((m = t.match(/^(\d{1,4})$/))) return { kind: 'one', number: Number(m[1]) };
  return undefined;
}

/** The issue folders an IssueRef selects. `22` alone means the most recent year that has a number 22. */
export function selectIssues(all: IssueDir[], ref: IssueRef): IssueDir[] {
  switch (ref.kind) {
    case 'all':
      return all;
    case 'year':
      return all.filter((d) => d.year === ref.year);
    case 'range': {
      const year = ref.year ?? Math.max(...all.map((d) => d.year));
      return all.filter((d) => d.year === year && d.number >= ref.from && d.number <= ref.to);
    }
    case 'one': {
      const hits = all.filter((d) => d.number === ref.number && (ref.year === undefined || d.year === ref.year));
      return hits.length ? [hits[hits.length - 1]] : [];
    }
  }
}

/** Encodings the archive recognises. Only UTF-8 is accepted; the others are reported and can be converted. */
export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** Files larger than this are refused: a bulletin article is a few thousand characters, never megabytes. */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;

/** The result of reading a text file: its text, or why it could not be read as UTF-8. */
export type TextRead =
  | { ok: true; text: string }
  | { ok: false; reason: 'missing' | 'not-file' | 'outside' }
  | { ok: false; reason: 'too-large'; bytes: number }
  | { ok: false; reason: 'unreadable'; code: string }
  | { ok: false; reason: 'encoding'; encoding: 'gb18030' | 'utf-16le' | 'utf-16be' | 'binary'; decoded?: string };

/**
 * Read a file as UTF-8 text, through the guarded reader (inside the archive, a regular file, at
 * most MAX_TEXT_BYTES). A BOM is dropped and CRLF becomes LF (offsets then refer to the
 * normalised text; line and column numbers are unaffected). GB18030 and UTF-16 are recognised
 * and reported, never guessed into mojibake; their `decoded` text is normalised the same way.
 */
export function readText(root: string, abs: string): TextRead {
  const read = readGuarded(abs, MAX_TEXT_BYTES, root);
  if (!read.ok) return read;
  return decodeText(read.bytes);
}

export function decodeText(bytes: Uint8Array): TextRead {
  const raw = decodeRaw(bytes);
  if (raw.encoding === 'binary') return { ok: false, reason: 'encoding', encoding: 'binary' };
  const text = normaliseLines(raw.text);
  if (raw.encoding === 'utf-8') return { ok: true, text };
  return { ok: false, reason: 'encoding', encoding: raw.encoding, decoded: text };
}

/** CRLF and lone CR become LF. */
export function normaliseLines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * A file's bytes decoded exactly, for rewriting it: the encoding, whether it had a BOM, and the
 * text with the BOM removed but line ends untouched (so edits can keep CRLF and everything else).
 */
export type RawText = { encoding: TextEncoding; bom: boolean; text: string } | { encoding: 'binary'; bom: false; text: '' };

/** Control characters other than tab and line ends: not text in any encoding. */
const CONTROL = /[\x00-\x08\x0b\x0e-\x1f\x7f]/;

export function decodeRaw(bytes: Uint8Array): RawText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return { encoding: 'utf-16le', bom: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return { encoding: 'utf-16be', bom: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  let start = 0;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  if (body.indexOf(0) >= 0) {
    // UTF-16 without a BOM has a NUL in every other byte of ASCII text.
    let even = 0;
    let odd = 0;
    for (let i = 0; i < body.length; i++) if (body[i] === 0) i % 2 ? odd++ : even++;
    if (start === 0 && body.length % 2 === 0 && even + odd >= body.length / 64) {
      const le = odd > even * 2;
      const be = even > odd * 2;
      if (le || be) {
        const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(body);
        if (!CONTROL.test(text) && !text.includes('\ufffd')) return { encoding: le ? 'utf-16le' : 'utf-16be', bom: false, text };
      }
    }
    return { encoding: 'binary', bom: false, text: '' };
  }
  try {
    return { encoding: 'utf-8', bom: start === 3, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body) };
  } catch {
    if (start === 3) return { encoding: 'binary', bom: false, text: '' };
    try {
      const text = new TextDecoder('gb18030', { fatal: true }).decode(body);
      // Control characters other than tab and line ends mean this is not text in any encoding.
      if (CONTROL.test(text)) return { encoding: 'binary', bom: false, text: '' };
      return { encoding: 'gb18030', bom: false, text };
    } catch {
      return { encoding: 'binary', bom: false, text: '' };
    }
  }
}

/** Files directly inside an issue folder (names only), for finding articles no manifest lists. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  for (const e of entries) {
    // The folder listing says what most entries are; only a link (or an unknown type) needs a stat.
    if (e.isFile()) out.push(e.name);
    else if (e.isSymbolicLink() || !(e.isDirectory() || e.isFIFO() || e.isSocket() || e.isBlockDevice() || e.isCharacterDevice()))
      try {
        if (statSync(path.join(dir, e.name)).isFile()) out.push(e.name);
      } catch {
        // A dangling link or a file removed meanwhile: nothing to list.
      }
  }
  return out.sort();
}

/** True when `abs`, with symbolic links followed, lies inside `root`. */
export function isInside(root: string, abs: string): boolean {
  return contains(realRoot(root), realOrSelf(abs));
}

/** Archive-relative path with forward slashes, for diagnostics and JSON. */
export function relPath(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}
