import { describe, expect, it, vi } from 'vitest';
import { layoutTitle, lineText, titleWordBreaks } from '../../src/layout/index.js';
import { DEFAULT_STYLE, geometry } from '../../src/style/index.js';
import { pinnedFonts } from '../helpers/fonts.js';

const fonts = pinnedFonts();
const g = geometry(DEFAULT_STYLE);
const title = (text: string) =>
  layoutTitle(
    [{ text, role: 'title', loc: { file: 'a.md', line: 2, column: 8 } }],
    { fonts, size: 22, cell: 22, x: g.left, width: g.width, indent: 0, align: 'center', role: 'title' },
    [],
  );

describe('titles', () => {
  it('centres a one-line title', () => {
    const [l, ...rest] = title('天元区深化干部教育培训');
    expect(rest).toHaveLength(0);
    const centre = l.x + l.width / 2;
    expect(centre).toBeCloseTo(g.left + g.width / 2, 1);
  });

  it('balances a wrapped title and breaks it between words', () => {
    const lines = title('茶陵炎陵两县推进跨县域党建联建助力红色旅游融合发展');
    expect(lines.map(lineText)).toEqual(['茶陵炎陵两县推进跨县域党建联建', '助力红色旅游融合发展']);
    for (const l of lines) expect(l.x + l.width / 2).toBeCloseTo(g.left + g.width / 2, 1);
  });

  it('keeps a quoted name with the noun that completes it, and a conjunction at the end of its line', () => {
    // Was 市委组织部实施“株洲英才” / 计划打造… and 天元区推进“智慧党建” / 平台建设和…: a closing quote was
    // always taken for a phrase start, and 和党群 was one run of single characters.
    expect(title('市委组织部实施“株洲英才”计划打造区域人才集聚高地').map(lineText)).toEqual(['市委组织部实施“株洲英才”计划', '打造区域人才集聚高地']);
    expect(title('天元区推进“智慧党建”平台建设和党群服务阵地标准化提升工作').map(lineText)).toEqual([
      '天元区推进“智慧党建”平台建设和',
      '党群服务阵地标准化提升工作',
    ]);
    // A quote followed by a verb still starts a phrase.
    expect(title('石峰区“党建+链长制”推动园区企业党建与生产经营深度融合').map(lineText)).toEqual(['石峰区“党建+链长制”', '推动园区企业党建与生产经营深度融合']);
  });

  it('sets a title that cannot be balanced (a word wider than the measure) as a centred paragraph', () => {
    const lines = layoutTitle(
      [{ text: '推进ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ建设', role: 'title', loc: { file: 'a.md', line: 2, column: 8 } }],
      { fonts, size: 22, cell: 22, x: g.left, width: 22 * 8, indent: 0, align: 'center', role: 'title' },
      [],
    );
    expect(lines.map(lineText).join('')).toBe('推进ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ建设');
  });

  it('takes one line more rather than break inside a word, on a narrow measure (the phone image)', () => {
    // 19 characters of 3号 text: two lines of 22 pt would have to part 党|建 (13 + 13 characters).
    const narrow = { fonts, size: 22, cell: 22, x: 0, width: 19 * 16, indent: 0, align: 'center', role: 'title' } as const;
    const set = (text: string, margin?: number) =>
      layoutTitle([{ text, role: 'title', loc: { file: 'a.md', line: 2, column: 8 } }], { ...narrow, margin }, []).map(lineText);
    expect(set('茶陵炎陵两县推进跨县域党建联建助力红色旅游融合发展', 0)).toEqual(['茶陵炎陵两县', '推进跨县域党建联建', '助力红色旅游融合发展']);
    // A line more than the fewest only when the fewest break inside a word: two lines where a phrase parts them.
    expect(set('荷塘区党建引领网格化治理推动城市基层治理提质增效', 0)).toEqual(['荷塘区党建引领网格化治理', '推动城市基层治理提质增效']);
    expect(set('我市高质量完成2025年度市管领导班子和领导干部考核', 0)).toEqual(['我市高质量完成2025年度', '市管领导班子和领导干部考核']);
    // Kept a character clear of each margin, the phone's 13 characters of title do not hold 市管领导班子和领导干部考核.
    expect(set('我市高质量完成2025年度市管领导班子和领导干部考核')).toHaveLength(3);
  });

  it('never leaves a lone character on the last line of a title', () => {
    const lines = title('关于进一步加强和改进新时代基层党组织建设工作的若干意见');
    expect(lines.length).toBe(2);
    expect([...lineText(lines[1])].length).toBeGreaterThanOrEqual(2);
    const [a, b] = lines.map((l) => l.width);
    expect(Math.abs(a - b)).toBeLessThan(22 * 6);
  });
});

describe('titles: the word segmenter', () => {
  it('is made only for a title that wraps (loading its dictionary costs a cold build ~15 ms)', async () => {
    // A fresh copy of the layout modules, so that no earlier test has made the segmenter yet.
    vi.resetModules();
    const intl = Intl as { Segmenter: typeof Intl.Segmenter };
    const Original = intl.Segmenter;
    let made = 0;
    intl.Segmenter = class extends Original {
      constructor(...args: ConstructorParameters<typeof Original>) {
        super(...args);
        made++;
      }
    };
    try {
      const fresh = await import('../../src/layout/index.js');
      const set = (text: string) =>
        fresh.layoutTitle(
          [{ text, role: 'title', loc: { file: 'a.md', line: 2, column: 8 } }],
          { fonts, size: 22, cell: 22, x: g.left, width: g.width, indent: 0, align: 'center', role: 'title' },
          [],
        );
      expect(set('天元区深化干部教育培训').map(fresh.lineText)).toEqual(['天元区深化干部教育培训']);
      expect(made).toBe(0);
      expect(set('茶陵炎陵两县推进跨县域党建联建助力红色旅游融合发展').map(fresh.lineText)).toEqual(['茶陵炎陵两县推进跨县域党建联建', '助力红色旅游融合发展']);
      expect(made).toBe(1);
    } finally {
      intl.Segmenter = Original;
    }
  });
});

describe('titles: issue 9', () => {
  const titleAt = (text: string, subtitleSize?: number) =>
    layoutTitle(
      [{ text, role: 'title', loc: { file: 'a.md', line: 2, column: 8 } }],
      { fonts, size: 22, cell: 22, x: g.left, width: g.width, indent: 0, align: 'center', role: 'title', subtitleSize },
      [],
    );
  const LONG = '以高质量党建引领基层治理能力全面提升——天元区2025年1—9月基层党建重点任务推进情况调查';

  it('puts a ——subtitle of a wrapping title on its own line and never breaks inside 2025年 or 1—9月', () => {
    const lines = titleAt(LONG);
    const texts = lines.map(lineText);
    expect(texts.join('')).toBe(LONG);
    const sub = texts.findIndex((t) => t.startsWith('——'));
    expect(sub).toBeGreaterThan(0);
    expect(texts.slice(0, sub).join('')).toBe('以高质量党建引领基层治理能力全面提升');
    for (let i = 0; i + 1 < texts.length; i++) {
      const a = texts[i].slice(-1);
      const b = texts[i + 1][0];
      expect(/[0-9A-Za-z]/.test(a) && /[0-9A-Za-z年月日%—]/.test(b), `${texts[i]} | ${texts[i + 1]}`).toBe(false);
      expect(a === '—' && /[0-9]/.test(b), `${texts[i]} | ${texts[i + 1]}`).toBe(false);
    }
  });

  it('sets the subtitle at the house-style subtitle size', () => {
    const lines = titleAt(LONG, 16);
    const sub = lines.filter((l) => lineText(l).startsWith('——') || l.glyphs[0].size === 16);
    expect(sub.length).toBeGreaterThan(0);
    for (const l of sub) for (const gl of l.glyphs) expect(gl.size).toBe(16);
    expect(
      lines
        .filter((l) => l.glyphs[0].size === 22)
        .map(lineText)
        .join(''),
    ).toBe('以高质量党建引领基层治理能力全面提升');
  });

  it('keeps a short title with —— on one line', () => {
    expect(titleAt('党建引领——天元区的探索').length).toBe(1);
  });

  it('leaves at least one character of margin each side', () => {
    for (const t of ['荷塘区“三个工程”强化基层党组织能力建设', '渌口区“五个一”工作法激活农村基层党组织末梢神经', LONG]) {
      for (const l of titleAt(t)) {
        const ink0 = l.glyphs[0].x;
        const last = l.cells[l.cells.length - 1];
        expect(ink0, lineText(l)).toBeGreaterThanOrEqual(g.left + 22 - 0.5);
        expect(last.x + last.width, lineText(l)).toBeLessThanOrEqual(g.left + g.width - 22 + 0.5);
      }
    }
  });

  it('centres the ink of a line that ends with a closing quote, as of one that starts with an opening one', () => {
    const [l] = titleAt('天元区开展“党建+网格”');
    const centre = g.left + g.width / 2;
    // The quote's blank right half is set away: the line's box ends at the quote's ink.
    const last = l.cells[l.cells.length - 1];
    expect(last.text).toBe('”');
    expect(last.width).toBeCloseTo(11, 1);
    expect(l.x + l.width / 2).toBeCloseTo(centre, 1);
  });
});

describe('title word boundaries: small rules over Intl.Segmenter', () => {
  /** The title with a / at each place it may wrap between words. */
  const marked = (t: string) => {
    const b = new Set(titleWordBreaks(t));
    return [...t].map((c, i) => (b.has(i) ? '/' : '') + c).join('');
  };

  it('keeps a place-name or office suffix with the name before it', () => {
    // ICU: 荷塘|区|党|建, 天元|区|委|组织|部, 芦|淞|区|建宁|街道, 湘潭|市|推动.
    expect(marked('荷塘区党建引领网格化治理')).toBe('荷塘区/党建/引领/网格化/治理');
    expect(marked('天元区委组织部')).toBe('天元区委/组织部');
    expect(marked('芦淞区建宁街道推行')).toBe('芦淞区/建宁街道/推行');
    expect(marked('湘潭市推动')).toBe('湘潭市/推动');
    expect(marked('党群服务阵地标准化提升工作')).toBe('党群/服务/阵地/标准化/提升/工作');
  });

  it('keeps 村级, 县级, 市级 together and apart from the verb before, and 党组织, 党支部 whole', () => {
    // ICU: 推动|村|级|党|组织, 推进|县|级|党委, 健全|市|级|统筹, 党|支部|书记; was 推动村/级党/组织 (the web wrapped 推动村 | 级).
    expect(marked('推动村级党组织全面进步')).toBe('推动/村级/党组织/全面/进步');
    expect(marked('推进县级党委')).toBe('推进/县级/党委');
    expect(marked('健全市级统筹机制')).toBe('健全/市级/统筹/机制');
    expect(marked('党支部书记')).toBe('党支部/书记');
    // 党 is not bound to any word after it: 从严治党 / 主体责任 keeps its break.
    expect(marked('落实全面从严治党主体责任')).toBe('落实/全面/从严治党/主体/责任');
  });

  it('keeps 高质量, 全覆盖 and 新就业 whole, and 2025年度 apart from 市管', () => {
    // ICU: 我|市|高|质量, 实现|全|覆盖, 新|就业|群体, 2025|年度|市|管 (年度 is no place name).
    expect(marked('我市高质量完成2025年度市管领导班子')).toBe('我市/高质量/完成/2025年度/市管/领导/班子');
    expect(marked('以高质量党建引领高质量发展')).toBe('以/高质量/党建/引领/高质量/发展');
    expect(marked('实现全覆盖')).toBe('实现/全覆盖');
    expect(marked('新就业群体')).toBe('新就业/群体');
    // Words ICU already has stay as they were.
    expect(marked('提高质量')).toBe('提高/质量');
  });
});
