/** Read a PDF the way a viewer does (pdfjs-dist, no poppler needed): text with positions and fonts. */
import { inflateSync } from 'node:zlib';

export interface PdfText {
  str: string;
  x: number;
  /** Baseline y from the top of the page. */
  y: number;
  width: number;
  fontName: string;
}

export async function readPdf(data: Uint8Array): Promise<{ pages: PdfText[][]; info: Record<string, unknown>; fonts: string[] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(data), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: PdfText[][] = [];
  const fonts = new Set<string>();
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const h = page.view[3];
    const tc = await page.getTextContent();
    const items: PdfText[] = [];
    for (const it of tc.items) {
      if (!('str' in it)) continue;
      items.push({ str: it.str, x: it.transform[4], y: h - it.transform[5], width: it.width, fontName: it.fontName });
    }
    await page.getOperatorList();
    for (const key of Object.keys(tc.styles)) {
      const f = page.commonObjs.has(key) ? (page.commonObjs.get(key) as { name?: string }) : undefined;
      if (f?.name) fonts.add(f.name);
    }
    pages.push(items);
  }
  const meta = await doc.getMetadata();
  await doc.destroy();
  return { pages, info: meta.info as Record<string, unknown>, fonts: [...fonts] };
}

/** The page content streams of the file, inflated (pdfkit's start with the page flip), for checks on colour operators. */
export function contentStreams(pdf: Buffer): string[] {
  const out: string[] = [];
  const text = pdf.toString('latin1');
  const re = /(?<!end)stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    try {
      const s = inflateSync(pdf.subarray(start, end)).toString('latin1');
      if (s.startsWith('1 0 0 -1 0 ')) out.push(s);
    } catch {
      /* not deflated (or not a content stream) */
    }
    re.lastIndex = end;
  }
  return out;
}
