import type { Rule } from '../index.js';
import { attributionUnits } from './attribution.js';

/** Every rule, in the order their diagnostics are most useful. */
export const RULES: Rule[] = [attributionUnits];
