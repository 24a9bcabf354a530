import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportBackup } from '../../../renderer/db/backup';
import {
  backupWithDocs,
  mergeBackupData,
  previewMerge,
  readShareHistory,
  recordSharedVersions,
} from '../../../renderer/db/merge';
import {
  deleteSession,
  initialiseTown,
  loadTownData,
  putPerson,
  replaceAllData,
  setAttendance,
} from '../../../renderer/db/repositories';
import type { AppDB } from '../../../renderer/db/schema';
import { listConflicts } from '../../../renderer/db/sync';
import type { TownData } from '../../../shared/domain/schema';
import { mergeWinner } from '../../../shared/sync/conflicts';
import { docsOf, listDocId } from '../../../shared/sync/docs';
import { testDb } from './helpers';

const SESSION = 'sct-2020-equity-101-2020-02-18';
/** Another session of the built-in catalog, found once a town exists. */
let OTHER_SESSION = '';

let here: AppDB;
let there: AppDB;
beforeEach(() => {
  here = testDb();
  there = testDb();
});
afterEach(async () => {
  for (const db of [here, there]) {
    db.close();
    await db.delete();
  }
});

const pat = (title: string) => ({
  id: 'pat',
  name: 'Pat Lee',
  positions: [{ id: 'pos-1', kind: 'staff' as const, department: 'Clerk', title, level: 'other' as const }],
});

/** Two computers that shared one town (a backup saved here, restored there), then each edited. */
async function twoComputers(): Promise<TownData> {
  await initialiseTown(here, { name: 'Testville', certificationYear: 2026 });
  await putPerson(here, pat('Clerk'));
  const shared = (await loadTownData(here))!;
  OTHER_SESSION = shared.sessions.find((x) => x.id !== SESSION)!.id;
  await recordSharedVersions(here, docsOf(shared));
  await replaceAllData(there, shared);
  await recordSharedVersions(there, docsOf(shared));

  await deleteSession(here, OTHER_SESSION);
  await putPerson(here, pat('Town Clerk'));
  await setAttendance(here, 'pat', SESSION, true);

  await putPerson(there, { id: 'noor', name: 'Noor Haddad' });
  await putPerson(there, pat('Assistant Clerk'));
  await setAttendance(there, 'pat', SESSION, true);
  return (await loadTownData(there))!;
}

describe('the share history', () => {
  it('records versions per record and stays out of backups', async () => {
    await initialiseTown(here, { name: 'Testville', certificationYear: 2026 });
    const { json, docs } = await backupWithDocs(here, { appVersion: '0.1.0' });
    await recordSharedVersions(here, docs);
    const history = await readShareHistory(here);
    expect(history.size).toBe(docs.length);
    expect(history.get('town')).toHaveLength(1);
    expect(json).not.toContain('sync:history');
    expect(await exportBackup(here, { appVersion: '0.1.0' })).not.toContain(history.get('town')![0]);
  });
});

describe('merging a backup', () => {
  it('adds, keeps deletions, makes one attendance record and stores the conflict with the deterministic winner', async () => {
    const theirs = await twoComputers();
    const preview = await previewMerge(here, theirs);
    expect(preview.otherTown).toBeNull();
    expect(preview.plan.added.map((d) => d._id)).toEqual(['person:noor']);
    expect(preview.plan.deletedHere).toEqual([listDocId('session', OTHER_SESSION)]);
    expect(preview.plan.conflicts.map((c) => c.id)).toEqual(['person:pat']);

    const ours = (await loadTownData(here))!;
    const result = await mergeBackupData(here, theirs, new Date('2026-12-01T10:00:00.000Z'));
    expect(result.ok).toBe(true);
    const after = (await loadTownData(here))!;
    expect(after.people.map((p) => p.id).sort()).toEqual(['noor', 'pat']);
    expect(after.sessions.some((s) => s.id === OTHER_SESSION)).toBe(false);
    expect(after.attendance.filter((a) => a.personId === 'pat')).toEqual([
      { personId: 'pat', sessionId: SESSION },
    ]);

    const patHere = docsOf(ours).find((d) => d._id === 'person:pat')!;
    const patThere = docsOf(theirs).find((d) => d._id === 'person:pat')!;
    const { winner, other } = mergeWinner(patHere, patThere);
    expect(after.people.find((p) => p.id === 'pat')).toEqual(winner.data);
    const conflicts = await listConflicts(here);
    expect(conflicts).toEqual([
      {
        id: 'person:pat',
        type: 'person',
        source: 'merge',
        winner: { data: winner.data },
        others: [{ data: other.data }],
        detectedAt: '2026-12-01T10:00:00.000Z',
      },
    ]);
    // Nothing else changed: the rest of the town is as it was here.
    const rest = (d: TownData) => ({
      ...d,
      people: d.people.filter((p) => p.id !== 'pat' && p.id !== 'noor'),
    });
    expect(rest(after)).toEqual(rest(ours));

    // The same winner when the other computer merges this one's backup.
    const back = await mergeBackupData(there, ours);
    expect(back.ok).toBe(true);
    expect((await loadTownData(there))!.people.find((p) => p.id === 'pat')).toEqual(winner.data);

    // Merging the same backup again changes nothing and adds no second conflict.
    const again = await mergeBackupData(here, theirs);
    expect(again.ok && again.plan.put.length + again.plan.conflicts.length).toBe(0);
    expect(await loadTownData(here)).toEqual(after);
    expect(await listConflicts(here)).toEqual(conflicts);
  });

  it('takes a change made only in the backup without a conflict', async () => {
    await initialiseTown(here, { name: 'Testville', certificationYear: 2026 });
    await putPerson(here, pat('Clerk'));
    const shared = (await loadTownData(here))!;
    await recordSharedVersions(here, docsOf(shared));
    const theirs: TownData = { ...shared, people: [{ ...shared.people[0]!, notes: 'Moved to Finance' }] };
    const result = await mergeBackupData(here, theirs);
    expect(result.ok && result.plan.changed.map((d) => d._id)).toEqual(['person:pat']);
    expect((await loadTownData(here))!.people[0]!.notes).toBe('Moved to Finance');
    expect(await listConflicts(here)).toEqual([]);
  });

  it('leaves everything as it was when a write fails half-way', async () => {
    const theirs = await twoComputers();
    const before = await loadTownData(here);
    const history = await readShareHistory(here);
    // Fails after the records were written, before the Conflicts list and history.
    const spy = vi.spyOn(here.syncConflicts, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
    const result = await mergeBackupData(here, theirs);
    expect(spy).toHaveBeenCalled();
    expect(result).toEqual({
      ok: false,
      message: 'The backup could not be merged (disk full). Nothing was changed.',
    });
    expect(await loadTownData(here)).toEqual(before);
    expect(await listConflicts(here)).toEqual([]);
    expect(await readShareHistory(here)).toEqual(history);
  });

  it('refuses in plain words when there is no town here, changing nothing', async () => {
    await initialiseTown(there, { name: 'Testville', certificationYear: 2026 });
    const theirs = (await loadTownData(there))!;
    const result = await mergeBackupData(here, theirs);
    expect(result).toEqual({
      ok: false,
      message: 'There is no town on this computer yet. Restore the backup instead of merging it.',
    });
    expect(await loadTownData(here)).toBeNull();
    expect((await readShareHistory(here)).size).toBe(0);
  });
});
