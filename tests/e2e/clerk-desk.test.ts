/**
 * The clerk's desk, end to end in real Chromium: first run → create the town, add
 * people with positions, see validation messages, reload and find everything kept,
 * accessibility scans and screenshots of every screen.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeBackup } from '../../shared/backup/format';
import { emptyTownData } from '../../shared/domain/catalog';
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
    await expect.poll(() => page.getByRole('row', { name: /Temp Person/ }).count()).toBe(0);
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
      await expect.poll(() => page.getByRole('row', { name: new RegExp(name) }).count()).toBe(1);
    }
    // The title already names the department: it is not said twice.
    const samir = await page.getByRole('row', { name: /Samir Patel/ }).textContent();
    expect(samir).toContain('Director of Public Works');
    expect(samir).not.toContain('Director of Public Works, Public Works');
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
    await dialog
      .getByRole('combobox', { name: /^Municipality or organization/ })
      .selectOption('municipality');
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

  it('shows "Training name is required" and refuses a session that ends before it starts', async () => {
    await goTo(page, 'Trainings');
    await page.getByRole('button', { name: 'Add a single course' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add a single course' });
    await dialog.getByRole('button', { name: 'Save course' }).click();
    expect(await dialog.getByText('Training name is required').isVisible()).toBe(true);
    expect(await dialog.getByText('Choose how the training was delivered').isVisible()).toBe(true);
    await shot(page, 'trainings-dialog-errors');
    await expectNoSeriousA11y(page, 'Training dialog with errors');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    // A session of the preloaded series, with an end time before its start.
    await page.getByRole('button', { name: 'Add session of Equity 101' }).click();
    const session = page.getByRole('dialog', { name: 'Add a session of Equity 101' });
    await session.getByRole('button', { name: 'Save session' }).click();
    expect(await session.getByText('Date is required').isVisible()).toBe(true);
    await session.getByLabel('Date').fill('2025-05-06');
    await session.getByLabel(/^Start time/).fill('14:00');
    await session.getByLabel(/^End time/).fill('12:00');
    expect(await session.getByText('The session ends before it starts').isVisible()).toBe(true);
    await session.getByRole('button', { name: 'Save session' }).click();
    expect(await session.getByText('Fix the problem marked below, then save again.').isVisible()).toBe(true);
    await shot(page, 'trainings-session-errors');
    await expectNoSeriousA11y(page, 'Session dialog with errors');
    await session.getByRole('button', { name: 'Cancel' }).click();
    await session.waitFor({ state: 'detached' });
    // Nothing was saved: the preloaded topic still has its two dates only.
    expect(
      await page.getByRole('article', { name: 'Equity 101' }).getByRole('row', { name: /2025/ }).count(),
    ).toBe(0);
  });

  it('shows the preloaded 2020 series on the Trainings screen', async () => {
    await goTo(page, 'Trainings');
    const card = page.getByRole('region', { name: 'Sustainable CT 2020 Equity Training Series' });
    expect(await card.getByRole('heading', { level: 3 }).allTextContents()).toEqual([
      'Equity 101',
      'Everyday Anti-Racism',
      'How to Have a Conversation About Race, Bias, and Equity',
    ]);
    await shot(page, 'trainings-catalog');
    await expectNoSeriousA11y(page, 'Trainings');
  });

  it('prints a blank sign-in sheet for a session as a PDF download', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await page
          .getByRole('button', { name: 'Print sign-in sheet for Equity 101 on February 18, 2020' })
          .click();
        await page
          .getByRole('dialog', { name: 'Sign-in sheet for Equity 101' })
          .getByRole('button', { name: 'Make the sign-in sheet' })
          .click();
      })(),
    ]);
    expect(download.suggestedFilename()).toBe('sign-in-equity-101-2020-02-18.pdf');
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.getByText(/^Sign-in sheet saved as sign-in-equity-101-2020-02-18\.pdf/).waitFor();
  });

  it('adds a three-topic series, records the cohort’s attendance and sees Part 1 met with 10 points', async () => {
    await goTo(page, 'Trainings');
    const series = 'Sustainable CT 2025 Equity Training Series';
    await page.getByRole('button', { name: 'Add a series' }).first().click();
    const seriesDialog = page.getByRole('dialog', { name: 'Add a series' });
    await seriesDialog.getByRole('textbox', { name: 'Series name' }).fill(series);
    await seriesDialog.getByRole('button', { name: 'Save series' }).click();

    // [topic, session date, the date as the grid's accessible names spell it]
    const topics: [string, string, string][] = [
      ['Equity 101', '2025-03-11', 'March 11, 2025'],
      ['Everyday Anti-Racism', '2025-04-08', 'April 8, 2025'],
      ['How to Have a Conversation About Race, Bias, and Equity', '2025-05-13', 'May 13, 2025'],
    ];
    for (const [i, [topic, date]] of topics.entries()) {
      if (i > 0) await page.getByRole('button', { name: `Add topic to ${series}` }).click();
      const topicDialog = page.getByRole('dialog', { name: `Add a topic to ${series}` });
      await topicDialog.getByRole('textbox', { name: 'Training name' }).fill(topic);
      await topicDialog.getByRole('radio', { name: /^In person/ }).check();
      await topicDialog
        .getByRole('textbox', { name: /^Description or agenda/ })
        .fill(`${topic}: a half-day workshop for municipal leaders.`);
      await topicDialog.getByRole('button', { name: 'Save topic' }).click();
      const sessionDialog = page.getByRole('dialog', { name: `When was ${topic} held?` });
      await sessionDialog.getByLabel('Date').fill(date);
      await sessionDialog.getByLabel(/^Start time/).fill('09:00');
      await sessionDialog.getByLabel(/^End time/).fill('12:00');
      await sessionDialog.getByRole('textbox', { name: /^Place or link/ }).fill('Maple Hollow Town Hall');
      await sessionDialog.getByRole('button', { name: 'Save session' }).click();
      await sessionDialog.waitFor({ state: 'detached' });
    }
    const card = page.getByRole('region', { name: series });
    await card.getByText('3 topics · 3 sessions').waitFor();
    await shot(page, 'trainings');

    await goTo(page, 'Attendance');
    await page
      .getByRole('combobox', { name: 'Series or course' })
      .selectOption({ label: `${series} (3 sessions)` });
    for (const person of ['Ruth Alvarez', 'Samir Patel', 'Lena Okafor']) {
      for (const [topic, , when] of topics) {
        await page.getByRole('checkbox', { name: `${person} attended ${topic} on ${when}` }).check();
      }
    }
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByText('Part 1: met').waitFor();
    // The series' sessions are live equity trainings too, so Part 2 can already claim one of them, but only
    // flagged for review: one training may not be credited twice (P2.5), and review carries the points.
    expect(await nav.textContent()).toContain('Part 2: review');
    expect(await nav.textContent()).toContain('10 + 5 of 15');
    await shot(page, 'attendance');
    await expectNoSeriousA11y(page, 'Attendance grid');
  });

  it('adds a live in-person staff training with attendance and sees Part 2 met outright (10 + 5 of 15)', async () => {
    await goTo(page, 'Trainings');
    await page.getByRole('button', { name: 'Add a single course' }).first().click();
    const course = page.getByRole('dialog', { name: 'Add a single course' });
    await course.getByRole('textbox', { name: 'Training name' }).fill('Equity in Hiring Practices');
    await course.getByRole('textbox', { name: /^Provider/ }).fill('Capitol Region Council of Governments');
    await course.getByRole('radio', { name: /^In person/ }).check();
    await course
      .getByRole('textbox', { name: /^Description or agenda/ })
      .fill('Bias in job postings, structured interviews and inclusive onboarding for department heads.');
    await course.getByRole('button', { name: 'Save course' }).click();
    const session = page.getByRole('dialog', { name: 'When was Equity in Hiring Practices held?' });
    await session.getByLabel('Date').fill('2025-10-08');
    await session.getByLabel(/^Start time/).fill('13:00');
    await session.getByLabel(/^End time/).fill('16:00');
    await session.getByRole('textbox', { name: /^Place or link/ }).fill('Maple Hollow Library, Room B');
    await session
      .getByRole('spinbutton', { name: /^Total attendees, including those ticked on the roster/ })
      .fill('6');
    const dept = session.getByRole('textbox', { name: /^Departments represented/ });
    await dept.fill('Human Resources');
    await dept.press('Enter');
    await session.getByRole('button', { name: 'Save session' }).click();
    await session.waitFor({ state: 'detached' });
    const block = page.getByRole('article', { name: 'Equity in Hiring Practices' });
    await block.getByText('Human Resources').waitFor();

    // Straight from the session's row to its attendance.
    await block
      .getByRole('button', { name: /^Mark attendance — attendance at Equity in Hiring Practices/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Attendance' }).waitFor();
    await page
      .getByRole('checkbox', { name: 'Samir Patel attended Equity in Hiring Practices on October 8, 2025' })
      .check();
    // A separate live session: Part 2 is met outright, no longer only "review" (P2.5, P2.6).
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByText('Part 2: met').waitFor();
    expect(await nav.textContent()).toContain('10 + 5 of 15');

    await goTo(page, 'Trainings');
    await shot(page, 'trainings-with-course');
    await expectNoSeriousA11y(page, 'Trainings with a course');
    await goTo(page, 'Eligibility');
    await shot(page, 'eligibility-met');
  });

  it('shows one person’s attendance across every training', async () => {
    await goTo(page, 'People');
    await page
      .getByRole('row', { name: /Samir Patel/ })
      .getByRole('button', { name: /sessions/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Attendance' }).waitFor();
    const view = page.getByRole('region', { name: 'One person’s attendance' });
    await view.getByText(/is ticked as attending 4 sessions of 4 trainings/).waitFor();
    await shot(page, 'attendance-person');
    await expectNoSeriousA11y(page, 'Attendance by person');
  });

  it('keeps the trainings and attendance after a reload', async () => {
    await page.reload();
    await waitForApp(page);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByText('10 + 5 of 15').first().waitFor();
    await goTo(page, 'Trainings');
    await page.getByRole('region', { name: 'Sustainable CT 2025 Equity Training Series' }).waitFor();
    await page
      .getByRole('article', { name: 'Equity in Hiring Practices' })
      .getByText('Human Resources')
      .waitFor();
    await goTo(page, 'Attendance');
    await page.getByRole('radio', { name: 'By series or course' }).check();
    await page
      .getByRole('combobox', { name: 'Series or course' })
      .selectOption({ label: 'Sustainable CT 2025 Equity Training Series (3 sessions)' });
    expect(
      await page
        .getByRole('checkbox', { name: 'Lena Okafor attended Everyday Anti-Racism on April 8, 2025' })
        .isChecked(),
    ).toBe(true);
    await expect.poll(() => page.locator('tbody input[type="checkbox"]:checked').count()).toBe(9);
    await goTo(page, 'People');
    for (const name of ['Ruth Alvarez', 'Samir Patel', 'Lena Okafor']) {
      await page.getByRole('row', { name: new RegExp(name) }).waitFor();
    }
  });

  it('draws every screen (screenshots for review)', async () => {
    for (const screen of ['Trainings', 'Attendance', 'Eligibility'] as const) {
      await goTo(page, screen);
      await shot(page, screen.toLowerCase());
    }
    await page.setViewportSize({ width: 700, height: 900 });
    for (const screen of ['People', 'Trainings', 'Attendance'] as const) {
      await goTo(page, screen);
      await shot(page, `${screen.toLowerCase()}-narrow`);
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
      expect(overflow.wide, screen).toEqual([]);
      expect(overflow.scrollWidth, screen).toBeLessThanOrEqual(overflow.innerWidth);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(app.errors).toEqual([]);
  });
  it('keeps the attendance grid quick with 1,000 people (restored from a backup)', async () => {
    // A town with a 1,000-person roster, written as a backup file and restored through the UI.
    const data = emptyTownData(2026);
    data.town.name = 'Large Town';
    data.people = Array.from({ length: 1000 }, (_, i) => ({
      id: `person-${i}`,
      name: `Resident ${String(i).padStart(4, '0')}`,
      email: '',
      isResident: true,
      positions: [],
      notes: '',
    }));
    const file = join(await mkdtemp(join(tmpdir(), 'etl-large-')), 'large-town-backup.json');
    await writeFile(
      file,
      serializeBackup(data, { exportedAt: '2026-01-05T12:00:00.000Z', appVersion: '0.1.0' }),
    );
    await goTo(page, 'Town');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Restore from a backup file…' }).click(),
    ]);
    await chooser.setFiles(file);
    const preview = page.getByRole('dialog', { name: 'Restore this backup?' });
    await preview.getByRole('button', { name: 'Replace my data with this backup' }).click();
    await page.getByText(/^Backup restored/).waitFor();

    let started = Date.now();
    await goTo(page, 'Attendance');
    await page.getByRole('radio', { name: 'By series or course' }).check();
    await page
      .getByRole('combobox', { name: 'Series or course' })
      .selectOption({ label: 'Sustainable CT 2020 Equity Training Series (6 sessions)' });
    await page
      .getByRole('checkbox', { name: 'Resident 0000 attended Equity 101 on February 18, 2020' })
      .waitFor();
    const openMs = Date.now() - started;
    await expect.poll(() => page.locator('tbody tr').count()).toBe(100);

    started = Date.now();
    await page
      .getByRole('checkbox', { name: 'Resident 0042 attended Equity 101 on February 18, 2020' })
      .check();
    const tickMs = Date.now() - started;

    started = Date.now();
    await page.getByRole('searchbox', { name: 'Find a person' }).fill('0999');
    await page.locator('tbody tr').first().getByText('Resident 0999').waitFor();
    const searchMs = Date.now() - started;
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await shot(page, 'attendance-1000-people');
    console.info(
      `1,000 people: grid shown in ${openMs} ms, one tick in ${tickMs} ms, search in ${searchMs} ms`,
    );
    // Generous bounds for a 2-core CI box; what matters is that nothing scales with all 6,000 cells.
    expect(openMs).toBeLessThan(5000);
    expect(tickMs).toBeLessThan(2000);
    expect(searchMs).toBeLessThan(2000);
    await page.getByRole('searchbox', { name: 'Find a person' }).fill('');
    expect(app.errors).toEqual([]);
  });
});
