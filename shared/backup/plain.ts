/**
 * Backup problems in a clerk's words: where the problem is, named the way the
 * app names it ("Person 1 (Ann Alvarez), position 1"), then what is wrong ("the
 * start date must be a date such as 2024-03-12"). The technical path stays on
 * the error for the small print and the CLI.
 */
import type { BackupError } from './errors';
import { parsePath } from './errors';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** How a record of each list is called, and what identifies it in brackets. */
const lists: Record<string, { one: string; label: (row: Record<string, unknown>) => string | null }> = {
  people: { one: 'Person', label: (r) => text(r.name) },
  series: { one: 'Series', label: (r) => text(r.name) },
  trainings: { one: 'Training', label: (r) => text(r.name) },
  sessions: { one: 'Session', label: (r) => text(r.date) },
  attendance: { one: 'Attendance record', label: () => null },
  partners: { one: 'Partner', label: (r) => text(r.name) },
  certifications: {
    one: 'Past certification',
    label: (r) => (typeof r.yearAwarded === 'number' ? String(r.yearAwarded) : null),
  },
  coaching: { one: 'Coaching entry', label: (r) => text(r.date) },
  optimizeForEquity: { one: 'Optimize for Equity action', label: (r) => text(r.actionName) },
  submissions: { one: 'Submission', label: () => null },
};

/** Field names as a clerk reads them; anything else is split into words ("certificationYear" → "certification year"). */
const fieldLabels: Record<string, string> = {
  start: 'start date',
  end: 'end date',
  date: 'date',
  startTime: 'start time',
  endTime: 'end time',
  isResident: '“lives in the town” answer',
  bodyName: 'body name',
  seriesId: 'series',
  trainingId: 'training',
  sessionId: 'session',
  personId: 'person',
  providedBySustainableCT: '“provided by Sustainable CT” answer',
  isEquity: '“equity training” answer',
  reportedAttendeeCount: 'number of attendees',
  departmentsReported: 'departments',
  asOfDate: '“as of” date',
  preparedByTitle: 'preparer’s title',
  preparedBy: 'preparer’s name',
  id: 'id',
  kind: 'kind',
  formatVersion: 'format version',
  exportedAt: 'time the backup was written',
  dataSha256: 'checksum',
};

const words = (key: string): string =>
  fieldLabels[key] ?? key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

/** Messages the schema writes for developers, reworded; others pass through unchanged. */
function plainMessage(message: string): string {
  return message
    .replace(/^must be a calendar date written YYYY-MM-DD$/, 'must be a date such as 2024-03-12')
    .replace(/^must be a time written HH:MM \(24-hour\)$/, 'must be a time such as 14:30 (24-hour clock)')
    .replace(/^must be text, not /, 'must be text, not ')
    .replace(/^must be true or false, not .*$/, 'must be yes or no (true or false)')
    .replace(/^is required$/, 'is missing');
}

/** "Person 1 (Ann Alvarez), position 1" and the field still to name, from a path and the file's raw JSON. */
function place(
  segments: readonly (string | number)[],
  raw: unknown,
): { where: string; field: string | null } {
  const parts: string[] = [];
  let node: unknown = raw;
  let i = 0;
  const step = (key: string | number): void => {
    node =
      isRecord(node) && typeof key === 'string'
        ? node[key]
        : Array.isArray(node) && typeof key === 'number'
          ? node[key]
          : undefined;
  };
  if (segments[0] === 'data') {
    step('data');
    i = 1;
    const list = segments[1];
    if (typeof list === 'string' && lists[list] !== undefined && typeof segments[2] === 'number') {
      const index = segments[2];
      step(list);
      step(index);
      const label = isRecord(node) ? lists[list].label(node) : null;
      parts.push(`${lists[list].one} ${index + 1}${label === null ? '' : ` (${label})`}`);
      i = 3;
      if (segments[3] === 'positions' && typeof segments[4] === 'number') {
        parts.push(`position ${segments[4] + 1}`);
        i = 5;
      } else if (segments[3] === 'credited' && typeof segments[4] === 'number') {
        parts.push(`credited evidence ${segments[4] + 1}`);
        i = 5;
      } else if (segments[3] === 'departmentsReported' && typeof segments[4] === 'number') {
        parts.push(`department ${segments[4] + 1}`);
        return { where: parts.join(', '), field: null };
      }
    } else if (list === 'town') {
      parts.push('Town details');
      i = 2;
      if (segments[2] === 'rollingNarrative') {
        parts.push(`rolling-credit narrative for Part ${segments[3] === 'part2' ? 2 : 1}`);
        return { where: parts.join(', '), field: null };
      }
    } else if (list === 'settings') {
      parts.push('Program settings');
      i = 2;
    } else if (typeof list === 'string' && segments.length === 2) {
      return { where: 'The backup’s data', field: list };
    } else parts.push('The backup’s data');
  } else parts.push('The file');
  const rest = segments.slice(i);
  const last = rest.at(-1);
  const field = typeof last === 'string' ? last : null;
  return { where: parts.join(', '), field };
}

/** One error in plain words, using the file's raw JSON (if it parsed) for names. Sets `plain` unless already set. */
export function toPlain(error: BackupError, raw: unknown): BackupError {
  if (error.plain !== undefined) return error;
  if (error.path === '') return { ...error, plain: capitalise(error.message) };
  const segments = parsePath(error.path);
  const { where, field } = place(segments, raw);
  const unknown = /^unknown field(?: — did you mean (\S+)\?)?$/.exec(error.message);
  let sentence: string;
  if (unknown !== null && field !== null) {
    sentence = `“${field}” is not something this app records${unknown[1] === undefined ? '' : ` — did you mean “${unknown[1]}” (${words(unknown[1])})?`}`;
  } else if (field !== null) {
    const message = plainMessage(error.message);
    // "must be …" needs its field named; "Name is required" or "no person has the id …" already say it all.
    sentence = /^(must|is|cannot|has)\b/.test(message)
      ? `the ${words(field)} ${message}`
      : lowerFirst(message);
  } else sentence = plainMessage(error.message);
  return { ...error, plain: `${where}: ${sentence}` };
}

const capitalise = (s: string): string => (s === '' ? s : s[0]!.toUpperCase() + s.slice(1));
const lowerFirst = (s: string): string => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);
