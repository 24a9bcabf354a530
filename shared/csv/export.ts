/**
 * The roster and the attendance as tables of text cells, ready to be written as
 * CSV by `toCsvText` (./text.ts: quoting, and the guard so no cell runs as a
 * spreadsheet formula). The roster's column names and words are ones the importer
 * recognises, so an exported roster imports again as the same people and positions.
 */
import { deliveryLabels, electedBodyName, positionKindLabels, staffLevelLabels } from '../domain/labels';
import type { Person, Position, TownData } from '../domain/schema';
import { csvFieldLabels, otherBodyKindLabels } from './people';

export const rosterHeaders = [
  csvFieldLabels.name,
  csvFieldLabels.email,
  csvFieldLabels.isResident,
  csvFieldLabels.kind,
  csvFieldLabels.where,
  csvFieldLabels.title,
  csvFieldLabels.level,
  csvFieldLabels.start,
  csvFieldLabels.end,
] as const;

const yesNo = (b: boolean) => (b ? 'Yes' : 'No');

function positionCells(p: Position): string[] {
  let kind = positionKindLabels[p.kind];
  let place = '';
  let level = '';
  switch (p.kind) {
    case 'elected':
      // An "other" body is written with its own kind word and its name as typed, so the
      // import cannot mistake an executive body for another elected one (or for a known body).
      if (p.body === 'otherExecutive' || p.body === 'otherElected') {
        kind = otherBodyKindLabels[p.body];
        place = p.bodyName;
      } else {
        place = electedBodyName(p);
      }
      break;
    case 'staff':
      place = p.department;
      level = staffLevelLabels[p.level];
      break;
    case 'boeEmployee':
      place = p.school;
      break;
    case 'appointed':
      place = p.body;
      break;
    case 'teamMember':
      break;
  }
  return [kind, place, p.title, level, p.start ?? '', p.end ?? ''];
}

/** Header row, then one row per position (a person with none gets one row with empty position cells). */
export function rosterTable(people: readonly Person[]): string[][] {
  const rows: string[][] = [[...rosterHeaders]];
  for (const person of people) {
    const who = [person.name, person.email, yesNo(person.isResident)];
    if (person.positions.length === 0) rows.push([...who, '', '', '', '', '', '']);
    for (const p of person.positions) rows.push([...who, ...positionCells(p)]);
  }
  return rows;
}

export const attendanceHeaders = [
  'Session date',
  'Start time',
  'End time',
  'Training',
  'Series',
  'Provider',
  'Delivery',
  'Place or link',
  'Name',
  'Email',
  'Lives in town',
] as const;

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Header row, then one row per person per session attended, by date, time, training and name. */
export function attendanceTable(
  data: Pick<TownData, 'people' | 'series' | 'trainings' | 'sessions' | 'attendance'>,
): string[][] {
  const people = new Map(data.people.map((p) => [p.id, p]));
  const sessions = new Map(data.sessions.map((s) => [s.id, s]));
  const trainings = new Map(data.trainings.map((t) => [t.id, t]));
  const series = new Map(data.series.map((s) => [s.id, s]));
  const rows: string[][] = [];
  for (const a of data.attendance) {
    const person = people.get(a.personId);
    const session = sessions.get(a.sessionId);
    // Backups and repositories keep references whole; a dangling one is skipped rather than guessed at.
    if (person === undefined || session === undefined) continue;
    const training = trainings.get(session.trainingId);
    rows.push([
      session.date,
      session.startTime ?? '',
      session.endTime ?? '',
      training?.name ?? '',
      training?.seriesId ? (series.get(training.seriesId)?.name ?? '') : '',
      training?.provider ?? '',
      training ? deliveryLabels[training.delivery] : '',
      session.location,
      person.name,
      person.email,
      yesNo(person.isResident),
    ]);
  }
  rows.sort(
    (x, y) =>
      collator.compare(x[0]!, y[0]!) ||
      collator.compare(x[1]!, y[1]!) ||
      collator.compare(x[3]!, y[3]!) ||
      collator.compare(x[8]!, y[8]!),
  );
  return [[...attendanceHeaders], ...rows];
}
