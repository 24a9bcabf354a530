/**
 * `ledger pull` against a real CouchDB-compatible server (pouchdb-server in memory, one for the
 * whole file), in-process through `runCli` with Node's fetch and the real atomic write.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CliIo } from '../../../electron/cli/command';
import { PAGE_SIZE, parseDatabaseAddress, pullDocs } from '../../../electron/cli/pull';
import { runCli } from '../../../electron/cli/run';
import { writeFileAtomic } from '../../../electron/main/atomic-write';
import { parseBackup } from '../../../shared/backup/parse';
import type { TownData } from '../../../shared/domain/schema';
import { docsOf, townDataOf } from '../../../shared/sync/docs';
import { startCouchServer } from '../../fixtures/couch-server';
import type { CouchServer } from '../../fixtures/couch-server';

const PASSWORD = 'harbor-secret';
const root = new URL('../../../', import.meta.url);
let server: CouchServer;
let sample: TownData;
let dir: string;

beforeAll(async () => {
  sample = (
    JSON.parse(await readFile(new URL('resources/samples/harbor-falls.json', root), 'utf8')) as {
      data: TownData;
    }
  ).data;
  server = await startCouchServer();
  const town = async (name: string, docs: unknown[]) => {
    await server.createTownDb(name, `${name}-clerk`, PASSWORD);
    if (docs.length > 0) await server.admin('POST', `/${name}/_bulk_docs`, { docs });
  };
  await town('harbor-falls', docsOf(sample));
  await town('empty-town', []);
  await town('not-ours', [{ _id: 'invoice-1', amount: 12 }]);
  await town('bad-record', [
    ...docsOf(sample),
    { _id: 'person:ghost', type: 'person', data: { id: 'ghost', name: 42 } },
    { _id: 'person:smuggled', type: 'person', data: { ...sample.people[0]! } },
  ]);
  const withoutFirstPerson = docsOf(sample).filter((d) => d._id !== `person:${sample.people[0]!.id}`);
  await town('broken-links', withoutFirstPerson);
  await server.admin('PUT', '/harbor-falls/_design/views', { views: {} });
}, 60_000);
afterAll(() => server.stop());

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ledger-pull-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function io(
  env: Record<string, string | undefined>,
  fetchFn: CliIo['fetch'] = (url, init) => fetch(url, init),
) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: (path) => readFile(path),
    writeFile: (path, data) => writeFileAtomic(path, data),
    today: () => '2026-03-01',
    now: () => new Date('2026-03-01T12:00:00Z'),
    env,
    ...(fetchFn ? { fetch: fetchFn } : {}),
  };
  return { value, stdout: () => out.join(''), stderr: () => err.join('') };
}

const clerk = (db: string, password = PASSWORD) => ({
  LEDGER_SERVER_USER: `${db}-clerk`,
  LEDGER_SERVER_PASSWORD: password,
});

async function pull(
  db: string,
  env: Record<string, string | undefined> = clerk(db),
  url = `${server.url}/${db}`,
) {
  const out = join(dir, 'backup.json');
  const f = io(env);
  const code = await runCli(['pull', url, '--out', out], f.value);
  return { code, out, stdout: f.stdout(), stderr: f.stderr() };
}

const byId = <T extends { id: string }>(rows: readonly T[]) =>
  [...rows].sort((a, b) => a.id.localeCompare(b.id));
const sorted = (d: TownData) => ({
  ...d,
  people: byId(d.people),
  series: byId(d.series),
  trainings: byId(d.trainings),
  sessions: byId(d.sessions),
  partners: byId(d.partners),
  certifications: byId(d.certifications),
  coaching: byId(d.coaching),
  optimizeForEquity: byId(d.optimizeForEquity),
  submissions: byId(d.submissions),
  attendance: [...d.attendance].sort((a, b) =>
    `${a.sessionId} ${a.personId}`.localeCompare(`${b.sessionId} ${b.personId}`),
  ),
});

describe('ledger pull', () => {
  it("writes a version-2 backup holding exactly the town's records, and every command works on it", async () => {
    const r = await pull('harbor-falls');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Wrote .*backup\.json: Harbor Falls — 13 people, 8 trainings, 14 sessions, 30 attendance records/,
    );
    const parsed = parseBackup(await readFile(r.out, 'utf8'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.backup.formatVersion).toBe(2);
    expect(parsed.checksum).toBe('verified');
    expect(parsed.backup.exportedAt).toBe('2026-03-01T12:00:00.000Z');
    expect(sorted(parsed.backup.data)).toEqual(sorted(sample));
    // The same evaluation as the sample file itself gives.
    const check = async (file: string) => {
      const f = io({});
      expect(
        await runCli(['check', file, '--year', '2026', '--as-of', '2026-03-01', '--json'], f.value),
      ).toBe(0);
      return JSON.parse(f.stdout()) as unknown;
    };
    expect(await check(r.out)).toEqual(
      await check(new URL('resources/samples/harbor-falls.json', root).pathname),
    );
  });

  it('reads a town of many pages the same as one page (paged _all_docs, design documents left out)', async () => {
    const target = parseDatabaseAddress(`${server.url}/harbor-falls`);
    const auth = `Basic ${Buffer.from(`harbor-falls-clerk:${PASSWORD}`).toString('base64')}`;
    const fetchFn = vi.fn((url: string, init: RequestInit) => fetch(url, init));
    const f = io({}, fetchFn);
    const paged = await pullDocs(f.value, target, auth, 7);
    const whole = await pullDocs(f.value, target, auth);
    expect(paged.bad).toEqual([]);
    expect(paged.skipped).toBe(1);
    expect(paged.docs).toHaveLength(docsOf(sample).length);
    expect(townDataOf(paged.docs)).toEqual(townDataOf(whole.docs));
    // 74 records and a design document in pages of 7: the info, 11 pages, then the one-page read.
    expect(fetchFn.mock.calls.length).toBe(1 + Math.ceil(75 / 7) + 2);
    expect(PAGE_SIZE).toBeGreaterThan(75);
  });

  it('stops, instead of looping forever, when a server pages backwards or without ids', async () => {
    const target = parseDatabaseAddress('https://records.example.org/odd-town');
    const answering =
      (rows: unknown[]): CliIo['fetch'] =>
      (url) =>
        Promise.resolve(
          Response.json(
            new URL(url).pathname.endsWith('/_all_docs') ? { rows } : { db_name: 'odd-town', doc_count: 2 },
          ),
        );
    const same = [
      { id: 'a', doc: { _id: 'a' } },
      { id: 'b', doc: { _id: 'b' } },
    ];
    await expect(pullDocs(io({}, answering(same)).value, target, null, 1)).rejects.toThrow(
      'does not answer like a CouchDB database',
    );
    await expect(
      pullDocs(io({}, answering([{ id: 'a' }, { key: 'b' }])).value, target, null, 1),
    ).rejects.toThrow('does not answer like a CouchDB database');
  });

  it('reports progress on stderr for a large town, page by page', async () => {
    // A stand-in server with 12,000 documents (not ours: the pull ends "not a ledger" after reading them all).
    const ids = Array.from({ length: 12_000 }, (_, i) => `doc-${String(i).padStart(5, '0')}`);
    const fake: CliIo['fetch'] = (url) => {
      const u = new URL(url);
      if (!u.pathname.endsWith('/_all_docs')) {
        return Promise.resolve(Response.json({ db_name: 'big-town', doc_count: ids.length }));
      }
      const start = u.searchParams.get('startkey');
      const from = start === null ? 0 : ids.indexOf(JSON.parse(start) as string);
      const limit = Number(u.searchParams.get('limit'));
      const rows = ids.slice(from, from + limit).map((id) => ({ id, key: id, doc: { _id: id } }));
      return Promise.resolve(Response.json({ total_rows: ids.length, offset: from, rows }));
    };
    const f = io({}, fake);
    const code = await runCli(
      ['pull', 'https://records.example.org/big-town', '--out', join(dir, 'b.json')],
      f.value,
    );
    expect(code).toBe(2);
    expect(
      f
        .stderr()
        .split('\n')
        .filter((l) => l.includes('records…')),
    ).toEqual([
      'ledger: big-town: read 5,000 of 12,000 records…',
      'ledger: big-town: read 10,000 of 12,000 records…',
    ]);
    expect(f.stderr()).toContain('does not hold Equity Training Ledger records (12,000 documents not ours)');
  });

  it.each([
    [
      'a wrong password',
      'harbor-falls',
      clerk('harbor-falls', 'wrong'),
      'the server refused the user name or password',
    ],
    [
      'no credentials',
      'harbor-falls',
      {},
      'the server asks for a user name and password: set LEDGER_SERVER_USER',
    ],
    ['an unknown database', 'no-such-town', clerk('harbor-falls'), 'the server has no database of that name'],
    ["another town's database", 'empty-town', clerk('harbor-falls'), 'this user may not read this database'],
  ])('says so in one line after %s, and writes nothing', async (_what, db, env, words) => {
    const r = await pull(db, env);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `ledger: ${server.url}/${db}: ${words}${r.stderr.slice(`ledger: ${server.url}/${db}: ${words}`.length)}`,
    );
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('nothing was written');
    expect(r.stderr).not.toContain(PASSWORD);
    expect(r.stdout).toBe('');
    expect(await readdir(dir)).toEqual([]);
  });

  it('says the server could not be reached when it is down, and writes nothing', async () => {
    await server.closeGate();
    try {
      const r = await pull('harbor-falls');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /^ledger: .*: the server could not be reached \([^)]+\); nothing was written\n$/,
      );
    } finally {
      await server.openGate();
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it('names an empty database and a database that is not a ledger, and writes nothing', async () => {
    const empty = await pull('empty-town');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('the database is empty: no town has been shared into it yet');
    const other = await pull('not-ours');
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('this database does not hold Equity Training Ledger records');
    expect(await readdir(dir)).toEqual([]);
  });

  it('lists every record it cannot read, by id, and writes nothing', async () => {
    const r = await pull('bad-record');
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/record person:ghost has a field that cannot be read \(name\)/),
      expect.stringMatching(/record person:smuggled is stored under the wrong id$/),
      expect.stringMatching(/2 records could not be read; nothing was written$/),
    ]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses records that do not fit together, as a restore would, naming the record', async () => {
    const r = await pull('broken-links');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/record attendance:[^ ]+: no person has the id "/);
    expect(r.stderr).toMatch(/the records do not fit together \(\d+ problems?\); nothing was written\n$/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps an existing file untouched when the pull fails', async () => {
    const ok = await pull('harbor-falls');
    const before = await readFile(ok.out, 'utf8');
    const r = await pull('harbor-falls', clerk('harbor-falls', 'wrong'));
    expect(r.code).toBe(2);
    expect(await readFile(ok.out, 'utf8')).toBe(before);
  });

  it.each([
    ['http://records.example.org/harbor-falls', 'must start with https://'],
    [
      'https://clerk:pw@records.example.org/harbor-falls',
      'leave the user name and password out of the address',
    ],
    ['https://records.example.org', 'names no database'],
    ['https://records.example.org/Harbor Falls', 'A database name starts with a lower-case letter'],
  ])('refuses the address %s before any request', async (url, words) => {
    const fetchFn = vi.fn((u: string, init: RequestInit) => fetch(u, init));
    const f = io(clerk('harbor-falls'), fetchFn);
    const code = await runCli(['pull', url, '--out', join(dir, 'b.json')], f.value);
    expect(code).toBe(2);
    expect(f.stderr()).toContain(words);
    expect(fetchFn).not.toHaveBeenCalled();
  });

  it('takes the password from the environment only, and says so in --help', async () => {
    const help = io({});
    expect(await runCli(['pull', '--help'], help.value)).toBe(0);
    expect(help.stdout()).toContain('LEDGER_SERVER_USER');
    expect(help.stdout()).toContain('LEDGER_SERVER_PASSWORD');
    const flag = io({});
    expect(
      await runCli(['pull', `${server.url}/harbor-falls`, '--password', 'x', '--out', 'b.json'], flag.value),
    ).toBe(2);
    expect(flag.stderr()).toContain("Unknown option '--password'");
    const half = await pull('harbor-falls', { LEDGER_SERVER_USER: 'harbor-falls-clerk' });
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('LEDGER_SERVER_USER is set but LEDGER_SERVER_PASSWORD is not');
  });
});
