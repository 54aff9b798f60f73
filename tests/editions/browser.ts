/**
 * One headless Chromium for a test file: @sparticuz/chromium's binary driven by puppeteer-core,
 * a fresh profile in a temp folder, and fonts injected through a private fontconfig file (the
 * npm-shipped Noto fonts by default), so pages render the same with or without system CJK fonts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import chromium from '@sparticuz/chromium';
import puppeteer, { type Browser } from 'puppeteer-core';

const require = createRequire(import.meta.url);

/** Folders of the Noto Serif SC and Noto Sans SC fonts that `npm ci` installs. */
export function npmFontDirs(): string[] {
  return ['@expo-google-fonts/noto-serif-sc', '@expo-google-fonts/noto-sans-sc'].map((p) => path.dirname(require.resolve(`${p}/package.json`)));
}

export interface TestBrowser {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchBrowser(fontDirs: string[] = npmFontDirs()): Promise<TestBrowser> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'bulletin-chromium-'));
  const conf = path.join(tmp, 'fonts.conf');
  writeFileSync(
    conf,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n${fontDirs.map((d) => `  <dir>${d}</dir>`).join('\n')}\n  <cachedir>${tmp}/fc-cache</cachedir>\n</fontconfig>\n`,
  );
  const executablePath = await chromium.executablePath();
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    env: { ...process.env, FONTCONFIG_FILE: conf, HOME: tmp },
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--allow-file-access-from-files',
      `--user-data-dir=${path.join(tmp, 'profile')}`,
    ],
  });
  return {
    browser,
    async close() {
      await browser.close().catch(() => {});
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
