import { readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import fc from 'fast-check';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { loadTownData, replaceAllData } from '../../../renderer/db/repositories';
import { createDb, SETTINGS_KEY, TOWN_KEY } from '../../../renderer/db/schema';
import type { AppDB } from '../../../renderer/db/schema';
import { parseBackup } from '../../../shared/backup';
import type { TownData } from '../../../shared/domain/schema';
import { townDataArb } from '../../fixtures/arbitraries';
import { testDb } from './helpers';

let db: AppDB;
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('AppDB', () => {
  it('opens at version 4 with every table and no town', async () => {
    db = testDb();
    await db.open();
    expect(db.verno).toBe(4);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      [
        'meta',
        'sessionAttendance',
        'certifications',
        'coaching',
        'optimizeForEquity',
        'partners',
        'people',
        'series',
        'sessions',
        'settings',
        'town',
        'trainings',
      ].sort(),
    );
    expect(await db.town.count()).toBe(0);
  });

  it('keys session attendance by sessionId and indexes every person id in it', async () => {
    db = testDb();
    await db.sessionAttendance.put({ sessionId: 's1', personIds: ['p1'] });
    await db.sessionAttendance.put({ sessionId: 's1', personIds: ['p1', 'p2'] });
    await db.sessionAttendance.put({ sessionId: 's2', personIds: ['p2'] });
    expect(await db.sessionAttendance.count()).toBe(2);
    expect(await db.sessionAttendance.get('s1')).toEqual({ sessionId: 's1', personIds: ['p1', 'p2'] });
    expect(await db.sessionAttendance.where('personIds').equals('p2').primaryKeys()).toEqual(['s1', 's2']);
    expect(await db.sessionAttendance.where('personIds').equals('p1').count()).toBe(1);
  });

  it('keeps two databases with different names apart', async () => {
    db = testDb();
    const other = testDb();
    await other.people.put({ id: 'x', name: 'X', email: '', isResident: false, positions: [], notes: '' });
    expect(await db.people.count()).toBe(0);
    other.close();
    await other.delete();
  });
});

/**
 * Version 1 exactly as release 0.1.0 shipped it. Frozen here on purpose: the
 * migration test must keep opening the OLD layout even after schema.ts moves on.
 */
const V1_STORES = {
  town: '',
  settings: '',
  people: 'id, name',
  series: 'id',
  trainings: 'id, seriesId',
  sessions: 'id, trainingId, date',
  attendance: '[personId+sessionId], personId, sessionId',
  partners: 'id',
  certifications: 'id',
  coaching: 'id',
  optimizeForEquity: 'id',
};

/** Writes the town's rows in the version 1–2 layout (attendance one row per pair) into an open old database. */
async function writeTownRows(old: Dexie, data: TownData): Promise<void> {
  await old.table('town').put(data.town, TOWN_KEY);
  await old.table('settings').put(data.settings, SETTINGS_KEY);
  for (const key of [
    'people',
    'series',
    'trainings',
    'sessions',
    'attendance',
    'partners',
    'certifications',
    'coaching',
    'optimizeForEquity',
  ] as const) {
    await old.table(key).bulkAdd(data[key]);
  }
}

/** Writes `data` into a brand-new database that only knows version 1, then closes it. */
async function writeVersion1(name: string, data: TownData): Promise<void> {
  const old = new Dexie(name, { indexedDB, IDBKeyRange });
  old.version(1).stores(V1_STORES);
  await old.open();
  expect(old.verno).toBe(1);
  await old.transaction('rw', old.tables, async () => {
    await writeTownRows(old, data);
  });
  old.close();
}

/** The same data in the order `loadTownData` returns it, so the two can be compared whole. */
async function expectedOrder(data: TownData): Promise<TownData> {
  const scratch = testDb();
  await replaceAllData(scratch, data);
  const out = (await loadTownData(scratch))!;
  scratch.close();
  await scratch.delete();
  return out;
}

/** The Harbor Falls sample town's data. */
function sample(): TownData {
  const text = readFileSync(new URL('../../../resources/samples/harbor-falls.json', import.meta.url), 'utf8');
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new Error('the Harbor Falls sample should be a valid backup');
  return parsed.backup.data;
}

// Version 1 databases upgrade through every later version (2, 3, 4) in one go.
describe('AppDB upgrade from version 1', () => {
  it('keeps every record of the Harbor Falls sample and adds an empty meta table', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const data = sample();
    expect(data.people.length).toBeGreaterThan(0);
    expect(data.attendance.length).toBeGreaterThan(0);
    await writeVersion1(name, data);

    db = createDb(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(4);
    expect(await loadTownData(db)).toEqual(await expectedOrder(data));
    expect(await db.meta.count()).toBe(0);
    // The upgraded database takes new writes in both old and new tables.
    await db.meta.put({ key: 'probe', value: 1 });
    expect(
      await db.sessionAttendance.where('personIds').equals(data.attendance[0]!.personId).count(),
    ).toBeGreaterThan(0);
  });

  it('keeps every record of generated towns, row for row', async () => {
    await fc.assert(
      fc.asyncProperty(townDataArb, async (data) => {
        const name = `test-${crypto.randomUUID()}`;
        await writeVersion1(name, data);
        const upgraded = createDb(name, { indexedDB, IDBKeyRange });
        try {
          expect(await loadTownData(upgraded)).toEqual(await expectedOrder(data));
          expect(upgraded.verno).toBe(4);
        } finally {
          upgraded.close();
          await upgraded.delete();
        }
      }),
      { numRuns: 40 },
    );
    db = testDb();
  }, 60_000);
});

/**
 * Version 2 exactly as it shipped: version 1's stores plus `meta`. Frozen here on purpose,
 * like V1_STORES: attendance is one row per pair, keyed `[personId+sessionId]`.
 */
const V2_STORES = { ...V1_STORES, meta: 'key' };

/** Writes `data` (and one `meta` row) into a brand-new database that only knows versions 1–2, then closes it. */
async function writeVersion2(name: string, data: TownData): Promise<void> {
  const old = new Dexie(name, { indexedDB, IDBKeyRange });
  old.version(1).stores(V1_STORES);
  old.version(2).stores(V2_STORES);
  await old.open();
  expect(old.verno).toBe(2);
  await old.transaction('rw', old.tables, async () => {
    await writeTownRows(old, data);
    await old.table('meta').put({ key: 'lastCsvImport', value: { fileName: 'roster.csv' } });
  });
  old.close();
}

const pairKey = (a: { personId: string; sessionId: string }): string =>
  JSON.stringify([a.personId, a.sessionId]);

/** Checks the upgraded database holds every pair once, one sorted, non-empty row per attended session. */
async function expectAttendanceRows(upgraded: AppDB, data: TownData): Promise<void> {
  const rows = await upgraded.sessionAttendance.toArray();
  const stored = rows.flatMap((r) => r.personIds.map((personId) => ({ personId, sessionId: r.sessionId })));
  expect(stored).toHaveLength(data.attendance.length);
  expect(new Set(stored.map(pairKey))).toEqual(new Set(data.attendance.map(pairKey)));
  expect(rows.map((r) => r.sessionId).sort()).toEqual(
    [...new Set(data.attendance.map((a) => a.sessionId))].sort(),
  );
  for (const r of rows) {
    expect(r.personIds.length).toBeGreaterThan(0);
    expect(r.personIds).toEqual([...new Set(r.personIds)].sort());
  }
}

describe('AppDB upgrade from version 2 to 4 (attendance per session)', () => {
  it('moves every attendance pair of the Harbor Falls sample into session rows and drops the pair table', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const data = sample();
    expect(data.attendance.length).toBeGreaterThan(0);
    await writeVersion2(name, data);

    db = createDb(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(4);
    await expectAttendanceRows(db, data);
    expect(await loadTownData(db)).toEqual(await expectedOrder(data));
    expect(await db.meta.get('lastCsvImport')).toEqual({
      key: 'lastCsvImport',
      value: { fileName: 'roster.csv' },
    });
    // The pair table is gone from the stored database, not just from Dexie's view of it.
    expect(db.backendDB().objectStoreNames.contains('attendance')).toBe(false);
    expect(db.backendDB().objectStoreNames.contains('sessionAttendance')).toBe(true);
  });

  it('keeps every record and attendance pair of generated towns, row for row', async () => {
    await fc.assert(
      fc.asyncProperty(townDataArb, async (data) => {
        const name = `test-${crypto.randomUUID()}`;
        await writeVersion2(name, data);
        const upgraded = createDb(name, { indexedDB, IDBKeyRange });
        try {
          await upgraded.open();
          expect(upgraded.verno).toBe(4);
          await expectAttendanceRows(upgraded, data);
          expect(await loadTownData(upgraded)).toEqual(await expectedOrder(data));
          expect(await upgraded.meta.count()).toBe(1);
        } finally {
          upgraded.close();
          await upgraded.delete();
        }
      }),
      { numRuns: 40 },
    );
    db = testDb();
  }, 60_000);
});
