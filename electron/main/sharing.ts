/**
 * Sharing settings on this computer (Town › Sharing): the server, the town's database and
 * the user name, and the password for it. The renderer's sync engine (renderer/sync/) asks for
 * them over IPC; main keeps them because only main can keep a password safely.
 *
 * - The settings are not secret: `sharing.json` in the user-data folder, written atomically.
 * - The password is never on disk in plain text, never logged and never in a backup (backups
 *   are the renderer's town data; this file is not part of them). It is encrypted with
 *   Electron's `safeStorage` (the system keychain, DPAPI or the Linux secret service) and
 *   stored beside the settings. When the system cannot encrypt (no keyring: `safeStorage`
 *   says so, or on Linux it would fall back to its 'basic_text' obfuscation), or the clerk
 *   did not ask to remember it, the password is kept in memory for this run only, and the
 *   result says so in plain words so Town › Sharing can tell the clerk.
 * - A bad or half-written file is ignored with a plain notice (sharing is then off), never a crash.
 * - Save first asks the server (`GET` the database with the credentials, through Electron's
 *   `net.fetch`) and keeps nothing unless the server accepted them.
 *
 * The Content-Security-Policy follows these settings (security.ts `contentSecurityPolicy`,
 * through `origin()`); a page loaded before a change keeps its old policy until it reloads,
 * which the renderer asks for with `reloadForSharing()` once its own forms are saved.
 */
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import {
  checkSharingSettings,
  databaseUrl,
  sharingOrigin,
  sharingSettingsSchema,
} from '../../shared/sync/settings';
import type { SharingSettings } from '../../shared/sync/settings';
import { probeMessage, readProbe } from '../../shared/sync/server';
import type { ProbeResult } from '../../shared/sync/server';
import type {
  PasswordKept,
  SharingFieldErrors,
  SharingForgetResult,
  SharingSaveRequest,
  SharingSaveResult,
  SharingStatus,
} from '../../shared/ipc/contract';
import { writeFileAtomic } from './atomic-write';
import { describeFsError } from './backups';

/** The file in the user-data folder. */
export const SHARING_FILE_NAME = 'sharing.json';

const FILE_FORMAT = 'equity-training-ledger-sharing';

/** The longest password main accepts (CouchDB has no limit; this only bounds the request). */
export const MAX_PASSWORD_CHARS = 1000;

/** How long Save waits for the server before saying it could not be reached. */
export const PROBE_TIMEOUT_MS = 15_000;

const fileSchema = z.strictObject({
  format: z.literal(FILE_FORMAT),
  version: z.literal(1),
  settings: sharingSettingsSchema,
  /** The password as `safeStorage` encrypted it, in base64; null when it is not kept on disk. */
  encryptedPassword: z.string().max(100_000).nullable(),
});
type SharingFile = z.infer<typeof fileSchema>;

/**
 * The part of Electron's `safeStorage` used here (a fake in tests): its asynchronous calls, which
 * Electron 45 recommends over the synchronous ones (deprecated there).
 */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  /** Linux only. */
  getSelectedStorageBackend?(): string;
}

export interface SharingStoreOptions {
  /** The user-data folder. */
  dir: string;
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  /** Told, in plain words, when the file had to be ignored (never with the file's content). */
  warn?: (message: string) => void;
}

export const NOTICE_UNREADABLE =
  'The sharing settings on this computer could not be read, so sharing is off. Set it up again in Town › Sharing.';
export const NOTICE_PASSWORD_UNREADABLE =
  'The saved password could not be read on this computer (its keyring may have changed). Type it again in Town › Sharing.';
export const NOTICE_PASSWORD_MISSING =
  'The password is not kept on this computer (it was to be remembered for one session only, or there is no safe place for it here). Type it again in Town › Sharing to sync.';

const MESSAGE_ENCRYPTED = 'Saved. The password is kept encrypted by this computer’s system keyring.';
const MESSAGE_NO_KEYRING =
  'Saved. This computer has no safe place for passwords (no system keyring), so the password is kept only until the app closes: you will type it again next time.';
const MESSAGE_NOT_REMEMBERED =
  'Saved. As you asked, the password is kept only until the app closes: you will type it again next time.';

export interface SharingStore {
  /** Reads the file (synchronously: it is tiny, and the policy must be known before the window loads). */
  load(): void;
  status(): SharingStatus;
  settings(): SharingSettings | null;
  /** The origin the CSP allows: the server's when sharing is set up (paused or not), else null. */
  origin(): string | null;
  /** The password, decrypted, or null when none is kept. */
  password(): Promise<string | null>;
  /** Keeps settings and password (encrypted when possible and asked); rejects with the file-system error. */
  save(settings: SharingSettings, password: string, remember: boolean): Promise<PasswordKept>;
  /** Pauses or resumes; rejects with the file-system error. */
  setActive(active: boolean): Promise<void>;
  /** Removes settings and password; rejects with the file-system error. */
  forget(): Promise<void>;
}

async function canEncrypt(safeStorage: SafeStorageLike, platform: NodeJS.Platform): Promise<boolean> {
  try {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) return false;
    // On Linux without a secret service, Chromium "encrypts" with a fixed key: that is plain text in disguise.
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return false;
    return true;
  } catch {
    return false;
  }
}

export function createSharingStore(options: SharingStoreOptions): SharingStore {
  const file = join(options.dir, SHARING_FILE_NAME);
  let stored: SharingFile | null = null;
  /** The password for this run only (not remembered, or no keyring). */
  let sessionPassword: string | null = null;
  /** The stored password once decrypted (so the keychain is asked once per run). */
  let decrypted: string | null = null;
  let notice: string | null = null;
  // One write at a time, in the order asked: two quick clicks never interleave their files.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const write = async (next: SharingFile): Promise<void> => {
    await writeFileAtomic(file, `${JSON.stringify(next, null, 2)}\n`);
  };

  const passwordKept = (): PasswordKept | null =>
    sessionPassword !== null ? 'this-session' : stored?.encryptedPassword ? 'encrypted' : null;

  return {
    load() {
      stored = null;
      notice = null;
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        if ((e as { code?: unknown }).code === 'ENOENT') return;
        notice = NOTICE_UNREADABLE;
        options.warn?.(`${file}: ${describeFsError(e)}; sharing is off.`);
        return;
      }
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        raw = undefined;
      }
      const parsed = fileSchema.safeParse(raw);
      // Settings must also pass today's checks (an http address elsewhere than localhost never does).
      const checked = parsed.success ? checkSharingSettings(parsed.data.settings) : null;
      if (!parsed.success || !checked?.ok) {
        notice = NOTICE_UNREADABLE;
        options.warn?.(`${file}: not readable sharing settings (damaged or half written); sharing is off.`);
        return;
      }
      stored = { ...parsed.data, settings: checked.settings };
      if (stored.encryptedPassword === null) notice = NOTICE_PASSWORD_MISSING;
    },
    status() {
      return { settings: stored?.settings ?? null, passwordKept: passwordKept(), notice };
    },
    settings() {
      return stored?.settings ?? null;
    },
    origin() {
      return stored ? sharingOrigin(stored.settings) : null;
    },
    async password() {
      if (sessionPassword !== null) return sessionPassword;
      if (decrypted !== null) return decrypted;
      const from = stored;
      const encrypted = from?.encryptedPassword;
      if (!from || !encrypted) return null;
      let answer: { result: string; shouldReEncrypt: boolean };
      try {
        answer = await options.safeStorage.decryptStringAsync(Buffer.from(encrypted, 'base64'));
      } catch {
        notice = NOTICE_PASSWORD_UNREADABLE;
        return null;
      }
      decrypted = answer.result;
      if (answer.shouldReEncrypt) {
        // The keyring rotated its key: store the password under the new one (best effort: the old still works).
        void serial(async () => {
          if (stored !== from) return;
          const next = {
            ...from,
            encryptedPassword: (await options.safeStorage.encryptStringAsync(answer.result)).toString(
              'base64',
            ),
          };
          await write(next);
          stored = next;
        }).catch(() => undefined);
      }
      return decrypted;
    },
    save(settings, password, remember) {
      return serial(async () => {
        const encrypt = remember && (await canEncrypt(options.safeStorage, options.platform));
        const next: SharingFile = {
          format: FILE_FORMAT,
          version: 1,
          settings,
          encryptedPassword: encrypt
            ? (await options.safeStorage.encryptStringAsync(password)).toString('base64')
            : null,
        };
        await write(next);
        stored = next;
        sessionPassword = encrypt ? null : password;
        decrypted = encrypt ? password : null;
        notice = null;
        return encrypt ? 'encrypted' : 'this-session';
      });
    },
    setActive(active) {
      return serial(async () => {
        if (stored === null || stored.settings.active === active) return;
        const next = { ...stored, settings: { ...stored.settings, active } };
        await write(next);
        stored = next;
      });
    },
    forget() {
      return serial(async () => {
        await rm(file, { force: true });
        stored = null;
        sessionPassword = null;
        decrypted = null;
        notice = null;
      });
    },
  };
}

/** The `fetch` main probes the server with (Electron's `net.fetch`; Node's in tests). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** `GET` the database with the credentials: does the server accept them, and is it a CouchDB database? */
export async function probeServer(
  fetchFn: FetchLike,
  settings: SharingSettings,
  password: string,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<ProbeResult> {
  let response: Response;
  try {
    response = await fetchFn(databaseUrl(settings), {
      method: 'GET',
      headers: {
        Accept: 'application/json',
        Authorization: `Basic ${Buffer.from(`${settings.username}:${password}`, 'utf8').toString('base64')}`,
      },
      // A redirect could take the password elsewhere (or to plain http): answered as "not a sharing server".
      redirect: 'manual',
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    return readProbe('unreachable');
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  return readProbe({ status: response.status, body });
}

/** What the IPC handlers call. */
export interface SharingService {
  status(): SharingStatus;
  save(request: SharingSaveRequest): Promise<SharingSaveResult>;
  password(): Promise<string | null>;
  setActive(active: boolean): Promise<SharingStatus>;
  forget(): Promise<SharingForgetResult>;
}

export function createSharingService(store: SharingStore, fetchFn: FetchLike): SharingService {
  return {
    status: () => store.status(),
    async save(request) {
      const checked = checkSharingSettings({ ...request, active: true });
      const fieldErrors: SharingFieldErrors = checked.ok ? {} : { ...checked.errors };
      // Basic auth joins the two with a colon: one in the user name would cut it short.
      if (checked.ok && checked.settings.username.includes(':'))
        fieldErrors.username = 'A user name cannot contain a colon (:).';
      if (request.password === '') fieldErrors.password = 'Type your password on the server.';
      if (!checked.ok || Object.keys(fieldErrors).length > 0) {
        return { ok: false, fieldErrors, message: 'Check the boxes marked in red; nothing was saved.' };
      }
      const probe = await probeServer(fetchFn, checked.settings, request.password);
      if (!probe.ok)
        return { ok: false, problem: probe.problem, message: probeMessage(probe.problem, probe.status) };
      let passwordKept: PasswordKept;
      try {
        passwordKept = await store.save(checked.settings, request.password, request.remember);
      } catch (e) {
        return {
          ok: false,
          message: `The sharing settings could not be saved on this computer (${describeFsError(e)}); nothing was changed.`,
        };
      }
      const message =
        passwordKept === 'encrypted'
          ? MESSAGE_ENCRYPTED
          : request.remember
            ? MESSAGE_NO_KEYRING
            : MESSAGE_NOT_REMEMBERED;
      return { ok: true, settings: checked.settings, passwordKept, message };
    },
    password: () => store.password(),
    async setActive(active) {
      try {
        await store.setActive(active);
        return store.status();
      } catch (e) {
        return {
          ...store.status(),
          notice: `Sharing could not be ${active ? 'resumed' : 'paused'} (${describeFsError(e)}).`,
        };
      }
    },
    async forget() {
      try {
        await store.forget();
        return { ok: true };
      } catch (e) {
        return {
          ok: false,
          message: `The sharing settings could not be removed (${describeFsError(e)}); sharing is still set up.`,
        };
      }
    },
  };
}
