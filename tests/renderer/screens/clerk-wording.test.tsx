// @vitest-environment jsdom
// Installed before Dexie loads: liveQuery needs a global indexedDB (dexie/Dexie.js#2070).
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  initialiseTown,
  loadTownData,
  putCertification,
  putPerson,
  saveTown,
  setAttendance,
} from '../../../renderer/db/repositories';
import type { AppDB } from '../../../renderer/db/schema';
import { FirstRun } from '../../../renderer/src/screens/FirstRun';
import { PeopleScreen } from '../../../renderer/src/screens/PeopleScreen';
import { TownScreen } from '../../../renderer/src/screens/TownScreen';
import { TrainingsScreen } from '../../../renderer/src/screens/TrainingsScreen';
import { makeDb, renderScreen, resetUi } from '../helpers';

// The words a first-time clerk reads (issue 11, items 3, 9 and 14): each once, and meaning one thing.

const SESSION = 'sct-2020-equity-101-2020-02-18';
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

const stored = async () => (await loadTownData(db))!;

describe('People', () => {
  it('names each group of people in plain English in the Show list', async () => {
    await putPerson(db, { id: 'p1', name: 'Ann Lee' });
    await renderScreen(PeopleScreen, db);
    const show = screen.getByRole('combobox', { name: 'Show' });
    const options = within(show)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toContain('Municipal staff');
    expect(options).toContain('Appointed commissioners and volunteers');
    expect(options).not.toContain('Municipal staffs');
    expect(options).not.toContain('Appointed commissioner or volunteers');
  });

  it.each([
    ['staff', 'e.g. Director of Public Works'],
    ['boeEmployee', 'e.g. Teacher, School Principal'],
    ['appointed', 'e.g. Commissioner, Volunteer'],
  ])('gives a %s position a Title example that fits it', async (kind, hint) => {
    await renderScreen(PeopleScreen, db);
    await userEvent.click(screen.getAllByRole('button', { name: 'Add person' })[0]!);
    const dialog = screen.getByRole('dialog', { name: 'Add a person' });
    await userEvent.selectOptions(within(dialog).getByLabelText('Kind of position to add'), kind);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add position' }));
    const title = within(dialog).getByRole('textbox', { name: /^Title/ });
    const hintIds = title.getAttribute('aria-describedby')!.split(' ');
    const hints = hintIds.map((id) => document.getElementById(id)?.textContent);
    expect(hints).toContain(hint);
  });

  it('does not repeat the body after a title that already names it', async () => {
    await putPerson(db, {
      id: 'p1',
      name: 'Zoë Łukasik',
      positions: [
        {
          id: 'x',
          kind: 'elected',
          body: 'finance',
          bodyName: '',
          title: 'Member, Board of Finance',
          start: null,
          end: null,
        },
      ],
    });
    await renderScreen(PeopleScreen, db);
    const row = screen.getByRole('row', { name: /Zoë Łukasik/ });
    expect(within(row).getByText('Member, Board of Finance')).toBeTruthy();
    expect(row.textContent).not.toContain('Board of Finance, Board of Finance');
  });
});

describe('Trainings', () => {
  it('says once that Sustainable CT provided a training', async () => {
    await renderScreen(TrainingsScreen, db);
    const about = screen.getByRole('list', { name: 'About Equity 101' });
    const tags = within(about)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(tags).toContain('Provided by Sustainable CT');
    expect(tags.some((t) => t?.startsWith('Provider:'))).toBe(false);
  });

  it('asks for the total number of attendees, roster or not, and warns when it is below the number ticked', async () => {
    for (const [id, name] of [
      ['p1', 'Ann Lee'],
      ['p2', 'Bo Diaz'],
      ['p3', 'Cy Park'],
      ['p4', 'Di Wu'],
    ]) {
      await putPerson(db, { id: id!, name: name! });
      await setAttendance(db, id!, SESSION, true);
    }
    await renderScreen(TrainingsScreen, db);
    await userEvent.click(
      screen.getByRole('button', { name: 'Edit the session of Equity 101 on February 18, 2020' }),
    );
    const dialog = await screen.findByRole('dialog', { name: /^Edit the February 18, 2020 session/ });
    const count = within(dialog).getByRole('spinbutton', {
      name: /^Total attendees, including those ticked on the roster/,
    });
    expect(dialog.textContent).not.toContain('only to add attendees who are not on your roster');
    const hint = document.getElementById(count.getAttribute('aria-describedby')!.split(' ')[0]!)!;
    expect(hint.textContent).toMatch(/^The total number of municipal/);
    expect(hint.textContent).toContain('counting the 4 people ticked');

    await userEvent.type(count, '2');
    expect(within(dialog).getByText(/is below the 4 people ticked on the roster/)).toBeTruthy();
    await userEvent.clear(count);
    await userEvent.type(count, '8');
    expect(within(dialog).queryByText(/is below the 4 people ticked/)).toBeNull();
  });
});

describe('Town', () => {
  it('never doubles "Town of" in the heading', async () => {
    await saveTown(db, { ...(await stored()).town, name: 'Town of Willowbrook' });
    await renderScreen(TownScreen, db);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Town of Willowbrook');
  });

  it('uses the kind of municipality chosen in Town details in the heading', async () => {
    await saveTown(db, { ...(await stored()).town, name: 'Norwalk' });
    await renderScreen(TownScreen, db);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Town of Norwalk');
    const details = screen.getByRole('region', { name: 'Town details' });
    await userEvent.selectOptions(
      within(details).getByRole('combobox', { name: 'Kind of municipality' }),
      'city',
    );
    expect(within(details).getByText('Headings will read “City of Norwalk”.')).toBeTruthy();
    await userEvent.click(within(details).getByRole('button', { name: 'Save town details' }));
    await waitFor(async () => expect((await stored()).town.municipalityKind).toBe('city'));
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('City of Norwalk'),
    );
  });

  it('shows the certification dialog’s sessions with their dates in words', async () => {
    await putCertification(db, {
      id: 'c1',
      yearAwarded: 2023,
      level: 'Bronze',
      credited: [{ part: 'part2', sessionId: SESSION }],
    });
    await renderScreen(TownScreen, db);
    const history = screen.getByRole('region', { name: 'Certification history' });
    expect(history.textContent).toContain('Part 2: Equity 101, February 18, 2020');
    expect(history.textContent).not.toContain('2020-02-18');
    await userEvent.click(within(history).getByRole('button', { name: 'Add a past certification' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a past certification' });
    expect(within(dialog).getByRole('checkbox', { name: 'Equity 101 — February 18, 2020' })).toBeTruthy();
    expect(dialog.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

describe('First run', () => {
  it('lets the clerk choose city, and stores the name as typed', async () => {
    const fresh = makeDb();
    try {
      render(<FirstRun db={fresh} />);
      await userEvent.type(screen.getByRole('textbox', { name: 'Town name' }), 'Norwalk');
      await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Kind of municipality' }), 'city');
      expect(screen.getByText('Headings will read “City of Norwalk”.')).toBeTruthy();
      await userEvent.click(screen.getByRole('button', { name: 'Create my town' }));
      await waitFor(async () =>
        expect((await loadTownData(fresh))?.town).toMatchObject({
          name: 'Norwalk',
          municipalityKind: 'city',
        }),
      );
    } finally {
      fresh.close();
    }
  });
});
