import { describe, expect, it } from 'vitest';
import { MAX_CSV_ROWS, readCsv } from '../../../renderer/src/csv/parse';

const ok = (text: string) => {
  const r = readCsv(text);
  if (!r.ok) throw new Error(`expected the file to be read, got: ${r.message}`);
  return r.table;
};
const refused = (text: string) => {
  const r = readCsv(text);
  if (r.ok) throw new Error('expected the file to be refused');
  return r.message;
};

describe('readCsv()', () => {
  it('reads quoted cells with commas, quotes and line breaks inside, and skips a byte-order mark', () => {
    const t = ok('\uFEFFName,Title\r\n"Lee, Ann","Chair ""acting""\nsince May"\r\n');
    expect(t.headers).toEqual(['Name', 'Title']);
    expect(t.rows).toEqual([{ rowNumber: 2, cells: ['Lee, Ann', 'Chair "acting"\nsince May'] }]);
  });

  it('reads semicolon- and tab-separated files from European spreadsheets', () => {
    expect(ok('Name;Email\nAnn;ann@example.org\n').rows[0]!.cells).toEqual(['Ann', 'ann@example.org']);
    expect(ok('Name\tEmail\nAnn\tann@example.org\n').rows[0]!.cells).toEqual(['Ann', 'ann@example.org']);
  });

  it('keeps spreadsheet row numbers across blank rows and names blank or repeated headers', () => {
    const t = ok('Name,,Name\n\nAnn,x,y\n,,\nBo,,\n');
    expect(t.headers).toEqual(['Name', 'Column 2', 'Name (2)']);
    expect(t.rows.map((r) => r.rowNumber)).toEqual([3, 5]);
  });

  it('refuses an empty file, a header-only file and binary data with a clear sentence', () => {
    expect(refused('')).toBe('The file is empty.');
    expect(refused(' \r\n\r\n')).toBe('The file is empty.');
    expect(refused('Name,Email\n')).toMatch(/^The file has only one row\./);
    expect(refused('PK\u0003\u0004\u0000\u0000')).toMatch(/^This is not a CSV text file/);
  });

  it('refuses a quote that is never closed, naming the row', () => {
    expect(refused('Name,Title\nAnn,"Chair\nBo,Clerk\n')).toMatch(
      /A quote mark \("\) is not closed properly in row 2/,
    );
  });

  it('refuses more rows than one import takes', () => {
    const text = `Name\n${'x\n'.repeat(MAX_CSV_ROWS + 1)}`;
    expect(refused(text)).toBe(
      `The file has more than 5,000 rows; the most one import takes is 5,000. Split it into smaller files.`,
    );
  });
});
