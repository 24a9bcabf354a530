/**
 * The browser edition's backup folder: where the File System Access API exists (Chromium-based
 * browsers), the clerk may pick a folder once and the daily automatic backup is written there.
 * The folder's handle is kept in a small IndexedDB database of its own (not the town's data, so
 * a restore never touches it). Browsers forget the permission between visits: writing then needs
 * the clerk's click again (`askAgain`), which the note asks for in a plain sentence.
 *
 * A write goes through `createWritable()`, which writes to a temporary file and only replaces the
 * target when closed, so a half-written backup never takes the place of a good one.
 */

/** The parts of FileSystemDirectoryHandle this module uses (permissions are not in every DOM lib yet). */
export interface FolderHandle {
  readonly name: string;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<FileSystemFileHandle>;
  queryPermission(descriptor: { mode: 'readwrite' }): Promise<PermissionState>;
  requestPermission(descriptor: { mode: 'readwrite' }): Promise<PermissionState>;
}

type DirectoryPicker = (options: {
  id: string;
  mode: 'readwrite';
  startIn?: string;
}) => Promise<FolderHandle>;

const picker = (): DirectoryPicker | undefined =>
  typeof window === 'undefined'
    ? undefined
    : (window as unknown as { showDirectoryPicker?: DirectoryPicker }).showDirectoryPicker;

/** True where the browser can write backups into a folder the clerk picks. */
export function folderBackupsSupported(): boolean {
  return picker() !== undefined;
}

const DB_NAME = 'etl-web-edition';
const STORE = 'settings';
const HANDLE_KEY = 'backupFolder';

function openSettings(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('the browser refused its storage'));
  });
}

async function settings<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  const db = await openSettings();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = act(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result as T);
      request.onerror = () => reject(request.error ?? new Error('the browser refused its storage'));
    });
  } finally {
    db.close();
  }
}

/** Where the handle is kept (an object so tests can replace its methods; handles survive structured cloning, fakes do not). */
export const handleStore = {
  async get(): Promise<FolderHandle | null> {
    return (await settings<FolderHandle | undefined>('readonly', (s) => s.get(HANDLE_KEY))) ?? null;
  },
  async put(handle: FolderHandle): Promise<void> {
    await settings('readwrite', (s) => s.put(handle, HANDLE_KEY));
  },
};

export const savedFolder = (): Promise<FolderHandle | null> => handleStore.get();

/** Lets the clerk pick the backup folder; null when they cancel. */
export async function chooseBackupFolder(): Promise<FolderHandle | null> {
  const pick = picker();
  if (!pick) return null;
  let handle: FolderHandle;
  try {
    handle = await pick({ id: 'equity-ledger-backups', mode: 'readwrite', startIn: 'documents' });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') return null;
    throw e;
  }
  await handleStore.put(handle);
  return handle;
}

export type FolderState =
  | { kind: 'unsupported' }
  | { kind: 'none' }
  | { kind: 'ready'; name: string }
  /** The browser wants the clerk's click before it lets the app write there again. */
  | { kind: 'needsPermission'; name: string }
  | { kind: 'denied'; name: string };

export async function folderState(): Promise<FolderState> {
  if (!folderBackupsSupported()) return { kind: 'unsupported' };
  const handle = await savedFolder();
  if (!handle) return { kind: 'none' };
  const permission = await handle.queryPermission({ mode: 'readwrite' });
  if (permission === 'granted') return { kind: 'ready', name: handle.name };
  if (permission === 'prompt') return { kind: 'needsPermission', name: handle.name };
  return { kind: 'denied', name: handle.name };
}

/** Asks the browser for the folder permission again (call from the clerk's click). */
export async function askAgain(): Promise<boolean> {
  const handle = await savedFolder();
  if (!handle) return false;
  return (await handle.requestPermission({ mode: 'readwrite' })) === 'granted';
}

/** The daily backup's file name in the folder (one a day; a later one the same day replaces it). */
export const folderBackupName = (date: string): string => `equity-ledger-backup-${date}.json`;

/**
 * Writes `json` as the day's backup in the chosen folder. Only when the permission is already
 * granted: a write never pops up a permission prompt the clerk did not ask for.
 */
export async function writeFolderBackup(
  json: string,
  date: string,
): Promise<{ status: 'written'; fileName: string } | { status: 'skipped'; why: string }> {
  const handle = await savedFolder();
  if (!handle) return { status: 'skipped', why: 'no backup folder chosen' };
  if ((await handle.queryPermission({ mode: 'readwrite' })) !== 'granted')
    return { status: 'skipped', why: 'the browser needs permission for the backup folder again' };
  const fileName = folderBackupName(date);
  const file = await handle.getFileHandle(fileName, { create: true });
  const writable = await file.createWritable();
  try {
    await writable.write(json);
    await writable.close();
  } catch (e) {
    await writable.abort().catch(() => undefined);
    throw e;
  }
  return { status: 'written', fileName };
}
