// @vitest-environment jsdom
// Installed before Dexie loads: liveQuery needs a global indexedDB (dexie/Dexie.js#2070).
import 'fake-indexeddb/auto';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readShareHistory, recordSharedVersions } from '../../../renderer/db/merge';
import { initialiseTown, loadTownData, putPerson } from '../../../renderer/db/repositories';
import type { AppDB } from '../../../renderer/db/schema';
import { exportBackupToFile, writeAutomaticBackup } from '../../../renderer/src/backup/actions';
import { countsInWords, MergeFlow, mergedInWords } from '../../../renderer/src/backup/MergeFlow';
import { useMergeRequests } from '../../../renderer/src/backup/requests';
import { Toasts } from '../../../renderer/src/components/Toasts';
import { serializeBackup } from '../../../shared/backup';
import type { TownData } from '../../../shared/domain/schema';
import { docsOf } from '../../../shared/sync/docs';
import type { LedgerApi } from '../../../shared/ipc/contract';
import { makeDb, resetUi } from '../helpers';
import { installFakeApi } from '../fake-api';

const w = window as Window & { api?: LedgerApi };
let db: AppDB;
/** A colleague's backup of the same town with one more person. */
let theirs: string;

function fakeApi(text: string) {
  const { api } = installFakeApi();
  api.openTextFile.mockResolvedValue({ status: 'opened', fileName: 'from-sam.json', text });
  api.writeAutoBackup.mockResolvedValue({
    status: 'written',
    fileName: 'auto-before.json',
    kept: 3,
    removed: 0,
  });
  return api;
}

beforeEach(async () => {
  resetUi();
  useMergeRequests.setState({ mergeRequested: false });
  db = makeDb();
  await initialiseTown(db, { name: 'Harbor Falls', certificationYear: 2026 });
  const data = (await loadTownData(db))!;
  await recordSharedVersions(db, docsOf(data));
  const withSam = {
    ...data,
    people: [
      { id: 'sam', name: 'Sam Ortiz', email: '', isResident: false, positions: [], notes: '' },
      ...data.people,
    ],
  };
  theirs = serializeBackup(withSam, { exportedAt: '2026-03-01T15:00:00.000Z', appVersion: '9.9.9' });
});
afterEach(() => {
  cleanup();
  db.close();
  delete w.api;
});

function startMerge() {
  render(
    <>
      <MergeFlow db={db} townName="Harbor Falls" />
      <Toasts />
    </>,
  );
  act(() => useMergeRequests.getState().requestMerge());
}

/** The check and the plan fingerprint every record of the catalog: more than a blink on a busy machine. */
const WAIT = { timeout: 10000 };

const people = async () => (await loadTownData(db))!.people.map((p) => p.name);

describe('MergeFlow in the desktop app', () => {
  it('previews, writes a beforeMerge backup of the current data, then merges and says so', async () => {
    const api = fakeApi(theirs);
    startMerge();
    const preview = await screen.findByRole('dialog', { name: 'Merge this backup?' }, WAIT);
    expect(preview.textContent).toContain('1 new, 0 changed, 0 conflicts');
    expect(preview.textContent).toContain('New — Person: Sam Ortiz');
    expect(preview.textContent).toContain(
      'A copy of your current data is saved in the backups folder first.',
    );
    expect(await people()).toEqual([]);

    await userEvent.click(within(preview).getByRole('button', { name: 'Merge' }));
    expect(await screen.findByText('Merged: 1 new, 0 changed.', {}, WAIT)).toBeTruthy();
    expect(await people()).toEqual(['Sam Ortiz']);
    const [safety] = api.writeAutoBackup.mock.calls[0]!;
    expect(safety.reason).toBe('beforeMerge');
    expect(JSON.parse(safety.json ?? 'null').data.people).toEqual([]);
  });

  it('merges nothing unless the copy of the current data was written and read back', async () => {
    const api = fakeApi(theirs);
    api.writeAutoBackup.mockResolvedValueOnce({ status: 'error', message: 'the disk is full' });
    startMerge();
    const preview = await screen.findByRole('dialog', { name: 'Merge this backup?' }, WAIT);
    await userEvent.click(within(preview).getByRole('button', { name: 'Merge' }));
    expect(
      await screen.findByText('Nothing was merged, because the copy of your current data failed.', {}, WAIT),
    ).toBeTruthy();
    expect(await people()).toEqual([]);
  });

  it('refuses a bad file with the restore’s plain words, changing nothing', async () => {
    fakeApi('{"format":"equity-training-ledger-backup",');
    startMerge();
    const refused = await screen.findByRole('dialog', { name: 'This backup cannot be merged' }, WAIT);
    expect(refused.textContent).toContain('Nothing was changed.');
    expect(await people()).toEqual([]);
  });

  it('asks before merging a backup of another town, and previews it only when the clerk goes on', async () => {
    const data = JSON.parse(theirs) as { data: TownData };
    const renamed = { ...data.data, town: { ...data.data.town, name: 'Maple Hollow' } };
    fakeApi(serializeBackup(renamed, { exportedAt: '2026-03-01T15:00:00.000Z', appVersion: '9.9.9' }));
    startMerge();
    const ask = await screen.findByRole('dialog', { name: 'This backup is of another town' }, WAIT);
    expect(ask.textContent).toContain(
      'The backup is of Maple Hollow, but this computer keeps the records of Harbor Falls.',
    );
    await userEvent.click(within(ask).getByRole('button', { name: 'It is our town: go on' }));
    const preview = await screen.findByRole('dialog', { name: 'Merge this backup?' }, WAIT);
    // The town record follows the same rules: renamed only over there, so it is a change.
    expect(preview.textContent).toContain('1 new, 1 changed, 0 conflicts');
    expect(await people()).toEqual([]);
  });
});

describe('the share history', () => {
  it('is recorded when the clerk saves a backup by hand', async () => {
    fakeApi(theirs);
    await putPerson(db, { id: 'ana', name: 'Ana Ruiz' });
    expect((await readShareHistory(db)).has('person:ana')).toBe(false);
    await exportBackupToFile(db, 'Harbor Falls');
    expect((await readShareHistory(db)).get('person:ana')).toHaveLength(1);
    // An automatic backup is not a share.
    await putPerson(db, { id: 'bo', name: 'Bo Chen' });
    expect((await writeAutomaticBackup(db, 'daily')).status).toBe('written');
    expect((await readShareHistory(db)).has('person:bo')).toBe(false);
  });
});

describe('the counts in words', () => {
  it('reads as the preview and the toast say them', () => {
    expect(countsInWords({ added: 12, changed: 3, conflicts: 1 })).toBe('12 new, 3 changed, 1 conflict');
    expect(mergedInWords({ added: 12, changed: 3, conflicts: 1 })).toBe(
      'Merged: 12 new, 3 changed. 1 conflict to look at in Town › Sharing.',
    );
    expect(mergedInWords({ added: 0, changed: 2, conflicts: 2 })).toBe(
      'Merged: 0 new, 2 changed. 2 conflicts to look at in Town › Sharing.',
    );
  });
});
