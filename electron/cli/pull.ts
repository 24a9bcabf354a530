/**
 * `ledger pull URL --out backup.json`: a town's backup from its database on a sharing server,
 * so every other command (check, packet, history, …) works on what the town shares.
 *
 * Only the CouchDB HTTP API is used (`GET /{db}`, then `GET /{db}/_all_docs?include_docs=true`
 * page by page), so Apache CouchDB and pouchdb-server answer alike. Every document is untrusted:
 * each is validated like a record of a backup (shared/sync/docs.ts `readDoc`), the town is
 * rebuilt with `townDataOf` and checked as a restore checks a file (cross references, then the
 * written text read back by the backup reader). Anything wrong, and nothing is written: a
 * backup missing a person would score the town wrongly without a word.
 *
 * The user name and password come from the environment, never a flag (a flag ends up in the
 * shell's history and in every process listing), and are sent only to the address given.
 */
import { crossReferenceErrors, parseBackup } from '../../shared/backup/parse';
import { countsOf } from '../../shared/backup/summary';
import { serializeBackup } from '../../shared/backup/format';
import type { TownData } from '../../shared/domain/schema';
import {
  attendanceDocId,
  isRecordId,
  listDocId,
  LIST_TYPES,
  readDoc,
  townDataOf,
} from '../../shared/sync/docs';
import type { ListKey, SyncDoc } from '../../shared/sync/docs';
import { readProbe, refusal } from '../../shared/sync/server';
import type { ServerProblem } from '../../shared/sync/server';
import { checkDatabaseName, checkServerAddress, databaseUrl } from '../../shared/sync/settings';
import { problemOfHttpStatus } from '../../shared/sync/status';
import { CliError, EXIT_OK, MAX_ERROR_LINES, parseCommandArgs } from './command';
import type { CliCommand, CliIo } from './command';
import { appVersion, describeWriteError } from './packet';

export const USER_VARIABLE = 'LEDGER_SERVER_USER';
export const PASSWORD_VARIABLE = 'LEDGER_SERVER_PASSWORD';

/** Documents per `_all_docs` request: a few hundred kB of JSON, so a large town takes a few dozen requests. */
export const PAGE_SIZE = 1000;
/** Towns with more documents than this get progress lines on stderr. */
export const PROGRESS_RECORDS = 5000;
/** How long one request may take before the server counts as unreachable. */
const REQUEST_TIMEOUT_MS = 60_000;

const usage = `Usage: ledger pull <database-url> --out <backup.json>

Writes a town's backup from its database on a sharing server (Apache CouchDB,
or any server that speaks its HTTP API), so every other command works on it:
  LEDGER_SERVER_USER=clerk LEDGER_SERVER_PASSWORD=… ledger pull https://records.example.org/harbor-falls --out harbor-falls.json

<database-url> is the server's address followed by the town's database
(https:// is required, except for a server on this computer: http://localhost).

The user name and password are read from the environment variables
${USER_VARIABLE} and ${PASSWORD_VARIABLE}, never from a flag or the
address (a flag would be kept in the shell's history and shown to every user
of the computer). Leave both unset for a database that needs no sign-in.

Every record is checked as a restore checks a backup file. When any record
cannot be read (each is listed with its id), or the records do not fit
together, nothing is written. Where two computers' edits of a record are in
conflict, the backup holds the version the app shows (the server's winner).

Options:
  --out <backup.json>   where to write the backup (required; replaced atomically)
  -h, --help            show this help

Exit status: 0 when the backup was written; 2 when nothing was written (one
line per problem on stderr).`;

interface Target {
  /** The database's address, as printed in messages. */
  url: string;
  database: string;
}

/** Splits `https://server[/prefix]/db` into the database's address and its name, or says what is wrong. */
export function parseDatabaseAddress(input: string): Target {
  let credentials = false;
  try {
    const parsed = new URL(input.trim());
    credentials = parsed.username !== '' || parsed.password !== '';
  } catch {
    // checkServerAddress below says what is wrong with it.
  }
  if (credentials) {
    throw new CliError(
      `pull: leave the user name and password out of the address; set ${USER_VARIABLE} and ${PASSWORD_VARIABLE} instead`,
    );
  }
  const checked = checkServerAddress(input);
  if (!checked.ok) throw new CliError(`pull: ${input.trim()}: ${checked.message}`);
  const path = checked.url.slice(checked.origin.length);
  const cut = path.lastIndexOf('/');
  const last = cut < 0 ? '' : path.slice(cut + 1);
  if (last === '') {
    throw new CliError(
      `pull: ${checked.url} names no database: add the town's database, for example ${checked.url}/harbor-falls`,
    );
  }
  let name: string;
  try {
    name = decodeURIComponent(last);
  } catch {
    throw new CliError(`pull: ${checked.url}: the database name is not a valid address part`);
  }
  const database = checkDatabaseName(name);
  if (!database.ok) throw new CliError(`pull: ${checked.url}: ${database.message}`);
  const serverUrl = checked.origin + path.slice(0, cut);
  return { url: databaseUrl({ serverUrl, database: database.name }), database: database.name };
}

/** The Authorization header from the environment, or null for a database that needs no sign-in. */
function authorization(env: Readonly<Record<string, string | undefined>>): string | null {
  const user = env[USER_VARIABLE] ?? '';
  const password = env[PASSWORD_VARIABLE] ?? '';
  if (user === '' && password === '') return null;
  if (user === '') throw new CliError(`pull: ${PASSWORD_VARIABLE} is set but ${USER_VARIABLE} is not`);
  if (password === '') throw new CliError(`pull: ${USER_VARIABLE} is set but ${PASSWORD_VARIABLE} is not`);
  // Basic auth joins the two with a colon: one in the user name would cut it short.
  if (user.includes(':')) throw new CliError(`pull: ${USER_VARIABLE} cannot contain a colon (:)`);
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

type Answer = { status: number; body: unknown } | { unreachable: string };

const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'the connection was cut',
  UND_ERR_SOCKET: 'the connection was cut',
  ENOTFOUND: 'no server of that name',
  EAI_AGAIN: 'the name could not be looked up',
  ETIMEDOUT: 'no answer in time',
  EHOSTUNREACH: 'the server cannot be reached from here',
  ENETUNREACH: 'this computer is offline',
  CERT_HAS_EXPIRED: "the server's certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server's certificate is not trusted",
  SELF_SIGNED_CERT_IN_CHAIN: "the server's certificate is not trusted",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server's certificate is not trusted",
};

/** Why a request got no answer, in a few words (never the request, which holds the password). */
function causeOf(e: unknown): string {
  if (e instanceof Error && e.name === 'TimeoutError') return 'no answer within a minute';
  const cause = e instanceof Error ? e.cause : undefined;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : '';
  if (code !== '') return NETWORK_WORDS[code] ?? code;
  if (cause instanceof Error) return cause.message;
  return e instanceof Error ? e.message : String(e);
}

async function getJson(io: CliIo, url: string, auth: string | null): Promise<Answer> {
  if (!io.fetch) throw new Error('this ledger cannot reach a server');
  let response: Response;
  try {
    response = await io.fetch(url, {
      method: 'GET',
      headers: { Accept: 'application/json', ...(auth === null ? {} : { Authorization: auth }) },
      // Never follow a redirect: it could carry the password to another address.
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (e) {
    return { unreachable: causeOf(e) };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  return { status: response.status, body };
}

function problemLine(
  target: Target,
  problem: ServerProblem,
  status: number | null,
  detail: string,
  signedIn: boolean,
): string {
  const what = ((): string => {
    switch (problem) {
      case 'password':
        return signedIn
          ? `the server refused the user name or password (${USER_VARIABLE}, ${PASSWORD_VARIABLE})`
          : `the server asks for a user name and password: set ${USER_VARIABLE} and ${PASSWORD_VARIABLE}`;
      case 'forbidden':
        return 'this user may not read this database (whoever runs the server can make them a member)';
      case 'noDatabase':
        return 'the server has no database of that name';
      case 'server':
        return status !== null && status >= 500
          ? `the server had a problem (HTTP ${status}); try again later`
          : 'this address does not answer like a CouchDB database';
      case 'unreachable':
        return `the server could not be reached (${detail})`;
    }
  })();
  return `${target.url}: ${what}; nothing was written`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A record that could not be read, by document id. */
export interface BadDocument {
  id: string;
  problem: string;
}

export interface PulledDocs {
  docs: SyncDoc[];
  bad: BadDocument[];
  /** Documents that are not records (design documents). */
  skipped: number;
}

/** Reads every document of the database, page by page; throws `CliError` for a server problem. */
export async function pullDocs(
  io: CliIo,
  target: Target,
  auth: string | null,
  pageSize = PAGE_SIZE,
): Promise<PulledDocs> {
  const failure = (problem: ServerProblem, status: number | null, detail = ''): CliError => {
    // Not signed in, a members-only database is a question of credentials, not of membership.
    const meant = auth === null && problem === 'forbidden' ? 'password' : problem;
    return new CliError(problemLine(target, meant, status, detail, auth !== null));
  };
  const info = await getJson(io, target.url, auth);
  const probe = readProbe('unreachable' in info ? 'unreachable' : info);
  if (!probe.ok) throw failure(probe.problem, probe.status, 'unreachable' in info ? info.unreachable : '');
  const total = probe.info.docCount;
  const loud = total > PROGRESS_RECORDS;
  let nextReport = PROGRESS_RECORDS;

  const out: PulledDocs = { docs: [], bad: [], skipped: 0 };
  let startkey: string | null = null;
  let read = 0;
  for (;;) {
    const query = new URLSearchParams({ include_docs: 'true', limit: String(pageSize + 1) });
    if (startkey !== null) query.set('startkey', JSON.stringify(startkey));
    const answer = await getJson(io, `${target.url}/_all_docs?${query.toString()}`, auth);
    if ('unreachable' in answer) {
      throw new CliError(
        `${target.url}: the server stopped answering while the records were read (${answer.unreachable}); nothing was written`,
      );
    }
    const problem = refusal(answer.status, answer.body) ?? problemOfHttpStatus(answer.status);
    if (
      problem === 'password' ||
      problem === 'forbidden' ||
      problem === 'noDatabase' ||
      problem === 'server'
    ) {
      throw failure(problem, answer.status);
    }
    const rows =
      isObject(answer.body) && Array.isArray(answer.body.rows) ? (answer.body.rows as unknown[]) : null;
    if (answer.status !== 200 || rows === null) throw failure('server', answer.status);
    const page = rows.slice(0, pageSize);
    for (const row of page) {
      const id = isObject(row) && typeof row.id === 'string' ? row.id : null;
      if (id === null || !isObject(row) || row.doc === undefined || row.doc === null) continue;
      if (!isRecordId(id)) {
        out.skipped += 1;
        continue;
      }
      const doc = readDoc(row.doc);
      if (doc.ok) out.docs.push(doc.doc);
      else out.bad.push({ id, problem: doc.problem });
    }
    read += page.length;
    if (loud && read >= nextReport && read < total) {
      io.stderr(
        `ledger: ${target.database}: read ${read.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} records…\n`,
      );
      while (nextReport <= read) nextReport += PROGRESS_RECORDS;
    }
    if (rows.length <= pageSize) break;
    const next = rows[pageSize];
    const nextKey = isObject(next) && typeof next.id === 'string' ? next.id : null;
    // Ids come in ascending order; a server that pages without them, or backwards, would loop forever.
    if (nextKey === null || (startkey !== null && nextKey <= startkey))
      throw failure('server', answer.status);
    startkey = nextKey;
  }
  return out;
}

const LIST_KEYS = Object.keys(LIST_TYPES) as ListKey[];

/** The document id a cross-reference error's path (`people[3].positions[0].id`) is about. */
function docIdAt(data: TownData, path: string): string | null {
  const match = /^([A-Za-z]+)\[(\d+)\]/.exec(path);
  if (!match) return null;
  const key = match[1]!;
  const index = Number(match[2]);
  if (key === 'attendance') {
    const a = data.attendance[index];
    return a ? attendanceDocId(a) : null;
  }
  if (!(LIST_KEYS as string[]).includes(key)) return null;
  const record = data[key as ListKey][index];
  return record ? listDocId(LIST_TYPES[key as ListKey], record.id) : null;
}

/** At most MAX_ERROR_LINES lines, then how many more. */
function capped(lines: string[], url: string): string[] {
  const more = lines.length - MAX_ERROR_LINES;
  return more > 0 ? [...lines.slice(0, MAX_ERROR_LINES), `${url}: ... and ${more} more`] : lines;
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export const pullCommand: CliCommand = {
  name: 'pull',
  summary: "write a town's backup from its database on a sharing server (CouchDB)",
  usage,
  run: async (args, io) => {
    const { values, positionals } = parseCommandArgs('pull', args, { out: { type: 'string' } });
    if (positionals.length === 0)
      throw new CliError("pull: missing <database-url> (see 'ledger pull --help')");
    if (positionals.length > 1) throw new CliError(`pull: unexpected argument '${positionals[1]}'`);
    const out = values.out;
    if (out === undefined || out.trim() === '')
      throw new CliError("pull: missing --out <backup.json> (see 'ledger pull --help')");
    if (!io.writeFile) throw new Error('this ledger cannot write files');
    const target = parseDatabaseAddress(positionals[0]!);
    const auth = authorization(io.env ?? {});

    const { docs, bad } = await pullDocs(io, target, auth);
    if (docs.length === 0 && bad.length === 0) {
      throw new CliError(
        `${target.url}: the database is empty: no town has been shared into it yet; nothing was written`,
      );
    }
    if (docs.length === 0) {
      throw new CliError(
        `${target.url}: this database does not hold Equity Training Ledger records (${plural(bad.length, 'document')} not ours); nothing was written`,
      );
    }
    if (bad.length > 0) {
      throw new CliError([
        ...capped(
          bad.map((b) => `${target.url}: record ${b.id} ${b.problem}`),
          target.url,
        ),
        `${target.url}: ${plural(bad.length, 'record')} could not be read; nothing was written`,
      ]);
    }
    const data = townDataOf(docs);
    if (data === null) {
      throw new CliError(
        `${target.url}: the database holds records but no town record ('town'); nothing was written`,
      );
    }
    const refs = crossReferenceErrors(data);
    if (refs.length > 0) {
      throw new CliError([
        ...capped(
          refs.map((e) => {
            const id = docIdAt(data, e.path);
            return `${target.url}: ${id === null ? e.path : `record ${id}`}: ${e.message}`;
          }),
          target.url,
        ),
        `${target.url}: the records do not fit together (${plural(refs.length, 'problem')}); nothing was written`,
      ]);
    }
    const text = serializeBackup(data, {
      exportedAt: (io.now ?? (() => new Date()))().toISOString(),
      appVersion: appVersion(),
    });
    // The file must restore: read it back exactly as the app and every command will.
    const check = parseBackup(text);
    if (!check.ok) {
      throw new CliError(
        capped(
          check.errors.map((e) => `${target.url}: ${e.path ? `${e.path}: ` : ''}${e.message}`),
          target.url,
        ),
      );
    }
    try {
      await io.writeFile(out, text);
    } catch (e) {
      throw new CliError(`${out}: ${describeWriteError(e)}`);
    }
    const counts = countsOf(data);
    io.stdout(
      `Wrote ${out}: ${data.town.name.trim() || 'Unnamed town'} — ${plural(counts.people, 'person', 'people')}, ` +
        `${plural(counts.trainings, 'training')}, ${plural(counts.sessions, 'session')}, ` +
        `${plural(counts.attendance, 'attendance record')} (${plural(docs.length, 'record')} from ${target.url}).\n`,
    );
    return EXIT_OK;
  },
};
