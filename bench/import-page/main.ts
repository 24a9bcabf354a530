/**
 * The import benchmark's page (built by Vite, driven by bench/web.ts in real Chromium).
 *
 * - `importOnce`: the app's own restore path, `importBackup` from renderer/db/backup.ts
 *   (JSON parse, schema and cross-reference checks, then one Dexie transaction), into a
 *   fresh, already opened database.
 * - `rawOnce`: the floor: the same rows, already parsed, written with plain IndexedDB
 *   `put`s in one transaction, into a fresh database with the very same stores and
 *   indexes (Dexie creates it from the app's schema, then we write around Dexie).
 *   Since schema version 3 the app stores attendance as one row per session
 *   (`sessionAttendance`), so the floor writes those rows too, grouped before the clock
 *   starts (grouping is the app's own work, like parsing, and stays in the import's time).
 */
import { importBackup } from '../../renderer/db/backup';
import { parseBackup } from '../../shared/backup';
import { SETTINGS_KEY, TOWN_KEY, createDb, groupBySession } from '../../renderer/db/schema';
import type { AppDB } from '../../renderer/db/schema';
import type { TownData } from '../../shared/domain/schema';

export interface ImportBench {
  /** Milliseconds `importBackup` took for the backup at `url`. */
  importOnce: (url: string) => Promise<number>;
  /** Milliseconds `parseBackup` alone took (the share of the import that is not writing). */
  parseOnce: (url: string) => Promise<number>;
  /** Milliseconds the raw `put`s took for the same rows. */
  rawOnce: (url: string) => Promise<number>;
  /**
   * Rows stored per table after the last `importOnce` (to check the import really happened);
   * `attendance` is the number of person–session pairs in the session rows.
   */
  lastCounts: () => Record<string, number>;
}

declare global {
  interface Window {
    etlBench?: ImportBench;
  }
}

const texts = new Map<string, string>();
async function backupText(url: string): Promise<string> {
  let text = texts.get(url);
  if (text === undefined) {
    text = await (await fetch(url)).text();
    texts.set(url, text);
  }
  return text;
}

let run = 0;
let counts: Record<string, number> = {};

/** A new database with the app's schema, opened (so its creation is not timed). */
async function freshDb(kind: string): Promise<AppDB> {
  run += 1;
  const db = createDb(`etl-bench-${kind}-${run}`);
  await db.open();
  return db;
}

async function importOnce(url: string): Promise<number> {
  const text = await backupText(url);
  const db = await freshDb('import');
  const start = performance.now();
  const result = await importBackup(db, text);
  const ms = performance.now() - start;
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.errors.slice(0, 3))}`);
  counts = Object.fromEntries(
    await Promise.all(db.allTables().map(async (t) => [t.name, await t.count()] as const)),
  );
  counts.attendance = (await db.sessionAttendance.toArray()).reduce((n, r) => n + r.personIds.length, 0);
  db.close();
  await deleteDatabase(db.name);
  return ms;
}

async function parseOnce(url: string): Promise<number> {
  const text = await backupText(url);
  const start = performance.now();
  const result = parseBackup(text);
  const ms = performance.now() - start;
  if (!result.ok) throw new Error(`parse failed: ${JSON.stringify(result.errors.slice(0, 3))}`);
  return ms;
}

async function rawOnce(url: string): Promise<number> {
  const data = (JSON.parse(await backupText(url)) as { data: TownData }).data;
  const schemaDb = await freshDb('raw');
  const name = schemaDb.name;
  schemaDb.close();
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('open failed'));
  });
  const tables: [string, readonly unknown[]][] = [
    ['people', data.people],
    ['series', data.series],
    ['trainings', data.trainings],
    ['sessions', data.sessions],
    ['sessionAttendance', groupBySession(data.attendance)],
    ['partners', data.partners],
    ['certifications', data.certifications],
    ['coaching', data.coaching],
    ['optimizeForEquity', data.optimizeForEquity],
  ];
  const start = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction(Array.from(idb.objectStoreNames), 'readwrite');
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
    tx.objectStore('town').put(data.town, TOWN_KEY);
    tx.objectStore('settings').put(data.settings, SETTINGS_KEY);
    for (const [store, rows] of tables) {
      const os = tx.objectStore(store);
      for (const row of rows) os.put(row);
    }
  });
  const ms = performance.now() - start;
  idb.close();
  await deleteDatabase(name);
  return ms;
}

/** Deletes a benchmark database so runs do not fill the disk (not timed). */
function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error('delete failed'));
  });
}

window.etlBench = { importOnce, parseOnce, rawOnce, lastCounts: () => counts };
