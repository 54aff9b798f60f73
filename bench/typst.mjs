// Typst as a benchmark peer (issue #12): the same sample issue, set by Typst with the same fonts and
// the same page design, so that the benchmark can put the two side by side in one run.
//
// typstSource() writes the issue as a Typst document: A4 with the GB/T 9704 text block (156 × 225
// mm, 28 characters × 22 lines of 16 pt), the red masthead, 22 pt titles, body with a 2-em indent,
// bold lead sentences, the three heading levels, editor's notes, attributions, page numbers
// "— 1 —" outside, and the distribution block at the foot of the last page. It reads the issue
// files with a deliberately small parser (front matter, one paragraph per line, **lead**, #/##/###):
// enough for the sample issues. All text goes in as Typst strings, so no character is markup.
//
// Run as a script it is the peer's cold process: `node bench/typst.mjs <main.typ> <fontDir> <out.pdf>`
// compiles with the Node binding of Typst (@myriaddreamin/typst-ts-node-compiler, a devDependency),
// fonts from <fontDir> only added to what Typst finds itself, and prints the page count.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

/** Typst font families per bulletin font family, for the two font sets the benchmark uses. */
export const TYPST_FONT_SETS = {
  noto: {
    xiaobiaosong: ['Noto Serif SC', 'bold'],
    fangsong: ['Noto Serif SC', 'regular'],
    hei: ['Noto Sans SC', 'medium'],
    kai: ['Noto Serif SC', 'regular'],
    heading2: ['Noto Serif SC', 'bold'], // bulletin's default for （一） headings without a Kai face
    song: ['Noto Serif SC', 'regular'],
  },
  fandol: {
    xiaobiaosong: ['FandolSong', 'bold'],
    fangsong: ['FandolFang', 'regular'],
    hei: ['FandolHei', 'regular'],
    kai: ['FandolKai', 'regular'],
    heading2: ['FandolKai', 'regular'],
    song: ['FandolSong', 'regular'],
  },
};

const str = (s) => JSON.stringify(s); // a JSON string is a valid Typst string literal for this text

/** Parse an article: front matter and one paragraph per line. */
function readArticle(file) {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  const meta = m ? YAML.parse(m[1]) : {};
  const lines = (m ? m[2] : text)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return { meta, lines };
}

export function typstSource(issueDir, series, fontSet) {
  const issue = YAML.parse(readFileSync(path.join(issueDir, 'issue.yaml'), 'utf8'));
  const f = TYPST_FONT_SETS[fontSet];
  // Per-character fallback to the defaults, as bulletin does.
  const font = ([family, weight]) => `font: (${str(family)}, "Noto Serif SC", "Noto Sans SC"), weight: ${str(weight)}`;
  const [y, mo, d] = String(issue.date).slice(0, 10).split('-').map(Number);
  const out = [];
  out.push(`#let red = cmyk(0%, 100%, 100%, 0%)
#let pitch = 225mm / 22
#set page(paper: "a4", margin: (top: 37mm, left: 28mm, right: 26mm, bottom: 297mm - 37mm - 225mm),
  footer-descent: 7mm,
  footer: context {
    let n = counter(page).get().first()
    set text(size: 14pt, ${font(f.song)})
    if calc.odd(n) { align(right)[— #n — #h(1em)] } else { align(left)[#h(1em) — #n —] }
  })
#set text(lang: "zh", region: "cn", cjk-latin-spacing: none, size: 16pt, ${font(f.fangsong)}, top-edge: 0.88em, bottom-edge: -0.12em,
  tracking: (156mm - 28 * 16pt) / 28)
#set par(justify: true, first-line-indent: (amount: 2em, all: true), leading: pitch - 16pt, spacing: pitch - 16pt)
#let title(t) = block(above: pitch, below: pitch, width: 100%, align(center, par(first-line-indent: 0pt, leading: 36pt - 22pt, text(size: 22pt, ${font(f.xiaobiaosong)}, t))))
#let lead(t) = text(${font(f.hei)}, t)
#let h1(t) = par(text(${font(f.hei)}, t))
#let h2(t) = par(text(${font(f.heading2)}, t))
#let h3(t) = par(strong(delta: 0, text(${font(f.fangsong)}, t)))
#let note(t) = par(text(${font(f.kai)}, t))
#let source(t) = align(right, par(first-line-indent: 0pt, t))
`);
  // Masthead: 7 grid lines, the series in red, issue number, office and date, a red rule.
  const total = issue.total ? `（总第${issue.total}期）` : '';
  out.push(`#block(height: 7 * pitch, width: 100%, {
  v(1.2 * pitch)
  align(center, text(size: 42pt, fill: red, tracking: 0.1em, ${font(f.xiaobiaosong)}, ${str(series.series)}))
  v(1fr)
  align(center, par(first-line-indent: 0pt, ${str(`第${issue.number}期${total}`)}))
  grid(columns: (auto, 1fr), inset: (x: 1em), align(left, ${str(series.office)}), align(right, ${str(`${y}年${mo}月${d}日`)}))
  v(4pt)
  line(length: 100%, stroke: 2pt + red)
})
`);
  if (issue.editor_note) out.push(`#note(${str(`编者按：${String(issue.editor_note).trim()}`)})\n`);
  for (const name of issue.articles ?? []) {
    const { meta, lines } = readArticle(path.join(issueDir, name));
    out.push(`#title(${str(meta.title ?? '')})\n`);
    if (meta.note) out.push(`#note(${str(`编者按：${meta.note}`)})\n`);
    for (const line of lines) {
      const h = /^(#{1,3})\s*(.*)$/.exec(line);
      if (h) {
        out.push(`#h${h[1].length}(${str(h[2])})\n`);
        continue;
      }
      const b = /^\*\*(.+?)\*\*(.*)$/.exec(line);
      out.push(b ? `#par[#lead(${str(b[1])})#${str(b[2])}]\n` : `#par(${str(line)})\n`);
    }
    const sources = Array.isArray(meta.source) ? meta.source.join('、') : meta.source;
    if (sources) out.push(`#source(${str(`（供稿单位：${sources}）`)})\n`);
  }
  // The end block at the foot of the last page.
  const dist = Object.entries(issue.distribution ?? {});
  if (dist.length || issue.copies) {
    const rows = dist.map(
      ([label, who]) =>
        `  par(first-line-indent: 0pt, hanging-indent: 3em, ${str(`${label}：${[].concat(who).join('，')}。`)})\n  line(length: 100%, stroke: 0.25mm)`,
    );
    out.push(`#place(bottom, float: true, block(width: 100%, {
  set text(size: 14pt, ${font(f.fangsong)})
  set par(leading: 0.6em, spacing: 0.6em)
  line(length: 100%, stroke: 0.35mm)
${rows.join('\n')}
  ${issue.copies ? `align(right, ${str(`共印${issue.copies}份`)})` : ''}
  line(length: 100%, stroke: 0.35mm)
}))
`);
  }
  return out.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [main, fontDir, outFile] = process.argv.slice(2);
  const { NodeCompiler } = await import('@myriaddreamin/typst-ts-node-compiler');
  const compiler = NodeCompiler.create({ workspace: path.dirname(path.resolve(main)), fontArgs: [{ fontPaths: [path.resolve(fontDir)] }] });
  const doc = compiler.compile({ mainFilePath: path.resolve(main) });
  if (!doc.result) {
    const e = doc.takeDiagnostics();
    console.error(JSON.stringify(e ? (compiler.fetchDiagnostics?.(e) ?? e.shortDiagnostics) : 'typst: compile failed', null, 1));
    process.exit(1);
  }
  writeFileSync(outFile, compiler.pdf(doc.result));
  console.log(`typst: ${doc.result.numOfPages} pages`);
}
