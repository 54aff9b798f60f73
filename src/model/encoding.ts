import { reported, type Diagnostic } from '../diagnostics/index.js';
import type { TextRead } from '../archive/index.js';
import { osFault } from '../i18n/faults.js';

const NAMES: Record<string, string> = { gb18030: 'GB18030/GBK', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE', binary: 'binary' };

/** A diagnostic for a file that could not be read as UTF-8 text. */
export function encodingDiagnostic(file: string, read: Exclude<TextRead, { ok: true }>): Diagnostic {
  const loc = { file, line: 1, column: 1 };
  switch (read.reason) {
    case 'missing':
      return reported('file/missing', loc, { zh: `找不到文件 ${file}`, en: `file not found: ${file}` });
    case 'not-file':
      return reported(
        'file/not-regular',
        loc,
        { zh: `${file} 不是普通文件（是文件夹、设备或管道），拒绝读取`, en: `${file} is not an ordinary file (a folder, device or pipe); refused` },
        { hint: { zh: '换成一份普通的文本文件', en: 'put an ordinary text file here' } },
      );
    case 'unreadable':
      return reported(
        'file/unreadable',
        loc,
        osFault(read.code, file, 'read') ?? { zh: `无法读取 ${file}（${read.code}）`, en: `cannot read ${file} (${read.code})` },
      );
    case 'outside':
      return reported(
        'file/outside-archive',
        loc,
        { zh: `${file} 位于档案文件夹之外，拒绝读取`, en: `${file} lies outside the archive; refused` },
        { hint: { zh: '把文件复制到档案文件夹内（不要用指向外部的快捷方式或符号链接）', en: 'copy the file into the archive (no links pointing outside it)' } },
      );
    case 'too-large':
      return reported(
        'file/too-large',
        loc,
        {
          zh: `${file} 太大（${(read.bytes / 1048576).toFixed(1)} MB），不像是一篇文章，拒绝读取`,
          en: `${file} is too large (${(read.bytes / 1048576).toFixed(1)} MB) to be an article; refused`,
        },
        { hint: { zh: '检查是否放错了文件', en: 'check whether the wrong file was put here' } },
      );
    case 'encoding': {
      const name = NAMES[read.encoding];
      if (read.encoding === 'binary')
        return reported(
          'file/encoding',
          loc,
          { zh: `${file} 不是文本文件（可能是 Word 文档或图片），无法读取`, en: `${file} is not a text file (perhaps a Word document or an image)` },
          { hint: { zh: '把文章内容复制到纯文本 .md 文件中，保存为 UTF-8 编码', en: 'copy the text into a plain .md file saved as UTF-8' } },
        );
      return reported(
        'file/encoding',
        loc,
        { zh: `${file} 的编码是 ${name}，不是 UTF-8`, en: `${file} is encoded as ${name}, not UTF-8` },
        {
          hint: {
            zh: '运行 `bulletin fix` 自动转换为 UTF-8，或在编辑器中“另存为 UTF-8”',
            en: 'run `bulletin fix` to convert it to UTF-8, or save it as UTF-8 in your editor',
          },
          fix: [{ loc, length: 0, replacement: '', convert: read.encoding }],
        },
      );
    }
  }
}
