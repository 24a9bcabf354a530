// @vitest-environment jsdom
// Installed before Dexie loads: liveQuery needs a global indexedDB (dexie/Dexie.js#2070).
import 'fake-indexeddb/auto';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBackup } from '../../../renderer/db/backup';
import { initialiseTown, loadTownData } from '../../../renderer/db/repositories';
import type { AppDB } from '../../../renderer/db/schema';
import { RestoreFlow } from '../../../renderer/src/backup/RestoreFlow';
import { useAutoRestoreRequests } from '../../../renderer/src/backup/requests';
import { Toasts } from '../../../renderer/src/components/Toasts';
import { TownScreen } from '../../../renderer/src/screens/TownScreen';
import { useUi } from '../../../renderer/src/store/ui';
import { useSync } from '../../../renderer/sync/controller';
import type {
  AutoBackupInfo,
  AutoBackupResult,
  LedgerApi,
  OpenTextResult,
} from '../../../shared/ipc/contract';
import { makeDb, renderScreen, resetUi } from '../helpers';
import { installFakeApi } from '../fake-api';

/** `window.api` as the renderer sees it (declared in renderer/src/env.d.ts). */
const w = window as Window & { api?: LedgerApi };
let db: AppDB;
/** A valid backup of another town, "Maple Hollow", as main would hand it back. */
let mapleHollow: string;

// Noon UTC, so the calendar day is March 2 or 3 in any time zone the tests run in.
const older: AutoBackupInfo = {
  fileName: 'auto-2026-03-02T12-00-00-000Z-daily.json',
  writtenAt: '2026-03-02T12:00:00.000Z',
  bytes: 43008,
};
const newer: AutoBackupInfo = {
  fileName: 'auto-2026-03-03T12-00-00-000Z-quit.json',
  writtenAt: '2026-03-03T12:00:00.000Z',
  bytes: 2 * 1024 * 1024,
};

/** A stand-in for the preload's API with the given automatic backups and their texts. */
function fakeApi(backups: AutoBackupInfo[], texts: Record<string, string>) {
  const { api } = installFakeApi();
  api.writeAutoBackup.mockResolvedValue({
    status: 'written',
    fileName: 'auto-before.json',
    kept: 3,
    removed: 0,
  });
  api.listAutoBackups.mockResolvedValue(backups);
  api.readAutoBackup.mockImplementation(({ fileName }) =>
    Promise.resolve<OpenTextResult>(
      fileName in texts
        ? { status: 'opened', fileName, text: texts[fileName]! }
        : { status: 'error', message: `the automatic backup ${fileName} no longer exists` },
    ),
  );
  return api;
}

beforeEach(async () => {
  resetUi();
  useAutoRestoreRequests.setState({ autoBackupRequested: null });
  const other = makeDb();
  await initialiseTown(other, { name: 'Maple Hollow', certificationYear: 2025 });
  mapleHollow = await exportBackup(other, { appVersion: '9.9.9' });
  other.close();
  db = makeDb();
  await initialiseTown(db, { name: 'Harbor Falls', certificationYear: 2026 });
});
afterEach(() => {
  cleanup();
  db.close();
  delete w.api;
});

function startRestore() {
  render(
    <>
      <RestoreFlow db={db} hasTown />
      <Toasts />
    </>,
  );
  act(() => useUi.getState().requestRestore());
}

const chooser = () => screen.findByRole('dialog', { name: 'Restore from a backup' });
const townName = async () => (await loadTownData(db))!.town.name;

describe('RestoreFlow in the desktop app', () => {
  it('offers a backup file or the automatic backups, newest first, with the date in words, why and size', async () => {
    fakeApi([newer, older], {});
    startRestore();
    const dialog = await chooser();
    expect(within(dialog).getByRole('button', { name: 'A backup file…' })).toBeTruthy();
    const rows = within(within(dialog).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(
        /^\w+day, March [23], 2026 at \d{1,2}:00 [AP]MWhen the app was closed2\.0 MBRestore…$/,
      ),
      expect.stringMatching(/^\w+day, March [23], 2026 at \d{1,2}:00 [AP]MDaily backup42 KBRestore…$/),
    ]);
  });

  it('previews the automatic backup chosen, then saves a safety backup and replaces the data', async () => {
    const api = fakeApi([newer, older], { [older.fileName]: mapleHollow });
    startRestore();
    const dialog = await chooser();
    await userEvent.click(
      within(dialog).getAllByRole('button', { name: /^Restore… the backup written/ })[1]!,
    );
    expect(api.readAutoBackup).toHaveBeenCalledWith({ fileName: older.fileName });

    const preview = await screen.findByRole('dialog', { name: 'Restore this backup?' });
    expect(preview.textContent).toMatch(/From the automatic backup written \w+day, March [23], 2026/);
    expect(preview.textContent).toContain('Maple Hollow');
    expect(await townName()).toBe('Harbor Falls');

    await userEvent.click(within(preview).getByRole('button', { name: 'Replace my data with this backup' }));
    await waitFor(async () => expect(await townName()).toBe('Maple Hollow'));
    const [safety] = api.writeAutoBackup.mock.calls[0]!;
    expect(safety.reason).toBe('beforeRestore');
    expect(JSON.parse(safety.json ?? 'null').data.town.name).toBe('Harbor Falls');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it.each([
    {
      status: 'error',
      message: 'the automatic backup auto-x.json was written but does not read back as it was sent',
    },
    { status: 'skipped', why: 'anything but written' },
  ] satisfies AutoBackupResult[])(
    'restores nothing unless main reports the safety backup written and read back ($status)',
    async (reply) => {
      const api = fakeApi([older], { [older.fileName]: mapleHollow });
      api.writeAutoBackup.mockResolvedValueOnce(reply);
      startRestore();
      await userEvent.click(
        within(await chooser()).getByRole('button', { name: /^Restore… the backup written/ }),
      );
      const preview = await screen.findByRole('dialog', { name: 'Restore this backup?' });
      await userEvent.click(
        within(preview).getByRole('button', { name: 'Replace my data with this backup' }),
      );
      expect(
        await screen.findByText(
          'Nothing was restored, because the safety backup of your current data failed.',
        ),
      ).toBeTruthy();
      expect(api.writeAutoBackup).toHaveBeenCalledTimes(1);
      expect(await townName()).toBe('Harbor Falls');
    },
  );

  it('refuses a corrupt automatic backup with a clear message, and changes nothing', async () => {
    const api = fakeApi([newer], { [newer.fileName]: '{"format":"equity-training-ledger-backup",' });
    startRestore();
    await userEvent.click(
      within(await chooser()).getByRole('button', { name: /^Restore… the backup written/ }),
    );
    const refused = await screen.findByRole('dialog', { name: 'This backup cannot be restored' });
    expect(refused.textContent).toMatch(
      /Nothing was changed\. Problems found in the automatic backup written/,
    );
    expect(within(refused).getAllByRole('listitem').length).toBeGreaterThan(0);
    expect(within(refused).queryByRole('button', { name: /Replace/ })).toBeNull();
    expect(api.writeAutoBackup).not.toHaveBeenCalled();
    expect(await townName()).toBe('Harbor Falls');
  });

  it('says so when an automatic backup has gone missing since it was listed, and changes nothing', async () => {
    fakeApi([newer], {});
    startRestore();
    await userEvent.click(
      within(await chooser()).getByRole('button', { name: /^Restore… the backup written/ }),
    );
    const refused = await screen.findByRole('dialog', { name: 'This backup cannot be restored' });
    expect(refused.textContent).toContain(
      `It could not be read: the automatic backup ${newer.fileName} no longer exists.`,
    );
    expect(await townName()).toBe('Harbor Falls');
  });

  it('says there are no automatic backups yet, and still offers a backup file', async () => {
    const api = fakeApi([], {});
    startRestore();
    const dialog = await chooser();
    expect(dialog.textContent).toContain('There are no automatic backups yet.');
    expect(within(dialog).queryByRole('table')).toBeNull();
    await userEvent.click(within(dialog).getByRole('button', { name: 'A backup file…' }));
    expect(api.openTextFile).toHaveBeenCalledWith({ kind: 'backup' });
    expect(screen.queryByRole('dialog', { name: 'Restore from a backup' })).toBeNull();
  });

  it('says why when the automatic backups cannot be listed', async () => {
    const api = fakeApi([], {});
    api.listAutoBackups.mockRejectedValueOnce(new Error('the backups folder cannot be read'));
    startRestore();
    expect((await chooser()).textContent).toContain(
      'The automatic backups could not be listed: the backups folder cannot be read',
    );
  });
});

describe('Town › Your data in the desktop app', () => {
  it('lists the newest automatic backups and restores one through the same preview', async () => {
    // Newest first, as main lists them (by write sequence).
    const many = Array.from({ length: 7 }, (_, i) => ({
      fileName: `auto-00000${7 - i}-2026-03-0${7 - i}T12-00-00-000Z-daily.json`,
      writtenAt: `2026-03-0${7 - i}T12:00:00.000Z`,
      bytes: 1000,
    }));
    fakeApi(many, { [many[0]!.fileName]: mapleHollow });
    render(<RestoreFlow db={db} hasTown />);
    await renderScreen(TownScreen, db);
    const yourData = screen.getByRole('region', { name: 'Your data' });
    const table = await within(yourData).findByRole('table', { name: 'Automatic backups, newest first' });
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 5);
    await userEvent.click(within(yourData).getByRole('button', { name: 'Show all 7 automatic backups' }));
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 7);

    await userEvent.click(within(table).getAllByRole('button', { name: /^Restore… the backup written/ })[0]!);
    const preview = await screen.findByRole('dialog', { name: 'Restore this backup?' });
    expect(preview.textContent).toContain('Maple Hollow');
    expect(await townName()).toBe('Harbor Falls');
  });

  it('shows no automatic backups list in a browser, where there are none', async () => {
    await renderScreen(TownScreen, db);
    const yourData = screen.getByRole('region', { name: 'Your data' });
    expect(within(yourData).queryByRole('heading', { name: 'Automatic backups' })).toBeNull();
    expect(within(yourData).getByRole('button', { name: 'Restore from a backup file…' })).toBeTruthy();
  });
});

describe('RestoreFlow with sharing on (issue 15)', () => {
  afterEach(() => useSync.setState({ state: { kind: 'off' }, settings: null }));

  const preview = async () => {
    fakeApi([older], { [older.fileName]: mapleHollow });
    startRestore();
    await userEvent.click(
      within(await chooser()).getByRole('button', { name: /^Restore… the backup written/ }),
    );
    return screen.findByRole('dialog', { name: 'Restore this backup?' });
  };

  it('warns that restoring replaces the shared town on every computer, and points to Merge', async () => {
    useSync.setState({ state: { kind: 'synced', lastSyncedAt: new Date().toISOString() } });
    const dialog = await preview();
    expect(dialog.textContent).toContain('restoring replaces it on every computer that shares it');
    expect(dialog.textContent).toContain('File › Merge a backup…');
  });

  it('says nothing of sharing when it is off', async () => {
    const dialog = await preview();
    expect(dialog.textContent).not.toContain('every computer');
  });
});
