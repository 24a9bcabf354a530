// @vitest-environment jsdom
// Installed before Dexie loads: liveQuery needs a global indexedDB (dexie/Dexie.js#2070).
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  initialiseTown,
  loadTownData,
  putPerson,
  sampleTownName,
  saveTown,
  putTraining,
} from '../../renderer/db/repositories';
import { loadHarborFallsSample } from '../../renderer/db/sample';
import type { AppDB } from '../../renderer/db/schema';
import { App } from '../../renderer/src/App';
import { useUi } from '../../renderer/src/store/ui';
import type { AutoBackupResult, LedgerApi } from '../../shared/ipc/contract';
import { makeDb, resetUi } from './helpers';
import { installFakeApi } from './fake-api';

// jsdom has no CSS.escape (the People screen's Fix uses it to find a field); Chromium does.
if (typeof CSS === 'undefined' || typeof CSS.escape !== 'function') {
  (globalThis as { CSS?: unknown }).CSS = { escape: (v: string) => v.replace(/["\\]/g, '\\$&') };
}

let db: AppDB;
const w = window as Window & { api?: LedgerApi };

beforeEach(() => {
  resetUi();
  db = makeDb();
});
afterEach(() => {
  cleanup();
  db.close();
  delete w.api;
});

/** The preload's API as a fake that records calls and lets the test fire menu commands. */
function fakeApi(
  backup: AutoBackupResult = { status: 'written', fileName: 'auto-x.json', kept: 1, removed: 0 },
) {
  const fake = installFakeApi();
  fake.api.saveText.mockResolvedValue({ status: 'saved', fileName: 'backup.json' });
  fake.api.writeAutoBackup.mockResolvedValue(backup);
  return fake;
}

const go = async (name: string) => {
  const rail = await screen.findByRole('navigation', { name: 'Main' }, { timeout: 5000 });
  await userEvent.click(within(rail).getByRole('button', { name: new RegExp(`^${name}`) }));
};
const reasons = (api: ReturnType<typeof fakeApi>['api']) =>
  api.writeAutoBackup.mock.calls.map((c) => (c[0] as { reason: string }).reason);

describe('App: the sample town (issue 11, item 1)', () => {
  it('shows a lasting banner on every screen while the sample is open, and none for a real town', async () => {
    await loadHarborFallsSample(db);
    render(<App db={db} />);
    for (const name of ['Town', 'People', 'Trainings', 'Attendance', 'Partners', 'Eligibility']) {
      await go(name);
      const banner = await screen.findByRole('region', { name: 'Sample town' });
      expect(banner.textContent).toContain('You are looking at the sample town Harbor Falls');
      expect(banner.textContent).toContain('nothing here is real');
      expect(within(banner).getByRole('button', { name: 'Start my own town' })).toBeTruthy();
    }
    cleanup();
    await initialiseTown(db, { name: 'Maple Hollow', certificationYear: 2026 });
    render(<App db={db} />);
    await screen.findByRole('navigation', { name: 'Main' });
    expect(screen.queryByRole('region', { name: 'Sample town' })).toBeNull();
  });

  it('Start my own town removes every sample record after a confirmation and opens the town form', async () => {
    await loadHarborFallsSample(db);
    render(<App db={db} />);
    const banner = await screen.findByRole('region', { name: 'Sample town' });
    await userEvent.click(within(banner).getByRole('button', { name: 'Start my own town' }));
    const confirm = await screen.findByRole('dialog', { name: 'Start your own town?' });
    // Cancel first: nothing is removed.
    await userEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect((await loadTownData(db))?.town.name).toBe('Harbor Falls');
    await userEvent.click(within(banner).getByRole('button', { name: 'Start my own town' }));
    await userEvent.click(
      within(await screen.findByRole('dialog', { name: 'Start your own town?' })).getByRole('button', {
        name: 'Remove the sample and start',
      }),
    );
    await screen.findByRole(
      'heading',
      { level: 1, name: 'Welcome to the Equity Training Ledger' },
      { timeout: 5000 },
    );
    const name = screen.getByRole('textbox', { name: 'Town name' });
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(await loadTownData(db)).toBeNull();
    expect(await sampleTownName(db)).toBeNull();
    // The town the clerk creates now has none of the sample: no 2022 certification, coaching or partners.
    await userEvent.type(name, 'Maple Hollow');
    await userEvent.click(screen.getByRole('button', { name: 'Create my town' }));
    await screen.findByRole('navigation', { name: 'Main' });
    const data = await loadTownData(db);
    expect(data?.town.name).toBe('Maple Hollow');
    expect(data?.certifications).toEqual([]);
    expect(data?.coaching).toEqual([]);
    expect(data?.partners).toEqual([]);
    expect(data?.people).toEqual([]);
    expect(screen.queryByRole('region', { name: 'Sample town' })).toBeNull();
  });

  it('offers Start my own town in the File menu (shown only while the sample is open) and on Your data', async () => {
    const { api, fire } = fakeApi();
    await loadHarborFallsSample(db);
    render(<App db={db} />);
    await screen.findByRole('region', { name: 'Sample town' });
    await waitFor(() => expect(api.setSampleOpen).toHaveBeenLastCalledWith({ open: true }));
    fire('startOwnTown');
    expect(await screen.findByRole('dialog', { name: 'Start your own town?' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    const yourData = screen.getByRole('region', { name: 'Your data' });
    await userEvent.click(within(yourData).getByRole('button', { name: 'Start my own town' }));
    expect(await screen.findByRole('dialog', { name: 'Start your own town?' })).toBeTruthy();
  });
});

describe('App: Erase this computer’s records (issue 11, item 1)', () => {
  it('needs the town’s name typed, writes a backup first, then clears everything', async () => {
    const { api, fire } = fakeApi();
    await initialiseTown(db, { name: 'Maple Hollow', certificationYear: 2026 });
    render(<App db={db} />);
    await screen.findByRole('navigation', { name: 'Main' });
    fire('eraseRecords');
    const dialog = await screen.findByRole('dialog', { name: 'Erase this computer’s records?' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Type Maple Hollow/ }), 'Maple');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Erase everything' }));
    expect(within(dialog).getByText(/exactly to erase/)).toBeTruthy();
    expect((await loadTownData(db))?.town.name).toBe('Maple Hollow');
    expect(reasons(api)).not.toContain('beforeErase');

    await userEvent.type(within(dialog).getByRole('textbox', { name: /Type Maple Hollow/ }), ' hollow');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Erase everything' }));
    await screen.findByRole(
      'heading',
      { level: 1, name: 'Welcome to the Equity Training Ledger' },
      { timeout: 5000 },
    );
    expect(reasons(api)).toContain('beforeErase');
    const erase = api.writeAutoBackup.mock.calls.find(
      (c) => (c[0] as { reason: string }).reason === 'beforeErase',
    );
    expect(JSON.parse((erase![0] as { json: string }).json).data.town.name).toBe('Maple Hollow');
    expect(await loadTownData(db)).toBeNull();
  });

  it('erases nothing when the backup cannot be written', async () => {
    fakeApi({ status: 'error', message: 'disk full' });
    await initialiseTown(db, { name: 'Maple Hollow', certificationYear: 2026 });
    render(<App db={db} />);
    const yourData = await screen.findByRole('region', { name: 'Your data' });
    await userEvent.click(within(yourData).getByRole('button', { name: 'Erase this computer’s records…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Erase this computer’s records?' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Type Maple Hollow/ }), 'Maple Hollow');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Erase everything' }));
    await waitFor(() =>
      expect(useUi.getState().toasts.map((t) => t.text)).toContain(
        'Nothing was erased, because the backup could not be saved first.',
      ),
    );
    expect((await loadTownData(db))?.town.name).toBe('Maple Hollow');
  });
});

describe('App: edits never vanish (issue 11, item 2)', () => {
  it('asks "Discard your changes?" before the rail leaves a changed form; Keep editing keeps it', async () => {
    await initialiseTown(db, { name: 'Maple Hollow', certificationYear: 2026 });
    render(<App db={db} />);
    const preparedBy = await screen.findByRole('textbox', { name: /Prepared by/ });
    await userEvent.type(preparedBy, 'Ann Lee');
    await go('People');
    const prompt = await screen.findByRole('dialog', { name: 'Discard your changes?' });
    await userEvent.click(within(prompt).getByRole('button', { name: 'Keep editing' }));
    expect(useUi.getState().screen).toBe('town');
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: /Prepared by/ }).value).toBe('Ann Lee');

    await go('People');
    await userEvent.click(
      within(await screen.findByRole('dialog', { name: 'Discard your changes?' })).getByRole('button', {
        name: 'Discard changes',
      }),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'People' })).toBeTruthy();
  });

  it('leaves at once when nothing is changed', async () => {
    await initialiseTown(db, { name: 'Maple Hollow', certificationYear: 2026 });
    render(<App db={db} />);
    await screen.findByRole('textbox', { name: /Prepared by/ });
    await go('Partners');
    expect(await screen.findByRole('heading', { level: 1, name: 'Partners' })).toBeTruthy();
    expect(screen.queryByRole('dialog', { name: 'Discard your changes?' })).toBeNull();
  });

  it('saves the narratives as they are typed, shows "Saved", and keeps them across screens', async () => {
    await initialiseTown(db, { name: 'Maple Hollow', certificationYear: 2026 });
    render(<App db={db} />);
    const part1 = await screen.findByRole('textbox', { name: /Part 1 narrative/ });
    await userEvent.type(part1, 'The team still meets.');
    await waitFor(() => expect(screen.getByTestId('narratives-status').textContent).toContain('Saved'), {
      timeout: 3000,
    });
    expect((await loadTownData(db))?.town.rollingNarrative.part1).toBe('The team still meets.');
    await go('People');
    expect(screen.queryByRole('dialog', { name: 'Discard your changes?' })).toBeNull();
    await go('Town');
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: /Part 1 narrative/ }).value).toBe(
      'The team still meets.',
    );
  });

  it('writes a narrative typed just before leaving the screen', async () => {
    await initialiseTown(db, { name: 'Maple Hollow', certificationYear: 2026 });
    render(<App db={db} />);
    await userEvent.type(await screen.findByRole('textbox', { name: /Part 2 narrative/ }), 'Still used');
    await go('Partners');
    await waitFor(async () =>
      expect((await loadTownData(db))?.town.rollingNarrative.part2).toBe('Still used'),
    );
  });

  it('on quit with a changed form, tells the app it is asking, and stays when the clerk keeps editing', async () => {
    const { api, fire } = fakeApi();
    await initialiseTown(db, { name: 'Maple Hollow', certificationYear: 2026 });
    render(<App db={db} />);
    await userEvent.type(await screen.findByRole('textbox', { name: /Prepared by/ }), 'Ann');
    fire('autoBackupOnQuit');
    const prompt = await screen.findByRole('dialog', { name: 'Discard your changes?' });
    expect(api.answerQuit).toHaveBeenCalledWith({ answer: 'asking' });
    await userEvent.click(within(prompt).getByRole('button', { name: 'Keep editing' }));
    await waitFor(() => expect(api.answerQuit).toHaveBeenLastCalledWith({ answer: 'stay' }));
    expect(reasons(api)).not.toContain('quit');

    fire('autoBackupOnQuit');
    await userEvent.click(
      within(await screen.findByRole('dialog', { name: 'Discard your changes?' })).getByRole('button', {
        name: 'Discard changes',
      }),
    );
    await waitFor(() => expect(reasons(api)).toContain('quit'));
  });

  it('in a browser, asks the browser to confirm leaving only while a form is changed', async () => {
    await initialiseTown(db, { name: 'Maple Hollow', certificationYear: 2026 });
    render(<App db={db} />);
    const preparedBy = await screen.findByRole('textbox', { name: /Prepared by/ });
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(false);
    await userEvent.type(preparedBy, 'Ann');
    expect(unload()).toBe(true);
  });
});

describe('App: Fix brings the clerk back (issue 11, item 8)', () => {
  it('returns to Eligibility after saving the record, with focus on the next gap, then on "Nothing missing"', async () => {
    await loadHarborFallsSample(db);
    // Every title cleared: the Part 1 cohort's members each become a "Title missing" gap, fixed on People.
    for (const person of (await loadTownData(db))!.people) {
      if (person.positions.length === 0) continue;
      await putPerson(db, { ...person, positions: person.positions.map((p) => ({ ...p, title: '' })) });
    }
    render(<App db={db} />);
    await go('Eligibility');
    const fixes = await screen.findAllByRole(
      'button',
      { name: /^Fix on People: Title missing/ },
      { timeout: 5000 },
    );
    expect(fixes.length).toBeGreaterThanOrEqual(2);
    const before = fixes.length;
    await userEvent.click(fixes[0]!);
    const dialog = await screen.findByRole('dialog', { name: /^Edit / });
    expect(screen.getByRole('region', { name: 'Fixing a gap' })).toBeTruthy();
    // Fix opened the person on a title field; fill every position's title so the gap surely goes.
    await waitFor(() => expect((document.activeElement as HTMLInputElement).name).toMatch(/title$/));
    for (const title of within(dialog).getAllByRole('textbox', { name: /^Title/ })) {
      await userEvent.type(title, 'Town Manager');
    }
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save person' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Eligibility' })).toBeTruthy();
    await waitFor(() =>
      expect(screen.getAllByRole('button', { name: /^Fix on People: Title missing/ })).toHaveLength(
        before - 1,
      ),
    );
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getAllByRole('button', { name: /^Fix on People/ })[0]),
    );
  });

  it('focuses "Nothing missing" when the last gap is fixed', async () => {
    await loadHarborFallsSample(db);
    // As of mid-2025 for a 2025 application, Part 2's 2020 training needs rolling credit: one narrative gap.
    const sample = (await loadTownData(db))!;
    await saveTown(db, { ...sample.town, certificationYear: 2025, asOfDate: '2025-06-01' });
    // The clerk has written what each training covered (the built-in catalog carries no
    // description of its own), so the narrative is the only gap left.
    for (const t of sample.trainings) await putTraining(db, { ...t, description: 'What we covered.' });
    render(<App db={db} />);
    await go('Eligibility');
    const fix = await screen.findByRole(
      'button',
      { name: /^Fix on Town: Rolling-credit narrative missing/ },
      { timeout: 5000 },
    );
    await userEvent.click(fix);
    const narrative = await screen.findByRole('textbox', { name: /Part 2 narrative/ });
    await waitFor(() => expect(document.activeElement).toBe(narrative));
    await userEvent.type(narrative, 'The team still meets every month.');
    // A narrative saves itself as it is typed; the bar above the screen is the way back.
    await userEvent.click(
      within(screen.getByRole('region', { name: 'Fixing a gap' })).getByRole('button', {
        name: 'Back to Eligibility',
      }),
    );
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Nothing missing'), {
      timeout: 3000,
    });
  });
});

describe('App: keyboard (issue 11, item 13)', () => {
  it('puts the focus on the new screen’s heading after Create my town', async () => {
    render(<App db={db} />);
    await userEvent.type(await screen.findByRole('textbox', { name: 'Town name' }), 'Maple Hollow');
    await userEvent.click(screen.getByRole('button', { name: 'Create my town' }));
    const heading = await screen.findByRole('heading', { level: 1, name: /Maple Hollow/ });
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });
});
