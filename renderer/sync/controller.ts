/**
 * Sharing as the screens see it: one state (shared/sync/status.ts) in a small zustand
 * store, and the clerk's actions — set up, join, sync now, pause, resume, stop, keep a
 * version. Rounds run one at a time: on a change here (a second after the last edit),
 * every few minutes, when the network comes back, and on Sync now.
 *
 * With sharing off this module loads nothing: PouchDB (./pouch) is imported only when a
 * server is set up, so the app makes no network call at all.
 */
import { Dexie } from 'dexie';
import type { ObservabilitySet } from 'dexie';
import { create } from 'zustand';
import type { SyncDocType } from '../../shared/sync/docs';
import type { ConflictRow, ConflictVersion } from '../../shared/sync/conflicts';
import type { SharingSettings } from '../../shared/sync/settings';
import { refusal } from '../../shared/sync/server';
import { problemOfHttpStatus } from '../../shared/sync/status';
import type { SyncProblem, SyncState } from '../../shared/sync/status';
import { db as appDb } from '../db/instance';
import { hasTown, sampleTownName } from '../db/repositories';
import type { AppDB } from '../db/schema';
import { useUi } from '../src/store/ui';
import {
  applySyncWrite,
  clearConflicts,
  dropConflict,
  DOC_TYPE_OF_TABLE,
  readSyncMeta,
  writeSyncMeta,
} from '../db/sync';
import type { ForeignDatabaseError, SyncEngine } from './engine';
import { browserVault, desktopVault, probeMessage } from './vault';
import type { SaveOutcome, SharingInput, SharingVault } from './vault';

/** Every few minutes while online, as the issue asks (and a server can bear for 169 towns). */
export const SYNC_INTERVAL_MS = 3 * 60 * 1000;
/** A round starts this long after the last edit, so typing a name is one round, not twenty. */
export const CHANGE_DELAY_MS = 1000;

interface SyncStore {
  state: SyncState;
  settings: SharingSettings | null;
  /** A note for the clerk from the last set-up (e.g. "type the password again next time"). */
  note: string | null;
}

export const useSync = create<SyncStore>(() => ({ state: { kind: 'off' }, settings: null, note: null }));

/** The running connection, when sharing is set up and active. */
interface Session {
  db: AppDB;
  /** The mirror's name, also kept in `meta` while this session lasts (an erase clears it). */
  mirrorName: string;
  engine: SyncEngine;
  settings: SharingSettings;
  timer: ReturnType<typeof setInterval>;
  stopListening: () => void;
}

let session: Session | null = null;
let chosenVault: SharingVault | null = null;

/** The desktop app's vault when the preload is there, else the browser edition's. */
function vault(): SharingVault {
  chosenVault ??= typeof window !== 'undefined' && window.api ? desktopVault(window.api) : browserVault;
  return chosenVault;
}
let running: Promise<void> | null = null;
let again = false;
let changedTypes: Set<SyncDocType> | null = null;
let changeTimer: ReturnType<typeof setTimeout> | null = null;

/** Where settings and password live (the desktop app passes the main process's vault). */
export function useVault(v: SharingVault): void {
  chosenVault = v;
}

function lastSyncedAt(): string | null {
  const s = useSync.getState().state;
  return 'lastSyncedAt' in s ? s.lastSyncedAt : null;
}

function setState(state: SyncState): void {
  useSync.setState({ state });
}

function isForeign(error: unknown): error is ForeignDatabaseError {
  return error instanceof Error && error.name === 'ForeignDatabaseError';
}

/** What a failed round means for the clerk. */
function stateOfError(error: unknown): SyncState {
  const last = lastSyncedAt();
  // By name, not instanceof: the engine is loaded only once sharing starts (a static import
  // would put it in the start-up bundle of every clerk who never shares).
  if (isForeign(error)) {
    return {
      kind: 'problem',
      problem: error.problem,
      detail: error.remoteTown ? `It holds ${error.remoteTown}.` : null,
      lastSyncedAt: last,
    };
  }
  const e = error as { status?: number; message?: string } | null;
  const status = e?.status;
  // pouchdb-server answers a user who is not a member with 401 (CouchDB: 403): read its reason.
  const problem: SyncProblem | null =
    status === undefined
      ? null
      : (refusal(status, { reason: e?.message }) ??
        problemOfHttpStatus(status) ??
        (status >= 400 ? 'server' : null));
  if (problem) return { kind: 'problem', problem, detail: null, lastSyncedAt: last };
  // No status: the request never got an answer (offline, server down, cut in the middle).
  return { kind: 'offline', lastSyncedAt: last };
}

/** Runs one round now, or right after the one running. */
function runRound(types?: ReadonlySet<SyncDocType>): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  const current = session;
  if (!current) return Promise.resolve();
  if (typeof navigator !== 'undefined' && navigator.onLine === false) {
    setState({ kind: 'offline', lastSyncedAt: lastSyncedAt() });
    return Promise.resolve();
  }
  running = (async () => {
    setState({ kind: 'syncing', lastSyncedAt: lastSyncedAt(), progress: null });
    try {
      if (await wasErased(current)) {
        // The records here were erased after sharing them (Erase clears the app's bookkeeping,
        // this session's mark included): a town typed in now must never overwrite or delete
        // the shared one, so sharing stops here; the server keeps the town.
        running = null;
        await stopSharing(current.db);
        useSync.setState({
          note: 'Sharing was turned off because this computer’s records were erased. The server still has the town: use Join a shared town to fetch it again.',
        });
        return;
      }
      const report = await current.engine.round(
        (done, total) =>
          setState({ kind: 'syncing', lastSyncedAt: lastSyncedAt(), progress: { done, total } }),
        types,
      );
      const at = new Date().toISOString();
      await writeSyncMeta(current.db, 'lastSyncedAt', at);
      setState(
        report.rejected.length > 0
          ? {
              kind: 'problem',
              problem: 'badRecords',
              detail: `${report.rejected.length} left out.`,
              lastSyncedAt: at,
            }
          : { kind: 'synced', lastSyncedAt: at },
      );
    } catch (error) {
      setState(stateOfError(error));
    } finally {
      running = null;
    }
    if (again && session) {
      again = false;
      await runRound();
    }
  })();
  return running;
}

/** Whether this computer's records were erased since the session began (see runRound). */
async function wasErased(current: Session): Promise<boolean> {
  if ((await readSyncMeta<string>(current.db, 'mirror')) !== current.mirrorName) return true;
  return !(await hasTown(current.db)) && (await current.engine.holdsRecords());
}

/** A change in the records: push it a moment later (only the tables that changed). */
function onStorageMutated(db: AppDB, parts: ObservabilitySet): void {
  const prefix = `idb://${db.name}/`;
  for (const key of Object.keys(parts)) {
    if (!key.startsWith(prefix)) continue;
    const table = key.slice(prefix.length).split('/')[0] ?? '';
    const type = DOC_TYPE_OF_TABLE[table];
    if (type) (changedTypes ??= new Set()).add(type);
  }
  if (!changedTypes || !session) return;
  if (changeTimer) clearTimeout(changeTimer);
  changeTimer = setTimeout(() => {
    const types = changedTypes ?? undefined;
    changeTimer = null;
    changedTypes = null;
    void runRound(types);
  }, CHANGE_DELAY_MS);
}

async function begin(db: AppDB, settings: SharingSettings, password: string): Promise<void> {
  end();
  const [{ SyncEngine }, { openMirror, openRemote }] = await Promise.all([
    import('./engine'),
    import('./pouch'),
  ]);
  const mirrorName = `etl-sync-${settings.serverUrl}/${settings.database}`;
  const previous = await readSyncMeta<string>(db, 'mirror');
  if (previous !== mirrorName) {
    // Another server or database than last time, or the records here were erased since (an
    // erase clears the mark): start afresh. A mirror left from before would otherwise send a
    // deletion of every record it knew.
    await openMirror(mirrorName).destroy();
    await writeSyncMeta(db, `lastSeq:${mirrorName}`, undefined);
    await writeSyncMeta(db, 'mirror', mirrorName);
    await clearConflicts(db);
  }
  const engine = new SyncEngine(db, openMirror(mirrorName), openRemote(settings, password));
  const listener = (parts: ObservabilitySet) => onStorageMutated(db, parts);
  Dexie.on('storagemutated', listener);
  const online = () => void runRound();
  window.addEventListener('online', online);
  const offline = () => setState({ kind: 'offline', lastSyncedAt: lastSyncedAt() });
  window.addEventListener('offline', offline);
  session = {
    db,
    mirrorName,
    engine,
    settings,
    timer: setInterval(() => void runRound(), SYNC_INTERVAL_MS),
    stopListening: () => {
      Dexie.on('storagemutated').unsubscribe(listener);
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    },
  };
}

function end(): void {
  if (!session) return;
  clearInterval(session.timer);
  session.stopListening();
  session = null;
  if (changeTimer) clearTimeout(changeTimer);
  changeTimer = null;
}

/** At start: picks up sharing where it was left (paused, or syncing). */
export async function startSharing(db: AppDB = appDb): Promise<void> {
  const stored = await vault().load();
  if (!stored) {
    useSync.setState({ state: { kind: 'off' }, settings: null });
    return;
  }
  const last = (await readSyncMeta<string>(db, 'lastSyncedAt')) ?? null;
  useSync.setState({ settings: stored.settings, ...(stored.notice ? { note: stored.notice } : {}) });
  if (!stored.settings.active) return setState({ kind: 'paused', lastSyncedAt: last });
  if (stored.password === null) {
    return setState({
      kind: 'problem',
      problem: 'password',
      detail: 'Type the password again in Town › Sharing.',
      lastSyncedAt: last,
    });
  }
  setState({ kind: 'syncing', lastSyncedAt: last, progress: null });
  try {
    await begin(db, stored.settings, stored.password);
  } catch (error) {
    // The mirror could not be opened (storage full, a browser without IndexedDB): say so.
    setState({
      kind: 'problem',
      problem: 'server',
      detail: error instanceof Error ? error.message : null,
      lastSyncedAt: last,
    });
    return;
  }
  await runRound();
}

/** Town › Sharing: checks with the server, stores the settings, and syncs. */
export async function setUpSharing(input: SharingInput, db: AppDB = appDb): Promise<SaveOutcome> {
  if ((await sampleTownName(db)) !== null) {
    return {
      ok: false,
      fieldErrors: {},
      problem: null,
      message:
        'The sample town is open. Start your own town (or join a shared one) before turning on sharing.',
    };
  }
  const outcome = await vault().save(input);
  if (!outcome.ok) return outcome;
  useSync.setState({ settings: outcome.settings, note: outcome.note });
  if (outcome.reload) {
    // Desktop: main now allows this server in the page's policy, which applies from the next
    // load; the page reloads and `startSharing` carries on (with the first pull's progress).
    reloadPage();
    return outcome;
  }
  await begin(db, outcome.settings, input.password);
  await runRound();
  return outcome;
}

/** The desktop app's reload for a new policy, unless a form has unsaved changes (then at the next start). */
function reloadPage(): void {
  if (useUi.getState().dirtyForms.length > 0) {
    useSync.setState({
      note: 'Sharing starts when you next open the app (a form here has unsaved changes).',
    });
    return;
  }
  void window.api?.reloadForSharing();
}

/**
 * The first run's Join a shared town: the same checks, then the town is pulled (with
 * progress) into this empty computer. Fails in plain words when the database is empty.
 */
export async function joinSharedTown(input: SharingInput, db: AppDB = appDb): Promise<SaveOutcome> {
  const outcome = await setUpSharing(input, db);
  if (!outcome.ok) return outcome;
  if (!(await hasTown(db))) {
    const state = useSync.getState().state;
    const message =
      state.kind === 'problem' || state.kind === 'offline'
        ? probeMessage(
            state.kind === 'offline'
              ? 'unreachable'
              : state.problem === 'badRecords'
                ? 'server'
                : state.problem,
          )
        : 'This database holds no town yet. Create the town on one computer and turn sharing on there first.';
    await stopSharing(db);
    return { ok: false, fieldErrors: {}, problem: null, message };
  }
  return outcome;
}

export function syncNow(): Promise<void> {
  return runRound();
}

export async function pauseSharing(): Promise<void> {
  await vault().setActive(false);
  end();
  const settings = useSync.getState().settings;
  useSync.setState({ settings: settings ? { ...settings, active: false } : null });
  setState({ kind: 'paused', lastSyncedAt: lastSyncedAt() });
}

export async function resumeSharing(db: AppDB = appDb): Promise<void> {
  await vault().setActive(true);
  await startSharing(db);
}

/** Stops sharing on this computer: forgets the server and password; the records stay here. */
export async function stopSharing(db: AppDB = appDb): Promise<void> {
  const ending = session;
  end();
  await vault().forget();
  // The mirror goes too: joining again later must fetch every record afresh.
  const mirrorName = await readSyncMeta<string>(db, 'mirror');
  if (ending) await ending.engine.destroyMirror().catch(() => undefined);
  else if (mirrorName) {
    const { openMirror } = await import('./pouch');
    await openMirror(mirrorName)
      .destroy()
      .catch(() => undefined);
  }
  await writeSyncMeta(db, 'mirror', undefined);
  await writeSyncMeta(db, 'lastSyncedAt', undefined);
  await clearConflicts(db);
  useSync.setState({ state: { kind: 'off' }, settings: null, note: null });
  // Desktop: back to the strict policy (no server allowed) from the next load on.
  if (typeof window !== 'undefined' && window.api) reloadPage();
}

/**
 * Keeps one version of a record in conflict (the Conflicts list's button). A merged
 * backup's conflict has no revisions: its chosen version is simply stored, and sync (if on)
 * sends it on.
 */
export async function keepVersion(
  row: ConflictRow,
  chosen: ConflictVersion,
  db: AppDB = appDb,
): Promise<void> {
  if (row.source === 'sync' && session) {
    await session.engine.keep(row, chosen);
    void runRound();
    return;
  }
  await applySyncWrite(db, { put: [{ _id: row.id, type: row.type, data: chosen.data }], remove: [] });
  await dropConflict(db, row.id);
}
