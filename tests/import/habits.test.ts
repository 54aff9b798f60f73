/**
 * Word habits, one by one: each test builds a .docx in the test with the `docx` package, imports
 * it, and reads the Markdown written back through the model (title, source, blocks, leads).
 */
import { AlignmentType, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { articleMarkdown, buildArticle, readDocx } from '../../src/import/index.js';
import { isWebDebris } from '../../src/import/article.js';
import { modelOf, UNITS } from './helpers.js';
import { bold, brk, docxBytes, empty, heading, hei, numbered, para, right, run, styledTitle, title } from './word.js';

async function imported(children: Paragraph[], units: readonly string[] = UNITS) {
  const doc = readDocx(await docxBytes(children));
  const article = buildArticle(doc, { units, fallbackTitle: 'file' });
  const markdown = articleMarkdown(article);
  return { ...modelOf(markdown), markdown, guesses: article.guesses.map((g) => g.en) };
}

const END = para('（供稿单位：天元区委组织部）');

describe('title', () => {
  it('a centred, larger first paragraph is the title; a Shift+Enter break before its —— subtitle is joined', async () => {
    const a = await imported([
      title([new TextRun({ text: '天元区“小院议事”', size: 44 }), new TextRun({ text: '——打通服务群众最后一米', size: 44, break: 1 })]),
      para('正文第一段。'),
      END,
    ]);
    expect(a.title).toBe('天元区“小院议事”——打通服务群众最后一米');
    expect(a.blocks).toEqual(['正文第一段。']);
    expect(a.guesses).toEqual([]);
  });

  it('a —— subtitle in a paragraph of its own is joined to the title', async () => {
    const a = await imported([title('芦淞区商圈党建'), title('——“链”起商户同心圆'), para('正文。'), END]);
    expect(a.title).toBe('芦淞区商圈党建——“链”起商户同心圆');
  });

  it.each([
    ['the Title style', styledTitle('荷塘区推行网格化治理')],
    ['the Heading 1 style', heading('荷塘区推行网格化治理', 1)],
    ['bold', para([bold('荷塘区推行网格化治理')])],
    ['a larger size only', para([run('荷塘区推行网格化治理', { size: 44 })])],
  ])('is recognised by %s', async (_, p) => {
    const a = await imported([p, para('正文第一段，说明情况。'), para('正文第二段。'), END]);
    expect(a.title).toBe('荷塘区推行网格化治理');
    expect(a.blocks).toEqual(['正文第一段，说明情况。', '正文第二段。']);
    expect(a.guesses).toEqual([]);
  });

  it('is recognised by the empty paragraph after it', async () => {
    const a = await imported([para('荷塘区推行网格化治理'), empty(), para('正文第一段。'), END]);
    expect(a.title).toBe('荷塘区推行网格化治理');
    expect(a.guesses).toEqual([]);
  });

  it('a first line set apart by nothing is taken as the title, and said so', async () => {
    const a = await imported([para('荷塘区推行网格化治理'), para('正文第一段。'), END]);
    expect(a.title).toBe('荷塘区推行网格化治理');
    expect(a.guesses).toEqual([expect.stringMatching(/title taken from the first line/)]);
  });
});

describe('paragraphs', () => {
  it('typed indents (two U+3000, runs of spaces, tabs) and empty paragraphs are removed', async () => {
    const a = await imported([title('标题'), empty(), para('　　第一段。'), empty(), para('    第二段。'), empty(), empty(), para('\t第三段。　'), END]);
    expect(a.blocks).toEqual(['第一段。', '第二段。', '第三段。']);
    expect(a.markdown).not.toMatch(/[\u3000\t]|^ /m);
  });

  it('one Word paragraph with manual line breaks between its paragraphs is split back', async () => {
    const a = await imported([title('标题'), para([run('　　第一段。'), brk('　　第二段，'), run('接着写。'), brk('　　第三段。')]), END]);
    expect(a.blocks).toEqual(['第一段。', '第二段，接着写。', '第三段。']);
  });

  it('the whole text pasted as one paragraph with breaks: first line title, the rest paragraphs', async () => {
    const a = await imported([para([run('石峰区推行“项目化”党建'), brk('　　第一段。'), brk('　　第二段。'), brk('（供稿单位：天元区委组织部）')])]);
    expect(a.title).toBe('石峰区推行“项目化”党建');
    expect(a.blocks).toEqual(['第一段。', '第二段。']);
    expect(a.sources).toEqual(['天元区委组织部']);
  });

  it('text is kept as submitted: half-width punctuation, quotes and Markdown characters survive', async () => {
    const a = await imported([
      title('标题'),
      para('今年以来,全区推行“1+1+N”模式*试点*,成效明显。'),
      para('1. 第一项写了一句完整的话。还有第二句。'),
      para('- 不是列表'),
      para('# 不是标题'),
      END,
    ]);
    expect(a.blocks).toEqual(['今年以来,全区推行“1+1+N”模式*试点*,成效明显。', '1. 第一项写了一句完整的话。还有第二句。', '- 不是列表', '# 不是标题']);
  });
});

it('hidden text (w:vanish) is not imported', async () => {
  const a = await imported([title('标题'), para([run('看得见的字。'), run('隐藏的批注。', { vanish: true })]), END]);
  expect(a.blocks).toEqual(['看得见的字。']);
});

describe('leads', () => {
  it('a bold run at the start of a paragraph becomes **…**', async () => {
    const a = await imported([title('标题'), para([bold('织密组织网络。'), run('全区划分网格486个。')]), END]);
    expect(a.blocks).toEqual(['**织密组织网络。**全区划分网格486个。']);
    expect(a.markdown).toContain('**织密组织网络。**全区划分网格486个。');
  });

  it('a 黑体 run without bold is a lead too; a 。 Word left out of the run belongs to it', async () => {
    const a = await imported([title('标题'), para([run('　　'), hei('配强网格力量'), run('。每个网格配备1名专职网格员。')]), END]);
    expect(a.blocks).toEqual(['**配强网格力量。**每个网格配备1名专职网格员。']);
  });

  it('黑体 is no lead when the whole text is in 黑体; a bold word mid-paragraph is no lead', async () => {
    const heiBody = await imported([title('标题'), para([hei('全文都用黑体。'), hei('第二句。')]), END]);
    expect(heiBody.blocks).toEqual(['全文都用黑体。第二句。']);
    const mid = await imported([title('标题'), para([run('正文中间有'), bold('加粗'), run('的词。')]), END]);
    expect(mid.blocks).toEqual(['正文中间有加粗的词。']);
  });

  it('a paragraph bold from end to end is a lead only when it is a sentence', async () => {
    const a = await imported([title('标题'), para([bold('只有一句加粗的话。')]), para([bold('加粗但不成句')]), END]);
    expect(a.blocks).toEqual(['**只有一句加粗的话。**', '加粗但不成句']);
  });
});

describe('headings', () => {
  it('typed labels 一、 （一） 1. make #, ##, ###; a long 1. paragraph stays a paragraph', async () => {
    const a = await imported([
      title('标题'),
      para([hei('一、主要做法')]),
      para([run('（一）织密“一张网”', { font: { eastAsia: '楷体_GB2312' } })]),
      para('1.科学划分网格'),
      para('2.按照规模适度的原则划分网格。每个网格300至500户，边界清晰。'),
      END,
    ]);
    expect(a.blocks).toEqual(['h1 一、主要做法', 'h2 （一）织密“一张网”', 'h3 1.科学划分网格', '2.按照规模适度的原则划分网格。每个网格300至500户，边界清晰。']);
  });

  it('Word heading styles make headings', async () => {
    const a = await imported([title('标题'), heading('主要做法', 1), heading('织密网络', 2), para('正文。'), END]);
    expect(a.blocks).toEqual(['h1 主要做法', 'h2 织密网络', '正文。']);
  });

  it('under a Heading 1 title, Heading 2 is the first level', async () => {
    const a = await imported([heading('标题', 1), heading('主要做法', 2), heading('织密网络', 3), END]);
    expect(a.title).toBe('标题');
    expect(a.blocks).toEqual(['h1 主要做法', 'h2 织密网络']);
  });

  it("Word's automatic numbering: the labels from numbering.xml are put back as text", async () => {
    const a = await imported([
      title('标题'),
      para('导语。'),
      numbered('主要做法', 0),
      numbered('建好议事平台', 1),
      numbered('搭建阵地', 2),
      numbered('明确规则', 2),
      numbered('选好议事代表', 1),
      numbered('推选代表', 2),
      numbered('经验启示', 0),
      numbered('坚持群众路线', 1),
      END,
    ]);
    expect(a.blocks).toEqual([
      '导语。',
      'h1 一、主要做法',
      'h2 （一）建好议事平台',
      'h3 1.搭建阵地',
      'h3 2.明确规则',
      'h2 （二）选好议事代表',
      'h3 1.推选代表',
      'h1 二、经验启示',
      'h2 （一）坚持群众路线',
    ]);
  });
});

describe('attribution', () => {
  const body = [title('标题'), para('正文。')];
  it.each([
    ['（供稿单位：X）', ['（供稿单位：天元区委组织部）'], ['天元区委组织部']],
    ['（X供稿）', ['（芦淞区委组织部供稿）'], ['芦淞区委组织部']],
    ['供稿：X', ['供稿：荷塘区委组织部'], ['荷塘区委组织部']],
    ['供稿单位：X、Y (joint)', ['供稿单位：天元区委组织部、芦淞区委组织部'], ['天元区委组织部', '芦淞区委组织部']],
    ['half-width (供稿单位:X)', ['(供稿单位:天元区委组织部)'], ['天元区委组织部']],
  ])('%s is moved into source', async (_, lines, sources) => {
    const a = await imported([...body, ...lines.map((l) => para(l))]);
    expect(a.sources).toEqual(sources);
    expect(a.blocks).toEqual(['正文。']);
    expect(a.guesses).toEqual([]);
  });

  it('a signature block (the unit, then the date, right-aligned) is the source; it is said', async () => {
    const a = await imported([...body, right('攸县县委组织部'), right('2026年2月26日')]);
    expect(a.sources).toEqual(['攸县县委组织部']);
    expect(a.blocks).toEqual(['正文。']);
    expect(a.guesses).toEqual([expect.stringMatching(/signature “攸县县委组织部”.*2026年2月26日/)]);
  });

  it("the web copy's attribution glued to the last paragraph is cut off it", async () => {
    const a = await imported([title('标题'), para('……全面推动工作落地见效。 (供稿单位:醴陵市委组织部)')]);
    expect(a.sources).toEqual(['醴陵市委组织部']);
    expect(a.blocks).toEqual(['……全面推动工作落地见效。']);
  });

  it('an （执笔：…） line stays in the text, before or after the attribution', async () => {
    const after = await imported([...body, para('（供稿单位：天元区委组织部）'), para('（执笔：张　三　李　四）')]);
    expect(after.sources).toEqual(['天元区委组织部']);
    expect(after.blocks).toEqual(['正文。', '（执笔：张　三　李　四）']);
    const before = await imported([...body, para('（执笔：王　五）'), para('（天元区委组织部供稿）')]);
    expect(before.blocks).toEqual(['正文。', '（执笔：王　五）']);
  });

  it('units are matched exactly, then to the nearest name (reported), else kept as written (reported)', async () => {
    const near = await imported([...body, para('（供稿单位：天元区组织部）')]);
    expect(near.sources).toEqual(['天元区委组织部']);
    expect(near.guesses).toEqual(['unit “天元区组织部” taken as the nearest known unit “天元区委组织部”']);
    const longer = await imported([...body, para('（供稿单位：中共株洲市天元区委组织部）')]);
    expect(longer.sources).toEqual(['天元区委组织部']);
    const unknown = await imported([...body, para('（供稿单位：市教育局）')]);
    expect(unknown.sources).toEqual(['市教育局']);
    expect(unknown.guesses).toEqual(['unit “市教育局” is not among the units in bulletin.yaml; kept as written']);
  });

  it('no attribution at all: source left empty and said', async () => {
    const a = await imported(body);
    expect(a.sources).toEqual([]);
    expect(a.guesses).toEqual(['no contributing unit found; source must be filled in']);
  });
});

it('a paragraph alignment of a Word paragraph style is not taken for the title when the paragraph is plain body', async () => {
  const a = await imported([title('标题'), new Paragraph({ alignment: AlignmentType.BOTH, children: [run('两端对齐的正文。')] }), END]);
  expect(a.blocks).toEqual(['两端对齐的正文。']);
});

describe('web page debris', () => {
  it.each([
    '来源:办公室 作者:',
    '来源：市委组织部　　作者：　　发布时间：2026-03-02',
    '发布时间:2026-03-02 浏览次数:1024',
    '浏览次数：88',
    '上一篇:《株洲组织工作信息》2026年第4期',
    '下一篇:返回列表',
    '返回列表',
    '打印 关闭',
    '【打印本页】【关闭窗口】',
    '字体大小：大 中 小',
    '字体大小 大 中 小',
    '【字体：大 中 小】【打印】【关闭】',
    '当前位置：首页 > 工作信息',
    '版权所有：中共株洲市委组织部　湘ICP备00000000号',
  ])('“%s” is removed', (line) => {
    expect(isWebDebris(line)).toBe(true);
  });

  it.each(['来源于群众、服务群众，是做好工作的根本。', '打印机、复印机等设备统一采购。', '作者认为，基层治理重在落实。'])('“%s” is text', (line) => {
    expect(isWebDebris(line)).toBe(false);
  });
});
