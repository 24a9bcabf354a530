// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initialiseTown } from '../../../renderer/db/repositories';
import type { AppDB } from '../../../renderer/db/schema';
import { writeAutomaticBackup } from '../../../renderer/src/backup/actions';
import { useUi } from '../../../renderer/src/store/ui';
import type { AutoBackupRequest, AutoBackupResult, LedgerApi } from '../../../shared/ipc/contract';
import { makeDb, resetUi } from '../helpers';

const w = window as Window & { api?: LedgerApi };
let db: AppDB;

/** Only the methods writeAutomaticBackup uses; the rest would throw if called. */
function fakeApi(result: AutoBackupResult) {
  const writeAutoBackup = vi.fn((_: AutoBackupRequest) => Promise.resolve(result));
  w.api = {
    writeAutoBackup,
    appInfo: () =>
      Promise.resolve({ name: 'x', version: '1.2.3', userDataPath: '', backupsPath: '', keepBackups: 30 }),
  } as unknown as LedgerApi;
  return writeAutoBackup;
}

beforeEach(() => {
  resetUi();
  db = makeDb();
});
afterEach(() => {
  db.close();
  delete w.api;
});

describe('writeAutomaticBackup()', () => {
  it('sends the whole town as a backup for the given reason', async () => {
    await initialiseTown(db, { name: 'Maple Hollow', certificationYear: 2026 });
    const write = fakeApi({ status: 'written', fileName: 'auto.json', kept: 1, removed: 0 });
    expect((await writeAutomaticBackup(db, 'daily')).status).toBe('written');
    const [request] = write.mock.calls[0]!;
    expect(request.reason).toBe('daily');
    expect(JSON.parse(request.json ?? 'null').data.town.name).toBe('Maple Hollow');
  });

  it('on quit with no town yet, tells the app there is nothing to back up instead of staying silent', async () => {
    const write = fakeApi({ status: 'skipped', why: 'there is no town yet, so nothing to back up' });
    expect(await writeAutomaticBackup(db, 'quit')).toEqual({
      status: 'skipped',
      why: 'there is no town yet, so nothing to back up',
    });
    expect(write).toHaveBeenCalledWith({ reason: 'quit', json: null });
    expect(useUi.getState().toasts).toEqual([]);
  });

  it('does not bother the app for a daily backup when there is no town yet', async () => {
    const write = fakeApi({ status: 'written', fileName: 'auto.json', kept: 1, removed: 0 });
    expect((await writeAutomaticBackup(db, 'daily')).status).toBe('skipped');
    expect(write).not.toHaveBeenCalled();
  });

  it('tells the user when the app could not write the backup', async () => {
    await initialiseTown(db, { name: 'Maple Hollow', certificationYear: 2026 });
    fakeApi({ status: 'error', message: 'disk full' });
    expect((await writeAutomaticBackup(db, 'quit')).status).toBe('error');
    expect(useUi.getState().toasts.map((t) => t.text)).toEqual([
      'The automatic backup could not be written: disk full',
    ]);
  });
});
