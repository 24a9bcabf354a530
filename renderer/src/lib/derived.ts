/**
 * Figures derived from the town's lists, remembered per list (by identity) across renders
 * AND screens. The live data keeps a list's array until that table changes
 * (renderer/db/hooks.ts), so opening People or Attendance again, or ticking a box, reuses
 * what was worked out for 1,000 people and 20,000 attendance pairs instead of redoing it
 * on every mount (issue 11). A list that is no longer used is dropped with its figures.
 */
import { distinctNameLabels } from '../../../shared/domain/names';
import type { Attendance, Person } from '../../../shared/domain/schema';

function perList<K extends object, V>(derive: (list: K) => V): (list: K) => V {
  const cache = new WeakMap<K, V>();
  return (list) => {
    let value = cache.get(list);
    if (value === undefined) {
      value = derive(list);
      cache.set(list, value);
    }
    return value;
  };
}

/** Each person's name as listed, with a telling detail when someone else has the same name. */
export const nameLabelsOf: (people: readonly Person[]) => ReadonlyMap<string, string> =
  perList(distinctNameLabels);

/** Who attended each session: session id → the ids of the people ticked. */
export const attendeesBySession: (
  attendance: readonly Attendance[],
) => ReadonlyMap<string, ReadonlySet<string>> = perList((attendance: readonly Attendance[]) => {
  const bySession = new Map<string, Set<string>>();
  for (const a of attendance) {
    const people = bySession.get(a.sessionId);
    if (people) people.add(a.personId);
    else bySession.set(a.sessionId, new Set([a.personId]));
  }
  return bySession;
});

/** How many sessions each person attended: person id → count. */
export const sessionsPerPerson: (attendance: readonly Attendance[]) => ReadonlyMap<string, number> = perList(
  (attendance: readonly Attendance[]) => {
    const counts = new Map<string, number>();
    for (const a of attendance) counts.set(a.personId, (counts.get(a.personId) ?? 0) + 1);
    return counts;
  },
);
