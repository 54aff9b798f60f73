/** One line table for the model, `fix` and the CLI: lines end at LF, CRLF or a lone CR. */
import { describe, expect, it } from 'vitest';
import { codePoints, LineTable } from '../../src/diagnostics/index.js';
import { SourceText } from '../../src/model/index.js';

describe('LineTable', () => {
  it('finds lines ended by LF, CRLF and a lone CR', () => {
    const t = new LineTable('一\r\n二\r三\n\n四');
    expect(t.count).toBe(5);
    expect([1, 2, 3, 4, 5].map((n) => t.line(n))).toEqual(['一', '二', '三', '', '四']);
    expect([1, 2, 3, 4, 5].map((n) => t.start(n))).toEqual([0, 3, 5, 7, 8]);
    expect(t.end(1)).toBe(1);
    expect(t.next(1)).toBe(3);
    expect(t.next(5)).toBe(9);
    expect(t.lineAt(0)).toBe(1);
    expect(t.lineAt(2)).toBe(1); // the LF of a CRLF belongs to its line
    expect(t.lineAt(3)).toBe(2);
    expect(t.lineAt(8)).toBe(5);
    expect(t.lineAt(99)).toBe(5);
    expect(t.line(0)).toBeUndefined();
    expect(t.line(6)).toBeUndefined();
  });

  it('gives a text ending in a line end an empty last line', () => {
    const t = new LineTable('甲\n');
    expect(t.count).toBe(2);
    expect(t.line(2)).toBe('');
    expect(t.start(2)).toBe(2);
  });
});

describe('SourceText on the line table', () => {
  it('maps offsets to code-point columns and back across astral characters', () => {
    const src = new SourceText('a.md', '第一行\n𰻝𰻝面好吃\n末');
    expect(src.lineCount).toBe(3);
    expect(src.line(2)).toBe('𰻝𰻝面好吃');
    const mian = src.text.indexOf('面');
    expect(src.loc(mian)).toEqual({ file: 'a.md', line: 2, column: 3 });
    expect(src.offset(2, 3)).toBe(mian);
    expect(src.offset(9, 1)).toBe(src.text.indexOf('末')); // clamped to the last line
    expect(src.lineStart(2)).toBe(4);
    expect(src.line(4)).toBe('');
  });
});

describe('codePoints', () => {
  it('counts a surrogate pair once and a lone surrogate once, as spreading the string does', () => {
    for (const s of ['', 'abc', '𰻝𰻝面', '\ud800', '\udc00', '\udc00\ud800', 'a\ud800\udc00\udc00b', '\ud83d\ude00\ud83d'])
      expect(codePoints(s)).toBe([...s].length);
  });
});
