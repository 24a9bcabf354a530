/**
 * People from a CSV file, written to the database: the importer's repository.
 * The file is read and checked before this (`renderer/src/csv/`, `shared/csv/`);
 * here every person is checked again with the shared schema and everything is
 * written in ONE transaction, so a failure half-way (a full disk, a bug, a
 * thrown error) leaves the roster exactly as it was.
 */
import { z } from 'zod';
import { issuesToErrors, plainEnglish } from '../../shared/backup/parse';
import { planImport } from '../../shared/csv/people';
import type { OnMatch, PersonCandidate, SameNameDecision } from '../../shared/csv/people';
import { personSchema } from '../../shared/domain/schema';
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
  { ok: true; added: number; updated: number; unchanged: number } | { ok: false; message: string };

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

/**
 * Adds the new people and updates (or skips) the ones already on the roster, in one
 * transaction: all or nothing. Never throws; a failure comes back as
 * `{ ok: false }` with a plain-English message and nothing changed.
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
      for (const person of [...plan.add, ...plan.update]) {
        const checked = personSchema.safeParse(person, { error: plainEnglish, reportInput: true });
        if (!checked.success) {
          const first = issuesToErrors(checked.error.issues)[0];
          const what = !first
            ? 'is not valid'
            : /^[a-z]/.test(first.message)
              ? `${first.path} ${first.message}`
              : first.message;
          throw new Error(`${[...person.name].slice(0, 60).join('')}: ${what}`);
        }
      }
      await db.people.bulkAdd(plan.add);
      await db.people.bulkPut(plan.update);
      const record: LastCsvImport = {
        fileName: options.fileName,
        at: options.now ?? new Date().toISOString(),
        added: plan.add.length,
        updated: plan.update.length,
        unchanged: plan.unchanged.length,
      };
      await db.meta.put({ key: LAST_CSV_IMPORT_KEY, value: record });
      return { ok: true as const, added: record.added, updated: record.updated, unchanged: record.unchanged };
    });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      message: `Nothing was imported, because saving failed (${reason}). The roster is as it was.`,
    };
  }
}

/** The last CSV import, or null when there was none (or the row is from a release that wrote it differently). */
export async function getLastCsvImport(db: AppDB): Promise<LastCsvImport | null> {
  const row = await db.meta.get(LAST_CSV_IMPORT_KEY);
  const parsed = lastImportSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}
