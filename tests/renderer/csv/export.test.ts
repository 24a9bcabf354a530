import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvFileName, toCsv } from '../../../renderer/src/csv/export';
import { readCsv } from '../../../renderer/src/csv/parse';
import { unneutralise } from '../../../shared/csv/text';

describe('toCsv()', () => {
  it('puts an apostrophe before every cell a spreadsheet would run as a formula', () => {
    const dangerous = [
      '=HYPERLINK("http://x","y")',
      '+1',
      '-2+3',
      '@SUM(A1)',
      '\tTab',
      '\rCR',
      '  =1+1',
      '＝1',
      '=A1\n=B2',
    ];
    const text = toCsv([['Name'], ...dangerous.map((d) => [d])]);
    const cells = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true })
      .data.slice(1)
      .map((r) => r[0]);
    // The second line of a cell is guarded too: a spreadsheet misreading the quotes starts a row there.
    expect(cells).toEqual(dangerous.map((d) => (d === '=A1\n=B2' ? "'=A1\n'=B2" : `'${d}`)));
  });

  it('leaves ordinary text, inner symbols and apostrophes alone', () => {
    const safe = [
      'Ann Lee',
      "O'Neill",
      'a=b',
      'ann@example.org',
      '2024-01-05',
      '<script>alert(1)</script>',
      'مريم 🌱',
    ];
    const text = toCsv([['Name'], ...safe.map((s) => [s])]);
    const cells = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true })
      .data.slice(1)
      .map((r) => r[0]);
    expect(cells).toEqual(safe);
  });

  it('starts with a byte-order mark (so Excel reads UTF-8) that the importer drops again', () => {
    const text = toCsv([['Name'], ['Zoë']]);
    expect(text.startsWith('\uFEFFName\r\nZoë\r\n')).toBe(true);
    const read = readCsv(text);
    expect(read.ok && read.table.rows[0]!.cells).toEqual(['Zoë']);
  });

  it('round-trips a neutralised cell back to the stored text through the importer', () => {
    const read = readCsv(toCsv([['Name'], ['-Pat']]));
    expect(read.ok && unneutralise(read.table.rows[0]!.cells[0]!)).toBe('-Pat');
  });
});

describe('csvFileName()', () => {
  it('names the file after the town, the kind of export and the day', () => {
    expect(csvFileName('Harbor Falls', 'roster', '2026-03-01')).toBe('harbor-falls-roster-2026-03-01.csv');
    expect(csvFileName('', 'attendance', '2026-03-01')).toBe('attendance-2026-03-01.csv');
  });
});
