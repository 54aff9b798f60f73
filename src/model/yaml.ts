/**
 * YAML with positions: parse a manifest, report syntax errors where the parser found them,
 * and read typed fields off the node tree so every complaint can name its line and column.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { closest, distance } from 'fastest-levenshtein';
import { diagnostic, type Diagnostic, type SourceLoc } from '../diagnostics/index.js';
import type { SourceText } from './source.js';

export interface ParsedYaml {
  doc: Document.Parsed;
  map?: YAMLMap;
  diagnostics: Diagnostic[];
}

/** Parse YAML text. Alias bombs are refused by the parser's alias limit. */
export function parseYaml(src: SourceText, offset = 0, text = src.text): ParsedYaml {
  const doc = parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true, strict: true });
  const diagnostics: Diagnostic[] = [];
  for (const e of doc.errors) {
    diagnostics.push(
      diagnostic('yaml/syntax', 'error', src.loc(offset + (e.pos?.[0] ?? 0)), {
        zh: `YAML 语法错误：${e.message.split('\n')[0]}`,
        en: `YAML syntax error: ${e.message.split('\n')[0]}`,
      }),
    );
  }
  if (diagnostics.length) return { doc, diagnostics };
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) {
    return { doc, map: undefined, diagnostics };
  }
  if (!isMap(contents)) {
    diagnostics.push(
      diagnostic('yaml/type', 'error', src.loc(offset + (contents.range?.[0] ?? 0)), {
        zh: '此文件应为“键: 值”形式的映射',
        en: 'this file should be a mapping of `key: value` pairs',
      }),
    );
    return { doc, diagnostics };
  }
  return { doc, map: contents, diagnostics };
}

/** Reads typed fields from a YAML map, collecting diagnostics with positions. */
export class FieldReader {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly src: SourceText,
    readonly map: YAMLMap | undefined,
    readonly offset = 0,
    readonly what = '',
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
    return (this.pair(key)?.value as Node | null) ?? undefined;
  }

  has(key: string): boolean {
    const n = this.node(key);
    return n !== undefined && !(isScalar(n) && n.value === null);
  }

  private err(rule: string, loc: SourceLoc, zh: string, en: string): undefined {
    this.diagnostics.push(diagnostic(rule, 'error', loc, { zh, en }));
    return undefined;
  }

  missing(key: string): undefined {
    return this.err('manifest/missing', this.locOf(this.map as Node | undefined) ?? this.src.loc(0), `缺少必填项 \`${key}\``, `missing required field \`${key}\``);
  }

  string(key: string, required = false): string | undefined {
    const n = this.node(key);
    if (!this.has(key)) return required ? this.missing(key) : undefined;
    if (isScalar(n) && (typeof n.value === 'string' || typeof n.value === 'number')) {
      const s = String(n.value).trim();
      if (s === '' && required) return this.missing(key);
      return s;
    }
    return this.err('manifest/type', this.locOf(n), `\`${key}\` 应为文字`, `\`${key}\` should be text`);
  }

  int(key: string, required = false, min = 0): number | undefined {
    const n = this.node(key);
    if (!this.has(key)) return required ? this.missing(key) : undefined;
    if (isScalar(n) && typeof n.value === 'number' && Number.isInteger(n.value) && n.value >= min) return n.value;
    return this.err('manifest/type', this.locOf(n), `\`${key}\` 应为不小于 ${min} 的整数`, `\`${key}\` should be a whole number of at least ${min}`);
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
    if (single && isScalar(n) && typeof n.value === 'string') return [{ value: n.value.trim(), loc: this.locOf(n) }];
    if (isSeq(n)) {
      const out: { value: string; loc: SourceLoc }[] = [];
      for (const item of n.items) {
        if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number')) out.push({ value: String(item.value).trim(), loc: this.locOf(item as Node) });
        else this.err('manifest/type', this.locOf(item as Node), `\`${key}\` 的每一项都应为文字`, `each entry of \`${key}\` should be text`);
      }
      return out;
    }
    return this.err('manifest/type', this.locOf(n), `\`${key}\` 应为列表`, `\`${key}\` should be a list`);
  }

  /** Report keys this manifest does not know, with the nearest known key as a did-you-mean. */
  unknownKeys(known: readonly string[]): void {
    for (const p of this.map?.items ?? []) {
      const k = isScalar(p.key) ? String(p.key.value) : '';
      if (known.includes(k)) continue;
      const near = closest(k, known as string[]);
      const close = near && distance(k, near) <= Math.max(2, Math.floor(k.length / 3));
      this.diagnostics.push(
        diagnostic(
          'manifest/unknown-key',
          'error',
          this.locOf(p.key as Node),
          { zh: `未知的设置项 \`${k}\``, en: `unknown key \`${k}\`` },
          close ? { hint: { zh: `是不是 \`${near}\`？`, en: `did you mean \`${near}\`?` } } : { hint: { zh: `可用的设置项：${known.join('、')}`, en: `known keys: ${known.join(', ')}` } },
        ),
      );
    }
  }
}
