/**
 * Where a backup's bytes become text: the one strict UTF-8 decoder the app, the
 * automatic-backup list and the CLI all use, and the recognisers that tell a
 * clerk what a wrong file actually is (a spreadsheet, a PDF, an empty file).
 *
 * WHY strict: a lenient decoder turns every byte that is not UTF-8 into "�", so
 * a Latin-1 copy of a backup restored the town as "Harb�r F�lls". The app only
 * ever writes UTF-8; anything else was changed by another program and is refused.
 */
import type { BackupError } from './errors';

/** The WHATWG decoder every runtime the app runs in has (browser, worker, Node); shared/ has no DOM types. */
interface StrictDecoder {
  decode(input: Uint8Array): string;
}
declare const TextDecoder: new (
  label: 'utf-8',
  options: { fatal: boolean; ignoreBOM: boolean },
) => StrictDecoder;

export type DecodeResult = { ok: true; text: string } | { ok: false; errors: BackupError[] };

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
const UTF16LE = [0xff, 0xfe];
const UTF16BE = [0xfe, 0xff];

const one = (plain: string, message = plain): DecodeResult => ({
  ok: false,
  errors: [{ path: '', message, plain }],
});

/** The first byte offset that breaks UTF-8, for the small print (only called once decoding failed). */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** What a file that is not a backup is, from its first bytes; null when nothing is recognised. */
function recogniseBytes(bytes: Uint8Array): DecodeResult | null {
  if (bytes.length === 0)
    return one('The file is empty: it holds no backup. Choose another file.', 'the file is empty');
  if (startsWith(bytes, ZIP))
    return one(
      spreadsheetAdvice('an Excel workbook (or another zip file)'),
      'this is a zip file (such as an Excel workbook), not a backup',
    );
  if (startsWith(bytes, PDF)) return one(pdfAdvice, 'this is a PDF file, not a backup');
  if (startsWith(bytes, UTF16LE) || startsWith(bytes, UTF16BE)) {
    return one(
      'This file was saved as UTF-16 text by another program, not as the app writes backups (UTF-8). Restore the original backup file instead.',
      'the file is UTF-16 text; a backup is UTF-8',
    );
  }
  return null;
}

const spreadsheetAdvice = (what: string): string =>
  `This is ${what}, not a backup. To add people from a spreadsheet, use People › Import from CSV… (save the sheet as CSV first).`;
const pdfAdvice =
  'This is a PDF file, such as an evidence packet, not a backup. A backup is a .json file the app saved with “Save a backup”.';

/**
 * Bytes → text, refusing anything that is not UTF-8 (and naming spreadsheets,
 * PDFs and empty files). A UTF-8 byte-order mark is kept for the parser, which skips it.
 */
export function decodeBackupBytes(bytes: Uint8Array): DecodeResult {
  const recognised = recogniseBytes(bytes);
  if (recognised !== null) return recognised;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const at = firstInvalidUtf8Byte(bytes);
    return one(
      'This file is not in the text encoding the app writes (UTF-8): another program, often an editor or a mail client, re-saved it in a different one (such as Windows-1252 or Latin-1). Restoring it would garble names such as “José”, so nothing was restored. Use the original backup file.',
      `the file is not valid UTF-8${at >= 0 ? ` (byte ${at + 1} of ${bytes.length})` : ''}`,
    );
  }
}

/**
 * What a text that failed to parse as JSON most likely is: a CSV file, a zip or a
 * PDF that reached us as text (the desktop app's older open path), or null.
 */
export function recogniseText(text: string): BackupError | null {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.startsWith('PK\u0003\u0004')) {
    const plain = spreadsheetAdvice('an Excel workbook (or another zip file)');
    return { path: '', message: 'this is a zip file (such as an Excel workbook), not a backup', plain };
  }
  if (body.startsWith('%PDF-'))
    return { path: '', message: 'this is a PDF file, not a backup', plain: pdfAdvice };
  const first = body.split(/\r?\n/, 1)[0] ?? '';
  const trimmed = first.trimStart();
  const looksCsv =
    !trimmed.startsWith('{') &&
    !trimmed.startsWith('[') &&
    (/^sep=.$/i.test(trimmed) ||
      (first.split(',').length >= 2 && !/^\s*"[^"]*"\s*:/.test(first)) ||
      first.split(';').length >= 3);
  if (looksCsv) {
    return {
      path: '',
      message: 'this looks like a CSV file, not a backup',
      plain: spreadsheetAdvice('a CSV (spreadsheet) file'),
    };
  }
  return null;
}
