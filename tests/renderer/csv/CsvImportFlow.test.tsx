// @vitest-environment jsdom
// Installed before Dexie loads: liveQuery needs a global indexedDB (dexie/Dexie.js#2070).
import 'fake-indexeddb/auto';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initialiseTown, loadTownData, putPerson } from '../../../renderer/db/repositories';
import type { AppDB } from '../../../renderer/db/schema';
import { Toasts } from '../../../renderer/src/components/Toasts';
import { PeopleScreen } from '../../../renderer/src/screens/PeopleScreen';
import { useUi } from '../../../renderer/src/store/ui';
import { makeDb, renderScreen, resetUi } from '../helpers';

let db: AppDB;

beforeEach(async () => {
  resetUi();
  db = makeDb();
  await initialiseTown(db, { name: 'Harbor Falls', certificationYear: 2026 });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  db.close();
});

/** The browser file picker "chooses" a file with this text or these bytes (the platform adapter's fallback path). */
function pickFile(text: string | Uint8Array<ArrayBuffer>, name = 'roster.csv') {
  vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
    Object.defineProperty(this, 'files', { value: [new File([text], name, { type: 'text/csv' })] });
    this.dispatchEvent(new Event('change'));
  });
}

const longName = 'L'.repeat(10000);
const roster = [
  'Full name,E-mail,Resident?,Kind of position,Department,Job title,Level',
  'Ann Lee,ann@example.org,yes,team,,Chair,',
  '"<script>alert(1)</script>",,no,staff,Public Works,Director,director',
  `${longName},,,,,,`,
  'مريم الحسن 🌱,maryam@example.org,,,,,',
  'Bo Diaz,bo@example,,,,,',
].join('\r\n');

async function openImport(
  text: string | Uint8Array<ArrayBuffer>,
  name?: string,
  dialogName = 'Import people from a spreadsheet',
) {
  pickFile(text, name);
  await renderScreen(PeopleScreen, db);
  render(<Toasts />);
  await userEvent.click(screen.getByRole('button', { name: 'Import from CSV…' }));
  return screen.findByRole('dialog', { name: dialogName });
}

// Generous timeouts: jsdom + fake IndexedDB is slow when the machine is busy with other suites.
describe('CSV import dialog', { timeout: 30_000 }, () => {
  it('guesses the columns, shows each row’s result and problems, then imports only the good rows', async () => {
    await putPerson(db, { id: 'p1', name: 'ANN  LEE', email: 'Ann@Example.org' });
    const dialog = await openImport(roster);

    expect(within(dialog).getByRole<HTMLSelectElement>('combobox', { name: /^Name/ }).value).toBe('0');
    expect(within(dialog).getByRole<HTMLSelectElement>('combobox', { name: /^Email/ }).value).toBe('1');
    expect(within(dialog).getByText(/2 new people/)).toBeTruthy();

    const rows = within(dialog).getAllByRole('row');
    expect(within(rows[1]!).getByText('On the roster: skipped')).toBeTruthy();
    expect(within(rows[2]!).getByText('New')).toBeTruthy();
    expect(within(rows[3]!).getByText('Left out: see the problems below')).toBeTruthy();

    const problems = within(dialog).getByTestId('csv-row-problems');
    expect(problems.textContent).toContain(
      'Column “Full name”: Name must be at most 200 characters (this one has 10,000).',
    );
    expect(problems.textContent).toContain(
      'Row 6 (Bo Diaz): Column “E-mail”: Email must be an email address, not “bo@example”.',
    );
    // The 10,000-character name is never shown whole.
    expect(dialog.textContent.includes(longName)).toBe(false);

    await userEvent.click(within(dialog).getByRole('radio', { name: /Update them/ }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Import 3 people' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(
      await screen.findByText(
        'Imported from roster.csv: 2 people added, 1 updated. 2 rows with problems left out.',
      ),
    ).toBeTruthy();

    const people = (await loadTownData(db))!.people;
    expect(people.map((p) => p.name).sort()).toEqual(
      ['<script>alert(1)</script>', 'ANN  LEE', 'مريم الحسن 🌱'].sort(),
    );
    expect(people.find((p) => p.id === 'p1')).toMatchObject({
      isResident: true,
      positions: [{ kind: 'teamMember', title: 'Chair' }],
    });

    // Shown inert: the markup is text in the roster, never an element.
    const row = await screen.findByRole('row', { name: /<script>alert\(1\)<\/script>/ });
    expect(row.querySelector('script')).toBeNull();
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect(screen.getByRole('row', { name: /مريم الحسن 🌱/ })).toBeTruthy();
  });

  it('offers nothing to import when the same file comes again, and says it was imported before', async () => {
    const file = 'Name,Email\nAnn Lee,ann@example.org\n';
    let dialog = await openImport(file);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Import 1 person' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    cleanup();

    dialog = await openImport(file);
    expect(within(dialog).getByText(/You imported a file with this name on/)).toBeTruthy();
    expect(
      within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Nothing new to import' }).disabled,
    ).toBe(true);
    expect((await loadTownData(db))!.people).toHaveLength(1);
  });

  it('asks for a name column and offers no import until there is one', async () => {
    const dialog = await openImport('Name,Email\nAnn Lee,ann@example.org\n');
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: /^Name/ }), '');
    expect(within(dialog).getByRole('alert').textContent).toContain(
      'Choose the column that holds each person’s name',
    );
    expect(
      within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Nothing new to import' }).disabled,
    ).toBe(true);
  });

  it('imports a list without column names when told the first row is a person', async () => {
    const dialog = await openImport('Ann Lee,ann@example.org\nBo Diaz,bo@example.org\n');
    expect(within(dialog).getByRole('button', { name: 'Nothing new to import' })).toBeTruthy();
    await userEvent.click(
      within(dialog).getByRole('checkbox', { name: 'The first row holds column names (not a person)' }),
    );
    expect(within(dialog).getByRole<HTMLSelectElement>('combobox', { name: /^Name/ }).value).toBe('0');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Import 2 people' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await loadTownData(db))!.people.map((p) => [p.name, p.email])).toEqual([
      ['Ann Lee', 'ann@example.org'],
      ['Bo Diaz', 'bo@example.org'],
    ]);
  });

  it('explains a file that cannot be read and changes nothing', async () => {
    const before = await loadTownData(db);
    const dialog = await openImport('Name,Title\nAnn,"Chair\n', 'broken.csv', 'This file cannot be imported');
    expect(within(dialog).getByText('Nothing was changed. The problem with broken.csv:')).toBeTruthy();
    expect(within(dialog).getByText(/A quote mark \("\) is not closed properly in row 2/)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await loadTownData(db)).toEqual(before);
  });

  it('opens when the menu asks for a CSV import', async () => {
    pickFile('Name\nAnn Lee\n');
    await renderScreen(PeopleScreen, db);
    act(() => useUi.getState().requestCsvImport());
    expect(await screen.findByRole('dialog', { name: 'Import people from a spreadsheet' })).toBeTruthy();
    expect(useUi.getState().csvImportRequested).toBe(false);
  });

  it('says which encoding it read a Windows-1252 file in, and reads it again in the one the clerk chooses', async () => {
    // Excel's "CSV (Comma delimited)": é = E9, ú = FA, ñ = F1.
    const bytes = Uint8Array.from([...'Name,Email\r\nJos\xe9 N\xfa\xf1ez,\r\n'].map((c) => c.charCodeAt(0)));
    const dialog = await openImport(bytes);
    const encoding = within(dialog).getByRole<HTMLSelectElement>('combobox', { name: /encoding/ });
    expect(encoding.value).toBe('windows-1252');
    expect(within(dialog).getByText(/The app read the file as Windows-1252 \(Excel\)/)).toBeTruthy();
    expect(within(dialog).getByRole('rowheader', { name: 'José Núñez' })).toBeTruthy();

    await userEvent.selectOptions(encoding, 'utf-8');
    const again = await screen.findByRole('dialog', { name: 'Import people from a spreadsheet' });
    expect(within(again).getByRole<HTMLSelectElement>('combobox', { name: /encoding/ }).value).toBe('utf-8');
    expect(within(again).getByText(/^Read as UTF-8\./)).toBeTruthy();
    expect(within(again).getByRole('rowheader', { name: 'Jos\uFFFD N\uFFFD\uFFFDez' })).toBeTruthy();

    await userEvent.selectOptions(within(again).getByRole('combobox', { name: /encoding/ }), 'windows-1252');
    const back = await screen.findByRole('dialog', { name: 'Import people from a spreadsheet' });
    await userEvent.click(within(back).getByRole('button', { name: 'Import 1 person' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await loadTownData(db))!.people.map((p) => p.name)).toEqual(['José Núñez']);
  });

  it('asks “same person?” for a name already on the roster: Merge by default without email, Add as new on request', async () => {
    await putPerson(db, { id: 'r1', name: 'Ruth Alvarez', email: 'ruth@example.org' });
    const dialog = await openImport('Name,Email\nruth  álvarez,\nRuth Alvarez,ruth.a@elsewhere.example\n');
    const rows = within(dialog).getAllByRole('row');
    expect(within(rows[1]!).getByText('Same name as someone on the roster — same person?')).toBeTruthy();
    const first = within(rows[1]!).getByRole<HTMLSelectElement>('combobox', { name: /from row 2/ });
    expect(first.value).toBe('r1');
    expect([...first.options].map((o) => o.text)).toEqual(['Merge with Ruth Alvarez', 'Add as new']);
    expect(within(rows[1]!).getByText('Merged into Ruth Alvarez')).toBeTruthy();
    // A different email may be someone else: Add as new is the default there.
    expect(within(rows[2]!).getByRole<HTMLSelectElement>('combobox', { name: /from row 3/ }).value).toBe(
      'add',
    );

    await userEvent.selectOptions(first, 'add');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Import 2 people' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await loadTownData(db))!.people).toHaveLength(3);
  });

  it('merges the same-name row into the person on the roster, so nobody is added twice', async () => {
    await putPerson(db, { id: 'r1', name: 'Ruth Alvarez', email: 'ruth@example.org' });
    const dialog = await openImport(
      'Name,Kind of position,Title\nRuth Alvarez,Sustainability team member,Chair\n',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Import 1 person' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const people = (await loadTownData(db))!.people;
    expect(people.map((p) => [p.id, p.email, p.positions.map((x) => x.title)])).toEqual([
      ['r1', 'ruth@example.org', ['Chair']],
    ]);
  });
});
