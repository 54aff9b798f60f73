/**
 * Punctuation marks in the wrong company (GB/T 15834-2011), each its own rule id, all read from one
 * pass of the pattern skeleton:
 * - punctuation/comma-before-etc: no 顿号 before 等/等等 closing a list (附录B.1.2);
 * - punctuation/ellipsis-etc: an ellipsis and 等 do not stand together (附录A.9);
 * - punctuation/repeated-mark: ？ or ！ doubled more than three times (§4.2.3, §4.3.3 allow three);
 * - punctuation/mark-before-period: 、。 or ，。 — a pause mark right before the full stop.
 */
import type { NamedRule, RuleMeta } from '../context.js';
import { excerpt } from '../text.js';
import { patternRule } from './pattern.js';

const SRC = (clause: string): RuleMeta['source'] => ({ standard: 'GB/T 15834-2011', clause });

/** 、 before 等 — but not before words that begin with 等 (等级, 等待, 等同 …). */
const COMMA_ETC = /、(?=等(?!级|待|候|同|额|量|次|于|号|距|高|分|比|价|效|值|第|身|腰|边|外|闲))/g;

export const commaBeforeEtc: NamedRule = patternRule(
  {
    id: 'punctuation/comma-before-etc',
    severity: 'warning',
    fixable: true,
    stage: 'check',
    source: SRC('附录B.1.2（“等”“等等”前不用顿号）'),
    description: { zh: '“等”“等等”前不用顿号', en: 'no 顿号 before 等/等等' },
  },
  COMMA_ETC,
  (m, u) => ({
    at: m.index!,
    length: 1,
    replacement: '',
    message: { zh: `“等”前不用顿号：${excerpt(u.text, m.index!, 2)}`, en: `no 、 before 等: ${excerpt(u.text, m.index!, 2)}` },
    hint: { zh: '删去这个顿号（可运行 bulletin fix 自动修正）', en: 'delete this 、 (bulletin fix does it)' },
  }),
);

/** …… (or …) directly followed by 等/等等, not by a word that begins with 等. */
const ELLIPSIS_ETC = /…+(?=等(?!级|待|候|同|额|量|次|于|号|距|高|分|比|价|效|值|第|身|腰|边|外|闲))/g;

export const ellipsisWithEtc: NamedRule = patternRule(
  {
    id: 'punctuation/ellipsis-etc',
    severity: 'warning',
    fixable: false,
    stage: 'check',
    source: SRC('附录A.9（省略号不与“等”“等等”同用）'),
    description: { zh: '省略号与“等”“等等”不同时使用', en: 'an ellipsis and 等 are not used together' },
  },
  ELLIPSIS_ETC,
  (m, u) => ({
    at: m.index!,
    length: m[0].length,
    message: {
      zh: `省略号和“等”重复表示省略：${excerpt(u.text, m.index!, m[0].length + 1)}`,
      en: `an ellipsis and 等 both mark the omission: ${excerpt(u.text, m.index!, m[0].length + 1)}`,
    },
    hint: { zh: '删去省略号或删去“等”，二者留一', en: 'keep either the ellipsis or 等, not both' },
  }),
);

const REPEATED = /[？！]{4,}/g;

export const repeatedMark: NamedRule = patternRule(
  {
    id: 'punctuation/repeated-mark',
    severity: 'warning',
    fixable: false,
    stage: 'check',
    source: SRC('4.2.3, 4.3.3（叠用最多三个）'),
    description: { zh: '问号或叹号叠用超过三个', en: 'a ？ or ！ repeated more than three times' },
  },
  REPEATED,
  (m, u) => {
    // Up to three (？！ and ？？？ included) is what the standard allows for emphasis.
    return {
      at: m.index!,
      length: m[0].length,
      message: {
        zh: `标点“${m[0]}”叠用过多：${excerpt(u.text, m.index!, m[0].length)}`,
        en: `the marks “${m[0]}” are repeated too often: ${excerpt(u.text, m.index!, m[0].length)}`,
      },
      hint: { zh: '问号、叹号叠用最多三个；公文中一般只用一个', en: 'at most three ？ or ！ in a row; official text uses one' },
    };
  },
);

const BEFORE_PERIOD = /[、，](?=。)/g;

export const markBeforePeriod: NamedRule = patternRule(
  {
    id: 'punctuation/mark-before-period',
    severity: 'warning',
    fixable: true,
    stage: 'check',
    source: SRC('4.1, 4.4, 4.5'),
    description: { zh: '句号前多了顿号或逗号（、。 ，。）', en: 'a 、 or ， right before 。' },
  },
  BEFORE_PERIOD,
  (m, u) => ({
    at: m.index!,
    length: 1,
    replacement: '',
    message: { zh: `“${m[0]}”紧接着句号：${excerpt(u.text, m.index!, 2)}`, en: `“${m[0]}” right before “。”: ${excerpt(u.text, m.index!, 2)}` },
    hint: { zh: `删去“${m[0]}”（可运行 bulletin fix 自动修正）`, en: `delete the “${m[0]}” (bulletin fix does it)` },
  }),
);
