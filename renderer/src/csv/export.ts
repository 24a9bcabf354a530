/**
 * Writing the roster and the attendance as CSV files. The text comes from
 * `toCsvText` (shared/csv/text.ts): every cell holding a separator, quote or line
 * break quoted, and `'` before any cell a spreadsheet would otherwise run as a
 * formula (`=HYPERLINK(...)`, `+1`, `-2`, `@SUM`), the usual CSV-injection guard.
 */
import { attendanceTable, rosterTable } from '../../../shared/csv/export';
import { toCsvText } from '../../../shared/csv/text';
import { loadTownData } from '../../db/repositories';
import type { AppDB } from '../../db/schema';
import { saveText } from '../platform';
import { today } from '../lib/today';
import { notify } from '../store/ui';

/** CSV text of a table (first row = column names), with the byte-order mark Excel needs to read UTF-8. */
export const toCsv = toCsvText;

const slug = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);

/** e.g. `harbor-falls-roster-2026-03-01.csv`. */
export function csvFileName(townName: string, what: 'roster' | 'attendance', date: string = today()): string {
  const town = slug(townName);
  return `${town ? `${town}-` : ''}${what}-${date}.csv`;
}

/** Exports the roster or the attendance to a file the user chooses; tells the user how it went. */
export async function exportCsv(db: AppDB, what: 'roster' | 'attendance'): Promise<boolean> {
  try {
    const data = await loadTownData(db);
    if (data === null) {
      notify({ kind: 'error', text: 'There is no town yet, so there is nothing to export.' });
      return false;
    }
    const table = what === 'roster' ? rosterTable(data.people) : attendanceTable(data);
    const result = await saveText('csv', csvFileName(data.town.name, what), toCsv(table));
    if (result.status === 'saved') {
      const rows = table.length - 1;
      notify({
        kind: 'success',
        text: `${what === 'roster' ? 'Roster' : 'Attendance'} saved as ${result.fileName} (${rows} ${rows === 1 ? 'row' : 'rows'}).`,
      });
      return true;
    }
    if (result.status === 'error')
      notify({ kind: 'error', text: `The file was not saved: ${result.message}` });
    return false;
  } catch (e) {
    notify({ kind: 'error', text: `The file was not saved: ${e instanceof Error ? e.message : String(e)}` });
    return false;
  }
}
