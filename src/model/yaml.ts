/**
 * YAML with positions: parse a manifest, report syntax errors where the parser found them
 * (in words a clerk can act on), and read typed fields off the node tree so every complaint
 * can name its line and column.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node, type Pair, type YAMLError, type YAMLMap } from 'yaml';
import { closest, distance } from 'fastest-levenshtein';
import { codePoints, reported, type Diagnostic, type Message, type ReportedRule, type SourceLoc } from '../diagnostics/index.js';
import type { SourceText } from './source.js';
import { libraryFault } from '../i18n/faults.js';

export interface ParsedYaml {
  doc?: Document.Parsed;
  map?: YAMLMap;
  /** The document as plain data, when it had aliases to resolve (resolved within the alias limit). */
  js?: unknown;
  diagnostics: Diagnostic[];
}

/** Deeper nesting than this is refused before the parser sees it (a manifest needs three levels). */
export const MAX_YAML_DEPTH = 64;
/** Alias expansions allowed when resolving the document; a "billion laughs" bomb exceeds it at once. */
export const MAX_YAML_ALIASES = 100;

const SYNTAX_HINT: Message = {
  zh: '每一行应写成“名称: 内容”：冒号用半角“:”，冒号后空一格；列表项以“- ”开头；缩进只用空格',
  en: 'write each line as `name: value` with a half-width colon followed by a space; list items start with `- `; indent with spaces only',
};

/** Clerk-level wording for the parser's error codes. */
function explain(e: YAMLError, file = ''): { message: Message; hint: Message } {
  const detail = e.message.split('\n')[0];
  // The parser's own sentences we know are put into our words in one place (i18n/faults.ts).
  const known = libraryFault(detail, file);
  if (known) return { message: known, hint: SYNTAX_HINT };
  switch (e.code) {
    case 'DUPLICATE_KEY':
      return {
        message: { zh: '同一个名称在这里写了两次', en: 'this key appears twice in the same mapping' },
        hint: { zh: '删去重复的一项，或把内容合并到一处', en: 'delete one of them or merge their values' },
      };
    case 'TAB_AS_INDENT':
      return {
        message: { zh: '行首用了 Tab 键缩进，YAML 只能用空格缩进', en: 'the line is indented with a tab; YAML allows spaces only' },
        hint: { zh: '把行首的 Tab 换成空格（同一层对齐）', en: 'replace the tab with spaces, aligned with the other entries of its level' },
      };
    case 'BAD_INDENT':
      if (/end with an? ([\]}])/.test(detail)) {
        const b = /end with an? ([\]}])/.exec(detail)![1];
        return {
          message: { zh: `方括号或花括号没有结束：缺少“${b}”`, en: `a bracket is not closed: “${b}” is missing` },
          hint: { zh: `在这一项的末尾补上“${b}”`, en: `add the “${b}” at the end of the entry` },
        };
      }
      return {
        message: { zh: '缩进没有对齐', en: `bad indentation (${detail})` },
        hint: {
          zh: '同一层的各项行首空格数要相同，下一层多缩进两个空格',
          en: 'entries of one level start at the same column; a nested level is indented two more spaces',
        },
      };
    case 'MISSING_CHAR':
      return {
        message: { zh: `缺少配对的引号或括号（${detail}）`, en: `a closing quote or bracket is missing (${detail})` },
        hint: { zh: '检查引号 " \' 和括号 [ ] { } 是否成对', en: 'check that quotes and brackets come in pairs' },
      };
    case 'RESOURCE_EXHAUSTION':
      return {
        message: { zh: '嵌套层次过深，拒绝读取', en: 'nested too deeply; refused' },
        hint: { zh: '简报的设置只需要两三层；请检查文件是否损坏', en: 'a bulletin manifest needs two or three levels; check whether the file is damaged' },
      };
    case 'BAD_DQ_ESCAPE':
      return {
        message: { zh: '双引号中的反斜杠转义写法不对', en: `invalid escape in a double-quoted string (${detail})` },
        hint: { zh: '去掉反斜杠“\\”，或改用单引号', en: 'remove the backslash or use single quotes' },
      };
    default:
      return { message: { zh: `这一行的写法无法识别（YAML：${detail}）`, en: `YAML syntax error: ${detail}` }, hint: SYNTAX_HINT };
  }
}

/** Offset of the first place nesting goes deeper than MAX_YAML_DEPTH, or -1. A cheap scan, before the parser. */
export function excessiveDepth(text: string): number {
  let depth = 0;
  let quote = '';
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (lineStart) {
      let j = i;
      while (text[j] === ' ' || text[j] === '-' || text[j] === '\t') j++;
      if (j - i > MAX_YAML_DEPTH * 4) return i;
      lineStart = false;
    }
    if (c === '\n') {
      lineStart = true;
      continue;
    }
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") {
      if (i === 0 || /[\s[{,:]/.test(text[i - 1])) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      const nl = text.indexOf('\n', i);
      i = (nl < 0 ? text.length : nl) - 1;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_YAML_DEPTH) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return -1;
}

/**
 * Lines that would be `key: value` but for a full-width colon (title：…) or a missing space
 * (title:…): the commonest slip when typing manifests with a Chinese input method.
 * Only keys from `known` are recognised, so text inside values is never touched.
 */
function colonSlips(src: SourceText, offset: number, text: string, known: readonly string[]): Diagnostic[] {
  if (!known.length) return [];
  const out: Diagnostic[] = [];
  const re = /^([ \t]*(?:-[ \t]+)?)([A-Za-z_][A-Za-z0-9_]*)([ \t]*)(：[ \t\u3000]*|:(?=[^\s:/]))/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!known.includes(m[2])) continue;
    const at = offset + m.index + m[1].length + m[2].length;
    const loc = src.loc(at);
    const fullWidth = m[4].startsWith('：');
    out.push(
      reported(
        'yaml/colon',
        loc,
        fullWidth
          ? {
              zh: `\`${m[2]}\` 后面用了全角冒号“：”，YAML 要求半角冒号“:”`,
              en: `\`${m[2]}\` is followed by a full-width colon “：”; YAML needs a half-width “:”`,
            }
          : { zh: `\`${m[2]}:\` 的冒号后面缺少空格`, en: `the colon after \`${m[2]}\` must be followed by a space` },
        {
          hint: { zh: `写成“${m[2]}: 内容”（半角冒号加一个空格）`, en: `write it as \`${m[2]}: value\` (half-width colon and a space)` },
          fix: [{ loc, length: codePoints(m[3] + m[4]), replacement: ': ' }],
        },
      ),
    );
  }
  return out;
}

/**
 * Parse YAML text. `offset` is where `text` starts in `src` (front matter); `known` are the keys
 * this file may hold, used to recognise a mistyped colon. Never throws: every failure is a diagnostic.
 */
export function parseYaml(src: SourceText, offset = 0, text = src.text, known: readonly string[] = []): ParsedYaml {
  const deep = excessiveDepth(text);
  if (deep >= 0) {
    const { message, hint } = explain({ code: 'RESOURCE_EXHAUSTION', message: 'too deep' } as YAMLError);
    return { diagnostics: [reported('yaml/syntax', src.loc(offset + deep), message, { hint })] };
  }
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  } catch (e) {
    const known = libraryFault((e as Error).message, src.file);
    return {
      diagnostics: [
        reported(
          'yaml/syntax',
          src.loc(offset),
          known ?? { zh: `无法读取此 YAML 文件（${(e as Error).message}）`, en: `cannot read this YAML (${(e as Error).message})` },
          { hint: SYNTAX_HINT },
        ),
      ],
    };
  }
  const diagnostics: Diagnostic[] = [];
  const errorLines = new Set<number>();
  for (const e of doc.errors) {
    // One complaint per line: the parser often reports a slip three times over.
    let pos = e.pos?.[0] ?? 0;
    // An unclosed quote is found at the end of the text; point at the quote that opened it.
    const q = e.code === 'MISSING_CHAR' ? /closing (["'])quote/.exec(e.message)?.[1] : undefined;
    if (q) pos = Math.max(0, text.lastIndexOf(q, Math.max(0, pos - 1)));
    const line = src.loc(offset + pos).line;
    if (errorLines.has(line)) continue;
    errorLines.add(line);
    const { message, hint } = explain(e, src.file);
    diagnostics.push(reported('yaml/syntax', src.loc(offset + pos), message, { hint }));
  }
  const contents = doc.contents;
  const notMap = !diagnostics.length && contents !== null && !isMap(contents) && !(isScalar(contents) && (contents.value === null || contents.value === ''));
  if (diagnostics.length || notMap) {
    const slips = colonSlips(src, offset, text, known);
    if (slips.length) {
      // The slips explain the parser's complaints on their lines; keep only complaints elsewhere.
      const lines = new Set(slips.map((d) => d.loc.line));
      return { doc, diagnostics: [...slips, ...diagnostics.filter((d) => !lines.has(d.loc.line))] };
    }
  }
  if (diagnostics.length) return { doc, diagnostics };
  let js: unknown;
  try {
    // Resolving aliases is where a bomb would explode: only documents that have any are resolved here.
    if (text.includes('*') && hasAlias(doc)) js = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    let at = 0;
    visit(doc, {
      Alias(_, n) {
        at = n.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    const bomb = /excessive alias/i.test((e as Error).message);
    diagnostics.push(
      reported(
        bomb ? 'yaml/aliases' : 'yaml/syntax',
        src.loc(offset + at),
        bomb
          ? { zh: '文件中的 YAML 别名（*名称）展开后过多，拒绝读取', en: 'the YAML aliases (*name) in this file expand to too much; refused' }
          : { zh: `YAML 别名无法解析（${(e as Error).message}）`, en: `a YAML alias cannot be resolved (${(e as Error).message})` },
        { hint: { zh: '不要使用 & 和 * 别名，直接写出内容', en: 'do not use & anchors and * aliases; write the values out' } },
      ),
    );
    return { doc, diagnostics };
  }
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) {
    return { doc, map: undefined, js, diagnostics };
  }
  if (!isMap(contents)) {
    diagnostics.push(
      reported(
        'yaml/type',
        src.loc(offset + (contents.range?.[0] ?? 0)),
        { zh: '此文件应为“名称: 内容”形式的设置，每行一项', en: 'this file should be a mapping of `key: value` pairs, one per line' },
        { hint: SYNTAX_HINT },
      ),
    );
    return { doc, diagnostics };
  }
  return { doc, map: contents, js, diagnostics };
}

function hasAlias(doc: Document.Parsed): boolean {
  let found = false;
  visit(doc, {
    Alias() {
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}

/** Plain data of a node (aliases resolved within the alias limit), or undefined when that fails. */
export function nodeToJs(doc: Document.Parsed | undefined, node: Node): unknown {
  try {
    return doc ? node.toJS(doc, { maxAliasCount: MAX_YAML_ALIASES }) : node.toJSON();
  } catch {
    return undefined;
  }
}

/** What the required fields are, for messages. */
const FIELD_NAMES: Record<string, Message> = {
  number: { zh: '期号', en: 'the issue number' },
  date: { zh: '出刊日期', en: 'the date of the issue' },
  articles: { zh: '本期文章列表', en: 'the list of article files' },
  series: { zh: '简报名称', en: 'the bulletin’s name' },
  office: { zh: '编印单位', en: 'the issuing office' },
  file: { zh: '字体文件', en: 'the font file' },
};

/** Reads typed fields from a YAML map, collecting diagnostics with positions. */
export class FieldReader {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly src: SourceText,
    readonly map: YAMLMap | undefined,
    readonly offset = 0,
    readonly what = '',
    readonly doc?: Document.Parsed,
  ) {}

  locOf(node: Node | Pair | null | undefined): SourceLoc {
    const n = node as { range?: [number, number, number]; key?: { range?: [number, number, number] } } | null | undefined;
    const r = n?.range ?? n?.key?.range;
    return this.src.loc(this.offset + (r?.[0] ?? 0));
  }

  /** Location of a key's value, or of the map itself when the key is absent. */
  loc(key: string): SourceLoc {
    const pair = this.pair(key);
    if (pair) return this.locOf((pair.value as Node | null) ?? (pair.key as Node));
    return this.locOf(this.map as Node | undefined);
  }

  keyLoc(key: string): SourceLoc {
    const pair = this.pair(key);
    return pair ? this.locOf(pair.key as Node) : this.locOf(this.map as Node | undefined);
  }

  pair(key: string): Pair | undefined {
    return this.map?.items.find((p) => isScalar(p.key) && String(p.key.value) === key) as Pair | undefined;
  }

  node(key: string): Node | undefined {
    const n = (this.pair(key)?.value as Node | null) ?? undefined;
    return this.resolve(n);
  }

  /** Follow an alias to its anchored node (bounded: the document already passed the alias limit). */
  resolve(n: Node | undefined): Node | undefined {
    if (n && isAlias(n) && this.doc) {
      try {
        return (n.resolve(this.doc) as Node | undefined) ?? n;
      } catch {
        return n;
      }
    }
    return n;
  }

  has(key: string): boolean {
    const n = this.node(key);
    return n !== undefined && !(isScalar(n) && n.value === null);
  }

  private err(rule: ReportedRule, loc: SourceLoc, zh: string, en: string, hint?: Message): undefined {
    this.diagnostics.push(reported(rule, loc, { zh, en }, hint ? { hint } : {}));
    return undefined;
  }

  /** Where a missing key should go: the start of the map (or of the text when it is empty). */
  private mapLoc(): SourceLoc {
    return this.locOf(this.map as Node | undefined);
  }

  /** Diagnostics about missing keys, so a misspelt key (did-you-mean) can stand in for them. */
  private readonly missingDiagnostics = new Map<string, Diagnostic>();

  /** Note a diagnostic that says `key` is missing (dropped if a misspelling of `key` is found). */
  noteMissing(key: string, d: Diagnostic): void {
    this.missingDiagnostics.set(key, d);
  }

  missing(key: string): undefined {
    const what = FIELD_NAMES[key];
    if (this.pair(key)) {
      // `date:` with nothing after it: the key is there, its value is not — say so at the key.
      return this.err(
        'manifest/missing',
        this.keyLoc(key),
        `必填项 \`${key}\`${what ? `（${what.zh}）` : ''}是空的`,
        `the required field \`${key}\`${what ? ` (${what.en})` : ''} is empty`,
        { zh: `在“${key}:”后面写上内容（冒号后空一格）`, en: `write its value after \`${key}:\` (a space after the colon)` },
      );
    }
    this.err(
      'manifest/missing',
      this.mapLoc(),
      `缺少必填项 \`${key}\`${what ? `（${what.zh}）` : ''}`,
      `missing required field \`${key}\`${what ? ` (${what.en})` : ''}`,
      {
        zh: `加上一行“${key}: …”`,
        en: `add a line \`${key}: …\``,
      },
    );
    this.noteMissing(key, this.diagnostics[this.diagnostics.length - 1]);
    return undefined;
  }

  string(key: string, required = false): string | undefined {
    const n = this.node(key);
    if (!this.has(key)) return required ? this.missing(key) : undefined;
    if (isScalar(n) && (typeof n.value === 'string' || typeof n.value === 'number')) {
      const s = String(n.value).trim();
      if (s === '' && required) return this.missing(key);
      return s;
    }
    return this.err('manifest/type', this.locOf(n), `\`${key}\` 应为一段文字`, `\`${key}\` should be text`, {
      zh: `写成“${key}: 文字”，不要写成列表或多级设置`,
      en: `write \`${key}: text\`, not a list or a nested mapping`,
    });
  }

  int(key: string, required = false, min = 0, max = Number.MAX_SAFE_INTEGER): number | undefined {
    const n = this.node(key);
    if (!this.has(key)) return required ? this.missing(key) : undefined;
    if (isScalar(n) && typeof n.value === 'number' && Number.isInteger(n.value) && n.value >= min && n.value <= max) return n.value;
    if (isScalar(n) && typeof n.value === 'number' && Number.isInteger(n.value) && n.value > max)
      return this.err(
        'manifest/out-of-range',
        this.locOf(n),
        `\`${key}\` 的值 ${n.value} 大得不合常理（最大 ${max}）`,
        `\`${key}\` is ${n.value}, beyond any sane value (at most ${max})`,
        {
          zh: `核对这个数字，如“${key}: ${Math.max(min, 1)}”`,
          en: `check the number, e.g. \`${key}: ${Math.max(min, 1)}\``,
        },
      );
    return this.err('manifest/type', this.locOf(n), `\`${key}\` 应为不小于 ${min} 的整数`, `\`${key}\` should be a whole number of at least ${min}`, {
      zh: `只写阿拉伯数字，如“${key}: ${Math.max(min, 1)}”${key === 'number' || key === 'total' ? '，不要加“第”“期”等字' : ''}`,
      en: `write digits only, e.g. \`${key}: ${Math.max(min, 1)}\``,
    });
  }

  bool(key: string): boolean | undefined {
    const n = this.node(key);
    if (!this.has(key)) return undefined;
    if (isScalar(n) && typeof n.value === 'boolean') return n.value;
    return this.err('manifest/type', this.locOf(n), `\`${key}\` 应为 true 或 false`, `\`${key}\` should be true or false`);
  }

  /** A list of strings; a single string is accepted as a list of one when `single` is set. */
  strings(key: string, required = false, single = false): { value: string; loc: SourceLoc }[] | undefined {
    const n = this.node(key);
    if (!this.has(key)) return required ? this.missing(key) : undefined;
    if (single && isScalar(n) && (typeof n.value === 'string' || typeof n.value === 'number')) return [{ value: String(n.value).trim(), loc: this.locOf(n) }];
    if (isSeq(n)) {
      const out: { value: string; loc: SourceLoc }[] = [];
      for (const raw of n.items) {
        const item = this.resolve(raw as Node);
        if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number'))
          out.push({ value: String(item.value).trim(), loc: this.locOf(raw as Node) });
        else this.err('manifest/type', this.locOf(raw as Node), `\`${key}\` 的每一项都应为一段文字`, `each entry of \`${key}\` should be text`);
      }
      return out;
    }
    return this.err('manifest/type', this.locOf(n), `\`${key}\` 应为列表`, `\`${key}\` should be a list`, {
      zh: `每项一行，以“- ”开头，如\n${key}:\n  - 第一项`,
      en: `one entry per line starting with \`- \`, e.g.\n${key}:\n  - first`,
    });
  }

  /** Report keys this manifest does not know, with the nearest known key as a did-you-mean. */
  unknownKeys(known: readonly string[]): void {
    for (const p of this.map?.items ?? []) {
      const k = isScalar(p.key) ? String(p.key.value) : '';
      if (known.includes(k)) continue;
      const near = didYouMean(k, known);
      const stale = near ? this.missingDiagnostics.get(near) : undefined;
      if (stale && this.diagnostics.includes(stale)) this.diagnostics.splice(this.diagnostics.indexOf(stale), 1);
      this.diagnostics.push(
        reported(
          'manifest/unknown-key',
          this.locOf(p.key as Node),
          { zh: `未知的设置项 \`${k}\``, en: `unknown key \`${k}\`` },
          near
            ? { hint: { zh: `是不是 \`${near}\`？`, en: `did you mean \`${near}\`?` } }
            : { hint: { zh: `此处可用的设置项：${known.join('、')}`, en: `keys allowed here: ${known.join(', ')}` } },
        ),
      );
    }
  }
}

/** The nearest of `known` to `word` when it is close enough to be a slip, else undefined. */
export function didYouMean(word: string, known: readonly string[]): string | undefined {
  if (!known.length || !word) return undefined;
  const near = closest(word, known as string[]);
  const limit = Math.max(2, Math.floor(Math.max(word.length, near.length) / 3));
  return distance(word, near) <= limit ? near : undefined;
}
