/** The live records against the last submission's snapshot: what was added or removed since. */
import type { TownRecords } from '../domain/schema';
import { formatDate } from '../domain/dates';

export interface ChangeList {
  added: string[];
  removed: string[];
}

export interface SubmissionComparison {
  people: ChangeList;
  trainings: ChangeList;
  sessions: ChangeList;
  /** True when nothing was added or removed. */
  same: boolean;
}

function diff<T extends { id: string }>(
  then: readonly T[],
  now: readonly T[],
  name: (row: T) => string,
): ChangeList {
  const before = new Set(then.map((r) => r.id));
  const after = new Set(now.map((r) => r.id));
  return {
    added: now.filter((r) => !before.has(r.id)).map(name),
    removed: then.filter((r) => !after.has(r.id)).map(name),
  };
}

/**
 * People, trainings and sessions added or removed since the snapshot, by name
 * (a session as "training, date"). Matched by id, so a renamed person is the same person.
 */
export function compareWithSubmission(snapshot: TownRecords, live: TownRecords): SubmissionComparison {
  const sessionName = (records: TownRecords) => {
    const trainings = new Map(records.trainings.map((t) => [t.id, t.name]));
    return (s: { trainingId: string; date: string }) =>
      `${trainings.get(s.trainingId) ?? 'Unknown training'}, ${formatDate(s.date)}`;
  };
  const people = diff(snapshot.people, live.people, (p) => p.name);
  const trainings = diff(snapshot.trainings, live.trainings, (t) => t.name);
  const before = new Set(snapshot.sessions.map((s) => s.id));
  const after = new Set(live.sessions.map((s) => s.id));
  const sessions = {
    added: live.sessions.filter((s) => !before.has(s.id)).map(sessionName(live)),
    removed: snapshot.sessions.filter((s) => !after.has(s.id)).map(sessionName(snapshot)),
  };
  const same = [people, trainings, sessions].every((c) => c.added.length === 0 && c.removed.length === 0);
  return { people, trainings, sessions, same };
}
