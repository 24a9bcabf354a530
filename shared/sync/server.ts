/**
 * What a CouchDB server's answer to "GET the town's database" means, for the two places that
 * ask before anything else happens: Town › Sharing's Save (main probes the server before it
 * keeps the settings) and `ledger pull`. Pure: the caller makes the request (Electron's
 * `net.fetch`, Node's `fetch`) and hands over the status and the parsed body, or 'unreachable'.
 *
 * Only the CouchDB HTTP API is assumed (`GET /{db}` answers `{ "db_name": …, "doc_count": … }`),
 * so Apache CouchDB and pouchdb-server answer alike.
 */
import { problemOfHttpStatus } from './status';
import type { SyncProblem } from './status';

/** A problem with the server itself, or none could be reached at all. */
export type ServerProblem =
  Extract<SyncProblem, 'password' | 'forbidden' | 'noDatabase' | 'server'> | 'unreachable';

/** What `GET /{db}` tells about the database. */
export interface DatabaseInfo {
  /** The name the server gives the database. */
  name: string;
  /** Documents in it (deleted ones not counted), as the server reports. */
  docCount: number;
}

export type ProbeResult =
  { ok: true; info: DatabaseInfo } | { ok: false; problem: ServerProblem; status: number | null };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A 401 that is not about the password. Apache CouchDB answers a signed-in user who is not a
 * member of the database with 403, but pouchdb-server (tested here) with 401 and the reason
 * "You are not authorized to access this db."; a wrong password gets "Name or password is
 * incorrect." from both. Read that way, both servers give the clerk the same message.
 */
export function refusal(status: number, body: unknown): 'forbidden' | null {
  return status === 401 &&
    isObject(body) &&
    typeof body.reason === 'string' &&
    /not (authorized|allowed) to access this db/i.test(body.reason)
    ? 'forbidden'
    : null;
}

/**
 * The meaning of the answer to `GET /{db}`: `answer` is 'unreachable' when no answer came
 * (no network, a refused connection, a timeout), else the status and the body as parsed
 * JSON (`undefined` when it was not JSON). A 200 that is not a CouchDB database's info (a
 * web page at that address, a proxy's error page) is a server problem, never a success.
 */
export function readProbe(answer: 'unreachable' | { status: number; body: unknown }): ProbeResult {
  if (answer === 'unreachable') return { ok: false, problem: 'unreachable', status: null };
  const { status, body } = answer;
  const problem = refusal(status, body) ?? problemOfHttpStatus(status);
  if (problem === 'password' || problem === 'forbidden' || problem === 'noDatabase' || problem === 'server') {
    return { ok: false, problem, status };
  }
  if (status >= 200 && status < 300 && isObject(body) && typeof body.db_name === 'string') {
    const count = body.doc_count;
    return {
      ok: true,
      info: {
        name: body.db_name,
        docCount: typeof count === 'number' && Number.isFinite(count) && count >= 0 ? count : 0,
      },
    };
  }
  return { ok: false, problem: 'server', status };
}

/**
 * The sentence Town › Sharing shows when Save could not reach or use the server; nothing was
 * kept. (The status words of a running sync are `describeSyncState`'s.)
 */
export function probeMessage(problem: ServerProblem, status: number | null): string {
  switch (problem) {
    case 'password':
      return 'The server refused the user name or password. Check them and try again; nothing was saved.';
    case 'forbidden':
      return 'The server says this user may not use this database. Ask whoever runs the server to add you as a member; nothing was saved.';
    case 'noDatabase':
      return 'The server has no database of that name. Check the name, or ask whoever runs the server; nothing was saved.';
    case 'server':
      return status !== null && status >= 500
        ? `The server had a problem (error ${status}). Try again later; nothing was saved.`
        : 'That address does not answer like a sharing server (CouchDB). Check the address; nothing was saved.';
    case 'unreachable':
      return 'The server could not be reached. Check the address and that this computer is online; nothing was saved.';
  }
}
