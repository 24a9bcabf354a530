/** Live queries for screens: they re-render when the stored data changes. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import type { TownData } from '../../shared/domain/schema';
import { applyCatalogUpdates } from './catalog-updates';
import { db as appDb } from './instance';
import { loadTownData, sampleTownName } from './repositories';
import type { AppDB } from './schema';

/**
 * Everything stored, live: `undefined` while loading, `null` before the first-run
 * guide has created a town, else the town's data. On first use per database it also
 * brings an older town's built-in catalog up to date (catalog-updates.ts); the live
 * query then shows what was added.
 */
export function useTownData(db: AppDB = appDb): TownData | null | undefined {
  useEffect(() => {
    // A failed update leaves the town as it was (one transaction); the app works without it.
    applyCatalogUpdates(db).catch(() => undefined);
  }, [db]);
  return useLiveQuery(() => loadTownData(db), [db]);
}

/** The sample town's name while the sample is open, live: `undefined` while loading, else null. */
export function useSampleTownName(db: AppDB = appDb): string | null | undefined {
  return useLiveQuery(() => sampleTownName(db), [db]);
}
