/**
 * Reading a backup file: never throws, always explains.
 *
 * Order of checks: JSON syntax (with line and column; a spreadsheet, a PDF or a
 * CSV file is named as such), the `format` marker, the format version (a newer
 * file gets its own "update the app" message), the checksum (a backup changed
 * after it was written is refused whatever else it holds), unknown fields (with
 * the known name they are closest to), the zod schema (every problem with its
 * path), then cross-references between records (ids that point nowhere,
 * duplicates). Each error names a path like `data.people[3].positions[0].end`
 * and carries a plain sentence for the clerk (`plain.ts`).
 */
import type { z } from 'zod';
import type { TownData } from '../domain/schema';
import { decodeBackupBytes, recogniseText } from './bytes';
import { dataChecksum } from './canonical';
import { formatPath } from './errors';
import type { BackupError } from './errors';
import { APP_NAME, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, backupSchema } from './format';
import type { Backup } from './format';
import { excessiveNesting, findJsonSyntaxProblem } from './json-error';
import { toPlain } from './plain';
import { unknownKeyErrors } from './unknown-keys';

export type { BackupError } from './errors';
export { formatPath } from './errors';

/**
 * `checksum`: 'verified' when the file's `dataSha256` matched its data, 'missing'
 * when it has none (a version 1 or hand-made file: it restores, with a note).
 */
export type ParseBackupResult =
  { ok: true; backup: Backup; checksum: 'verified' | 'missing' } | { ok: false; errors: BackupError[] };

/** The steps of a parse, reported to a caller that shows progress (the restore worker). */
export type ParseStage = 'json' | 'checksum' | 'schema' | 'references';

/** The message every refused checksum gets (README, "Backup file format"). */
export const CHECKSUM_MISMATCH =
  'This backup was changed or damaged after it was written, so it cannot be trusted. Nothing was restored. Use another copy of the backup (an automatic backup, or one on a USB stick).';

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
export function parseBackup(text: string, onStage?: (stage: ParseStage) => void): ParseBackupResult {
  try {
    return parseBackupUnsafe(text, onStage ?? (() => undefined));
  } catch (e) {
    // Defence in depth: a parser bug must surface as an error, not crash a restore.
    return fileError(
      `could not read the backup (${String(e)})`,
      `The backup could not be read because of a problem in the app (${String(e)}). Nothing was changed.`,
    );
  }
}

const fileError = (message: string, plain: string, path = ''): ParseBackupResult => ({
  ok: false,
  errors: [{ path, message, plain }],
});

function parseBackupUnsafe(text: string, onStage: (stage: ParseStage) => void): ParseBackupResult {
  // Editors on Windows sometimes save a byte-order mark; it is not JSON but harmless.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    return fileError('the file is empty', 'The file is empty: it holds no backup. Choose another file.');
  }

  onStage('json');
  const tooDeep = excessiveNesting(body);
  if (tooDeep !== null) {
    return fileError(
      `line ${tooDeep.line}, column ${tooDeep.column}: invalid JSON: ${tooDeep.message}`,
      recogniseText(body)?.plain ??
        `This file is not a backup the app can read: it is damaged or is not a backup at all (its brackets nest far deeper than a backup's, from line ${tooDeep.line}).`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    const recognised = recogniseText(body);
    if (recognised !== null) return { ok: false, errors: [recognised] };
    const p = findJsonSyntaxProblem(body);
    const message = p
      ? `line ${p.line}, column ${p.column}: invalid JSON: ${p.message}`
      : 'invalid JSON: the file could not be read as JSON';
    const plain =
      p?.message.startsWith('the file ends too early') === true
        ? `The file ends early: it was cut off, probably while it was being copied or saved (line ${p.line}). Use another copy of the backup.`
        : `This file is not a backup the app can read: its text is damaged or is not a backup at all${p ? ` (line ${p.line}, column ${p.column}: ${p.message})` : ''}.`;
    return fileError(message, plain);
  }

  const notBackup = `This is not an ${APP_NAME} backup. A backup is a .json file the app saved with “Save a backup”.`;
  if (!isRecord(raw))
    return fileError(`this is not an ${APP_NAME} backup (expected a JSON object)`, notBackup);
  if (raw.format !== BACKUP_FORMAT) {
    return fileError(
      `this is not an ${APP_NAME} backup (format must be "${BACKUP_FORMAT}")`,
      notBackup,
      'format',
    );
  }
  const version = raw.formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_FORMAT_VERSION) {
    return fileError(
      `this backup was made by a newer version of ${APP_NAME} (backup format ${version}; this version reads format ${BACKUP_FORMAT_VERSION}). Update the app to restore it.`,
      `This backup was written by a newer version of ${APP_NAME}. Update the app on this computer to restore it; nothing was changed.`,
      'formatVersion',
    );
  }

  // Before anything else about the records: a damaged file's other errors would only mislead.
  onStage('checksum');
  const claimed = raw.dataSha256;
  const hasChecksum = typeof claimed === 'string' && /^[0-9a-f]{64}$/.test(claimed);
  if (hasChecksum && (raw.data === undefined || dataChecksum(raw.data) !== claimed)) {
    return fileError('the checksum (dataSha256) does not match the data', CHECKSUM_MISMATCH, 'dataSha256');
  }

  onStage('schema');
  const unknown = unknownKeyErrors(backupSchema, raw);
  const parsed = backupSchema.safeParse(raw, { error: plainEnglish, reportInput: true });
  const schemaErrors = parsed.success ? [] : issuesToErrors(parsed.error.issues);
  if (unknown.length > 0 || !parsed.success) {
    return { ok: false, errors: [...unknown, ...schemaErrors].map((e) => toPlain(e, raw)) };
  }
  onStage('references');
  const refErrors = crossReferenceErrors(parsed.data.data, 'data');
  if (refErrors.length > 0) return { ok: false, errors: refErrors.map((e) => toPlain(e, raw)) };
  return { ok: true, backup: parsed.data, checksum: hasChecksum ? 'verified' : 'missing' };
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

/**
 * Validates a backup file's bytes: strict UTF-8 first (`bytes.ts`), then `parseBackup`.
 * The path every caller that holds bytes takes (the restore worker, the CLI, main's lists).
 */
export function parseBackupBytes(
  bytes: Uint8Array,
  onStage?: (stage: ParseStage) => void,
): ParseBackupResult {
  const decoded = decodeBackupBytes(bytes);
  if (!decoded.ok) return decoded;
  return parseBackup(decoded.text, onStage);
}
