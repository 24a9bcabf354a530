/**
 * The app's IndexedDB database (Dexie). One row type per shared domain type:
 * repositories read and write these tables and hand out shared types, so
 * nothing outside `renderer/db/` touches Dexie.
 *
 * SCHEMA VERSIONS: every `this.version(n)` block below stays here FOREVER, in
 * order, even after newer ones are added: Dexie needs the whole history to
 * upgrade a database that was last opened by an old release. Never edit a
 * version that has shipped; add `version(n + 1)` with only what changes (and an
 * `.upgrade()` when existing rows must be rewritten), plus a test that opens at
 * n, writes, then opens at n + 1 and checks the rows.
 */
import { Dexie } from 'dexie';
import type { DexieOptions, PromiseExtended, Table } from 'dexie';
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
  Training,
} from '../../shared/domain/schema';
import type { ConflictRow } from '../../shared/sync/conflicts';

/** The app's database name in the user's profile. */
export const DEFAULT_DB_NAME = 'equity-training-ledger';

/** Keys of the two single-row tables (outbound keys: the rows stay plain shared types). */
export const TOWN_KEY = 'town';
export const SETTINGS_KEY = 'settings';

/**
 * Who attended one session (version 3 onwards). Repositories turn these rows into the
 * shared flat list of `{ personId, sessionId }` pairs and back; nothing else sees them.
 *
 * WHY one row per session rather than one per pair: IndexedDB costs about the same per
 * row whatever the row holds (one request to the storage service each, 40–300 µs in
 * Chromium), so a large town's 20,000 pair rows took ~6 s to restore; its 300 session
 * rows take well under one (bench/README.md).
 *
 * Invariants the repositories keep: `personIds` is sorted (code-unit order) with no
 * repeats, and never empty (a session nobody attended has no row).
 */
export interface SessionAttendanceRow {
  sessionId: string;
  personIds: string[];
}

/** A bookkeeping row; readers validate `value` (it may have been written by another release). */
export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * Opening records a NEWER release wrote (issue 14, item 5). Dexie would open them
 * anyway, add back the tables this release knows and the newer one dropped, and
 * lose what was recorded there on the next upgrade; so this release refuses
 * before Dexie touches the database, and writes nothing.
 */
export class NewerDatabaseError extends Error {
  override readonly name = 'NewerDatabaseError';
  constructor(
    readonly storedVersion: number,
    readonly knownVersion: number,
  ) {
    super(
      'These records were last opened by a newer version of Equity Training Ledger. Install that version or newer; nothing has been changed.',
    );
  }
}

/** Dexie's open-state fields the guard sets so queries waiting for the open fail at once (Dexie 4). */
interface DexieOpenState {
  autoOpen: boolean;
  openComplete: boolean;
  dbOpenError: Error | null;
  dbReadyResolve: () => void;
}

/**
 * The native IndexedDB version of database `name`, or null when there is none.
 * Opens without a version (which never upgrades) and aborts the creation of a
 * database that does not exist, so it writes nothing either way.
 */
export function storedNativeVersion(factory: IDBFactory, name: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    let creating = false;
    const req = factory.open(name);
    req.onupgradeneeded = () => {
      // No such database (oldVersion 0): abort, so it is not created just by looking.
      creating = true;
      req.transaction?.abort();
    };
    req.onsuccess = () => {
      const version = req.result.version;
      req.result.close();
      resolve(version);
    };
    req.onerror = (event) => {
      if (creating) {
        event.preventDefault();
        resolve(null);
      } else reject(req.error ?? new Error(`could not look at the database ${name}`));
    };
    req.onblocked = () => undefined;
  });
}

export class AppDB extends Dexie {
  /** Single row under the key `'town'`; absent until the first-run guide creates the town. */
  town!: Table<Town, typeof TOWN_KEY>;
  /** Single row under the key `'settings'`. */
  settings!: Table<Settings, typeof SETTINGS_KEY>;
  people!: Table<Person, string>;
  series!: Table<Series, string>;
  trainings!: Table<Training, string>;
  sessions!: Table<Session, string>;
  /**
   * Since version 3: attendance, one row per session that anyone attended (see
   * `SessionAttendanceRow`). Replaced the one-row-per-pair `attendance` table of versions 1–2.
   */
  sessionAttendance!: Table<SessionAttendanceRow, string>;
  partners!: Table<Partner, string>;
  certifications!: Table<Certification, string>;
  coaching!: Table<CoachingEntry, string>;
  optimizeForEquity!: Table<OptimizeForEquityEntry, string>;
  /**
   * Since version 5: every packet marked as submitted, frozen (shared/submissions/). The
   * packet's bytes are kept as the base64 text the backup carries, so a submission goes from
   * the database to a backup and back without ever being re-encoded.
   */
  submissions!: Table<Submission, string>;
  /**
   * Since version 6: records changed on two computers before they shared their changes, each
   * with every version kept (shared/sync/conflicts.ts). Sync bookkeeping, not town data: never
   * in a backup.
   */
  syncConflicts!: Table<ConflictRow, string>;
  /**
   * Since version 2: the app's own bookkeeping (e.g. the last CSV import), one row per
   * `key`. Not town data: never in a backup, and a restore leaves it alone.
   */
  meta!: Table<MetaRow, string>;

  /**
   * @param name database name; tests pass a unique one each.
   * @param options Dexie options, e.g. `{ indexedDB, IDBKeyRange }` from fake-indexeddb in tests.
   */
  constructor(name: string = DEFAULT_DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.factory = (options?.indexedDB as IDBFactory | undefined) ?? globalThis.indexedDB;

    // Version 1 (release 0.1.0). Keep forever; see the note at the top of this file.
    this.version(1).stores({
      town: '',
      settings: '',
      people: 'id, name',
      series: 'id',
      trainings: 'id, seriesId',
      sessions: 'id, trainingId, date',
      attendance: '[personId+sessionId], personId, sessionId',
      partners: 'id',
      certifications: 'id',
      coaching: 'id',
      optimizeForEquity: 'id',
    });

    // Version 2 (the first release after 0.1.0): adds the `meta` table. Every v1 table and row is kept
    // as it was, so no `.upgrade()` is needed (tests/renderer/db/schema.test.ts checks it).
    this.version(2).stores({
      meta: 'key',
    });

    // Version 3: attendance stored per session (`SessionAttendanceRow`; `*personIds` is a
    // multi-entry index, so "the sessions of a person" stays one indexed query). The upgrade
    // copies the pair rows across; the old table is dropped in version 4 because Dexie lets an
    // upgrade read a table only if a LATER version deletes it (Dexie 3.0 release notes, #713).
    // Both versions run in the same upgrade transaction, so no database is ever left half-way.
    this.version(3)
      .stores({
        sessionAttendance: 'sessionId, *personIds',
      })
      .upgrade(async (tx) => {
        const pairs = (await tx.table('attendance').toArray()) as Attendance[];
        await tx.table('sessionAttendance').bulkAdd(groupBySession(pairs));
      });

    // Version 4: drops the one-row-per-pair `attendance` table of versions 1–3 (copied above).
    this.version(4).stores({
      attendance: null,
    });

    // Version 5: adds the `submissions` table (indexed by certification year for the History
    // timeline). Nothing existing changes, so no `.upgrade()`.
    this.version(5).stores({
      submissions: 'id, certificationYear',
    });

    // Version 6: adds `syncConflicts`, the Conflicts list of sharing (renderer/sync/). Nothing
    // existing changes, so no `.upgrade()`.
    this.version(6).stores({
      syncConflicts: 'id',
    });
  }

  /** Where the database lives (fake-indexeddb in tests). */
  private readonly factory: IDBFactory | undefined;
  /** Set once the stored database turned out to be newer than this release: every later open fails the same way. */
  private refusal: NewerDatabaseError | null = null;

  /**
   * Opens the database unless a newer release wrote it. Generic on purpose: it
   * compares the stored version with the highest `version(n)` declared above, so
   * adding a version block needs no change here. Dexie stores version n as n × 10
   * (and may add 1 when it patches a schema), hence the division.
   */
  override open(): PromiseExtended<Dexie> {
    if (this.refusal !== null) return Dexie.Promise.reject(this.refusal);
    const factory = this.factory;
    if (factory === undefined) return super.open();
    return Dexie.Promise.resolve(storedNativeVersion(factory, this.name)).then((stored) => {
      if (stored !== null && Math.floor(stored / 10) > this.verno) {
        this.refusal = new NewerDatabaseError(stored / 10, this.verno);
        // Queries already waiting for the open would hang on Dexie's ready promise: release them with the refusal.
        const state = (this as unknown as { _state: DexieOpenState })._state;
        state.autoOpen = false;
        state.openComplete = true;
        state.dbOpenError = this.refusal;
        state.dbReadyResolve();
        throw this.refusal;
      }
      return super.open();
    });
  }

  /** Every table of town data, for transactions that touch all of it (import, initialise, wipe). Not `meta`. */
  allTables(): Table[] {
    return [
      this.town,
      this.settings,
      this.people,
      this.series,
      this.trainings,
      this.sessions,
      this.sessionAttendance,
      this.partners,
      this.certifications,
      this.coaching,
      this.optimizeForEquity,
      this.submissions,
    ];
  }
}

/** Code-unit order, the order IndexedDB itself gives string keys (not locale order). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Attendance pairs as session rows: one per session, people sorted and de-duplicated,
 * sessions in code-unit order. The one place pairs become rows (the upgrade and the
 * repositories both use it), so every row keeps `SessionAttendanceRow`'s invariants.
 */
export function groupBySession(pairs: readonly Attendance[]): SessionAttendanceRow[] {
  const bySession = new Map<string, Set<string>>();
  for (const { personId, sessionId } of pairs) {
    let people = bySession.get(sessionId);
    if (people === undefined) bySession.set(sessionId, (people = new Set()));
    people.add(personId);
  }
  return [...bySession.entries()]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([sessionId, people]) => ({ sessionId, personIds: [...people].sort(compareCodeUnits) }));
}

/** A database handle (nothing is opened until the first query). */
export function createDb(name: string = DEFAULT_DB_NAME, options?: DexieOptions): AppDB {
  return new AppDB(name, options);
}
