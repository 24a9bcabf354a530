/**
 * Calendar-date helpers shared by the rules engine's reasons, the packet and the screens.
 * Dates stay ISO `YYYY-MM-DD` strings; a `Date` exists only for the moment of formatting,
 * parsed and printed in the same zone, so the day never shifts.
 */
import { format, isValid, parseISO } from 'date-fns';

/** "2020-04-21" → "April 21, 2020"; anything that is not a date is printed as it is. */
export function formatDate(iso: string): string {
  const d = parseISO(iso);
  return isValid(d) ? format(d, 'MMMM d, yyyy') : iso;
}
