/**
 * The one list of characters with no printed form, for every stage: Unicode default-ignorable code
 * points (zero-width spaces and joiners, soft hyphens, variation selectors, bidirectional controls …
 * pasted from web pages and WeChat) and control characters other than tab and line ends (C0, DEL,
 * C1: terminal escapes, BEL …). The layout drops them, `fonts` needs no glyph for them, the checks
 * name them by code point, and a terminal is shown them only as escapes. It lives here, the layer
 * the model, check, layout and CLI all import, so those stages cannot disagree about it.
 */

/** Control characters other than tab and line ends, as the body of a character class. */
export const CONTROL_CLASS = '\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f';

/** Every unprinted character, as the body of a character class (for a `u` regular expression). */
export const UNPRINTED_CLASS = `\\p{Default_Ignorable_Code_Point}${CONTROL_CLASS}`;

/** Matches (tests for) an unprinted character anywhere in a string. */
export const UNPRINTED = new RegExp(`[${UNPRINTED_CLASS}]`, 'u');

const ONE_UNPRINTED = new RegExp(`^[${UNPRINTED_CLASS}]$`, 'u');
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;
const CONTROL_FIRST = new RegExp(`^[${CONTROL_CLASS}]`);

/** `ch` is one character (code point) with no printed form. */
export function isUnprinted(ch: string): boolean {
  return ONE_UNPRINTED.test(ch);
}

/** `ch` is (holds) a Unicode default-ignorable code point (UAX #44 Default_Ignorable_Code_Point). */
export function isInvisible(ch: string): boolean {
  return INVISIBLE.test(ch);
}

/** `ch` is (starts with) a control character other than tab and line ends (C0, DEL, C1). */
export function isControl(ch: string): boolean {
  return CONTROL_FIRST.test(ch);
}
