/**
 * text/lead-period: a lead sentence (the bold words opening a paragraph, **…**) is a sentence and
 * ends with 。 (or ？！), so the bold stops at a full stop.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/index.js';
import type { NamedRule } from '../context.js';
import { locAt, proseUnits } from '../text.js';

export const leadPeriod: NamedRule = {
  meta: [
    {
      id: 'text/lead-period',
      severity: 'warning',
      fixable: false,
      stage: 'check',
      source: { standard: 'house style' },
      description: { zh: '段首加粗引导句以句号结尾', en: 'a bold lead sentence ends with 。' },
    },
  ],
  create(ctx) {
    const out: Diagnostic[] = [];
    for (const u of proseUnits(ctx)) {
      if (u.kind !== 'paragraph' || !u.lead) continue;
      const lead = u.text.slice(0, u.lead).trimEnd();
      // A paragraph that is bold throughout is a subheading, not a lead sentence.
      if (!lead || u.text.slice(u.lead).trim() === '') continue;
      if (/[。？！]$/.test(lead)) continue;
      const i = lead.length - 1;
      const last = lead[i];
      out.push(
        diagnostic(
          'text/lead-period',
          'warning',
          locAt(u, i),
          { zh: `段首加粗的引导句“${lead}”没有以句号“。”结尾`, en: `the bold lead sentence “${lead}” does not end with “。”` },
          {
            hint: /[，,；;：:]/.test(last)
              ? { zh: `把末尾的“${last}”改为“。”，并让加粗在“。”之后结束`, en: `change the final “${last}” to “。” and end the bold after it` }
              : { zh: '在引导句末尾加上“。”，放在加粗标记 ** 之内', en: 'add “。” at the end of the lead sentence, inside the ** marks' },
          },
        ),
      );
    }
    return out;
  },
};
