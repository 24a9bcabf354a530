// @vitest-environment jsdom
// Installed before Dexie loads: liveQuery needs a global indexedDB (dexie/Dexie.js#2070).
import 'fake-indexeddb/auto';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initialiseTown } from '../../renderer/db/repositories';
import type { AppDB } from '../../renderer/db/schema';
import { dropConflict, saveConflicts } from '../../renderer/db/sync';
import { App } from '../../renderer/src/App';
import { useUi } from '../../renderer/src/store/ui';
import { useSync } from '../../renderer/sync/controller';
import type { ConflictRow } from '../../shared/sync/conflicts';
import { makeDb, resetUi } from './helpers';

let db: AppDB;
beforeEach(async () => {
  resetUi();
  db = makeDb();
  await initialiseTown(db, { name: 'Harbor Falls', certificationYear: 2026 });
});
afterEach(() => {
  cleanup();
  db.close();
  useSync.setState({ state: { kind: 'off' }, settings: null, note: null });
});

const row = (id: string): ConflictRow => ({
  id: `person:${id}`,
  type: 'person',
  source: 'merge',
  winner: { data: { id, name: `Person ${id}` } },
  others: [{ data: { id, name: `Someone ${id}` } }],
  detectedAt: '2026-11-30T14:05:00.000Z',
});

const rail = () => screen.getByRole('navigation', { name: 'Main' });

describe('the rail (issue 15)', () => {
  it('counts the conflicts to look at on the Town item, in words for a screen reader', async () => {
    render(<App db={db} />);
    const town = await within(await screen.findByRole('navigation', { name: 'Main' })).findByRole('button', {
      name: /^Town/,
    });
    expect(town.textContent).toBe('Town');
    await act(() => saveConflicts(db, [row('a'), row('b')], []));
    // jsdom's name computation drops the space before the hidden words; Chromium keeps it.
    await waitFor(() =>
      expect(within(rail()).getByRole('button', { name: /^Town ?— 2 conflicts to look at$/ })).toBeTruthy(),
    );
    await act(async () => {
      await dropConflict(db, 'person:a');
      await dropConflict(db, 'person:b');
    });
    await waitFor(() =>
      expect(within(rail()).getByRole('button', { name: /^Town/ }).textContent).toBe('Town'),
    );
  });

  it('shows where sharing stands only while it is on, and opens Town › Sharing', async () => {
    render(<App db={db} />);
    await screen.findByRole('navigation', { name: 'Main' });
    expect(within(rail()).queryByRole('button', { name: /^Sharing:/ })).toBeNull();
    act(() => useUi.getState().navigate({ screen: 'people' }));
    act(() =>
      useSync.setState({
        state: { kind: 'offline', lastSyncedAt: null },
        settings: {
          serverUrl: 'https://sync.example.org',
          database: 'harbor-falls',
          username: 'c',
          active: true,
        },
      }),
    );
    await userEvent.click(await within(rail()).findByRole('button', { name: /^Sharing: Offline ?—/ }));
    await waitFor(() => expect(useUi.getState().screen).toBe('town'));
    expect(await screen.findByRole('region', { name: 'Sharing between computers' })).toBeTruthy();
  });
});
