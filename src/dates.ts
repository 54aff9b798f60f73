/**
 * The one way a date is written as text: YYYY-MM-DD, the form issue.yaml takes (model/parseDate
 * reads it back). Shared by `new`, `import` and the check rules, below every stage so any may use it.
 */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** 2026-03-09: four-digit year, two-digit month and day. */
export function formatDate(d: CalendarDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
