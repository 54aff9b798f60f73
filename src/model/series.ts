import path from 'node:path';
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { CONFIG_FILE, readText } from '../archive/index.js';
import { reported, type Diagnostic } from '../diagnostics/index.js';
import { DEFAULT_STYLE, resolveStyle, styleProblems } from '../style/index.js';
import { encodingDiagnostic } from './encoding.js';
import { SourceText } from './source.js';
import type { FontSpec, SeriesConfig, WordEntry } from './types.js';
import { didYouMean, FieldReader, nodeToJs, parseYaml } from './yaml.js';

export const SERIES_KEYS = ['series', 'office', 'numbering', 'units', 'style', 'fonts', 'checks', 'names', 'words'] as const;
const CHECK_LEVELS = ['off', 'hint', 'warning', 'error'] as const;
const WORD_KEYS = ['find', 'use', 'why', 'before', 'not_before', 'severity'] as const;
export const FONT_ROLE_KEYS = [
  'masthead',
  'title',
  'body',
  'lead',
  'heading1',
  'heading2',
  'heading3',
  'note',
  'attribution',
  'page_number',
  'end_block',
  'fallback',
] as const;

export interface SeriesLoad {
  config?: SeriesConfig;
  source?: SourceText;
  diagnostics: Diagnostic[];
}

/** Read and validate bulletin.yaml. */
export function loadSeries(root: string): SeriesLoad {
  const abs = path.join(root, CONFIG_FILE);
  const read = readText(root, abs);
  if (!read.ok) {
    const d = encodingDiagnostic(CONFIG_FILE, read);
    if (read.reason !== 'encoding' || read.decoded === undefined) return { diagnostics: [d] };
    // A GB18030 or UTF-16 bulletin.yaml: report it (with a fix) and read it anyway.
    const parsed = parseSeries(new SourceText(CONFIG_FILE, read.decoded));
    return { ...parsed, diagnostics: [d, ...parsed.diagnostics] };
  }
  const src = new SourceText(CONFIG_FILE, read.text);
  return parseSeries(src);
}

export function parseSeries(src: SourceText): SeriesLoad {
  const parsed = parseYaml(src, 0, src.text, SERIES_KEYS);
  if (parsed.diagnostics.length) return { source: src, diagnostics: parsed.diagnostics };
  const r = new FieldReader(src, parsed.map, 0, 'series', parsed.doc);
  const series = r.string('series', true);
  const office = r.string('office', true);
  const numberingText = r.string('numbering') ?? 'yearly';
  if (numberingText !== 'yearly' && numberingText !== 'continuous') {
    r.diagnostics.push(
      reported('manifest/type', r.loc('numbering'), {
        zh: '`numbering` 只能是 yearly（每年从第1期编起）或 continuous（连续编号）',
        en: '`numbering` must be yearly (restart at 1 each year) or continuous',
      }),
    );
  }
  const units = (r.strings('units') ?? []).map((u) => u.value);
  const styleNode = r.node('style');
  if (styleNode && !isMap(styleNode) && !(isScalar(styleNode) && styleNode.value === null)) {
    r.diagnostics.push(reported('manifest/type', r.loc('style'), { zh: '`style` 应为多级设置（下一行起缩进书写各项）', en: '`style` should be a mapping' }));
  } else if (styleNode && isMap(styleNode)) {
    const before = r.diagnostics.length;
    checkStyle(r, styleNode, DEFAULT_STYLE as unknown as Record<string, unknown>, 'style');
    if (r.diagnostics.length === before) checkStyleValues(r, styleNode, nodeToJs(parsed.doc, styleNode));
  }
  const fonts = readFonts(r);
  const checks = readChecks(r);
  const names = r.strings('names')?.filter((n) => n.value);
  const words = readWords(r);
  r.unknownKeys(SERIES_KEYS);
  const diagnostics = r.diagnostics;
  if (series === undefined || office === undefined) return { source: src, diagnostics };
  return {
    source: src,
    diagnostics,
    config: {
      series,
      office,
      numbering: numberingText === 'continuous' ? 'continuous' : 'yearly',
      units,
      style: styleNode && isMap(styleNode) ? nodeToJs(parsed.doc, styleNode) : undefined,
      fonts,
      file: CONFIG_FILE,
      seriesLoc: r.loc('series'),
      officeLoc: r.loc('office'),
      ...(checks.length ? { checks } : {}),
      ...(names?.length ? { names } : {}),
      ...(words.length ? { words } : {}),
    },
  };
}

/** `checks:` — rule id → off | hint | warning | error. The ids themselves are checked by the check stage, which knows the rules. */
function readChecks(r: FieldReader): NonNullable<SeriesConfig['checks']> {
  const out: NonNullable<SeriesConfig['checks']> = [];
  const node = r.node('checks');
  if (!node || (isScalar(node) && node.value === null)) return out;
  if (!isMap(node)) {
    r.diagnostics.push(
      reported(
        'manifest/type',
        r.loc('checks'),
        { zh: '`checks` 应为“规则: 级别”的映射', en: '`checks` should be a mapping of rule: level' },
        { hint: { zh: '例如\nchecks:\n  text/space: off', en: 'e.g.\nchecks:\n  text/space: off' } },
      ),
    );
    return out;
  }
  for (const p of node.items) {
    const id = isScalar(p.key) ? String(p.key.value) : '';
    const v = r.resolve(p.value as Node);
    const level = isScalar(v) ? (v.value === false ? 'off' : String(v.value)) : '';
    if (!(CHECK_LEVELS as readonly string[]).includes(level)) {
      r.diagnostics.push(
        reported('manifest/type', r.locOf((p.value as Node) ?? (p.key as Node)), {
          zh: `规则 \`${id}\` 的级别应为 off、hint、warning 或 error`,
          en: `the level of \`${id}\` should be off, hint, warning or error`,
        }),
      );
      continue;
    }
    out.push({ id, level: level as (typeof CHECK_LEVELS)[number], loc: r.locOf(p.key as Node) });
  }
  return out;
}

/** `words:` — the office's confused-words entries: { find, use, why, before?, not_before?, severity? }. */
function readWords(r: FieldReader): WordEntry[] {
  const out: WordEntry[] = [];
  const node = r.node('words');
  if (!node || (isScalar(node) && node.value === null)) return out;
  if (!isSeq(node)) {
    r.diagnostics.push(
      reported('manifest/type', r.loc('words'), {
        zh: '`words` 应为列表，每项含 find、use、why',
        en: '`words` should be a list of { find, use, why }',
      }),
    );
    return out;
  }
  for (const raw of node.items) {
    const item = r.resolve(raw as Node);
    if (!isMap(item)) {
      r.diagnostics.push(
        reported('manifest/type', r.locOf(raw as Node), {
          zh: '`words` 的每一项应含 find、use、why',
          en: 'each entry of `words` should have find, use and why',
        }),
      );
      continue;
    }
    const w = new FieldReader(r.src, item, r.offset, 'word', r.doc);
    const find = w.string('find', true);
    const use = w.string('use', true);
    const why = w.string('why', true);
    const before = w.strings('before', false, true)?.map((x) => x.value);
    const notBefore = w.strings('not_before', false, true)?.map((x) => x.value);
    const severity = w.string('severity');
    if (severity !== undefined && !['hint', 'warning', 'error'].includes(severity))
      w.diagnostics.push(
        reported('manifest/type', w.loc('severity'), {
          zh: '`severity` 应为 hint、warning 或 error',
          en: '`severity` should be hint, warning or error',
        }),
      );
    w.unknownKeys(WORD_KEYS);
    r.diagnostics.push(...w.diagnostics);
    if (find && use && why && !w.diagnostics.length)
      out.push({
        find,
        use,
        why,
        ...(before ? { before } : {}),
        ...(notBefore ? { not_before: notBefore } : {}),
        ...(severity ? { severity: severity as WordEntry['severity'] } : {}),
        loc: r.locOf(raw as Node),
      });
  }
  return out;
}

function readFonts(r: FieldReader): SeriesConfig['fonts'] {
  const out: SeriesConfig['fonts'] = { system: true, roles: {} };
  const node = r.node('fonts');
  if (!node || (isScalar(node) && node.value === null)) return out;
  if (!isMap(node)) {
    r.diagnostics.push(reported('manifest/type', r.loc('fonts'), { zh: '`fonts` 应为映射', en: '`fonts` should be a mapping' }));
    return out;
  }
  const fr = new FieldReader(r.src, node, r.offset, 'fonts', r.doc);
  out.system = fr.bool('system') ?? true;
  for (const role of FONT_ROLE_KEYS) {
    const n = fr.node(role);
    if (!n) continue;
    if (isScalar(n) && typeof n.value === 'string') {
      out.roles[role] = { file: n.value, loc: fr.locOf(n) } satisfies FontSpec;
    } else if (isMap(n)) {
      const sub = new FieldReader(r.src, n, r.offset, 'font', r.doc);
      const file = sub.string('file', true);
      const face = sub.string('face');
      const fallback = role === 'fallback' ? undefined : sub.string('fallback');
      sub.unknownKeys(role === 'fallback' ? ['file', 'face'] : ['file', 'face', 'fallback']);
      fr.diagnostics.push(...sub.diagnostics);
      if (file)
        out.roles[role] = {
          file,
          face,
          loc: fr.locOf(n as Node),
          ...(fallback ? { fallback: { file: fallback, loc: sub.locOf(sub.node('fallback')!) } } : {}),
        };
    } else {
      fr.diagnostics.push(
        reported('manifest/type', fr.locOf(n), {
          zh: `字体 \`${role}\` 应为文件路径，或 { file, face }`,
          en: `font \`${role}\` should be a file path, or { file, face }`,
        }),
      );
    }
  }
  fr.unknownKeys(['system', ...FONT_ROLE_KEYS]);
  r.diagnostics.push(...fr.diagnostics);
  return out;
}

/**
 * Validate `style:` overrides against the house style's defaults: every key must exist there and
 * every value must have the default's type (numbers, text, true/false, CMYK lists of four numbers).
 */
function checkStyle(r: FieldReader, map: YAMLMap, base: Record<string, unknown>, where: string): void {
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const at = r.locOf(pair.key as Node);
    const name = `${where}.${key}`;
    if (!Object.hasOwn(base, key)) {
      const near = didYouMean(key, Object.keys(base));
      r.diagnostics.push(
        reported(
          'manifest/unknown-key',
          at,
          { zh: `未知的版式设置 \`${name}\``, en: `unknown style setting \`${name}\`` },
          {
            hint: near
              ? { zh: `是不是 \`${where}.${near}\`？`, en: `did you mean \`${where}.${near}\`?` }
              : { zh: `${where} 下可用的设置：${Object.keys(base).join('、')}`, en: `settings under ${where}: ${Object.keys(base).join(', ')}` },
          },
        ),
      );
      continue;
    }
    const want = base[key];
    const v = r.resolve((pair.value as Node | null) ?? undefined);
    const vloc = v ? r.locOf(v) : at;
    const bad = (zh: string, en: string) => r.diagnostics.push(reported('manifest/type', vloc, { zh: `\`${name}\` ${zh}`, en: `\`${name}\` ${en}` }));
    if (v === undefined || (isScalar(v) && v.value === null)) continue;
    if (Array.isArray(want)) {
      const ok =
        isSeq(v) && v.items.length === want.length && v.items.every((i) => isScalar(i) && typeof i.value === 'number' && i.value >= 0 && i.value <= 100);
      if (!ok) bad(`应为 ${want.length} 个 0–100 的数字，如 [${want.join(', ')}]`, `should be ${want.length} numbers from 0 to 100, e.g. [${want.join(', ')}]`);
    } else if (typeof want === 'object' && want !== null) {
      if (isMap(v)) checkStyle(r, v, want as Record<string, unknown>, name);
      else bad('应为多级设置', 'should be a mapping');
    } else if (typeof want === 'number') {
      // Its range is checked with the whole style (checkStyleValues).
      if (!(isScalar(v) && typeof v.value === 'number' && Number.isFinite(v.value))) bad(`应为数字（默认 ${want}）`, `should be a number (default ${want})`);
    } else if (typeof want === 'boolean') {
      if (!(isScalar(v) && typeof v.value === 'boolean')) bad('应为 true 或 false', 'should be true or false');
    } else if (typeof want === 'string') {
      if (!(isScalar(v) && (typeof v.value === 'string' || typeof v.value === 'number'))) bad('应为一段文字', 'should be text');
    }
  }
}

/**
 * Ranges and relations of the house style with the overrides applied (grid lines ≥ 1, masthead
 * lines < grid lines, sizes > 0, the text block inside the paper …), each reported at the
 * overriding value in bulletin.yaml: a style the layout cannot work with never reaches it.
 */
function checkStyleValues(r: FieldReader, styleNode: YAMLMap, overrides: unknown): void {
  const nodeAt = (path: string): Node | undefined => {
    let n: Node | undefined = styleNode;
    for (const k of path.split('.')) {
      if (!n || !isMap(n)) return undefined;
      const pair = n.items.find((p) => isScalar(p.key) && String(p.key.value) === k);
      n = r.resolve((pair?.value as Node | null) ?? undefined);
    }
    return n;
  };
  for (const p of styleProblems(resolveStyle(overrides))) {
    const at = p.at.map(nodeAt).find((n) => n !== undefined);
    if (!at) continue; // only defaults involved: they are consistent
    r.diagnostics.push(
      reported(`style/${p.kind}`, r.locOf(at), p.message, {
        hint: { zh: '改正这个值，或删去这一行使用默认值', en: 'correct the value, or delete the line to use the default' },
      }),
    );
  }
}
