import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  deleteCertification,
  deletePartner,
  deletePerson,
  deleteSeries,
  deleteSession,
  deleteTraining,
  initialiseTown,
  loadTownData,
  newId,
  putCertification,
  putPartner,
  putPerson,
  putSession,
  putTraining,
  saveSettings,
  saveTown,
  setAttendance,
  setAttendanceBulk,
  undoDelete,
  usageCounts,
  ValidationError,
} from '../../../renderer/db/repositories';
import type { Undo } from '../../../renderer/db/repositories';
import type { AppDB } from '../../../renderer/db/schema';
import { testDb } from './helpers';

let db: AppDB;
beforeEach(() => {
  db = testDb();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const E101 = 'sct-2020-equity-101';
const E101_FEB = 'sct-2020-equity-101-2020-02-18';
const E101_APR = 'sct-2020-equity-101-2020-04-21';
const ANTI_MAR = 'sct-2020-everyday-anti-racism-2020-03-17';

async function townWithPeople() {
  await initialiseTown(db, { name: 'Testville', certificationYear: 2026 });
  await putPerson(db, { id: 'pat', name: 'Pat Lee', positions: [] });
  await putPerson(db, { id: 'kim', name: 'Kim Cho', positions: [] });
  await setAttendanceBulk(db, [
    { personId: 'pat', sessionId: E101_FEB, attended: true },
    { personId: 'pat', sessionId: ANTI_MAR, attended: true },
    { personId: 'kim', sessionId: E101_APR, attended: true },
  ]);
}

/** The attendance pairs stored, as the repositories hand them out (whatever the table layout). */
async function storedPairs(): Promise<{ personId: string; sessionId: string }[]> {
  return (await loadTownData(db))?.attendance ?? [];
}

/** Expects `fn` to throw a ValidationError and returns it. */
async function validationError(fn: () => Promise<unknown>): Promise<ValidationError> {
  const e = await fn().then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ValidationError);
  return e as ValidationError;
}

describe('loadTownData()', () => {
  it('is null before the first-run guide creates the town', async () => {
    expect(await loadTownData(db)).toBeNull();
  });

  it('lists people by name whatever their ids', async () => {
    await initialiseTown(db, { name: 'T', certificationYear: 2026 });
    await putPerson(db, { id: 'a', name: 'Zoë Ward' });
    await putPerson(db, { id: 'b', name: 'álvaro Ruiz' });
    await putPerson(db, { id: 'c', name: 'Ben Ode' });
    expect((await loadTownData(db))!.people.map((p) => p.name)).toEqual([
      'álvaro Ruiz',
      'Ben Ode',
      'Zoë Ward',
    ]);
  });
});

describe('initialiseTown()', () => {
  it('writes the town, default settings and the built-in catalog', async () => {
    await initialiseTown(db, { name: 'Testville', certificationYear: 2026 });
    const data = (await loadTownData(db))!;
    expect(data.town).toMatchObject({ name: 'Testville', certificationYear: 2026, asOfDate: null });
    expect(data.settings.actionName).toBe('Participate in Equity Training');
    expect(data.series.map((s) => s.id).sort()).toEqual([
      'sct-2020',
      'sct-2026-spring',
      'sct-2026-summer',
      'sct-2026-winter',
    ]);
    expect(data.trainings).toHaveLength(3 + 9);
    expect(data.sessions).toHaveLength(6 + 9);
  });

  it('refuses a year out of range and writes nothing', async () => {
    const e = await validationError(() => initialiseTown(db, { name: 'X', certificationYear: 1999 }));
    expect(e.issues[0]!.path).toBe('certificationYear');
    expect(await loadTownData(db)).toBeNull();
  });
});

describe('putPerson()', () => {
  it('fills defaults and returns the saved person', async () => {
    const p = await putPerson(db, { id: newId(), name: '  José Peña ' });
    expect(p).toMatchObject({ name: 'José Peña', email: '', isResident: false, positions: [], notes: '' });
    expect(await db.people.get(p.id)).toEqual(p);
  });

  it('throws a ValidationError with field paths and leaves the data untouched', async () => {
    await putPerson(db, { id: 'pat', name: 'Pat Lee' });
    const e = await validationError(() =>
      putPerson(db, {
        id: 'pat',
        name: '',
        email: 'not-an-email',
        positions: [{ id: 'x', kind: 'teamMember', start: '2024-02-01', end: '2024-01-01' }],
      }),
    );
    expect(e.record).toBe('person');
    expect(e.issues).toEqual(
      expect.arrayContaining([
        { path: 'name', message: 'Name is required' },
        { path: 'email', message: 'must be an email address' },
        { path: 'positions[0].end', message: 'the term ends (2024-01-01) before it starts (2024-02-01)' },
      ]),
    );
    expect((await db.people.get('pat'))!.name).toBe('Pat Lee');
  });

  it('refuses two positions with the same id', async () => {
    const e = await validationError(() =>
      putPerson(db, {
        id: 'p',
        name: 'P',
        positions: [
          { id: 'x', kind: 'teamMember' },
          { id: 'x', kind: 'teamMember' },
        ],
      }),
    );
    expect(e.issues[0]!.path).toBe('positions[1].id');
  });
});

describe('putTraining() and putSession()', () => {
  it('refuse a reference to a series or training that does not exist', async () => {
    await initialiseTown(db, { name: 'T', certificationYear: 2026 });
    const t = await validationError(() =>
      putTraining(db, {
        id: 't',
        name: 'X',
        providedBySustainableCT: false,
        isEquity: true,
        delivery: 'inPerson',
        seriesId: 'nope',
      }),
    );
    expect(t.issues).toEqual([{ path: 'seriesId', message: 'no such series' }]);
    const s = await validationError(() =>
      putSession(db, { id: 's', trainingId: 'nope', date: '2025-01-01' }),
    );
    expect(s.issues).toEqual([{ path: 'trainingId', message: 'no such training' }]);
    expect(await db.trainings.get('t')).toBeUndefined();
    expect(await db.sessions.get('s')).toBeUndefined();
  });

  it('reports a missing date as required and a bad time with its path', async () => {
    await initialiseTown(db, { name: 'T', certificationYear: 2026 });
    const e = await validationError(() =>
      putSession(db, { id: 's', trainingId: E101, startTime: '25:00' } as never),
    );
    expect(e.issues).toEqual(
      expect.arrayContaining([
        { path: 'date', message: 'is required' },
        { path: 'startTime', message: 'must be a time written HH:MM (24-hour)' },
      ]),
    );
  });
});

describe('saveTown() and saveSettings()', () => {
  it('save valid input and refuse invalid input', async () => {
    await initialiseTown(db, { name: 'T', certificationYear: 2026 });
    await saveTown(db, { name: 'Harbor Falls', certificationYear: 2027, preparedBy: 'Maria' });
    await saveSettings(db, { actionNumber: '7.3', actionName: 'Train Municipal Representatives' });
    const data = (await loadTownData(db))!;
    expect(data.town).toMatchObject({ name: 'Harbor Falls', certificationYear: 2027, preparedBy: 'Maria' });
    expect(data.settings.actionNumber).toBe('7.3');
    const e = await validationError(() => saveSettings(db, { actionNumber: '' }));
    expect(e.issues[0]).toEqual({ path: 'actionNumber', message: 'Action number is required' });
  });
});

describe('setAttendance() and setAttendanceBulk()', () => {
  it('adds and removes one attendance', async () => {
    await townWithPeople();
    await setAttendance(db, 'kim', ANTI_MAR, true);
    expect(await storedPairs()).toContainEqual({ personId: 'kim', sessionId: ANTI_MAR });
    await setAttendance(db, 'kim', ANTI_MAR, false);
    expect(await storedPairs()).not.toContainEqual({ personId: 'kim', sessionId: ANTI_MAR });
  });

  it('applies all changes or none when one names an unknown person', async () => {
    await townWithPeople();
    const before = await storedPairs();
    const e = await validationError(() =>
      setAttendanceBulk(db, [
        { personId: 'pat', sessionId: E101_FEB, attended: false },
        { personId: 'ghost', sessionId: E101_FEB, attended: true },
      ]),
    );
    expect(e.issues).toEqual([{ path: '[1].personId', message: 'no such person' }]);
    expect(await storedPairs()).toEqual(before);
  });

  it('lets the later change win for the same pair', async () => {
    await townWithPeople();
    await setAttendanceBulk(db, [
      { personId: 'kim', sessionId: ANTI_MAR, attended: true },
      { personId: 'kim', sessionId: ANTI_MAR, attended: false },
    ]);
    expect(await storedPairs()).not.toContainEqual({ personId: 'kim', sessionId: ANTI_MAR });
  });

  it('stores one row per attended session, sorted, and drops the row when its last person is removed', async () => {
    await townWithPeople();
    await setAttendanceBulk(db, [
      { personId: 'kim', sessionId: E101_FEB, attended: true },
      { personId: 'kim', sessionId: E101_APR, attended: false },
    ]);
    expect(await db.sessionAttendance.toArray()).toEqual([
      { sessionId: E101_FEB, personIds: ['kim', 'pat'] },
      { sessionId: ANTI_MAR, personIds: ['pat'] },
    ]);
    expect(await db.sessionAttendance.get(E101_APR)).toBeUndefined();
    expect(await storedPairs()).toEqual([
      { personId: 'kim', sessionId: E101_FEB },
      { personId: 'pat', sessionId: E101_FEB },
      { personId: 'pat', sessionId: ANTI_MAR },
    ]);
  });
});

describe('deletePerson()', () => {
  it('removes the person and their attendance, and undo puts both back', async () => {
    await townWithPeople();
    const before = await loadTownData(db);
    const undo = await deletePerson(db, 'pat');
    const after = (await loadTownData(db))!;
    expect(after.people.map((p) => p.id)).toEqual(['kim']);
    expect(after.attendance).toEqual([{ personId: 'kim', sessionId: E101_APR }]);
    // The undo survives a trip through JSON (it may be kept in UI state or storage).
    await undoDelete(db, JSON.parse(JSON.stringify(undo)) as Undo);
    expect(await loadTownData(db)).toEqual(before);
  });
});

describe('deleteSeries()', () => {
  it('cascades to topics, sessions, attendance and credited evidence; undo restores all', async () => {
    await townWithPeople();
    await putCertification(db, {
      id: 'c1',
      yearAwarded: 2022,
      level: 'Bronze',
      credited: [
        { part: 'part1', seriesId: 'sct-2020' },
        { part: 'part2', sessionId: E101_FEB },
      ],
    });
    expect(await usageCounts(db, 'series', 'sct-2020')).toEqual({
      trainings: 3,
      sessions: 6,
      attendance: 3,
      people: 2,
      certifications: 1,
    });
    const before = await loadTownData(db);
    const undo = await deleteSeries(db, 'sct-2020');
    const after = (await loadTownData(db))!;
    // Only the 2026 cohorts are left of the catalog.
    expect(after.series.map((s) => s.id)).not.toContain('sct-2020');
    expect(after.trainings.filter((t) => t.seriesId === 'sct-2020')).toEqual([]);
    expect(after.sessions.filter((s) => s.id.startsWith('sct-2020'))).toEqual([]);
    expect(after.attendance).toEqual([]);
    expect(after.certifications[0]!.credited).toEqual([]);
    expect(after.people).toHaveLength(2);
    await undoDelete(db, undo);
    expect(await loadTownData(db)).toEqual(before);
  });
});

describe('deleteTraining() and deleteSession()', () => {
  it('remove sessions and attendance of that training or session only', async () => {
    await townWithPeople();
    expect(await usageCounts(db, 'training', E101)).toMatchObject({ sessions: 2, attendance: 2, people: 2 });
    expect(await usageCounts(db, 'session', E101_FEB)).toMatchObject({
      sessions: 0,
      attendance: 1,
      people: 1,
    });
    await deleteSession(db, E101_FEB);
    expect(await storedPairs()).toHaveLength(2);
    const undo = await deleteTraining(db, E101);
    expect(await db.sessions.where('trainingId').equals(E101).count()).toBe(0);
    expect((await storedPairs()).map((a) => a.sessionId)).toEqual([ANTI_MAR]);
    expect(undo.rows.sessions).toHaveLength(1);
    expect(undo.rows.attendance).toEqual([{ personId: 'kim', sessionId: E101_APR }]);
  });

  it('undo skips attendance whose person was deleted since', async () => {
    await townWithPeople();
    const undo = await deleteSession(db, E101_APR);
    await deletePerson(db, 'kim');
    await undoDelete(db, undo);
    expect(await db.sessions.get(E101_APR)).toBeDefined();
    expect((await storedPairs()).filter((a) => a.sessionId === E101_APR)).toEqual([]);
    expect(await db.sessionAttendance.get(E101_APR)).toBeUndefined();
  });
});

describe('usageCounts()', () => {
  it('counts a person’s attendance and gives zeros for unknown ids', async () => {
    await townWithPeople();
    expect(await usageCounts(db, 'person', 'pat')).toEqual({
      trainings: 0,
      sessions: 0,
      attendance: 2,
      people: 1,
      certifications: 0,
    });
    expect(await usageCounts(db, 'training', 'nope')).toEqual({
      trainings: 0,
      sessions: 0,
      attendance: 0,
      people: 0,
      certifications: 0,
    });
  });
});

describe('single-table deletes', () => {
  it('delete and undo a partner and a certification', async () => {
    await initialiseTown(db, { name: 'T', certificationYear: 2026 });
    const p = await putPartner(db, { id: 'pa', name: 'Town of Elsewhere', kind: 'municipality' });
    await putCertification(db, { id: 'c', yearAwarded: 2022, level: 'Bronze' });
    const u1 = await deletePartner(db, 'pa');
    const u2 = await deleteCertification(db, 'c');
    expect(await db.partners.count()).toBe(0);
    expect(await db.certifications.count()).toBe(0);
    await undoDelete(db, u1);
    await undoDelete(db, u2);
    expect(await db.partners.get('pa')).toEqual(p);
    expect(await db.certifications.count()).toBe(1);
  });

  it('refuse credited evidence that points nowhere', async () => {
    await initialiseTown(db, { name: 'T', certificationYear: 2026 });
    const e = await validationError(() =>
      putCertification(db, {
        id: 'c',
        yearAwarded: 2022,
        level: 'Bronze',
        credited: [{ part: 'part2', sessionId: 'nope' }],
      }),
    );
    expect(e.issues).toEqual([{ path: 'credited[0].sessionId', message: 'no such session' }]);
  });
});
