/**
 * The web edition of the sample archive in a real headless Chromium, at a 375 px phone and a
 * 1280 px desktop: no horizontal overflow, no console error, no request leaving the site, every
 * paragraph present, leads bold, 上一篇/下一篇 walking the whole archive, axe-core clean of serious
 * and critical violations. One browser for the whole file.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listIssueDirs } from '../../src/archive/index.js';
import { prepareIssue } from '../../src/pipeline/index.js';
import { plainText } from '../../src/editions/html.js';
import { articleSlug } from '../../src/editions/web/index.js';
import { titleWordBreaks } from '../../src/layout/index.js';
import { cli, REPO } from '../batch/archive.js';
import { copyArchive } from '../helpers/tmp.js';
import { launchBrowser, type TestBrowser } from './browser.js';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WIDTHS = [375, 1280];

interface ArticleFacts {
  rel: string;
  title: string;
  paragraphs: string[];
  leads: string[];
}

describe('the web edition in Chromium', () => {
  let root: string;
  let site: string;
  let b: TestBrowser;
  let pages: string[];
  const articles: ArticleFacts[] = [];

  beforeAll(async () => {
    root = copyArchive(REPO);
    expect((await cli(['build', '2026/2'], root)).code).toBe(0);
    expect((await cli(['web', '--all'], root)).code).toBe(0);
    site = path.join(root, 'dist/web');
    for (const where of listIssueDirs(root)) {
      const issue = prepareIssue(root, where).issue!;
      issue.articles.forEach((a, i) =>
        articles.push({
          rel: `${where.year}/${where.number}/${articleSlug(a, i)}.html`,
          title: a.title,
          paragraphs: [...a.note, ...a.blocks].map(plainText),
          leads: a.blocks.flatMap((bl) => bl.runs.filter((r) => r.style === 'lead').map((r) => r.text)),
        }),
      );
    }
    pages = ['index.html', '2026/1/index.html', '2026/2/index.html', ...articles.map((a) => a.rel)];
    b = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  /** Open a page with request interception: only files of the site may load. */
  async function open(page: Page, rel: string, width: number) {
    const outside: string[] = [];
    const errors: string[] = [];
    const siteUrl = pathToFileURL(site).href + '/';
    page.removeAllListeners('request');
    page.removeAllListeners('console');
    page.removeAllListeners('pageerror');
    page.on('request', (req) => {
      if (req.url().startsWith(siteUrl) && existsSync(new URL(req.url()))) void req.continue();
      else {
        outside.push(req.url());
        void req.abort();
      }
    });
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setViewport({ width, height: 800 });
    await page.goto(siteUrl + rel, { waitUntil: 'load' });
    return { outside, errors };
  }

  it('every page fits a phone and a desktop, asks for nothing outside the site and logs no error', async () => {
    const page = await b.browser.newPage();
    await page.setRequestInterception(true);
    for (const width of WIDTHS)
      for (const rel of pages) {
        const { outside, errors } = await open(page, rel, width);
        const fit = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        expect(fit.scroll, `${rel} at ${width}px`).toBeLessThanOrEqual(fit.client);
        expect(outside, rel).toEqual([]);
        expect(errors, rel).toEqual([]);
        expect(await page.evaluate(() => [document.documentElement.lang, document.title.length > 0, !!document.querySelector('link[rel=stylesheet]')])).toEqual(
          ['zh-CN', true, true],
        );
        // The stylesheet loaded: a paragraph of an article is justified and indented two characters.
        if (rel !== 'index.html' && !rel.endsWith('/index.html')) {
          const p = await page.evaluate(() => {
            const s = getComputedStyle(document.querySelector('article p:not(.byline):not(.attribution)')!);
            return { align: s.textAlign, indent: parseFloat(s.textIndent) / parseFloat(s.fontSize), lineBreak: s.getPropertyValue('line-break') };
          });
          expect(p).toEqual({ align: 'justify', indent: 2, lineBreak: 'strict' });
        }
      }
    await page.close();
  }, 120_000);

  it('on a 375 px phone, wraps titles (article, lists, 上一篇/下一篇) only between words or at punctuation, and attributions between units', async () => {
    const page = await b.browser.newPage();
    await page.setRequestInterception(true);
    let wrapped = 0;
    const checks: [string, string[]][] = [
      ['index.html', ['.titles a']],
      ['2026/2/index.html', ['.toc a']],
      ...articles.map((a): [string, string[]] => [a.rel, ['h1.title', 'p.attribution', '.pager a']]),
    ];
    for (const [rel, selectors] of checks) {
      await open(page, rel, 375);
      for (const sel of selectors) {
        // For each element, the characters that start a line after its first, found from where each character is drawn.
        const wraps = await page.evaluate((selector) => {
          const out: [string, string][] = [];
          for (const el of document.querySelectorAll(selector)) {
            const node = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            const chars: { ch: string; top: number }[] = [];
            for (let n = node.nextNode(); n; n = node.nextNode()) {
              // The pager's label (上一篇) is a block of its own: only the title after it counts.
              if (n.parentElement?.classList.contains('pager-label')) continue;
              for (let i = 0; i < (n.textContent ?? '').length; i++) {
                const r = document.createRange();
                r.setStart(n, i);
                r.setEnd(n, i + 1);
                chars.push({ ch: n.textContent![i], top: Math.round(r.getBoundingClientRect().top) });
              }
            }
            const text = chars.map((c) => c.ch).join('');
            for (let i = 1; i < chars.length; i++) if (chars[i].top > chars[i - 1].top + 4) out.push([text.slice(0, i), text.slice(i)]);
          }
          return out;
        }, sel);
        for (const [before, after] of wraps) {
          wrapped++;
          const punctuation = /[、，：；。）”’》\]]$/.test(before) || /^[（“‘《]/.test(after);
          const between = sel !== 'p.attribution' && titleWordBreaks(before + after).includes([...before].length);
          expect(between || punctuation, `${rel} ${sel}: ${before} | ${after}`).toBe(true);
        }
      }
    }
    // The sample's long titles and joint attribution do wrap at this width.
    expect(wrapped).toBeGreaterThan(10);
    await page.close();
  }, 120_000);

  it('shows every paragraph of every article, with the leads in bold and the rest regular', async () => {
    const page = await b.browser.newPage();
    await page.setRequestInterception(true);
    for (const a of articles) {
      await open(page, a.rel, 375);
      const text = await page.evaluate(() => (document.querySelector('article') as HTMLElement).innerText.replace(/\s+/g, ''));
      for (const p of a.paragraphs) expect(text, a.rel).toContain(p.replace(/\s+/g, ''));
      const leads = await page.evaluate(() =>
        [...document.querySelectorAll('article strong.lead')].map((e) => ({ text: e.textContent, weight: Number(getComputedStyle(e).fontWeight) })),
      );
      expect(leads.map((l) => l.text)).toEqual(a.leads);
      for (const l of leads) expect(l.weight, l.text ?? '').toBeGreaterThanOrEqual(700);
      const plain = await page.evaluate(() => Number(getComputedStyle(document.querySelector('article p:not(.byline)')!).fontWeight));
      expect(plain).toBe(400);
    }
    await page.close();
  }, 120_000);

  it('walks from the first article to the last with 下一篇 and back with 上一篇; every link on every page resolves', async () => {
    const page = await b.browser.newPage();
    await page.setRequestInterception(true);
    await open(page, articles[0].rel, 1280);
    const seen: string[] = [];
    for (;;) {
      seen.push(await page.evaluate(() => document.querySelector('h1')!.textContent!));
      const next = await page.$('a[rel=next]');
      if (!next) break;
      expect(await page.evaluate((e) => e.textContent, next)).toMatch(/^下一篇/);
      await Promise.all([page.waitForNavigation(), next.click()]);
    }
    expect(seen).toEqual(articles.map((a) => a.title));
    const back: string[] = [];
    for (;;) {
      back.push(await page.evaluate(() => document.querySelector('h1')!.textContent!));
      const prev = await page.$('a[rel=prev]');
      if (!prev) break;
      await Promise.all([page.waitForNavigation(), prev.click()]);
    }
    expect(back).toEqual([...seen].reverse());
    for (const rel of pages) {
      await open(page, rel, 1280);
      const links = await page.evaluate(() => [...document.querySelectorAll('a')].map((a) => ({ href: a.href, text: a.textContent!.trim() })));
      for (const l of links) {
        expect(l.text.length, `${rel} ${l.href}`).toBeGreaterThan(0);
        expect(existsSync(new URL(l.href)), `${rel} → ${l.href}`).toBe(true);
      }
    }
    expect(await page.evaluate(() => 0)).toBe(0);
    await open(page, '2026/2/index.html', 1280);
    expect(await page.$eval('.pdf a', (a) => (a as HTMLAnchorElement).href)).toMatch(/2026\/2\/2026-2\.pdf$/);
    await page.close();
  }, 120_000);

  it('the WeChat files render as set: nothing wider than a phone, bold leads, centred title, attribution at the right', async () => {
    expect((await cli(['wechat', '2026/2', '-o', 'wx'], root)).code).toBe(0);
    const page = await b.browser.newPage();
    await page.setViewport({ width: 375, height: 800 });
    const where = listIssueDirs(root).find((d) => d.number === 2)!;
    const issue = prepareIssue(root, where).issue!;
    for (const [i, a] of issue.articles.entries()) {
      await page.goto(pathToFileURL(path.join(root, 'wx', `${articleSlug(a, i)}.html`)).href);
      const r = await page.evaluate(() => {
        const ps = [...document.querySelectorAll('section > p')];
        const style = (e: Element) => getComputedStyle(e);
        return {
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          title: { text: ps[0].textContent, align: style(ps[0]).textAlign },
          attribution: { text: ps[ps.length - 1].textContent, align: style(ps[ps.length - 1]).textAlign },
          leads: ps
            .slice(1)
            .flatMap((p) => [...p.querySelectorAll('strong')])
            .map((e) => ({ text: e.textContent, weight: Number(style(e).fontWeight) })),
          indents: ps.slice(1, -1).map((p) => parseFloat(style(p).textIndent) / parseFloat(style(p).fontSize)),
          text: document.body.innerText.replace(/\s+/g, ''),
        };
      });
      expect(r.overflow).toBeLessThanOrEqual(0);
      expect(r.title).toEqual({ text: a.title, align: 'center' });
      expect(r.attribution).toEqual({ text: `（供稿单位：${a.sources.join('、')}）`, align: 'right' });
      const leads = a.blocks.flatMap((bl) =>
        bl.kind === 'heading' ? [bl.runs.map((x) => x.text).join('')] : bl.runs.filter((x) => x.style === 'lead').map((x) => x.text),
      );
      expect(r.leads.map((l) => l.text)).toEqual([...(a.note.length ? ['编者按：'] : []), ...leads]);
      for (const l of r.leads) expect(l.weight).toBeGreaterThanOrEqual(700);
      for (const n of r.indents) expect(n).toBe(2);
      for (const bl of [...a.note, ...a.blocks]) expect(r.text).toContain(plainText(bl).replace(/\s+/g, ''));
    }
    await page.close();
  }, 120_000);

  it('axe-core finds no serious or critical violation at either width', async () => {
    const page = await b.browser.newPage();
    await page.setRequestInterception(true);
    for (const width of WIDTHS)
      for (const rel of pages) {
        await open(page, rel, width);
        await page.evaluate(AXE);
        const violations = await page.evaluate(async () => {
          // @ts-expect-error axe is injected above
          const r = await window.axe.run(document, { resultTypes: ['violations'] });
          return r.violations.map((v: { id: string; impact: string; nodes: unknown[] }) => ({ id: v.id, impact: v.impact, n: v.nodes.length }));
        });
        expect(
          violations.filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical'),
          `${rel} at ${width}px`,
        ).toEqual([]);
      }
    await page.close();
  }, 180_000);
});
