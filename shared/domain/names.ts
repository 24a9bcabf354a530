/**
 * Telling people apart by name: the key two names share when a clerk would read them
 * as the same ("Núñez" and "nunez  "), and the label a picker shows so that two
 * people called Ruth Alvarez never look alike ("Ruth Alvarez (Town Clerk)",
 * "Ruth Alvarez (ruth@example.org)"). Used by the CSV importer's same-name check
 * and wherever the screens list people to pick from.
 */
import { describePosition } from './labels';
import type { Person } from './schema';

/** A name as a clerk reads it: case, accents and extra spaces do not matter. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

type Named = Pick<Person, 'id' | 'name' | 'email' | 'positions'>;

/** The details that can tell a person apart, best first: what they do, then their email. */
const details = (p: Named): string[] => [
  p.positions.length > 0 ? describePosition(p.positions[0]!) : '',
  p.email.trim(),
];

/**
 * Each person's label for a list: the plain name when nobody else on the list has the
 * same name (by `nameKey`), otherwise the name with a telling detail in brackets —
 * the first position when that differs between them, else the email, and a number
 * as the last resort for people nothing else tells apart. Pure; ids are the map's keys.
 */
export function distinctNameLabels(people: readonly Named[]): Map<string, string> {
  const groups = new Map<string, Named[]>();
  for (const p of people) {
    const key = nameKey(p.name);
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const labels = new Map<string, string>();
  for (const group of groups.values()) {
    if (group.length === 1) {
      labels.set(group[0]!.id, group[0]!.name);
      continue;
    }
    const seen = new Map<string, number>();
    for (const p of group) {
      // The first detail this person has that no one else in the group shares.
      const own = details(p).find((d, i) => d !== '' && group.every((q) => q === p || details(q)[i] !== d));
      const fallback = details(p).find((d) => d !== '') ?? '';
      let detail = own ?? fallback;
      const n = (seen.get(detail) ?? 0) + 1;
      seen.set(detail, n);
      if (own === undefined) detail = detail === '' ? `${n}` : `${detail}, ${n}`;
      labels.set(p.id, `${p.name} (${detail})`);
    }
  }
  return labels;
}

/** One person's label among `people` (see `distinctNameLabels`). */
export function distinctNameLabel(person: Named, people: readonly Named[]): string {
  return distinctNameLabels(people).get(person.id) ?? person.name;
}
