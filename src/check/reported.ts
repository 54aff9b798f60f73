/**
 * The rule ids reported outside the check rules — by the YAML reader, the model, the fonts and the
 * trial layout, as they read — registered here with the same facts as a check rule's meta, so every
 * id a user can see is listed, documented and configurable in one registry. Their default
 * severities are the table those stages report with (REPORTED_SEVERITY in src/diagnostics), read
 * here rather than written again; keyed by id, every id of that table has its entry here.
 */
import { REPORTED_SEVERITY, type ReportedRule } from '../diagnostics/index.js';
import type { RuleMeta } from './context.js';

type Entry = [fixable: boolean, stage: RuleMeta['stage'], zh: string, en: string, source?: RuleMeta['source'], locked?: boolean];

const HOUSE: RuleMeta['source'] = { standard: 'house style' };
const GB9704 = (clause: string): RuleMeta['source'] => ({ standard: 'GB/T 9704-2012', clause });

const ENTRIES: Record<ReportedRule, Entry> = {
  // YAML and manifests: without them there is no issue to print.
  'yaml/syntax': [false, 'yaml', 'YAML 语法错误', 'a YAML syntax error', HOUSE, true],
  'yaml/colon': [true, 'yaml', '键后用了全角冒号或冒号后缺空格', 'a full-width colon, or no space after the colon, after a key', HOUSE, true],
  'yaml/aliases': [false, 'yaml', 'YAML 别名展开过多（可能是恶意文件）', 'too many YAML alias expansions (a hostile file?)', HOUSE, true],
  'yaml/type': [false, 'yaml', 'YAML 顶层应为多级设置', 'the YAML document should be a mapping', HOUSE, true],
  'manifest/missing': [false, 'model', '缺少必填项', 'a required key is missing', HOUSE, true],
  'manifest/type': [false, 'model', '设置项的值类型不对', 'a setting has the wrong type of value', HOUSE, true],
  'manifest/unknown-key': [false, 'model', '不认识的设置项（附“是不是”提示）', 'an unknown key (with a did-you-mean)', HOUSE, true],
  'manifest/out-of-range': [false, 'model', '期号、总期号或印数超出合理范围', 'an issue number, total or copies beyond sane values', HOUSE, true],
  'style/out-of-range': [false, 'model', '版式数值超出范围', 'a house-style number out of its range', GB9704('5, 7'), true],
  'style/inconsistent': [false, 'model', '版式数值彼此矛盾', 'house-style numbers that contradict each other', GB9704('5, 7'), true],
  'date/invalid': [true, 'model', '出刊日期不是有效日期', 'the issue date is not a real date', GB9704('7.3.5.4'), true],
  // Files
  'file/missing': [false, 'model', '文件不存在', 'a file does not exist', HOUSE, true],
  'file/outside-archive': [false, 'model', '文件在档案目录之外', 'a file lies outside the archive', HOUSE, true],
  'file/too-large': [false, 'model', '文件过大', 'a file is too large', HOUSE, true],
  'file/encoding': [true, 'model', '文件不是 UTF-8 编码', 'a file is not UTF-8', HOUSE, true],
  'file/not-regular': [false, 'model', '不是普通文件（文件夹、设备或管道）', 'not a regular file (a folder, device or pipe)', HOUSE, true],
  'file/unreadable': [false, 'model', '文件无法读取（权限或磁盘故障）', 'a file cannot be read (permissions or a disk fault)', HOUSE, true],
  'output/unwritable': [false, 'layout', '输出文件无法写入', 'the output file cannot be written', HOUSE, true],
  // Articles
  'article/missing': [false, 'model', 'issue.yaml 列出的文章文件不存在', 'an article issue.yaml lists does not exist', HOUSE, true],
  'article/duplicate': [false, 'model', '同一篇文章列了两次', 'an article is listed twice', HOUSE, true],
  'article/empty': [false, 'model', '文章是空的', 'an article is empty', HOUSE, true],
  'article/front-matter': [false, 'model', '文章缺少信息块（--- 之间的 title、source）', 'an article has no front matter', HOUSE, true],
  'article/title': [false, 'model', '文章缺少标题', 'an article has no title', HOUSE, true],
  'article/markdown': [false, 'model', '正文无法按 Markdown 读取，已按纯文本读取', 'the body could not be read as Markdown and was read as plain text', HOUSE],
  'attribution/missing': [false, 'model', '文章缺少供稿单位（source）', 'an article names no contributing unit (source)', HOUSE, true],
  // Markdown constructs a bulletin page does not have
  'markdown/html': [false, 'model', 'HTML 标签', 'an HTML tag', HOUSE, true],
  'markdown/image': [false, 'model', '图片（简报页面不印图片）', 'an image (a bulletin page has no pictures)', HOUSE, true],
  'markdown/table': [false, 'model', '表格', 'a pipe table', HOUSE, true],
  'markdown/html-comment': [false, 'model', 'HTML 注释不印出', 'an HTML comment is not printed', HOUSE],
  'markdown/thematic-break': [false, 'model', '分隔线（---）不印出', 'a thematic break (---) is not printed', HOUSE],
  'markdown/bullet-list': [false, 'model', '无序列表印作“·”', 'a bullet list is printed with “·”', GB9704('7.3.3')],
  'markdown/blockquote': [false, 'model', '引用块按普通段落印出', 'a block quote is printed as plain paragraphs', HOUSE],
  'markdown/code': [false, 'model', '代码块按普通段落印出', 'a code block is printed as plain paragraphs', HOUSE],
  'markdown/inline-code': [false, 'model', '行内代码的反引号不印', 'inline code is printed without its backticks', HOUSE],
  'markdown/emphasis': [false, 'model', '段中的粗体、斜体按普通文字印出', 'emphasis inside a paragraph is printed plain', HOUSE],
  'markdown/link': [false, 'model', '链接只印文字，不印网址', 'a link prints its text, not its address', HOUSE],
  'markdown/definition': [false, 'model', '链接定义不印出', 'a link definition is not printed', HOUSE],
  'markdown/entity': [false, 'model', '网页字符代码印作字符', 'an HTML character reference is printed as its character', HOUSE],
  'markdown/unsupported': [false, 'model', '不支持的 Markdown 结构，未印出', 'unsupported Markdown, not printed', HOUSE],
  // Fonts and the trial layout
  'font/unreadable': [false, 'fonts', '字体文件无法打开', 'a font file cannot be opened', HOUSE, true],
  'font/missing-glyph': [false, 'layout', '所有字体都没有这个字', 'no font has this character', HOUSE, true],
  'layout/does-not-fit': [false, 'layout', '固定宽度的内容在版心内放不下', 'fixed-width text does not fit the text block', GB9704('5.2.1'), true],
  'layout/overfull': [false, 'layout', '一行排不下', 'a line cannot be set within the measure', GB9704('5.2.1'), true],
  'layout/max-pages': [false, 'layout', '页数超过 style.max_pages', 'more pages than style.max_pages', HOUSE],
  'layout/title-at-bottom': [false, 'layout', '标题落在页底，正文在下一页', 'a title at the foot of a page, its text on the next', HOUSE],
  'layout/end-block-page': [
    false,
    'layout',
    '版记单独成页（偶数页），使正文末页下部空三行以上，或前面加了空白页',
    'the end block on a page of its own (an even page) leaves the last page of text three or more rows short, or a blank page before it',
    GB9704('7.4'),
  ],
  'layout/failed': [false, 'layout', '排版试运行失败', 'the trial layout failed', HOUSE, true],
  // The WeChat edition: the platform's limits
  'wechat/title-length': [false, 'edition', '标题超过公众号图文标题字数上限', 'a title longer than a WeChat article title may be', HOUSE],
  'wechat/digest-length': [false, 'edition', '摘要超过公众号字数上限，会被截断', 'a digest longer than WeChat allows (it is cut)', HOUSE],
  'wechat/content-size': [false, 'edition', '公众号正文超过 2 万字符或 1 MB', 'WeChat content over 20,000 characters or 1 MB', HOUSE],
  // The checker itself and its configuration
  'internal/rule-failed': [false, 'internal', '某条检查规则运行出错，被跳过', 'a check rule failed and was skipped', HOUSE],
  'checks/unknown-rule': [
    false,
    'internal',
    'checks 中写了不存在的规则（附“是不是”提示）',
    'checks names a rule that does not exist (with a did-you-mean)',
    HOUSE,
    true,
  ],
  'checks/locked': [
    false,
    'internal',
    'checks 试图关闭或降低一条不能放过的错误',
    'checks tries to switch off or lower an error that cannot be let through',
    HOUSE,
    true,
  ],
};

export const REPORTED_ELSEWHERE: readonly RuleMeta[] = (Object.entries(ENTRIES) as [ReportedRule, Entry][]).map(
  ([id, [fixable, stage, zh, en, source = HOUSE, locked]]) => ({
    id,
    severity: REPORTED_SEVERITY[id],
    fixable,
    stage,
    description: { zh, en },
    source,
    ...(locked ? { locked } : {}),
  }),
);
