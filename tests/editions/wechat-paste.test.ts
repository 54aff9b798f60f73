/**
 * A WeChat file pasted into a rich-text editor, in a real headless Chromium: the file is opened,
 * everything selected and copied, and pasted into a contenteditable editor page by the browser's
 * own editing commands (the clipboard path a user's Ctrl+A, Ctrl+C, Ctrl+V takes). The editor does
 * to the pasted HTML what the official-account editor does (mp.weixin.qq.com itself cannot be
 * reached from a test): it drops <style>, <script>, <meta>, <link>, images and links, every class
 * and id, turns <div> into <section>, and unwraps any other tag it does not keep. Its own page
 * style (13 px, tight lines, left-aligned) differs from ours, so the typography that survives is
 * what the pasted inline styles carry.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listIssueDirs } from '../../src/archive/index.js';
import type { Issue } from '../../src/model/index.js';
import { prepareIssue } from '../../src/pipeline/index.js';
import { plainText } from '../../src/editions/html.js';
import { titleWordBreaks } from '../../src/layout/index.js';
import { cli, REPO } from '../batch/archive.js';
import { copyArchive } from '../helpers/tmp.js';
import { launchBrowser, type TestBrowser } from './browser.js';

/** The editor page: what a paste leaves after the cleaning the official-account editor does. */
const EDITOR = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>editor</title>
<style>body { font: 13px/1.2 sans-serif; text-align: left; color: #000; margin: 0; padding: 0 16px; } #editor { min-height: 200px; }</style></head>
<body><div id="editor" contenteditable="true"></div>
<script>
const KEEP = new Set(['SECTION', 'P', 'SPAN', 'STRONG', 'B', 'EM', 'BR']);
const DROP = 'style, script, meta, link, title, img, a, iframe, object';
const editor = document.getElementById('editor');
window.clipboardTypes = [];
editor.addEventListener('paste', (e) => {
  e.preventDefault();
  window.clipboardTypes = [...e.clipboardData.types];
  const doc = new DOMParser().parseFromString(e.clipboardData.getData('text/html'), 'text/html');
  doc.querySelectorAll(DROP).forEach((n) => n.remove());
  for (const el of [...doc.body.querySelectorAll('*')]) {
    for (const a of [...el.attributes]) if (a.name !== 'style') el.removeAttribute(a.name);
    if (el.tagName === 'DIV') {
      const s = doc.createElement('section');
      if (el.hasAttribute('style')) s.setAttribute('style', el.getAttribute('style'));
      s.append(...el.childNodes);
      el.replaceWith(s);
    } else if (!KEEP.has(el.tagName)) el.replaceWith(...el.childNodes);
  }
  editor.innerHTML = doc.body.innerHTML;
});
</script></body></html>`;

interface Para {
  text: string;
  align: string;
  indent: number;
  size: number;
  lineHeight: number;
  weight: number;
  color: string;
  strong: { text: string; weight: number }[];
}

/** Select all, copy, and paste into the editor with the browser's editing commands; the editor's paragraphs, as rendered. */
async function pasteInto(editor: Page, source: Page, file: string): Promise<{ paras: Para[]; types: string[]; tags: string[]; attrs: string[] }> {
  await source.goto(pathToFileURL(file).href);
  await source.bringToFront();
  await source.keyboard.down('Control');
  await source.keyboard.press('KeyA', { commands: ['selectAll'] });
  await source.keyboard.press('KeyC', { commands: ['copy'] });
  await source.keyboard.up('Control');
  await editor.bringToFront();
  await editor.evaluate(() => {
    document.getElementById('editor')!.innerHTML = '';
  });
  await editor.focus('#editor');
  await editor.keyboard.down('Control');
  await editor.keyboard.press('KeyV', { commands: ['paste'] });
  await editor.keyboard.up('Control');
  return editor.evaluate(() => {
    const root = document.getElementById('editor')!;
    const px = (v: string) => Number.parseFloat(v);
    const paras = [...root.querySelectorAll('p')].map((p) => {
      const s = getComputedStyle(p);
      return {
        text: p.textContent ?? '',
        align: s.textAlign,
        indent: px(s.textIndent),
        size: px(s.fontSize),
        lineHeight: px(s.lineHeight),
        weight: Number(s.fontWeight),
        color: s.color,
        strong: [...p.querySelectorAll('strong')].map((e) => ({ text: e.textContent ?? '', weight: Number(getComputedStyle(e).fontWeight) })),
      };
    });
    const all = [...root.querySelectorAll('*')];
    return {
      paras,
      types: (window as unknown as { clipboardTypes: string[] }).clipboardTypes,
      tags: [...new Set(all.map((e) => e.tagName.toLowerCase()))],
      attrs: [...new Set(all.flatMap((e) => [...e.attributes].map((a) => a.name)))],
    };
  });
}

/** The body paragraphs of an article as the reader sees them, with their bold leads. */
function blocksOf(issue: Issue, i: number) {
  const a = issue.articles[i];
  return [...a.note, ...a.blocks].map((b) => ({
    text: plainText(b),
    lead: b.runs.filter((r) => r.style === 'lead').map((r) => r.text),
    heading: 'kind' in b && b.kind === 'heading',
  }));
}

describe('a WeChat file pasted into a rich-text editor (Chromium clipboard)', () => {
  let root: string;
  let b: TestBrowser;
  let editor: Page;
  let source: Page;
  let issue: Issue;
  const dir = () => path.join(root, 'dist/wechat/2026-2');

  beforeAll(async () => {
    root = copyArchive(REPO);
    expect((await cli(['wechat', '2026/2'], root)).code).toBe(0);
    writeFileSync(path.join(root, 'editor.html'), EDITOR);
    issue = prepareIssue(root, listIssueDirs(root).find((d) => d.year === 2026 && d.number === 2)!).issue!;
    b = await launchBrowser();
    source = await b.browser.newPage();
    editor = await b.browser.newPage();
    await editor.goto(pathToFileURL(path.join(root, 'editor.html')).href);
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  /** Every paragraph of article `i` in the pasted paragraphs, set as the bulletin sets it. */
  function expectArticle(paras: Para[], i: number) {
    const a = issue.articles[i];
    const title = paras.find((p) => p.text === a.title);
    expect(title, a.title).toBeDefined();
    expect(title!.align).toBe('center');
    expect(title!.weight).toBeGreaterThanOrEqual(700);
    expect(title!.size).toBe(21);
    for (const block of blocksOf(issue, i)) {
      const p = paras.find((x) => x.text === block.text || x.text === `编者按：${block.text}`);
      expect(p, block.text.slice(0, 20)).toBeDefined();
      expect(p!.align, block.text.slice(0, 20)).toBe('justify');
      expect(p!.indent, block.text.slice(0, 20)).toBe(32);
      expect(p!.size).toBe(16);
      expect(p!.lineHeight).toBe(28);
      if (!block.heading) expect(p!.weight).toBe(400);
      for (const lead of block.lead) {
        const s = p!.strong.find((x) => x.text === lead);
        expect(s, lead).toBeDefined();
        expect(s!.weight).toBeGreaterThanOrEqual(700);
      }
    }
    const attribution = paras.find((p) => p.text === `（供稿单位：${a.sources.join('、')}）`);
    expect(attribution, a.sources.join('、')).toBeDefined();
    expect(attribution!.align).toBe('right');
    expect(attribution!.size).toBe(16);
  }

  it('an article keeps its centred bold title, 2-em indents, justified text, bold leads, right-aligned attribution, 16 px on 28 px lines', async () => {
    const pasted = await pasteInto(editor, source, path.join(dir(), '02-lianjian.html'));
    // The browser put HTML on the clipboard, and the editor kept only what the account's editor keeps.
    expect(pasted.types).toContain('text/html');
    expect(pasted.attrs).toEqual(['style']);
    for (const t of pasted.tags) expect(['section', 'p', 'span', 'strong', 'b', 'em', 'br']).toContain(t);
    expectArticle(pasted.paras, 1);
    // The article has leads, so the check above saw bold runs inside regular paragraphs.
    expect(blocksOf(issue, 1).filter((x) => x.lead.length).length).toBeGreaterThan(2);
  }, 60_000);

  it('at 375 px no title line ends inside a word: a long title carries its own <br> between words', async () => {
    // The editor keeps 16 px each side, as the account's article page does: a 343 px column.
    await editor.setViewport({ width: 375, height: 800 });
    await pasteInto(editor, source, path.join(dir(), 'issue.html'));
    const lines = await editor.evaluate(() =>
      [...document.querySelectorAll('#editor p')]
        .filter((p) => getComputedStyle(p).fontSize === '21px')
        .map((p) => {
          // The rendered lines: a new line starts where a character's top moves down.
          const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
          const out: string[] = [];
          let top = Number.NEGATIVE_INFINITY;
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const chars = [...(n.textContent ?? '')];
            let offset = 0;
            for (const ch of chars) {
              const r = document.createRange();
              r.setStart(n, offset);
              r.setEnd(n, offset + ch.length);
              const y = r.getBoundingClientRect().top;
              if (y > top + 5) out.push('');
              top = Math.max(top, y);
              out[out.length - 1] += ch;
              offset += ch.length;
            }
          }
          return { lines: out, right: Math.max(...[...p.querySelectorAll('strong')].map((s) => s.getBoundingClientRect().right)) };
        }),
    );
    const wrapped = lines.filter((t) => t.lines.length > 1);
    // 荷塘区党建引领网格化治理推动城市基层治理提质增效 and two more do not fit one phone line.
    expect(wrapped.length).toBeGreaterThanOrEqual(3);
    const letter = /[\p{L}\p{N}]/u;
    for (const t of lines) {
      const title = t.lines.join('');
      expect(
        issue.articles.some((a) => a.title === title),
        title,
      ).toBe(true);
      const allowed = new Set(titleWordBreaks(title));
      let at = 0;
      for (const l of t.lines.slice(0, -1)) {
        at += [...l].length;
        const [a, b] = [[...title][at - 1], [...title][at]];
        // Between two letters or ideographs a line may end only where a word ends.
        if (letter.test(a) && letter.test(b)) expect(allowed.has(at), `${t.lines.join(' / ')}`).toBe(true);
      }
      expect(t.right).toBeLessThanOrEqual(375 - 16 + 0.5);
    }
    await editor.setViewport({ width: 800, height: 600 });
  }, 60_000);

  it('the whole issue keeps the red centred masthead and every article', async () => {
    const pasted = await pasteInto(editor, source, path.join(dir(), 'issue.html'));
    const name = pasted.paras.find((p) => p.text === '株洲组织工作信息')!;
    expect(name.align).toBe('center');
    expect(name.weight).toBeGreaterThanOrEqual(700);
    const [r, g, bl] = name.color.match(/\d+/g)!.map(Number);
    expect(r).toBeGreaterThan(180);
    expect(g + bl).toBeLessThan(80);
    expect(pasted.paras.some((p) => p.text === '第2期（总第142期）' && p.align === 'center')).toBe(true);
    issue.articles.forEach((_, i) => expectArticle(pasted.paras, i));
  }, 60_000);
});
