/**
 * Export → import is the identity on generated rosters: every person's name, email,
 * "lives in town" and positions (kind, body, title, level, dates, in order, repeats
 * included) come back exactly, whatever the text holds — separators, quotes, line
 * breaks, formulas, a leading apostrophe, emoji, right-to-left script.
 *
 * What a roster CSV does not carry is left out of the comparison, on purpose: ids
 * (an import makes new ones), notes, and the stored name of a body the app names
 * itself (a Board of Selectmen's `bodyName` is never shown or used). Two people
 * with the same name and email are one person in a file (the importer's rule), so a
 * generated roster keeps only the first of such a pair.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../renderer/src/csv/export';
import { readCsvBytes } from '../../../renderer/src/csv/parse';
import { guessMapping, mapRows, matchKey, planImport, rosterTable } from '../../../shared/csv';
import type { Person, Position } from '../../../shared/domain/schema';
import { townDataArb } from '../../fixtures/arbitraries';

/** What of a position a CSV row carries. */
function carried(p: Position): Record<string, unknown> {
  const { id: _id, ...rest } = p;
  if (rest.kind === 'elected' && rest.body !== 'otherExecutive' && rest.body !== 'otherElected') {
    return { ...rest, bodyName: '' };
  }
  return rest;
}
const carriedPerson = (p: Person) => ({
  name: p.name,
  email: p.email,
  isResident: p.isResident,
  positions: p.positions.map(carried),
});

/** The roster with one person per name-and-email, as a file can hold them. */
function distinctPeople(people: readonly Person[]): Person[] {
  const seen = new Set<string>();
  return people.filter((p) => {
    const key = matchKey(p.name, p.email);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Exports the roster to CSV bytes (as the file on disk) and imports them into an empty roster. */
function roundTrip(people: readonly Person[]): Person[] {
  const bytes = new TextEncoder().encode(toCsv(rosterTable(people)));
  const read = readCsvBytes(bytes);
  if (!read.ok) throw new Error(`the export was refused: ${read.message}`);
  expect(read.decoded?.encoding).toBe('utf-8');
  const mapped = mapRows(read.table, guessMapping(read.table.headers));
  const bad = mapped.rows.filter((r) => r.status === 'error');
  if (bad.length > 0) throw new Error(`rows refused: ${JSON.stringify(bad)}`);
  let n = 0;
  return planImport(mapped.candidates, [], 'skip', () => `new-${++n}`).add;
}

describe('roster CSV export → import', () => {
  it('gives back every generated roster exactly', () => {
    fc.assert(
      fc.property(townDataArb, (data) => {
        const people = distinctPeople(data.people);
        // An empty roster exports just the column names, which the importer rightly refuses.
        fc.pre(people.length > 0);
        expect(roundTrip(people).map(carriedPerson)).toEqual(people.map(carriedPerson));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the cases the audit found: other executive body, a leading apostrophe, identical positions', () => {
    const positions: Position[] = [
      {
        id: 'a',
        kind: 'elected',
        body: 'otherExecutive',
        bodyName: 'Board of Burgesses',
        title: '',
        start: null,
        end: null,
      },
      {
        id: 'b',
        kind: 'elected',
        body: 'otherExecutive',
        bodyName: '',
        title: 'Warden',
        start: null,
        end: null,
      },
      {
        id: 'c',
        kind: 'appointed',
        body: 'Conservation Commission',
        title: 'Member',
        start: null,
        end: null,
      },
      {
        id: 'd',
        kind: 'appointed',
        body: 'Conservation Commission',
        title: 'Member',
        start: null,
        end: null,
      },
      { id: 'e', kind: 'teamMember', title: 'Chair;=1+1', start: '2024-01-01', end: null },
    ];
    const people: Person[] = [
      { id: 'p1', name: "'=Ann Lee", email: '', isResident: true, positions, notes: '' },
      { id: 'p2', name: "'Tis Bo", email: 'bo@example.org', isResident: false, positions: [], notes: '' },
      { id: 'p3', name: '=1+1', email: '', isResident: false, positions: [], notes: '' },
    ];
    const back = roundTrip(people);
    expect(back.map(carriedPerson)).toEqual(people.map(carriedPerson));
    expect(back[0]!.positions[0]).toMatchObject({ body: 'otherExecutive', bodyName: 'Board of Burgesses' });
    expect(back[0]!.positions).toHaveLength(5);
  });
});
