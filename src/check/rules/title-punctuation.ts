/**
 * title/punctuation: an article title ends without punctuation (GB/T 15834-2011 B.4: 通常不用标点符号,
 * a ？ ！ or …… where needed; GB/T 9704 §7.3.1 places the title but says nothing of its marks).
 * A hint, as the source says 通常. Closing quotes and brackets are part of the wording and stay. A
 * trailing 。，、；： carries its removal as a fix, which `bulletin fix` applies only when bulletin.yaml
 * raises the rule to a warning or an error; a ？ or ！ may be meant, so it never has one.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/index.js';
import type { NamedRule } from '../context.js';
import { fixAt, locAt, proseUnits } from '../text.js';

const ID = 'title/punctuation';
const REMOVABLE = /[。，、；：.,;:]$/;
const REPORTED = /[！？!?]$/;

export const titlePunctuation: NamedRule = {
  meta: [
    {
      id: ID,
      severity: 'hint',
      fixable: true,
      stage: 'check',
      source: { standard: 'GB/T 15834-2011', clause: '附录B.4（文章标题的标点用法）' },
      description: { zh: '标题末尾通常不用标点', en: 'a title usually ends without punctuation' },
    },
  ],
  create(ctx) {
    const out: Diagnostic[] = [];
    for (const u of proseUnits(ctx)) {
      if (u.kind !== 'title') continue;
      const t = u.text.trimEnd();
      const i = t.length - 1;
      if (i < 0) continue;
      const ch = t[i];
      if (/(?:\.{3,}|。{3,}|…)$/.test(t)) continue; // an ellipsis: text/ellipsis speaks for it
      const removable = REMOVABLE.test(t);
      if (!removable && !REPORTED.test(t)) continue;
      const fix = removable ? fixAt(u, i, 1, '') : undefined;
      out.push(
        diagnostic(
          ID,
          'hint',
          locAt(u, i),
          { zh: `标题末尾通常不用标点，这里有“${ch}”`, en: `a title usually ends without punctuation; this one ends with “${ch}”` },
          {
            hint: removable
              ? { zh: `删去末尾的“${ch}”`, en: `delete the final “${ch}”` }
              : { zh: `如非必要，删去末尾的“${ch}”`, en: `delete the final “${ch}” unless it is really meant` },
            ...(fix ? { fix } : {}),
          },
        ),
      );
    }
    return out;
  },
};
