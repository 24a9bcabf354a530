/**
 * The sync benchmark's page (built by Vite, driven by bench/sync.ts in real Chromium): the
 * app's own sync engine (renderer/sync/engine.ts) with the app's own PouchDB build
 * (renderer/sync/pouch.ts: IndexedDB mirror, HTTP to the server), on fresh databases.
 */
import { loadTownData, putPerson } from '../../renderer/db/repositories';
import { createDb } from '../../renderer/db/schema';
import type { AppDB } from '../../renderer/db/schema';
import { SyncEngine } from '../../renderer/sync/engine';
import { openMirror, openRemote } from '../../renderer/sync/pouch';
import type { SharingSettings } from '../../shared/sync/settings';

export interface SyncBench {
  /** A fresh, empty profile pulls the whole town: milliseconds, and what arrived. */
  firstPull: (
    settings: SharingSettings,
    password: string,
  ) => Promise<{ ms: number; replicateMs: number; applyMs: number; people: number; attendance: number }>;
  /** Renames person `id` here and sends it: milliseconds for the edit and this computer's round. */
  change: (id: string, name: string) => Promise<number>;
  /** One round here; resolves with person `id`'s name as this computer now has it. */
  receive: (id: string) => Promise<{ ms: number; name: string | null }>;
}

declare global {
  interface Window {
    etlSyncBench?: SyncBench;
  }
}

let run = 0;
let current: { db: AppDB; engine: SyncEngine } | null = null;

window.etlSyncBench = {
  async firstPull(settings, password) {
    run += 1;
    const db = createDb(`etl-sync-bench-${run}`);
    await db.open();
    const engine = new SyncEngine(
      db,
      openMirror(`etl-sync-bench-mirror-${run}`),
      openRemote(settings, password),
    );
    const start = performance.now();
    // The round's steps one by one (what `round()` does), so the report can say where the time goes.
    await engine.checkIdentity();
    await engine.push();
    const replicateStart = performance.now();
    await engine.replicate();
    const applyStart = performance.now();
    await engine.apply();
    const applyEnd = performance.now();
    await engine.push();
    const ms = performance.now() - start;
    current = { db, engine };
    const data = await loadTownData(db);
    return {
      ms,
      replicateMs: applyStart - replicateStart,
      applyMs: applyEnd - applyStart,
      people: data?.people.length ?? 0,
      attendance: data?.attendance.length ?? 0,
    };
  },
  async change(id, name) {
    const { db, engine } = current!;
    const person = (await loadTownData(db))!.people.find((p) => p.id === id)!;
    const start = performance.now();
    await putPerson(db, { ...person, name });
    await engine.round();
    return performance.now() - start;
  },
  async receive(id) {
    const { db, engine } = current!;
    const start = performance.now();
    await engine.round();
    const ms = performance.now() - start;
    const data = await loadTownData(db);
    return { ms, name: data?.people.find((p) => p.id === id)?.name ?? null };
  },
};
