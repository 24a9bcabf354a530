/**
 * The rules engine's view of a town: the stored arrays indexed once, so every
 * rule looks a record up in constant time and the whole evaluation grows with
 * the number of rows, not with their square.
 */
import { formatDate } from '../domain/dates';
import type { IsoDate, Person, Position, Series, Session, TownData, Training } from '../domain/schema';
import type { Reason, RuleId, SessionRef } from './evaluation';

export interface EvaluateOptions {
  /** The calendar year the town applies in (Y). */
  certificationYear: number;
  /** The day of the evaluation; sessions after it are planned (T.4). The engine never reads the clock. */
  asOfDate: IsoDate;
}

export interface TownIndex {
  data: TownData;
  options: EvaluateOptions;
  people: Map<string, Person>;
  trainings: Map<string, Training>;
  sessions: Map<string, Session>;
  /** Topics of each series, in the order the trainings are stored. */
  topicsBySeries: Map<string, Training[]>;
  /** Sessions of each training, by date. */
  sessionsByTraining: Map<string, Session[]>;
  /**
   * Roster people who attended each session, in name order (`byName`), each once
   * (attendance rows for unknown people or sessions are ignored).
   */
  attendeesBySession: Map<string, Person[]>;
  /**
   * Each person's place in the roster sorted by `byName`: comparing ranks orders people
   * exactly as `byName` does, without running the collator again for every comparison.
   */
  nameRank: Map<string, number>;
}

const byDate = (a: Session, b: Session): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

export function indexTown(data: TownData, options: EvaluateOptions): TownIndex {
  const people = new Map(data.people.map((p) => [p.id, p]));
  const trainings = new Map(data.trainings.map((t) => [t.id, t]));
  const sessions = new Map(data.sessions.map((s) => [s.id, s]));

  const topicsBySeries = new Map<string, Training[]>(data.series.map((s: Series) => [s.id, []]));
  for (const t of data.trainings) {
    if (t.seriesId !== null) topicsBySeries.get(t.seriesId)?.push(t);
  }

  const sessionsByTraining = new Map<string, Session[]>(data.trainings.map((t) => [t.id, []]));
  for (const s of data.sessions) sessionsByTraining.get(s.trainingId)?.push(s);
  for (const list of sessionsByTraining.values()) list.sort(byDate);

  // Each person's sessions as recorded...
  const sessionsByPerson = new Map<string, string[]>(data.people.map((p) => [p.id, []]));
  for (const a of data.attendance) sessionsByPerson.get(a.personId)?.push(a.sessionId);
  // ...then each session's attendees, filled in roster order: the roster is sorted by
  // name once here, so no rule has to sort a session's attendees again. A session
  // unknown to the catalog has no list, so its rows are ignored.
  const roster = [...people.values()].sort(byName);
  const nameRank = new Map(roster.map((p, i) => [p.id, i]));
  const attendeesBySession = new Map<string, Person[]>(data.sessions.map((s) => [s.id, []]));
  for (const person of roster) {
    for (const sessionId of sessionsByPerson.get(person.id) ?? []) {
      const list = attendeesBySession.get(sessionId);
      // A pair recorded twice is one attendance: its person is then the list's last entry.
      if (list && list[list.length - 1] !== person) list.push(person);
    }
  }

  return {
    data,
    options,
    people,
    trainings,
    sessions,
    topicsBySeries,
    sessionsByTraining,
    attendeesBySession,
    nameRank,
  };
}

/** A position holds on day `d` when start ≤ d ≤ end; a missing bound is open (RULES.md, Terms). */
export function holdsOn(position: Position, day: IsoDate): boolean {
  return (position.start === null || position.start <= day) && (position.end === null || day <= position.end);
}

/** First day of the new-credit window: 1 January of Y − 3 (T.1). */
export function newCreditStart(certificationYear: number): IsoDate {
  return `${String(certificationYear - 3).padStart(4, '0')}-01-01`;
}

export function sessionRef(index: TownIndex, session: Session): SessionRef {
  return {
    sessionId: session.id,
    trainingId: session.trainingId,
    trainingName: index.trainings.get(session.trainingId)?.name ?? 'Unknown training',
    date: session.date,
    location: session.location,
  };
}

/** Sorts session references by date, then training name, so lists read in the order things happened. */
export function sortRefs(refs: SessionRef[]): SessionRef[] {
  return refs.sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.trainingName.localeCompare(b.trainingName),
  );
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

const dayCache = new Map<string, string>();
/**
 * "October 22, 2024", the way every reason prints a day. Remembered, because a large
 * town prints the same few hundred dates thousands of times and date-fns formatting
 * was a tenth of its evaluation (bench/README.md); the cache is dropped when it grows.
 */
export function day(iso: IsoDate): string {
  let text = dayCache.get(iso);
  if (text === undefined) {
    if (dayCache.size >= 10_000) dayCache.clear();
    text = formatDate(iso);
    dayCache.set(iso, text);
  }
  return text;
}

/**
 * One collator for every name comparison: `localeCompare` with a locale or options
 * builds a new collator on every call, which made sorting the large town's roster
 * most of the evaluation's time (bench/README.md).
 */
const nameCollator = new Intl.Collator('en', { sensitivity: 'base' });

/** Orders roster people as `byName` does, by their precomputed rank (see `TownIndex.nameRank`). */
export function byRosterOrder(index: TownIndex): (a: Person, b: Person) => number {
  const rank = index.nameRank;
  return (a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0);
}

/** Compares names the way a roster is read (accents and case folded), then ids for a stable order. */
export function byName(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return nameCollator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * A reason as every reason reads: one or more plain sentences, then the rule id once,
 * in brackets, at the very end ("… so they cannot fill E (P1.2)."). Writing it here keeps
 * the id out of the sentences themselves and always equal to `rule`.
 */
export function because(rule: RuleId, kind: Reason['kind'], text: string): Reason {
  // A loop, not a regex: a large town builds tens of thousands of reasons per evaluation.
  let end = text.length;
  while (end > 0 && ' .:;,\n'.includes(text[end - 1]!)) end--;
  return { rule, kind, text: `${text.slice(0, end)} (${rule}).` };
}
