// @vitest-environment jsdom
// Installed before Dexie loads: liveQuery needs a global indexedDB (dexie/Dexie.js#2070).
import 'fake-indexeddb/auto';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  initialiseTown,
  loadTownData,
  putPerson,
  putSession,
  putTraining,
  setAttendance,
} from '../../../renderer/db/repositories';
import type { AppDB } from '../../../renderer/db/schema';
import { Toasts } from '../../../renderer/src/components/Toasts';
import { TrainingsScreen } from '../../../renderer/src/screens/TrainingsScreen';
import { useUi } from '../../../renderer/src/store/ui';
import { makeDb, renderScreen, resetUi } from '../helpers';

// PDF rendering and saving are the packet's and the platform's business (tested there); here we check the wiring.
const pdf = vi.hoisted(() => ({
  createSignInPdf: vi.fn((..._args: unknown[]) => Promise.resolve(new Uint8Array([37, 80, 68, 70]))),
  savePdf: vi.fn((name: string) => Promise.resolve({ status: 'saved' as const, fileName: name })),
}));
vi.mock('../../../renderer/src/packet', () => ({ createSignInPdf: pdf.createSignInPdf }));
vi.mock('../../../renderer/src/platform', () => ({
  savePdf: pdf.savePdf,
  appVersion: () => Promise.resolve('0.1.0'),
}));

let db: AppDB;

/**
 * With the built-in catalog's four series (2020 and the three 2026 cohorts), jsdom takes
 * seconds to re-render this screen and open a dialog on a loaded machine (3.7 s measured at
 * load average 17; Chromium, in the e2e suite, opens it at once). The wait is longer; what is
 * asserted is unchanged.
 */
const SLOW_JSDOM = 10_000;

beforeEach(async () => {
  resetUi();
  pdf.createSignInPdf.mockClear();
  pdf.savePdf.mockClear();
  db = makeDb();
  await initialiseTown(db, { name: 'Harbor Falls', certificationYear: 2026 });
});
afterEach(() => {
  cleanup();
  db.close();
});

const stored = async () => (await loadTownData(db))!;

async function addCourse() {
  await renderScreen(TrainingsScreen, db);
  await userEvent.click(screen.getAllByRole('button', { name: 'Add a single course' })[0]!);
  return screen.getByRole('dialog', { name: 'Add a single course' });
}

describe('TrainingsScreen', () => {
  it('shows the preloaded Sustainable CT 2020 series with its three topics and six sessions', async () => {
    await renderScreen(TrainingsScreen, db);
    const card = screen.getByRole('region', { name: 'Sustainable CT 2020 Equity Training Series' });
    for (const topic of [
      'Equity 101',
      'Everyday Anti-Racism',
      'How to Have a Conversation About Race, Bias, and Equity',
    ]) {
      expect(within(card).getByRole('heading', { level: 3, name: topic })).toBeTruthy();
    }
    expect(within(card).getAllByRole('button', { name: /^Print sign-in sheet/ })).toHaveLength(6);
    expect(within(card).getByText('3 topics · 6 sessions')).toBeTruthy();
    expect(
      within(card).getByRole('row', {
        name: /Feb 18, 2020\s*8:00 AM – 12:00 PM Three Rivers Community College/,
      }),
    ).toBeTruthy();
  });

  it('says "Training name is required" and asks how it was delivered, saving nothing', async () => {
    const before = (await stored()).trainings.length;
    const dialog = await addCourse();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save course' }));
    expect(within(dialog).getByText('Training name is required')).toBeTruthy();
    expect(within(dialog).getByText('Choose how the training was delivered')).toBeTruthy();
    expect(within(dialog).getByText('Fix the 2 problems marked below, then save again.')).toBeTruthy();
    expect(within(dialog).getByRole('textbox', { name: 'Training name' }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect((await stored()).trainings).toHaveLength(before);
  });

  it('adds a single course, then asks for its first session and refuses an end time before the start', async () => {
    const dialog = await addCourse();
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Training name' }), 'Equity in Hiring');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Provider/ }), 'Capitol Region COG');
    await userEvent.click(within(dialog).getByRole('radio', { name: /^In person/ }));
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /^Description or agenda/ }),
      'Bias in job ads and interviews.',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save course' }));

    const sessionDialog = await screen.findByRole(
      'dialog',
      { name: 'When was Equity in Hiring held?' },
      { timeout: SLOW_JSDOM },
    );
    const course = (await stored()).trainings.find((t) => t.name === 'Equity in Hiring');
    expect(course).toMatchObject({
      provider: 'Capitol Region COG',
      providedBySustainableCT: false,
      isEquity: true,
      delivery: 'inPerson',
      seriesId: null,
    });
    await userEvent.type(within(sessionDialog).getByLabelText('Date'), '2025-09-10');
    await userEvent.type(within(sessionDialog).getByLabelText(/^Start time/), '13:00');
    await userEvent.type(within(sessionDialog).getByLabelText(/^End time/), '11:00');
    expect(within(sessionDialog).getByText('The session ends before it starts')).toBeTruthy();
    await userEvent.click(within(sessionDialog).getByRole('button', { name: 'Save session' }));
    expect((await stored()).sessions.filter((s) => s.trainingId === course!.id)).toEqual([]);

    await userEvent.clear(within(sessionDialog).getByLabelText(/^End time/));
    await userEvent.type(within(sessionDialog).getByLabelText(/^End time/), '15:30');
    const dept = within(sessionDialog).getByRole('textbox', { name: /^Departments represented/ });
    await userEvent.type(dept, 'Human Resources{Enter}');
    await userEvent.type(dept, 'Police');
    await userEvent.click(within(sessionDialog).getByRole('button', { name: 'Add department' }));
    expect(within(sessionDialog).getByRole('button', { name: 'Remove Police' })).toBeTruthy();
    await userEvent.click(within(sessionDialog).getByRole('button', { name: 'Save session' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await stored()).sessions.filter((s) => s.trainingId === course!.id)).toEqual([
      expect.objectContaining({
        date: '2025-09-10',
        startTime: '13:00',
        endTime: '15:30',
        departmentsReported: ['Human Resources', 'Police'],
      }),
    ]);
    const block = await screen.findByRole('article', { name: 'Equity in Hiring' });
    expect(await within(block).findByText('Human Resources, Police')).toBeTruthy();
  }, 20000);

  it('refuses to save a session while a typed department has not been added', async () => {
    await putTraining(db, {
      id: 't1',
      name: 'Bias Basics',
      providedBySustainableCT: false,
      isEquity: true,
      delivery: 'liveVirtual',
    });
    await renderScreen(TrainingsScreen, db);
    const block = screen.getByRole('article', { name: 'Bias Basics' });
    await userEvent.click(within(block).getByRole('button', { name: 'Add session of Bias Basics' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a session of Bias Basics' });
    await userEvent.type(within(dialog).getByLabelText('Date'), '2025-02-03');
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /^Departments represented/ }),
      'Library',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save session' }));
    expect(
      within(dialog).getByText('Press “Add department” to add “Library”, or clear the box'),
    ).toBeTruthy();
    expect((await stored()).sessions.filter((s) => s.trainingId === 't1')).toEqual([]);
  });

  it('asks before deleting a session that attendance uses, then puts it back on Undo', async () => {
    await putPerson(db, { id: 'p1', name: 'Ann Lee' });
    await putPerson(db, { id: 'p2', name: 'Bo Diaz' });
    const sessionId = 'sct-2020-equity-101-2020-02-18';
    await setAttendance(db, 'p1', sessionId, true);
    await setAttendance(db, 'p2', sessionId, true);
    await renderScreen(TrainingsScreen, db);
    render(<Toasts />);
    await userEvent.click(
      screen.getByRole('button', { name: 'Delete the session of Equity 101 on February 18, 2020' }),
    );
    const confirm = await screen.findByRole('dialog', {
      name: 'Delete the February 18, 2020 session of Equity 101?',
    });
    expect(confirm.textContent).toContain('2 attendance records (2 people)');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Delete session' }));
    await waitFor(async () => expect((await stored()).sessions.some((s) => s.id === sessionId)).toBe(false));
    expect((await stored()).attendance).toEqual([]);
    await userEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await stored()).attendance).toHaveLength(2));
    expect((await stored()).sessions.some((s) => s.id === sessionId)).toBe(true);
  });

  it('deletes a whole series only after saying how many topics, sessions and records go with it', async () => {
    await putPerson(db, { id: 'p1', name: 'Ann Lee' });
    await setAttendance(db, 'p1', 'sct-2020-equity-101-2020-02-18', true);
    await renderScreen(TrainingsScreen, db);
    await userEvent.click(
      screen.getByRole('button', { name: 'Delete series Sustainable CT 2020 Equity Training Series' }),
    );
    const confirm = await screen.findByRole(
      'dialog',
      { name: 'Delete Sustainable CT 2020 Equity Training Series?' },
      { timeout: SLOW_JSDOM },
    );
    expect(confirm.textContent).toContain('3 topics, 6 sessions and 1 attendance record (1 person)');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    // Nothing was deleted: the 2020 series and the three 2026 cohorts are all still there.
    expect((await stored()).series).toHaveLength(4);
  });

  it('prints a sign-in sheet for one session and saves it under a readable name', async () => {
    await renderScreen(TrainingsScreen, db);
    render(<Toasts />);
    await userEvent.click(
      screen.getByRole('button', { name: 'Print sign-in sheet for Equity 101 on February 18, 2020' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Sign-in sheet for Equity 101' });
    expect(within(dialog).getByRole('radio', { name: /^Blank/ })).toHaveProperty('checked', true);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Make the sign-in sheet' }));
    await waitFor(() => expect(pdf.savePdf).toHaveBeenCalledTimes(1));
    expect(pdf.createSignInPdf).toHaveBeenCalledWith(
      expect.objectContaining({ town: expect.objectContaining({ name: 'Harbor Falls' }) }),
      'sct-2020-equity-101-2020-02-18',
      expect.objectContaining({ appVersion: '0.1.0' }),
    );
    expect(pdf.createSignInPdf.mock.calls[0]![2]).not.toHaveProperty('expectedPersonIds');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(pdf.savePdf.mock.calls[0]![0]).toBe('sign-in-equity-101-2020-02-18.pdf');
    expect(
      await screen.findByText(/^Sign-in sheet saved as sign-in-equity-101-2020-02-18\.pdf/),
    ).toBeTruthy();
  });

  it('prints a sign-in sheet with the names of the people the clerk ticks, sorted by name', async () => {
    await putPerson(db, { id: 'p1', name: 'Zed Young' });
    await putPerson(db, { id: 'p2', name: 'Ann Adams' });
    await putPerson(db, { id: 'p3', name: 'Mo Diaz' });
    await setAttendance(db, 'p1', 'sct-2020-equity-101-2020-02-18', true);
    await renderScreen(TrainingsScreen, db);
    await userEvent.click(
      screen.getByRole('button', { name: 'Print sign-in sheet for Equity 101 on February 18, 2020' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Sign-in sheet for Equity 101' });
    await userEvent.click(within(dialog).getByRole('radio', { name: /^With the names of people expected/ }));
    // Those already marked as attending start ticked.
    expect(within(dialog).getByRole('checkbox', { name: /^Zed Young/ })).toHaveProperty('checked', true);
    expect(within(dialog).getByRole('checkbox', { name: /^Mo Diaz/ })).toHaveProperty('checked', false);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Clear' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Make the sign-in sheet' }));
    expect(
      within(dialog).getByText('Tick at least one person expected, or choose a blank sheet.'),
    ).toBeTruthy();
    expect(pdf.createSignInPdf).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByRole('checkbox', { name: /^Zed Young/ }));
    await userEvent.click(within(dialog).getByRole('checkbox', { name: /^Ann Adams/ }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Make the sign-in sheet' }));
    await waitFor(() => expect(pdf.savePdf).toHaveBeenCalledTimes(1));
    expect(pdf.createSignInPdf.mock.calls[0]![2]).toMatchObject({ expectedPersonIds: ['p2', 'p1'] });
  });

  it('adds a series, then goes straight on to its first topic', async () => {
    await renderScreen(TrainingsScreen, db);
    await userEvent.click(screen.getAllByRole('button', { name: 'Add a series' })[0]!);
    const dialog = screen.getByRole('dialog', { name: 'Add a series' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save series' }));
    expect(within(dialog).getByText('Series name is required')).toBeTruthy();
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Series name' }), 'SCT 2025 Series');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save series' }));
    const topic = await screen.findByRole(
      'dialog',
      { name: 'Add a topic to SCT 2025 Series' },
      { timeout: SLOW_JSDOM },
    );
    expect(within(topic).getByRole('checkbox', { name: 'Provided by Sustainable CT' })).toHaveProperty(
      'checked',
      true,
    );
    expect((await stored()).series.map((s) => s.name)).toContain('SCT 2025 Series');
  });

  it('opens the training a "Fix" link names, on the field it names', async () => {
    await renderScreen(TrainingsScreen, db);
    act(() =>
      useUi.getState().navigate({ screen: 'trainings', recordId: 'sct-2020-equity-101', field: 'provider' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Edit Equity 101' });
    await waitFor(() =>
      expect(document.activeElement).toBe(within(dialog).getByRole('textbox', { name: /^Provider/ })),
    );
    expect(useUi.getState().focus).toBeNull();
  });

  it('opens a session on its departments when a "Fix" link points there', async () => {
    await putTraining(db, {
      id: 't1',
      name: 'Bias Basics',
      providedBySustainableCT: false,
      isEquity: true,
      delivery: 'inPerson',
    });
    await putSession(db, { id: 's1', trainingId: 't1', date: '2025-02-03' });
    await renderScreen(TrainingsScreen, db);
    act(() =>
      useUi.getState().navigate({ screen: 'trainings', recordId: 's1', field: 'departmentsReported' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Edit the February 3, 2025 session' });
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(dialog).getByRole('textbox', { name: /^Departments represented/ }),
      ),
    );
  });
});
