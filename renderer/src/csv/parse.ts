/**
 * Reading a CSV file into cells: the bytes decoded in the right encoding
 * (`shared/csv/text.ts` decides which), Excel's `sep=` line honoured, mixed line
 * endings unified, then papaparse for quoted cells, separators and line breaks
 * inside quotes, and tab- or semicolon-separated exports from European spreadsheets.
 * Never throws: a file that cannot be read as a table comes back with one sentence
 * saying why, and the importer shows it instead of a preview.
 *
 * The same functions run on the main thread for small files and in `csvWorker.ts`
 * for large ones (see `load.ts`), so both paths read a file identically.
 */
import Papa from 'papaparse';
import type { CsvRow, CsvTable } from '../../../shared/csv/people';
import {
  byteOrderMark,
  encodingForChoice,
  fixWindows1252,
  markLength,
  takeSepLine,
  unifyLineEndings,
  utf16WithoutMark,
} from '../../../shared/csv/text';
import type { CsvEncoding, CsvEncodingChoice } from '../../../shared/csv/text';

/** The largest file the importer reads (the app's open dialog refuses more than 64 MB too). */
export const MAX_CSV_BYTES = 64 * 1024 * 1024;
/** Limits that keep an old laptop responsive; a town roster is far smaller. */
export const MAX_CSV_ROWS = 5000;
export const MAX_CSV_COLUMNS = 100;

export type ReadCsvResult =
  /** `firstRow` is the row the column names came from, in case it turns out to be a person. */
  { ok: true; table: CsvTable; firstRow: CsvRow } | { ok: false; message: string };

export interface DecodedCsv {
  text: string;
  /** The encoding used. */
  encoding: CsvEncoding;
  /** True when the app chose it (the preview says so and offers the others). */
  detected: boolean;
}

/**
 * The bytes as text. With `choice`, in that encoding; without, the one the bytes
 * show: a byte-order mark, UTF-16's zero bytes, valid UTF-8, else Windows-1252
 * (Excel's "CSV (Comma delimited)" on Windows). Every byte decodes in Windows-1252,
 * so a file is never refused for its encoding, and the clerk can change it in the preview.
 */
export function decodeCsv(bytes: Uint8Array, choice?: CsvEncodingChoice): DecodedCsv {
  const decode = (encoding: CsvEncoding, fatal = false) => {
    // ignoreBOM: the mark is cut off by hand, and only a mark of this encoding.
    const text = new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(
      bytes.subarray(markLength(bytes, encoding)),
    );
    return encoding === 'windows-1252' ? fixWindows1252(text) : text;
  };
  if (choice !== undefined) {
    const encoding = encodingForChoice(choice, bytes);
    return { text: decode(encoding), encoding, detected: false };
  }
  const known = byteOrderMark(bytes)?.encoding ?? utf16WithoutMark(bytes);
  if (known) return { text: decode(known), encoding: known, detected: true };
  try {
    return { text: decode('utf-8', true), encoding: 'utf-8', detected: true };
  } catch {
    return { text: decode('windows-1252'), encoding: 'windows-1252', detected: true };
  }
}

const fix = 'Open it in a spreadsheet, check it, and save it again as “CSV (comma delimited)”.';
const count = (n: number) => n.toLocaleString('en-US');

/** What the first bytes say a file is when it is not text at all. */
function binaryKind(bytes: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    return `This is an Excel workbook (or another zip file), not a CSV file. In Excel choose File › Save As › “CSV UTF-8 (Comma delimited)” and import that file.`;
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) {
    return `This is an old Excel workbook (.xls), not a CSV file. In Excel choose File › Save As › “CSV UTF-8 (Comma delimited)” and import that file.`;
  }
  if (starts(0x25, 0x50, 0x44, 0x46))
    return 'This is a PDF, not a CSV file. Import the spreadsheet it was made from.';
  return null;
}

/** Progress of a long read, as a fraction from 0 to 1. */
export type OnProgress = (fraction: number) => void;

export interface ReadCsvOptions {
  /** Called while reading large text (every chunk). */
  onProgress?: OnProgress;
}

/** Bytes to a table: decode, then `readCsv`. The encoding used comes back with the result. */
export function readCsvBytes(
  bytes: Uint8Array,
  choice?: CsvEncodingChoice,
  options: ReadCsvOptions = {},
): ReadCsvResult & { decoded: Omit<DecodedCsv, 'text'> | null } {
  if (bytes.length > MAX_CSV_BYTES) {
    return {
      ok: false,
      message: `The file is too big to be a roster (${count(bytes.length)} bytes; the most is ${count(MAX_CSV_BYTES)}).`,
      decoded: null,
    };
  }
  const binary = binaryKind(bytes);
  if (binary !== null) return { ok: false, message: binary, decoded: null };
  const { text, ...decoded } = decodeCsv(bytes, choice);
  return { ...readCsv(text, options), decoded };
}

/** Cells from CSV text (already decoded). Exported for tests and for text that never was bytes. */
export function readCsv(input: string, options: ReadCsvOptions = {}): ReadCsvResult {
  // Excel writes a byte-order mark at the start of "CSV UTF-8" files.
  const unmarked = input.startsWith('\uFEFF') ? input.slice(1) : input;
  if (unmarked.length > MAX_CSV_BYTES) {
    return {
      ok: false,
      message: `The file is too big to be a roster (${count(unmarked.length)} characters; the most is ${count(MAX_CSV_BYTES)}).`,
    };
  }
  // A few NULs can be a stray byte in a cell; text full of them is a binary file (or UTF-16 read wrong).
  const sample = unmarked.slice(0, 65536);
  const nuls = sample.length - sample.replaceAll('\u0000', '').length;
  if (nuls > 0 && nuls * 100 >= sample.length) {
    return { ok: false, message: `This is not a CSV text file (it holds binary data). ${fix}` };
  }
  const { text: afterSep, delimiter: named } = takeSepLine(unmarked);
  const text = unifyLineEndings(afterSep);
  if (text.trim() === '') return { ok: false, message: 'The file is empty.' };

  // Papaparse guesses the separator from the first rows, but counts blank lines against
  // it; so guess on a preview without blank lines, then read everything, blank rows
  // included, to keep the row numbers a spreadsheet shows.
  const delimiter =
    named ??
    Papa.parse<string[]>(text.slice(0, 65536), {
      preview: 10,
      newline: '\n',
      skipEmptyLines: 'greedy',
      delimitersToGuess: [',', '\t', ';', '|'],
    }).meta.delimiter;

  const all: CsvRow[] = [];
  let filledRows = 0;
  let failure: string | null = null;
  const total = text.length;
  // Papaparse runs `chunk` synchronously for a string; its types only list it for files.
  const config: Papa.ParseConfig<string[]> & Pick<Papa.ParseLocalConfig<string[]>, 'chunk' | 'chunkSize'> = {
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    delimiter,
    newline: '\n',
    // Chunks let a long read report progress and stop early when the file is plainly too big.
    chunkSize: 1024 * 1024,
    chunk: (results, parser) => {
      const quoteError = results.errors.find((e) => e.type === 'Quotes');
      if (quoteError) {
        const row = quoteError.row === undefined ? '' : ` in row ${all.length + quoteError.row + 1}`;
        failure = `A quote mark (") is not closed properly${row}, so the rest of the file cannot be read safely. ${fix}`;
        parser.abort();
        return;
      }
      for (const cells of results.data) {
        const row: CsvRow = { rowNumber: all.length + 1, cells: cells.map(String) };
        all.push(row);
        if (row.cells.some((c) => c.trim() !== '')) filledRows++;
      }
      if (filledRows - 1 > MAX_CSV_ROWS) {
        failure = `The file has more than ${count(MAX_CSV_ROWS)} rows; the most one import takes is ${count(MAX_CSV_ROWS)}. Split it into smaller files.`;
        parser.abort();
        return;
      }
      options.onProgress?.(Math.min(1, results.meta.cursor / total));
    },
  };
  Papa.parse<string[]>(text, config);
  if (failure !== null) return { ok: false, message: failure };

  // Row numbers are kept as the spreadsheet shows them, even across blank rows.
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
  const seen = new Map<string, number>();
  const headers = head.cells.map((raw, i) => {
    const name = raw.trim() || `Column ${i + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
  return { ok: true, table: { headers, rows }, firstRow: head };
}
