/**
 * The registry: every rule id any stage reports, with its default severity, whether it fixes, a
 * description in both languages and its source. `checks:` in bulletin.yaml is applied here, and
 * `bulletin rules` and docs/rules.md are made from it.
 */
import { closest, distance } from 'fastest-levenshtein';
import { reported, type Diagnostic, type Severity } from '../diagnostics/index.js';
import type { SeriesConfig } from '../model/index.js';
import type { RuleMeta } from './context.js';
import { REPORTED_ELSEWHERE } from './reported.js';
import { RULES } from './rules/index.js';

/** Every registered rule, check rules first (in their running order), then those the reader, model and layout report. */
export const REGISTRY: readonly RuleMeta[] = [...RULES.flatMap((r) => r.meta), ...REPORTED_ELSEWHERE];

const BY_ID = new Map(REGISTRY.map((m) => [m.id, m]));

export function ruleMeta(id: string): RuleMeta | undefined {
  return BY_ID.get(id);
}

/** The source of a rule in words: “GB/T 15834-2011 §4.5.3.5”, “house style”. */
export function sourceText(m: RuleMeta, lang: 'zh' | 'en'): string {
  if (m.source.standard === 'house style') return lang === 'zh' ? '本单位规范' : 'house style';
  const clause = m.source.clause;
  if (m.source.standard === '党政机关公文处理工作条例')
    return lang === 'zh' ? `《党政机关公文处理工作条例》${clause}` : `Regulations on Party and Government Official Documents, ${clause}`;
  return `${m.source.standard} ${/^\d/.test(clause) ? '§' : ''}${clause}`;
}

type Level = NonNullable<SeriesConfig['checks']>[number]['level'];

/** The levels bulletin.yaml sets, by id (only ids that exist and may be changed). */
function levels(series: SeriesConfig | undefined): Map<string, Level> {
  const out = new Map<string, Level>();
  for (const c of series?.checks ?? []) {
    const m = BY_ID.get(c.id);
    if (!m || (m.locked && c.level !== 'error')) continue;
    out.set(c.id, c.level);
  }
  return out;
}

/**
 * Diagnostics after `checks:`: a rule set off is dropped, one set to a level reports at it. A hint
 * carries no fix: what the source leaves to the author (通常, 一般, 宜) is not changed by
 * `bulletin fix` unless bulletin.yaml raises the rule to a warning or an error.
 */
export function applyChecks(ds: Diagnostic[], series: SeriesConfig | undefined): Diagnostic[] {
  const set = levels(series);
  const out: Diagnostic[] = [];
  for (const d of ds) {
    const level = set.get(d.rule);
    if (level === 'off') continue;
    const severity = (level as Severity | undefined) ?? d.severity;
    if (severity === 'hint' && d.fix) {
      const { fix: _dropped, ...rest } = d;
      out.push({ ...rest, severity });
    } else out.push(severity === d.severity ? d : { ...d, severity });
  }
  return out;
}

/** What is wrong with `checks:` itself: an id no rule has (with a did-you-mean), or an error that may not be let through. */
export function checksDiagnostics(series: SeriesConfig | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ids = REGISTRY.map((m) => m.id);
  for (const c of series?.checks ?? []) {
    const m = BY_ID.get(c.id);
    if (!m) {
      const near = closest(c.id, ids);
      const close = distance(c.id, near) <= Math.max(2, Math.floor(c.id.length / 3)) || near.split('/')[1] === c.id.split('/').pop();
      out.push(
        reported(
          'checks/unknown-rule',
          c.loc,
          { zh: `没有名为 \`${c.id}\` 的检查规则`, en: `there is no rule \`${c.id}\`` },
          {
            hint: close
              ? { zh: `是不是 \`${near}\`？（bulletin rules 列出全部规则）`, en: `did you mean \`${near}\`? (bulletin rules lists them all)` }
              : { zh: '运行 bulletin rules 查看全部规则', en: 'run bulletin rules to see every rule' },
          },
        ),
      );
    } else if (m.locked && c.level !== 'error') {
      out.push(
        reported(
          'checks/locked',
          c.loc,
          {
            zh: `\`${c.id}\` 不能设为 ${c.level}：出现这个问题时无法排出正确的简报`,
            en: `\`${c.id}\` cannot be set to ${c.level}: with this problem the bulletin cannot be printed right`,
          },
          { hint: { zh: '删去这一行，改正它所报告的问题', en: 'delete this line and correct what it reports' } },
        ),
      );
    }
  }
  return out;
}

/** The descriptions of the registry as a Markdown table (docs/rules.md is this, written by `npm run docs:rules`). */
export function rulesMarkdown(): string {
  const sev = (s: Severity) => s;
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [
    '# Check rules / 检查规则',
    '',
    '<!-- Generated from src/check/registry.ts by `npm run docs:rules`; do not edit by hand. -->',
    '',
    `${REGISTRY.length} rules. Set any of them in bulletin.yaml under \`checks:\` to \`off\`, \`hint\`, \`warning\` or \`error\`` +
      ' (rules marked 🔒 report problems the PDF cannot be made right with: they stay errors). `bulletin rules` lists them in your language.',
    '',
    'Severity follows the source: what a standard requires is an error or a warning; what it says is 一般/通常/可以/宜 done is a hint.' +
      ' A hint carries no fix: “as a warning” marks a rule whose fix `bulletin fix` applies once `checks:` sets it to `warning` or `error`.',
    '',
    '| id | severity | fix | source | 说明 | description |',
    '|---|---|---|---|---|---|',
  ];
  for (const m of REGISTRY)
    lines.push(
      `| \`${m.id}\`${m.locked ? ' 🔒' : ''} | ${sev(m.severity)} | ${m.fixable ? (m.severity === 'hint' ? 'as a warning' : 'yes') : ''} | ${esc(sourceText(m, 'en'))} | ${esc(m.description.zh)} | ${esc(m.description.en)} |`,
    );
  return lines.join('\n') + '\n';
}
