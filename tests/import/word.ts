/** Word submissions built in the test with the `docx` package: each habit units have, as Word writes it. */
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun, type IParagraphOptions, type IRunOptions } from 'docx';

const BODY_FONT = { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };

/** A body run in 仿宋 3号 (16 pt = 32 half-points). */
export const run = (text: string, extra: Partial<IRunOptions> = {}) => new TextRun({ text, font: BODY_FONT, size: 32, ...extra });
export const bold = (text: string) => run(text, { bold: true });
export const hei = (text: string) => run(text, { font: { eastAsia: '黑体', ascii: '黑体', hAnsi: '黑体' } });
/** A run after a manual line break (Shift+Enter). */
export const brk = (text: string, extra: Partial<IRunOptions> = {}) => run(text, { break: 1, ...extra });

export const para = (children: TextRun[] | string, extra: Partial<IParagraphOptions> = {}) =>
  new Paragraph({ children: typeof children === 'string' ? [run(children)] : children, ...extra });
export const empty = () => new Paragraph({ children: [] });
/** The title as units set it: centred, 方正小标宋 2号 (22 pt). */
export const title = (text: string | TextRun[]) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    children: typeof text === 'string' ? [new TextRun({ text, font: { eastAsia: '方正小标宋简体' }, size: 44 })] : text,
  });
export const styledTitle = (text: string) => new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(text)] });
export const heading = (text: string, level: 1 | 2 | 3) =>
  new Paragraph({ heading: [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][level - 1], children: [new TextRun(text)] });
/** A paragraph numbered by Word's automatic list (一、 / （一） / 1.), its label only in numbering.xml. */
export const numbered = (children: TextRun[] | string, level: 0 | 1 | 2, reference = 'cn') =>
  new Paragraph({ numbering: { reference, level }, children: typeof children === 'string' ? [hei(children)] : children });
export const right = (text: string) => new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(text)] });

/** The multi-level list offices use for headings: 一、 （一） 1. */
const NUMBERING = {
  config: [
    {
      reference: 'cn',
      levels: [
        { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
        { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
        { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
      ],
    },
  ],
};

export async function docxBytes(children: Paragraph[]): Promise<Buffer> {
  const doc = new Document({ numbering: NUMBERING, sections: [{ children }] });
  return Packer.toBuffer(doc);
}
