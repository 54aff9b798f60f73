import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, type Node } from 'yaml';
import { CONFIG_FILE, readText } from '../archive/index.js';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { encodingDiagnostic } from './encoding.js';
import { SourceText } from './source.js';
import type { FontSpec, SeriesConfig } from './types.js';
import { FieldReader, parseYaml } from './yaml.js';

export const SERIES_KEYS = ['series', 'office', 'numbering', 'units', 'style', 'fonts'] as const;
export const FONT_ROLE_KEYS = ['masthead', 'title', 'body', 'lead', 'heading1', 'heading2', 'heading3', 'note', 'attribution', 'page_number', 'end_block', 'fallback'] as const;

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
    return { diagnostics: [encodingDiagnostic(CONFIG_FILE, read)] };
  }
  const src = new SourceText(CONFIG_FILE, read.text);
  return parseSeries(src);
}

export function parseSeries(src: SourceText): SeriesLoad {
  const parsed = parseYaml(src);
  if (parsed.diagnostics.length) return { source: src, diagnostics: parsed.diagnostics };
  const r = new FieldReader(src, parsed.map);
  const series = r.string('series', true);
  const office = r.string('office', true);
  const numberingText = r.string('numbering') ?? 'yearly';
  if (numberingText !== 'yearly' && numberingText !== 'continuous') {
    r.diagnostics.push(
      diagnostic('manifest/type', 'error', r.loc('numbering'), {
        zh: '`numbering` 只能是 yearly（每年从第1期编起）或 continuous（连续编号）',
        en: '`numbering` must be yearly (restart at 1 each year) or continuous',
      }),
    );
  }
  const units = (r.strings('units') ?? []).map((u) => u.value);
  const styleNode = r.node('style');
  if (styleNode && !isMap(styleNode) && !(isScalar(styleNode) && styleNode.value === null)) {
    r.diagnostics.push(diagnostic('manifest/type', 'error', r.loc('style'), { zh: '`style` 应为映射', en: '`style` should be a mapping' }));
  }
  const fonts = readFonts(r);
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
      style: styleNode && isMap(styleNode) ? styleNode.toJSON() : undefined,
      fonts,
      file: CONFIG_FILE,
    },
  };
}

function readFonts(r: FieldReader): SeriesConfig['fonts'] {
  const out: SeriesConfig['fonts'] = { system: true, roles: {} };
  const node = r.node('fonts');
  if (!node || (isScalar(node) && node.value === null)) return out;
  if (!isMap(node)) {
    r.diagnostics.push(diagnostic('manifest/type', 'error', r.loc('fonts'), { zh: '`fonts` 应为映射', en: '`fonts` should be a mapping' }));
    return out;
  }
  const fr = new FieldReader(r.src, node, r.offset);
  out.system = fr.bool('system') ?? true;
  for (const role of FONT_ROLE_KEYS) {
    const n = fr.node(role);
    if (!n) continue;
    if (isScalar(n) && typeof n.value === 'string') {
      out.roles[role] = { file: n.value, loc: fr.locOf(n) } satisfies FontSpec;
    } else if (isMap(n)) {
      const sub = new FieldReader(r.src, n, r.offset);
      const file = sub.string('file', true);
      const face = sub.string('face');
      sub.unknownKeys(['file', 'face']);
      fr.diagnostics.push(...sub.diagnostics);
      if (file) out.roles[role] = { file, face, loc: fr.locOf(n as Node) };
    } else {
      fr.diagnostics.push(
        diagnostic('manifest/type', 'error', fr.locOf(n), {
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

export function readSeriesFile(root: string): string {
  return readFileSync(path.join(root, CONFIG_FILE), 'utf8');
}
