/**
 * The sync engine against a real CouchDB-compatible server (pouchdb-server, in memory):
 * two computers = two Dexie databases (fake-indexeddb) with a PouchDB mirror each
 * (memory adapter), sharing one server database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deleteSession,
  loadTownData,
  putPerson,
  replaceAllData,
  setAttendance,
} from '../../../renderer/db/repositories';
import type { AppDB } from '../../../renderer/db/schema';
import { listConflicts, saveConflicts } from '../../../renderer/db/sync';
import { ForeignDatabaseError, SyncEngine } from '../../../renderer/sync/engine';
import type { PouchDatabase } from '../../../renderer/sync/engine';
import { startCouchServer } from '../../fixtures/couch-server';
import type { CouchServer } from '../../fixtures/couch-server';
import { smallTown } from '../../fixtures/synthetic-towns';
import { testDb } from '../db/helpers';
import { syncEngine } from './helpers';

let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

function computer(database: string, password = 'pw'): { db: AppDB; engine: SyncEngine } {
  const db = testDb();
  return { db, engine: syncEngine(db, server, database, password) };
}

let dbNames = 0;
async function freshDb(): Promise<string> {
  const name = `town-${++dbNames}`;
  await server.createTownDb(name, 'clerk', 'pw');
  return name;
}

describe('sync between two computers', () => {
  it('converges after both edit offline: one attendance record, the deletion on both, the title conflict on both with the same winner', async () => {
    const name = await freshDb();
    const a = computer(name);
    const b = computer(name);
    const town = smallTown(4);
    await replaceAllData(a.db, town);
    await a.engine.round();
    // B joins: an empty computer pulls the town.
    await b.engine.round();
    expect(await loadTownData(b.db)).toEqual(await loadTownData(a.db));

    // Both offline: each edits.
    const person = town.people[0]!;
    const session = town.sessions.find(
      (s) => !town.attendance.some((x) => x.sessionId === s.id && x.personId === person.id),
    )!;
    const doomed = town.sessions.find((s) => s.id !== session.id)!;
    const newcomer = { ...person, id: 'newcomer', name: 'Nia Newcomer', email: '' };
    await putPerson(a.db, newcomer);
    const retitle = (title: string) => ({
      ...person,
      positions: person.positions.map((p, i) => (i === 0 && 'title' in p ? { ...p, title } : p)),
    });
    await putPerson(a.db, retitle('Chair (A)'));
    await putPerson(b.db, retitle('Chair (B)'));
    await setAttendance(a.db, person.id, session.id, true);
    await setAttendance(b.db, person.id, session.id, true);
    await deleteSession(a.db, doomed.id);

    // Both reconnect.
    await a.engine.round();
    await b.engine.round();
    await a.engine.round();

    const dataA = await loadTownData(a.db);
    const dataB = await loadTownData(b.db);
    expect(dataA).toEqual(dataB);
    expect(dataA!.people.some((p) => p.id === 'newcomer')).toBe(true);
    expect(dataA!.sessions.some((s) => s.id === doomed.id)).toBe(false);
    expect(
      dataA!.attendance.filter((x) => x.personId === person.id && x.sessionId === session.id),
    ).toHaveLength(1);
    const conflictsA = await listConflicts(a.db);
    const conflictsB = await listConflicts(b.db);
    expect(conflictsA.map((c) => c.id)).toEqual([`person:${person.id}`]);
    expect(conflictsB.map((c) => c.id)).toEqual([`person:${person.id}`]);
    expect(conflictsA[0]!.winner).toEqual(conflictsB[0]!.winner);
    // Nothing lost: the other title is kept beside the winner.
    const titles = [conflictsA[0]!.winner, ...conflictsA[0]!.others].map((v) => JSON.stringify(v.data));
    expect(titles.some((t) => t.includes('Chair (A)'))).toBe(true);
    expect(titles.some((t) => t.includes('Chair (B)'))).toBe(true);

    // Keeping the other version on A resolves it on B too.
    await a.engine.keep(conflictsA[0]!, conflictsA[0]!.others[0]!);
    await a.engine.round();
    await b.engine.round();
    expect(await listConflicts(a.db)).toEqual([]);
    expect(await listConflicts(b.db)).toEqual([]);
    expect(await loadTownData(b.db)).toEqual(await loadTownData(a.db));
    expect(JSON.stringify((await loadTownData(a.db))!.people.find((p) => p.id === person.id))).toContain(
      JSON.stringify(conflictsA[0]!.others[0]!.data).includes('Chair (A)') ? 'Chair (A)' : 'Chair (B)',
    );
  }, 60_000);

  it('resumes after the server goes away in the middle of a round: nothing lost or duplicated', async () => {
    const name = await freshDb();
    const a = computer(name);
    const b = computer(name);
    await replaceAllData(a.db, smallTown(5));
    await a.engine.round();
    await b.engine.round();
    for (let i = 0; i < 40; i++)
      await putPerson(a.db, { ...smallTown(5).people[0]!, id: `extra-${i}`, name: `Extra ${i}`, email: '' });
    const round = a.engine.round();
    setTimeout(() => void server.closeGate(), 5);
    await expect(round).rejects.toThrow();
    await server.openGate();
    await a.engine.round();
    await b.engine.round();
    const dataB = await loadTownData(b.db);
    expect(dataB).toEqual(await loadTownData(a.db));
    expect(dataB!.people.filter((p) => p.id.startsWith('extra-'))).toHaveLength(40);
  }, 60_000);

  it('refuses a database of another town and changes nothing here', async () => {
    const name = await freshDb();
    const a = computer(name);
    await replaceAllData(a.db, smallTown(6));
    await a.engine.round();
    const other = computer(name);
    const mine = { ...smallTown(7), town: { ...smallTown(7).town, name: 'Another Town' } };
    await replaceAllData(other.db, mine);
    await expect(other.engine.round()).rejects.toBeInstanceOf(ForeignDatabaseError);
    expect(await loadTownData(other.db)).toEqual(
      await loadTownData(
        (
          await (async () => {
            const d = testDb();
            await replaceAllData(d, mine);
            return { db: d };
          })()
        ).db,
      ),
    );
  }, 60_000);

  it('says why when the password is wrong or the database unknown, and changes nothing', async () => {
    const name = await freshDb();
    const wrong = computer(name, 'not-the-password');
    await replaceAllData(wrong.db, smallTown(8));
    await expect(wrong.engine.round()).rejects.toMatchObject({ status: 401 });
    const unknown = computer('no-such-town');
    await replaceAllData(unknown.db, smallTown(8));
    await expect(unknown.engine.round()).rejects.toMatchObject({ status: 404 });
  }, 60_000);
});

describe('edits and sessions around a round', () => {
  it('keeps an edit made here while the round was replicating, and sets the received version aside', async () => {
    const name = await freshDb();
    const a = computer(name);
    const b = computer(name);
    const town = smallTown(9);
    await replaceAllData(a.db, town);
    await a.engine.round();
    await b.engine.round();
    const person = town.people[0]!;
    await putPerson(b.db, { ...person, notes: 'typed on B' });
    await b.engine.round();
    // A's round: nothing to push, the replication brings B's edit in...
    await a.engine.push();
    await a.engine.replicate();
    // ...and the clerk on A types before the round applies it.
    await putPerson(a.db, { ...person, notes: 'typed on A meanwhile' });
    await a.engine.apply();
    const hereNow = (await loadTownData(a.db))!.people.find((p) => p.id === person.id)!;
    expect(hereNow.notes).toBe('typed on A meanwhile');
    const [conflict] = await listConflicts(a.db);
    expect(conflict?.id).toBe(`person:${person.id}`);
    expect(JSON.stringify(conflict?.others)).toContain('typed on B');
    // The next rounds send A's edit on; the set-aside version stays listed on A until kept.
    await a.engine.round();
    await b.engine.round();
    expect((await loadTownData(b.db))!.people.find((p) => p.id === person.id)!.notes).toBe(
      'typed on A meanwhile',
    );
    expect((await listConflicts(a.db)).map((c) => c.id)).toEqual([`person:${person.id}`]);
  }, 60_000);

  it('fetches every record into an empty database even when its mirror knew them (joining again)', async () => {
    const name = await freshDb();
    const a = computer(name);
    await replaceAllData(a.db, smallTown(10));
    await a.engine.round();
    const mirror = (a.engine as unknown as { mirror: PouchDatabase }).mirror;
    const again = testDb();
    const engine = new SyncEngine(again, mirror, (a.engine as unknown as { remote: PouchDatabase }).remote);
    await engine.round();
    expect(await loadTownData(again)).toEqual(await loadTownData(a.db));
  }, 60_000);
});

describe('the Conflicts list', () => {
  it('ends a conflict between revisions when sync settles it, but never one a merge or an unsent edit set aside', async () => {
    const db = testDb();
    const base = {
      type: 'person' as const,
      others: [{ data: { id: 'x', name: 'Other' } }],
      detectedAt: '2026-12-01T12:00:00.000Z',
    };
    await saveConflicts(
      db,
      [
        { ...base, id: 'person:rev', source: 'sync', winner: { rev: '2-a', data: { id: 'rev', name: 'A' } } },
        { ...base, id: 'person:merge', source: 'merge', winner: { data: { id: 'merge', name: 'A' } } },
      ],
      [],
    );
    await saveConflicts(db, [], ['person:rev', 'person:merge']);
    expect((await listConflicts(db)).map((c) => c.id)).toEqual(['person:merge']);
  });
});
