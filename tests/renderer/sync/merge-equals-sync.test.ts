/**
 * Issue 15: "a backup from a second profile merged into the first gives the same result as
 * sync would". Two worlds start from the same shared town and make the same edits on both
 * computers; in one the computers sync through a server, in the other the second computer's
 * backup is merged into the first. The first computer ends with the same records and the
 * same conflict (the same versions kept), whichever way the records travelled. Only which
 * version of the conflict is shown may differ: sync takes CouchDB's winner, merge
 * `mergeWinner`; both keep the other.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mergeBackupData, recordSharedVersions } from '../../../renderer/db/merge';
import {
  deleteSession,
  loadTownData,
  putPerson,
  replaceAllData,
  setAttendance,
} from '../../../renderer/db/repositories';
import type { AppDB } from '../../../renderer/db/schema';
import { listConflicts } from '../../../renderer/db/sync';
import type { ConflictRow } from '../../../renderer/db/sync';
import type { TownData } from '../../../shared/domain/schema';
import { docsOf } from '../../../shared/sync/docs';
import { startCouchServer } from '../../fixtures/couch-server';
import type { CouchServer } from '../../fixtures/couch-server';
import { smallTown } from '../../fixtures/synthetic-towns';
import { testDb } from '../db/helpers';
import { syncEngine } from './helpers';

let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
  await server.createTownDb('merge-or-sync', 'clerk', 'pw');
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

const engine = (db: AppDB) => syncEngine(db, server, 'merge-or-sync');

const town = smallTown(11);
const person = town.people[0]!;
const session = town.sessions.find(
  (s) => !town.attendance.some((a) => a.sessionId === s.id && a.personId === person.id),
)!;
const doomed = town.sessions.find((s) => s.id !== session.id)!;
const retitle = (title: string) => ({
  ...person,
  positions: person.positions.map((p, i) => (i === 0 && 'title' in p ? { ...p, title } : p)),
});

/** The same edits on both computers, as in the issue: a new person there, a title on both, one tick on both, a session deleted here. */
async function edit(here: AppDB, there: AppDB): Promise<void> {
  await putPerson(there, { ...person, id: 'newcomer', name: 'Nia Newcomer', email: '' });
  await putPerson(here, retitle('Chair (here)'));
  await putPerson(there, retitle('Chair (there)'));
  await setAttendance(here, person.id, session.id, true);
  await setAttendance(there, person.id, session.id, true);
  await deleteSession(here, doomed.id);
}

/** The records with the conflicted person taken out, and the conflicts as sets of versions. */
function comparable(data: TownData, conflicts: ConflictRow[]) {
  return {
    data: { ...data, people: data.people.filter((p) => p.id !== person.id) },
    conflicts: conflicts.map((c) => ({
      id: c.id,
      versions: [c.winner, ...c.others].map((v) => JSON.stringify(v.data)).sort(),
    })),
  };
}

it('merging the colleague’s backup gives what sync gives', async () => {
  // World 1: sync through the server.
  const hereS = testDb();
  const thereS = testDb();
  const syncHere = engine(hereS);
  const syncThere = engine(thereS);
  await replaceAllData(hereS, town);
  await syncHere.round();
  await syncThere.round();
  await edit(hereS, thereS);
  await syncHere.round();
  await syncThere.round();
  await syncHere.round();

  // World 2: a backup saved here and restored there, then the colleague's backup merged here.
  const hereM = testDb();
  const thereM = testDb();
  await replaceAllData(hereM, town);
  await recordSharedVersions(hereM, docsOf(town));
  await replaceAllData(thereM, town);
  await recordSharedVersions(thereM, docsOf(town));
  await edit(hereM, thereM);
  const merged = await mergeBackupData(hereM, (await loadTownData(thereM))!);
  expect(merged.ok).toBe(true);

  const bySync = comparable((await loadTownData(hereS))!, await listConflicts(hereS));
  const byMerge = comparable((await loadTownData(hereM))!, await listConflicts(hereM));
  expect(byMerge.data).toEqual(bySync.data);
  expect(byMerge.conflicts).toEqual(bySync.conflicts);
  expect(bySync.conflicts).toHaveLength(1);
  expect(bySync.conflicts[0]!.versions.some((v) => v.includes('Chair (here)'))).toBe(true);
  expect(bySync.conflicts[0]!.versions.some((v) => v.includes('Chair (there)'))).toBe(true);
}, 60_000);
