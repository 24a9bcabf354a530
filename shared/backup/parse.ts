/**
 * Reading a backup file: never throws, always explains.
 *
 * Order of checks: JSON syntax (with line and column), the `format` marker, the
 * format version (a newer file gets its own message), the zod schema (every problem
 * with its path), then cross-references between records (ids that point nowhere,
 * duplicates). Each error names a path like `data.people[3].positions[0].end`.
 */
import type { z } from 'zod';
import type { TownData } from '../domain/schema';
import { APP_NAME, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, backupSchema } from './format';
import type { Backup } from './format';
import { findJsonSyntaxProblem } from './json-error';

/** One problem in a backup file. `path` is '' for the file as a whole. */
export interface BackupError {
  path: string;
  message: string;
}

export type ParseBackupResult = { ok: true; backup: Backup } | { ok: false; errors: BackupError[] };

/** `['data', 'people', 3, 'name']` → `data.people[3].name`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const k = String(key);
      if (/^[A-Za-z_$][\w$]*$/.test(k)) out += out === '' ? k : `.${k}`;
      else out += `[${JSON.stringify(k)}]`;
    }
  }
  return out;
}

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
  date: 'a date',
};

function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  switch (typeof input) {
    case 'string':
      return 'text';
    case 'number':
      return Number.isInteger(input) ? 'a whole number' : 'a number';
    case 'boolean':
      return input ? 'true' : 'false';
    case 'object':
      return 'an object';
    default:
      return typeof input;
  }
}

const listValues = (values: readonly unknown[]): string => values.map((v) => JSON.stringify(v)).join(', ');

/**
 * Plain-English messages for zod's built-in issues, passed as `{ error: plainEnglish }`
 * to `safeParse`. Messages a schema sets itself (e.g. "Name is required") take
 * precedence over this map in zod 4. Also used by the repositories' validation.
 */
export const plainEnglish = (issue: z.core.$ZodRawIssue): string | undefined => {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'is required';
      const expected = typeNames[issue.expected] ?? issue.expected;
      return `must be ${expected}, not ${describeInput(issue.input)}`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${listValues(issue.values)}`
        : `must be one of ${listValues(issue.values)}`;
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if (Array.isArray(options)) return `must be one of ${listValues(options)}`;
      return undefined;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1 ? 'must not be empty' : `must be at least ${min} characters`;
      if (issue.origin === 'array') return `must have at least ${min} item${min === 1 ? '' : 's'}`;
      return `must be at least ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `must be at most ${max} characters`;
      if (issue.origin === 'array') return `must have at most ${max} items`;
      return `must be at most ${max}`;
    }
    case 'invalid_format':
      return `is not in the expected format (${issue.format})`;
    default:
      return undefined;
  }
};

/**
 * Zod issues as `{ path, message }`. Parse with `{ error: plainEnglish, reportInput: true }`
 * so a missing field reads "is required" even where a schema sets its own message
 * for wrong values (e.g. a date's "must be a calendar date written YYYY-MM-DD").
 */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[]): BackupError[] {
  return issues.map((issue) => ({
    path: formatPath(issue.path),
    message:
      issue.code === 'invalid_type' && 'input' in issue && issue.input === undefined
        ? 'is required'
        : issue.message,
  }));
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validates the text of a backup file. Never throws. */
export function parseBackup(text: string): ParseBackupResult {
  try {
    return parseBackupUnsafe(text);
  } catch (e) {
    // Defence in depth: a parser bug must surface as an error, not crash a restore.
    return { ok: false, errors: [{ path: '', message: `could not read the backup (${String(e)})` }] };
  }
}

function parseBackupUnsafe(text: string): ParseBackupResult {
  // Editors on Windows sometimes save a byte-order mark; it is not JSON but harmless.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, errors: [{ path: '', message: 'the file is empty' }] };

  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    const p = findJsonSyntaxProblem(body);
    const message = p
      ? `line ${p.line}, column ${p.column}: invalid JSON: ${p.message}`
      : 'invalid JSON: the file could not be read as JSON';
    return { ok: false, errors: [{ path: '', message }] };
  }

  if (!isRecord(raw)) {
    return {
      ok: false,
      errors: [{ path: '', message: `this is not an ${APP_NAME} backup (expected a JSON object)` }],
    };
  }
  if (raw.format !== BACKUP_FORMAT) {
    return {
      ok: false,
      errors: [
        { path: 'format', message: `this is not an ${APP_NAME} backup (format must be "${BACKUP_FORMAT}")` },
      ],
    };
  }
  const version = raw.formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_FORMAT_VERSION) {
    return {
      ok: false,
      errors: [
        {
          path: 'formatVersion',
          message: `this backup was made by a newer version of ${APP_NAME} (backup format ${version}; this version reads format ${BACKUP_FORMAT_VERSION}). Update the app to restore it.`,
        },
      ],
    };
  }

  const parsed = backupSchema.safeParse(raw, { error: plainEnglish, reportInput: true });
  if (!parsed.success) return { ok: false, errors: issuesToErrors(parsed.error.issues) };
  const refErrors = crossReferenceErrors(parsed.data.data, 'data');
  if (refErrors.length > 0) return { ok: false, errors: refErrors };
  return { ok: true, backup: parsed.data };
}

/**
 * Problems between records that a per-record schema cannot see: duplicate ids,
 * attendance pointing to an unknown person or session, a session of an unknown
 * training, a topic of an unknown series, duplicate attendance pairs, and
 * credited evidence (T.3) pointing nowhere. Paths start with `prefix`.
 */
export function crossReferenceErrors(data: TownData, prefix = ''): BackupError[] {
  const errors: BackupError[] = [];
  const at = (...rest: PropertyKey[]) => formatPath(prefix === '' ? rest : [prefix, ...rest]);

  const idsOf = (collection: keyof TownData, rows: readonly { id: string }[], what: string): Set<string> => {
    const seen = new Map<string, number>();
    rows.forEach((row, i) => {
      const first = seen.get(row.id);
      if (first !== undefined) {
        errors.push({
          path: at(collection, i, 'id'),
          message: `duplicate ${what} id "${row.id}" (also used by ${formatPath([collection, first])})`,
        });
      } else seen.set(row.id, i);
    });
    return new Set(seen.keys());
  };

  const people = idsOf('people', data.people, 'person');
  const series = idsOf('series', data.series, 'series');
  const trainings = idsOf('trainings', data.trainings, 'training');
  const sessions = idsOf('sessions', data.sessions, 'session');
  idsOf('partners', data.partners, 'partner');
  idsOf('certifications', data.certifications, 'certification');
  idsOf('coaching', data.coaching, 'coaching entry');
  idsOf('optimizeForEquity', data.optimizeForEquity, 'Optimize for Equity entry');
  idsOf('submissions', data.submissions, 'submission');

  data.people.forEach((person, i) => {
    const seen = new Set<string>();
    person.positions.forEach((position, j) => {
      if (seen.has(position.id)) {
        errors.push({
          path: at('people', i, 'positions', j, 'id'),
          message: `duplicate position id "${position.id}" for ${person.name}`,
        });
      }
      seen.add(position.id);
    });
  });

  data.trainings.forEach((t, i) => {
    if (t.seriesId !== null && !series.has(t.seriesId)) {
      errors.push({ path: at('trainings', i, 'seriesId'), message: `no series has the id "${t.seriesId}"` });
    }
  });
  data.sessions.forEach((s, i) => {
    if (!trainings.has(s.trainingId)) {
      errors.push({
        path: at('sessions', i, 'trainingId'),
        message: `no training has the id "${s.trainingId}"`,
      });
    }
  });

  const pairs = new Map<string, number>();
  data.attendance.forEach((a, i) => {
    if (!people.has(a.personId)) {
      errors.push({ path: at('attendance', i, 'personId'), message: `no person has the id "${a.personId}"` });
    }
    if (!sessions.has(a.sessionId)) {
      errors.push({
        path: at('attendance', i, 'sessionId'),
        message: `no session has the id "${a.sessionId}"`,
      });
    }
    const key = JSON.stringify([a.personId, a.sessionId]);
    const first = pairs.get(key);
    if (first !== undefined) {
      errors.push({
        path: at('attendance', i),
        message: `the same person and session are listed twice (also at ${formatPath(['attendance', first])})`,
      });
    } else pairs.set(key, i);
  });

  data.certifications.forEach((c, i) => {
    c.credited.forEach((e, j) => {
      if (e.part === 'part1' && !series.has(e.seriesId)) {
        errors.push({
          path: at('certifications', i, 'credited', j, 'seriesId'),
          message: `no series has the id "${e.seriesId}"`,
        });
      }
      if (e.part === 'part2' && !sessions.has(e.sessionId)) {
        errors.push({
          path: at('certifications', i, 'credited', j, 'sessionId'),
          message: `no session has the id "${e.sessionId}"`,
        });
      }
    });
  });
  return errors;
}
