import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  WRITE_CHUNK,
  getLastCsvImport,
  importPeople,
  importPlanned,
  writePlannedImport,
} from '../../../renderer/db/csv';
import { initialiseTown, loadTownData, putPerson } from '../../../renderer/db/repositories';
import type { AppDB } from '../../../renderer/db/schema';
import { readCsv } from '../../../renderer/src/csv/parse';
import { guessMapping, mapRows } from '../../../shared/csv/people';
import type { PersonCandidate } from '../../../shared/csv/people';
import { planFromRead } from '../../../shared/csv/preview';
import type { PlannedImport, PreviewSettings } from '../../../shared/csv/preview';
import type { Person } from '../../../shared/domain/schema';
import { testDb } from './helpers';

let db: AppDB;
beforeEach(async () => {
  db = testDb();
  await initialiseTown(db, { name: 'Harbor Falls', certificationYear: 2026 });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** The candidates a CSV text gives with the guessed mapping (every row expected valid). */
function candidatesOf(text: string): PersonCandidate[] {
  const read = readCsv(text);
  if (!read.ok) throw new Error(read.message);
  const mapped = mapRows(read.table, guessMapping(read.table.headers));
  expect(mapped.rows.filter((r) => r.status === 'error')).toEqual([]);
  return mapped.candidates;
}

const roster = [
  'Name,Email,Lives in town,Kind of position,Body,Title',
  'Ann Lee,ann@example.org,yes,Sustainability team member,,Chair',
  'Bo Diaz,,no,Appointed,Conservation Commission,Member',
  'Cy Park,cy@example.org,,Elected,Board of Selectmen,First Selectman',
].join('\n');

const snapshot = async () => {
  const data = await loadTownData(db);
  return { data, meta: await db.meta.toArray() };
};

describe('importPeople()', () => {
  it('adds every person of the file and remembers the import', async () => {
    const r = await importPeople(db, candidatesOf(roster), {
      onMatch: 'skip',
      fileName: 'roster.csv',
      now: '2026-03-01T12:00:00.000Z',
    });
    expect(r).toEqual({ ok: true, added: 3, updated: 0, unchanged: 0 });
    const people = (await loadTownData(db))!.people;
    expect(people.map((p) => [p.name, p.email, p.isResident, p.positions.map((x) => x.kind)])).toEqual([
      ['Ann Lee', 'ann@example.org', true, ['teamMember']],
      ['Bo Diaz', '', false, ['appointed']],
      ['Cy Park', 'cy@example.org', false, ['elected']],
    ]);
    expect(await getLastCsvImport(db)).toEqual({
      fileName: 'roster.csv',
      at: '2026-03-01T12:00:00.000Z',
      added: 3,
      updated: 0,
      unchanged: 0,
    });
  });

  it('does not duplicate anyone when the same file is imported again, skipping or updating', async () => {
    await importPeople(db, candidatesOf(roster), { onMatch: 'skip', fileName: 'roster.csv' });
    const before = (await loadTownData(db))!.people;
    expect(await importPeople(db, candidatesOf(roster), { onMatch: 'skip', fileName: 'roster.csv' })).toEqual(
      {
        ok: true,
        added: 0,
        updated: 0,
        unchanged: 3,
      },
    );
    expect(
      await importPeople(db, candidatesOf(roster), { onMatch: 'update', fileName: 'roster.csv' }),
    ).toEqual({
      ok: true,
      added: 0,
      updated: 0,
      unchanged: 3,
    });
    expect((await loadTownData(db))!.people).toEqual(before);
  });

  it('recognises people typed in by hand with different case and spacing', async () => {
    await putPerson(db, { id: 'p1', name: '  ANN   LEE', email: 'Ann@Example.org' });
    const r = await importPeople(db, candidatesOf(roster), { onMatch: 'update', fileName: 'roster.csv' });
    expect(r).toEqual({ ok: true, added: 2, updated: 1, unchanged: 0 });
    const ann = (await db.people.get('p1'))!;
    expect(ann).toMatchObject({ name: '  ANN   LEE'.trim(), isResident: true });
    expect(ann.positions.map((p) => p.title)).toEqual(['Chair']);
    expect(await db.people.count()).toBe(3);
  });

  it('leaves the database unchanged when an error is thrown half-way through the writes', async () => {
    await putPerson(db, { id: 'p1', name: 'Ann Lee', email: 'ann@example.org' });
    const before = await snapshot();
    let created = 0;
    // A fault injected inside the transaction, after the first new person was written.
    const fault = function (this: unknown) {
      created += 1;
      if (created === 2) throw new Error('disk full (simulated)');
    };
    db.people.hook('creating', fault);
    try {
      const r = await importPeople(db, candidatesOf(roster), { onMatch: 'update', fileName: 'roster.csv' });
      expect(r).toEqual({
        ok: false,
        message:
          'Nothing was imported, because saving failed (disk full (simulated)). The roster is as it was.',
      });
    } finally {
      db.people.hook('creating').unsubscribe(fault);
    }
    expect(created).toBe(2);
    expect(await snapshot()).toEqual(before);
  });

  it('leaves the people untouched when the very last write (the import record) fails', async () => {
    await putPerson(db, { id: 'p1', name: 'Ann Lee', email: 'ann@example.org' });
    const before = await snapshot();
    const fault = () => {
      throw new Error('quota exceeded (simulated)');
    };
    db.meta.hook('creating', fault);
    try {
      const r = await importPeople(db, candidatesOf(roster), { onMatch: 'update', fileName: 'roster.csv' });
      expect(r.ok).toBe(false);
    } finally {
      db.meta.hook('creating').unsubscribe(fault);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses the whole import, writing nothing, when a candidate breaks the person schema', async () => {
    const before = await snapshot();
    const [good] = candidatesOf(roster);
    const bad: PersonCandidate = { ...good!, key: 'other', name: 'x'.repeat(10000) };
    const r = await importPeople(db, [good!, bad], { onMatch: 'skip', fileName: 'roster.csv' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/: Name must be at most 200 characters/);
    expect(await snapshot()).toEqual(before);
  });

  it('stores <script>, emoji and right-to-left names as the exact text', async () => {
    const names = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'Zoë 🌱 Ortiz', 'مريم الحسن'];
    const r = await importPeople(db, candidatesOf(`Name\n${names.map((n) => `"${n}"`).join('\n')}\n`), {
      onMatch: 'skip',
      fileName: 'x.csv',
    });
    expect(r).toMatchObject({ ok: true, added: 4 });
    expect(new Set((await loadTownData(db))!.people.map((p) => p.name))).toEqual(new Set(names));
  });

  it('reads no import record written in an unknown shape', async () => {
    await db.meta.put({ key: 'lastCsvImport', value: { fileName: 3 } });
    expect(await getLastCsvImport(db)).toBeNull();
  });
});

describe('importPeople() and names already on the roster', () => {
  it('merges a same-name row without email into the stored person by default, and adds it when told to', async () => {
    await putPerson(db, { id: 'ruth', name: 'Ruth Alvarez', email: 'ruth@example.org' });
    const candidates = candidatesOf(
      'Name,Email,Kind of position,Title\nruth álvarez,,Sustainability team member,Chair\n',
    );
    const merged = await importPeople(db, candidates, { onMatch: 'skip', fileName: 'a.csv' });
    expect(merged).toEqual({ ok: true, added: 0, updated: 1, unchanged: 0 });
    let people = (await loadTownData(db))!.people;
    expect(people.map((p) => [p.id, p.name, p.positions.map((x) => x.title)])).toEqual([
      ['ruth', 'Ruth Alvarez', ['Chair']],
    ]);

    const added = await importPeople(db, candidates, {
      onMatch: 'skip',
      fileName: 'a.csv',
      decisions: new Map([[candidates[0]!.key, { action: 'add' }]]),
    });
    expect(added).toEqual({ ok: true, added: 1, updated: 0, unchanged: 0 });
    people = (await loadTownData(db))!.people;
    expect(people.map((p) => p.name).sort()).toEqual(['Ruth Alvarez', 'ruth álvarez']);
  });

  it('leaves the roster unchanged when saving fails after a same-name merge was written', async () => {
    await putPerson(db, { id: 'ruth', name: 'Ruth Alvarez', email: 'ruth@example.org' });
    const before = await snapshot();
    const candidates = candidatesOf(
      'Name,Email,Kind of position,Title\nRuth Alvarez,,Sustainability team member,Chair\nNew Person,,,\n',
    );
    // The new person is added first; the fault then hits the merge's update, in the same transaction.
    let updates = 0;
    const fault = () => {
      updates += 1;
      throw new Error('disk full (simulated)');
    };
    db.people.hook('updating', fault);
    try {
      expect((await importPeople(db, candidates, { onMatch: 'skip', fileName: 'a.csv' })).ok).toBe(false);
    } finally {
      db.people.hook('updating').unsubscribe(fault);
    }
    expect(updates).toBe(1);
    expect(await snapshot()).toEqual(before);
  });
});

/** A file of `n` new people, read and planned the way the importer's worker plans it. */
function plannedOf(n: number, roster: readonly Person[]): PlannedImport {
  const rows = Array.from({ length: n }, (_, i) => `Person ${i},p${i}@example.org`);
  const read = readCsv(`Name,Email\n${rows.join('\n')}\n`);
  if (!read.ok) throw new Error(read.message);
  const settings: PreviewSettings = {
    hasHeaders: true,
    mapping: guessMapping(read.table.headers),
    defaultKind: null,
    onMatch: 'skip',
    decisions: new Map(),
  };
  const plan = planFromRead(read, roster, settings, () => crypto.randomUUID());
  if (plan === null) throw new Error('no plan');
  return plan;
}

describe('writePlannedImport(): a plan made in the worker, written by the window', () => {
  it('writes a large plan in chunks, all in one transaction', async () => {
    const planned = plannedOf(WRITE_CHUNK * 2 + 10, []);
    const bulkAdd = vi.spyOn(db.people, 'bulkAdd');
    const r = await writePlannedImport(db, planned, [], {
      fileName: 'big.csv',
      now: '2026-03-01T12:00:00.000Z',
    });
    expect(r).toEqual({ ok: true, added: WRITE_CHUNK * 2 + 10, updated: 0, unchanged: 0 });
    expect(bulkAdd).toHaveBeenCalledTimes(3);
    bulkAdd.mockRestore();
    expect((await loadTownData(db))!.people).toHaveLength(WRITE_CHUNK * 2 + 10);
  });

  it('leaves the database unchanged when a later chunk fails', async () => {
    const before = await snapshot();
    let created = 0;
    const fault = () => {
      created += 1;
      if (created === WRITE_CHUNK + 5) throw new Error('disk full (simulated)');
    };
    db.people.hook('creating', fault);
    try {
      const r = await writePlannedImport(db, plannedOf(WRITE_CHUNK * 2, []), [], { fileName: 'big.csv' });
      expect(r).toEqual({
        ok: false,
        message:
          'Nothing was imported, because saving failed (disk full (simulated)). The roster is as it was.',
      });
    } finally {
      db.people.hook('creating').unsubscribe(fault);
    }
    expect(created).toBe(WRITE_CHUNK + 5);
    expect(await snapshot()).toEqual(before);
  });

  it('writes nothing when the roster changed after the plan was made, and importPlanned plans again', async () => {
    const basis: Person[] = [];
    const planned = plannedOf(3, basis);
    // Someone adds Person 1 by hand while the preview is open.
    await putPerson(db, { id: 'h1', name: 'Person 1', email: 'p1@example.org' });
    const before = await snapshot();
    const stale = await writePlannedImport(db, planned, basis, { fileName: 'three.csv' });
    expect(stale).toMatchObject({ ok: false, stale: true });
    expect(await snapshot()).toEqual(before);

    const rosters: number[] = [];
    const r = await importPlanned(
      db,
      (roster) => {
        rosters.push(roster.length);
        return Promise.resolve(plannedOf(3, roster));
      },
      basis,
      { fileName: 'three.csv' },
    );
    // Planned against the preview's empty roster, refused, planned again against the stored one.
    expect(rosters).toEqual([0, 1]);
    expect(r).toEqual({ ok: true, added: 2, updated: 0, unchanged: 1 });
    expect((await loadTownData(db))!.people.map((p) => p.name).sort()).toEqual([
      'Person 0',
      'Person 1',
      'Person 2',
    ]);
  });

  it('refuses a plan with a person the schema refuses, and a planner that fails, writing nothing', async () => {
    const before = await snapshot();
    const planned = plannedOf(2, []);
    const r = await writePlannedImport(
      db,
      { ...planned, problem: 'Person 0: positions must hold at most 100 items' },
      [],
      {
        fileName: 'bad.csv',
      },
    );
    expect(r).toEqual({
      ok: false,
      message:
        'Nothing was imported, because saving failed (Person 0: positions must hold at most 100 items). The roster is as it was.',
    });
    const died = await importPlanned(db, () => Promise.reject(new Error('the reader stopped')), [], {
      fileName: 'bad.csv',
    });
    expect(died).toEqual({
      ok: false,
      message: 'Nothing was imported (the reader stopped). The roster is as it was.',
    });
    expect(await snapshot()).toEqual(before);
  });
});
