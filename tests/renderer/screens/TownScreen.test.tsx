// @vitest-environment jsdom
// Installed before Dexie loads: liveQuery needs a global indexedDB (dexie/Dexie.js#2070).
import 'fake-indexeddb/auto';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initialiseTown, loadTownData, putCoaching } from '../../../renderer/db/repositories';
import type { AppDB } from '../../../renderer/db/schema';
import { TownScreen } from '../../../renderer/src/screens/TownScreen';
import { useUi } from '../../../renderer/src/store/ui';
import { fakeEvaluation, makeDb, renderScreen, resetUi } from '../helpers';

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

const card = (name: string) => screen.getByRole('region', { name });

describe('TownScreen narratives (issue 11, item 10)', () => {
  const part = (credit: 'new' | 'rolling' | null, rule: 'T.1' | 'T.2' | 'T.3', text: string) => ({
    credit,
    reasons: [{ rule, kind: 'info' as const, text }],
  });

  it('says from the evaluation which part needs rolling credit and why, and marks only the other optional', async () => {
    await renderScreen(TownScreen, db, (data) => {
      const base = fakeEvaluation(data);
      return fakeEvaluation(data, {
        recertification: { yearAwarded: 2023, level: 'Bronze', expires: 2026 },
        part1: {
          ...base.part1,
          ...part(
            'rolling',
            'T.3',
            'Leaders 2022 already earned credit under the Bronze certification (T.3).',
          ),
        },
        part2: { ...base.part2, ...part('new', 'T.1', 'Completed May 1, 2024: new credit (T.1).') },
      });
    });
    const section = card('Rolling-credit narratives');
    expect(section.textContent).toContain('expires in 2026 (rule T.3)');
    const part1 = within(section).getByRole('textbox', { name: /^Part 1 narrative/ });
    const part2 = within(section).getByRole('textbox', { name: /^Part 2 narrative/ });
    expect(part1.closest('[data-field]')?.textContent).not.toContain('(optional)');
    expect(part2.closest('[data-field]')?.textContent).toContain('(optional)');
    expect(section.textContent).toContain('already earned credit under the Bronze certification (T.3)');
    expect(section.textContent).toContain('new credit (T.1). No narrative is needed');
  });

  it('marks both optional when no training counts yet', async () => {
    await renderScreen(TownScreen, db);
    const section = card('Rolling-credit narratives');
    expect(within(section).getAllByText('(optional)', { exact: false })).toHaveLength(2);
    expect(section.textContent).toContain('No training counts for this part yet');
  });
});

describe('TownScreen', () => {
  // Fix links from the Eligibility screen: navigate() leaves a pending focus, the Town screen honours it.
  it.each([
    ['rollingNarrative.part1', 'textbox', /^Part 1 narrative /],
    ['rollingNarrative.part2', 'textbox', /^Part 2 narrative /],
    ['coaching', 'button', 'Add coaching hours'],
    ['optimizeForEquity', 'button', 'Add an action'],
  ] as const)(
    'lands a link to the field %s on its control, not on the page top',
    async (field, role, name) => {
      useUi.getState().navigate({ screen: 'town', field });
      await renderScreen(TownScreen, db);
      const control = screen.getByRole(role, { name });
      await waitFor(() => expect(document.activeElement).toBe(control));
      expect(useUi.getState().focus).toBeNull();
    },
  );

  it('saves the prepared-by fields and says an empty as-of date means today', async () => {
    await renderScreen(TownScreen, db);
    const details = card('Town details');
    expect(within(details).getByText(/Leave empty to use today’s date/)).toBeTruthy();
    await userEvent.type(within(details).getByRole('textbox', { name: 'Prepared by' }), 'Maria Santos');
    await userEvent.type(within(details).getByRole('textbox', { name: 'Their title' }), 'Town Clerk');
    await userEvent.click(within(details).getByRole('button', { name: 'Save town details' }));
    await waitFor(async () =>
      expect((await loadTownData(db))!.town).toMatchObject({
        preparedBy: 'Maria Santos',
        preparedByTitle: 'Town Clerk',
      }),
    );
  });

  it('refuses a certification year out of range and keeps the stored one', async () => {
    await renderScreen(TownScreen, db);
    const details = card('Town details');
    const year = within(details).getByRole('spinbutton', { name: 'Certification year' });
    await userEvent.clear(year);
    await userEvent.type(year, '1999');
    await userEvent.click(within(details).getByRole('button', { name: 'Save town details' }));
    expect(within(details).getByText('Must be at least 2000')).toBeTruthy();
    expect((await loadTownData(db))!.town.certificationYear).toBe(2026);
  });

  it('edits the action number in the program settings', async () => {
    await renderScreen(TownScreen, db);
    const settings = card('Program settings');
    const number = within(settings).getByRole('textbox', { name: 'Action number' });
    await userEvent.clear(number);
    await userEvent.click(within(settings).getByRole('button', { name: 'Save program settings' }));
    expect(within(settings).getByText('Action number is required')).toBeTruthy();
    await userEvent.type(number, '7.3');
    await userEvent.click(within(settings).getByRole('button', { name: 'Save program settings' }));
    await waitFor(async () => expect((await loadTownData(db))!.settings.actionNumber).toBe('7.3'));
  });

  it('records a past certification with the series that earned credit and shows when it expires', async () => {
    await renderScreen(TownScreen, db);
    await userEvent.click(
      within(card('Certification history')).getByRole('button', { name: 'Add a past certification' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Add a past certification' });
    const year = within(dialog).getByRole('spinbutton', { name: 'Year awarded' });
    await userEvent.clear(year);
    await userEvent.type(year, '2023');
    expect(within(dialog).getByText('Expires at the end of 2026.')).toBeTruthy();
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Level' }), 'Silver');
    const data = (await loadTownData(db))!;
    await userEvent.click(within(dialog).getByRole('checkbox', { name: data.series[0]!.name }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save certification' }));
    await waitFor(async () =>
      expect((await loadTownData(db))!.certifications[0]).toMatchObject({
        yearAwarded: 2023,
        level: 'Silver',
        credited: [{ part: 'part1', seriesId: data.series[0]!.id }],
      }),
    );
    const row = await screen.findByRole('row', { name: /2023/ });
    expect(within(row).getByText('End of 2026')).toBeTruthy();
  });

  it('warns when coaching goes past the free hours', async () => {
    await putCoaching(db, { id: 'c1', date: '2025-02-01', hours: 5 });
    await renderScreen(TownScreen, db, (data) =>
      fakeEvaluation(data, { coaching: { hoursUsed: 5, freeHours: 4, overFreeHours: true } }),
    );
    const coaching = card('Equity coaching');
    expect(within(coaching).getByText(/used of 4 hours free/)).toBeTruthy();
    expect(within(coaching).getByText(/more than the 4 hours of free coaching/)).toBeTruthy();
  });

  it('shows the Optimize for Equity level reached and what the next needs', async () => {
    await renderScreen(TownScreen, db, (data) =>
      fakeEvaluation(data, {
        optimizeForEquity: {
          actionsCount: 1,
          levelReached: 'Bronze',
          next: { level: 'Silver', actionsMore: 2 },
        },
      }),
    );
    const optimize = card('Optimize for Equity');
    expect(optimize.textContent).toContain('That is enough for Bronze.');
    expect(optimize.textContent).toContain('Silver needs 2 actions more.');
  });
});
