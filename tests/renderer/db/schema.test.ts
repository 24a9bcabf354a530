import { readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import fc from 'fast-check';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { addSubmission, loadTownData, replaceAllData } from '../../../renderer/db/repositories';
import { createDb, groupBySession, SETTINGS_KEY, TOWN_KEY } from '../../../renderer/db/schema';
import type { AppDB } from '../../../renderer/db/schema';
import { parseBackup } from '../../../shared/backup';
import type { TownData } from '../../../shared/domain/schema';
import { evaluate } from '../../../shared/rules/engine';
import { buildSubmission, packetBytes } from '../../../shared/submissions';
import { townDataArb } from '../../fixtures/arbitraries';
import { largeTown } from '../../fixtures/synthetic-towns';
import { testDb } from './helpers';

let db: AppDB;
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('AppDB', () => {
  it('opens at version 6 with every table and no town', async () => {
    db = testDb();
    await db.open();
    expect(db.verno).toBe(6);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      [
        'meta',
        'submissions',
        'syncConflicts',
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

// Version 1 databases upgrade through every later version (2 to 5) in one go.
describe('AppDB upgrade from version 1', () => {
  it('keeps every record of the Harbor Falls sample and adds an empty meta table', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const data = sample();
    expect(data.people.length).toBeGreaterThan(0);
    expect(data.attendance.length).toBeGreaterThan(0);
    await writeVersion1(name, data);

    db = createDb(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(6);
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
          expect(upgraded.verno).toBe(6);
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

describe('AppDB upgrade from version 2 to 5 (attendance per session)', () => {
  it('moves every attendance pair of the Harbor Falls sample into session rows and drops the pair table', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const data = sample();
    expect(data.attendance.length).toBeGreaterThan(0);
    await writeVersion2(name, data);

    db = createDb(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(6);
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
          expect(upgraded.verno).toBe(6);
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

/**
 * Version 4 exactly as it shipped: attendance per session, no pair table, no submissions.
 * Frozen here on purpose, like V1_STORES.
 */
const V4_STORES = {
  ...V2_STORES,
  attendance: null,
  sessionAttendance: 'sessionId, *personIds',
};

/** Writes `data` into a brand-new database that only knows version 4 (the layout before submissions), then closes it. */
async function writeVersion4(name: string, data: TownData): Promise<void> {
  const old = new Dexie(name, { indexedDB, IDBKeyRange });
  old.version(4).stores(V4_STORES);
  await old.open();
  expect(old.verno).toBe(4);
  expect(old.tables.map((t) => t.name)).not.toContain('submissions');
  await old.transaction('rw', old.tables, async () => {
    await old.table('town').put(data.town, TOWN_KEY);
    await old.table('settings').put(data.settings, SETTINGS_KEY);
    for (const key of [
      'people',
      'series',
      'trainings',
      'sessions',
      'partners',
      'certifications',
      'coaching',
      'optimizeForEquity',
    ] as const) {
      await old.table(key).bulkAdd(data[key]);
    }
    await old.table('sessionAttendance').bulkAdd(groupBySession(data.attendance));
    await old.table('meta').put({ key: 'lastCsvImport', value: { fileName: 'roster.csv' } });
  });
  old.close();
}

describe('AppDB upgrade from version 4 to 5 (submissions)', () => {
  for (const [label, make] of [
    ['the Harbor Falls sample', sample],
    ['a large synthetic town', () => largeTown(3)],
  ] as const) {
    it(`keeps every record of ${label}, adds an empty submissions table, and then keeps a frozen packet byte for byte`, async () => {
      const name = `test-${crypto.randomUUID()}`;
      const data = make();
      expect(data.people.length).toBeGreaterThan(0);
      await writeVersion4(name, { ...data, submissions: [] });

      db = createDb(name, { indexedDB, IDBKeyRange });
      await db.open();
      expect(db.verno).toBe(6);
      expect(await loadTownData(db)).toEqual(await expectedOrder({ ...data, submissions: [] }));
      expect(await db.submissions.count()).toBe(0);
      expect(await db.meta.get('lastCsvImport')).toBeDefined();

      // The upgraded database takes a submission, and gives its packet back unchanged after a reopen.
      const bytes = Uint8Array.from({ length: 4099 }, (_, i) => (i * 31) % 256);
      const stored = await loadTownData(db);
      const evaluation = evaluate(stored!, { certificationYear: 2026, asOfDate: '2026-03-01' });
      await addSubmission(
        db,
        buildSubmission({
          id: 'sub-migrated',
          data: stored!,
          evaluation,
          round: 'spring',
          submittedOn: '2026-03-02',
          submittedBy: 'Clerk',
          fileName: 'packet.pdf',
          pdf: bytes,
        }),
      );
      db.close();
      db = createDb(name, { indexedDB, IDBKeyRange });
      const reopened = await loadTownData(db);
      expect(packetBytes(reopened!.submissions[0]!)).toEqual(bytes);
    }, 60_000);
  }
});

/** Version 5 exactly as it shipped: version 4 plus submissions. Frozen here on purpose. */
const V5_STORES = { ...V4_STORES, submissions: 'id, certificationYear' };

describe('AppDB upgrade from version 5 to 6 (the Conflicts list of sharing)', () => {
  it('keeps every record of the Harbor Falls sample and the app’s bookkeeping, and adds an empty syncConflicts table', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const data = sample();
    await writeVersion4(name, { ...data, submissions: [] });
    const v5 = new Dexie(name, { indexedDB, IDBKeyRange });
    v5.version(4).stores(V4_STORES);
    v5.version(5).stores(V5_STORES);
    await v5.open();
    expect(v5.verno).toBe(5);
    expect(v5.tables.map((t) => t.name)).not.toContain('syncConflicts');
    v5.close();

    db = createDb(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(6);
    expect(await loadTownData(db)).toEqual(await expectedOrder({ ...data, submissions: [] }));
    expect(await db.syncConflicts.count()).toBe(0);
    expect(await db.meta.get('lastCsvImport')).toBeDefined();
  }, 60_000);
});
