/**
 * Small display helpers for the Eligibility screen. They only turn the engine's
 * values into words; no rule is decided here.
 */
import { format, isValid, parseISO } from 'date-fns';
import { formatDate } from '../../../../shared/packet/layout';
import type { Reason } from '../../../../shared/rules/evaluation';

/** "2020-04-21" → "April 21, 2020", the same way the packet prints it (the ISO day never shifts). */
export const longDate = (iso: string): string => formatDate(iso);

/** "2020-04-21" → "Apr 21, 2020", for table cells. Parsed and printed in the same zone, so the day never shifts. */
export function shortDate(iso: string): string {
  const d = parseISO(iso);
  return isValid(d) ? format(d, 'MMM d, yyyy') : iso;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** How each reason's kind is written next to it: in words, so it reads without the colour or the icon. */
export const reasonKindWords: Record<Reason['kind'], string> = {
  ok: 'Counts',
  problem: 'Does not count',
  review: 'Review',
  warning: 'Check',
  info: 'Note',
};

const slug = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);

/** e.g. `harbor-falls-equity-training-packet-2026.pdf` (plain ASCII, safe on every file system). */
export function packetFileName(townName: string, certificationYear: number, appendix = false): string {
  const town = slug(townName);
  return `${town ? `${town}-` : ''}equity-training-packet-${certificationYear}${appendix ? '-with-check' : ''}.pdf`;
}
