/**
 * Backup actions shared by the Town screen's "Your data" panel, the app menu and
 * the start-up timer. They talk to the user through toasts.
 */
import { exportBackup } from '../../db/backup';
import { backupWithDocs, recordSharedVersions } from '../../db/merge';
import type { AppDB } from '../../db/schema';
import { NoTownError } from '../../db/repositories';
import type { AutoBackupReason, AutoBackupResult } from '../../../shared/ipc/contract';
import { appVersion, isDesktop, saveText, writeAutoBackup } from '../platform';
import { today } from '../lib/today';
import { notify } from '../store/ui';

const slug = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);

/** e.g. `harbor-falls-backup-2026-03-01.json`. */
export function backupFileName(townName: string, date: string = today()): string {
  const town = slug(townName);
  return `${town ? `${town}-` : ''}backup-${date}.json`;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Export everything to a backup file the user chooses (a download in the browser). Returns whether it was saved. */
export async function exportBackupToFile(db: AppDB, townName: string): Promise<boolean> {
  try {
    const { json, docs } = await backupWithDocs(db, { appVersion: await appVersion() });
    const result = await saveText('backup', backupFileName(townName), json);
    if (result.status === 'saved') {
      // A backup saved by hand is usually for someone: what it holds counts as shared,
      // so merging their copy later can tell their changes from ours.
      await recordSharedVersions(db, docs);
      notify({
        kind: 'success',
        text: `Backup saved as ${result.fileName}. Keep it somewhere safe, such as a USB stick.`,
      });
      return true;
    }
    if (result.status === 'error')
      notify({ kind: 'error', text: `The backup was not saved: ${result.message}` });
    return false;
  } catch (e) {
    notify({ kind: 'error', text: `The backup was not saved: ${message(e)}` });
    return false;
  }
}

/**
 * Write an automatic backup in the app's backups folder (desktop app only; the
 * main process skips a daily one when today's exists). Errors become a toast;
 * "no town yet" is not an error. On quit the app waits for our answer, so even
 * with no town we tell it there is nothing to back up rather than stay silent.
 */
export async function writeAutomaticBackup(db: AppDB, reason: AutoBackupReason): Promise<AutoBackupResult> {
  let result: AutoBackupResult;
  try {
    let json: string | null;
    try {
      json = await exportBackup(db, { appVersion: await appVersion() });
    } catch (e) {
      if (!(e instanceof NoTownError)) throw e;
      json = null;
    }
    if (json === null) {
      if (reason !== 'quit') return { status: 'skipped', why: 'there is no town yet' };
      result = await writeAutoBackup({ reason, json: null });
    } else {
      result = await writeAutoBackup({ reason, json });
    }
  } catch (e) {
    result = { status: 'error', message: message(e) };
  }
  if (result.status === 'error') {
    notify({ kind: 'error', text: `The automatic backup could not be written: ${result.message}` });
  }
  return result;
}

/**
 * The copy of the current data a merge writes first: an automatic 'beforeMerge' backup in
 * the desktop app (read back by main before it says 'written'), a downloaded file in a
 * browser. Returns whether it was made; a failure has already been told in a toast.
 */
export async function backupBeforeMerge(db: AppDB, townName: string): Promise<boolean> {
  if (isDesktop()) return (await writeAutomaticBackup(db, 'beforeMerge')).status === 'written';
  try {
    const json = await exportBackup(db, { appVersion: await appVersion() });
    const result = await saveText('backup', backupFileName(`${townName} before merge`), json);
    if (result.status === 'saved') return true;
    if (result.status === 'error')
      notify({ kind: 'error', text: `The copy of your current data was not saved: ${result.message}` });
    return false;
  } catch (e) {
    notify({ kind: 'error', text: `The copy of your current data was not saved: ${message(e)}` });
    return false;
  }
}
