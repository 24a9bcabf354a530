/**
 * The database side of File › Merge a backup… and of the share history it stands on
 * (shared/sync/merge.ts explains the rules). The history lives in `meta` under
 * `sync:history`, so it is never in a backup: it says what THIS computer shared.
 */
import { serializeBackup } from '../../shared/backup';
import type { TownData } from '../../shared/domain/schema';
import { contentHash, docsOf } from '../../shared/sync/docs';
import type { SyncDoc } from '../../shared/sync/docs';
import { conflictRowsOf, historyWith, otherTown, planMerge } from '../../shared/sync/merge';
import type { MergePlan, ShareHistory } from '../../shared/sync/merge';
import type { ConflictRow } from '../../shared/sync/conflicts';
import { loadTownData, NoTownError } from './repositories';
import type { AppDB } from './schema';
import { applySyncWrite, readSyncDocs, saveConflicts } from './sync';

const HISTORY_KEY = 'sync:history';

/** The share history as stored: document id → fingerprints, oldest first. */
type StoredHistory = Record<string, string[]>;

export async function readShareHistory(db: AppDB): Promise<Map<string, string[]>> {
  const stored = (await db.meta.get(HISTORY_KEY))?.value;
  const history = new Map<string, string[]>();
  // Only bookkeeping: anything that is not a list of fingerprints reads as "never shared".
  if (typeof stored !== 'object' || stored === null) return history;
  for (const [id, hashes] of Object.entries(stored as StoredHistory)) {
    if (Array.isArray(hashes))
      history.set(
        id,
        hashes.filter((h) => typeof h === 'string'),
      );
  }
  return history;
}

async function writeShareHistory(db: AppDB, history: ShareHistory): Promise<void> {
  await db.meta.put({ key: HISTORY_KEY, value: Object.fromEntries(history) });
}

/**
 * Remembers these versions as shared from or to this computer (a backup saved by hand, a
 * restore, a merge; sync calls it for what it sends and receives). Cheap to call often: one
 * row, the last few versions per record.
 */
export async function recordSharedVersions(db: AppDB, docs: Iterable<SyncDoc>): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await writeShareHistory(db, historyWith(await readShareHistory(db), docs));
  });
}

/**
 * A backup of everything stored and the documents it holds, read together so the history
 * records exactly what the file has. Throws `NoTownError` before there is a town.
 */
export async function backupWithDocs(
  db: AppDB,
  meta: { appVersion: string; exportedAt?: string },
): Promise<{ json: string; docs: SyncDoc[] }> {
  const data = await loadTownData(db);
  if (data === null) throw new NoTownError();
  const json = serializeBackup(data, {
    exportedAt: meta.exportedAt ?? new Date().toISOString(),
    appVersion: meta.appVersion,
  });
  return { json, docs: docsOf(data) };
}

/** What the preview shows: the plan, the records here (to name what changes), and the towns if they differ. */
export interface MergePreview {
  plan: MergePlan;
  local: ReadonlyMap<string, SyncDoc>;
  otherTown: { here: string; backup: string } | null;
}

/** Plans merging a checked backup's data into what is stored, without writing anything. */
export async function previewMerge(db: AppDB, data: TownData): Promise<MergePreview> {
  const [local, history] = await Promise.all([readSyncDocs(db), readShareHistory(db)]);
  const incoming = docsOf(data);
  return {
    plan: planMerge(local, incoming, history),
    local: new Map(local.map((d) => [d._id, d])),
    otherTown: otherTown(local, incoming),
  };
}

/** The plan found a reason not to merge (its message is already in plain words). */
class MergeRefused extends Error {}

export type MergeResult = { ok: true; plan: MergePlan } | { ok: false; message: string };

/** A conflict noticed again keeps every version set aside before, each once. */
function withEarlier(row: ConflictRow, earlier: ConflictRow | undefined): ConflictRow {
  if (earlier === undefined) return row;
  const hash = (data: unknown) => contentHash({ type: row.type, data });
  const shown = hash(row.winner.data);
  const seen = new Set([shown]);
  const others = [...row.others, ...earlier.others, earlier.winner].filter((v) => {
    const h = hash(v.data);
    if (seen.has(h)) return false;
    seen.add(h);
    return true;
  });
  return { ...row, others };
}

/**
 * Merges a checked backup's data into what is stored, in ONE transaction: the records the
 * plan adds and updates (through `applySyncWrite`, which also drops anything left pointing
 * at nothing), the conflicts in the Conflicts list, and the backup's versions in the share
 * history. Planned again inside the transaction, so it merges into exactly what is stored.
 * Any failure leaves everything as it was and comes back as `{ ok: false }`.
 */
export async function mergeBackupData(
  db: AppDB,
  data: TownData,
  now: Date = new Date(),
): Promise<MergeResult> {
  const incoming = docsOf(data);
  try {
    const plan = await db.transaction('rw', [...db.allTables(), db.meta, db.syncConflicts], async () => {
      const [local, history] = [await readSyncDocs(db), await readShareHistory(db)];
      const planned = planMerge(local, incoming, history);
      if (planned.problems.length > 0) throw new MergeRefused(planned.problems[0]);
      await applySyncWrite(db, { put: planned.put, remove: [] });
      const rows = conflictRowsOf(planned, now.toISOString());
      const earlier = await db.syncConflicts.bulkGet(rows.map((r) => r.id));
      await saveConflicts(
        db,
        rows.map((r, i) => withEarlier(r, earlier[i])),
        [],
      );
      await writeShareHistory(db, historyWith(history, incoming));
      return planned;
    });
    return { ok: true, plan };
  } catch (e) {
    if (e instanceof MergeRefused) return { ok: false, message: e.message };
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, message: `The backup could not be merged (${reason}). Nothing was changed.` };
  }
}
