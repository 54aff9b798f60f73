/** `bulletin rules`: every check rule with its default severity, whether it fixes, its source and what it finds. */
import { Option, type Command } from 'commander';
import { REGISTRY, rulesMarkdown, sourceText } from '../../check/index.js';
import { say, t, type Lang } from '../../i18n/index.js';
import type { CliContext } from '../shared.js';
import { displayWidth, padDisplay } from '../report.js';

export const RULES_MESSAGES = {
  desc: {
    zh: '列出全部检查规则：级别、出处、说明（可在 bulletin.yaml 的 checks 中调整）',
    en: 'list every check rule: severity, source, description (set them under checks: in bulletin.yaml)',
  },
  off: { zh: '关闭', en: 'off' },
  fixable: { zh: '可自动修正', en: 'fixable' },
  fixableAsWarning: { zh: '设为 warning 时可自动修正', en: 'fixable as a warning' },
  locked: { zh: '不可关闭', en: 'cannot be switched off' },
  count: {
    zh: '共 {n} 条规则；在 bulletin.yaml 中写 checks: {规则: off|hint|warning|error} 可调整',
    en: '{n} rules; set any of them with checks: {rule: off|hint|warning|error} in bulletin.yaml',
  },
} as const;

export function formatRules(lang: Lang): string {
  const rows = REGISTRY.map((m) => [
    m.id,
    t(lang, m.severity === 'hint' ? 'suggestion' : m.severity),
    sourceText(m, lang),
    m.description[lang] +
      [m.fixable ? (m.severity === 'hint' ? RULES_MESSAGES.fixableAsWarning : RULES_MESSAGES.fixable) : undefined, m.locked ? RULES_MESSAGES.locked : undefined]
        .filter((x) => x !== undefined)
        .map((x) => (lang === 'zh' ? `［${x.zh}］` : ` [${x.en}]`))
        .join(''),
  ]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => displayWidth(r[i]))));
  return (
    rows
      .map((r) =>
        r
          .map((x, i) => (i < 3 ? padDisplay(x, widths[i]) : x))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') +
    '\n' +
    say(lang, RULES_MESSAGES.count, { n: REGISTRY.length }) +
    '\n'
  );
}

export function rulesJson(lang: Lang): object[] {
  return REGISTRY.map((m) => ({
    id: m.id,
    severity: m.severity,
    fixable: m.fixable,
    locked: !!m.locked,
    stage: m.stage,
    source: sourceText(m, lang),
    description: m.description[lang],
  }));
}

export function registerRules(program: Command, ctx: CliContext): void {
  const { lang, io } = ctx;
  program
    .command('rules')
    .description(say(lang, RULES_MESSAGES.desc))
    .addOption(new Option('--format <format>', t(lang, 'formatOpt')).choices(['text', 'json', 'markdown']).default('text'))
    .addOption(ctx.langOption())
    .action((opts: { format: string }) => {
      io.out(opts.format === 'json' ? JSON.stringify(rulesJson(lang), null, 2) + '\n' : opts.format === 'markdown' ? rulesMarkdown() : formatRules(lang));
    });
}
