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
  putTraining,
  replaceAllData,
  setAttendance,
} from '../../../renderer/db/repositories';
import type { AppDB } from '../../../renderer/db/schema';
import { Toasts } from '../../../renderer/src/components/Toasts';
import { AttendanceScreen } from '../../../renderer/src/screens/AttendanceScreen';
import { useUi } from '../../../renderer/src/store/ui';
import { makeDb, renderScreen, resetUi } from '../helpers';

let db: AppDB;

const SERIES = 'series:sct-2020';
const FEB18 = 'sct-2020-equity-101-2020-02-18';
const APR21 = 'sct-2020-equity-101-2020-04-21';

beforeEach(async () => {
  resetUi();
  db = makeDb();
  await initialiseTown(db, { name: 'Harbor Falls', certificationYear: 2026 });
});
afterEach(() => {
  cleanup();
  db.close();
});

const sourceValue = () => screen.getByRole<HTMLSelectElement>('combobox', { name: 'Series or course' }).value;
const stored = async () => (await loadTownData(db))!.attendance;
const sorted = (rows: { personId: string; sessionId: string }[]) =>
  [...rows].sort((a, b) => (a.personId + a.sessionId).localeCompare(b.personId + b.sessionId));

async function twoPeople() {
  await putPerson(db, {
    id: 'p1',
    name: 'Ann Lee',
    positions: [{ id: 'x', kind: 'elected', body: 'selectmen', title: 'First Selectman' }],
  });
  await putPerson(db, { id: 'p2', name: 'Bo Diaz' });
}

describe('AttendanceScreen', () => {
  it('saves a tick at once, under the name "<person> attended <training> on <date>"', async () => {
    await twoPeople();
    useUi.setState({ attendanceSource: SERIES });
    await renderScreen(AttendanceScreen, db);
    const box = screen.getByRole('checkbox', { name: 'Ann Lee attended Equity 101 on February 18, 2020' });
    await userEvent.click(box);
    await waitFor(async () => expect(await stored()).toEqual([{ personId: 'p1', sessionId: FEB18 }]));
    expect((box as HTMLInputElement).checked).toBe(true);
    await userEvent.click(box);
    await waitFor(async () => expect(await stored()).toEqual([]));
    expect(screen.getByRole('row', { name: /Ann Lee/ }).textContent).toContain(
      'First Selectman, Board of Selectmen',
    );
  });

  it('ticks a whole column for everyone shown, and Undo clears it again', async () => {
    await twoPeople();
    useUi.setState({ attendanceSource: SERIES });
    await renderScreen(AttendanceScreen, db);
    render(<Toasts />);
    await userEvent.click(
      screen.getByRole('button', { name: 'Tick all 2 people listed for Equity 101 on February 18, 2020' }),
    );
    await waitFor(async () =>
      expect(sorted(await stored())).toEqual([
        { personId: 'p1', sessionId: FEB18 },
        { personId: 'p2', sessionId: FEB18 },
      ]),
    );
    expect(
      await screen.findByRole('button', {
        name: 'Clear all 2 people listed for Equity 101 on February 18, 2020',
      }),
    ).toBeTruthy();
    expect(screen.getByText('2 people ticked as attending Equity 101 on February 18, 2020.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await stored()).toEqual([]));
  });

  it('ticks every session of a row, only for the person searched for', async () => {
    await twoPeople();
    await putTraining(db, {
      id: 't1',
      name: 'Bias Basics',
      providedBySustainableCT: false,
      isEquity: true,
      delivery: 'inPerson',
    });
    // After the built-in 2026 cohorts' last session (June 3, 2026).
    await putSession(db, { id: 's1', trainingId: 't1', date: '2026-07-03' });
    await putSession(db, { id: 's2', trainingId: 't1', date: '2026-08-03' });
    await renderScreen(AttendanceScreen, db);
    // The course has the latest session, so it is the one shown first.
    expect(sourceValue()).toBe('training:t1');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Find a person' }), 'diaz');
    expect(screen.queryByRole('row', { name: /Ann Lee/ })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Tick all sessions for Bo Diaz' }));
    await waitFor(async () =>
      expect(sorted(await stored())).toEqual([
        { personId: 'p2', sessionId: 's1' },
        { personId: 'p2', sessionId: 's2' },
      ]),
    );
  });

  it('moves between boxes with the arrow keys, so the grid is one Tab stop', async () => {
    await twoPeople();
    useUi.setState({ attendanceSource: SERIES });
    await renderScreen(AttendanceScreen, db);
    const first = screen.getByRole('checkbox', { name: 'Ann Lee attended Equity 101 on February 18, 2020' });
    const tabbable = screen.getAllByRole('checkbox').filter((c) => c.getAttribute('tabindex') === '0');
    expect(tabbable).toEqual([first]);
    first.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(
      screen.getByRole('checkbox', { name: 'Ann Lee attended Equity 101 on April 21, 2020' }),
    );
    await userEvent.keyboard('{ArrowDown}');
    const target = screen.getByRole('checkbox', { name: 'Bo Diaz attended Equity 101 on April 21, 2020' });
    expect(document.activeElement).toBe(target);
    expect(target.getAttribute('tabindex')).toBe('0');
    await userEvent.keyboard(' ');
    await waitFor(async () => expect(await stored()).toEqual([{ personId: 'p2', sessionId: APR21 }]));
  });

  it('shows one person’s attendance across every training, from a link on the People screen', async () => {
    await twoPeople();
    await setAttendance(db, 'p1', FEB18, true);
    await setAttendance(db, 'p1', 'sct-2020-everyday-anti-racism-2020-03-17', true);
    await renderScreen(AttendanceScreen, db);
    act(() => useUi.getState().navigate({ screen: 'attendance', recordId: 'p1' }));
    expect(await screen.findByRole('radio', { name: 'By person' })).toHaveProperty('checked', true);
    const view = screen.getByRole('region', { name: 'One person’s attendance' });
    expect(view.textContent).toContain('is ticked as attending 2 sessions of 2 trainings');
    const attendedTable = within(view).getByRole('table', { name: 'What Ann Lee attended' });
    expect(
      within(attendedTable)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual([
      'DateTrainingSeries or coursePlace or link',
      'Feb 18, 2020Equity 101Sustainable CT 2020 Equity Training SeriesThree Rivers Community College',
      'Mar 17, 2020Everyday Anti-RacismSustainable CT 2020 Equity Training SeriesThree Rivers Community College',
    ]);
    await userEvent.click(within(view).getByText('Tick or untick sessions for Ann Lee'));
    await userEvent.click(
      within(view).getByRole('checkbox', { name: 'Ann Lee attended Equity 101 on February 18, 2020' }),
    );
    await waitFor(async () =>
      expect(await stored()).toEqual([
        { personId: 'p1', sessionId: 'sct-2020-everyday-anti-racism-2020-03-17' },
      ]),
    );
    await waitFor(() =>
      expect(
        within(within(view).getByRole('table', { name: 'What Ann Lee attended' })).queryByText('Equity 101'),
      ).toBeNull(),
    );
  });

  it('opens the grid of the course a "Fix" link names', async () => {
    await twoPeople();
    await putTraining(db, {
      id: 't1',
      name: 'Bias Basics',
      providedBySustainableCT: false,
      isEquity: true,
      delivery: 'inPerson',
    });
    await putSession(db, { id: 's1', trainingId: 't1', date: '2019-02-03' });
    await renderScreen(AttendanceScreen, db);
    // A series with later sessions is shown first.
    expect(sourceValue()).toMatch(/^series:/);
    act(() => useUi.getState().navigate({ screen: 'attendance', recordId: 't1' }));
    await waitFor(() => expect(sourceValue()).toBe('training:t1'));
    expect(
      screen.getByRole('checkbox', { name: 'Bo Diaz attended Bias Basics on February 3, 2019' }),
    ).toBeTruthy();
  });

  it('draws at most 100 rows of a 1,000-person roster and finds anyone by search', async () => {
    const data = (await loadTownData(db))!;
    const people = Array.from({ length: 1000 }, (_, i) => ({
      id: `p${i}`,
      name: `Person ${String(i).padStart(4, '0')}`,
      email: '',
      isResident: false,
      positions: [],
      notes: '',
    }));
    await replaceAllData(db, { ...data, people });
    useUi.setState({ attendanceSource: SERIES });
    await renderScreen(AttendanceScreen, db);
    // Counted with a selector: role queries over hundreds of rows are slow in jsdom, and the count is what matters.
    expect(document.querySelectorAll('tbody input[type="checkbox"]')).toHaveLength(100 * 6);
    expect(screen.getByText(/Showing the first 100 of 1000 people/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Show 100 more' }));
    expect(document.querySelectorAll('tbody tr')).toHaveLength(200);
    await userEvent.click(screen.getByRole('searchbox', { name: 'Find a person' }));
    await userEvent.paste('0999');
    expect(document.querySelectorAll('tbody tr')).toHaveLength(1);
    expect(
      screen.getByRole('checkbox', { name: 'Person 0999 attended Equity 101 on February 18, 2020' }),
    ).toBeTruthy();
  }, 30000);

  it('says to add people first when the roster is empty', async () => {
    await renderScreen(AttendanceScreen, db);
    expect(screen.getByRole('heading', { name: 'Add people first' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Go to People' }));
    expect(useUi.getState().screen).toBe('people');
  });
});

describe('AttendanceScreen with two people of the same name (issue 11.4)', () => {
  beforeEach(async () => {
    await putPerson(db, { id: 'r1', name: 'Ruth Alvarez', email: 'ruth@example.org' });
    await putPerson(db, {
      id: 'r2',
      name: 'Ruth Álvarez',
      positions: [{ id: 'x', kind: 'staff', department: 'Finance', title: 'Treasurer', level: 'director' }],
    });
    await putPerson(db, { id: 'p3', name: 'Bo Diaz' });
  });

  it('tells them apart in the grid rows and their checkboxes', async () => {
    useUi.setState({ attendanceSource: SERIES });
    await renderScreen(AttendanceScreen, db);
    expect(
      screen.getByRole('button', { name: /^Ruth Alvarez \(ruth@example\.org\) — everything/ }),
    ).toBeTruthy();
    expect(
      screen.getByRole('button', { name: /^Ruth Álvarez \(Treasurer, Finance\) — everything/ }),
    ).toBeTruthy();
    expect(
      screen.getByRole('checkbox', {
        name: 'Ruth Alvarez (ruth@example.org) attended Equity 101 on February 18, 2020',
      }),
    ).toBeTruthy();
    // A name nobody shares stays as it is.
    expect(
      screen.getByRole('checkbox', { name: 'Bo Diaz attended Equity 101 on February 18, 2020' }),
    ).toBeTruthy();
  });

  it('tells them apart in the one-person picker', async () => {
    useUi.setState({ attendanceView: 'person' });
    await renderScreen(AttendanceScreen, db);
    const picker = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Person' });
    expect([...picker.options].map((o) => o.text)).toEqual(
      expect.arrayContaining([
        'Ruth Alvarez (ruth@example.org)',
        'Ruth Álvarez (Treasurer, Finance)',
        'Bo Diaz',
      ]),
    );
  });
});
