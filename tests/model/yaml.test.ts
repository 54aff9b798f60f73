import { describe, expect, it } from 'vitest';
import { decodeRaw, decodeText } from '../../src/archive/index.js';
import { FieldReader, parseArticle, parseSeries, parseYaml, SourceText } from '../../src/model/index.js';

const src = (text: string, file = 'x.yaml') => new SourceText(file, text);

describe('YAML', () => {
  it('refuses an alias bomb quickly, with a diagnostic', () => {
    let bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    let prev = 'a';
    for (let i = 0; i < 20; i++) {
      const n = `k${i}`;
      bomb += `${n}: &${n} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
      prev = n;
    }
    const t = performance.now();
    const r = parseSeries(src(bomb, 'bulletin.yaml'));
    expect(performance.now() - t).toBeLessThan(1000);
    expect(r.config).toBeUndefined();
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['yaml/aliases']);
    expect(r.diagnostics[0].loc.line).toBe(2);
  });

  it('resolves a harmless alias and reports an unresolved one', () => {
    const ok = parseYaml(src('a: &u 天元区委组织部\nb: *u\n'));
    expect(ok.diagnostics).toEqual([]);
    expect(new FieldReader(src(''), ok.map, 0, '', ok.doc).string('b')).toBe('天元区委组织部');
    const bad = parseYaml(src('a: 1\nb: *nowhere\n'));
    expect(bad.diagnostics.map((d) => `${d.rule} ${d.loc.line}:${d.loc.column}`)).toEqual(['yaml/syntax 2:4']);
  });

  it('refuses nesting deeper than a manifest needs before the parser sees it', () => {
    for (const text of ['a: ' + '['.repeat(100_000), 'a: ' + '{a: '.repeat(5000), Array.from({ length: 400 }, (_, i) => ' '.repeat(i) + 'a:').join('\n')]) {
      const t = performance.now();
      const r = parseYaml(src(text));
      expect(performance.now() - t).toBeLessThan(2000);
      expect(r.diagnostics[0]?.rule).toBe('yaml/syntax');
      expect(r.diagnostics[0].message.en).toContain('too deeply');
    }
  });

  it('reports syntax errors once per line, at the parser’s position, offset into front matter', () => {
    const a = parseArticle(src('---\ntitle: "未闭合\nsource: x\n---\n正文\n', 'a.md'));
    expect(a.diagnostics.map((d) => `${d.rule} ${d.loc.line}:${d.loc.column}`)).toEqual(['yaml/syntax 2:8']);
  });

  it('recognises a full-width colon and a missing space after a known key, with a fix', () => {
    const r = parseYaml(src('number：3\ndate:2026-01-12\narticles: []\n'), 0, undefined, ['number', 'date', 'articles']);
    expect(r.diagnostics.map((d) => `${d.rule} ${d.loc.line}:${d.loc.column} ${JSON.stringify(d.fix?.[0].replacement)}`)).toEqual([
      'yaml/colon 1:7 ": "',
      'yaml/colon 2:5 ": "',
    ]);
  });
});

describe('encodings', () => {
  const text = '---\ntitle: 标题\n---\n中文正文。\n';
  it('reads UTF-8 with BOM and CRLF silently, and names GB18030 and UTF-16', () => {
    expect(decodeText(Buffer.from('\ufeff' + text.replace(/\n/g, '\r\n')))).toEqual({ ok: true, text });
    const gb = new Uint8Array([...new TextEncoder().encode('---\n')].concat([0xd6, 0xd0, 0xce, 0xc4])); // 中文 in GBK
    expect(decodeText(gb)).toMatchObject({ ok: false, reason: 'encoding', encoding: 'gb18030', decoded: '---\n中文' });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toMatchObject({ encoding: 'utf-16le', decoded: text });
    expect(decodeText(Buffer.from(text, 'utf16le'))).toMatchObject({ encoding: 'utf-16le', decoded: text });
    expect(decodeRaw(Buffer.from(text.replace(/\n/g, '\r\n')))).toEqual({ encoding: 'utf-8', bom: false, text: text.replace(/\n/g, '\r\n') });
    expect(decodeText(new Uint8Array([0, 1, 2, 3, 0xff, 0x00, 0x10]))).toMatchObject({ ok: false, encoding: 'binary' });
  });
});

describe('SourceText', () => {
  it('maps offsets to 1-based line and code-point column, and back', () => {
    const s = src('ab\n𠮷c中\n\nx');
    expect(s.loc(3)).toEqual({ file: 'x.yaml', line: 2, column: 1 });
    expect(s.loc(5)).toEqual({ file: 'x.yaml', line: 2, column: 2 }); // 𠮷 is two UTF-16 units but one column
    expect(s.loc(6)).toEqual({ file: 'x.yaml', line: 2, column: 3 });
    expect(s.offset(2, 3)).toBe(6);
    expect(s.offset(4, 1)).toBe(s.text.length - 1);
    expect(s.loc(s.text.length)).toEqual({ file: 'x.yaml', line: 4, column: 2 });
  });
});

describe('fonts: a fallback per role (issue 9)', () => {
  it('reads body: { file, fallback } with the fallback’s position', () => {
    const text = 'series: 株洲组织工作信息\noffice: 办公室\nfonts:\n  note: { file: fonts/kai.ttf, fallback: fonts/kai-ext.ttf }\n';
    const s = parseSeries(new SourceText('bulletin.yaml', text));
    expect(s.diagnostics).toEqual([]);
    expect(s.config!.fonts.roles.note).toMatchObject({ file: 'fonts/kai.ttf', fallback: { file: 'fonts/kai-ext.ttf', loc: { line: 4, column: 42 } } });
  });

  it('still refuses an unknown key, and a fallback inside fallback', () => {
    const text = 'series: 株洲组织工作信息\noffice: 办公室\nfonts:\n  fallback: { file: a.ttf, fallback: b.ttf }\n';
    const s = parseSeries(new SourceText('bulletin.yaml', text));
    expect(s.diagnostics.map((d) => d.rule)).toContain('manifest/unknown-key');
  });
});
