// @vitest-environment jsdom
// liveQuery only runs its querier when a global indexedDB exists (dexie/Dexie.js#2070), so install one.
import 'fake-indexeddb/auto';
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useTownData } from '../../../renderer/db/hooks';
import { initialiseTown, putPerson } from '../../../renderer/db/repositories';
import { testDb } from './helpers';

const db = testDb();
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
});
