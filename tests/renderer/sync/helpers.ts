/**
 * A computer for sync tests: the app's engine over a Dexie database (fake-indexeddb), a
 * PouchDB mirror in memory (the app's is IndexedDB; the engine does not care) and the
 * server's database over HTTP.
 */
import PouchDB from 'pouchdb-core';
import http from 'pouchdb-adapter-http';
import memory from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import type { AppDB } from '../../../renderer/db/schema';
import { SyncEngine } from '../../../renderer/sync/engine';
import type { PouchDatabase } from '../../../renderer/sync/engine';
import { databaseUrl } from '../../../shared/sync/settings';

PouchDB.plugin(memory).plugin(http).plugin(replication);

export function syncEngine(
  db: AppDB,
  server: { url: string },
  database: string,
  password = 'pw',
): SyncEngine {
  const mirror: PouchDatabase = new PouchDB(`mirror-${crypto.randomUUID()}`, { adapter: 'memory' });
  const remote: PouchDatabase = new PouchDB(databaseUrl({ serverUrl: server.url, database }), {
    adapter: 'http',
    skip_setup: true,
    auth: { username: 'clerk', password },
  });
  return new SyncEngine(db, mirror, remote);
}
