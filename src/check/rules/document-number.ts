/**
 * document/number: a cited document number is written 株组发〔2026〕3号 — the year in full inside
 * 六角括号 〔〕, the serial number without 第 and without leading zeros (GB/T 9704-2012 §7.2.5;
 * 党政机关公文处理工作条例 第九条（五）). Only a bracketed four-digit (or two-digit) year between an
 * issuing-office abbreviation and …号 is read, so ordinary brackets are never touched.
 */
import type { NamedRule } from '../context.js';
import { isHan } from '../text.js';
import { patternRule } from './pattern.js';

/** 机关代字 (Han, 1–8 characters ending in 发/字/办/函/通/文… or any Han) + bracketed year + 第? + number + 号. */
const DOC_NUMBER = /([〔\[［(（【〖｛{])(\d{4}|\d{2})([〕\]］)）】〗｝}])(第?)(\d+)号(?![楼院线室房栋座门])/gu;

export const documentNumber: NamedRule = patternRule(
  {
    id: 'document/number',
    severity: 'warning',
    fixable: true,
    stage: 'check',
    source: { standard: 'GB/T 9704-2012', clause: '7.2.5' },
    description: {
      zh: '发文字号写作〔2026〕3号：六角括号、年份全称、不加“第”、不编虚位',
      en: 'a document number is written 〔2026〕3号: hexagonal brackets, full year, no 第, no leading zeros',
    },
  },
  DOC_NUMBER,
  (m, u) => {
    const [all, open, year, close, di, serial] = m;
    if (!isHan(u.text[m.index! - 1])) return undefined; // only after an issuing office's abbreviation
    const serialOk = !/^0/.test(serial);
    if (open === '〔' && close === '〕' && year.length === 4 && !di && serialOk) return undefined;
    const n = String(Number(serial));
    // bulletin fix changes only marks: the brackets; a 第, a leading zero or a short year is the author's to correct.
    const fixable = year.length === 4 && !di && serialOk;
    const good = `〔${year.length === 4 ? year : `20${year}`}〕${n}号`;
    const problems: { zh: string; en: string }[] = [];
    if (open !== '〔' || close !== '〕') problems.push({ zh: `年份用六角括号“〔〕”，不用“${open}${close}”`, en: `the year goes in 〔〕, not ${open}${close}` });
    if (year.length !== 4) problems.push({ zh: '年份写全称', en: 'the year is written in full' });
    if (di) problems.push({ zh: '序号前不加“第”', en: 'no 第 before the serial number' });
    if (!serialOk) problems.push({ zh: '序号不编虚位（1 不写作 01）', en: 'no leading zeros (1, not 01)' });
    return {
      at: m.index!,
      length: all.length,
      ...(fixable ? { replacement: good } : {}),
      message: {
        zh: `发文字号“${all}”写法不规范：${problems.map((p) => p.zh).join('；')}`,
        en: `the document number “${all}” is not written to standard: ${problems.map((p) => p.en).join('; ')}`,
      },
      hint: {
        zh: `写作“${good}”${fixable ? '（可运行 bulletin fix 自动修正）' : year.length !== 4 ? '（请核对年份）' : ''}`,
        en: `write “${good}”${fixable ? ' (bulletin fix does it)' : year.length !== 4 ? ' (check the year)' : ''}`,
      },
    };
  },
);
