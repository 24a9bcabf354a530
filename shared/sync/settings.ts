/**
 * What the clerk types in Town › Sharing (or Join a shared town): the server's address,
 * the town's database on it, and a user name. The password is never part of these
 * settings: the desktop app keeps it with Electron's safeStorage, the browser edition for
 * the session (or, if the clerk asks, in this browser); it is never logged and never in a
 * backup.
 *
 * Checked the same way everywhere (main process, renderer, CLI), with plain messages.
 */
import { z } from 'zod';

/** The parts of a WHATWG URL used here. */
interface ParsedUrl {
  protocol: string;
  hostname: string;
  host: string;
  username: string;
  password: string;
  search: string;
  hash: string;
  pathname: string;
  origin: string;
}
/**
 * The WHATWG URL parser every runtime of this code has (Chromium, Node), which the ES
 * library types of shared/ do not declare: looked up once, typed to what is used.
 */
const Url = (globalThis as unknown as { URL: new (input: string) => ParsedUrl }).URL;

/** Hosts that may be reached over plain http: this computer only. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * A server address, normalised (`https://couch.example.org` or with a path prefix, no
 * trailing slash), or a plain message saying what is wrong.
 */
export function checkServerAddress(
  input: string,
): { ok: true; url: string; origin: string } | { ok: false; message: string } {
  const text = input.trim();
  if (text === '')
    return { ok: false, message: 'Type the server’s address, for example https://records.example.org.' };
  let url: ParsedUrl;
  try {
    url = new Url(text);
  } catch {
    return {
      ok: false,
      message: 'That is not a web address. It starts with https://, for example https://records.example.org.',
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: 'The address must start with https://.' };
  }
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    return {
      ok: false,
      message:
        'The address must start with https:// so the records and the password travel encrypted. Only a server on this computer (localhost) may use http://.',
    };
  }
  if (url.hostname.includes('*')) {
    return { ok: false, message: 'Type the server’s own address, without a *.' };
  }
  if (url.username !== '' || url.password !== '') {
    return {
      ok: false,
      message: 'Leave the user name and password out of the address; type them in their own boxes.',
    };
  }
  if (url.search !== '' || url.hash !== '') {
    return { ok: false, message: 'The address cannot contain ? or #.' };
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${url.origin}${path}`, origin: url.origin };
}

/** CouchDB's rule for database names (lower-case letter first; letters, digits and _$()+-/). */
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

export function checkDatabaseName(
  input: string,
): { ok: true; name: string } | { ok: false; message: string } {
  const name = input.trim();
  if (name === '')
    return { ok: false, message: 'Type the name of the town’s database, for example harbor-falls.' };
  if (name.length > 238) return { ok: false, message: 'A database name is at most 238 characters.' };
  if (!DATABASE_NAME.test(name)) {
    return {
      ok: false,
      message:
        'A database name starts with a lower-case letter and has only lower-case letters, digits and _ $ ( ) + - /, for example harbor-falls.',
    };
  }
  return { ok: true, name };
}

export const sharingSettingsSchema = z.object({
  /** The server's address as `checkServerAddress` normalised it. */
  serverUrl: z.string().min(1).max(2000),
  database: z.string().min(1).max(238),
  username: z.string().trim().min(1, 'Type your user name on the server.').max(200),
  /** False while the clerk has paused sharing: nothing is sent or fetched. */
  active: z.boolean().default(true),
});
export type SharingSettings = z.infer<typeof sharingSettingsSchema>;

/** Checks what the clerk typed; a list of plain messages by field, or the settings. */
export function checkSharingSettings(input: {
  serverUrl: string;
  database: string;
  username: string;
  active?: boolean;
}):
  | { ok: true; settings: SharingSettings }
  | { ok: false; errors: Partial<Record<'serverUrl' | 'database' | 'username', string>> } {
  const errors: Partial<Record<'serverUrl' | 'database' | 'username', string>> = {};
  const server = checkServerAddress(input.serverUrl);
  const database = checkDatabaseName(input.database);
  const username = input.username.trim();
  if (!server.ok) errors.serverUrl = server.message;
  if (!database.ok) errors.database = database.message;
  if (username === '') errors.username = 'Type your user name on the server.';
  else if (username.length > 200) errors.username = 'A user name is at most 200 characters.';
  if (!server.ok || !database.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    settings: { serverUrl: server.url, database: database.name, username, active: input.active ?? true },
  };
}

/** The database's address: the server's, then the name (each `/` in a name is encoded, as CouchDB asks). */
export function databaseUrl(settings: Pick<SharingSettings, 'serverUrl' | 'database'>): string {
  return `${settings.serverUrl}/${encodeURIComponent(settings.database)}`;
}

/** The origin the Content-Security-Policy must allow for these settings. */
export function sharingOrigin(settings: Pick<SharingSettings, 'serverUrl'>): string {
  return new Url(settings.serverUrl).origin;
}
