import type { NamedRule } from '../context.js';
import { articleEmptyBody } from './article-empty-body.js';
import { articlePlaceholder } from './article-placeholder.js';
import { attributionUnits } from './attribution.js';
import { attributionInBody } from './attribution-in-body.js';
import { dateOrder } from './date-order.js';
import { dateInFolderYear } from './date-year.js';
import { unlistedFiles } from './files-unlisted.js';
import { headingSequence } from './heading-sequence.js';
import { duplicateNumbers } from './numbering-duplicate.js';
import { numberMatchesFolder } from './numbering-folder.js';
import { numberingGap } from './numbering-gap.js';
import { runningTotal } from './numbering-total.js';
import { pairedPunctuation } from './punctuation-pairs.js';
import { halfWidthPunctuation } from './punctuation-half-width.js';
import { serialComma } from './punctuation-serial-comma.js';
import { doubleHyphen } from './punctuation-double-hyphen.js';
import { doubledMarks } from './punctuation-doubled.js';
import { fullWidthPeriod } from './punctuation-full-width-period.js';
import { halfWidthPeriod } from './punctuation-half-width-period.js';
import { horizontalBar } from './punctuation-horizontal-bar.js';
import { singleDash } from './punctuation-single-dash.js';
import { straightQuotes } from './punctuation-straight-quotes.js';
import { unprintedCharacters } from './text-unprinted.js';
import { ellipsis } from './text-ellipsis.js';
import { fullWidthDigits } from './text-full-width-digit.js';
import { leadPeriod } from './text-lead-period.js';
import { rangeHyphen } from './text-range-hyphen.js';
import { rangeTilde } from './text-range-tilde.js';
import { spaceBetweenChinese } from './text-space.js';
import { webDebris } from './text-web-debris.js';
import { pastedBullet } from './text-pasted-bullet.js';
import { seriesPlaceholder } from './series-placeholder.js';
import { titlePunctuation } from './title-punctuation.js';
import { dateWeekday } from './date-weekday.js';
import { documentNumber } from './document-number.js';
import { protectedNames } from './names-protected.js';
import { leadingZero, mixedForms, rangeUnit, twoDigitYear, yearZero } from './numbers.js';
import { commaBeforeEtc, ellipsisWithEtc, markBeforePeriod, repeatedMark } from './punctuation-marks.js';
import { nestedBrackets } from './punctuation-nested-brackets.js';
import { approximateNumber, doubleColon, eventDate, ordinalMark } from './punctuation-usage.js';
import { confusedWords } from './words-confused.js';
import { placeholderText } from './text-placeholder.js';

/** Every rule, in the order their diagnostics are most useful. */
export const RULES: NamedRule[] = [
  // numbering and dates
  numberMatchesFolder,
  duplicateNumbers,
  numberingGap,
  runningTotal,
  dateOrder,
  dateInFolderYear,
  // files, template text left in, and attribution
  unlistedFiles,
  seriesPlaceholder,
  articlePlaceholder,
  articleEmptyBody,
  attributionUnits,
  attributionInBody,
  // text
  unprintedCharacters,
  halfWidthPunctuation,
  halfWidthPeriod,
  fullWidthPeriod,
  straightQuotes,
  doubleHyphen,
  singleDash,
  horizontalBar,
  doubledMarks,
  pairedPunctuation,
  serialComma,
  spaceBetweenChinese,
  ellipsis,
  fullWidthDigits,
  rangeHyphen,
  rangeTilde,
  titlePunctuation,
  leadPeriod,
  webDebris,
  pastedBullet,
  headingSequence,
  // punctuation in use (GB/T 15834)
  commaBeforeEtc,
  ellipsisWithEtc,
  repeatedMark,
  markBeforePeriod,
  nestedBrackets,
  doubleColon,
  approximateNumber,
  ordinalMark,
  eventDate,
  // numbers and dates (GB/T 15835)
  twoDigitYear,
  rangeUnit,
  leadingZero,
  mixedForms,
  yearZero,
  dateWeekday,
  // official-document practice
  placeholderText,
  documentNumber,
  confusedWords,
  protectedNames,
];
