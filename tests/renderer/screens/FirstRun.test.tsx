// @vitest-environment jsdom
// Installed before Dexie loads: liveQuery needs a global indexedDB (dexie/Dexie.js#2070).
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadTownData } from '../../../renderer/db/repositories';
import type { AppDB } from '../../../renderer/db/schema';
import { FirstRun } from '../../../renderer/src/screens/FirstRun';
import { useUi } from '../../../renderer/src/store/ui';
import { makeDb, resetUi } from '../helpers';

let db: AppDB;

beforeEach(() => {
  resetUi();
  db = makeDb();
});
afterEach(() => {
  cleanup();
  db.close();
});

describe('FirstRun', () => {
  it('proposes the current year and creates the town with the built-in catalog', async () => {
    render(<FirstRun db={db} />);
    const year = screen.getByRole<HTMLInputElement>('spinbutton', { name: 'Certification year' });
    expect(year.value).toBe(String(new Date().getFullYear()));
    await userEvent.clear(year);
    await userEvent.type(year, '2026');
    await userEvent.type(screen.getByRole('textbox', { name: 'Town name' }), 'Harbor Falls');
    await userEvent.click(screen.getByRole('button', { name: 'Create my town' }));
    await waitFor(async () => {
      const data = await loadTownData(db);
      expect(data?.town).toMatchObject({ name: 'Harbor Falls', certificationYear: 2026 });
      expect(data?.series.length).toBeGreaterThan(0);
    });
  });

  it('asks for a town name before creating anything', async () => {
    render(<FirstRun db={db} />);
    await userEvent.click(screen.getByRole('button', { name: 'Create my town' }));
    expect(screen.getByText('Town name is required')).toBeTruthy();
    expect(await loadTownData(db)).toBeNull();
  });

  it('loads the sample town and shows its eligibility', async () => {
    render(<FirstRun db={db} />);
    await userEvent.click(screen.getByRole('button', { name: 'Explore the sample town' }));
    await waitFor(async () => expect((await loadTownData(db))?.town.name).toBe('Harbor Falls'));
    expect(useUi.getState().screen).toBe('eligibility');
  });

  it('starts the restore flow from its button', async () => {
    render(<FirstRun db={db} />);
    await userEvent.click(screen.getByRole('button', { name: 'Open a backup file…' }));
    expect(useUi.getState().restoreRequested).toBe(true);
  });
});
