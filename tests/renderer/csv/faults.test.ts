/**
 * Fault injection for the CSV importer with real bytes, as Excel and other programs
 * write them: Windows-1252 and UTF-16 files, a UTF-8 byte-order mark, Excel's `sep=`
 * line, a CRLF file with one LF-only line, `;`-separated formulas. Each case is one
 * the audit (issue 14, items 7 and 10) reproduced against the earlier importer.
 */
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../renderer/src/csv/export';
import { decodeCsv, readCsv, readCsvBytes } from '../../../renderer/src/csv/parse';
import { createCsvJob, readForPreview } from '../../../renderer/src/csv/worker-protocol';
import type { CsvWorkerMessage } from '../../../renderer/src/csv/worker-protocol';
import { guessMapping, mapRows } from '../../../shared/csv';

const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
const utf8 = (text: string) => new TextEncoder().encode(text);
const utf16le = (text: string, bom = true) => {
  const out: number[] = bom ? [0xff, 0xfe] : [];
  for (let i = 0; i < text.length; i++) out.push(text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8);
  return Uint8Array.from(out);
};
const utf16be = (text: string) => {
  const out: number[] = [0xfe, 0xff];
  for (let i = 0; i < text.length; i++) out.push(text.charCodeAt(i) >> 8, text.charCodeAt(i) & 0xff);
  return Uint8Array.from(out);
};

/** Reads the bytes and maps them as the preview does; the names and the encoding used. */
function people(bytes: Uint8Array) {
  const read = readCsvBytes(bytes);
  if (!read.ok) throw new Error(`refused: ${read.message}`);
  const mapped = mapRows(read.table, guessMapping(read.table.headers));
  return {
    encoding: read.decoded?.encoding,
    names: mapped.candidates.map((c) => c.name),
    errors: mapped.rows.flatMap((r) => r.errors),
  };
}

describe('encodings', () => {
  it('reads Excel’s “CSV (Comma delimited)” (Windows-1252): José Núñez, not Jos� N��ez', () => {
    // The bytes Excel writes: é = E9, ú = FA, ñ = F1; and Windows-1252's own € (80) and ’ (92).
    const r = people(latin1('Name,Email\r\nJos\xe9 N\xfa\xf1ez,\r\n'));
    expect(r.encoding).toBe('windows-1252');
    expect(r.names).toEqual(['José Núñez']);
    const read = readCsvBytes(latin1('Name,Title\r\nJos\xe9 N\xfa\xf1ez,Tr\x92s \x80 Chair\r\n'));
    expect(read.ok && read.table.rows[0]!.cells[1]).toBe('Tr’s € Chair');
  });

  it('reads UTF-16 with a byte-order mark, little- and big-endian (Excel’s “Unicode text”)', () => {
    const text = 'Name\tEmail\r\nJosé Núñez\tjose@example.org\r\nمريم الحسن 🌱\t\r\n';
    for (const bytes of [utf16le(text), utf16be(text)]) {
      const r = people(bytes);
      expect(r.names).toEqual(['José Núñez', 'مريم الحسن 🌱']);
      expect(r.errors).toEqual([]);
    }
    expect(people(utf16le(text)).encoding).toBe('utf-16le');
    expect(people(utf16be(text)).encoding).toBe('utf-16be');
  });

  it('recognises UTF-16 without a byte-order mark by its zero bytes', () => {
    expect(people(utf16le('Name,Email\r\nJosé Núñez,\r\n', false))).toMatchObject({
      encoding: 'utf-16le',
      names: ['José Núñez'],
    });
  });

  it('reads UTF-8 with and without a byte-order mark, and never keeps the mark in the first column name', () => {
    for (const bytes of [utf8('\uFEFFName,Email\nJosé Núñez,\n'), utf8('Name,Email\nJosé Núñez,\n')]) {
      const read = readCsvBytes(bytes);
      expect(read.ok && read.table.headers).toEqual(['Name', 'Email']);
      expect(people(bytes)).toMatchObject({ encoding: 'utf-8', names: ['José Núñez'] });
    }
  });

  it('decodes again in the encoding the clerk chooses, whatever was detected', () => {
    const bytes = utf8('Name\nJosé\n');
    expect(decodeCsv(bytes)).toEqual({ text: 'Name\nJosé\n', encoding: 'utf-8', detected: true });
    expect(decodeCsv(bytes, 'windows-1252')).toEqual({
      text: 'Name\nJosÃ©\n',
      encoding: 'windows-1252',
      detected: false,
    });
    expect(decodeCsv(latin1('Name\nJos\xe9\n'), 'utf-8').text).toBe('Name\nJos\uFFFD\n');
    expect(decodeCsv(utf16be('Name\n'), 'utf-16')).toMatchObject({ text: 'Name\n', encoding: 'utf-16be' });
  });

  it('says what a workbook or a PDF is instead of reading it as text', () => {
    const xlsx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    const r = readCsvBytes(xlsx);
    expect(r.ok ? '' : r.message).toMatch(/^This is an Excel workbook .* “CSV UTF-8 \(Comma delimited\)”/);
    const pdf = readCsvBytes(utf8('%PDF-1.7\n'));
    expect(pdf.ok ? '' : pdf.message).toMatch(/^This is a PDF/);
  });
});

describe('Excel’s sep= line', () => {
  it('takes the separator from `sep=;` and does not read the line as column names', () => {
    const read = readCsv('sep=;\r\nName;Title\r\nAnn Lee;Chair, Finance\r\n');
    expect(read.ok && read.table.headers).toEqual(['Name', 'Title']);
    expect(read.ok && read.table.rows).toEqual([{ rowNumber: 2, cells: ['Ann Lee', 'Chair, Finance'] }]);
  });

  it('takes `sep=` after a byte-order mark, in quotes or followed by empty cells, in any case', () => {
    for (const first of ['\uFEFFsep=;', '"sep=;"', 'sep=;;;', 'SEP=;']) {
      const read = readCsv(`${first}\nName;Email\nAnn;ann@example.org\n`);
      expect(read.ok && read.table.rows[0]!.cells).toEqual(['Ann', 'ann@example.org']);
    }
    const tab = readCsv('sep=\t\nName\tEmail\nAnn\tann@example.org\n');
    expect(tab.ok && tab.table.headers).toEqual(['Name', 'Email']);
  });

  it('reads a whole Windows-1252 file with sep= as Excel saves it for a semicolon locale', () => {
    expect(people(latin1('sep=;\r\nName;Email\r\nJos\xe9 N\xfa\xf1ez;jose@example.org\r\n'))).toMatchObject({
      encoding: 'windows-1252',
      names: ['José Núñez'],
      errors: [],
    });
  });
});

describe('mixed line endings', () => {
  it('reads every person of a CRLF file with one LF-only line, with no “comma inside a cell” message', () => {
    const text = 'Name,Email\r\nAnn Lee,ann@example.org\r\nBo Diaz,bo@example.org\nCy Ng,cy@example.org\r\n';
    const r = people(utf8(text));
    expect(r.names).toEqual(['Ann Lee', 'Bo Diaz', 'Cy Ng']);
    expect(r.errors).toEqual([]);
    const read = readCsv(text);
    expect(read.ok && read.table.rows.map((row) => row.rowNumber)).toEqual([2, 3, 4]);
  });

  it('reads an old Mac file (CR only) and keeps line breaks inside quoted cells as they are', () => {
    const read = readCsv('Name,Title\rAnn,"Chair\r\nacting"\rBo,Clerk\r');
    expect(read.ok && read.table.rows.map((r) => r.cells)).toEqual([
      ['Ann', 'Chair\r\nacting'],
      ['Bo', 'Clerk'],
    ]);
  });
});

describe('formulas and separators on export', () => {
  it('quotes and neutralises `Chair;=1+1`, so a `;` spreadsheet never runs =1+1', () => {
    const csv = toCsv([
      ['Name', 'Title'],
      ['Ann', 'Chair;=1+1'],
      ['Bo', '=1+1'],
      ['Cy', 'a\tb'],
    ]);
    // Quoted, and the part after the `;` guarded too: Excel reading with `;` would start a cell there.
    expect(csv).toContain(`Ann,"Chair;'=1+1"\r\n`);
    expect(csv).toContain(`Bo,"'=1+1"\r\n`);
    expect(csv).toContain('Cy,"a\tb"\r\n');
    // Read with `;` as the separator (what Excel does in a semicolon locale), no cell starts a formula.
    const asSemicolon = readCsv(`sep=;\n${csv.slice(1)}`);
    const cells = asSemicolon.ok ? asSemicolon.table.rows.flatMap((r) => r.cells) : [];
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('imports its own `;` and formula cells back as they were stored', () => {
    const csv = toCsv([
      ['Name', 'Kind of position', 'Title'],
      ["'=Ann", 'Sustainability team member', 'Chair;=1+1'],
    ]);
    const read = readCsvBytes(utf8(csv));
    if (!read.ok) throw new Error(read.message);
    const mapped = mapRows(read.table, guessMapping(read.table.headers));
    expect(mapped.candidates[0]).toMatchObject({ name: "'=Ann", positions: [{ title: 'Chair;=1+1' }] });
  });
});

describe('the worker’s job', () => {
  it('posts progress in whole percents, then what the main thread would make of the same file', () => {
    const rows = Array.from({ length: 4000 }, (_, i) => `Person ${i},p${i}@example.org,${'x'.repeat(400)}`);
    const bytes = latin1(`Name,Email,Notes\r\n${rows.join('\r\n')}\r\n`);
    const messages: CsvWorkerMessage[] = [];
    createCsvJob((m) => messages.push(m))({ type: 'read', bytes, people: [] });
    const progress = messages.flatMap((m) => (m.type === 'progress' ? [m.fraction] : []));
    expect(progress.length).toBeGreaterThan(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
    const done = messages.at(-1);
    // The bytes are handed back (transferred, in a real worker) for a read in another encoding.
    expect(done).toEqual({ type: 'read', result: readForPreview(bytes, undefined, []).outcome, bytes });
    expect(done?.type === 'read' && done.result.ok && done.result.summary.withHeaders.rowCount).toBe(4000);
  });

  it('stops early on a file with far too many rows instead of reading all of it', () => {
    const bytes = utf8(`Name\n${'x\n'.repeat(3_000_000)}`);
    const messages: CsvWorkerMessage[] = [];
    createCsvJob((m) => messages.push(m))({ type: 'read', bytes, choice: 'utf-8', people: [] });
    const done = messages.at(-1);
    expect(done?.type === 'read' && !done.result.ok && done.result.message).toMatch(
      /^The file has more than 5,000 rows/,
    );
    // It gave up in the first chunk or so: the last progress seen is far from the end.
    const seen = messages.flatMap((m) => (m.type === 'progress' ? [m.fraction] : []));
    expect(Math.max(0, ...seen)).toBeLessThan(0.5);
  });
});
