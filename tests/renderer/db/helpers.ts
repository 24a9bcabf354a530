import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { createDb } from '../../../renderer/db/schema';
import type { AppDB } from '../../../renderer/db/schema';

/** A fresh database with a unique name on fake-indexeddb (real IndexedDB semantics in Node). */
export function testDb(): AppDB {
  return createDb(`test-${crypto.randomUUID()}`, { indexedDB, IDBKeyRange });
}
