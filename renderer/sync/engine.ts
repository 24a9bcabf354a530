/**
 * The sync engine: Dexie stays the app's store (every screen keeps its live queries), and a
 * local PouchDB database — the "mirror" — holds the same records as CouchDB documents with
 * their revision trees. PouchDB's replicator moves documents between the mirror and the
 * server (checkpoints, revisions, conflicts: CouchDB's own algorithm, not ours). This file
 * only keeps Dexie and the mirror in step, in three steps per round:
 *
 * 1. **push**: records that changed in Dexie since the mirror last saw them become new
 *    revisions in the mirror (a deleted record becomes a deletion, a tombstone);
 * 2. **replicate**: one `sync` both ways between the mirror and the server;
 * 3. **apply**: documents the mirror received are validated (`readDoc`) and written to
 *    Dexie in one transaction; records in conflict get an entry in the Conflicts list with
 *    every version, and identical versions (the same cell ticked on two computers) are
 *    folded into one without asking.
 *
 * "Changed since the mirror saw it" is a content fingerprint per document (`known`), so
 * writing a received document into Dexie never echoes back as a change.
 */
import { contentHash, isRecordId, LIST_TYPES, readDoc } from '../../shared/sync/docs';
import type { SyncDoc, SyncDocType } from '../../shared/sync/docs';
import type { ConflictRow, ConflictVersion } from '../../shared/sync/conflicts';
import { nameKey } from '../../shared/domain/names';
import { recordSharedVersions } from '../db/merge';
import {
  applySyncWrite,
  dropConflict,
  readSyncDocs,
  readSyncMeta,
  saveConflicts,
  writeSyncMeta,
} from '../db/sync';
import type { AppDB } from '../db/schema';
import type { Database } from 'pouchdb-core';

/** A document as the mirror stores it. */
export type MirrorDoc = SyncDoc & { _rev?: string; _deleted?: boolean; _conflicts?: string[] };

export type PouchDatabase = Database;

/** What one round did, for the status line and the tests. */
export interface RoundReport {
  pushed: number;
  received: number;
  conflicts: number;
  /** Documents from the server that failed validation (left out, never stored). */
  rejected: { id: string; problem: string }[];
}

/** Why a round stopped before touching anything (the server holds something else). */
export class ForeignDatabaseError extends Error {
  override readonly name = 'ForeignDatabaseError';
  constructor(
    readonly problem: 'otherTown' | 'notLedger',
    readonly remoteTown: string | null,
  ) {
    super(
      problem === 'otherTown'
        ? `This database holds the records of ${remoteTown ?? 'another town'}.`
        : 'not a ledger database',
    );
  }
}

/** How much of a first pull has arrived. */
export type Progress = (done: number, total: number | null) => void;

const SUBMISSION_PREFIX = `${LIST_TYPES.submissions}:`;
/** Documents per replication batch: big batches make a first pull of 20,000 records a few requests. */
const BATCH_SIZE = 1000;

/** The type part of a document id (`person:…` → `person`). */
function typeOfId(id: string): SyncDocType {
  const colon = id.indexOf(':');
  return (colon < 0 ? id : id.slice(0, colon)) as SyncDocType;
}

/**
 * What `known` compares: the content fingerprint, except for attendance, whose content is
 * its id (hashing 20,000 of them on every tick would cost the clerk a frame).
 */
function fingerprint(doc: Pick<SyncDoc, 'type' | 'data'>): string {
  return doc.type === 'attendance' ? 'attendance' : contentHash(doc);
}

export class SyncEngine {
  /** Per document id: the mirror's winning revision and its content fingerprint. */
  private known = new Map<string, { rev: string; hash: string }>();
  private loaded = false;
  /** Documents pushed into the mirror and not yet known to have reached the server. */
  private sent: SyncDoc[] = [];

  constructor(
    private readonly db: AppDB,
    private readonly mirror: PouchDatabase,
    private readonly remote: PouchDatabase,
  ) {}

  /** Reads what the mirror holds (once): a restart must not re-push every record. */
  private async load(): Promise<void> {
    if (this.loaded) return;
    const all = await this.mirror.allDocs({ include_docs: true });
    for (const row of all.rows) {
      const doc = row.doc as unknown as MirrorDoc | undefined;
      if (!doc || !isRecordId(row.id)) continue;
      this.known.set(row.id, { rev: row.value.rev, hash: fingerprint(doc) });
    }
    this.loaded = true;
  }

  /** Whether this computer has ever completed a round with this database. */
  async hasSynced(): Promise<boolean> {
    return (await readSyncMeta<string>(this.db, this.seqKey)) !== undefined;
  }

  /**
   * Where this mirror's place in its changes feed is kept, by the mirror's name: a round of an
   * earlier session still finishing can never move a new session's place.
   */
  private get seqKey(): string {
    return `lastSeq:${this.mirror.name}`;
  }

  /** Whether the mirror holds records this computer shared (so an empty Dexie means erased). */
  async holdsRecords(): Promise<boolean> {
    await this.load();
    return this.known.size > 0;
  }

  /** Deletes the mirror (sharing stopped on this computer; the records in Dexie stay). */
  async destroyMirror(): Promise<void> {
    await writeSyncMeta(this.db, this.seqKey, undefined);
    await this.mirror.destroy();
    this.known.clear();
    this.loaded = false;
  }

  /**
   * Before the first round: the server's database must be empty or hold this town. A
   * computer without a town (joining) takes whatever town it holds.
   */
  async checkIdentity(): Promise<void> {
    if (await this.hasSynced()) return;
    const local = (await readSyncDocs(this.db)).find((d) => d.type === 'town');
    let remoteTown: unknown;
    try {
      remoteTown = await this.remote.get('town');
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error;
      const info = await this.remote.info();
      if (info.doc_count > 0) throw new ForeignDatabaseError('notLedger', null);
      return;
    }
    const read = readDoc(remoteTown);
    if (!read.ok) throw new ForeignDatabaseError('notLedger', null);
    const name = (read.doc.data as { name: string }).name;
    if (local && nameKey((local.data as { name: string }).name) !== nameKey(name)) {
      throw new ForeignDatabaseError('otherTown', name);
    }
  }

  /**
   * Step 1: Dexie's changes into the mirror, for every type of record or only `types` (those
   * whose tables changed). Returns how many documents were written.
   */
  async push(types?: ReadonlySet<SyncDocType>): Promise<number> {
    await this.load();
    const knownSubmissions = new Set(
      [...this.known.keys()]
        .filter((id) => id.startsWith(SUBMISSION_PREFIX))
        .map((id) => id.slice(SUBMISSION_PREFIX.length)),
    );
    const docs = await readSyncDocs(this.db, { knownSubmissions, ...(types ? { types } : {}) });
    // No town here (yet), or erased: never delete the shared town from this computer.
    if (docs.length === 0 && (await readSyncDocs(this.db, { types: new Set(['town']) })).length === 0)
      return 0;
    const present = new Set<string>();
    const writes: MirrorDoc[] = [];
    for (const doc of docs) {
      present.add(doc._id);
      if (doc.data === undefined) continue; // a submission the mirror has (they never change)
      const known = this.known.get(doc._id);
      // An attendance document is its id: present or not, never changed.
      if (doc.type === 'attendance' && known) continue;
      const hash = fingerprint(doc);
      if (known?.hash === hash) continue;
      writes.push({ ...doc, ...(known ? { _rev: known.rev } : {}) });
    }
    for (const [id, known] of this.known) {
      if (!present.has(id) && (types === undefined || types.has(typeOfId(id)))) {
        writes.push({ _id: id, _rev: known.rev, _deleted: true } as MirrorDoc);
      }
    }
    if (writes.length === 0) return 0;
    const results = await this.mirror.bulkDocs(writes as never[]);
    let written = 0;
    results.forEach((result, i) => {
      const doc = writes[i]!;
      if ('ok' in result && result.ok) {
        written++;
        if (!doc._deleted) this.sent.push(doc);
        if (doc._deleted) this.known.delete(doc._id);
        else this.known.set(doc._id, { rev: result.rev, hash: fingerprint(doc) });
      }
      // A 409 means the mirror received a newer revision meanwhile: the apply step below
      // brings it into Dexie, and the next push compares against it.
    });
    return written;
  }

  /** Step 2: one replication both ways. `progress` hears how many documents came in. */
  async replicate(progress?: Progress): Promise<void> {
    let total: number | null = null;
    if (progress && this.known.size === 0) {
      try {
        total = (await this.remote.info()).doc_count;
      } catch {
        total = null;
      }
    }
    let pulled = 0;
    const sync = this.mirror.sync(this.remote, { batch_size: BATCH_SIZE, batches_limit: 4 });
    sync.on('change', (info) => {
      if (info.direction === 'pull') {
        pulled += info.change.docs.length;
        progress?.(pulled, total);
      }
    });
    await sync;
  }

  /**
   * Step 3: what the mirror received, into Dexie (one transaction, so a screen never shows
   * half of a first pull) and then the Conflicts list. `lastSeq` moves only after both
   * writes: after a failure the next round reads the same changes again, and writing them
   * twice changes nothing.
   */
  async apply(): Promise<{
    received: number;
    conflicts: number;
    rejected: RoundReport['rejected'];
    docs: SyncDoc[];
  }> {
    await this.load();
    let since: string | number = (await readSyncMeta<string | number>(this.db, this.seqKey)) ?? 0;
    // From the start of the feed (a first pull, or joining again): store every document, even
    // one the mirror knew from an earlier session, since Dexie may not have it.
    const fromStart = since === 0;
    const put = new Map<string, SyncDoc>();
    const remove = new Set<string>();
    const conflictRows = new Map<string, ConflictRow>();
    const settled = new Set<string>();
    const updates = new Map<string, { rev: string; hash: string } | null>();
    const rejected: RoundReport['rejected'] = [];
    for (;;) {
      const page = await this.mirror.changes({ since, include_docs: true, conflicts: true, limit: 2000 });
      if (page.results.length === 0) break;
      for (const change of page.results) {
        if (!isRecordId(change.id)) continue;
        // A later change of the same document in this round replaces an earlier one.
        put.delete(change.id);
        remove.delete(change.id);
        conflictRows.delete(change.id);
        settled.delete(change.id);
        const doc = change.doc as unknown as MirrorDoc | undefined;
        if (change.deleted || !doc || doc._deleted) {
          if (this.known.has(change.id)) remove.add(change.id);
          updates.set(change.id, null);
          settled.add(change.id);
          continue;
        }
        const read = readDoc(doc);
        if (!read.ok) {
          rejected.push({ id: read.id, problem: read.problem });
          continue;
        }
        const rev = doc._rev!;
        const hash = fingerprint(read.doc);
        const others = await this.otherVersions(read.doc, doc._conflicts ?? []);
        if (others.length > 0) {
          conflictRows.set(change.id, {
            id: change.id,
            type: read.doc.type,
            source: 'sync',
            winner: { rev, data: read.doc.data },
            others,
            detectedAt: new Date().toISOString(),
          });
        } else settled.add(change.id);
        if (fromStart || this.known.get(change.id)?.hash !== hash) put.set(change.id, read.doc);
        updates.set(change.id, { rev, hash });
      }
      since = page.last_seq;
    }
    await this.keepUnsentEdits(put, remove, conflictRows, settled, updates);
    if (updates.size > 0 || rejected.length > 0) {
      await applySyncWrite(this.db, { put: [...put.values()], remove: [...remove] });
      await saveConflicts(this.db, [...conflictRows.values()], [...settled]);
    }
    for (const [id, value] of updates) {
      if (value === null) this.known.delete(id);
      else this.known.set(id, value);
    }
    await writeSyncMeta(this.db, this.seqKey, since);
    // Records dropped as orphans are gone from Dexie: the next push deletes them everywhere.
    return { received: put.size, conflicts: conflictRows.size, rejected, docs: [...put.values()] };
  }

  /**
   * A clerk's edit made while this round was replicating has not been pushed yet, so the
   * received version must not be written over it. The edit stays (shown, and sent at the
   * next push on top of the received revision); the received version is set aside in the
   * Conflicts list. A record deleted here meanwhile takes the received version back (an edit
   * beats a deletion, as in CouchDB). Changes `put`, `remove`, the rows and `updates` in place.
   */
  private async keepUnsentEdits(
    put: Map<string, SyncDoc>,
    remove: Set<string>,
    conflictRows: Map<string, ConflictRow>,
    settled: Set<string>,
    updates: Map<string, { rev: string; hash: string } | null>,
  ): Promise<void> {
    const ids = [...put.keys(), ...remove].filter((id) => typeOfId(id) !== 'submission');
    if (ids.length === 0) return;
    const types = new Set(ids.map(typeOfId));
    const here = new Map((await readSyncDocs(this.db, { types })).map((d) => [d._id, d]));
    for (const id of ids) {
      const mine = here.get(id);
      const mineHash = mine ? fingerprint(mine) : null;
      if (mineHash === (this.known.get(id)?.hash ?? null) || !mine) continue;
      const received = put.get(id);
      put.delete(id);
      remove.delete(id);
      settled.delete(id);
      if (received && contentHash(received) !== contentHash(mine)) {
        const update = updates.get(id);
        conflictRows.set(id, {
          id,
          type: mine.type,
          source: 'sync',
          winner: { data: mine.data },
          others: [
            { ...(update ? { rev: update.rev } : {}), data: received.data },
            ...(conflictRows.get(id)?.others ?? []),
          ],
          detectedAt: new Date().toISOString(),
        });
      }
      const update = updates.get(id);
      // The next push writes this computer's version as the child of the received revision.
      if (update) updates.set(id, { rev: update.rev, hash: 'unsent' });
    }
  }

  /**
   * The versions set aside for `winner`, as the Conflicts list keeps them. Versions with the
   * same content as the winner (the same cell ticked on two computers, the same fix typed
   * twice) are removed from the mirror at once: there is nothing to choose between.
   */
  private async otherVersions(winner: SyncDoc, revs: readonly string[]): Promise<ConflictVersion[]> {
    const others: ConflictVersion[] = [];
    const hash = contentHash(winner);
    for (const rev of revs) {
      const version = (await this.mirror.get(winner._id, { rev })) as unknown as MirrorDoc;
      const read = readDoc(version);
      if (read.ok && contentHash(read.doc) === hash) {
        await this.mirror.remove(winner._id, rev);
        continue;
      }
      others.push({ rev, data: read.ok ? read.doc.data : version.data });
    }
    return others;
  }

  /**
   * Keeps one version of a record in conflict: the chosen content becomes the record's next
   * revision, and every other version is removed from the mirror (and, at the next round,
   * from the server and the other computers).
   */
  async keep(row: ConflictRow, chosen: ConflictVersion): Promise<void> {
    await this.load();
    const current = (await this.mirror.get(row.id, { conflicts: true })) as unknown as MirrorDoc;
    const losing = current._conflicts ?? [];
    const doc: SyncDoc = { _id: row.id, type: row.type, data: chosen.data };
    let rev = current._rev!;
    if (contentHash(doc) !== contentHash(current)) {
      const result = await this.mirror.put({ ...doc, _rev: rev });
      rev = result.rev;
    }
    for (const r of losing) await this.mirror.remove(row.id, r);
    this.known.set(row.id, { rev, hash: fingerprint(doc) });
    await applySyncWrite(this.db, { put: [doc], remove: [] });
    await dropConflict(this.db, row.id);
    // The apply step will meet these revisions in the changes feed; they match `known`.
  }

  /**
   * One whole round: push, replicate, apply, and push again what applying left behind.
   * `types`: only these kinds of record changed here since the last round (a tick changes
   * attendance alone), so the push reads only their tables.
   */
  async round(progress?: Progress, types?: ReadonlySet<SyncDocType>): Promise<RoundReport> {
    await this.checkIdentity();
    const pushed = await this.push(types);
    await this.replicate(progress);
    const first = await this.apply();
    // Applying can leave something to send (records dropped as orphans, a record the schema
    // completed): only then is a second exchange needed.
    const again = first.docs.length > 0 ? await this.push() : 0;
    if (again > 0) await this.replicate();
    const second = again > 0 ? await this.apply() : { received: 0, conflicts: 0, rejected: [], docs: [] };
    // What went out and what came in are now versions this computer shared: a colleague's
    // backup merged later tells "changed there" from "changed on both" by them (shared/sync/merge.ts).
    const shared = [...this.sent, ...first.docs, ...second.docs];
    this.sent = [];
    if (shared.length > 0) await recordSharedVersions(this.db, shared);
    return {
      pushed: pushed + again,
      received: first.received + second.received,
      conflicts: first.conflicts + second.conflicts,
      rejected: [...first.rejected, ...second.rejected],
    };
  }
}
