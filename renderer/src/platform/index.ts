/**
 * The renderer's one door to the outside world. In the Electron app it calls
 * `window.api` (the preload's narrow, typed IPC methods); in a plain browser
 * (development, end-to-end tests, a web build) it falls back to downloads and a
 * file picker. Screens call these functions and never look at `window.api`.
 *
 * `window.api` is looked up on every call, so tests can install a fake one.
 */
import type {
  AutoBackupInfo,
  AutoBackupRequest,
  AutoBackupResult,
  LedgerApi,
  MenuCommand,
  OpenBytesResult,
  OpenTextResult,
  QuitAnswer,
  SaveResult,
  TextFileKind,
} from '../../../shared/ipc/contract';
import { today } from '../lib/today';
import { writeFolderBackup } from './web/backupFolder';
import { isWebEdition } from './web/edition';
import { recordBackup } from './web/lastBackup';

const api = (): LedgerApi | undefined => (typeof window === 'undefined' ? undefined : window.api);

/** True inside the Electron app (real save/open dialogs, automatic backups, a menu). */
export function isDesktop(): boolean {
  return api() !== undefined;
}

const mimeTypes: Record<TextFileKind | 'pdf', string> = {
  backup: 'application/json',
  csv: 'text/csv',
  pdf: 'application/pdf',
};

/** Browser fallback: hands the bytes to the browser's download (it saves to the Downloads folder). */
function download(name: string, blob: Blob): SaveResult {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL goes away.
  window.setTimeout(() => URL.revokeObjectURL(url), 10000);
  return { status: 'saved', fileName: name };
}

/** Save a PDF: a save dialog in the app, a download in the browser. */
export async function savePdf(suggestedName: string, bytes: Uint8Array): Promise<SaveResult> {
  const a = api();
  if (a) return a.savePdf({ suggestedName, bytes });
  return download(suggestedName, new Blob([bytes.slice().buffer], { type: mimeTypes.pdf }));
}

/** Save a backup or CSV text file: a save dialog in the app, a download in the browser. */
export async function saveText(kind: TextFileKind, suggestedName: string, text: string): Promise<SaveResult> {
  const a = api();
  if (a) return a.saveText({ kind, suggestedName, text });
  const result = download(suggestedName, new Blob([text], { type: `${mimeTypes[kind]};charset=utf-8` }));
  // The browser edition's note says how long ago the last backup was.
  if (kind === 'backup' && result.status === 'saved') recordBackup(today());
  return result;
}

const accept: Record<TextFileKind, string> = { backup: '.json,application/json', csv: '.csv,text/csv' };

/** Browser fallback: a hidden file input; resolves with the chosen file, or null when the picker was closed. */
function pickFile(kind: TextFileKind): Promise<File | null> {
  return new Promise<File | null>((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept[kind];
    input.style.display = 'none';
    input.setAttribute('data-testid', `open-${kind}-file`);
    const done = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('cancel', () => done(null));
    input.addEventListener('change', () => done(input.files?.[0] ?? null));
    document.body.appendChild(input);
    input.click();
  });
}

/** A file's bytes as the browser read them, or why it could not be read. */
async function readPicked(file: File): Promise<OpenBytesResult> {
  try {
    return { status: 'opened', fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  } catch (e) {
    return { status: 'error', message: e instanceof Error ? e.message : String(e) };
  }
}

/** A backup file as it reached the renderer: its bytes (browser) or its text, already strictly decoded by main (app). */
export type OpenBackupResult = OpenBytesResult | { status: 'opened'; fileName: string; text: string };

/**
 * Ask the user for a backup file. In a browser its bytes come back untouched, so
 * the restore worker decodes them strictly (a lenient `file.text()` would turn a
 * Latin-1 file's "é" into "�" without a word); in the app main does the same
 * before the text crosses IPC (electron/main/dialogs.ts).
 */
export async function openBackupFile(): Promise<OpenBackupResult> {
  const a = api();
  if (a) return a.openTextFile({ kind: 'backup' });
  const file = await pickFile('backup');
  return file === null ? { status: 'canceled' } : readPicked(file);
}

/** Ask the user for a CSV file and read its bytes (the importer works out the encoding). */
export async function openCsvFile(): Promise<OpenBytesResult> {
  const a = api();
  if (a) return a.openCsvFile();
  const file = await pickFile('csv');
  return file === null ? { status: 'canceled' } : readPicked(file);
}

/**
 * Write an automatic backup: the app's backups folder in the desktop app; in the browser edition
 * the backup folder the clerk chose (where the browser can write to folders), else it is skipped.
 * `json: null` on quit tells the app there is nothing to back up, so it can close at once.
 */
export async function writeAutoBackup(request: AutoBackupRequest): Promise<AutoBackupResult> {
  const a = api();
  if (a) return a.writeAutoBackup(request);
  if (!isWebEdition() || request.json === null)
    return { status: 'skipped', why: 'automatic backups are only written by the desktop app' };
  const date = today();
  const result = await writeFolderBackup(request.json, date);
  if (result.status === 'skipped') return result;
  recordBackup(date);
  // Nothing is ever deleted from the clerk’s own folder.
  return { status: 'written', fileName: result.fileName, kept: 1, removed: 0 };
}

/** The automatic backups the app has written, newest first (none in the browser, which writes none). */
export async function listAutoBackups(): Promise<AutoBackupInfo[]> {
  const a = api();
  if (a) return a.listAutoBackups();
  return [];
}

/** Read one automatic backup by its file name from `listAutoBackups` (app only). */
export async function readAutoBackup(fileName: string): Promise<OpenTextResult> {
  const a = api();
  if (a) return a.readAutoBackup({ fileName });
  return { status: 'error', message: 'automatic backups are not available in the browser' };
}

/** Subscribe to the app menu's commands; a no-op in the browser (there is no menu). Returns the unsubscribe. */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  const a = api();
  if (a) return a.onMenuCommand(listener);
  return () => undefined;
}

/** Answers the app's quit handshake while the clerk decides about unsaved changes (desktop app only). */
export async function answerQuit(answer: QuitAnswer): Promise<void> {
  await api()?.answerQuit({ answer });
}

/** Tells the app menu whether the sample town is open (desktop app only; the browser has no menu). */
export async function setSampleOpen(open: boolean): Promise<void> {
  await api()?.setSampleOpen({ open });
}

/** Open the folder with the automatic backups (desktop app only; does nothing in the browser). */
export async function openDataFolder(): Promise<void> {
  await api()?.openDataFolder();
}

/** The app's version for backup files (from the app in Electron, from the build otherwise). */
export async function appVersion(): Promise<string> {
  const a = api();
  if (a) {
    try {
      return (await a.appInfo()).version;
    } catch {
      // Fall through to the build's own version.
    }
  }
  return BUILD_VERSION;
}

/** The version this renderer was built as (package.json), used when the app cannot be asked. */
export const BUILD_VERSION = '0.1.0';
