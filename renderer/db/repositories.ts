/**
 * Repositories: the only code that reads and writes the Dexie tables. Screens call
 * these and get shared domain types back; they never call `db.*` themselves.
 *
 * - Every input is validated with the shared zod schema first; an invalid record
 *   throws `ValidationError` (field paths + plain-English messages) and nothing is
 *   written.
 * - Every write that touches more than one row is ONE `db.transaction('rw', ...)`,
 *   so a failure half-way leaves the data as it was.
 * - Deletes cascade (a person's attendance, a series' topics and sessions, ...)
 *   and return an `Undo`: a plain, serialisable snapshot of every row removed or
 *   changed, which `undoDelete` puts back.
 * - References are kept whole, so the data always exports as a valid backup:
 *   a session needs a known training, attendance a known person and session, and
 *   deleting a series or session also drops certifications' credited entries (T.3)
 *   that pointed at it (the Undo restores them).
 */
import type { Table } from 'dexie';
import type { z } from 'zod';
import { issuesToErrors, plainEnglish } from '../../shared/backup/parse';
import { emptyTownData } from '../../shared/domain/catalog';
import {
  attendanceSchema,
  certificationSchema,
  coachingEntrySchema,
  optimizeForEquitySchema,
  partnerSchema,
  personSchema,
  seriesSchema,
  sessionSchema,
  settingsSchema,
  submissionSchema,
  townDataSchema,
  townSchema,
  trainingSchema,
} from '../../shared/domain/schema';
import type {
  Attendance,
  Certification,
  CoachingEntry,
  OptimizeForEquityEntry,
  Partner,
  Person,
  Series,
  Session,
  Settings,
  Submission,
  Town,
  TownData,
  Training,
} from '../../shared/domain/schema';
import { certificationFromResult, submissionResultSchema } from '../../shared/submissions';
import type { SubmissionResult } from '../../shared/submissions';
import { markCatalogCurrent } from './catalog-updates';
import { compareCodeUnits, groupBySession, SETTINGS_KEY, TOWN_KEY } from './schema';
import type { AppDB, SessionAttendanceRow } from './schema';

/** One invalid field: `path` is relative to the record (`positions[0].end`, `name`; '' for the whole record). */
export interface FieldIssue {
  path: string;
  message: string;
}

/** Thrown by a repository write when its input is invalid. Nothing was written. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(
    /** What was being saved, e.g. "person", "session". */
    readonly record: string,
    readonly issues: FieldIssue[],
  ) {
    super(
      `Invalid ${record}: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`,
    );
  }
}

/** Thrown by `exportBackup` when the first-run guide has not created a town yet. */
export class NoTownError extends Error {
  override readonly name = 'NoTownError';
  constructor() {
    super('There is no town yet: create one or load the sample first.');
  }
}

/** Inputs: what a form may pass (fields with defaults may be left out). */
export type TownInput = z.input<typeof townSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;
export type PersonInput = z.input<typeof personSchema>;
export type SeriesInput = z.input<typeof seriesSchema>;
export type TrainingInput = z.input<typeof trainingSchema>;
export type SessionInput = z.input<typeof sessionSchema>;
export type PartnerInput = z.input<typeof partnerSchema>;
export type CertificationInput = z.input<typeof certificationSchema>;
export type CoachingInput = z.input<typeof coachingEntrySchema>;
export type OptimizeInput = z.input<typeof optimizeForEquitySchema>;

/** The rows a delete removed or changed, as they were before; `undoDelete` puts them back. */
export type UndoRows = Partial<Omit<TownData, 'town' | 'settings'>>;

/** A serialisable record of one delete (JSON.stringify-safe: plain objects and strings only). */
export interface Undo {
  kind: DeletableKind;
  id: string;
  rows: UndoRows;
}

export type DeletableKind =
  | 'person'
  | 'series'
  | 'training'
  | 'session'
  | 'partner'
  | 'certification'
  | 'coaching'
  | 'optimizeForEquity';

/** How many records use a person, series, training or session (for the "asks first" delete dialog). */
export interface UsageCounts {
  /** Topics of a series. */
  trainings: number;
  /** Sessions of a training or series. */
  sessions: number;
  /** Attendance records that would be removed. */
  attendance: number;
  /** Distinct people with attendance that would be removed (for a person: 1 when they attended anything). */
  people: number;
  /** Past certifications whose credited evidence points here. */
  certifications: number;
}

/** A new record id. */
export function newId(): string {
  return crypto.randomUUID();
}

function validate<S extends z.ZodType>(schema: S, input: unknown, record: string): z.output<S> {
  const r = schema.safeParse(input, { error: plainEnglish, reportInput: true });
  if (!r.success) throw new ValidationError(record, issuesToErrors(r.error.issues));
  return r.data;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
/** Compares by a text key, then by id, so the order never depends on storage order. */
const byText =
  <T extends { id: string }>(key: (row: T) => string) =>
  (a: T, b: T): number =>
    collator.compare(key(a), key(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Submissions in the History timeline's order: oldest certification year first, then by day. */
const bySubmissionOrder = (a: Submission, b: Submission): number =>
  a.certificationYear - b.certificationYear ||
  compareCodeUnits(a.submittedOn, b.submittedOn) ||
  compareCodeUnits(a.id, b.id);

/** The stored tables a `TownData` is made of (`sessionAttendance` gives `attendance`). */
export const TOWN_DATA_TABLES = [
  'town',
  'settings',
  'people',
  'series',
  'trainings',
  'sessions',
  'sessionAttendance',
  'partners',
  'certifications',
  'coaching',
  'optimizeForEquity',
  'submissions',
] as const;
export type TownDataTable = (typeof TOWN_DATA_TABLES)[number];

/**
 * What each table contributes to a `TownData`, already in display order; `town` is
 * undefined before the first-run guide has created the town.
 */
export interface TownDataParts {
  town: Town | undefined;
  settings: Settings;
  people: Person[];
  series: Series[];
  trainings: Training[];
  sessions: Session[];
  sessionAttendance: Attendance[];
  partners: Partner[];
  certifications: Certification[];
  coaching: CoachingEntry[];
  optimizeForEquity: OptimizeForEquityEntry[];
  submissions: Submission[];
}

/** Reads one table's part, sorted (see `loadTownData` for each order). */
async function loadPart<K extends TownDataTable>(db: AppDB, table: K): Promise<TownDataParts[K]> {
  const parts: { [T in TownDataTable]: () => Promise<TownDataParts[T]> } = {
    town: () => db.town.get(TOWN_KEY),
    settings: async () => (await db.settings.get(SETTINGS_KEY)) ?? settingsSchema.parse({}),
    people: async () => (await db.people.toArray()).sort(byText((p) => p.name)),
    series: async () => (await db.series.toArray()).sort(byText((s) => s.name)),
    trainings: async () => (await db.trainings.toArray()).sort(byText((t) => t.name)),
    sessions: async () => (await db.sessions.toArray()).sort(byText((s) => `${s.date} ${s.startTime ?? ''}`)),
    sessionAttendance: async () => byPersonThenSession(toPairs(await db.sessionAttendance.toArray())),
    partners: async () => (await db.partners.toArray()).sort(byText((p) => p.name)),
    certifications: async () =>
      (await db.certifications.toArray()).sort(
        (a, b) => a.yearAwarded - b.yearAwarded || (a.id < b.id ? -1 : 1),
      ),
    coaching: async () => (await db.coaching.toArray()).sort(byText((c) => c.date)),
    optimizeForEquity: async () =>
      (await db.optimizeForEquity.toArray()).sort(byText((o) => `${o.actionNumber} ${o.actionName}`)),
    submissions: async () => (await db.submissions.toArray()).sort(bySubmissionOrder),
  };
  return parts[table]();
}

/**
 * The parts of the given tables, read in ONE transaction (so together they are one
 * consistent state of the records). The live `useTownData` reloads only the tables a
 * change touched and keeps the others as they were: ticking one attendance box reads
 * the attendance, not 1,000 people and every frozen packet again.
 */
export async function loadTownDataParts<K extends TownDataTable>(
  db: AppDB,
  tables: readonly K[],
): Promise<Pick<TownDataParts, K>> {
  const wanted = TOWN_DATA_TABLES.filter((t): t is K => (tables as readonly string[]).includes(t));
  return db.transaction(
    'r',
    wanted.map((t) => db.table(t)),
    async () => {
      const values = await Promise.all(wanted.map((t) => loadPart(db, t)));
      return Object.fromEntries(wanted.map((t, i) => [t, values[i]])) as Pick<TownDataParts, K>;
    },
  );
}

/** The `TownData` the parts make, or null without a town. Keeps each part's array as it is. */
export function townDataFromParts(parts: TownDataParts): TownData | null {
  if (parts.town === undefined) return null;
  return {
    town: parts.town,
    settings: parts.settings,
    people: parts.people,
    series: parts.series,
    trainings: parts.trainings,
    sessions: parts.sessions,
    attendance: parts.sessionAttendance,
    partners: parts.partners,
    certifications: parts.certifications,
    coaching: parts.coaching,
    optimizeForEquity: parts.optimizeForEquity,
    submissions: parts.submissions,
  };
}

/**
 * Everything stored, as one `TownData` (the rules engine's input), or null before
 * the first-run guide has created the town. Lists come in a stable display order:
 * people, series, trainings and partners by name; sessions by date and time;
 * certifications by year; coaching by date; attendance by person id, then session id
 * (code-unit order: the order of the pair table's key before version 3, so a backup of
 * the same data is byte for byte the same as it was).
 */
export async function loadTownData(db: AppDB): Promise<TownData | null> {
  return db.transaction('r', db.allTables(), async () => {
    // Without a town, nothing else is read.
    if ((await db.town.get(TOWN_KEY)) === undefined) return null;
    return townDataFromParts(await loadTownDataParts(db, TOWN_DATA_TABLES));
  });
}

/** Session rows as the shared flat list of pairs (in row order, each row's people in order). */
function toPairs(rows: readonly SessionAttendanceRow[]): Attendance[] {
  return rows.flatMap((r) => r.personIds.map((personId) => ({ personId, sessionId: r.sessionId })));
}

function byPersonThenSession(pairs: Attendance[]): Attendance[] {
  return pairs.sort(
    (a, b) => compareCodeUnits(a.personId, b.personId) || compareCodeUnits(a.sessionId, b.sessionId),
  );
}

/**
 * Adds and removes pairs in the session rows they touch (inside the caller's transaction):
 * reads those rows, applies `remove` then `add`, writes the rows that still hold someone
 * and deletes the ones left empty (a session nobody attended has no row).
 */
export async function applyPairs(
  db: AppDB,
  changes: { add?: readonly Attendance[]; remove?: readonly Attendance[] },
): Promise<void> {
  const add = changes.add ?? [];
  const remove = changes.remove ?? [];
  const sessionIds = [...new Set([...add, ...remove].map((a) => a.sessionId))];
  if (sessionIds.length === 0) return;
  const rows = await db.sessionAttendance.bulkGet(sessionIds);
  const people = new Map(sessionIds.map((id, i) => [id, new Set(rows[i]?.personIds ?? [])]));
  for (const a of remove) people.get(a.sessionId)!.delete(a.personId);
  for (const a of add) people.get(a.sessionId)!.add(a.personId);
  const kept: SessionAttendanceRow[] = [];
  const emptied: string[] = [];
  for (const [sessionId, ids] of people) {
    if (ids.size > 0) kept.push({ sessionId, personIds: [...ids].sort(compareCodeUnits) });
    else emptied.push(sessionId);
  }
  await db.sessionAttendance.bulkPut(kept);
  await db.sessionAttendance.bulkDelete(emptied);
}

/** Whether the first-run guide has created a town. */
export async function hasTown(db: AppDB): Promise<boolean> {
  return (await db.town.get(TOWN_KEY)) !== undefined;
}

/**
 * `meta` key set while the stored town is the shipped sample (Harbor Falls): the shell shows
 * the "nothing here is real" banner and offers "Start my own town". Value: `{ name }`.
 */
export const SAMPLE_TOWN_KEY = 'sampleTown';

/** The sample town's name while the sample is what is stored, else null. */
export async function sampleTownName(db: AppDB): Promise<string | null> {
  const row = await db.meta.get(SAMPLE_TOWN_KEY);
  const value = row?.value as { name?: unknown } | undefined;
  if (row === undefined) return null;
  // Written by another release in another shape: still the sample, with a neutral name.
  return typeof value?.name === 'string' ? value.name : 'the sample town';
}

/**
 * Removes every record of the sample town (everything stored while it is open, including
 * what the clerk added while exploring), in one transaction, leaving the first-run guide.
 * Returns false, and removes nothing, when the stored town is not the sample: a stale
 * button can never wipe a real town.
 */
export async function leaveSampleTown(db: AppDB): Promise<boolean> {
  return db.transaction('rw', [...db.allTables(), db.meta], async () => {
    if ((await db.meta.get(SAMPLE_TOWN_KEY)) === undefined) return false;
    await Promise.all([...db.allTables(), db.meta].map((t) => t.clear()));
    return true;
  });
}

/** Clears every table, the app's own bookkeeping included, in one transaction: back to the first run. */
export async function eraseAllRecords(db: AppDB): Promise<void> {
  await db.transaction('rw', [...db.allTables(), db.meta], async () => {
    await Promise.all([...db.allTables(), db.meta].map((t) => t.clear()));
  });
}

/**
 * Replaces everything stored with `data`, in one transaction (all-or-nothing).
 * `data` must already be valid, cross-references included (`parseBackup` checks both).
 */
export async function replaceAllData(db: AppDB, data: TownData): Promise<void> {
  await db.transaction('rw', [...db.allTables(), db.meta], async () => {
    await Promise.all(db.allTables().map((t) => t.clear()));
    // New data is the clerk's own unless the sample loader marks it again in its own transaction.
    await db.meta.delete(SAMPLE_TOWN_KEY);
    await db.town.put(data.town, TOWN_KEY);
    await db.settings.put(data.settings, SETTINGS_KEY);
    await db.people.bulkAdd(data.people);
    await db.series.bulkAdd(data.series);
    await db.trainings.bulkAdd(data.trainings);
    await db.sessions.bulkAdd(data.sessions);
    await db.sessionAttendance.bulkAdd(groupBySession(data.attendance));
    await db.partners.bulkAdd(data.partners);
    await db.certifications.bulkAdd(data.certifications);
    await db.coaching.bulkAdd(data.coaching);
    await db.optimizeForEquity.bulkAdd(data.optimizeForEquity);
    await db.submissions.bulkAdd(data.submissions);
  });
}

/**
 * First run: creates the town with default settings and the whole built-in catalog,
 * in one transaction. Replaces anything already stored (the guide only shows when
 * there is no town).
 */
export async function initialiseTown(
  db: AppDB,
  input: { name: string; certificationYear: number; municipalityKind?: Town['municipalityKind'] },
): Promise<TownData> {
  const town = validate(
    townSchema,
    {
      name: input.name,
      certificationYear: input.certificationYear,
      municipalityKind: input.municipalityKind,
    },
    'town',
  );
  const data: TownData = { ...emptyTownData(town.certificationYear), town };
  await replaceAllData(db, data);
  // The town now holds the whole catalog: no update may offer it again on the next start.
  await markCatalogCurrent(db);
  return data;
}

export async function saveTown(db: AppDB, input: TownInput): Promise<Town> {
  const town = validate(townSchema, input, 'town');
  await db.town.put(town, TOWN_KEY);
  return town;
}

/**
 * Saves the rolling-credit narratives alone (they save as they are typed), on top of the
 * town as stored now, so details saved meanwhile by the Town details form are kept.
 */
export async function saveRollingNarrative(
  db: AppDB,
  narrative: TownInput['rollingNarrative'],
): Promise<Town> {
  return db.transaction('rw', db.town, async () => {
    const town = await db.town.get(TOWN_KEY);
    if (town === undefined) throw new NoTownError();
    return saveTown(db, { ...town, rollingNarrative: narrative });
  });
}

export async function saveSettings(db: AppDB, input: SettingsInput): Promise<Settings> {
  const settings = validate(settingsSchema, input, 'settings');
  await db.settings.put(settings, SETTINGS_KEY);
  return settings;
}

export async function putPerson(db: AppDB, input: PersonInput): Promise<Person> {
  const person = validate(personSchema, input, 'person');
  const ids = person.positions.map((p) => p.id);
  const dup = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (dup >= 0) {
    throw new ValidationError('person', [
      { path: `positions[${dup}].id`, message: 'is used by another position' },
    ]);
  }
  await db.people.put(person);
  return person;
}

export async function putSeries(db: AppDB, input: SeriesInput): Promise<Series> {
  const series = validate(seriesSchema, input, 'series');
  await db.series.put(series);
  return series;
}

/** Saves a training; a `seriesId` must name an existing series. */
export async function putTraining(db: AppDB, input: TrainingInput): Promise<Training> {
  const training = validate(trainingSchema, input, 'training');
  await db.transaction('rw', db.series, db.trainings, async () => {
    if (training.seriesId !== null && (await db.series.get(training.seriesId)) === undefined) {
      throw new ValidationError('training', [{ path: 'seriesId', message: 'no such series' }]);
    }
    await db.trainings.put(training);
  });
  return training;
}

/** Saves a session; its `trainingId` must name an existing training. */
export async function putSession(db: AppDB, input: SessionInput): Promise<Session> {
  const session = validate(sessionSchema, input, 'session');
  await db.transaction('rw', db.trainings, db.sessions, async () => {
    if ((await db.trainings.get(session.trainingId)) === undefined) {
      throw new ValidationError('session', [{ path: 'trainingId', message: 'no such training' }]);
    }
    await db.sessions.put(session);
  });
  return session;
}

export async function putPartner(db: AppDB, input: PartnerInput): Promise<Partner> {
  const partner = validate(partnerSchema, input, 'partner');
  await db.partners.put(partner);
  return partner;
}

/** Saves a past certification; its credited evidence (T.3) must name existing series and sessions. */
export async function putCertification(db: AppDB, input: CertificationInput): Promise<Certification> {
  const cert = validate(certificationSchema, input, 'certification');
  await db.transaction('rw', db.series, db.sessions, db.certifications, async () => {
    const issues: FieldIssue[] = [];
    for (const [i, e] of cert.credited.entries()) {
      if (e.part === 'part1' && (await db.series.get(e.seriesId)) === undefined) {
        issues.push({ path: `credited[${i}].seriesId`, message: 'no such series' });
      }
      if (e.part === 'part2' && (await db.sessions.get(e.sessionId)) === undefined) {
        issues.push({ path: `credited[${i}].sessionId`, message: 'no such session' });
      }
    }
    if (issues.length > 0) throw new ValidationError('certification', issues);
    await db.certifications.put(cert);
  });
  return cert;
}

export async function putCoaching(db: AppDB, input: CoachingInput): Promise<CoachingEntry> {
  const entry = validate(coachingEntrySchema, input, 'coaching entry');
  await db.coaching.put(entry);
  return entry;
}

export async function putOptimize(db: AppDB, input: OptimizeInput): Promise<OptimizeForEquityEntry> {
  const entry = validate(optimizeForEquitySchema, input, 'Optimize for Equity entry');
  await db.optimizeForEquity.put(entry);
  return entry;
}

/** One change for `setAttendanceBulk`. */
export interface AttendanceChange {
  personId: string;
  sessionId: string;
  attended: boolean;
}

/** Marks one person as having attended (or not) one session. */
export async function setAttendance(
  db: AppDB,
  personId: string,
  sessionId: string,
  attended: boolean,
): Promise<void> {
  await setAttendanceBulk(db, [{ personId, sessionId, attended }]);
}

/**
 * Applies many attendance changes in one transaction: all or none. Marking attended
 * needs an existing person and session (else `ValidationError`, paths like `[3].personId`).
 */
export async function setAttendanceBulk(db: AppDB, changes: readonly AttendanceChange[]): Promise<void> {
  const rows = changes.map((c, i) => {
    const row = validate(attendanceSchema, { personId: c.personId, sessionId: c.sessionId }, 'attendance');
    if (typeof c.attended !== 'boolean') {
      throw new ValidationError('attendance', [
        { path: `[${i}].attended`, message: 'must be true or false' },
      ]);
    }
    return { row, attended: c.attended };
  });
  await db.transaction('rw', db.people, db.sessions, db.sessionAttendance, async () => {
    const adding = rows.filter((r) => r.attended).map((r) => r.row);
    const [people, sessions] = await Promise.all([
      db.people.bulkGet([...new Set(adding.map((a) => a.personId))]),
      db.sessions.bulkGet([...new Set(adding.map((a) => a.sessionId))]),
    ]);
    const knownPeople = new Set(people.filter((p) => p !== undefined).map((p) => p.id));
    const knownSessions = new Set(sessions.filter((s) => s !== undefined).map((s) => s.id));
    const issues: FieldIssue[] = [];
    rows.forEach(({ row, attended }, i) => {
      if (!attended) return;
      if (!knownPeople.has(row.personId)) issues.push({ path: `[${i}].personId`, message: 'no such person' });
      if (!knownSessions.has(row.sessionId))
        issues.push({ path: `[${i}].sessionId`, message: 'no such session' });
    });
    if (issues.length > 0) throw new ValidationError('attendance', issues);
    // Later changes win over earlier ones for the same pair, as if applied in order.
    const last = new Map<string, { row: Attendance; attended: boolean }>();
    for (const r of rows) last.set(JSON.stringify([r.row.personId, r.row.sessionId]), r);
    const finals = [...last.values()];
    await applyPairs(db, {
      add: finals.filter((r) => r.attended).map((r) => r.row),
      remove: finals.filter((r) => !r.attended).map((r) => r.row),
    });
  });
}

const defined = <T>(x: T | undefined): x is T => x !== undefined;
const uniqueById = <T extends { id: string }>(rows: T[]): T[] => [
  ...new Map(rows.map((r) => [r.id, r])).values(),
];

/** Everything a delete of these series / trainings / sessions would remove or change (read only). */
async function collectCascade(
  db: AppDB,
  ids: { series?: string[]; trainings?: string[]; sessions?: string[] },
): Promise<{ rows: UndoRows; changedCertifications: Certification[] }> {
  const seriesIds = ids.series ?? [];
  const series = (await db.series.bulkGet(seriesIds)).filter(defined);
  const trainings = uniqueById([
    ...(await db.trainings.bulkGet(ids.trainings ?? [])).filter(defined),
    ...(seriesIds.length > 0 ? await db.trainings.where('seriesId').anyOf(seriesIds).toArray() : []),
  ]);
  const trainingIds = trainings.map((t) => t.id);
  const sessions = uniqueById([
    ...(await db.sessions.bulkGet(ids.sessions ?? [])).filter(defined),
    ...(trainingIds.length > 0 ? await db.sessions.where('trainingId').anyOf(trainingIds).toArray() : []),
  ]);
  const sessionIds = new Set(sessions.map((s) => s.id));
  // By session, then person: the order the pair table's sessionId index gave before version 3.
  const attendance = toPairs(
    (await db.sessionAttendance.bulkGet([...sessionIds].sort(compareCodeUnits))).filter(defined),
  );
  const seriesSet = new Set(seriesIds);
  const pointsHere = (e: Certification['credited'][number]) =>
    e.part === 'part1' ? seriesSet.has(e.seriesId) : sessionIds.has(e.sessionId);
  const certifications = (await db.certifications.toArray()).filter((c) => c.credited.some(pointsHere));
  const changedCertifications = certifications.map((c) => ({
    ...c,
    credited: c.credited.filter((e) => !pointsHere(e)),
  }));
  return { rows: { series, trainings, sessions, attendance, certifications }, changedCertifications };
}

async function deleteCascade(
  db: AppDB,
  kind: DeletableKind,
  id: string,
  ids: { series?: string[]; trainings?: string[]; sessions?: string[] },
): Promise<Undo> {
  return db.transaction(
    'rw',
    [db.series, db.trainings, db.sessions, db.sessionAttendance, db.certifications],
    async () => {
      const { rows, changedCertifications } = await collectCascade(db, ids);
      // Every pair of these sessions goes, so their whole rows go.
      await db.sessionAttendance.bulkDelete([...new Set((rows.attendance ?? []).map((a) => a.sessionId))]);
      await db.sessions.bulkDelete((rows.sessions ?? []).map((s) => s.id));
      await db.trainings.bulkDelete((rows.trainings ?? []).map((t) => t.id));
      await db.series.bulkDelete((rows.series ?? []).map((s) => s.id));
      await db.certifications.bulkPut(changedCertifications);
      return { kind, id, rows: prune(rows) };
    },
  );
}

/** Drops empty lists so an Undo stays small. */
function prune(rows: UndoRows): UndoRows {
  const out: UndoRows = {};
  for (const [k, v] of Object.entries(rows) as [keyof UndoRows, unknown[] | undefined][]) {
    if (v && v.length > 0) (out as Record<string, unknown[]>)[k] = v;
  }
  return out;
}

/** Deletes a person and their attendance. */
export async function deletePerson(db: AppDB, id: string): Promise<Undo> {
  return db.transaction('rw', db.people, db.sessionAttendance, async () => {
    const person = await db.people.get(id);
    // The multi-entry index lists the person's sessions in session id order, as before version 3.
    const sessionIds = await db.sessionAttendance.where('personIds').equals(id).primaryKeys();
    const attendance = sessionIds.map((sessionId) => ({ personId: id, sessionId }));
    await applyPairs(db, { remove: attendance });
    await db.people.delete(id);
    return { kind: 'person', id, rows: prune({ people: person ? [person] : [], attendance }) };
  });
}

/** Deletes a series, its topics, their sessions and attendance; drops credited entries pointing at them. */
export async function deleteSeries(db: AppDB, id: string): Promise<Undo> {
  return deleteCascade(db, 'series', id, { series: [id] });
}

/** Deletes a training, its sessions and their attendance. */
export async function deleteTraining(db: AppDB, id: string): Promise<Undo> {
  return deleteCascade(db, 'training', id, { trainings: [id] });
}

/** Deletes a session and its attendance. */
export async function deleteSession(db: AppDB, id: string): Promise<Undo> {
  return deleteCascade(db, 'session', id, { sessions: [id] });
}

async function deleteOne<T extends { id: string }>(
  table: Table<T, string>,
  kind: DeletableKind,
  key: keyof UndoRows,
  id: string,
): Promise<Undo> {
  return table.db.transaction('rw', table, async () => {
    const row = await table.get(id);
    await table.delete(id);
    return { kind, id, rows: row ? { [key]: [row] } : {} };
  });
}

export const deletePartner = (db: AppDB, id: string): Promise<Undo> =>
  deleteOne(db.partners, 'partner', 'partners', id);
export const deleteCertification = (db: AppDB, id: string): Promise<Undo> =>
  deleteOne(db.certifications, 'certification', 'certifications', id);
export const deleteCoaching = (db: AppDB, id: string): Promise<Undo> =>
  deleteOne(db.coaching, 'coaching', 'coaching', id);
export const deleteOptimize = (db: AppDB, id: string): Promise<Undo> =>
  deleteOne(db.optimizeForEquity, 'optimizeForEquity', 'optimizeForEquity', id);

/**
 * Puts back what a delete removed or changed, in one transaction. Attendance whose
 * person or session no longer exists (deleted since) is skipped, so references stay whole.
 */
export async function undoDelete(db: AppDB, undo: Undo): Promise<void> {
  const r = undo.rows;
  await db.transaction(
    'rw',
    [
      db.people,
      db.series,
      db.trainings,
      db.sessions,
      db.sessionAttendance,
      db.partners,
      db.certifications,
      db.coaching,
      db.optimizeForEquity,
    ],
    async () => {
      await db.people.bulkPut(r.people ?? []);
      await db.series.bulkPut(r.series ?? []);
      await db.trainings.bulkPut(r.trainings ?? []);
      await db.sessions.bulkPut(r.sessions ?? []);
      await db.partners.bulkPut(r.partners ?? []);
      await db.certifications.bulkPut(r.certifications ?? []);
      await db.coaching.bulkPut(r.coaching ?? []);
      await db.optimizeForEquity.bulkPut(r.optimizeForEquity ?? []);
      const attendance = r.attendance ?? [];
      const [people, sessions] = await Promise.all([
        db.people.bulkGet(attendance.map((a) => a.personId)),
        db.sessions.bulkGet(attendance.map((a) => a.sessionId)),
      ]);
      await applyPairs(db, { add: attendance.filter((_, i) => people[i] && sessions[i]) });
    },
  );
}

/** How many records use a person, series, training or session; zeros when it does not exist. */
export async function usageCounts(
  db: AppDB,
  kind: 'person' | 'series' | 'training' | 'session',
  id: string,
): Promise<UsageCounts> {
  if (kind === 'person') {
    const attendance = await db.sessionAttendance.where('personIds').equals(id).count();
    return { trainings: 0, sessions: 0, attendance, people: attendance > 0 ? 1 : 0, certifications: 0 };
  }
  return db.transaction(
    'r',
    [db.series, db.trainings, db.sessions, db.sessionAttendance, db.certifications],
    async () => {
      const key = kind === 'series' ? 'series' : kind === 'training' ? 'trainings' : 'sessions';
      const { rows } = await collectCascade(db, { [key]: [id] });
      const attendance = rows.attendance ?? [];
      return {
        trainings: kind === 'series' ? (rows.trainings ?? []).length : 0,
        sessions: kind === 'session' ? 0 : (rows.sessions ?? []).length,
        attendance: attendance.length,
        people: new Set(attendance.map((a) => a.personId)).size,
        certifications: (rows.certifications ?? []).length,
      };
    },
  );
}

/** Fills defaults and validates a whole `TownData` (used by tests and the sample loader). */
export function validateTownData(input: unknown): TownData {
  return validate(townDataSchema, input, 'town data');
}

/**
 * Records a submission ("Mark as submitted"). A submission is frozen: there is no
 * way to change its packet, evaluation or snapshot afterwards, so an id that
 * already exists is refused rather than overwritten.
 */
export async function addSubmission(db: AppDB, input: Submission): Promise<Submission> {
  const submission = validate(submissionSchema, input, 'submission');
  await db.transaction('rw', db.submissions, async () => {
    if ((await db.submissions.get(submission.id)) !== undefined) {
      throw new ValidationError('submission', [
        { path: 'id', message: 'a submission with this id exists and never changes' },
      ]);
    }
    await db.submissions.add(submission);
  });
  return submission;
}

/** Thrown when a result names a submission that is not stored. */
export class UnknownSubmissionError extends Error {
  override readonly name = 'UnknownSubmissionError';
  constructor(readonly id: string) {
    super(`There is no submission ${id}.`);
  }
}

export interface RecordResultOutcome {
  submission: Submission;
  /** The certification record created or updated; null when not awarded (any earlier one is removed). */
  certification: Certification | null;
  /** Credited evidence deleted from the records since, which could not be carried over. */
  dropped: string[];
}

/**
 * "Record the result": stores Sustainable CT's answer on the submission and, for an
 * award, creates or updates the certification record with the credited evidence taken
 * from the submission (T.3), so next cycle needs nothing typed again. One transaction:
 * the result and the certification are written together or not at all. Recording again
 * (a correction) replaces both; a "not awarded" removes the record an earlier result made.
 */
export async function recordSubmissionResult(
  db: AppDB,
  submissionId: string,
  input: Omit<z.input<typeof submissionResultSchema>, 'certificationId'>,
): Promise<RecordResultOutcome> {
  const draft = validate(submissionResultSchema, { ...input, certificationId: null }, 'result');
  const tables = [db.submissions, db.certifications, db.series, db.sessions];
  return db.transaction('rw', tables, async () => {
    const stored = await db.submissions.get(submissionId);
    if (stored === undefined) throw new UnknownSubmissionError(submissionId);
    const [series, sessions] = await Promise.all([db.series.toArray(), db.sessions.toArray()]);
    const { certification, dropped } = certificationFromResult(stored, draft, { series, sessions });
    const previous = stored.result?.certificationId ?? null;
    if (previous !== null && previous !== certification?.id) await db.certifications.delete(previous);
    if (certification !== null) await db.certifications.put(certification);
    const result: SubmissionResult = { ...draft, certificationId: certification?.id ?? null };
    const submission = { ...stored, result };
    await db.submissions.put(submission);
    return { submission, certification, dropped };
  });
}

/** The clerk's Submit checklist for one cycle, kept with the app's own bookkeeping (not town data). */
export const checklistKey = (year: number, round: string): string => `submitChecklist:${year}-${round}`;

export async function loadChecklist(db: AppDB, year: number, round: string): Promise<string[]> {
  const row = await db.meta.get(checklistKey(year, round));
  const value = row?.value;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export async function saveChecklist(
  db: AppDB,
  year: number,
  round: string,
  done: readonly string[],
): Promise<void> {
  await db.meta.put({ key: checklistKey(year, round), value: [...new Set(done)].sort() });
}
