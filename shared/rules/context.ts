/**
 * The rules engine's view of a town: the stored arrays indexed once, so every
 * rule looks a record up in constant time and the whole evaluation grows with
 * the number of rows, not with their square.
 */
import { formatDate } from '../domain/dates';
import type { IsoDate, Person, Position, Series, Session, TownData, Training } from '../domain/schema';
import type { SessionRef } from './evaluation';

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
  /** Roster people who attended each session (attendance rows for unknown people or sessions are ignored). */
  attendeesBySession: Map<string, Person[]>;
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

  const attendeesBySession = new Map<string, Person[]>();
  const seen = new Set<string>();
  for (const a of data.attendance) {
    const person = people.get(a.personId);
    if (!person || !sessions.has(a.sessionId)) continue;
    // A pair recorded twice is one attendance.
    const key = `${a.personId}\u0000${a.sessionId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let list = attendeesBySession.get(a.sessionId);
    if (!list) attendeesBySession.set(a.sessionId, (list = []));
    list.push(person);
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

/** "October 22, 2024", the way every reason prints a day. */
export const day = formatDate;

/** Compares names the way a roster is read (accents and case folded), then ids for a stable order. */
export function byName(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return (
    a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
