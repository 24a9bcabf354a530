/**
 * CSV bytes and text before they become cells: which encoding the bytes are in,
 * Excel's `sep=` hint, mixed line endings, and the export's quoting and formula
 * guard. Pure: the decoding itself (`TextDecoder`) happens in `renderer/src/csv/`,
 * because shared/ has no DOM types; everything that can be decided from the bytes
 * or the text is decided here, so it is tested without a browser.
 *
 * Rules (also in the README's "CSV import and export" section):
 * - A byte-order mark decides the encoding (UTF-8, UTF-16 LE, UTF-16 BE). Without one,
 *   bytes that are valid UTF-8 are UTF-8; a file that looks like UTF-16 (every other
 *   byte zero) is UTF-16; anything else is Windows-1252, what Excel's
 *   "CSV (Comma delimited)" writes on a Windows computer set up for English.
 * - A first line `sep=;` (any one character) names the separator and is not a row.
 * - CRLF, LF and a lone CR all end a row, even mixed in one file; inside quotes they are kept.
 * - Export quotes every cell holding a comma, semicolon, tab, quote or line break, and
 *   puts `'` before a cell starting with `=`, `+`, `-`, `@`, tab or CR (a formula to a
 *   spreadsheet) or with `'` itself — and likewise before each part of a cell after a
 *   comma, semicolon, tab or line break. Import takes exactly one `'` off in those same
 *   places, so `'=x` stored comes back as `'=x`, and `'Tis` in a hand-made file stays `'Tis`.
 */

/** The encodings the importer reads. */
export const csvEncodings = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
export type CsvEncoding = (typeof csvEncodings)[number];

/** What the clerk can choose in the preview: UTF-16's byte order comes from the file. */
export const csvEncodingChoices = ['utf-8', 'windows-1252', 'utf-16'] as const;
export type CsvEncodingChoice = (typeof csvEncodingChoices)[number];

export const csvEncodingChoiceLabels: Record<CsvEncodingChoice, string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252 (Excel)',
  'utf-16': 'UTF-16',
};

export const csvEncodingLabels: Record<CsvEncoding, string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252 (Excel)',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16 (big-endian)',
};

export const choiceOfEncoding = (e: CsvEncoding): CsvEncodingChoice =>
  e === 'utf-16le' || e === 'utf-16be' ? 'utf-16' : e;

/** The encoding a byte-order mark announces and how many bytes it takes, or null without one. */
export function byteOrderMark(bytes: Uint8Array): { encoding: CsvEncoding; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * UTF-16 without a byte-order mark: text that is mostly Latin letters has a zero in
 * every other byte. Looks at the first 4 KB; null when the bytes do not look like it.
 */
export function utf16WithoutMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** The UTF-16 byte order for the "UTF-16" choice: the file's mark, its shape, else little-endian (Windows). */
export function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' {
  const mark = byteOrderMark(bytes)?.encoding;
  if (mark === 'utf-16le' || mark === 'utf-16be') return mark;
  return utf16WithoutMark(bytes) ?? 'utf-16le';
}

/** The encoding a choice means for these bytes. */
export function encodingForChoice(choice: CsvEncodingChoice, bytes: Uint8Array): CsvEncoding {
  return choice === 'utf-16' ? utf16Order(bytes) : choice;
}

/**
 * Windows-1252's letters in 0x80–0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ),
 * by byte. Chromium's TextDecoder('windows-1252') already gives these; Node's (before
 * v23) gives the C1 control characters of ISO-8859-1 instead, so the importer maps any
 * left over. The five bytes Windows-1252 leaves undefined stay as they are.
 */
const WINDOWS_1252_HIGH: Record<number, string> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
};

/** Text decoded as Windows-1252 with any C1 control character turned into the letter Windows-1252 means. */
export function fixWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0)] ?? c);
}

/** How many bytes of mark to skip when decoding these bytes in this encoding (a mark of another encoding is not skipped). */
export function markLength(bytes: Uint8Array, encoding: CsvEncoding): number {
  const mark = byteOrderMark(bytes);
  return mark !== null && mark.encoding === encoding ? mark.length : 0;
}

/**
 * Excel's separator hint: `sep=;` alone on the first line. Quotes around it, and the
 * separator repeated after it (a spreadsheet saving the line as a row of empty cells), are tolerated.
 */
const SEP_LINE = /^"?sep=(.)"?\1*[ \t]*(?:\r\n|\n|\r|$)/i;

/**
 * Takes Excel's `sep=X` first line off the text and returns the separator it names.
 * Excel hides that line, so the row after it is row 1 (the column names).
 */
export function takeSepLine(text: string): { text: string; delimiter: string | null } {
  const m = SEP_LINE.exec(text);
  if (m === null) return { text, delimiter: null };
  return { text: text.slice(m[0].length), delimiter: m[1]! };
}

/**
 * Every row end outside quotes becomes LF: a CRLF file with one LF-only line (a line
 * pasted from another program) would otherwise glue two rows into one, because the
 * parser takes the first line's ending for the whole file. Line breaks inside quoted
 * cells are kept as they are, so a cell's text survives a round trip.
 */
export function unifyLineEndings(text: string): string {
  if (!text.includes('\r')) return text;
  return text.replace(/"[^"]*"|\r\n?/g, (m) => (m.charCodeAt(0) === 0x22 ? m : '\n'));
}

/**
 * Cells a spreadsheet would run as a formula: `=`, `+`, `-`, `@` (and their full-width
 * forms), also after leading spaces, or a leading tab or carriage return.
 */
export const FORMULA_TRIGGER = /^(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/u;

/** True when the export puts `'` in front: a formula start, or an apostrophe (so the import's rule stays reversible). */
const needsApostrophe = (text: string): boolean => text.startsWith("'") || FORMULA_TRIGGER.test(text);
const guard = (text: string): string => (needsApostrophe(text) ? `'${text}` : text);
const unguard = (text: string): string =>
  text.startsWith("'") && needsApostrophe(text.slice(1)) ? text.slice(1) : text;

/** Where a spreadsheet reading with another separator (or misreading a quote) could start a new cell. */
const CELL_BREAK = /([,;\t\r\n])/;

/**
 * The export's guard against formulas: `'` before the cell when it starts like a
 * formula or with `'`, and before each part after a comma, semicolon, tab or line
 * break that does. Quoting alone is not enough: Excel set to `;` reads the line
 * `Ann,"Chair;=1+1"` as the cells `Ann,"Chair` and `=1+1"` (quotes count only at
 * a cell's start) and runs the second. Reversed exactly by `unneutralise`.
 */
export function neutralise(cell: string): string {
  const parts = cell.split(CELL_BREAK);
  for (let i = 2; i < parts.length; i += 2) parts[i] = guard(parts[i]!);
  return guard(parts.join(''));
}

/** Undoes `neutralise` exactly: one `'` comes off only where `neutralise` would have put one. */
export function unneutralise(cell: string): string {
  const parts = unguard(cell).split(CELL_BREAK);
  for (let i = 2; i < parts.length; i += 2) parts[i] = unguard(parts[i]!);
  return parts.join('');
}

/** A cell that must be quoted: any separator a spreadsheet may use, a quote, a line break, or edge spaces. */
const NEEDS_QUOTES = /[,;\t"\r\n]|^\s|\s$/;

/** One CSV cell: neutralised, then quoted (quotes doubled) when it holds anything a reader could split on. */
export function csvCell(value: string): string {
  const cell = neutralise(value);
  // A neutralised cell is quoted too: Excel then keeps the `'` as text instead of reading a formula.
  return NEEDS_QUOTES.test(cell) || cell !== value ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * A table as CSV text: comma-separated, CRLF row ends, and a byte-order mark in
 * front because Excel on Windows otherwise reads UTF-8 as Windows-1252 and
 * garbles accents, emoji and right-to-left names.
 */
export function toCsvText(table: readonly (readonly string[])[]): string {
  return `\uFEFF${table.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
