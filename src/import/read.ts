/** Which kind of file a submission is, told by its bytes first and its name second, and reading it. */
import { readGuarded } from '../archive/index.js';
import path from 'node:path';
import { DocxError, readDocx } from './docx.js';
import { readHtml } from './html.js';
import { readDoc, readPlainText } from './plain.js';
import type { Said, SourceDocument } from './types.js';

/** Larger than any submission, even a .docx full of photos. */
const MAX_BYTES = 64 * 1024 * 1024;

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** An OLE compound file holding an encrypted Office Open XML package: a password-protected .docx. */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  const name = Buffer.from('EncryptedPackage', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(name) >= 0;
}

/**
 * A Word 97–2003 file saved with a password: the File Information Block at the start of its
 * WordDocument stream (wIdent 0xA5EC, then nFib, the format version) has the fEncrypted bit
 * (0x0100) set. The stream starts on a sector, or on a 64-byte mini-sector in a small file.
 * word-extractor would read such a file as garbage rather than fail.
 */
function isEncryptedDoc(bytes: Uint8Array): boolean {
  for (let o = 512; o + 12 <= bytes.length; o += 64) {
    if (bytes[o] !== 0xec || bytes[o + 1] !== 0xa5) continue;
    const nFib = bytes[o + 2] | (bytes[o + 3] << 8);
    if (nFib < 0x65 || nFib > 0x200) continue;
    return ((bytes[o + 10] | (bytes[o + 11] << 8)) & 0x0100) !== 0;
  }
  return false;
}

export type ReadOutcome = { ok: true; doc: SourceDocument } | { ok: false; why: Said };

const WHY = {
  missing: { zh: '找不到这个文件', en: 'file not found' },
  notFile: { zh: '这不是一个文件', en: 'not a file' },
  tooLarge: { zh: '文件太大，不像是一篇稿件', en: 'too large to be a submission' },
  encrypted: {
    zh: '文件设置了打开密码；请在 Word/WPS 中取消密码后另存，再导入',
    en: 'the file is password-protected; remove the password in Word/WPS, save, and import again',
  },
  corruptDocx: {
    zh: '不是完整的 .docx 文件（可能已损坏或未下载完整）；请在 Word/WPS 中打开后另存为 .docx',
    en: 'not a complete .docx file (damaged or partly downloaded); open it in Word/WPS and save it as .docx again',
  },
  notWord: { zh: '是压缩包，但不是 Word 文档（可能是 Excel 或 PPT）', en: 'a zip package but not a Word document (perhaps Excel or PowerPoint)' },
  corruptDoc: {
    zh: '无法读取这个 Word/WPS 文件（可能已损坏，或不是 Word 文档）；请在 Word/WPS 中另存为 .docx 再导入',
    en: 'cannot read this Word/WPS file (damaged, or not a Word document); save it as .docx in Word/WPS and import that',
  },
  pdf: {
    zh: 'PDF 文件无法导入；请导入原始的 Word 文件，或把文字复制到 .txt 文件',
    en: 'a PDF cannot be imported; import the original Word file, or copy the text into a .txt file',
  },
  unknown: {
    zh: '不是可导入的格式（支持 .docx、.doc、WPS、.txt、.md、.htm/.html）',
    en: 'not a format that can be imported (.docx, .doc, WPS, .txt, .md, .htm/.html)',
  },
  empty: { zh: '文件是空的', en: 'the file is empty' },
} satisfies Record<string, Said>;

export async function readSubmission(file: string): Promise<ReadOutcome> {
  // The guarded reader: a FIFO or device is refused before it is opened, the read is capped.
  const read = readGuarded(file, MAX_BYTES);
  if (!read.ok) return { ok: false, why: read.reason === 'not-file' ? WHY.notFile : read.reason === 'too-large' ? WHY.tooLarge : WHY.missing };
  const bytes = read.bytes;
  if (!bytes.length) return { ok: false, why: WHY.empty };
  const ext = path.extname(file).toLowerCase();
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    try {
      return { ok: true, doc: readDocx(bytes) };
    } catch (e) {
      return { ok: false, why: e instanceof DocxError && e.reason === 'not-word' ? WHY.notWord : WHY.corruptDocx };
    }
  }
  if (startsWith(bytes, OLE)) {
    if (isEncryptedPackage(bytes) || isEncryptedDoc(bytes)) return { ok: false, why: WHY.encrypted };
    try {
      return { ok: true, doc: await readDoc(bytes) };
    } catch {
      return { ok: false, why: WHY.corruptDoc };
    }
  }
  if (ext === '.docx' || ext === '.docm' || ext === '.dotx') return { ok: false, why: WHY.corruptDocx };
  if (ext === '.doc' || ext === '.wps' || ext === '.dot') return { ok: false, why: WHY.corruptDoc };
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return { ok: false, why: WHY.pdf };
  const head = bytes.subarray(0, 1024).toString('latin1');
  if (ext === '.htm' || ext === '.html' || ext === '.mht' || /^\s*(?:<!doctype html|<html)/i.test(head)) {
    const doc = readHtml(bytes);
    return doc ? { ok: true, doc } : { ok: false, why: WHY.unknown };
  }
  if (!['.txt', '.md', '.text', '.markdown', ''].includes(ext)) return { ok: false, why: WHY.unknown };
  const doc = readPlainText(bytes, ext === '.md' || ext === '.markdown');
  return doc ? { ok: true, doc } : { ok: false, why: WHY.unknown };
}
