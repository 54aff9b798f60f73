/**
 * A web page saved as .htm/.html (a department website's copy of an issue, or one article): the
 * text of its block elements, one paragraph each, decoded in the charset its <meta> names.
 * htmlparser2 is a forgiving streaming parser: CMS pages are rarely well-formed.
 */
import { Parser } from 'htmlparser2';
import { decodeRaw } from '../archive/index.js';
import type { Alignment, SourceDocument, SourcePara, SourceRun } from './types.js';

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'tr',
  'td',
  'th',
  'table',
  'section',
  'article',
  'header',
  'footer',
  'blockquote',
  'center',
  'hr',
  'dd',
  'dt',
  'ul',
  'ol',
  'form',
  'pre',
]);
const SKIP = new Set(['script', 'style', 'head', 'title', 'noscript', 'template', 'select', 'button', 'iframe', 'svg']);
const BOLD = new Set(['b', 'strong']);

/** The charset a page declares in its first bytes (<meta charset> or http-equiv), lower-cased. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : undefined;
}

export function decodeHtml(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  const cs = declaredCharset(bytes);
  if (cs && /^(?:gb2312|gbk|gb18030|x-gbk|cp936|windows-936|euc-cn|hz-gb-2312)$/.test(cs)) {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      // The page lies about its charset: fall through to sniffing.
    }
  }
  if (cs && /^big5/.test(cs)) return new TextDecoder('big5').decode(bytes);
  const raw = decodeRaw(bytes);
  return raw.encoding === 'binary' ? undefined : raw.text;
}

function alignOf(attribs: Record<string, string>): Alignment | undefined {
  const a = (attribs.align ?? /text-align\s*:\s*(\w+)/i.exec(attribs.style ?? '')?.[1] ?? '').toLowerCase();
  return a === 'center' ? 'center' : a === 'right' ? 'right' : a === 'left' ? 'left' : a === 'justify' ? 'justify' : undefined;
}

export function readHtml(bytes: Uint8Array): SourceDocument | undefined {
  const html = decodeHtml(bytes);
  if (html === undefined) return undefined;
  const paras: SourcePara[] = [];
  let runs: SourceRun[] = [];
  let align: Alignment | undefined;
  let skip = 0;
  let bold = 0;
  const boldStack: boolean[] = [];
  const alignStack: (Alignment | undefined)[] = [];
  const end = () => {
    if (runs.some((r) => r.text.trim())) paras.push({ runs, align });
    runs = [];
    align = undefined;
  };
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (SKIP.has(name)) skip++;
        if (BLOCK.has(name)) {
          end();
          if (name !== 'br') alignStack.push(alignOf(attribs) ?? alignStack[alignStack.length - 1]);
          align = alignStack[alignStack.length - 1];
        }
        const b = BOLD.has(name) || /font-weight\s*:\s*(?:bold|[6-9]00)/i.test(attribs.style ?? '');
        boldStack.push(b);
        if (b) bold++;
      },
      ontext(text) {
        if (skip) return;
        // Source line breaks and runs of spaces inside a block are one space in a browser.
        const t = text.replace(/[ \t\r\n]+/g, ' ');
        if (t) runs.push({ text: t, bold: bold > 0, hei: false });
        if (align === undefined) align = alignStack[alignStack.length - 1];
      },
      onclosetag(name, implied) {
        if (SKIP.has(name)) skip = Math.max(0, skip - 1);
        if (boldStack.pop()) bold = Math.max(0, bold - 1);
        if (BLOCK.has(name) && name !== 'br') {
          end();
          alignStack.pop();
        }
        void implied;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  end();
  // &nbsp; is text to a browser but only spacing here.
  for (const p of paras) for (const r of p.runs) r.text = r.text.replace(/\u00a0/g, ' ');
  return { format: 'html', formatted: false, paras };
}
