/** Live queries for screens: they re-render when the stored data changes. */
import { Dexie } from 'dexie';
import type { ObservabilitySet } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { startTransition, useEffect, useState } from 'react';
import type { TownData } from '../../shared/domain/schema';
import { applyCatalogUpdates } from './catalog-updates';
import { db as appDb } from './instance';
import { loadTownDataParts, sampleTownName, TOWN_DATA_TABLES, townDataFromParts } from './repositories';
import type { TownDataParts, TownDataTable } from './repositories';
import type { AppDB } from './schema';

/** Longest wait for a paint: frames can stop (a window being hidden), and the data must still follow. */
const PAINT_WAIT_MS = 100;

/**
 * Resolves once the next frame is on screen, or after PAINT_WAIT_MS. Two animation frames:
 * the second comes only after the first frame has gone to the compositor, so on a busy
 * two-core laptop the reload does not compete with the drawing of that frame.
 */
function afterNextPaint(): Promise<void> {
  return new Promise((done) => {
    // Nothing is painted without animation frames or while the window is hidden: go on at once.
    const painting =
      typeof requestAnimationFrame === 'function' &&
      typeof document !== 'undefined' &&
      document.visibilityState !== 'hidden';
    if (!painting) {
      setTimeout(done, 0);
      return;
    }
    const timer = setTimeout(done, PAINT_WAIT_MS);
    requestAnimationFrame(() =>
      requestAnimationFrame(() =>
        setTimeout(() => {
          clearTimeout(timer);
          done();
        }, 0),
      ),
    );
  });
}

/**
 * Follows the town's data: calls `emit` with it once loaded and after every change to
 * its tables (in this window or another one), or `fail` when it cannot be read.
 * Returns the way to stop.
 *
 * WHY not one `useLiveQuery(loadTownData)`: that reads every table again on any change,
 * so one ticked attendance box re-read 1,000 people and every submission's frozen
 * packet, and handed the screens all-new arrays, so every memo computed again
 * (issue 11: 104 ms per tick in the large town). Here a change reloads only the tables
 * it touched, in one transaction, and the other parts keep their arrays.
 *
 * Consistency, as a live query has it: a result is emitted only when no change arrived
 * while it was being read, so every emitted `TownData` is one state of the records.
 */
export function watchTownData(
  db: AppDB,
  emit: (data: TownData | null) => void,
  fail: (error: unknown) => void,
): () => void {
  const dirty = new Set<TownDataTable>(TOWN_DATA_TABLES);
  let parts: Partial<TownDataParts> = {};
  let loading = false;
  let stopped = false;
  const prefix = `idb://${db.name}/`;

  let loaded = false;
  const run = async (): Promise<void> => {
    if (loading) return;
    loading = true;
    try {
      // After a change, the screen first paints what the clerk just did (a tick, a closed
      // dialog); reading and drawing the stored data waits for that paint.
      if (loaded) await afterNextPaint();
      while (dirty.size > 0 && !stopped) {
        const tables = [...dirty];
        dirty.clear();
        parts = { ...parts, ...(await loadTownDataParts(db, tables)) };
      }
      // Every table has been read once by now (all start dirty).
      if (!stopped) emit(townDataFromParts(parts as TownDataParts));
      loaded = true;
    } catch (error) {
      if (!stopped) fail(error);
    } finally {
      loading = false;
    }
  };

  const onMutated = (changed: ObservabilitySet): void => {
    let touched = false;
    for (const key of Object.keys(changed)) {
      if (key.startsWith(prefix)) {
        // `idb://<database>/<table>/<index>`.
        const table = key.slice(prefix.length).split('/')[0] as TownDataTable;
        if (TOWN_DATA_TABLES.includes(table)) {
          dirty.add(table);
          touched = true;
        }
      } else if (!key.startsWith('idb://')) {
        // Dexie's "everything may have changed" (e.g. a page back from the back-forward cache).
        for (const t of TOWN_DATA_TABLES) dirty.add(t);
        touched = true;
      }
    }
    if (touched) void run();
  };

  Dexie.on('storagemutated', onMutated);
  void run();
  return () => {
    stopped = true;
    Dexie.on.storagemutated.unsubscribe(onMutated);
  };
}

/**
 * Everything stored, live: `undefined` while loading, `null` before the first-run
 * guide has created a town, else the town's data. On first use per database it also
 * brings an older town's built-in catalog up to date (catalog-updates.ts); the live
 * data then shows what was added.
 *
 * The first load shows at once; every later change arrives as a transition, so stored data
 * coming back never holds up the paint of what the clerk just did (a tick shows at once
 * from the screen's own overlay) and the next click is not kept waiting behind it.
 */
export function useTownData(db: AppDB = appDb): TownData | null | undefined {
  const [state, setState] = useState<{ db: AppDB; data: TownData | null | undefined; error?: Error }>({
    db,
    data: undefined,
  });
  useEffect(() => {
    // A failed update leaves the town as it was (one transaction); the app works without it.
    applyCatalogUpdates(db).catch(() => undefined);
  }, [db]);
  useEffect(() => {
    let first = true;
    return watchTownData(
      db,
      (data) => {
        // The first load shows at once; later changes may wait for the paint of what was just done.
        if (first) setState({ db, data });
        else startTransition(() => setState({ db, data }));
        first = false;
      },
      (error) =>
        setState({ db, data: undefined, error: error instanceof Error ? error : new Error(String(error)) }),
    );
  }, [db]);
  // Like a live query, a read that fails is thrown to the nearest error boundary.
  if (state.error !== undefined) throw state.error;
  return state.db === db ? state.data : undefined;
}

/** The sample town's name while the sample is open, live: `undefined` while loading, else null. */
export function useSampleTownName(db: AppDB = appDb): string | null | undefined {
  return useLiveQuery(() => sampleTownName(db), [db]);
}
