/**
 * Catalog updates: a town created by an older release receives the built-in
 * series this release ships (shared/domain/catalog.ts) on its next start.
 *
 * The database remembers the catalog version it has (the `meta` row
 * `catalogVersion`; absent = version 1, the 2020 series every town since 0.1.0 was
 * created with). Only records first shipped after that version are considered, and
 * each is added by id only when the town has no record with that id — so nothing
 * the clerk edited is overwritten, and nothing the clerk deleted comes back: a
 * record deleted after its version was applied is never offered again.
 *
 * The one change to existing records: a description that a release before catalog
 * version 2 invented (no source contains it) is cleared or replaced, but only while
 * it is still word for word what was shipped — the clerk never wrote it.
 */
import {
  builtInCatalog,
  builtInSeriesDescription,
  CATALOG_VERSION,
  RETIRED_DESCRIPTIONS,
} from '../../shared/domain/catalog';
import { TOWN_KEY } from './schema';
import type { AppDB } from './schema';

/** The `meta` row holding the catalog version the stored town has. */
export const CATALOG_VERSION_KEY = 'catalogVersion';

/** A town stored before the catalog had a version holds version 1 (the 2020 series). */
const UNVERSIONED = 1;

export interface CatalogUpdate {
  /** The version the town had before this start. */
  from: number;
  to: number;
  /** Ids of the series, trainings and sessions added. */
  added: string[];
  /** Ids of the records whose shipped-but-unsourced description was cleared or replaced. */
  cleaned: string[];
}

function storedVersion(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : UNVERSIONED;
}

/** Records the catalog version of a town that was just created or replaced with the whole catalog. */
export async function markCatalogCurrent(db: AppDB): Promise<void> {
  await db.meta.put({ key: CATALOG_VERSION_KEY, value: CATALOG_VERSION });
}

/**
 * Brings the stored town's catalog up to `CATALOG_VERSION`, in one transaction.
 * Does nothing (and writes nothing) before a town exists: the first-run guide
 * creates it with the whole catalog. Returns null when there was nothing to do.
 */
export async function applyCatalogUpdates(db: AppDB): Promise<CatalogUpdate | null> {
  return db.transaction('rw', [db.town, db.series, db.trainings, db.sessions, db.meta], async () => {
    if ((await db.town.get(TOWN_KEY)) === undefined) return null;
    const from = storedVersion((await db.meta.get(CATALOG_VERSION_KEY))?.value);
    if (from >= CATALOG_VERSION) return null;

    const fresh = builtInCatalog(from);
    const added: string[] = [];
    const cleaned: string[] = [];

    // Series first, then their topics, then sessions: a record is added only when what
    // it points at exists, so a series the clerk already has under that id keeps its own
    // topics and a deleted training gets no orphan sessions.
    const newSeries = new Set<string>();
    for (const s of fresh.series) {
      if ((await db.series.get(s.id)) !== undefined) continue;
      await db.series.add(s);
      newSeries.add(s.id);
      added.push(s.id);
    }
    const newTrainings = new Set<string>();
    for (const t of fresh.trainings) {
      if (t.seriesId === null || !newSeries.has(t.seriesId)) continue;
      if ((await db.trainings.get(t.id)) !== undefined) continue;
      await db.trainings.add(t);
      newTrainings.add(t.id);
      added.push(t.id);
    }
    for (const s of fresh.sessions) {
      if (!newTrainings.has(s.trainingId)) continue;
      if ((await db.sessions.get(s.id)) !== undefined) continue;
      await db.sessions.add(s);
      added.push(s.id);
    }

    if (from < 2) {
      for (const [id, retired] of Object.entries(RETIRED_DESCRIPTIONS)) {
        const series = await db.series.get(id);
        if (series?.description === retired) {
          await db.series.put({ ...series, description: builtInSeriesDescription(id) ?? '' });
          cleaned.push(id);
        }
        const training = await db.trainings.get(id);
        if (training?.description === retired) {
          await db.trainings.put({ ...training, description: '' });
          cleaned.push(id);
        }
      }
    }

    await db.meta.put({ key: CATALOG_VERSION_KEY, value: CATALOG_VERSION });
    return { from, to: CATALOG_VERSION, added, cleaned };
  });
}
