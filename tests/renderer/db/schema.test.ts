import { afterEach, describe, expect, it } from 'vitest';
import type { AppDB } from '../../../renderer/db/schema';
import { testDb } from './helpers';

let db: AppDB;
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('AppDB', () => {
  it('opens at version 1 with every table and no town', async () => {
    db = testDb();
    await db.open();
    expect(db.verno).toBe(1);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      [
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
