/**
 * People from a CSV file, written to the database: the importer's repository.
 * The file is read and checked before this (`renderer/src/csv/`, `shared/csv/`);
 * here every person is checked again with the shared schema (by the importer's
 * worker for a large file) and everything is written in ONE transaction, so a
 * failure half-way (a full disk, a bug, a thrown error) leaves the roster exactly
 * as it was.
 */
import { z } from 'zod';
import { planImport, planProblem } from '../../shared/csv/people';
import type { OnMatch, PersonCandidate, SameNameDecision } from '../../shared/csv/people';
import type { PlannedImport } from '../../shared/csv/preview';
import type { Person } from '../../shared/domain/schema';
import { newId as defaultNewId } from './repositories';
import type { AppDB } from './schema';

/** The `meta` row that remembers the last CSV import (shown when the next one starts). */
export const LAST_CSV_IMPORT_KEY = 'lastCsvImport';

const lastImportSchema = z.object({
  fileName: z.string(),
  /** When it was imported (ISO date-time). */
  at: z.string(),
  added: z.number().int().min(0),
  updated: z.number().int().min(0),
  unchanged: z.number().int().min(0),
});
export type LastCsvImport = z.infer<typeof lastImportSchema>;

export type CsvImportResult =
  | { ok: true; added: number; updated: number; unchanged: number }
  /** `stale`: the roster changed after the plan was made; nothing was written, plan again. */
  | { ok: false; message: string; stale?: true };

/**
 * People per `bulkAdd` / `bulkPut`. Each chunk's writes are queued in one go on the
 * main thread (IndexedDB clones every record there), so 5,000 people at once would
 * hold the window for half a second; chunks of this size are short tasks, all in the
 * one transaction, so the import stays all or nothing.
 */
export const WRITE_CHUNK = 100;

export interface ImportPeopleOptions {
  onMatch: OnMatch;
  /** The file's name, remembered for the next import. */
  fileName: string;
  /** Now, as an ISO date-time (tests pass a fixed one). */
  now?: string;
  /** Id maker (tests pass a predictable one). */
  newId?: () => string;
  /** The clerk's Merge / Add as new answers for same-name rows, by match key (others take the default). */
  decisions?: ReadonlyMap<string, SameNameDecision>;
}

/** Thrown inside the transaction when the stored roster is not the one the plan was made against. */
class StaleRoster extends Error {}

const failed = (e: unknown): CsvImportResult => {
  if (e instanceof StaleRoster) {
    return {
      ok: false,
      stale: true,
      message: 'Nothing was imported, because the roster changed while the import was being prepared.',
    };
  }
  const reason = e instanceof Error ? e.message : String(e);
  return {
    ok: false,
    message: `Nothing was imported, because saving failed (${reason}). The roster is as it was.`,
  };
};

/** Writes the plan and the import record, in chunks, inside the caller's transaction. */
async function writePlan(
  db: AppDB,
  plan: { add: readonly Person[]; update: readonly Person[]; unchanged: number },
  options: { fileName: string; now?: string },
) {
  for (let i = 0; i < plan.add.length; i += WRITE_CHUNK) {
    await db.people.bulkAdd(plan.add.slice(i, i + WRITE_CHUNK));
  }
  for (let i = 0; i < plan.update.length; i += WRITE_CHUNK) {
    await db.people.bulkPut(plan.update.slice(i, i + WRITE_CHUNK));
  }
  const record: LastCsvImport = {
    fileName: options.fileName,
    at: options.now ?? new Date().toISOString(),
    added: plan.add.length,
    updated: plan.update.length,
    unchanged: plan.unchanged,
  };
  await db.meta.put({ key: LAST_CSV_IMPORT_KEY, value: record });
  return { ok: true as const, added: record.added, updated: record.updated, unchanged: record.unchanged };
}

/**
 * The same people, field for field. Both rosters are records read back from the
 * database, whose fields keep the order they were stored in, so plain JSON compares
 * them (a few milliseconds for 1,000 people, against tens for a canonical form); a
 * difference of order alone would only make the import plan once more.
 */
function sameRoster(a: readonly Person[], b: readonly Person[]): boolean {
  if (a.length !== b.length) return false;
  const byId = (x: Person, y: Person) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  return JSON.stringify([...a].sort(byId)) === JSON.stringify([...b].sort(byId));
}

/**
 * Adds the new people and updates (or skips) the ones already on the roster, in one
 * transaction: all or nothing. Plans and checks on the calling thread; for a large
 * file the worker plans (`writePlannedImport`). Never throws; a failure comes back
 * as `{ ok: false }` with a plain-English message and nothing changed.
 */
export async function importPeople(
  db: AppDB,
  candidates: readonly PersonCandidate[],
  options: ImportPeopleOptions,
): Promise<CsvImportResult> {
  try {
    return await db.transaction('rw', db.people, db.meta, async () => {
      // Matched against what is stored NOW, not what the preview saw a moment ago.
      const plan = planImport(
        candidates,
        await db.people.toArray(),
        options.onMatch,
        options.newId ?? defaultNewId,
        options.decisions,
      );
      const problem = planProblem(plan);
      if (problem !== null) throw new Error(problem);
      return writePlan(db, { ...plan, unchanged: plan.unchanged.length }, options);
    });
  } catch (e) {
    return failed(e);
  }
}

/**
 * Writes an import planned elsewhere against `basis`, in one transaction, only if
 * the roster stored now is exactly `basis` (else `{ ok: false, stale: true }`, and
 * nothing written: plan again against the roster as it is). So the window only
 * compares and writes, and never blocks on planning and checking 5,000 people.
 */
export async function writePlannedImport(
  db: AppDB,
  planned: PlannedImport,
  basis: readonly Person[],
  options: { fileName: string; now?: string },
): Promise<CsvImportResult> {
  try {
    return await db.transaction('rw', db.people, db.meta, async () => {
      if (planned.problem !== null) throw new Error(planned.problem);
      if (!sameRoster(await db.people.toArray(), basis)) throw new StaleRoster();
      return writePlan(db, planned, options);
    });
  } catch (e) {
    return failed(e);
  }
}

/**
 * Plans with `plan` (the importer's worker, for a large file) against `roster`, the
 * roster the preview showed, and writes the plan. When the roster stored changed
 * meanwhile (another window, a restore), plans again against the stored one, a few
 * times at most. Null when there is nothing to plan (the mapping has problems).
 * Never throws.
 */
export async function importPlanned(
  db: AppDB,
  plan: (roster: readonly Person[]) => Promise<PlannedImport | null>,
  roster: readonly Person[],
  options: { fileName: string; now?: string },
): Promise<CsvImportResult | null> {
  let basis = roster;
  let result: CsvImportResult | null = null;
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      const planned = await plan(basis);
      if (planned === null) return null;
      result = await writePlannedImport(db, planned, basis, options);
      if (result.ok || result.stale !== true) return result;
      basis = await db.people.toArray();
    }
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, message: `Nothing was imported (${reason}). The roster is as it was.` };
  }
  return result;
}

/** The last CSV import, or null when there was none (or the row is from a release that wrote it differently). */
export async function getLastCsvImport(db: AppDB): Promise<LastCsvImport | null> {
  const row = await db.meta.get(LAST_CSV_IMPORT_KEY);
  const parsed = lastImportSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}
