// @vitest-environment jsdom
// liveQuery only runs its querier when a global indexedDB exists (dexie/Dexie.js#2070), so install one.
import 'fake-indexeddb/auto';
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useTownData, watchTownData } from '../../../renderer/db/hooks';
import {
  deletePerson,
  initialiseTown,
  putPerson,
  setAttendanceBulk,
} from '../../../renderer/db/repositories';
import type { TownData } from '../../../shared/domain/schema';
import type { AppDB } from '../../../renderer/db/schema';
import { testDb } from './helpers';

/** A session of the built-in catalog (every new town has it). */
const E101_FEB = 'sct-2020-equity-101-2020-02-18';

let db: AppDB;
beforeEach(() => {
  db = testDb();
});
afterEach(async () => {
  await db.delete();
});

describe('useTownData()', () => {
  it('is undefined while loading, null without a town, then follows every change', async () => {
    const { result } = renderHook(() => useTownData(db));
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current).toBeNull());
    await act(() => initialiseTown(db, { name: 'Testville', certificationYear: 2026 }));
    await waitFor(() => expect(result.current?.town.name).toBe('Testville'));
    await act(() => putPerson(db, { id: 'p', name: 'Pat Lee' }));
    await waitFor(() => expect(result.current?.people.map((p) => p.name)).toEqual(['Pat Lee']));
  });

  it('reloads only what a change touched: a tick brings new attendance and keeps every other list as it was', async () => {
    await initialiseTown(db, { name: 'Testville', certificationYear: 2026 });
    await putPerson(db, { id: 'p', name: 'Pat Lee' });
    const { result } = renderHook(() => useTownData(db));
    await waitFor(() => expect(result.current?.people).toHaveLength(1));
    const before = result.current!;
    await act(() => setAttendanceBulk(db, [{ personId: 'p', sessionId: E101_FEB, attended: true }]));
    await waitFor(() => expect(result.current?.attendance).toHaveLength(1));
    const after = result.current!;
    expect(after.attendance).toEqual([{ personId: 'p', sessionId: E101_FEB }]);
    // The same arrays, so the screens' memos (labels, catalog groups, grid columns) stay.
    for (const key of ['people', 'series', 'trainings', 'sessions', 'partners', 'submissions'] as const) {
      expect(after[key]).toBe(before[key]);
    }
    expect(after.town).toBe(before.town);
  });
});

describe('watchTownData()', () => {
  it('emits one consistent state per change that spans tables, and nothing after it is stopped', async () => {
    await initialiseTown(db, { name: 'Testville', certificationYear: 2026 });
    await putPerson(db, { id: 'p', name: 'Pat Lee' });
    await setAttendanceBulk(db, [{ personId: 'p', sessionId: E101_FEB, attended: true }]);
    const seen: (TownData | null)[] = [];
    const errors: unknown[] = [];
    const stop = watchTownData(
      db,
      (data) => seen.push(data),
      (e) => errors.push(e),
    );
    await waitFor(() => expect(seen).toHaveLength(1));
    // Deleting a person also drops their attendance, in one transaction.
    await deletePerson(db, 'p');
    await waitFor(() => expect(seen.at(-1)?.people).toEqual([]));
    for (const data of seen) {
      const ids = new Set(data!.people.map((p) => p.id));
      expect(data!.attendance.every((a) => ids.has(a.personId))).toBe(true);
    }
    stop();
    const count = seen.length;
    await putPerson(db, { id: 'q', name: 'Quinn Ode' });
    await new Promise((done) => setTimeout(done, 50));
    expect(seen).toHaveLength(count);
    expect(errors).toEqual([]);
  });
});
