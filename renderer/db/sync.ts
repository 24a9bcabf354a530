/**
 * The database side of sharing (renderer/sync/): the town's records as documents
 * (shared/sync/docs.ts), written back by document, and the Conflicts list. Like every
 * repository, the only code here that touches Dexie for the sync room.
 */
import type { Table } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { settingsSchema } from '../../shared/domain/schema';
import type { Attendance } from '../../shared/domain/schema';
import { attendanceDocId, LIST_TYPES, listDocId } from '../../shared/sync/docs';
import type { ListKey, SyncDoc, SyncDocType } from '../../shared/sync/docs';
import type { ConflictRow } from '../../shared/sync/conflicts';
import { db as appDb } from './instance';
import { applyPairs } from './repositories';
import { compareCodeUnits, SETTINGS_KEY, TOWN_KEY } from './schema';
import type { AppDB } from './schema';

export type { ConflictRow } from '../../shared/sync/conflicts';

const LIST_KEYS = Object.keys(LIST_TYPES) as ListKey[];

/** The Dexie table of each list (same names as the shared lists). */
function listTable(db: AppDB, key: ListKey): Table<{ id: string }, string> {
  return db.table<{ id: string }, string>(key);
}

/** The document type each Dexie table's rows become (the `storagemutated` event names tables). */
export const DOC_TYPE_OF_TABLE: Readonly<Record<string, SyncDocType>> = {
  town: 'town',
  settings: 'settings',
  sessionAttendance: 'attendance',
  ...Object.fromEntries(LIST_KEYS.map((k) => [k, LIST_TYPES[k]])),
};

/**
 * Records stored now, as documents (empty when there is no town), of every type or only of
 * `types` (a push after a tick reads attendance, not 1,000 people). Submissions are
 * immutable, so those in `knownSubmissions` are listed by id only (`data: undefined`): the
 * caller already has them, and a large town's frozen packets are megabytes each.
 */
export async function readSyncDocs(
  db: AppDB,
  options: { knownSubmissions?: ReadonlySet<string>; types?: ReadonlySet<SyncDocType> } = {},
): Promise<SyncDoc[]> {
  const known = options.knownSubmissions ?? new Set<string>();
  const wanted = (type: SyncDocType) => options.types === undefined || options.types.has(type);
  return db.transaction('r', db.allTables(), async () => {
    const town = await db.town.get(TOWN_KEY);
    if (town === undefined) return [];
    const docs: SyncDoc[] = [];
    if (wanted('town')) docs.push({ _id: 'town', type: 'town', data: town });
    if (wanted('settings')) {
      const settings = (await db.settings.get(SETTINGS_KEY)) ?? settingsSchema.parse({});
      docs.push({ _id: 'settings', type: 'settings', data: settings });
    }
    for (const key of LIST_KEYS) {
      const type = LIST_TYPES[key];
      if (!wanted(type)) continue;
      if (key === 'submissions') {
        const ids = await db.submissions.toCollection().primaryKeys();
        const fresh = await db.submissions.bulkGet(ids.filter((id) => !known.has(id)));
        for (const s of fresh) if (s) docs.push({ _id: listDocId(type, s.id), type, data: s });
        for (const id of ids)
          if (known.has(id)) docs.push({ _id: listDocId(type, id), type, data: undefined });
        continue;
      }
      for (const record of await listTable(db, key).toArray()) {
        docs.push({ _id: listDocId(type, record.id), type, data: record });
      }
    }
    if (wanted('attendance')) {
      for (const row of await db.sessionAttendance.toArray()) {
        for (const personId of row.personIds) {
          const a: Attendance = { personId, sessionId: row.sessionId };
          docs.push({ _id: attendanceDocId(a), type: 'attendance', data: a });
        }
      }
    }
    return docs;
  });
}

/** What one sync round writes into the database. */
export interface SyncWrite {
  /** Documents to store (validated by the caller: `readDoc`). */
  put: readonly SyncDoc[];
  /** Ids of documents deleted elsewhere. */
  remove: readonly string[];
}

/**
 * Stores documents and deletions from the other computers in one transaction, then drops
 * what they left pointing at nothing (attendance of a session deleted on one computer and
 * ticked on the other; a session of a deleted training), so the rules engine always reads a
 * whole town. Returns the ids of the records dropped that way, which the next push deletes
 * on the server too. The town itself is never deleted by sync.
 */
export async function applySyncWrite(db: AppDB, write: SyncWrite): Promise<string[]> {
  return db.transaction('rw', db.allTables(), async () => {
    const adds: Attendance[] = [];
    const removes: Attendance[] = [];
    const putByList = new Map<ListKey, unknown[]>();
    const removeByList = new Map<ListKey, string[]>();
    const listOfType = new Map(LIST_KEYS.map((k) => [LIST_TYPES[k] as string, k]));
    for (const doc of write.put) {
      if (doc.type === 'town') await db.town.put(doc.data as never, TOWN_KEY);
      else if (doc.type === 'settings') await db.settings.put(doc.data as never, SETTINGS_KEY);
      else if (doc.type === 'attendance') adds.push(doc.data as Attendance);
      else {
        const key = listOfType.get(doc.type)!;
        putByList.set(key, [...(putByList.get(key) ?? []), doc.data]);
      }
    }
    for (const id of write.remove) {
      const colon = id.indexOf(':');
      const type = id.slice(0, colon);
      if (type === 'attendance') {
        const [sessionId, personId] = id
          .slice(colon + 1)
          .split(':')
          .map(decodeURIComponent);
        if (sessionId !== undefined && personId !== undefined) removes.push({ sessionId, personId });
      } else if (listOfType.has(type)) {
        const key = listOfType.get(type)!;
        removeByList.set(key, [...(removeByList.get(key) ?? []), id.slice(colon + 1)]);
      }
    }
    for (const [key, ids] of removeByList) await listTable(db, key).bulkDelete(ids);
    for (const [key, rows] of putByList) await listTable(db, key).bulkPut(rows as { id: string }[]);
    await applyPairs(db, { add: adds, remove: removes });
    return dropOrphans(db);
  });
}

/** Deletes records whose parent is gone; returns their document ids. */
async function dropOrphans(db: AppDB): Promise<string[]> {
  const dropped: string[] = [];
  const seriesIds = new Set(await db.series.toCollection().primaryKeys());
  const trainings = await db.trainings.toArray();
  const lostTrainings = trainings
    .filter((t) => t.seriesId !== null && !seriesIds.has(t.seriesId))
    .map((t) => t.id);
  await db.trainings.bulkDelete(lostTrainings);
  dropped.push(...lostTrainings.map((id) => listDocId('training', id)));
  const trainingIds = new Set(trainings.map((t) => t.id).filter((id) => !lostTrainings.includes(id)));
  const sessions = await db.sessions.toArray();
  const lostSessions = sessions.filter((s) => !trainingIds.has(s.trainingId)).map((s) => s.id);
  await db.sessions.bulkDelete(lostSessions);
  dropped.push(...lostSessions.map((id) => listDocId('session', id)));
  const sessionIds = new Set(sessions.map((s) => s.id).filter((id) => !lostSessions.includes(id)));
  const personIds = new Set(await db.people.toCollection().primaryKeys());
  const orphanPairs: Attendance[] = [];
  for (const row of await db.sessionAttendance.toArray()) {
    for (const personId of row.personIds) {
      if (!sessionIds.has(row.sessionId) || !personIds.has(personId))
        orphanPairs.push({ sessionId: row.sessionId, personId });
    }
  }
  await applyPairs(db, { remove: orphanPairs });
  dropped.push(...orphanPairs.map(attendanceDocId));
  return dropped;
}

/**
 * Replaces the Conflicts list entries for these documents (`rows`), and drops the sync
 * conflicts among `resolved` (documents whose revision tree has no other version now).
 */
export async function saveConflicts(
  db: AppDB,
  rows: readonly ConflictRow[],
  resolved: readonly string[],
): Promise<void> {
  await db.transaction('rw', db.syncConflicts, async () => {
    // `resolved` may list every record of a first pull; delete only entries that exist.
    const listed = new Set(await db.syncConflicts.toCollection().primaryKeys());
    const candidates = resolved.filter((id) => listed.has(id));
    // Only a conflict between revisions ends when the revision tree has no other leaf; one a
    // merge or an unsent edit set aside (no revision shown) stays until the clerk keeps a version.
    const existing = await db.syncConflicts.bulkGet(candidates);
    const gone = candidates.filter((_, i) => existing[i]?.winner.rev !== undefined);
    if (gone.length > 0) await db.syncConflicts.bulkDelete(gone);
    if (rows.length > 0) await db.syncConflicts.bulkPut([...rows]);
  });
}

/** Takes an entry off the Conflicts list (the clerk kept a version). */
export async function dropConflict(db: AppDB, id: string): Promise<void> {
  await db.syncConflicts.delete(id);
}

export async function listConflicts(db: AppDB): Promise<ConflictRow[]> {
  return (await db.syncConflicts.toArray()).sort((a, b) => compareCodeUnits(a.id, b.id));
}

/** Drops every Conflicts list entry (a restore or a new town starts afresh). */
export async function clearConflicts(db: AppDB): Promise<void> {
  await db.syncConflicts.clear();
}

/** The Conflicts list, live: `undefined` while loading. */
export function useConflicts(db: AppDB = appDb): ConflictRow[] | undefined {
  return useLiveQuery(() => listConflicts(db), [db]);
}

/** How many conflicts wait for the clerk, live (the navigation's count). */
export function useConflictCount(db: AppDB = appDb): number {
  return useLiveQuery(() => db.syncConflicts.count(), [db]) ?? 0;
}

/** A bookkeeping value of the sync room (`meta`, never in a backup). */
export async function readSyncMeta<T>(db: AppDB, key: string): Promise<T | undefined> {
  return (await db.meta.get(`sync:${key}`))?.value as T | undefined;
}

export async function writeSyncMeta(db: AppDB, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key: `sync:${key}`, value });
}
