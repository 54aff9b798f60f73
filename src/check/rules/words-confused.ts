/**
 * words/confused: words often written for another (截止 for 截至, 其它 for 其他 …), from a
 * built-in dictionary that bulletin.yaml extends under `words:` — each entry says why, and only
 * fires in the narrow context it names (`before`, `not_before`), so a right use is never reported.
 * One pass per unit: every entry is found by indexOf of its word, so the check stays linear.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/index.js';
import type { WordEntry } from '../../model/index.js';
import type { NamedRule } from '../context.js';
import { excerpt, locAt, proseUnits } from '../text.js';

const DATE_AHEAD = [
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '0',
  '目前',
  '今年',
  '去年',
  '本月',
  '上月',
  '本年',
  '当前',
  '发稿',
  '年底',
  '年末',
  '月底',
  '一月',
  '二月',
  '三月',
  '四月',
  '五月',
  '六月',
  '七月',
  '八月',
  '九月',
  '十月',
  '十一月',
  '十二月',
  '二〇',
];

/** The built-in dictionary (《现代汉语词典》第7版 and 《通用规范汉字表》 usage notes). */
export const BUILTIN_WORDS: readonly WordEntry[] = [
  {
    find: '截止',
    use: '截至',
    why: '“截至”表示到某时为止（后接时间）；“截止”表示到时停止，后面不接时间（《现代汉语词典》第7版）',
    why_en: '截至 means “up to (a time)” and takes a date; 截止 means “to close” and takes none',
    before: DATE_AHEAD,
  },
  {
    find: '其它',
    use: '其他',
    why: '“其他”兼指人和事物，规范词形用“其他”（《现代汉语词典》第7版“其它”条：同“其他”，用于事物；公文统一用“其他”）',
    why_en: '其他 is the standard form for people and things alike',
    severity: 'warning',
  },
  {
    find: '必需',
    use: '必须',
    why: '“必须”是副词，表示一定要（后接动词）；“必需”是动词，表示一定要有、不可少（《现代汉语词典》第7版）',
    why_en: '必须 is the adverb “must” before a verb; 必需 is the verb “to need”',
    before: ['要', '得', '坚持', '严格', '按照', '认真', '加强', '做到', '遵守', '落实', '把', '切实', '始终', '确保', '高度', '及时'],
  },
  {
    find: '做出',
    use: '作出',
    why: '后接“决定、部署、贡献、批示”等抽象事物时，公文习惯用“作出”（《现代汉语词典》第7版“作出”“做出”条的用例）',
    why_en: 'with abstract objects (决定, 部署, 贡献 …) official text writes 作出',
    before: ['决定', '部署', '贡献', '批示', '指示', '决策', '承诺', '安排', '规定', '重要讲话'],
    severity: 'hint',
  },
  {
    find: '制订',
    use: '制定',
    why: '法律、法规、政策等由权力机关定出用“制定”；“制订”指创制拟订方案、计划（《现代汉语词典》第7版）',
    why_en: 'laws, regulations and policies are 制定 (laid down by an authority); 制订 is drafting a plan',
    before: ['法律', '法规', '条例', '政策', '规章'],
    severity: 'hint',
  },
];

function entries(extra: readonly WordEntry[] | undefined): WordEntry[] {
  return [...BUILTIN_WORDS, ...(extra ?? [])];
}

function fits(e: WordEntry, after: string): boolean {
  if (e.before && !e.before.some((w) => after.startsWith(w))) return false;
  if (e.not_before?.some((w) => after.startsWith(w))) return false;
  // The right word already follows (截止到 is fine; 必需品 is a noun).
  return true;
}

export const confusedWords: NamedRule = {
  meta: [
    {
      id: 'words/confused',
      severity: 'warning',
      fixable: false,
      stage: 'check',
      source: { standard: 'house style', clause: '《现代汉语词典》第7版；bulletin.yaml words:' },
      description: {
        zh: '易混词（截止/截至、其它/其他 …），词表可在 bulletin.yaml 的 words 中扩充',
        en: 'confused words (截止/截至, 其它/其他 …), a dictionary the office extends under words: in bulletin.yaml',
      },
    },
  ],
  create(ctx) {
    const out: Diagnostic[] = [];
    const list = entries(ctx.series.words);
    for (const u of proseUnits(ctx)) {
      for (const e of list) {
        if (!e.find) continue;
        for (let i = u.text.indexOf(e.find); i >= 0; i = u.text.indexOf(e.find, i + e.find.length)) {
          const after = u.text.slice(i + e.find.length, i + e.find.length + 8);
          if (!fits(e, after)) continue;
          // No fix: bulletin fix changes only marks and blanks, never the words (the author decides).
          out.push(
            diagnostic(
              'words/confused',
              e.severity ?? 'warning',
              locAt(u, i),
              {
                zh: `“${e.find}”应为“${e.use}”：${excerpt(u.text, i, e.find.length)}`,
                en: `“${e.find}” should be “${e.use}” here: ${excerpt(u.text, i, e.find.length)}`,
              },
              { hint: { zh: `改为“${e.use}”：${e.why}`, en: `write “${e.use}”: ${e.why_en ?? e.why}` } },
            ),
          );
        }
      }
    }
    return out;
  },
};
