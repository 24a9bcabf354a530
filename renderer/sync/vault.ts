/**
 * Where this computer keeps the sharing settings and the password.
 *
 * - Desktop app: the main process (electron/main/sharing.ts) keeps the settings in the user
 *   data folder and the password encrypted with Electron's safeStorage; it also checks the
 *   server before saving and widens the Content-Security-Policy to that one server.
 * - Browser edition: settings in localStorage; the password in sessionStorage (gone when the
 *   tab closes) unless the clerk ticks "Remember the password in this browser". Its page's
 *   policy is fixed (`connect-src 'self'`), so it can share only with a server at its own
 *   address (the web host forwards a path such as /couch to CouchDB).
 *
 * The password is never logged and never part of a backup.
 */
import { checkSharingSettings, databaseUrl, sharingSettingsSchema } from '../../shared/sync/settings';
import type { SharingSettings } from '../../shared/sync/settings';
import { problemOfHttpStatus } from '../../shared/sync/status';
import type { SyncProblem } from '../../shared/sync/status';
import type { LedgerApi } from '../../shared/ipc/contract';

/** What the clerk typed in Town › Sharing or Join a shared town. */
export interface SharingInput {
  serverUrl: string;
  database: string;
  username: string;
  password: string;
  /** Browser edition: keep the password after the tab closes. The desktop app always keeps it, encrypted. */
  remember: boolean;
}

export type SharingField = 'serverUrl' | 'database' | 'username' | 'password';

export type SaveOutcome =
  /** `reload`: the desktop app must reload the page so main's new Content-Security-Policy applies. */
  | { ok: true; settings: SharingSettings; note: string | null; reload?: boolean }
  | {
      ok: false;
      fieldErrors: Partial<Record<SharingField, string>>;
      problem: SyncProblem | 'unreachable' | null;
      message: string;
    };

export interface SharingVault {
  /** The settings and password, or null when sharing is off; `notice`: a sentence for the clerk. */
  load(): Promise<{ settings: SharingSettings; password: string | null; notice?: string | null } | null>;
  /** Checks the input, asks the server, and stores it only when the server said yes. */
  save(input: SharingInput): Promise<SaveOutcome>;
  setActive(active: boolean): Promise<void>;
  /** Forgets the server and the password on this computer (the records stay). */
  forget(): Promise<void>;
}

const SETTINGS_KEY = 'etl:sharing';
const PASSWORD_KEY = 'etl:sharing-password';

const PROBE_MESSAGES: Record<SyncProblem | 'unreachable', string> = {
  password: 'The server refused the user name or password.',
  forbidden: 'The server says this user may not use this database.',
  noDatabase: 'The server has no database of that name.',
  otherTown: 'This database holds another town’s records.',
  notLedger: 'This database does not hold Equity Training Ledger records.',
  server: 'The server had a problem. Try again in a few minutes.',
  badRecords: 'Some records from the server could not be read.',
  unreachable: 'The server cannot be reached. Check the address and the internet connection.',
};

export function probeMessage(problem: SyncProblem | 'unreachable'): string {
  return PROBE_MESSAGES[problem];
}

/** Validates what the clerk typed; field errors in plain words, or the settings. */
export function checkInput(
  input: SharingInput,
):
  | { ok: true; settings: SharingSettings }
  | { ok: false; fieldErrors: Partial<Record<SharingField, string>> } {
  const checked = checkSharingSettings(input);
  const fieldErrors: Partial<Record<SharingField, string>> = checked.ok ? {} : { ...checked.errors };
  if (input.password === '') fieldErrors.password = 'Type your password on the server.';
  if (!checked.ok || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, settings: checked.settings };
}

/** An HTTP Basic credential; UTF-8 first, as servers decode it (btoa alone takes Latin-1 only). */
function basicAuth(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

/** Asks the server for the database with these credentials: null when it answered yes. */
export async function probe(
  settings: SharingSettings,
  password: string,
): Promise<SyncProblem | 'unreachable' | null> {
  try {
    const res = await fetch(`${databaseUrl(settings)}/`, {
      headers: { Authorization: basicAuth(settings.username, password) },
      credentials: 'omit',
      cache: 'no-store',
    });
    if (res.ok) return null;
    return problemOfHttpStatus(res.status) ?? 'server';
  } catch {
    return 'unreachable';
  }
}

function loadFromBrowser(): { settings: SharingSettings; password: string | null } | null {
  const raw = localStorage.getItem(SETTINGS_KEY);
  if (raw === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  const settings = sharingSettingsSchema.safeParse(parsed);
  if (!settings.success) return null;
  return {
    settings: settings.data,
    password: sessionStorage.getItem(PASSWORD_KEY) ?? localStorage.getItem(PASSWORD_KEY),
  };
}

/** The browser edition's vault (see the top of this file). */
export const browserVault: SharingVault = {
  load() {
    return Promise.resolve(loadFromBrowser());
  },
  async save(input) {
    const checked = checkInput(input);
    if (!checked.ok)
      return {
        ok: false,
        fieldErrors: checked.fieldErrors,
        problem: null,
        message: 'Check the boxes marked below.',
      };
    if (new URL(checked.settings.serverUrl).origin !== window.location.origin) {
      return {
        ok: false,
        fieldErrors: {
          serverUrl: `The browser edition can share only with a server at its own address (${window.location.origin}/…). Ask whoever hosts it, or use the desktop app.`,
        },
        problem: null,
        message: 'Check the boxes marked below.',
      };
    }
    const problem = await probe(checked.settings, input.password);
    if (problem !== null) {
      const field: SharingField | null =
        problem === 'password'
          ? 'password'
          : problem === 'noDatabase' || problem === 'forbidden'
            ? 'database'
            : problem === 'unreachable'
              ? 'serverUrl'
              : null;
      return {
        ok: false,
        fieldErrors: field ? { [field]: probeMessage(problem) } : {},
        problem,
        message: probeMessage(problem),
      };
    }
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(checked.settings));
    sessionStorage.setItem(PASSWORD_KEY, input.password);
    if (input.remember) localStorage.setItem(PASSWORD_KEY, input.password);
    else localStorage.removeItem(PASSWORD_KEY);
    return {
      ok: true,
      settings: checked.settings,
      note: input.remember
        ? null
        : 'The password is kept until you close this tab; you will type it again next time.',
    };
  },
  async setActive(active) {
    const current = await this.load();
    if (current) localStorage.setItem(SETTINGS_KEY, JSON.stringify({ ...current.settings, active }));
  },
  forget() {
    localStorage.removeItem(SETTINGS_KEY);
    localStorage.removeItem(PASSWORD_KEY);
    sessionStorage.removeItem(PASSWORD_KEY);
    return Promise.resolve();
  },
};

/**
 * The desktop app's vault: the main process (electron/main/sharing.ts) through the preload's
 * narrow methods. Main checks the server itself before keeping anything, and after a save or
 * a forget the page reloads so the Content-Security-Policy main now sends applies.
 */
export function desktopVault(api: LedgerApi): SharingVault {
  return {
    async load() {
      const status = await api.getSharing();
      if (status.settings === null) return null;
      const password = status.passwordKept === null ? null : await api.sharingPassword();
      return { settings: status.settings, password, notice: status.notice };
    },
    async save(input) {
      const checked = checkInput(input);
      if (!checked.ok) {
        return {
          ok: false,
          fieldErrors: checked.fieldErrors,
          problem: null,
          message: 'Check the boxes marked below.',
        };
      }
      const result = await api.saveSharing({
        serverUrl: input.serverUrl,
        database: input.database,
        username: input.username,
        password: input.password,
        remember: input.remember,
      });
      if (!result.ok) {
        return {
          ok: false,
          fieldErrors: result.fieldErrors ?? {},
          problem: result.problem ?? null,
          message: result.message,
        };
      }
      return {
        ok: true,
        settings: result.settings,
        note: result.passwordKept === 'encrypted' ? null : result.message,
        reload: true,
      };
    },
    async setActive(active) {
      await api.setSharingActive({ active });
    },
    async forget() {
      const result = await api.forgetSharing();
      if (!result.ok) throw new Error(result.message);
    },
  };
}
