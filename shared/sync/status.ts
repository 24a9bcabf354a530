/**
 * Where sharing stands, and the sentence Town › Sharing shows for it ("Last synced 2 minutes
 * ago", "Offline — your changes will be sent later", "The server refused the password").
 * Pure, so the words are tested without a server.
 */

/** Why the last sync did not happen. */
export type SyncProblem =
  /** 401: the user name or password is wrong. */
  | 'password'
  /** 403: the user may not use this database. */
  | 'forbidden'
  /** 404: no database of that name on the server. */
  | 'noDatabase'
  /** The database holds another town's records. */
  | 'otherTown'
  /** The database holds something that is not this app's. */
  | 'notLedger'
  /** The server answered with an error of its own (5xx, or nonsense). */
  | 'server'
  /** Records from the server could not be read (listed, never stored). */
  | 'badRecords';

export type SyncState =
  /** Sharing is not set up on this computer. */
  | { kind: 'off' }
  /** Set up, but the clerk paused it: nothing is sent or fetched. */
  | { kind: 'paused'; lastSyncedAt: string | null }
  /** A sync is running; `total` is known during a first pull. */
  | { kind: 'syncing'; lastSyncedAt: string | null; progress: { done: number; total: number | null } | null }
  /** Up to date as of `lastSyncedAt`. */
  | { kind: 'synced'; lastSyncedAt: string }
  /** The server cannot be reached (no network, or it is down): changes wait here. */
  | { kind: 'offline'; lastSyncedAt: string | null }
  /** The server refused, or the records could not be used: nothing was changed. */
  | { kind: 'problem'; problem: SyncProblem; detail: string | null; lastSyncedAt: string | null };

/** "just now", "2 minutes ago", "3 hours ago", "on 2026-11-30 at 14:05". */
export function agoInWords(thenIso: string, now: Date): string {
  const then = new Date(thenIso);
  const seconds = Math.max(0, Math.round((now.getTime() - then.getTime()) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return minutes === 1 ? '1 minute ago' : `${minutes} minutes ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return hours === 1 ? '1 hour ago' : `${hours} hours ago`;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `on ${then.getFullYear()}-${pad(then.getMonth() + 1)}-${pad(then.getDate())} at ${pad(then.getHours())}:${pad(then.getMinutes())}`;
}

const PROBLEMS: Record<SyncProblem, string> = {
  password: 'The server refused the user name or password. Check them in Town › Sharing.',
  forbidden: 'The server says this user may not use this database. Ask whoever runs the server to add you.',
  noDatabase: 'The server has no database of that name. Check the name, or ask whoever runs the server.',
  otherTown: 'This database holds another town’s records. Nothing was changed.',
  notLedger: 'This database does not hold Equity Training Ledger records. Nothing was changed.',
  server: 'The server had a problem and did not finish. Nothing was lost; the app will try again.',
  badRecords: 'Some records from the server could not be read and were left out.',
};

/** The one sentence for a state, as Town › Sharing and the navigation's tooltip show it. */
export function describeSyncState(state: SyncState, now: Date): string {
  const last =
    'lastSyncedAt' in state && state.lastSyncedAt
      ? ` Last synced ${agoInWords(state.lastSyncedAt, now)}.`
      : '';
  switch (state.kind) {
    case 'off':
      return 'Sharing is off. Your records stay on this computer.';
    case 'paused':
      return `Sharing is paused: nothing is sent or fetched until you resume.${last}`;
    case 'syncing':
      if (state.progress && state.progress.total !== null && state.progress.total > 0) {
        return `Syncing… ${state.progress.done.toLocaleString('en-US')} of ${state.progress.total.toLocaleString('en-US')} records.`;
      }
      return 'Syncing…';
    case 'synced':
      return `Last synced ${agoInWords(state.lastSyncedAt, now)}.`;
    case 'offline':
      return `Offline — your changes will be sent later.${last}`;
    case 'problem':
      return `${PROBLEMS[state.problem]}${state.detail ? ` ${state.detail}` : ''}${last}`;
  }
}

/** The problem an HTTP status from the server means, or null when it is not one of ours. */
export function problemOfHttpStatus(status: number): SyncProblem | null {
  if (status === 401) return 'password';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'noDatabase';
  if (status >= 500) return 'server';
  return null;
}
