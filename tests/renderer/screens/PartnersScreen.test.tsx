// @vitest-environment jsdom
// Installed before Dexie loads: liveQuery needs a global indexedDB (dexie/Dexie.js#2070).
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initialiseTown, loadTownData } from '../../../renderer/db/repositories';
import type { AppDB } from '../../../renderer/db/schema';
import { Toasts } from '../../../renderer/src/components/Toasts';
import { PartnersScreen } from '../../../renderer/src/screens/PartnersScreen';
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

describe('PartnersScreen', () => {
  it('says the packet prints "None" while there are no partners', async () => {
    await renderScreen(PartnersScreen, db);
    expect(screen.getByText('“None”')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'No partners yet' })).toBeTruthy();
  });

  it('refuses a partner without a name and saves nothing', async () => {
    await renderScreen(PartnersScreen, db);
    await userEvent.click(screen.getByRole('button', { name: 'Add partner' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a partner' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save partner' }));
    expect(within(dialog).getByText('Partner name is required')).toBeTruthy();
    expect((await loadTownData(db))!.partners).toEqual([]);
  });

  it('makes the clerk choose municipality or organization: no silent default', async () => {
    await renderScreen(PartnersScreen, db);
    await userEvent.click(screen.getByRole('button', { name: 'Add partner' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a partner' });
    const kind = within(dialog).getByRole<HTMLSelectElement>('combobox', {
      name: /^Municipality or organization/,
    });
    expect(kind.value).toBe('');
    expect(kind.getAttribute('aria-required')).toBe('true');
    expect(within(kind).getAllByRole('option')[0]!.textContent).toBe('Choose one…');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Riverton Public Library');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save partner' }));
    expect(
      within(dialog).getByText('Choose whether the partner is a municipality or an organization'),
    ).toBeTruthy();
    expect((await loadTownData(db))!.partners).toEqual([]);
    await userEvent.selectOptions(kind, 'organization');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save partner' }));
    await waitFor(async () =>
      expect((await loadTownData(db))!.partners.map((p) => [p.name, p.kind])).toEqual([
        ['Riverton Public Library', 'organization'],
      ]),
    );
  });

  it('adds, edits, deletes and undoes a partner', async () => {
    await renderScreen(PartnersScreen, db);
    render(<Toasts />);
    await userEvent.click(screen.getByRole('button', { name: 'Add partner' }));
    let dialog = screen.getByRole('dialog', { name: 'Add a partner' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Town of Riverton');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /role/ }), 'Co-hosted the session.');
    await userEvent.selectOptions(within(dialog).getByRole('combobox'), 'municipality');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save partner' }));
    const row = await screen.findByRole('row', { name: /Town of Riverton/ });
    expect(within(row).getByText('Municipality')).toBeTruthy();

    await userEvent.click(within(row).getByRole('button', { name: /^Edit/ }));
    dialog = screen.getByRole('dialog', { name: 'Edit Town of Riverton' });
    await userEvent.selectOptions(within(dialog).getByRole('combobox'), 'organization');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save partner' }));
    await waitFor(async () => expect((await loadTownData(db))!.partners[0]!.kind).toBe('organization'));

    await userEvent.click(
      within(await screen.findByRole('row', { name: /Town of Riverton/ })).getByRole('button', {
        name: /^Delete/,
      }),
    );
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete partner' }));
    await waitFor(async () => expect((await loadTownData(db))!.partners).toEqual([]));
    await userEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(async () =>
      expect((await loadTownData(db))!.partners.map((p) => p.name)).toEqual(['Town of Riverton']),
    );
  });
});
