/** Start-up of bin/bulletin.js: the V8 flag set per command line (scripts/v8flags.mjs), and --version. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/pipeline/index.js';
import { REPO } from '../batch/archive.js';

type FlagSet = { name: string; v8: string } | undefined;
const { v8FlagSet } = (await import(pathToFileURL(path.join(REPO, 'scripts/v8flags.mjs')).href)) as { v8FlagSet(args: string[]): FlagSet };

describe('V8 flags per command', () => {
  it('turn the optimizing compiler off for a one-off run', () => {
    for (const args of [
      ['build', '2026/1'],
      ['build', '22', '-o', 'x.pdf'],
      ['check', '22'],
      ['fonts', '2026/2'],
      ['list'],
      ['new'],
      ['--version'],
      ['fix', '2026-1'],
    ])
      expect(v8FlagSet(args), args.join(' ')).toEqual({ name: 'once', v8: '--no-opt' });
  });

  it("keep V8's defaults for batches and watch sessions", () => {
    for (const args of [
      ['build', '--all'],
      ['build', '2017'],
      ['build', '2017/15..22'],
      ['build', '15..22', '--jobs', '2'],
      ['check', '--all'],
      ['build', '22', '--watch'],
      ['build', '22', '-w'],
    ])
      expect(v8FlagSet(args), args.join(' ')).toBeUndefined();
  });
});

describe('bulletin --version', () => {
  it('answers without the bundle, with the version the CLI reports', () => {
    for (const flag of ['--version', '-V'])
      expect(execFileSync(process.execPath, [path.join(REPO, 'bin/bulletin.js'), flag], { encoding: 'utf8' })).toBe(`${VERSION}\n`);
  });
});
