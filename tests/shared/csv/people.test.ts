import { describe, expect, it } from 'vitest';
import {
  emptyMapping,
  guessMapping,
  guessMappingFromCells,
  mappingProblems,
  mapRows,
  matchKey,
  planImport,
  treatFirstRowAsData,
} from '../../../shared/csv/people';
import { unneutralise } from '../../../shared/csv/text';
import type { ColumnMapping, CsvTable } from '../../../shared/csv/people';
import type { Person } from '../../../shared/domain/schema';

/** A table from a header row and data rows (row numbers as a spreadsheet shows them). */
const table = (headers: string[], ...rows: string[][]): CsvTable => ({
  headers,
  rows: rows.map((cells, i) => ({ rowNumber: i + 2, cells })),
});

const ids = () => {
  let n = 0;
  return () => `id-${++n}`;
};

const person = (over: Partial<Person> & Pick<Person, 'id' | 'name'>): Person => ({
  email: '',
  isResident: false,
  positions: [],
  notes: '',
  ...over,
});

describe('guessMapping()', () => {
  it('recognises the roster export’s own column names', () => {
    const m = guessMapping([
      'Name',
      'Email',
      'Lives in town',
      'Kind of position',
      'Body, department or school',
      'Title',
      'Staff level',
      'Start date',
      'End date',
    ]);
    expect(m).toEqual({
      name: 0,
      firstName: null,
      lastName: null,
      email: 1,
      isResident: 2,
      kind: 3,
      where: 4,
      title: 5,
      level: 6,
      start: 7,
      end: 8,
    });
  });

  it('guesses common spreadsheet names regardless of case, spaces and punctuation', () => {
    const m = guessMapping([
      'First Name',
      'LAST NAME',
      'E-mail Address',
      'Town resident?',
      'Dept.',
      'Job title',
    ]);
    expect(m).toMatchObject({
      name: null,
      firstName: 0,
      lastName: 1,
      email: 2,
      isResident: 3,
      where: 4,
      title: 5,
    });
  });

  it('uses each column once and leaves unknown columns unmapped', () => {
    const m = guessMapping(['Name', 'Name', 'Favourite colour']);
    expect(m.name).toBe(0);
    expect(Object.values(m).filter((v) => v === 1 || v === 2)).toEqual([]);
  });

  it('does not take a short word hidden inside a longer column name', () => {
    // "to" (end date) must not be found inside "Toronto office".
    expect(guessMapping(['Name', 'Toronto office']).end).toBeNull();
  });
});

describe('treatFirstRowAsData() and guessMappingFromCells()', () => {
  it('reads a list without column names: the first row is a person, emails found by their @', () => {
    const asRead = table(['Ann Lee', 'ann@example.org'], ['Bo Diaz', 'bo@example.org', 'extra']);
    const t = treatFirstRowAsData(asRead, { rowNumber: 1, cells: ['Ann Lee', 'ann@example.org'] });
    expect(t.headers).toEqual(['Column 1', 'Column 2', 'Column 3']);
    expect(t.rows.map((r) => r.rowNumber)).toEqual([1, 2]);
    const m = guessMappingFromCells(t);
    expect([m.name, m.email]).toEqual([0, 1]);
    expect(mapRows(t, m).candidates.map((c) => [c.name, c.email])).toEqual([
      ['Ann Lee', 'ann@example.org'],
      ['Bo Diaz', 'bo@example.org'],
    ]);
  });
});

describe('mappingProblems()', () => {
  it('asks for a name column when none is chosen', () => {
    expect(mappingProblems(emptyMapping(), ['A'])).toEqual([
      'Choose the column that holds each person’s name (or the first-name and last-name columns).',
    ]);
  });

  it('refuses one column chosen for two fields', () => {
    const m: ColumnMapping = { ...emptyMapping(), name: 0, title: 1, kind: 1 };
    expect(mappingProblems(m, ['Name', 'Role'])).toEqual([
      'The column “Role” is chosen for Kind of position and Title; choose it for one field only.',
    ]);
  });
});

describe('mapRows()', () => {
  const headers = ['Name', 'Email', 'Resident', 'Kind', 'Department', 'Title', 'Level', 'Start', 'End'];
  const mapping = guessMapping(headers);

  it('reads a person with a staff position, US dates turned into YYYY-MM-DD', () => {
    const r = mapRows(
      table(headers, [
        '  Ann  Lee ',
        'ann@example.org',
        'yes',
        'Staff',
        'Public Works',
        'Director',
        'Director',
        '1/5/2024',
        '',
      ]),
      mapping,
    );
    expect(r.rows).toEqual([
      {
        rowNumber: 2,
        name: 'Ann  Lee',
        status: 'ok',
        key: matchKey('Ann Lee', 'ann@example.org'),
        errors: [],
        warnings: [],
      },
    ]);
    expect(r.candidates[0]).toMatchObject({
      name: 'Ann  Lee',
      email: 'ann@example.org',
      isResident: true,
      positions: [
        {
          kind: 'staff',
          department: 'Public Works',
          title: 'Director',
          level: 'director',
          start: '2024-01-05',
          end: null,
        },
      ],
    });
  });

  it('reports every problem of a row with the row number’s column names, and leaves the row out', () => {
    const r = mapRows(
      table(headers, ['', 'not-an-email', 'maybe', 'wizard', '', '', '', '2024-02-30', '']),
      mapping,
    );
    expect(r.candidates).toEqual([]);
    expect(r.rows[0]!.status).toBe('error');
    expect(r.rows[0]!.errors).toEqual([
      'Column “Resident”: Lives in town must be yes or no, not “maybe”.',
      'Column “Kind”: “wizard” is not a kind of position the app knows. Write elected, staff, board of education, team member or appointed.',
      'Column “Name”: Name is required.',
      'Column “Email”: Email must be an email address, not “not-an-email”.',
    ]);
  });

  it('says a 10,000-character name is too long, with its length, and does not echo it', () => {
    const long = 'A'.repeat(10000);
    const r = mapRows(table(['Name'], [long]), guessMapping(['Name']));
    expect(r.rows[0]!.errors).toEqual([
      'Column “Name”: Name must be at most 200 characters (this one has 10,000).',
    ]);
    expect(r.rows[0]!.errors[0]!.length).toBeLessThan(200);
  });

  it('refuses a term that ends before it starts, and an impossible date', () => {
    const r = mapRows(
      table(
        headers,
        ['Bo', '', '', 'team', '', '', '', '2024-05-01', '2024-01-01'],
        ['Cy', '', '', 'team', '', '', '', '31/12/2024', ''],
      ),
      mapping,
    );
    expect(r.rows[0]!.errors).toEqual([
      'Column “End”: The term ends (2024-01-01) before it starts (2024-05-01).',
    ]);
    expect(r.rows[1]!.errors).toEqual([
      'Column “Start”: “31/12/2024” is not a calendar date. Write it as YYYY-MM-DD (or M/D/YYYY).',
    ]);
  });

  it('asks municipal staff for a level instead of assuming one', () => {
    const r = mapRows(table(headers, ['Bo', '', '', 'staff', 'Parks', '', '', '', '']), mapping);
    expect(r.rows[0]!.errors).toEqual([
      'Column “Level”: municipal staff need a level: director, management or other.',
    ]);
  });

  it('refuses position cells without a kind unless a default kind is chosen', () => {
    const t = table(['Name', 'Title'], ['Bo', 'Clerk']);
    const m = guessMapping(t.headers);
    expect(mapRows(t, m).rows[0]!.errors[0]).toMatch(/has a title but no kind of position/);
    const withDefault = mapRows(t, m, { defaultKind: 'appointed' });
    expect(withDefault.candidates[0]!.positions).toEqual([
      { kind: 'appointed', body: '', title: 'Clerk', start: null, end: null },
    ]);
  });

  it('keeps an unknown elected body as "other elected body" with a warning to check it', () => {
    const r = mapRows(
      table(['Name', 'Kind', 'Body'], ['Di', 'elected', 'Board of Burgesses']),
      guessMapping(['Name', 'Kind', 'Body']),
    );
    expect(r.candidates[0]!.positions[0]).toMatchObject({
      kind: 'elected',
      body: 'otherElected',
      bodyName: 'Board of Burgesses',
    });
    expect(r.rows[0]!.warnings[0]).toMatch(/not a body the app knows/);
    const known = mapRows(
      table(['Name', 'Kind', 'Body'], ['Di', 'Elected official', 'board of selectmen']),
      guessMapping(['Name', 'Kind', 'Body']),
    );
    expect(known.candidates[0]!.positions[0]).toMatchObject({ body: 'selectmen', bodyName: '' });
  });

  it('joins first and last name when there is no name column', () => {
    const t = table(['First name', 'Last name'], ['Ann', 'Lee'], ['', 'Cher']);
    expect(mapRows(t, guessMapping(t.headers)).candidates.map((c) => c.name)).toEqual(['Ann Lee', 'Cher']);
  });

  it('merges rows of the same person (case and spaces ignored) into one person, one position per row', () => {
    const t = table(
      ['Name', 'Email', 'Kind', 'Title'],
      ['Ann Lee', 'Ann@Example.org', 'team', 'Chair'],
      ['ann  lee ', 'ann@example.org', 'appointed', 'Member'],
      ['ANN LEE', 'ann@example.org', 'team', 'chair'],
    );
    const r = mapRows(t, guessMapping(t.headers));
    expect(r.candidates).toHaveLength(1);
    expect(r.candidates[0]!.rowNumbers).toEqual([2, 3, 4]);
    // A repeated position is kept (a person may hold two identical seats), with a warning to check it.
    expect(r.candidates[0]!.positions.map((p) => p.kind)).toEqual(['teamMember', 'appointed', 'teamMember']);
    expect(r.rows[2]!.warnings).toEqual([
      'This row repeats a position Ann Lee already has in this file, so they get it twice. Delete one of the rows if that is a mistake.',
    ]);
    expect(r.rows[1]!.warnings).toEqual([]);
  });

  it('refuses a later row that contradicts the first about living in town', () => {
    const t = table(['Name', 'Resident'], ['Ann', 'yes'], ['Ann', 'no']);
    const r = mapRows(t, guessMapping(t.headers));
    expect(r.rows[1]!.errors).toEqual(['Lives in town says no, but row 2 for the same person says yes.']);
  });

  it('refuses a row with more filled cells than column names', () => {
    const r = mapRows(table(['Name'], ['Lee', 'Ann']), guessMapping(['Name']));
    expect(r.rows[0]!.errors[0]).toMatch(
      /^The row has 2 cells but the file has only 1 column names, so “Ann” has no column/,
    );
  });

  it('keeps <script>, emoji and right-to-left text as plain text', () => {
    const names = ['<script>alert(1)</script>', 'Zoë 🌱 Ortiz', 'مريم الحسن', 'שרה כהן'];
    const r = mapRows(table(['Name'], ...names.map((n) => [n])), guessMapping(['Name']));
    expect(r.candidates.map((c) => c.name)).toEqual(names);
  });

  it('takes back the export’s formula guard (a leading apostrophe) but nothing else', () => {
    expect(unneutralise("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(unneutralise("'-Pat")).toBe('-Pat');
    expect(unneutralise("'Neill")).toBe("'Neill");
    expect(unneutralise("O'Neill")).toBe("O'Neill");
  });
});

describe('planImport()', () => {
  const t = table(
    ['Name', 'Email', 'Resident', 'Kind', 'Title'],
    ['Ann Lee', 'ann@example.org', 'yes', 'team', 'Chair'],
    ['Bo Diaz', '', '', 'appointed', 'Member'],
  );
  const { candidates } = mapRows(t, guessMapping(t.headers));

  it('adds everyone to an empty roster with fresh ids', () => {
    const plan = planImport(candidates, [], 'skip', ids());
    expect(plan.add.map((p) => [p.id, p.name, p.positions.map((x) => x.id)])).toEqual([
      ['id-1', 'Ann Lee', ['id-2']],
      ['id-3', 'Bo Diaz', ['id-4']],
    ]);
    expect(plan.add[1]!.isResident).toBe(false);
  });

  it('matches on name and email ignoring case and spaces, and skips matches when asked', () => {
    const stored = [person({ id: 'p1', name: ' ANN   lee', email: 'ANN@example.org ' })];
    const plan = planImport(candidates, stored, 'skip', ids());
    expect(plan.add.map((p) => p.name)).toEqual(['Bo Diaz']);
    expect(plan.update).toEqual([]);
    expect(plan.outcome.get(candidates[0]!.key)).toBe('skip');
  });

  it('does not match the same name with a different email', () => {
    const plan = planImport(
      candidates,
      [person({ id: 'p1', name: 'Ann Lee', email: 'other@example.org' })],
      'skip',
      ids(),
    );
    expect(plan.add.map((p) => p.name)).toEqual(['Ann Lee', 'Bo Diaz']);
  });

  it('updates a match by adding only positions it lacks and taking the resident flag from the file', () => {
    const stored = [
      person({
        id: 'p1',
        name: 'Ann Lee',
        email: 'ann@example.org',
        notes: 'kept',
        positions: [{ id: 'x', kind: 'appointed', body: '', title: 'Member', start: null, end: null }],
      }),
      person({
        id: 'p2',
        name: 'Bo Diaz',
        isResident: true,
        positions: [{ id: 'y', kind: 'appointed', body: '', title: ' member ', start: null, end: null }],
      }),
    ];
    const plan = planImport(candidates, stored, 'update', ids());
    expect(plan.add).toEqual([]);
    expect(plan.update).toEqual([
      {
        ...stored[0],
        isResident: true,
        positions: [
          ...stored[0]!.positions,
          { id: 'id-1', kind: 'teamMember', title: 'Chair', start: null, end: null },
        ],
      },
    ]);
    // Bo's position is already there and his empty resident cell keeps what is stored.
    expect(plan.unchanged).toEqual([stored[1]]);
    expect(plan.outcome.get(candidates[1]!.key)).toBe('unchanged');
  });
});

describe('planImport() with a name already on the roster (issue 11.4)', () => {
  const stored = [
    person({ id: 'p1', name: 'Ruth Álvarez', email: 'ruth@harborfalls.example', positions: [] }),
    person({ id: 'p2', name: 'Sam Roe', email: '' }),
  ];
  const file = table(
    ['Name', 'Email', 'Kind', 'Title'],
    ['ruth  alvarez', '', 'team', 'Chair'],
    ['RUTH ALVAREZ', 'r.alvarez@elsewhere.example', '', ''],
    ['Sam Roe', '', '', ''],
  );
  const { candidates } = mapRows(file, guessMapping(file.headers));
  const [noEmail, otherEmail, exact] = candidates;

  it('flags a same-name row without the same email, and merges it by default when it has no email', () => {
    const plan = planImport(candidates, stored, 'skip', ids());
    expect([...plan.sameName.keys()]).toEqual([noEmail!.key, otherEmail!.key]);
    expect(plan.sameName.get(noEmail!.key)!.map((p) => p.id)).toEqual(['p1']);
    expect(plan.outcome.get(noEmail!.key)).toBe('merge');
    // A different email may well be a different person: added unless the clerk says merge.
    expect(plan.outcome.get(otherEmail!.key)).toBe('add');
    expect(plan.outcome.get(exact!.key)).toBe('skip');
    expect(plan.add.map((p) => p.email)).toEqual(['r.alvarez@elsewhere.example']);
    expect(plan.update).toEqual([
      {
        ...stored[0],
        positions: [{ kind: 'teamMember', title: 'Chair', start: null, end: null, id: 'id-1' }],
      },
    ]);
  });

  it('follows the clerk’s choice: Add as new, or Merge (which fills an empty email and keeps a stored one)', () => {
    const decisions = new Map([
      [noEmail!.key, { action: 'add' as const }],
      [otherEmail!.key, { action: 'merge' as const, personId: 'p1' }],
    ]);
    const plan = planImport(candidates, stored, 'skip', ids(), decisions);
    expect(plan.outcome.get(noEmail!.key)).toBe('add');
    expect(plan.outcome.get(otherEmail!.key)).toBe('merge');
    expect(plan.add.map((p) => p.name)).toEqual(['ruth  alvarez']);
    // Nothing new from the row and a stored email already: the stored person is left as is.
    expect(plan.update).toEqual([]);
    const noEmailStored = [{ ...stored[0]!, email: '' }];
    const filled = planImport([otherEmail!], noEmailStored, 'skip', ids(), decisions);
    expect(filled.update.map((p) => p.email)).toEqual(['r.alvarez@elsewhere.example']);
  });

  it('merges several rows into one stored person, each adding its position', () => {
    const two = table(
      ['Name', 'Kind', 'Title'],
      ['Ruth Alvarez', 'team', 'Chair'],
      ['Ruth Alvarez', 'team', 'Chair'],
    );
    const plan = planImport(mapRows(two, guessMapping(two.headers)).candidates, stored, 'skip', ids());
    expect(plan.update).toHaveLength(1);
    expect(plan.update[0]!.positions.map((p) => p.title)).toEqual(['Chair', 'Chair']);
  });
});

describe('planImport() updates count repeated positions', () => {
  it('adds a second identical position the file has twice, and nothing when the roster has both', () => {
    const chair = { kind: 'teamMember' as const, title: 'Chair', start: null, end: null };
    const file = table(['Name', 'Kind', 'Title'], ['Ann', 'team', 'Chair'], ['Ann', 'team', 'Chair']);
    const { candidates } = mapRows(file, guessMapping(file.headers));
    const one = [person({ id: 'p', name: 'Ann', positions: [{ ...chair, id: 'a' }] })];
    expect(planImport(candidates, one, 'update', ids()).update[0]!.positions).toHaveLength(2);
    const both = [
      person({
        id: 'p',
        name: 'Ann',
        positions: [
          { ...chair, id: 'a' },
          { ...chair, id: 'b' },
        ],
      }),
    ];
    expect(planImport(candidates, both, 'update', ids()).outcome.get(candidates[0]!.key)).toBe('unchanged');
  });
});
