// @vitest-environment jsdom
// Installed before Dexie loads: liveQuery needs a global indexedDB (dexie/Dexie.js#2070).
import 'fake-indexeddb/auto';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  initialiseTown,
  loadTownData,
  putPerson,
  putSession,
  setAttendance,
} from '../../../renderer/db/repositories';
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
  db.close();
});

async function openAdd() {
  await renderScreen(PeopleScreen, db);
  await userEvent.click(screen.getAllByRole('button', { name: 'Add person' })[0]!);
  return screen.getByRole('dialog', { name: 'Add a person' });
}

/** Add person again on the screen already shown. */
async function openAdd2() {
  await userEvent.click(screen.getAllByRole('button', { name: 'Add person' })[0]!);
  return screen.getByRole('dialog', { name: 'Add a person' });
}

describe('PeopleScreen', () => {
  it('shows a large roster 100 rows at a time, with Show more and the search finding the rest', async () => {
    for (let i = 0; i < 130; i++) {
      await putPerson(db, {
        id: `p${i}`,
        name: `Resident ${String(i).padStart(3, '0')}`,
        email: '',
        isResident: true,
        positions: [],
        notes: '',
      });
    }
    await renderScreen(PeopleScreen, db);
    const body = () => screen.getAllByRole('rowgroup')[1]!;
    expect(within(body()).getAllByRole('row')).toHaveLength(100);
    await userEvent.click(screen.getByRole('button', { name: 'Show 30 more' }));
    expect(within(body()).getAllByRole('row')).toHaveLength(130);
    await userEvent.type(screen.getByRole('searchbox', { name: /Search/ }), 'Resident 129');
    await waitFor(() => expect(within(body()).getAllByRole('row')).toHaveLength(1));
  });

  it('puts the keyboard on the new position’s first field after Add position (issue 11, item 13)', async () => {
    const dialog = await openAdd();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add position' }));
    const kind = within(dialog).getByRole('combobox', { name: 'Kind' });
    await waitFor(() => expect(document.activeElement).toBe(kind));
  });

  it('asks before Escape throws away what was typed in Add person, and closes at once when nothing was', async () => {
    const dialog = await openAdd();
    // Escape on a modal <dialog> is its `cancel` event (jsdom has no key handling for it).
    act(() => void dialog.dispatchEvent(new Event('cancel', { cancelable: true })));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add a person' })).toBeNull());
    expect(useUi.getState().discardPrompt).toBeNull();

    const again = await openAdd2();
    await userEvent.type(within(again).getByRole('textbox', { name: 'Name' }), 'Ann Lee');
    act(() => void again.dispatchEvent(new Event('cancel', { cancelable: true })));
    await waitFor(() => expect(useUi.getState().discardPrompt).not.toBeNull());
    // Keep editing: the dialog and what was typed stay.
    act(() => useUi.getState().discardPrompt!.answer(false));
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Name' }).value).toBe('Ann Lee');
    act(() => void again.dispatchEvent(new Event('cancel', { cancelable: true })));
    await waitFor(() => expect(useUi.getState().discardPrompt).not.toBeNull());
    act(() => useUi.getState().discardPrompt!.answer(true));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add a person' })).toBeNull());
  });

  it('shows "Name is required" next to an empty name and saves nothing', async () => {
    const dialog = await openAdd();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save person' }));
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    expect(name.getAttribute('aria-invalid')).toBe('true');
    const errorId = name.getAttribute('aria-describedby')!.split(' ').at(-1)!;
    expect(document.getElementById(errorId)?.textContent).toBe('Name is required');
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect((await loadTownData(db))!.people).toEqual([]);
  });

  it('refuses an end date before the start date', async () => {
    const dialog = await openAdd();
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Ann Lee');
    await userEvent.selectOptions(within(dialog).getByLabelText('Kind of position to add'), 'teamMember');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add position' }));
    await userEvent.type(within(dialog).getByLabelText('Start date (optional)'), '2024-05-01');
    await userEvent.type(within(dialog).getByLabelText(/^End date/), '2024-01-01');
    expect(within(dialog).getByText('The term ends (2024-01-01) before it starts (2024-05-01)')).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save person' }));
    expect(within(dialog).getByText('Fix the problem marked below, then save again.')).toBeTruthy();
    expect((await loadTownData(db))!.people).toEqual([]);
  });

  it('saves a person with an elected position and lists it in the roster', async () => {
    const dialog = await openAdd();
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Ann Lee');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Lives in town (resident)' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add position' }));
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Body' }), 'townCouncil');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Title/ }), 'Council Member');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save person' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const stored = (await loadTownData(db))!.people;
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ name: 'Ann Lee', isResident: true });
    expect(stored[0]!.positions[0]).toMatchObject({
      kind: 'elected',
      body: 'townCouncil',
      title: 'Council Member',
    });
    const row = await screen.findByRole('row', { name: /Ann Lee/ });
    expect(within(row).getByText('Council Member, Town Council')).toBeTruthy();
    expect(within(row).getByText('Yes')).toBeTruthy();
  });

  it('asks a staff position for its level instead of assuming one', async () => {
    const dialog = await openAdd();
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Bo Diaz');
    await userEvent.selectOptions(within(dialog).getByLabelText('Kind of position to add'), 'staff');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add position' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save person' }));
    expect(within(dialog).getByText('Choose a level')).toBeTruthy();
    expect((await loadTownData(db))!.people).toEqual([]);
  });

  it('offers Undo after deleting a person and restores them with their attendance', async () => {
    await putPerson(db, { id: 'p1', name: 'Ann Lee' });
    const data = await loadTownData(db);
    const training = data!.trainings[0]!;
    await putSession(db, { id: 's1', trainingId: training.id, date: '2025-03-01' });
    await setAttendance(db, 'p1', 's1', true);
    await renderScreen(PeopleScreen, db);
    render(<Toasts />);
    const row = await screen.findByRole('row', { name: /Ann Lee/ });
    expect(within(row).getByRole('button', { name: /1 session/ })).toBeTruthy();
    await userEvent.click(within(row).getByRole('button', { name: /^Delete\s*Ann Lee$/ }));
    const confirm = screen.getByRole('dialog', { name: 'Delete Ann Lee?' });
    expect(confirm.textContent).toContain('1 attendance record');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Delete person' }));
    await waitFor(async () => expect((await loadTownData(db))!.people).toEqual([]));
    await userEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(async () => {
      const after = (await loadTownData(db))!;
      expect(after.people.map((p) => p.name)).toEqual(['Ann Lee']);
      expect(after.attendance).toEqual([{ personId: 'p1', sessionId: 's1' }]);
    });
    expect(await screen.findByRole('row', { name: /Ann Lee/ })).toBeTruthy();
  });

  it('filters the roster by search text and by position kind', async () => {
    await putPerson(db, { id: 'p1', name: 'Ann Lee', positions: [{ id: 'a', kind: 'teamMember' }] });
    await putPerson(db, {
      id: 'p2',
      name: 'Bo Diaz',
      positions: [{ id: 'b', kind: 'staff', level: 'director', department: 'Public Works' }],
    });
    await renderScreen(PeopleScreen, db);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search' }), 'public');
    expect(screen.queryByRole('row', { name: /Ann Lee/ })).toBeNull();
    expect(screen.getByRole('row', { name: /Bo Diaz/ })).toBeTruthy();
    await userEvent.clear(screen.getByRole('searchbox', { name: 'Search' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'teamMember');
    expect(screen.getByRole('row', { name: /Ann Lee/ })).toBeTruthy();
    expect(screen.queryByRole('row', { name: /Bo Diaz/ })).toBeNull();
  });

  it('opens the person named by a navigation target', async () => {
    await putPerson(db, { id: 'p1', name: 'Ann Lee' });
    await renderScreen(PeopleScreen, db);
    act(() => useUi.getState().navigate({ screen: 'people', recordId: 'p1', field: 'name' }));
    expect(await screen.findByRole('dialog', { name: 'Edit Ann Lee' })).toBeTruthy();
    expect(useUi.getState().focus).toBeNull();
  });
});

describe('PeopleScreen with two people of the same name (issue 11.4)', () => {
  it('shows a telling detail after each repeated name, and only there', async () => {
    await putPerson(db, { id: 'r1', name: 'Ruth Alvarez', email: 'ruth@example.org' });
    await putPerson(db, { id: 'r2', name: 'ruth alvarez', email: 'ralvarez@example.org' });
    await putPerson(db, { id: 'p3', name: 'Bo Diaz' });
    await renderScreen(PeopleScreen, db);
    expect(screen.getByRole('rowheader', { name: 'Ruth Alvarez (ruth@example.org)' })).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'ruth alvarez (ralvarez@example.org)' })).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'Bo Diaz' })).toBeTruthy();
  });
});
