/** Live queries for screens: they re-render when the stored data changes. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { TownData } from '../../shared/domain/schema';
import { db as appDb } from './instance';
import { loadTownData, sampleTownName } from './repositories';
import type { AppDB } from './schema';

/**
 * Everything stored, live: `undefined` while loading, `null` before the first-run
 * guide has created a town, else the town's data.
 */
export function useTownData(db: AppDB = appDb): TownData | null | undefined {
  return useLiveQuery(() => loadTownData(db), [db]);
}

/** The sample town's name while the sample is open, live: `undefined` while loading, else null. */
export function useSampleTownName(db: AppDB = appDb): string | null | undefined {
  return useLiveQuery(() => sampleTownName(db), [db]);
}
