import { it } from 'vitest';
import { itemize, splitWide } from '../../src/layout/itemize.js';
import { breakLines, fitLine } from '../../src/layout/breakLines.js';
import { DEFAULT_STYLE, geometry } from '../../src/style/index.js';
import { pinnedFonts } from '../helpers/fonts.js';
const fonts = pinnedFonts();
const g = geometry(DEFAULT_STYLE);
it('x', () => {
  const loc = { file: 'a', line: 1, column: 1 };
  const cs = splitWide(
    itemize(
      [
        { text: '坚持统一入口，打通数据壁垒。', role: 'lead', loc },
        {
          text: '平台统一访问地址为https://www.example.gov.cn/zzb/2026/notice.html，同步开发“天元智慧党建”APP和微信小程序，对接全国党员管理信息系统。',
          role: 'body',
          loc,
        },
      ],
      { size: 16, cell: g.pitch, fonts },
      [],
    ),
    g.width * 0.9,
  );
  console.log('CC ' + cs.map((c) => c.text + ':' + c.width.toFixed(1) + (c.glued ? 'G' : '') + (c.breakPenalty ? 'P' : '')).join(' '));
  const fits = breakLines(cs, { firstWidth: g.width - 2 * g.pitch, width: g.width, em: 16, justify: true, minLastLetters: 2 });
  for (const f of fits)
    console.log(
      'F',
      f.start,
      f.end,
      f.cost,
      f.gap.toFixed(2),
      cs
        .slice(f.start, f.end)
        .map((c) => c.text)
        .join(''),
    );
  for (let j = 20; j < 32; j++) {
    const f = fitLine(cs, 0, j, g.width - 2 * g.pitch, 16, false, true);
    console.log('T', j, f.cost, f.gap.toFixed(2), f.natural.toFixed(1));
  }
});
it('y', () => {
  const loc = { file: 'a', line: 1, column: 1 };
  const cs = splitWide(
    itemize(
      [
        { text: '坚持统一入口，打通数据壁垒。', role: 'lead', loc },
        {
          text: '平台统一访问地址为https://www.example.gov.cn/zzb/2026/notice.html，同步开发“天元智慧党建”APP和微信小程序，对接全国党员管理信息系统。',
          role: 'body',
          loc,
        },
      ],
      { size: 16, cell: g.pitch, fonts },
      [],
    ),
    g.width * 0.9,
  );
  const rest = cs.slice(23);
  const fits = breakLines(rest, { firstWidth: g.width, width: g.width, em: 16, justify: true, minLastLetters: 2 });
  for (const f of fits)
    console.log(
      'FF ' +
        f.cost +
        ' ' +
        f.gap.toFixed(2) +
        ' ' +
        rest
          .slice(f.start, f.end)
          .map((c) => c.text)
          .join(''),
    );
});
