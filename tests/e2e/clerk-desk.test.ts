/**
 * The clerk's desk, end to end in real Chromium: first run → create the town, add
 * people with positions, see validation messages, reload and find everything kept,
 * accessibility scans and screenshots of every screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoSeriousA11y, goTo, openApp, shot, waitForApp } from './browser';
import type { AppSession } from './browser';

let app: AppSession;
let page: Page;

beforeAll(async () => {
  app = await openApp();
  page = app.page;
});
afterAll(async () => {
  await app?.close();
});

async function addPerson(
  name: string,
  opts: { resident?: boolean; kind: string; fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void> },
) {
  await page.getByRole('button', { name: 'Add person' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add a person' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  if (opts.resident) await dialog.getByRole('checkbox', { name: 'Lives in town (resident)' }).check();
  await dialog.getByLabel('Kind of position to add').selectOption(opts.kind);
  await dialog.getByRole('button', { name: 'Add position' }).click();
  await opts.fill(dialog);
  await dialog.getByRole('button', { name: 'Save person' }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('the clerk’s desk', () => {
  it('greets a first-time user with the first-run guide, which passes an accessibility scan', async () => {
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Welcome');
    await shot(page, 'first-run');
    await expectNoSeriousA11y(page, 'First run');
  });

  it('asks for a town name, then creates the town', async () => {
    await page.getByRole('button', { name: 'Create my town' }).click();
    expect(await page.getByText('Town name is required').isVisible()).toBe(true);
    await page.getByRole('textbox', { name: 'Town name' }).fill('Maple Hollow');
    await page.getByRole('spinbutton', { name: 'Certification year' }).fill('2026');
    await page.getByRole('button', { name: 'Create my town' }).click();
    await page.getByRole('heading', { level: 1, name: 'Town of Maple Hollow' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).textContent()).toContain('0 + 0 of 15');
  });

  it('shows the Town screen without serious accessibility problems', async () => {
    await page.getByRole('textbox', { name: 'Prepared by' }).fill('Dana Whitfield');
    await page.getByRole('textbox', { name: 'Their title' }).fill('Town Clerk');
    await page.getByRole('button', { name: 'Save town details' }).click();
    await page.getByText('Town details saved.').waitFor();
    await shot(page, 'town');
    await expectNoSeriousA11y(page, 'Town');
  });

  it('shows "Name is required" and refuses an end date before the start date', async () => {
    await goTo(page, 'People');
    await shot(page, 'people-empty');
    await page.getByRole('button', { name: 'Add person' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add a person' });
    await dialog.getByRole('button', { name: 'Save person' }).click();
    expect(await dialog.getByText('Name is required').isVisible()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Temp Person');
    await dialog.getByLabel('Kind of position to add').selectOption('teamMember');
    await dialog.getByRole('button', { name: 'Add position' }).click();
    await dialog.getByLabel(/^Start date/).fill('2025-06-01');
    await dialog.getByLabel(/^End date/).fill('2025-01-01');
    expect(
      await dialog.getByText('The term ends (2025-01-01) before it starts (2025-06-01)').isVisible(),
    ).toBe(true);
    await shot(page, 'people-dialog-errors');
    await expectNoSeriousA11y(page, 'Person dialog with errors');
    await dialog.getByRole('button', { name: 'Save person' }).click();
    expect(await dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByRole('row', { name: /Temp Person/ }).count()).toBe(0);
  });

  it('adds three people with positions', async () => {
    await addPerson('Ruth Alvarez', {
      kind: 'elected',
      fill: async (d) => {
        await d.getByRole('combobox', { name: 'Body' }).selectOption('selectmen');
        await d.getByRole('textbox', { name: /^Title/ }).fill('First Selectman');
        await d.getByLabel(/^Start date/).fill('2023-11-20');
      },
    });
    await addPerson('Samir Patel', {
      kind: 'staff',
      fill: async (d) => {
        await d.getByRole('textbox', { name: 'Department' }).fill('Public Works');
        await d.getByRole('combobox', { name: 'Level' }).selectOption('director');
        await d.getByRole('textbox', { name: /^Title/ }).fill('Director of Public Works');
      },
    });
    await addPerson('Lena Okafor', {
      resident: true,
      kind: 'teamMember',
      fill: async (d) => {
        await d.getByRole('textbox', { name: /^Title/ }).fill('Chair');
      },
    });
    for (const name of ['Ruth Alvarez', 'Samir Patel', 'Lena Okafor']) {
      expect(await page.getByRole('row', { name: new RegExp(name) }).count()).toBe(1);
    }
    expect(await page.getByRole('row', { name: /Samir Patel/ }).textContent()).toContain(
      'Director of Public Works, Public Works',
    );
    await shot(page, 'people');
    await expectNoSeriousA11y(page, 'People');
  });

  it('adds a partner, and the Partners screen passes an accessibility scan', async () => {
    await goTo(page, 'Partners');
    await shot(page, 'partners-empty');
    await page.getByRole('button', { name: 'Add partner' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a partner' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Town of Riverton');
    await dialog
      .getByRole('textbox', { name: /role/ })
      .fill('Co-hosted the spring session at the Riverton library.');
    await dialog.getByRole('button', { name: 'Save partner' }).click();
    await page.getByRole('row', { name: /Town of Riverton/ }).waitFor();
    await shot(page, 'partners');
    await expectNoSeriousA11y(page, 'Partners');
  });

  it('keeps every record after a reload', async () => {
    await page.reload();
    await waitForApp(page);
    await goTo(page, 'People');
    for (const name of ['Ruth Alvarez', 'Samir Patel', 'Lena Okafor']) {
      await page.getByRole('row', { name: new RegExp(name) }).waitFor();
    }
    await goTo(page, 'Partners');
    await page.getByRole('row', { name: /Town of Riverton/ }).waitFor();
    await goTo(page, 'Town');
    expect(await page.getByRole('textbox', { name: 'Prepared by' }).inputValue()).toBe('Dana Whitfield');
  });

  it('exports a backup file and restores it after a preview', async () => {
    await goTo(page, 'Town');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export a backup file' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^maple-hollow-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await download.path();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Restore from a backup file…' }).click(),
    ]);
    await chooser.setFiles(file);
    const preview = page.getByRole('dialog', { name: 'Restore this backup?' });
    await preview.waitFor();
    const text = await preview.textContent();
    expect(text).toContain('Maple Hollow');
    expect(text).toContain('3 people');
    expect(text).toContain('1 partner');
    await shot(page, 'restore-preview');
    await expectNoSeriousA11y(page, 'Restore preview');
    await preview.getByRole('button', { name: 'Replace my data with this backup' }).click();
    await page.getByText(/^Backup restored/).waitFor();
    await goTo(page, 'People');
    await page.getByRole('row', { name: /Samir Patel/ }).waitFor();
  });

  it('draws every screen (screenshots for review)', async () => {
    for (const screen of ['Trainings', 'Attendance', 'Eligibility'] as const) {
      await goTo(page, screen);
      await shot(page, screen.toLowerCase());
    }
    await page.setViewportSize({ width: 700, height: 900 });
    await goTo(page, 'People');
    await shot(page, 'people-narrow');
    // Nothing wider than the window: the rail became a top bar and wide tables scroll inside their box.
    const overflow = await page.evaluate(() => {
      const wide = [...document.querySelectorAll<HTMLElement>('body *')]
        .filter(
          (el) =>
            el.getBoundingClientRect().right > window.innerWidth + 1 &&
            !el.parentElement?.closest('.table-wrap'),
        )
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
      return {
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        wide: wide.slice(0, 5),
      };
    });
    expect(overflow.wide).toEqual([]);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.innerWidth);
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(app.errors).toEqual([]);
  });
});
