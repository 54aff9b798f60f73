/**
 * commander prints its own help titles and usage errors in English; for Chinese-speaking users
 * translate them (the words we pass in ourselves are already localised).
 */
import type { Command, Option } from 'commander';
import type { Lang } from '../i18n/index.js';

const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Arguments:': '参数：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Global Options:': '全局选项：',
};

const ERRORS: [RegExp, string][] = [
  [/^error: unknown command '([^']*)'/, '错误：没有“$1”这个命令'],
  [/^error: unknown option '([^']*)'/, '错误：没有“$1”这个选项'],
  [/^error: missing required argument '([^']*)'/, '错误：缺少参数“$1”'],
  [/^error: option '([^']*)' argument missing/, '错误：选项“$1”缺少取值'],
  [/^error: too many arguments.*/, '错误：参数太多'],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\./, '错误：选项“$1”的取值“$2”无效，可选：$3'],
  [/\(Did you mean ([^)]*)\?\)/, '（是不是 $1？）'],
  [/^\(add --help for additional information\)/, '（加 --help 查看说明）'],
];

export function translateError(text: string): string {
  return text
    .split('\n')
    .map((line) => ERRORS.reduce((s, [re, to]) => s.replace(re, to), line))
    .join('\n');
}

/** An option's help text with commander's (choices: "zh", "en", default: "text") said in Chinese. */
function optionDescription(option: Option): string {
  const extra: string[] = [];
  if (option.argChoices) extra.push(`可选：${option.argChoices.join('、')}`);
  if (option.defaultValue !== undefined && !option.negate) extra.push(`默认：${option.defaultValueDescription ?? String(option.defaultValue)}`);
  return extra.length ? `${option.description}（${extra.join('；')}）` : option.description;
}

/** Localise help titles, the built-in help/version option texts and usage errors of a command tree. */
export function localiseCommander(program: Command, lang: Lang, err: (s: string) => void): void {
  if (lang !== 'zh') return;
  const apply = (cmd: Command) => {
    cmd.configureHelp({ styleTitle: (s: string) => TITLES[s] ?? s, optionDescription });
    cmd.helpOption('-h, --help', '显示帮助');
    cmd.configureOutput({ outputError: (s, write) => write(translateError(s)) });
    void err;
    for (const sub of cmd.commands) apply(sub);
  };
  program.helpCommand('help [command]', '显示某个命令的帮助');
  apply(program);
}
