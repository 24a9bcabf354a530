/**
 * Today's calendar date as `YYYY-MM-DD` in the user's local time zone.
 *
 * Why not `new Date().toISOString().slice(0, 10)`: that is the UTC date, which in
 * Connecticut is already tomorrow after 7 or 8 pm and would move the as-of date.
 */
export function today(now: Date = new Date()): string {
  const y = String(now.getFullYear()).padStart(4, '0');
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** The current calendar year in local time. */
export function currentYear(now: Date = new Date()): number {
  return now.getFullYear();
}
