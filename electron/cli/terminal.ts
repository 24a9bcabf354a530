/**
 * What the `ledger` command may send to a terminal. Ids, names, paths and error text
 * come from files anyone can write; a raw ESC, BEL, carriage return or bidi override in
 * them could recolour the terminal, retitle its window, hide text or make one error look
 * like several. Every such character is printed as a visible `\uXXXX` escape instead:
 * inert on a terminal, still telling the clerk something odd is in the file, and inside
 * `--json` output the very same JSON string (JSON reads `\u001b` as ESC), so scripts lose
 * nothing.
 */

/**
 * C0 controls but line feed, DEL, C1 controls, and the Unicode format characters that
 * reorder or break lines on screen (bidi embeddings, overrides and isolates, the Arabic
 * letter mark, the line and paragraph separators).
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is matched
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `text` safe to print: every unsafe character escaped, line feeds kept (tables and help span lines). */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** `text` as exactly one safe line: line feeds escaped too, so one error is always one line. */
export function oneLine(text: string): string {
  return terminalSafe(text).replace(/\n/g, escape);
}

/**
 * Text for stderr: as `terminalSafe`, except that one carriage return may open the text,
 * so a progress line can redraw itself; anywhere else it is escaped.
 */
export function stderrSafe(text: string): string {
  return text.startsWith('\r') ? `\r${terminalSafe(text.slice(1))}` : terminalSafe(text);
}
