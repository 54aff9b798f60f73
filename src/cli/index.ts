/**
 * The command line: parse arguments, call the library, print. No layout or checking here;
 * each command lives in its own module under commands/.
 */
import { Command, CommanderError, Option } from 'commander';
import { VERSION } from '../pipeline/index.js';
import { visible } from '../diagnostics/index.js';
import { detectLang, t } from '../i18n/index.js';
import { describeFault } from '../i18n/faults.js';
import { WriteFault } from '../archive/index.js';
import path from 'node:path';
import { registerBuild } from './commands/build.js';
import { registerCheck } from './commands/check.js';
import { registerFonts } from './commands/fonts.js';
import { registerFix } from './commands/fix.js';
import { registerInit } from './commands/init.js';
import { registerImport } from './commands/import.js';
import { registerList } from './commands/list.js';
import { registerNew } from './commands/new.js';
import { registerRules } from './commands/rules.js';
import { registerWeb } from './commands/web.js';
import { registerWechat } from './commands/wechat.js';
import { registerImage } from './commands/image.js';
import { localiseCommander } from './commander-zh.js';
import { ExitError, makeChalk, type CliContext, type Io } from './shared.js';

export { ExitError, type Io } from './shared.js';

/**
 * The last guard before the terminal: every text the CLI prints has input made visible where it
 * was formatted (report.ts); here any control character that slipped through is escaped too,
 * except the colour codes (ESC[…m) chalk writes.
 */
const STRAY_CONTROL = /\x1b(?!\[[0-9;]*m)|[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f-\x9f]/g;
export function terminalSafe(s: string): string {
  return s.replace(STRAY_CONTROL, (ch) => visible(ch, false));
}

export async function run(argv: string[], rawIo: Io): Promise<number> {
  const io: Io = { ...rawIo, out: (s) => rawIo.out(terminalSafe(s)), err: (s) => rawIo.err(terminalSafe(s)) };
  const lang = detectLang(argv, io.env);
  let code = 0;
  const ctx: CliContext = {
    io,
    lang,
    c: makeChalk(io),
    fail: (n) => (code = Math.max(code, n)),
    langOption: () => new Option('--lang <lang>', t(lang, 'langOpt')).choices(['zh', 'en']),
  };
  const program = new Command('bulletin');
  program
    .description(t(lang, 'description'))
    .version(VERSION, '-V, --version', lang === 'zh' ? '显示版本号' : 'output the version number')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .addOption(ctx.langOption())
    // After a usage error one line says where the help is: the whole help page would bury the
    // did-you-mean of a newcomer's typo under two screens of text.
    .showHelpAfterError(t(lang, 'helpAfterError', { cmd: 'bulletin' }));
  registerInit(program, ctx);
  registerBuild(program, ctx);
  registerCheck(program, ctx);
  registerFonts(program, ctx);
  registerFix(program, ctx);
  registerNew(program, ctx);
  registerList(program, ctx);
  registerWeb(program, ctx);
  registerWechat(program, ctx);
  registerImage(program, ctx);
  registerImport(program, ctx);
  registerRules(program, ctx);
  for (const cmd of program.commands)
    cmd
      .exitOverride()
      .configureOutput({ writeOut: io.out, writeErr: io.err })
      .showHelpAfterError(t(lang, 'helpAfterError', { cmd: `bulletin ${cmd.name()}` }));
  localiseCommander(program, lang, io.err);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    if (e instanceof ExitError) {
      io.err(ctx.c.red(visible(e.message)) + '\n');
      return e.code;
    }
    // A full disk, a read-only folder, a file that vanished: one line in our words, exit 1.
    const fault = faultLine(e, io.cwd);
    if (fault) {
      io.err(ctx.c.red(fault[lang]) + '\n');
      return 1;
    }
    io.err(`${t(lang, 'internal')} ${(e as Error).stack ?? e}\n`);
    return 1;
  }
}

/** An OS or known library error in the user's words, naming the file relative to where they are. */
function faultLine(e: unknown, cwd: string) {
  const err = e as { file?: string; path?: string };
  const file = err?.file ?? err?.path;
  const shown = typeof file === 'string' && path.isAbsolute(file) ? path.relative(cwd, file) || file : file;
  return describeFault(e, e instanceof WriteFault ? 'write' : 'read', shown);
}

export async function main(): Promise<void> {
  // `bulletin list | head` closes the pipe early: stop quietly rather than with a stack trace.
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  const code = await run(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    env: process.env,
    isTTY: !!process.stderr.isTTY,
    prompt: process.stdin.isTTY && process.stderr.isTTY ? askOnTerminal : undefined,
  });
  process.exitCode = code;
}

/** One question on the terminal (stdin, stderr); an empty answer when the input ends (Ctrl+D), a stop on Ctrl+C. */
async function askOnTerminal(question: string): Promise<string> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await new Promise<string>((resolve, reject) => {
      rl.once('SIGINT', () => reject(new ExitError(1, detectLang() === 'zh' ? '已取消' : 'cancelled')));
      rl.once('close', () => resolve(''));
      rl.question(question).then(resolve, () => resolve(''));
    });
  } finally {
    rl.close();
  }
}
