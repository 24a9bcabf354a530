/**
 * The one IPC contract between the sandboxed renderer and the main process.
 *
 * Channel names live only here. The preload exposes `LedgerApi` as
 * `window.api` (and `satisfies` it); main registers one validated handler per
 * invoke channel. The renderer never receives a file path it could pass back:
 * every path comes from a dialog that main itself opened.
 */
import type { ServerProblem } from '../sync/server';
import type { SharingSettings } from '../sync/settings';

/** renderer → main request/response channels (ipcRenderer.invoke / ipcMain.handle). */
export const invokeChannels = {
  savePdf: 'ledger:save-pdf',
  saveText: 'ledger:save-text',
  openTextFile: 'ledger:open-text-file',
  openCsvFile: 'ledger:open-csv-file',
  writeAutoBackup: 'ledger:write-auto-backup',
  listAutoBackups: 'ledger:list-auto-backups',
  readAutoBackup: 'ledger:read-auto-backup',
  appInfo: 'ledger:app-info',
  openDataFolder: 'ledger:open-data-folder',
  answerQuit: 'ledger:answer-quit',
  setSampleOpen: 'ledger:set-sample-open',
  getSharing: 'ledger:sharing-get',
  saveSharing: 'ledger:sharing-save',
  sharingPassword: 'ledger:sharing-password',
  setSharingActive: 'ledger:sharing-set-active',
  forgetSharing: 'ledger:sharing-forget',
  reloadForSharing: 'ledger:sharing-reload',
} as const;

/** main → renderer events (webContents.send / ipcRenderer.on). */
export const eventChannels = {
  menuCommand: 'ledger:menu-command',
} as const;

/** What a menu item asks the renderer to do; the renderer owns the data, so it does the work. */
export const menuCommands = [
  'newBackup',
  'restoreBackup',
  'mergeBackup',
  'importPeopleCsv',
  'createPacket',
  'autoBackupOnQuit',
  'startOwnTown',
  'eraseRecords',
] as const;
export type MenuCommand = (typeof menuCommands)[number];

/** The kinds of text file the app saves or opens; main picks dialog filters from these, never from renderer input. */
export const textFileKinds = ['backup', 'csv'] as const;
export type TextFileKind = (typeof textFileKinds)[number];

export type SaveResult =
  { status: 'saved'; fileName: string } | { status: 'canceled' } | { status: 'error'; message: string };

export type OpenTextResult =
  | { status: 'opened'; fileName: string; text: string }
  | { status: 'canceled' }
  | { status: 'error'; message: string };

/** A file's bytes, for files whose encoding the renderer works out (a CSV from Excel may not be UTF-8). */
export type OpenBytesResult =
  | { status: 'opened'; fileName: string; bytes: Uint8Array }
  | { status: 'canceled' }
  | { status: 'error'; message: string };

export type AutoBackupReason = 'daily' | 'quit' | 'beforeRestore' | 'beforeErase' | 'beforeMerge';

/**
 * The renderer's answer while main waits to close (the quit handshake): 'asking' = a form
 * has unsaved changes and the clerk is being asked, so wait without the hung-renderer
 * timeout; 'stay' = the clerk chose to keep editing, so the window stays open.
 */
export const quitAnswers = ['asking', 'stay'] as const;
export type QuitAnswer = (typeof quitAnswers)[number];

/**
 * What the renderer asks main to write. `json: null` is allowed only on quit and
 * means "there is nothing to back up yet" (no town): main answers at once with
 * `skipped`, so the quit is not held up waiting for a backup that will never come.
 */
export type AutoBackupRequest = { reason: AutoBackupReason; json: string } | { reason: 'quit'; json: null };

export type AutoBackupResult =
  | { status: 'written'; fileName: string; kept: number; removed: number }
  | { status: 'skipped'; why: string }
  | { status: 'error'; message: string };

export interface AutoBackupInfo {
  fileName: string;
  /** ISO timestamp of when it was written. */
  writtenAt: string;
  bytes: number;
}

export interface AppInfo {
  name: string;
  version: string;
  userDataPath: string;
  backupsPath: string;
  keepBackups: number;
}

/**
 * Where the sharing password is kept: 'encrypted' on disk by the system keyring (Electron's
 * safeStorage), or 'this-session': in memory until the app closes (the clerk did not ask to
 * remember it, or this computer has no keyring), so the clerk types it again next time.
 */
export type PasswordKept = 'encrypted' | 'this-session';

/** Sharing on this computer as main knows it; never the password itself. */
export interface SharingStatus {
  /** Null: sharing is not set up (or its file could not be read: see `notice`). */
  settings: SharingSettings | null;
  /** Null: no password is kept (set up in an earlier run without a keyring): ask the clerk for it. */
  passwordKept: PasswordKept | null;
  /** A plain sentence for Town › Sharing when something needs the clerk (a damaged file, a lost password), else null. */
  notice: string | null;
}

/** What the clerk typed in Town › Sharing (or Join a shared town). */
export interface SharingSaveRequest {
  serverUrl: string;
  database: string;
  username: string;
  password: string;
  /** Keep the password (encrypted) for the next run; false: this run only. */
  remember: boolean;
}

export type SharingFieldErrors = Partial<Record<'serverUrl' | 'database' | 'username' | 'password', string>>;

/**
 * Save's answer. `ok: true`: the server accepted the credentials and they are kept; `message`
 * says where the password is (show it). The page then needs a reload for the new
 * Content-Security-Policy: call `reloadForSharing()` once no form has unsaved changes.
 * `ok: false`: nothing was kept; `fieldErrors` by box, or `problem` with the server, and
 * `message` in words either way.
 */
export type SharingSaveResult =
  | { ok: true; settings: SharingSettings; passwordKept: PasswordKept; message: string }
  | { ok: false; fieldErrors?: SharingFieldErrors; problem?: ServerProblem; message: string };

export type SharingForgetResult = { ok: true } | { ok: false; message: string };

/** The API the preload exposes as `window.api`. A few narrow, named methods; no generic invoke. */
export interface LedgerApi {
  /** Ask where to save a PDF (save dialog in main), write it, and offer to open it. */
  savePdf(request: { suggestedName: string; bytes: Uint8Array }): Promise<SaveResult>;
  /** Ask where to save a backup or CSV file and write it. */
  saveText(request: { kind: TextFileKind; suggestedName: string; text: string }): Promise<SaveResult>;
  /** Ask for a backup or CSV file to open (open dialog in main) and return its text. */
  openTextFile(request: { kind: TextFileKind }): Promise<OpenTextResult>;
  /** Ask for a CSV file to open and return its bytes, undecoded (the importer detects the encoding). */
  openCsvFile(): Promise<OpenBytesResult>;
  /** Write an automatic backup into userData/backups and rotate old ones (`json: null`: nothing to back up on quit). */
  writeAutoBackup(request: AutoBackupRequest): Promise<AutoBackupResult>;
  /** The automatic backups in userData/backups, newest first. */
  listAutoBackups(): Promise<AutoBackupInfo[]>;
  /** Read one automatic backup by the file name `listAutoBackups` returned (never a path). */
  readAutoBackup(request: { fileName: string }): Promise<OpenTextResult>;
  appInfo(): Promise<AppInfo>;
  openDataFolder(): Promise<void>;
  /** Answers the quit handshake's 'autoBackupOnQuit' when the clerk has unsaved changes (see `QuitAnswer`). */
  answerQuit(request: { answer: QuitAnswer }): Promise<void>;
  /** Tells main whether the sample town is open, so File › Start my own town… shows only then. */
  setSampleOpen(request: { open: boolean }): Promise<void>;
  /** Sharing as set up on this computer (settings, where the password is, a notice), never the password. */
  getSharing(): Promise<SharingStatus>;
  /** Checks the settings, asks the server whether it accepts them, and only then keeps them (see `SharingSaveResult`). */
  saveSharing(request: SharingSaveRequest): Promise<SharingSaveResult>;
  /** The password for the sync engine to talk to the server, or null when none is kept (ask the clerk). */
  sharingPassword(): Promise<string | null>;
  /** Pauses (false) or resumes (true) sharing; the policy keeps the server's origin while paused, so no reload. */
  setSharingActive(request: { active: boolean }): Promise<SharingStatus>;
  /** Removes the sharing settings and password; then call `reloadForSharing()` so the strict policy applies again. */
  forgetSharing(): Promise<SharingForgetResult>;
  /**
   * Reloads the window so the page gets the policy for the current sharing settings. Main never
   * reloads on its own: only the renderer knows whether a form has unsaved changes, so it calls
   * this after a successful save or forget, once it has checked (or asked about) them.
   */
  reloadForSharing(): Promise<void>;
  /** Subscribe to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
