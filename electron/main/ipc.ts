/**
 * One validated handler per invoke channel of the IPC contract.
 *
 * Main trusts nothing the renderer sends: a request from any sender other than
 * our window's main frame on our origin is refused, and every argument arrives
 * as `unknown` and is checked with a zod schema before anything is done with it.
 * A refused request rejects the renderer's promise with a clear message; failures
 * while doing the work (a full disk, a cancelled dialog) are ordinary results.
 */
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { issuesToErrors, plainEnglish } from '../../shared/backup';
import { invokeChannels, quitAnswers, textFileKinds } from '../../shared/ipc/contract';
import type {
  AppInfo,
  LedgerApi,
  OpenBytesResult,
  OpenTextResult,
  QuitAnswer,
  SaveResult,
  TextFileKind,
} from '../../shared/ipc/contract';
import { autoBackupReasons, MAX_BACKUP_CHARS } from './backups';
import type { BackupStore } from './backups';
import { MAX_PASSWORD_CHARS } from './sharing';
import type { SharingService } from './sharing';

/** The largest PDF main will write (a packet with many pages is a few MB). */
export const MAX_PDF_BYTES = 256 * 1024 * 1024;
/** The largest backup or CSV text main will write. */
export const MAX_TEXT_CHARS = MAX_BACKUP_CHARS;

const fileNameText = z.string().max(255);
const startsWithPdfMagic = (bytes: Uint8Array): boolean =>
  bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';

/** The request schema of each channel that takes one; the rest take no argument at all. */
export const requestSchemas = {
  savePdf: z.strictObject({
    suggestedName: fileNameText,
    bytes: z
      .instanceof(Uint8Array, { error: 'must be the bytes of a PDF' })
      .refine((b) => b.byteLength <= MAX_PDF_BYTES, 'is too large to be a packet')
      .refine(startsWithPdfMagic, 'must be the bytes of a PDF (they start with %PDF-)'),
  }),
  saveText: z.strictObject({
    kind: z.enum(textFileKinds),
    suggestedName: fileNameText,
    text: z.string().max(MAX_TEXT_CHARS),
  }),
  openTextFile: z.strictObject({ kind: z.enum(textFileKinds) }),
  writeAutoBackup: z
    .strictObject({
      reason: z.enum(autoBackupReasons),
      // null: nothing to back up (no town yet); only the quit handshake needs an answer for that.
      json: z.string().max(MAX_BACKUP_CHARS).nullable(),
    })
    .refine((r) => r.json !== null || r.reason === 'quit', {
      path: ['json'],
      message: 'must be the backup text (only the backup on quit may send none)',
    }),
  readAutoBackup: z.strictObject({ fileName: z.string().max(200) }),
  answerQuit: z.strictObject({ answer: z.enum(quitAnswers) }),
  setSampleOpen: z.strictObject({ open: z.boolean() }),
  // Only the sizes here: what the text means is checked by `checkSharingSettings`, with messages per box.
  saveSharing: z.strictObject({
    serverUrl: z.string().max(2000),
    database: z.string().max(300),
    username: z.string().max(300),
    password: z.string().max(MAX_PASSWORD_CHARS),
    remember: z.boolean(),
  }),
  setSharingActive: z.strictObject({ active: z.boolean() }),
} as const;

/** Thrown (and so sent to the renderer as a rejected promise) when a request is refused. */
export class IpcRefusedError extends Error {
  override name = 'IpcRefusedError';
}

/** Validates a channel's arguments: exactly one request matching `schema`, or none when `schema` is null. */
export function validateRequest<T>(
  channel: string,
  schema: z.ZodType<T> | null,
  args: readonly unknown[],
): T {
  if (schema === null) {
    if (args.length === 0 || (args.length === 1 && args[0] === undefined)) return undefined as T;
    throw new IpcRefusedError(`${channel} refused the request: it takes no argument`);
  }
  if (args.length !== 1) {
    throw new IpcRefusedError(`${channel} refused the request: it takes exactly one request object`);
  }
  const parsed = schema.safeParse(args[0], { error: plainEnglish });
  if (parsed.success) return parsed.data;
  const problems = issuesToErrors(parsed.error.issues)
    .map((e) => (e.path === '' ? `the request ${e.message}` : `${e.path} ${e.message}`))
    .join('; ');
  throw new IpcRefusedError(`${channel} refused the request: ${problems}`);
}

/** The part of `ipcMain` this module uses (a fake in tests). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
}

/** What the handlers do once a request has passed the checks. */
export interface IpcDeps {
  /** True only for our window's main frame on our origin (see security.ts `createSenderCheck`). */
  isTrustedSender(event: IpcMainInvokeEvent): boolean;
  /** The window a dialog should belong to. */
  windowOf(event: IpcMainInvokeEvent): BrowserWindow | null;
  backups: BackupStore;
  dialogs: {
    savePdf(
      window: BrowserWindow,
      request: { suggestedName: string; bytes: Uint8Array },
    ): Promise<SaveResult>;
    saveText(
      window: BrowserWindow,
      request: { kind: TextFileKind; suggestedName: string; text: string },
    ): Promise<SaveResult>;
    openTextFile(window: BrowserWindow, request: { kind: TextFileKind }): Promise<OpenTextResult>;
    openCsvFile(window: BrowserWindow): Promise<OpenBytesResult>;
  };
  appInfo(): AppInfo;
  openDataFolder(): Promise<void>;
  /** Told after a 'quit' backup was handled (written, skipped or failed), so the quit can go on. */
  onQuitBackupHandled(): void;
  /** The renderer is asking the clerk about unsaved changes ('asking') or keeps the window open ('stay'). */
  onQuitAnswer(answer: QuitAnswer): void;
  /** Shows or hides File › Start my own town…. */
  setSampleOpen(open: boolean): void;
  /** Town › Sharing's settings and password (sharing.ts). */
  sharing: SharingService;
  /** Reloads the asking window, so its page gets the policy for the current sharing settings. */
  reloadWindow(window: BrowserWindow): void;
}

type Channel = keyof typeof invokeChannels;
/** What each channel's handler resolves to: exactly the contract's return type. */
type Reply<C extends Channel> = Awaited<ReturnType<LedgerApi[C]>>;

export function registerIpcHandlers(ipcMain: IpcMainLike, deps: IpcDeps): void {
  function handle<C extends Channel, T>(
    name: C,
    schema: z.ZodType<T> | null,
    work: (request: T, event: IpcMainInvokeEvent) => Promise<Reply<C>> | Reply<C>,
  ): void {
    const channel = invokeChannels[name];
    ipcMain.handle(channel, async (event, ...args) => {
      if (!deps.isTrustedSender(event)) {
        throw new IpcRefusedError(
          `${channel} refused the request: it did not come from the app's own window`,
        );
      }
      const request = validateRequest(channel, schema, args);
      return work(request, event);
    });
  }

  const windowFor = (event: IpcMainInvokeEvent): BrowserWindow => {
    const window = deps.windowOf(event);
    if (!window) throw new IpcRefusedError('there is no app window to show the dialog on');
    return window;
  };

  handle('savePdf', requestSchemas.savePdf, (r, e) => deps.dialogs.savePdf(windowFor(e), r));
  handle('saveText', requestSchemas.saveText, (r, e) => deps.dialogs.saveText(windowFor(e), r));
  handle('openTextFile', requestSchemas.openTextFile, (r, e) => deps.dialogs.openTextFile(windowFor(e), r));
  handle('openCsvFile', null, (_r, e) => deps.dialogs.openCsvFile(windowFor(e)));
  handle('writeAutoBackup', requestSchemas.writeAutoBackup, async (r) => {
    try {
      if (r.json === null) return { status: 'skipped', why: 'there is no town yet, so nothing to back up' };
      return await deps.backups.write(r.reason, r.json);
    } finally {
      if (r.reason === 'quit') deps.onQuitBackupHandled();
    }
  });
  handle('listAutoBackups', null, () => deps.backups.list());
  handle('readAutoBackup', requestSchemas.readAutoBackup, (r) => deps.backups.read(r.fileName));
  handle('appInfo', null, () => deps.appInfo());
  handle('openDataFolder', null, () => deps.openDataFolder());
  handle('answerQuit', requestSchemas.answerQuit, (r) => deps.onQuitAnswer(r.answer));
  handle('setSampleOpen', requestSchemas.setSampleOpen, (r) => deps.setSampleOpen(r.open));
  handle('getSharing', null, () => deps.sharing.status());
  handle('saveSharing', requestSchemas.saveSharing, (r) => deps.sharing.save(r));
  handle('sharingPassword', null, () => deps.sharing.password());
  handle('setSharingActive', requestSchemas.setSharingActive, (r) => deps.sharing.setActive(r.active));
  handle('forgetSharing', null, () => deps.sharing.forget());
  handle('reloadForSharing', null, (_r, e) => deps.reloadWindow(windowFor(e)));
}
