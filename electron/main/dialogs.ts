/**
 * Save and open dialogs. Every path main reads or writes on the renderer's behalf
 * comes from a dialog opened here; the renderer only ever sees a file's base name.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { app, dialog, shell } from 'electron';
import type { BrowserWindow, FileFilter } from 'electron';
import { decodeBackupBytes } from '../../shared/backup/bytes';
import type { OpenBytesResult, OpenTextResult, SaveResult, TextFileKind } from '../../shared/ipc/contract';
import { writeFileAtomic } from './atomic-write';
import { describeFsError } from './backups';

/** The largest text file the app opens (a backup or a CSV roster is far smaller). */
export const MAX_OPEN_BYTES = 64 * 1024 * 1024;

const textFilters: Record<TextFileKind, FileFilter[]> = {
  backup: [{ name: 'Equity Training Ledger backup', extensions: ['json'] }],
  csv: [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }],
};
const textExtension: Record<TextFileKind, string> = { backup: '.json', csv: '.csv' };
const fallbackName: Record<TextFileKind | 'pdf', string> = {
  backup: 'backup.json',
  csv: 'export.csv',
  pdf: 'packet.pdf',
};

/**
 * A file name safe to offer as a dialog default on every platform: no folders, no
 * characters Windows refuses, no control characters, not too long; falls back to a
 * plain name when nothing is left.
 */
export function safeFileName(suggested: string, extension: string, fallback: string): string {
  const name = basename(suggested.replace(/\\/g, '/'))
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is being removed
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 120);
  if (name === '') return fallback;
  return extname(name).toLowerCase() === extension ? name : `${name}${extension}`;
}

/** Adds the expected extension when the user typed a name without one (Linux dialogs do not). */
export function withExtension(path: string, extension: string): string {
  return extname(path).toLowerCase() === extension ? path : `${path}${extension}`;
}

const defaultPath = (name: string): string => join(app.getPath('documents'), name);

async function saveBytes(
  window: BrowserWindow,
  title: string,
  name: string,
  extension: string,
  filters: FileFilter[],
  bytes: Uint8Array | string,
): Promise<SaveResult & { path?: string }> {
  const choice = await dialog.showSaveDialog(window, { title, defaultPath: defaultPath(name), filters });
  if (choice.canceled || !choice.filePath) return { status: 'canceled' };
  const path = withExtension(choice.filePath, extension);
  try {
    // Often over an existing file (last month's backup, yesterday's packet): a full disk or a
    // crash half-way must leave that file as it was, so never write it in place.
    await writeFileAtomic(path, bytes);
    return { status: 'saved', fileName: basename(path), path };
  } catch (e) {
    return { status: 'error', message: `${basename(path)} could not be saved (${describeFsError(e)})` };
  }
}

/** Save dialog → write the PDF → offer to open it in the computer's PDF viewer. */
export async function savePdf(
  window: BrowserWindow,
  request: { suggestedName: string; bytes: Uint8Array },
): Promise<SaveResult> {
  const name = safeFileName(request.suggestedName, '.pdf', fallbackName.pdf);
  const result = await saveBytes(
    window,
    'Save the PDF',
    name,
    '.pdf',
    [{ name: 'PDF document', extensions: ['pdf'] }],
    request.bytes,
  );
  if (result.status !== 'saved' || result.path === undefined) return result;
  const { path, ...saved } = result;
  const answer = await dialog.showMessageBox(window, {
    type: 'info',
    message: `${saved.fileName} was saved.`,
    detail: 'Open it now to check it or print it?',
    buttons: ['Open the PDF', 'Not now'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  if (answer.response === 0) {
    // The path came from the save dialog above and was just written by us.
    const problem = await shell.openPath(path);
    if (problem !== '') {
      await dialog.showMessageBox(window, {
        type: 'warning',
        message: `${saved.fileName} was saved, but could not be opened.`,
        detail: problem,
      });
    }
  }
  return saved;
}

/** Save dialog → write a backup or CSV text file. */
export async function saveText(
  window: BrowserWindow,
  request: { kind: TextFileKind; suggestedName: string; text: string },
): Promise<SaveResult> {
  const extension = textExtension[request.kind];
  const name = safeFileName(request.suggestedName, extension, fallbackName[request.kind]);
  const title = request.kind === 'backup' ? 'Save a backup' : 'Save a CSV file';
  const result = await saveBytes(window, title, name, extension, textFilters[request.kind], request.text);
  if (result.status !== 'saved') return result;
  return { status: 'saved', fileName: result.fileName };
}

type PickedFile =
  | { status: 'read'; fileName: string; bytes: Buffer }
  | { status: 'canceled' }
  | { status: 'error'; message: string };

/** Open dialog → the chosen file's bytes, refusing folders and files over 64 MB in plain words. */
async function pickAndRead(window: BrowserWindow, kind: TextFileKind): Promise<PickedFile> {
  const choice = await dialog.showOpenDialog(window, {
    title: kind === 'backup' ? 'Choose a backup file' : 'Choose a CSV file',
    defaultPath: app.getPath('documents'),
    properties: ['openFile'],
    filters: [...textFilters[kind], { name: 'All files', extensions: ['*'] }],
  });
  const path = choice.filePaths[0];
  if (choice.canceled || path === undefined) return { status: 'canceled' };
  const fileName = basename(path);
  try {
    const info = await stat(path);
    if (!info.isFile()) return { status: 'error', message: `${fileName} is not a file` };
    if (info.size > MAX_OPEN_BYTES) {
      return { status: 'error', message: `${fileName} is too large to open (more than 64 MB)` };
    }
    return { status: 'read', fileName, bytes: await readFile(path) };
  } catch (e) {
    return { status: 'error', message: `${fileName} could not be read (${describeFsError(e)})` };
  }
}

/** Open dialog → read one backup or CSV file as UTF-8 text. */
export async function openTextFile(
  window: BrowserWindow,
  request: { kind: TextFileKind },
): Promise<OpenTextResult> {
  const picked = await pickAndRead(window, request.kind);
  if (picked.status !== 'read') return picked;
  const { fileName, bytes } = picked;
  if (request.kind !== 'backup') return { status: 'opened', fileName, text: bytes.toString('utf8') };
  // The byte boundary for backups: strict UTF-8 (and a spreadsheet or PDF named as such), never "�".
  const decoded = decodeBackupBytes(bytes);
  if (!decoded.ok)
    return { status: 'error', message: decoded.errors[0]?.plain ?? 'the file is not a backup' };
  return { status: 'opened', fileName, text: decoded.text };
}

/**
 * Open dialog → read one CSV file as bytes. The renderer decodes them: a CSV from
 * Excel is often Windows-1252 or UTF-16, which reading as UTF-8 here would garble.
 */
export async function openCsvFile(window: BrowserWindow): Promise<OpenBytesResult> {
  const picked = await pickAndRead(window, 'csv');
  if (picked.status !== 'read') return picked;
  // A plain Uint8Array (not a Node Buffer view into a shared pool) crosses IPC as exactly these bytes.
  return { status: 'opened', fileName: picked.fileName, bytes: new Uint8Array(picked.bytes) };
}
