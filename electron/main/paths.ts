/**
 * Where the app keeps its data. The userData folder is pinned by name, not left to
 * Electron's default (which follows package.json's `name`/`productName` and differs
 * between `electron-vite dev` and an installed build): renaming the app or its
 * package must never point it at an empty folder and "lose" the database.
 */
import { join } from 'node:path';
import type { App } from 'electron';

/** The folder under the OS's application-data folder. Never change this: existing data lives there. */
export const DATA_FOLDER_NAME = 'Equity Training Ledger';
/** Automatic backups live in this sub-folder of userData. */
export const BACKUPS_FOLDER_NAME = 'backups';

/** Pins userData (and with it IndexedDB, the session and the single-instance lock). Call before `ready`. */
export function pinUserDataPath(app: Pick<App, 'getPath' | 'setPath'>): string {
  const userData = join(app.getPath('appData'), DATA_FOLDER_NAME);
  app.setPath('userData', userData);
  return userData;
}

export const backupsFolder = (userData: string): string => join(userData, BACKUPS_FOLDER_NAME);
