/**
 * The one way a date is written as text: YYYY-MM-DD, the form issue.yaml takes (model/parseDate
 * reads it back). Shared by `new`, `import` and the check rules, below every stage so any may use it.
 */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Calendar order: negative when a is earlier than b, 0 on the same day. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** 2026-03-09: four-digit year, two-digit month and day. */
export function formatDate(d: CalendarDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
