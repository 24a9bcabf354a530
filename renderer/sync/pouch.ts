/**
 * PouchDB, assembled from its parts: the core, the IndexedDB adapter (the mirror lives in
 * the same browser profile as Dexie's database), the HTTP adapter (CouchDB's API) and the
 * replicator. Nothing else of PouchDB is bundled.
 *
 * Loaded only when sharing is set up (a dynamic import from the controller), so a clerk who
 * never shares downloads none of it and the app makes no network call.
 */
import PouchDB from 'pouchdb-core';
import http from 'pouchdb-adapter-http';
import indexeddb from 'pouchdb-adapter-indexeddb';
import replication from 'pouchdb-replication';
import type { SharingSettings } from '../../shared/sync/settings';
import { databaseUrl } from '../../shared/sync/settings';
import type { PouchDatabase } from './engine';

PouchDB.plugin(indexeddb).plugin(http).plugin(replication);

/** The mirror of one server database on this computer (one per server and database). */
export function openMirror(name: string): PouchDatabase {
  return new PouchDB(name, { adapter: 'indexeddb' });
}

/**
 * The server's database. `skip_setup`: never create it (an unknown name is the clerk's typo,
 * answered with "no database of that name"). Basic auth on every request; the password stays
 * in memory.
 */
export function openRemote(settings: SharingSettings, password: string): PouchDatabase {
  return new PouchDB(databaseUrl(settings), {
    adapter: 'http',
    skip_setup: true,
    auth: { username: settings.username, password },
  });
}
