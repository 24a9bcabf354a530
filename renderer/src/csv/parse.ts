/**
 * Reading a CSV file into cells with papaparse (quoted cells, commas and line
 * breaks inside quotes, tab- or semicolon-separated exports from European
 * spreadsheets). Never throws: a file that cannot be read as a table comes back
 * with one sentence saying why, and the importer shows it instead of a preview.
 */
import Papa from 'papaparse';
import type { CsvRow, CsvTable } from '../../../shared/csv/people';

/** Limits that keep an old laptop responsive; a town roster is far smaller. */
export const MAX_CSV_CHARS = 5_000_000;
export const MAX_CSV_ROWS = 5000;
export const MAX_CSV_COLUMNS = 100;

export type ReadCsvResult =
  /** `firstRow` is the row the column names came from, in case it turns out to be a person. */
  { ok: true; table: CsvTable; firstRow: CsvRow } | { ok: false; message: string };

const fix = 'Open it in a spreadsheet, check it, and save it again as “CSV (comma delimited)”.';
const count = (n: number) => n.toLocaleString('en-US');

export function readCsv(input: string): ReadCsvResult {
  // Excel writes a byte-order mark at the start of "CSV UTF-8" files.
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  if (text.length > MAX_CSV_CHARS) {
    return {
      ok: false,
      message: `The file is too big to be a roster (${count(text.length)} characters; the most is ${count(MAX_CSV_CHARS)}).`,
    };
  }
  if (text.includes('\u0000')) {
    return { ok: false, message: `This is not a CSV text file (it holds binary data). ${fix}` };
  }
  if (text.trim() === '') return { ok: false, message: 'The file is empty.' };

  // Papaparse guesses the separator from the first rows, but counts blank lines against
  // it; so guess on a preview without blank lines, then read everything, blank rows
  // included, to keep the row numbers a spreadsheet shows.
  const { delimiter } = Papa.parse<string[]>(text, {
    preview: 10,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', '\t', ';', '|'],
  }).meta;
  const parsed = Papa.parse<string[]>(text, {
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    delimiter,
  });
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    const row = quoteError.row === undefined ? '' : ` in row ${quoteError.row + 1}`;
    return {
      ok: false,
      message: `A quote mark (") is not closed properly${row}, so the rest of the file cannot be read safely. ${fix}`,
    };
  }
  // Row numbers are kept as the spreadsheet shows them, even across blank rows.
  const all = parsed.data.map((cells, i): CsvRow => ({ rowNumber: i + 1, cells: cells.map(String) }));
  const filled = all.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [head, ...rows] = filled;
  if (head === undefined) return { ok: false, message: 'The file is empty.' };
  if (head.cells.length > MAX_CSV_COLUMNS) {
    return {
      ok: false,
      message: `The file has ${count(head.cells.length)} columns; a roster has a handful (the most is ${MAX_CSV_COLUMNS}). ${fix}`,
    };
  }
  if (rows.length === 0) {
    return {
      ok: false,
      message:
        'The file has only one row. Put the column names (such as Name, Email) in the first row and one person per row below.',
    };
  }
  if (rows.length > MAX_CSV_ROWS) {
    return {
      ok: false,
      message: `The file has ${count(rows.length)} rows; the most one import takes is ${count(MAX_CSV_ROWS)}. Split it into smaller files.`,
    };
  }
  const seen = new Map<string, number>();
  const headers = head.cells.map((raw, i) => {
    const name = raw.trim() || `Column ${i + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
  return { ok: true, table: { headers, rows }, firstRow: head };
}
