import { it } from 'vitest';
import { lineText, type TextLine } from '../../src/layout/index.js';
import { laidOut, STRESS, REPO } from '../helpers/archive.js';
it('x', () => {
  for (const [root, n] of [[STRESS, 9], [REPO, 2]] as const) {
    const { layout } = laidOut(root, n);
    for (const p of layout!.pages) for (const l of p.items) if (l.kind === 'text' && l.role !== 'page_number') console.log('L', (l as TextLine).gridLine, (l.x).toFixed(1), (l.x + l.width).toFixed(1), lineText(l as TextLine));
  }
});
