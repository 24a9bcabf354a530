import { readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import fc from 'fast-check';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { loadTownData } from '../../../renderer/db/repositories';
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
  it('opens at version 2 with every table and no town', async () => {
    db = testDb();
    await db.open();
    expect(db.verno).toBe(2);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      [
        'meta',
        'attendance',
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

  it('keys attendance by [personId+sessionId] and indexes both ids', async () => {
    db = testDb();
    await db.attendance.put({ personId: 'p1', sessionId: 's1' });
    await db.attendance.put({ personId: 'p1', sessionId: 's1' });
    await db.attendance.put({ personId: 'p2', sessionId: 's1' });
    expect(await db.attendance.count()).toBe(2);
    expect(await db.attendance.get(['p2', 's1'])).toEqual({ personId: 'p2', sessionId: 's1' });
    expect(await db.attendance.where('sessionId').equals('s1').count()).toBe(2);
    expect(await db.attendance.where('personId').equals('p1').count()).toBe(1);
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

/** Writes `data` into a brand-new database that only knows version 1, then closes it. */
async function writeVersion1(name: string, data: TownData): Promise<void> {
  const old = new Dexie(name, { indexedDB, IDBKeyRange });
  old.version(1).stores(V1_STORES);
  await old.open();
  expect(old.verno).toBe(1);
  await old.transaction('rw', old.tables, async () => {
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
  });
  old.close();
}

/** The same data in the order `loadTownData` returns it, so the two can be compared whole. */
async function expectedOrder(data: TownData): Promise<TownData> {
  const scratch = testDb();
  await scratch.transaction('rw', scratch.allTables(), async () => {
    await scratch.town.put(data.town, TOWN_KEY);
    await scratch.settings.put(data.settings, SETTINGS_KEY);
    await scratch.people.bulkAdd(data.people);
    await scratch.series.bulkAdd(data.series);
    await scratch.trainings.bulkAdd(data.trainings);
    await scratch.sessions.bulkAdd(data.sessions);
    await scratch.attendance.bulkAdd(data.attendance);
    await scratch.partners.bulkAdd(data.partners);
    await scratch.certifications.bulkAdd(data.certifications);
    await scratch.coaching.bulkAdd(data.coaching);
    await scratch.optimizeForEquity.bulkAdd(data.optimizeForEquity);
  });
  const out = (await loadTownData(scratch))!;
  scratch.close();
  await scratch.delete();
  return out;
}

describe('AppDB upgrade from version 1 to 2', () => {
  const sample = (): TownData => {
    const text = readFileSync(
      new URL('../../../resources/samples/harbor-falls.json', import.meta.url),
      'utf8',
    );
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error('the Harbor Falls sample should be a valid backup');
    return parsed.backup.data;
  };

  it('keeps every record of the Harbor Falls sample and adds an empty meta table', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const data = sample();
    expect(data.people.length).toBeGreaterThan(0);
    expect(data.attendance.length).toBeGreaterThan(0);
    await writeVersion1(name, data);

    db = createDb(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(2);
    expect(await loadTownData(db)).toEqual(await expectedOrder(data));
    expect(await db.meta.count()).toBe(0);
    // The upgraded database takes new writes in both old and new tables.
    await db.meta.put({ key: 'probe', value: 1 });
    expect(
      await db.attendance.where('personId').equals(data.attendance[0]!.personId).count(),
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
          expect(upgraded.verno).toBe(2);
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
