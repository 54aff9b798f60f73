/**
 * How a batch shows its progress: an ora spinner on a terminal (the issues being built, n of N,
 * elapsed time), one plain line per issue otherwise; then a summary of what was built, skipped
 * and failed, with the reason for each failure.
 */
import path from 'node:path';
import type { ChalkInstance } from 'chalk';
import type { IssueDir } from '../archive/index.js';
import { visible, type Diagnostic } from '../diagnostics/index.js';
import { pick, say, t, type Lang } from '../i18n/index.js';
import { compressRefs, issueKey, type BatchItem, type BatchReporter, type BatchSummary } from './index.js';

export interface ReporterContext {
  lang: Lang;
  c: ChalkInstance;
  out: (s: string) => void;
  err: (s: string) => void;
  cwd: string;
  root: string;
  /** Print the diagnostics of a failed issue (formatted like `check`). */
  printDiagnostics?: (ds: Diagnostic[]) => void;
}

/** Sentences about warnings of built issues (errors are reported by the failure lines). */
export const WARNING_MESSAGES = {
  itemWarnings: { zh: '；{n} 个警告（运行 bulletin check {issue} 查看）', en: '; {n} warning(s) (bulletin check {issue} lists them)' },
  summaryWarnings: { zh: '有警告：{list}（运行 bulletin check <期号> 查看）', en: 'with warnings: {list} (bulletin check <issue> lists them)' },
} as const;

/** Warnings of a finished issue. */
export function warningCount(item: BatchItem): number {
  return item.result?.diagnostics.filter((d) => d.severity === 'warning').length ?? 0;
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

export function displayPath(cwd: string, file: string): string {
  return path.relative(cwd, file) || file;
}

/** Why an issue failed, in one line: the first error's place and message, or the internal error. */
export function failureReason(item: BatchItem, lang: Lang): string {
  const r = item.result;
  if (!r) return '';
  if (r.internal) return t(lang, 'failInternal', { msg: visible(r.internal.split('\n')[0]) });
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (!errors.length) return t(lang, 'failNoDetail');
  const e = errors[0];
  const more = errors.length > 1 ? t(lang, 'failMore', { n: errors.length - 1 }) : '';
  return `${visible(e.loc.file, false)}:${e.loc.line}:${e.loc.column} ${visible(pick(lang, e.message), false)}${more}`;
}

/** Plain lines, one per finished issue: for logs, CI and pipes. */
export class LineReporter implements BatchReporter {
  protected total = 0;
  protected n = 0;

  constructor(protected readonly ctx: ReporterContext) {}

  start(total: number, _toBuild = total): void {
    this.total = total;
    this.n = 0;
  }

  begin(_where: IssueDir): void {}

  end(item: BatchItem): void {
    this.n++;
    const line = this.line(item);
    if (item.status === 'failed') {
      if (item.result?.diagnostics.length) this.ctx.printDiagnostics?.(item.result.diagnostics.filter((d) => d.severity === 'error'));
      this.ctx.err(line + '\n');
    } else this.ctx.err(line + '\n');
  }

  protected line(item: BatchItem): string {
    const { lang, c } = this.ctx;
    const vars = { n: this.n, total: this.total, issue: issueKey(item.where) };
    if (item.status === 'skipped') return c.dim(t(lang, 'batchItemSkipped', vars));
    const r = item.result!;
    if (item.status === 'built') {
      const w = warningCount(item);
      const built = t(lang, 'batchItemBuilt', {
        ...vars,
        file: visible(displayPath(this.ctx.cwd, r.output!), false),
        pages: r.pages,
        kb: Math.round(r.bytes / 1024),
        ms: Math.round(r.ms),
      });
      return c.green('✓ ') + built + (w ? c.yellow(say(lang, WARNING_MESSAGES.itemWarnings, { n: w, issue: vars.issue })) : '');
    }
    return c.red('✗ ') + t(lang, 'batchItemFailed', { ...vars, reason: failureReason(item, lang) });
  }

  stop(): void {}
}

interface Spinner {
  text: string;
  start(): Spinner;
  stop(): Spinner;
  clear(): Spinner;
  render(): Spinner;
}

/** An ora spinner on a terminal; finished issues other than skipped ones are printed above it. */
export class SpinnerReporter extends LineReporter {
  private spinner?: Spinner;
  private readonly running = new Set<string>();
  private t0 = 0;
  private timer?: NodeJS.Timeout;

  constructor(
    ctx: ReporterContext,
    private readonly stream: NodeJS.WriteStream,
    private readonly oraFactory: (o: object) => Spinner,
  ) {
    super(ctx);
  }

  static async create(ctx: ReporterContext, stream: NodeJS.WriteStream = process.stderr): Promise<SpinnerReporter> {
    const { default: ora } = await import('ora');
    return new SpinnerReporter(ctx, stream, (o) => ora(o) as unknown as Spinner);
  }

  override start(total: number, toBuild: number): void {
    super.start(total, toBuild);
    this.t0 = performance.now();
    if (!toBuild) return;
    this.spinner = this.oraFactory({ stream: this.stream, isEnabled: true, discardStdin: false, text: this.text() }).start();
    this.timer = setInterval(() => this.refresh(), 100);
    this.timer.unref();
  }

  override begin(where: IssueDir): void {
    this.running.add(issueKey(where));
    this.refresh();
  }

  override end(item: BatchItem): void {
    this.n++;
    this.running.delete(issueKey(item.where));
    if (item.status === 'failed') {
      this.spinner?.clear();
      if (item.result?.diagnostics.length) this.ctx.printDiagnostics?.(item.result.diagnostics.filter((d) => d.severity === 'error'));
      this.ctx.err(this.line(item) + '\n');
      this.spinner?.render();
    }
    this.refresh();
  }

  private text(): string {
    return t(this.ctx.lang, 'batchProgress', {
      issues: [...this.running].join(this.ctx.lang === 'zh' ? '、' : ', ') || '…',
      n: Math.min(this.n + 1, this.total),
      total: this.total,
      s: seconds(performance.now() - this.t0),
    });
  }

  private refresh(): void {
    if (this.spinner) this.spinner.text = this.text();
  }

  override stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.spinner?.stop();
    this.spinner = undefined;
  }
}

/** The closing summary: counts, the lists of built and skipped issues, and each failure with its reason. */
export function formatSummary(s: BatchSummary, lang: Lang, c: ChalkInstance): string {
  const built = s.items.filter((i) => i.status === 'built');
  const skipped = s.items.filter((i) => i.status === 'skipped');
  const failed = s.items.filter((i) => i.status === 'failed');
  // The thread count only when the work was shared: one thread is the plain case.
  const threads = s.threads > 1 ? t(lang, 'batchThreads', { n: s.threads }) : '';
  const lines = [
    t(lang, 'batchSummary', { total: s.items.length, built: built.length, skipped: skipped.length, failed: failed.length, s: seconds(s.ms) }) + threads,
  ];
  if (built.length) lines.push('  ' + c.green(t(lang, 'batchBuiltList', { list: compressRefs(built.map((i) => i.where)) })));
  if (skipped.length) lines.push('  ' + c.dim(t(lang, 'batchSkippedList', { list: compressRefs(skipped.map((i) => i.where)) })));
  const warned = built.filter((i) => warningCount(i) > 0);
  if (warned.length)
    lines.push(
      '  ' +
        c.yellow(
          say(lang, WARNING_MESSAGES.summaryWarnings, {
            list: warned.map((i) => `${issueKey(i.where)} (${warningCount(i)})`).join(lang === 'zh' ? '、' : ', '),
          }),
        ),
    );
  if (failed.length) {
    lines.push('  ' + c.red(t(lang, 'batchFailedHead')));
    for (const f of failed) lines.push(`    ${c.red(issueKey(f.where))}  ${failureReason(f, lang)}`);
  }
  return lines.join('\n') + '\n';
}
