/**
 * names/near-miss: a protected form — a leader's name, a title, a unit's name or a slogan listed
 * under `names:` in bulletin.yaml, and every unit under `units:` — written with one character
 * different (李红美 for 李红梅) anywhere in an issue is an error naming the expected form.
 *
 * Kept narrow, because a false alarm on a real name is worse than a miss:
 * - forms shorter than three characters are not compared; in three-character names only the given
 *   name (2nd, 3rd character) is compared, since another surname is usually another person;
 * - the differing character is an ideograph on both sides (not a mark, digit or letter);
 * - a stretch that is itself a listed form is exact, never a near-miss (list 李红霞 too, if both work there);
 * - 市/县/区/省/乡/镇/村 for one another (区委组织部 for 市委组织部) is another unit, not a slip.
 * Candidates are found by the form's first two characters, so a check stays linear in the text.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/index.js';
import type { NamedRule } from '../context.js';
import { excerpt, isHan, locAt, textUnits } from '../text.js';

const LEVELS = /[省市县区乡镇村州盟旗]/;

interface Form {
  text: string;
  /** Index of the first character that may differ. */
  from: number;
}

function formsOf(names: readonly string[]): Form[] {
  const out: Form[] = [];
  const seen = new Set<string>();
  for (const raw of names) {
    const text = raw.trim();
    const n = [...text].length;
    if (n !== text.length || n < 3 || seen.has(text)) continue; // characters outside the BMP: not compared
    seen.add(text);
    out.push({ text, from: n === 3 ? 1 : 0 });
  }
  return out;
}

export const protectedNames: NamedRule = {
  meta: [
    {
      id: 'names/near-miss',
      severity: 'error',
      fixable: false,
      stage: 'check',
      source: { standard: 'house style', clause: 'bulletin.yaml names:, units:' },
      description: {
        zh: '领导姓名、职务、单位名称、口号与 names/units 所列规范写法差一个字',
        en: 'a name, title, unit or slogan one character off the form listed under names:/units:',
      },
    },
  ],
  create(ctx) {
    const listed = [...(ctx.series.names ?? []).map((n) => n.value), ...ctx.series.units];
    const forms = formsOf(listed);
    if (!forms.length) return [];
    const exact = new Set(forms.map((f) => f.text));
    // Candidates start where a form's first character stands, or one before where its second does.
    const byFirst = new Map<number, Form[]>();
    const bySecond = new Map<number, Form[]>();
    // Which code units start (1) or follow the start (2) of some form: most characters are neither.
    const hot = new Uint8Array(65536);
    for (const f of forms) {
      const [a, b] = [f.text.charCodeAt(0), f.text.charCodeAt(1)];
      hot[a] |= 1;
      hot[b] |= 2;
      (byFirst.get(a) ?? byFirst.set(a, []).get(a)!).push(f);
      (bySecond.get(b) ?? bySecond.set(b, []).get(b)!).push(f);
    }
    const out: Diagnostic[] = [];
    for (const u of textUnits(ctx)) {
      const t = u.text;
      // Near-misses by where they start: one stretch close to two listed forms (李红美: 李红梅, 李红霞) is one report.
      const found = new Map<string, { start: number; k: number; seen: string; forms: string[] }>();
      const reported = new Set<string>();
      const test = (start: number, f: Form) => {
        const n = f.text.length;
        if (start < 0 || start + n > t.length) return;
        // Count differences without slicing: most candidates differ in two characters or more.
        let k = -1;
        for (let j = 0; j < n; j++) {
          if (t.charCodeAt(start + j) === f.text.charCodeAt(j)) continue;
          if (k >= 0) return;
          k = j;
        }
        if (k < f.from) return; // exact (k = −1), or a different surname
        const key = `${start}|${f.text}`;
        if (reported.has(key)) return;
        const seen = t.slice(start, start + n);
        if (exact.has(seen)) return;
        const got = seen[k];
        const want = f.text[k];
        if (!isHan(got) || !isHan(want)) return;
        if (LEVELS.test(got) && LEVELS.test(want)) return;
        // A longer listed form that starts here and matches exactly is not a slip for this one.
        if (forms.some((g) => g.text.length > n && t.startsWith(g.text, start))) return;
        reported.add(key);
        const at = `${start}|${n}`;
        const hit = found.get(at);
        if (hit) hit.forms.push(f.text);
        else found.set(at, { start, k, seen, forms: [f.text] });
      };
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        const h = hot[c];
        if (!h) continue;
        const first = h & 1 ? byFirst.get(c) : undefined;
        if (first) for (const f of first) test(i, f);
        const second = h & 2 && i > 0 ? bySecond.get(c) : undefined;
        // A form whose first character also stands at i − 1 was already tried from there.
        if (second) for (const f of second) if (t.charCodeAt(i - 1) !== f.text.charCodeAt(0)) test(i - 1, f);
      }
      for (const { start, k, seen, forms } of found.values()) {
        const zhForms = forms.map((f) => `“${f}”`).join('或');
        const enForms = forms.map((f) => `“${f}”`).join(' or ');
        out.push(
          diagnostic(
            'names/near-miss',
            'error',
            locAt(u, start + k),
            {
              zh: `“${seen}”与规范写法${zhForms}差一个字：${excerpt(t, start, seen.length)}`,
              en: `“${seen}” is one character off the listed form ${enForms}: ${excerpt(t, start, seen.length)}`,
            },
            {
              hint: {
                zh: `核对原稿：若指${zhForms}，照此改正；若确为另一名称，把它也列入 bulletin.yaml 的 names`,
                en: `check the original: if ${enForms} is meant, write it so; if this is another name, list it under names: in bulletin.yaml too`,
              },
            },
          ),
        );
      }
    }
    return out;
  },
};
