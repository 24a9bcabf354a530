import { describe, expect, it } from 'vitest';
import { mappingProblems, mapRows, planImport } from '../../../shared/csv/people';
import type { CsvRow } from '../../../shared/csv/people';
import {
  HEADER_CHARS,
  LISTED_PROBLEMS,
  PREVIEW_ROWS,
  importCandidates,
  previewImport,
  summariseRead,
  tableFor,
} from '../../../shared/csv/preview';
import type { PreviewSettings, ReadTable } from '../../../shared/csv/preview';
import type { Person } from '../../../shared/domain/schema';

/** A table as the reader gives it: the header row is row 1, people from row 2. */
function read(header: string[], ...rows: string[][]): ReadTable {
  const firstRow: CsvRow = { rowNumber: 1, cells: header };
  return {
    table: { headers: header, rows: rows.map((cells, i) => ({ rowNumber: i + 2, cells })) },
    firstRow,
  };
}

const ruth: Person = {
  id: 'r1',
  name: 'Ruth Alvarez',
  email: 'ruth@example.org',
  isResident: false,
  positions: [],
  notes: '',
};

const settingsOf = (r: ReadTable, more: Partial<PreviewSettings> = {}): PreviewSettings => ({
  hasHeaders: true,
  mapping: summariseRead(r).withHeaders.mapping,
  defaultKind: null,
  onMatch: 'skip',
  decisions: new Map(),
  ...more,
});

describe('previewImport()', () => {
  it('gives the counts of the whole file but only the first rows and problems', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [`P ${i}`, i % 2 ? 'bad' : `p${i}@example.org`]);
    const r = read(['Name', 'Email'], ...rows);
    const preview = previewImport(r, [], settingsOf(r));
    expect(preview?.rows).toHaveLength(PREVIEW_ROWS);
    expect(preview?.rows.map((x) => x.rowNumber)).toEqual(
      Array.from({ length: PREVIEW_ROWS }, (_, i) => i + 2),
    );
    expect(preview?.problems).toHaveLength(LISTED_PROBLEMS);
    expect(preview).toMatchObject({ rowCount: 1000, problemCount: 500, added: 500, toWrite: 500 });
  });

  it('says for each row what the plan says, with the Merge / Add as new question on the person’s first row', () => {
    const r = read(
      ['Name', 'Email', 'Kind of position', 'Title'],
      ['ruth alvarez', '', 'team', 'Chair'],
      ['Ruth Alvarez', '', 'team', 'Member'],
    );
    const settings = settingsOf(r);
    const preview = previewImport(r, [ruth], settings);
    const mapped = mapRows(tableFor(r, true), settings.mapping);
    const plan = planImport(mapped.candidates, [ruth], 'skip', () => 'x');
    expect([...plan.outcome.values()]).toEqual(['merge']);
    expect(
      preview?.rows.map((x) => [x.rowNumber, x.outcome, x.firstRowNumber, x.namesakes?.length ?? 0]),
    ).toEqual([
      [2, 'merge', 2, 1],
      [3, 'merge', 2, 0],
    ]);
    expect(preview?.rows[1]?.decision).toEqual({ action: 'merge', personId: 'r1' });
    expect(preview?.rows[1]?.own).toBeNull();
    expect(preview?.rows[0]?.positions.map((p) => p.title)).toEqual(['Chair', 'Member']);

    const added = previewImport(r, [ruth], {
      ...settings,
      decisions: new Map([[mapped.candidates[0]!.key, { action: 'add' }]]),
    });
    expect(added?.rows.map((x) => x.outcome)).toEqual(['add', 'add']);
    expect(added?.toWrite).toBe(1);
  });

  it('is null while the mapping has problems, and so are the people to import', () => {
    const r = read(['Name', 'Email'], ['Ann Lee', 'ann@example.org']);
    const settings = settingsOf(r, { mapping: { ...settingsOf(r).mapping, name: null } });
    expect(previewImport(r, [], settings)).toBeNull();
    expect(importCandidates(r, settings)).toBeNull();
    expect(importCandidates(r, settingsOf(r))?.map((c) => c.name)).toEqual(['Ann Lee']);
  });

  it('cuts long names and column names, and the messages made from them stay the same', () => {
    const long = 'Very long column name '.repeat(20);
    const name = 'N'.repeat(10_000);
    const r = read([long, 'Email'], [name, 'not-an-email']);
    const summary = summariseRead(r);
    expect([...summary.withHeaders.headers[0]!]).toHaveLength(HEADER_CHARS);
    const mapping = { ...summary.withHeaders.mapping, name: 0, email: 0 };
    expect(mappingProblems(mapping, summary.withHeaders.headers)).toEqual(
      mappingProblems(mapping, r.table.headers),
    );
    const preview = previewImport(r, [], settingsOf(r, { mapping: { ...mapping, email: 1 } }));
    expect(preview?.rows[0]?.name).toHaveLength(HEADER_CHARS);
    expect(preview?.problems[0]?.name).toHaveLength(HEADER_CHARS);
  });

  it('reads the first row as a person when told the file has no column names', () => {
    const r = read(['Ann Lee', 'ann@example.org'], ['Bo Diaz', 'bo@example.org']);
    const summary = summariseRead(r);
    expect(summary.withoutHeaders).toMatchObject({ headers: ['Column 1', 'Column 2'], rowCount: 2 });
    expect(summary.withoutHeaders.mapping).toMatchObject({ name: 0, email: 1 });
    const preview = previewImport(
      r,
      [],
      settingsOf(r, { hasHeaders: false, mapping: summary.withoutHeaders.mapping }),
    );
    expect(preview?.rows.map((x) => [x.rowNumber, x.name])).toEqual([
      [1, 'Ann Lee'],
      [2, 'Bo Diaz'],
    ]);
  });
});
