/**
 * Library and OS messages are put into our own words in one place (src/i18n/faults.ts): no
 * ENOENT, EACCES, ENOSPC, EISDIR, yaml's or fontkit's sentences reach the user.
 */
import { describe, expect, it } from 'vitest';
import { describeFault, libraryFault, osFault } from '../../src/i18n/faults.js';
import { parseYaml, SourceText } from '../../src/model/index.js';

const RAW = /Implicit keys|parseAllDocuments|fvar|Unknown font format|ENOENT|EACCES|ENOSPC|EISDIR|no such file/;

describe('faults in our words', () => {
  it('yaml: a key broken over two lines, a stray --- (two documents)', () => {
    const cases = ['number: 2\ndate: 2026-01-26\n"articles\n  list": 1\n', 'number: 2\n---\ndate: 2026-01-26\n'];
    const words: string[] = [];
    for (const text of cases) {
      const ds = parseYaml(new SourceText('issues/2026/2/issue.yaml', text)).diagnostics;
      expect(ds.length, text).toBeGreaterThan(0);
      for (const d of ds) {
        expect(d.message.en).not.toMatch(RAW);
        expect(d.message.zh).not.toMatch(RAW);
        words.push(d.message.en);
      }
    }
    expect(words.join('\n')).toContain('runs over two lines');
    expect(words.join('\n')).toContain('holds more than one document (a stray `---` line)');
  });

  it('fontkit: unknown format and variations on a non-variable font', () => {
    expect(libraryFault('Unknown font format', 'fonts/x.ttf')?.en).toContain('fonts/x.ttf is not a usable font');
    expect(libraryFault('Variations require a font with the fvar, gvar and glyf, or CFF2 tables.', 'fonts/x.ttf')?.zh).toContain('不是可变字体');
  });

  it('OS codes: one sentence per code and operation, in both languages, naming the file', () => {
    for (const [code, op, en] of [
      ['ENOENT', 'read', 'does not exist'],
      ['ENOENT', 'font', 'check its path under fonts in bulletin.yaml'],
      ['EACCES', 'write', 'no permission to write dist/a.pdf'],
      ['EROFS', 'write', 'the disk is read-only'],
      ['ENOSPC', 'write', 'the disk is full'],
      ['EISDIR', 'write', 'is a folder, not a file'],
      ['ENOTREG', 'write', 'not an ordinary file'],
      ['EBUSY', 'write', 'in use by another program'],
    ] as const) {
      const w = osFault(code, 'dist/a.pdf', op)!;
      expect(w.en, code).toContain(en);
      expect(w.en).toContain('dist/a.pdf');
      expect(w.zh).toContain('dist/a.pdf');
      expect(w.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(`${w.en}${w.zh}`).not.toMatch(RAW);
    }
  });

  it('an error nobody knows stays unknown: that is a bug, reported as one', () => {
    expect(describeFault(new TypeError('x is undefined'), 'read')).toBeUndefined();
    const e = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', path: '/a/b.pdf' });
    expect(describeFault(e, 'write', 'b.pdf')?.en).toContain('the disk is full; b.pdf was not written');
  });
});
