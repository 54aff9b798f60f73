/**
 * The one place where operating-system and library errors are put into our own words. An error
 * code (ENOENT, EACCES, ENOSPC …) or a message we know from a library (yaml, fontkit) maps to a
 * sentence in both languages that names the file and says what to do. Whatever is not in this
 * table is a real bug, and only that is reported as "internal error".
 */
import type { Lang } from './index.js';

export interface Words {
  zh: string;
  en: string;
}

/** What was being done when the fault happened: the sentence differs for reading and writing. */
export type FaultOp = 'read' | 'write' | 'font';

type Sentence = (file: string) => Words;

/** OS error codes → sentences, per operation (`any` when the operation does not matter). */
const OS: Record<string, Partial<Record<FaultOp | 'any', Sentence>>> = {
  ENOENT: {
    read: (f) => ({ zh: `找不到 ${f}`, en: `${f} does not exist` }),
    write: (f) => ({ zh: `无法写入 ${f}：所在文件夹不存在`, en: `cannot write ${f}: its folder does not exist` }),
    font: (f) => ({
      zh: `找不到字体文件 ${f}：请检查 bulletin.yaml 中 fonts 下的路径`,
      en: `the font file ${f} does not exist: check its path under fonts in bulletin.yaml`,
    }),
  },
  EACCES: {
    read: (f) => ({ zh: `没有读取 ${f} 的权限：请让管理员开放读取权限`, en: `no permission to read ${f}: ask for read access` }),
    write: (f) => ({
      zh: `没有写入 ${f} 的权限（文件或所在文件夹是只读的）：请让管理员开放写入权限，或把档案复制到可写的文件夹（排版时也可用 -o 写到别处）`,
      en: `no permission to write ${f} (the file or its folder is read-only): ask for write access, or copy the archive to a folder you can write (build can also write elsewhere with -o)`,
    }),
    font: (f) => ({ zh: `没有读取字体文件 ${f} 的权限`, en: `no permission to read the font file ${f}` }),
  },
  EROFS: {
    any: (f) => ({
      zh: `无法写入 ${f}：所在磁盘是只读的，请把档案复制到可写的位置（排版时也可用 -o 写到别处）`,
      en: `cannot write ${f}: the disk is read-only; copy the archive somewhere writable (build can also write elsewhere with -o)`,
    }),
  },
  ENOSPC: {
    any: (f) => ({
      zh: `磁盘已满，无法写入 ${f}：请清理磁盘空间后重试（原有文件未改动）`,
      en: `the disk is full; ${f} was not written: free some space and try again (the existing file is unchanged)`,
    }),
  },
  EDQUOT: {
    any: (f) => ({
      zh: `磁盘配额已用完，无法写入 ${f}：请清理空间后重试`,
      en: `the disk quota is used up; ${f} was not written: free some space and try again`,
    }),
  },
  EISDIR: {
    any: (f) => ({ zh: `${f} 是一个文件夹，不是文件`, en: `${f} is a folder, not a file` }),
  },
  ENOTDIR: {
    any: (f) => ({ zh: `${f} 的路径中有一段不是文件夹`, en: `part of the path ${f} is not a folder` }),
  },
  ENOTREG: {
    any: (f) => ({ zh: `${f} 不是普通文件（可能是设备、管道或文件夹），拒绝写入`, en: `${f} is not an ordinary file (a device, pipe or folder); refused` }),
  },
  EEXIST: {
    any: (f) => ({ zh: `${f} 已存在，不会覆盖`, en: `${f} already exists; not overwriting it` }),
  },
  EBUSY: {
    any: (f) => ({
      zh: `${f} 正被其他程序占用（例如在 PDF 阅读器中打开）：请关闭后重试`,
      en: `${f} is in use by another program (perhaps open in a PDF viewer): close it and try again`,
    }),
  },
  EPERM: {
    any: (f) => ({
      zh: `操作系统不允许改动 ${f}（可能被占用或受保护）：请关闭占用它的程序或检查权限`,
      en: `the system does not allow changing ${f} (in use or protected): close the program using it or check the permissions`,
    }),
  },
  EMFILE: {
    any: (f) => ({ zh: `同时打开的文件过多，无法打开 ${f}：请减少 --jobs 后重试`, en: `too many open files to open ${f}: try again with fewer --jobs` }),
  },
  EIO: {
    any: (f) => ({ zh: `读写 ${f} 时磁盘出错：请检查磁盘或 U 盘是否连接正常`, en: `the disk reported an error on ${f}: check the disk or USB stick` }),
  },
  ELOOP: {
    any: (f) => ({ zh: `${f} 是循环的符号链接`, en: `${f} is a link that loops back on itself` }),
  },
  ENAMETOOLONG: {
    any: (f) => ({ zh: `文件名过长：${f}`, en: `the file name is too long: ${f}` }),
  },
};

/** A sentence for an OS error code, or undefined when the code is not one we know. */
export function osFault(code: string | undefined, file: string, op: FaultOp): Words | undefined {
  if (!code) return undefined;
  const entry = OS[code];
  const s = entry?.[op] ?? entry?.any ?? (op === 'font' ? entry?.read : undefined);
  return s?.(file);
}

/** Known library messages (fontkit, yaml) → our words. Matched on the message's first line. */
const LIBRARY: { test: RegExp; words: Sentence }[] = [
  {
    test: /Unknown font format/i,
    words: (f) => brokenFont(f),
  },
  {
    test: /Variations require a font with the fvar/i,
    words: (f) => ({
      zh: `${f} 不是可变字体，不能按名称选取其中的字重：在 bulletin.yaml 中只写文件名，或用 { file, face } 指定集合中的字体`,
      en: `${f} is not a variable font, so no weight can be picked by name: name just the file in bulletin.yaml, or { file, face } for a face of a collection`,
    }),
  },
  {
    test: /Implicit keys need to be on a single line|Implicit map keys need to be followed by map values/i,
    words: (f) => ({
      zh: `${f} 中“名称: 内容”写到了两行：名称和冒号必须在同一行，冒号后空一格`,
      en: `a \`name: value\` entry in ${f} runs over two lines: keep the name and its colon on one line, with a space after the colon`,
    }),
  },
  {
    test: /please use YAML\.parseAllDocuments|contains multiple documents/i,
    words: (f) => ({
      zh: `${f} 中有多余的“---”分隔线：一个文件只能写一份设置，删去中间的“---”行`,
      en: `${f} holds more than one document (a stray \`---\` line): delete the \`---\` line in the middle`,
    }),
  },
];

/**
 * A font file that cannot be parsed. fontkit throws whatever its parser meets on damaged bytes
 * (a range error, an undefined table …), so every failure while opening a font file means this.
 */
export function brokenFont(file: string): Words {
  return {
    zh: `${file} 不是可用的字体文件（文件损坏、不完整，或只是名字像字体）：请换一份完好的字体文件，或把它移出 fonts/`,
    en: `${file} is not a usable font (damaged, truncated, or only named like a font): replace it with a good copy, or move it out of fonts/`,
  };
}

/** Why a font file cannot be used (see FontFileError in src/fonts/lazy.ts), in words naming it. */
export function fontFault(error: { kind: string; code?: string; faces: string[] }, file: string, face?: string): Words {
  switch (error.kind) {
    case 'missing':
      return OS.ENOENT.font!(file);
    case 'not-file':
      return {
        zh: `${file} 不是普通文件（是文件夹、设备、管道或指向档案外的链接），不能作字体：请换成字体文件本身`,
        en: `${file} is not an ordinary file (a folder, device, pipe or link out of the archive) and cannot be a font: put the font file itself there`,
      };
    case 'too-large':
      return { zh: `${file} 太大，不像是字体文件：请检查是否放错了文件`, en: `${file} is too large to be a font: check whether the wrong file was put there` };
    case 'unreadable':
      return osFault(error.code, file, 'font') ?? { zh: `无法读取字体文件 ${file}（${error.code}）`, en: `cannot read the font file ${file} (${error.code})` };
    case 'no-face': {
      const list = error.faces.join(', ');
      return {
        zh: `字体集合 ${file} 中没有名为 ${face} 的字体；其中有：${list}。请在 bulletin.yaml 的 face 中改写为其中之一`,
        en: `the collection ${file} has no face named ${face}; it holds: ${list}. Set face in bulletin.yaml to one of these`,
      };
    }
    case 'not-collection':
      return {
        zh: `${file} 只含一款字体（${error.faces[0]}），不是字体集合：请删去 bulletin.yaml 中的 face，或写 face: ${error.faces[0]}`,
        en: `${file} holds a single font (${error.faces[0]}), not a collection: remove face in bulletin.yaml, or write face: ${error.faces[0]}`,
      };
    default:
      return brokenFont(file);
  }
}

/** A sentence for a known library message, or undefined. */
export function libraryFault(message: string, file: string): Words | undefined {
  const first = message.split('\n')[0];
  return LIBRARY.find((l) => l.test.test(first))?.words(file);
}

/**
 * Any thrown value in our words: an OS error (by code), a known library message, or undefined
 * for a real bug. `file` names the file when the error does not carry one.
 */
export function describeFault(e: unknown, op: FaultOp, file?: string): Words | undefined {
  const err = e as NodeJS.ErrnoException & { file?: string };
  const name = file ?? err?.file ?? err?.path ?? '';
  if (typeof err?.code === 'string') {
    const w = osFault(err.code, name, op);
    if (w) return w;
  }
  if (typeof err?.message === 'string') return libraryFault(err.message, name);
  return undefined;
}

export function faultText(lang: Lang, w: Words): string {
  return w[lang];
}
