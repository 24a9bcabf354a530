// @vitest-environment jsdom
// Installed before Dexie loads: liveQuery needs a global indexedDB (dexie/Dexie.js#2070).
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initialiseTown } from '../../renderer/db/repositories';
import type { AppDB } from '../../renderer/db/schema';
import { App } from '../../renderer/src/App';
import { useUi } from '../../renderer/src/store/ui';
import type { AutoBackupResult, LedgerApi } from '../../shared/ipc/contract';
import { makeDb, resetUi } from './helpers';
import { installFakeApi } from './fake-api';

let db: AppDB;
/** `window.api` as the renderer sees it (declared in renderer/src/env.d.ts). */
const w = window as Window & { api?: LedgerApi };

beforeEach(() => {
  resetUi();
  db = makeDb();
});
afterEach(() => {
  cleanup();
  db.close();
  delete w.api;
});

/** A stand-in for the preload's API that records calls and lets the test fire menu commands. */
function fakeApi(autoBackup: AutoBackupResult = { status: 'skipped', why: 'exists today' }) {
  const fake = installFakeApi();
  fake.api.saveText.mockResolvedValue({ status: 'saved', fileName: 'backup.json' });
  fake.api.writeAutoBackup.mockResolvedValue(autoBackup);
  fake.api.appInfo.mockResolvedValue({
    name: 'x',
    version: '9.9.9',
    userDataPath: '',
    backupsPath: '',
    keepBackups: 1,
  });
  return fake;
}

describe('App', () => {
  it('shows the first-run guide without a town, then the Town screen once it is created', async () => {
    render(<App db={db} />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Welcome to the Equity Training Ledger' }),
    ).toBeTruthy();
    await userEvent.type(screen.getByRole('textbox', { name: 'Town name' }), 'Maple Hollow');
    await userEvent.click(screen.getByRole('button', { name: 'Create my town' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Town of Maple Hollow' })).toBeTruthy();
  });

  it('navigates with the rail, marks the current screen and shows the points badge', async () => {
    await initialiseTown(db, { name: 'Maple Hollow', certificationYear: 2026 });
    render(<App db={db} />);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(nav.textContent).toMatch(/\d+ \+ \d+ of 15/);
    await userEvent.click(within(nav).getByRole('button', { name: 'People' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'People' })).toBeTruthy();
    expect(within(nav).getByRole('button', { name: 'People' }).getAttribute('aria-current')).toBe('page');
    await userEvent.click(within(nav).getByRole('button', { name: 'Partners' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Partners' })).toBeTruthy();
  });

  it('writes the daily automatic backup at start-up in the desktop app', async () => {
    await initialiseTown(db, { name: 'Maple Hollow', certificationYear: 2026 });
    const { api } = fakeApi();
    render(<App db={db} />);
    await waitFor(() => expect(api.writeAutoBackup).toHaveBeenCalled());
    const [request] = api.writeAutoBackup.mock.calls[0] as unknown as [{ reason: string; json: string }];
    expect(request.reason).toBe('daily');
    expect(JSON.parse(request.json).data.town.name).toBe('Maple Hollow');
  });

  it('shows an error message when the automatic backup fails', async () => {
    await initialiseTown(db, { name: 'Maple Hollow', certificationYear: 2026 });
    fakeApi({ status: 'error', message: 'disk full' });
    render(<App db={db} />);
    await waitFor(() =>
      expect(useUi.getState().toasts.map((t) => t.text)).toContain(
        'The automatic backup could not be written: disk full',
      ),
    );
  });

  it('answers the menu: backup, packet, CSV import and the backup on quit', async () => {
    await initialiseTown(db, { name: 'Maple Hollow', certificationYear: 2026 });
    const { api, fire } = fakeApi();
    render(<App db={db} />);
    await screen.findByRole('navigation', { name: 'Main' });

    fire('newBackup');
    await waitFor(() => expect(api.saveText).toHaveBeenCalled());
    const [save] = api.saveText.mock.calls[0] as unknown as [
      { kind: string; suggestedName: string; text: string },
    ];
    expect(save.kind).toBe('backup');
    expect(save.suggestedName).toMatch(/^maple-hollow-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(save.text).app.version).toBe('9.9.9');

    fire('createPacket');
    expect(useUi.getState().screen).toBe('eligibility');

    fire('importPeopleCsv');
    expect(useUi.getState().screen).toBe('people');

    fire('autoBackupOnQuit');
    await waitFor(() =>
      expect(
        api.writeAutoBackup.mock.calls.map((c) => (c as unknown as [{ reason: string }])[0].reason),
      ).toContain('quit'),
    );
  });

  it('answers the backup on quit from the first-run screen, telling the app there is nothing to back up', async () => {
    const { api, fire } = fakeApi();
    render(<App db={db} />);
    await screen.findByRole('heading', { level: 1, name: 'Welcome to the Equity Training Ledger' });
    fire('autoBackupOnQuit');
    await waitFor(() => expect(api.writeAutoBackup).toHaveBeenCalledWith({ reason: 'quit', json: null }));
  });
});
