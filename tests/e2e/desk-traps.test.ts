/**
 * Issue 11's traps for a first-time clerk, end to end in real Chromium: the sample town's
 * lasting banner and the way out of it, "Discard your changes?" (rail, Escape, the
 * browser's own leave prompt), focus after Create my town, and Erase with its backup
 * download first. Screenshots: sample-banner.png, discard-prompt.png, erase-dialog.png.
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

const banner = () => page.getByRole('region', { name: 'Sample town' });
const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe('the desk’s traps (issue 11)', () => {
  it('keeps the sample town’s banner on every screen, also after a reload', async () => {
    await page.getByRole('button', { name: 'Explore the sample town' }).click();
    await page.getByRole('heading', { level: 1, name: 'Eligibility' }).waitFor();
    expect(await banner().textContent()).toContain(
      'You are looking at the sample town Harbor Falls — nothing here is real',
    );
    await page.reload();
    await waitForApp(page);
    for (const name of ['Town', 'People', 'Trainings', 'Attendance', 'Partners', 'Eligibility'] as const) {
      await goTo(page, name);
      expect(await banner().isVisible(), name).toBe(true);
    }
    await goTo(page, 'People');
    await shot(page, 'sample-banner');
    await expectNoSeriousA11y(page, 'Sample banner');
  });

  it('asks “Discard your changes?” before leaving a changed form, and on Escape in Add person', async () => {
    await goTo(page, 'Town');
    await page.getByRole('textbox', { name: /^Prepared by/ }).fill('Ann Lee');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: /^People/ })
      .click();
    const prompt = page.getByRole('dialog', { name: 'Discard your changes?' });
    await prompt.waitFor();
    expect(await focusedText()).toBe('Keep editing');
    await shot(page, 'discard-prompt');
    await expectNoSeriousA11y(page, 'Discard prompt');
    await prompt.getByRole('button', { name: 'Keep editing' }).click();
    expect(await page.getByRole('textbox', { name: /^Prepared by/ }).inputValue()).toBe('Ann Lee');

    // The browser's own prompt guards a reload or a closed tab.
    const asked = new Promise<string>((done) =>
      page.once('dialog', (d) => {
        done(d.type());
        void d.dismiss();
      }),
    );
    void page.reload().catch(() => undefined);
    expect(await asked).toBe('beforeunload');
    expect(await page.getByRole('textbox', { name: /^Prepared by/ }).inputValue()).toBe('Ann Lee');

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: /^People/ })
      .click();
    await prompt.getByRole('button', { name: 'Discard changes' }).click();
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();

    await page.getByRole('button', { name: 'Add person' }).first().click();
    const add = page.getByRole('dialog', { name: 'Add a person' });
    await add.getByRole('textbox', { name: 'Name' }).fill('Ruth Alvarez');
    await page.keyboard.press('Escape');
    await prompt.waitFor();
    await page.keyboard.press('Escape');
    await prompt.waitFor({ state: 'detached' });
    expect(await add.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Ruth Alvarez');
    await add.getByRole('button', { name: 'Cancel' }).click();
    await add.waitFor({ state: 'detached' });
  });

  it('Start my own town removes the sample, then Create my town puts the focus on the new heading', async () => {
    await banner().getByRole('button', { name: 'Start my own town' }).click();
    await page
      .getByRole('dialog', { name: 'Start your own town?' })
      .getByRole('button', { name: 'Remove the sample and start' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Welcome to the Equity Training Ledger' }).waitFor();
    await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.name === 'name');
    await page.keyboard.type('Willowbrook');
    await page.getByRole('button', { name: 'Create my town' }).click();
    const heading = page.getByRole('heading', { level: 1, name: /Willowbrook/ });
    await heading.waitFor();
    await page
      .waitForFunction(() => document.activeElement?.tagName === 'H1', undefined, { timeout: 5000 })
      .catch(() => undefined);
    expect(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))).toMatch(/^<h1/);
    await expect.poll(() => banner().count()).toBe(0);
    // Nothing of the sample is left to reach the packet: no points, no history.
    expect(await page.getByRole('navigation', { name: 'Main' }).textContent()).toContain('0 + 0 of 15');
    expect(await page.getByRole('region', { name: 'Certification history' }).textContent()).not.toContain(
      '2022',
    );
  });

  it('erases this computer’s records only after the town’s name is typed and a backup is downloaded', async () => {
    await page.getByRole('button', { name: 'Erase this computer’s records…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase this computer’s records?' });
    await dialog.getByRole('textbox', { name: /^Type Willowbrook/ }).fill('Willowbrook');
    await shot(page, 'erase-dialog');
    await expectNoSeriousA11y(page, 'Erase dialog');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Erase everything' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^willowbrook-backup-\d{4}-\d{2}-\d{2}\.json$/);
    await page.getByRole('heading', { level: 1, name: 'Welcome to the Equity Training Ledger' }).waitFor();
    expect(app.errors).toEqual([]);
  });
});
