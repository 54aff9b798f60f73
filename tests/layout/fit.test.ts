/**
 * Every fixed-width element is printed whole or the build stops: masthead name, issue number,
 * office and date, titles, headings, end-block entries, 共印N份, page numbers (layout/does-not-fit).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listIssueDirs } from '../../src/archive/index.js';
import { layoutPrepared, prepareIssue, type Prepared } from '../../src/pipeline/index.js';
import { lineText, type PageItem, type RuleBox, type TextLine } from '../../src/layout/index.js';
import { brief, check } from '../check/helpers.js';
import { REPO } from '../helpers/archive.js';
import { copyArchive } from '../helpers/tmp.js';

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A copy of the sample archive with bulletin.yaml edited. */
function archive(edit: (yaml: string) => string = (y) => y): string {
  const dir = copyArchive(REPO);
  made.push(dir);
  const file = path.join(dir, 'bulletin.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return dir;
}

function layout(root: string, number = 2, edit: (p: Prepared) => void = () => {}) {
  const where = listIssueDirs(root).find((d) => d.number === number)!;
  const p = prepareIssue(root, where) as Prepared;
  expect(p.issue, JSON.stringify(p.diagnostics)).toBeTruthy();
  edit(p);
  const laid = layoutPrepared(root, p);
  return { ...laid, texts: (page = 0) => laid.layout!.pages[page].items.filter((i): i is TextLine => i.kind === 'text') };
}

const setSeries = (name: string) => (y: string) => y.replace(/^series: .*$/m, `series: ${name}`);
const setOffice = (name: string) => (y: string) => y.replace(/^office: .*$/m, `office: ${name}`);

/** Every text line of every page lies inside the text block horizontally. */
function insideTextBlock(items: PageItem[], left: number, right: number) {
  for (const i of items) {
    if (i.kind !== 'text') continue;
    expect(i.x, lineText(i)).toBeGreaterThanOrEqual(left - 0.01);
    expect(i.x + i.width, lineText(i)).toBeLessThanOrEqual(right + 0.01);
    // Ink may overhang by the grid's 0.21 pt tracking (16 pt glyphs on a 15.79 pt pitch), never more.
    for (const g of i.glyphs)
      expect(g.x + g.size * (g.advance ?? g.face.advance(g.text.codePointAt(0)!)) * g.scaleX, lineText(i)).toBeLessThanOrEqual(right + 0.25);
  }
}

describe('masthead fit', () => {
  it('prints a 10-character series name whole, by tightening the letter spacing', () => {
    const root = archive(setSeries('株洲组织工作信息简报'));
    const { layout: l, diagnostics, texts } = layout(root);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const names = texts().filter((t) => t.role === 'masthead');
    expect(names.map(lineText)).toEqual(['株洲组织工作信息简报']);
    const g = l!.geometry;
    insideTextBlock(l!.pages[0].items, g.left, g.left + g.width);
    // Still at the full 42 pt: tracking went first.
    expect(names[0].glyphs[0].size).toBe(42);
  });

  it('shrinks a series name toward min_size before giving up', () => {
    const root = archive(setSeries('株洲市委组织工作信息简报'));
    const { diagnostics, texts, layout: l } = layout(root);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const name = texts().find((t) => t.role === 'masthead')!;
    expect(lineText(name)).toBe('株洲市委组织工作信息简报');
    expect(name.glyphs[0].size).toBeLessThan(42);
    expect(name.glyphs[0].size).toBeGreaterThanOrEqual(36);
    insideTextBlock(l!.pages[0].items, l!.geometry.left, l!.geometry.left + l!.geometry.width);
  });

  it('stops with an error at the series value in bulletin.yaml when 15 characters cannot fit', () => {
    const root = archive(setSeries('株洲市委组织部组织工作信息简报汇编'));
    const ds = check(root, true).filter((d) => d.rule === 'layout/does-not-fit');
    expect(brief(ds)).toContain('error layout/does-not-fit bulletin.yaml:4:9');
    expect(ds[0].message.zh).toContain('刊头名称');
    expect(ds[0].message.en).toContain('series name');
  });

  it('sets a long office name on two lines, never over the date', () => {
    const office = '中共株洲市委组织部办公室（中共株洲市委人才工作领导小组办公室）';
    const root = archive(setOffice(office));
    const { diagnostics, texts, layout: l } = layout(root);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const lines = texts().filter((t) => t.role === 'body' && t.gridLine < 0);
    const date = lines.find((t) => lineText(t) === '2026年1月26日')!;
    const officeLines = lines.filter((t) => office.includes(lineText(t)) && t !== date && !lineText(t).startsWith('第'));
    expect(officeLines.map(lineText).join('')).toBe(office);
    expect(officeLines.length).toBe(2);
    // The date stands on the office's last line, clear of it by at least one character.
    const last = officeLines[officeLines.length - 1];
    expect(date.baseline).toBe(last.baseline);
    for (const o of officeLines) expect(o.x + o.width).toBeLessThanOrEqual(date.x - l!.geometry.pitch + 0.01);
    // The red rule lies below the office and above the first line of text.
    const rule = l!.pages[0].items.find((i): i is RuleBox => i.kind === 'rule')!;
    expect(rule.y).toBeGreaterThan(last.baseline);
    const firstText = texts()
      .filter((t) => t.gridLine >= 0)
      .sort((a, b) => a.gridLine - b.gridLine)[0];
    expect(firstText.baseline - l!.geometry.linePitch * 0.7).toBeGreaterThan(rule.y);
  });

  it('reports an office too long even for two lines at office:line:column', () => {
    const root = archive(setOffice('中共株洲市委组织部办公室（中共株洲市委人才工作领导小组办公室、中共株洲市委党的建设工作领导小组办公室）'));
    const ds = check(root, true).filter((d) => d.rule === 'layout/does-not-fit');
    // Once, though two issues are checked: the office's room never depends on the issue's date.
    expect(brief(ds)).toEqual(['error layout/does-not-fit bulletin.yaml:7:9']);
    expect(ds[0].message.zh).toContain('编印单位');
  });

  it('check and build both stop on it: exit 1, no PDF, the message at bulletin.yaml:4:9', async () => {
    const root = archive(setSeries('株洲市委组织部组织工作信息简报汇编'));
    const { run } = await import('../../src/cli/index.js');
    const cli = async (args: string[]) => {
      let out = '';
      let err = '';
      const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t), cwd: root, env: { LANG: 'en_US.UTF-8' }, isTTY: false });
      return { code, text: out + err };
    };
    const checked = await cli(['check', '2']);
    expect(checked.code).toBe(1);
    expect(checked.text).toMatch(/bulletin\.yaml:4:9/);
    expect(checked.text).toMatch(/series name/);
    const built = await cli(['build', '2']);
    expect(built.code).toBe(1);
    expect(built.text).toMatch(/bulletin\.yaml:4:9/);
    expect(existsSync(path.join(root, 'dist', '2026-2.pdf'))).toBe(false);
  });
});

describe('every fixed-width element goes through the fit', () => {
  it('wraps a very long title and keeps every line inside the text block', () => {
    const root = archive();
    const { diagnostics, layout: l } = layout(root, 2, (p) => {
      p.issue.articles[0].title = '关于进一步加强新时代基层党组织建设推动组织工作高质量发展助力株洲现代化新湘军建设的实施意见和工作方案及其配套措施';
    });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const g = l!.geometry;
    for (const page of l!.pages) insideTextBlock(page.items, g.left, g.left + g.width);
  });

  it('wraps a title holding a web address wider than a line, inside the margins', () => {
    const root = archive();
    const { diagnostics, layout: l } = layout(root, 2, (p) => {
      p.issue.articles[0].title = '关于https://www.example.gov.cn/zzb/2026/notice/organization/work/detail/index.html的说明';
    });
    const g = l!.geometry;
    // The address is split after its slashes: the title wraps, nothing is drawn past the margin.
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const title = l!.pages[0].items.filter((i): i is TextLine => i.kind === 'text' && i.role === 'title' && lineText(i).includes('example'));
    expect(title.length).toBeGreaterThan(0);
    for (const page of l!.pages) insideTextBlock(page.items, g.left, g.left + g.width);
  });

  it('sets a long title in a narrow text block without crashing, every line inside the block', () => {
    const root = archive((y) => `${y}\nstyle:\n  page: { text_width: 20 }\n`);
    const { layout: l } = layout(root, 2, (p) => {
      p.issue.articles[0].title = '关于进一步加强新时代基层党组织建设推动组织工作高质量发展助力株洲现代化新湘军建设的实施意见和工作方案及其配套措施与考核办法';
    });
    const g = l!.geometry;
    const title = l!.pages.flatMap((p) => p.items).filter((i): i is TextLine => i.kind === 'text' && i.role === 'title');
    expect(title.slice(0, 20).map(lineText).join('').startsWith('关于进一步加强')).toBe(true);
    for (const page of l!.pages)
      for (const i of page.items)
        if (i.kind === 'text' && i.role === 'title') {
          expect(i.x).toBeGreaterThanOrEqual(g.left - 0.01);
          expect(i.x + i.width).toBeLessThanOrEqual(g.left + g.width + 0.01);
        }
  });

  it('wraps a heading with a run wider than a line inside the text block', () => {
    const root = archive();
    const { diagnostics, layout: l } = layout(root, 2, (p) => {
      const a = p.issue.articles[0];
      const loc = { ...a.titleLoc };
      a.blocks.unshift({ kind: 'heading', level: 1, runs: [{ text: `一、${'X'.repeat(120)}`, style: 'regular', loc }], loc });
    });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const g = l!.geometry;
    const heading = l!.pages.flatMap((p) => p.items).filter((i): i is TextLine => i.kind === 'text' && i.role === 'heading1' && lineText(i).includes('X'));
    expect(heading.map(lineText).join('')).toBe(`一、${'X'.repeat(120)}`);
    for (const page of l!.pages) insideTextBlock(page.items, g.left, g.left + g.width);
  });

  it('reports an end-block label wider than the end block at its line in issue.yaml', () => {
    const root = archive();
    const { diagnostics } = layout(root, 2, (p) => {
      p.issue.distribution[0].label = '报送单位及个人'.repeat(4);
    });
    const ds = diagnostics.filter((d) => d.rule === 'layout/does-not-fit');
    expect(ds.length).toBe(1);
    expect(ds[0].loc.file).toMatch(/issue\.yaml$/);
  });

  it('reports a page number that the house style makes too big', () => {
    const root = archive((y) => `${y}\nstyle:\n  page_number: { size: 120 }\n`);
    const ds = check(root, true).filter((d) => d.rule === 'layout/does-not-fit');
    // Once, though two issues of several pages are checked, at bulletin.yaml.
    expect(ds.length).toBe(1);
    expect(ds.every((d) => d.loc.file === 'bulletin.yaml')).toBe(true);
    expect(ds[0].message.en).toContain('page number');
  });
});

describe('masthead fit, any name', () => {
  it('random series and office names: printed whole inside the text block, the office clear of the date, or an error', async () => {
    const fc = (await import('fast-check')).default;
    const { prepared } = await import('../helpers/archive.js');
    const { pinnedFonts } = await import('../helpers/fonts.js');
    const { layoutIssue } = await import('../../src/layout/index.js');
    const p = prepared(REPO, 2);
    const fonts = pinnedFonts();
    const han = fc.constantFrom(...'株洲市委组织部办公室人才工作领导小组信息简报中共党建（）、·ABC2026');
    // Lengths spread evenly up to the maximum (fast-check favours short strings).
    const sized = (max: number) => fc.integer({ min: 1, max }).chain((n) => fc.string({ unit: han, minLength: n, maxLength: n }));
    let printed = 0;
    let refused = 0;
    fc.assert(
      fc.property(sized(22), sized(70), (series, office) => {
        const layout = layoutIssue({ series: { ...p.series, series, office }, issue: p.issue, style: p.style, fonts });
        const unfit = layout.diagnostics.filter((d) => d.rule === 'layout/does-not-fit');
        if (unfit.length) {
          refused++;
          for (const d of unfit) expect(d.loc.file).toBe('bulletin.yaml');
          return;
        }
        printed++;
        const g = layout.geometry;
        const head = layout.pages[0].items.filter((i): i is TextLine => i.kind === 'text' && i.gridLine < 0 && i.role !== 'page_number');
        insideTextBlock(head, g.left, g.left + g.width);
        expect(
          head
            .filter((t) => t.role === 'masthead')
            .map(lineText)
            .join(''),
        ).toBe(series);
        const date = head.find((t) => lineText(t) === '2026年1月26日')!;
        const officeLines = head.filter((t) => t.role === 'body' && t !== date && t.baseline > head.find((x) => lineText(x).startsWith('第'))!.baseline);
        expect(officeLines.map(lineText).join('')).toBe(office);
        for (const o of officeLines) if (o.baseline === date.baseline) expect(o.x + o.width).toBeLessThan(date.x);
      }),
      { numRuns: 60 },
    );
    expect(printed).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});
