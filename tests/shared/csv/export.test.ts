import { describe, expect, it } from 'vitest';
import { attendanceTable, rosterHeaders, rosterTable } from '../../../shared/csv/export';
import { guessMapping, mapRows } from '../../../shared/csv/people';
import type { CsvTable } from '../../../shared/csv/people';
import type { Person } from '../../../shared/domain/schema';

const ann: Person = {
  id: 'p1',
  name: 'Ann Lee',
  email: 'ann@example.org',
  isResident: true,
  notes: '',
  positions: [
    {
      id: 'a',
      kind: 'staff',
      department: 'Public Works',
      title: 'Director',
      level: 'director',
      start: '2024-01-05',
      end: null,
    },
    {
      id: 'b',
      kind: 'elected',
      body: 'otherExecutive',
      bodyName: 'Board of Burgesses',
      title: 'Warden',
      start: null,
      end: '2025-12-31',
    },
  ],
};
const bo: Person = { id: 'p2', name: 'Bo Diaz', email: '', isResident: false, notes: '', positions: [] };

describe('rosterTable()', () => {
  it('writes one row per position and one row for a person without any', () => {
    expect(rosterTable([ann, bo])).toEqual([
      [...rosterHeaders],
      [
        'Ann Lee',
        'ann@example.org',
        'Yes',
        'Municipal staff',
        'Public Works',
        'Director',
        'Director level',
        '2024-01-05',
        '',
      ],
      [
        'Ann Lee',
        'ann@example.org',
        'Yes',
        // The kind says "other executive body", so the import cannot take it for another elected body.
        'Elected official, other executive body',
        'Board of Burgesses',
        'Warden',
        '',
        '',
        '2025-12-31',
      ],
      ['Bo Diaz', '', 'No', '', '', '', '', '', ''],
    ]);
  });

  it('reads back through the importer as the same people and positions', () => {
    const [headers, ...rows] = rosterTable([ann, bo]);
    const table: CsvTable = {
      headers: headers!,
      rows: rows.map((cells, i) => ({ rowNumber: i + 2, cells })),
    };
    const { candidates, rows: outcomes } = mapRows(table, guessMapping(table.headers));
    expect(outcomes.every((r) => r.status === 'ok')).toBe(true);
    expect(candidates.map((c) => [c.name, c.email, c.isResident, c.positions.length])).toEqual([
      ['Ann Lee', 'ann@example.org', true, 2],
      ['Bo Diaz', '', false, 0],
    ]);
    expect(candidates[0]!.positions[0]).toEqual({ ...ann.positions[0], id: undefined });
  });
});

describe('attendanceTable()', () => {
  it('lists each attendance with its session and training, by date then name', () => {
    const t = attendanceTable({
      people: [ann, bo],
      series: [{ id: 's', name: 'Equity 101', description: '' }],
      trainings: [
        {
          id: 't',
          name: 'Implicit bias',
          provider: 'SCT',
          providedBySustainableCT: true,
          isEquity: true,
          delivery: 'liveVirtual',
          description: '',
          seriesId: 's',
        },
      ],
      sessions: [
        {
          id: 'x2',
          trainingId: 't',
          date: '2025-04-01',
          startTime: null,
          endTime: null,
          location: 'Zoom',
          reportedAttendeeCount: null,
          departmentsReported: [],
        },
        {
          id: 'x1',
          trainingId: 't',
          date: '2025-03-01',
          startTime: '09:00',
          endTime: '10:00',
          location: 'Hall',
          reportedAttendeeCount: null,
          departmentsReported: [],
        },
      ],
      attendance: [
        { personId: 'p2', sessionId: 'x1' },
        { personId: 'p1', sessionId: 'x2' },
        { personId: 'p1', sessionId: 'x1' },
      ],
    });
    expect(t.slice(1).map((r) => [r[0], r[8]])).toEqual([
      ['2025-03-01', 'Ann Lee'],
      ['2025-03-01', 'Bo Diaz'],
      ['2025-04-01', 'Ann Lee'],
    ]);
    expect(t[1]).toEqual([
      '2025-03-01',
      '09:00',
      '10:00',
      'Implicit bias',
      'Equity 101',
      'SCT',
      'Live virtual',
      'Hall',
      'Ann Lee',
      'ann@example.org',
      'Yes',
    ]);
  });
});
