import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getLastCsvImport, importPeople } from '../../../renderer/db/csv';
import { initialiseTown, loadTownData, putPerson } from '../../../renderer/db/repositories';
import type { AppDB } from '../../../renderer/db/schema';
import { readCsv } from '../../../renderer/src/csv/parse';
import { guessMapping, mapRows } from '../../../shared/csv/people';
import type { PersonCandidate } from '../../../shared/csv/people';
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
