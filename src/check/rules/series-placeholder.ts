/**
 * series/placeholder: bulletin.yaml still names the series or the office with the placeholder
 * `bulletin init` wrote. A warning: the issue can be proofed, but the masthead would print it.
 */
import path from 'node:path';
import { readText } from '../../archive/index.js';
import { diagnostic, type Diagnostic } from '../../diagnostics/index.js';
import type { NamedRule } from '../context.js';
import { PLACEHOLDER } from '../placeholders.js';

export const seriesPlaceholder: NamedRule = {
  meta: [
    {
      id: 'series/placeholder',
      severity: 'error',
      fixable: false,
      stage: 'check',
      source: { standard: 'house style' },
      description: { zh: 'bulletin.yaml 仍含 bulletin init 模板的文字', en: 'bulletin.yaml still holds the template text of bulletin init' },
    },
  ],
  create(ctx) {
    const out: Diagnostic[] = [];
    const left = (['series', 'office'] as const).filter((k) => ctx.series[k].trim() === PLACEHOLDER[k]);
    if (!left.length) return out;
    // Through the guarded reader like every read; unreadable: located at the file's start.
    const read = readText(ctx.root, path.join(ctx.root, ctx.series.file));
    const lines = read.ok ? read.text.split('\n') : [];
    for (const key of left) {
      const line = lines.findIndex((l) => new RegExp(`^${key}\\s*:`).test(l));
      const at = line >= 0 ? lines[line].indexOf(PLACEHOLDER[key]) : -1;
      const column = at >= 0 ? [...lines[line].slice(0, at)].length + 1 : 1;
      out.push(
        diagnostic(
          'series/placeholder',
          'warning',
          { file: ctx.series.file, line: line + 1 || 1, column },
          key === 'series'
            ? {
                zh: `bulletin.yaml 的简报名称还是占位文字“${PLACEHOLDER.series}”，会印在报头上`,
                en: `the series title in bulletin.yaml is still the placeholder “${PLACEHOLDER.series}”, which the masthead would print`,
              }
            : {
                zh: `bulletin.yaml 的编印单位还是占位文字“${PLACEHOLDER.office}”，会印在报头上`,
                en: `the office in bulletin.yaml is still the placeholder “${PLACEHOLDER.office}”, which the masthead would print`,
              },
          { hint: { zh: `在 bulletin.yaml 中把 ${key} 改成本单位的名称`, en: `put your own name as ${key} in bulletin.yaml` } },
        ),
      );
    }
    return out;
  },
};
