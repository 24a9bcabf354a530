/**
 * The Eligibility screen end to end in real Chromium, on the sample town: both
 * parts met and 15 of 15, a readiness gap whose "Fix" opens the right person,
 * "Create packet" delivering a real PDF download, a narrow window (200% zoom)
 * that stacks the parts, screenshots and accessibility scans.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoSeriousA11y, goTo, openApp, shot } from './browser';
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

const region = (name: RegExp | string) => page.getByRole('region', { name });
const part1 = () => region(/^Part 1/);
const part2 = () => region(/^Part 2/);
const gaps = () => region('Before you submit');

describe('the Eligibility screen', () => {
  it('shows both parts of the sample town met, with 15 of 15 points', async () => {
    await page.getByRole('button', { name: 'Explore the sample town' }).click();
    await page.getByRole('heading', { level: 1, name: 'Eligibility' }).waitFor();
    expect(await region('Summary').textContent()).toContain('15 of 15');
    expect(await part1().locator('.status').first().textContent()).toContain('Met');
    expect(await part2().locator('.status').first().textContent()).toContain('Met');
    // The evidence a clerk submits: the cohort with roles and titles, the Part 2 entity.
    const cohort = part1().getByRole('table', { name: /^Cohort for/ });
    expect(await cohort.getByRole('rowheader', { name: /^José Peña/ }).textContent()).toContain(
      'Chair, Sustainability Team',
    );
    expect(await part2().textContent()).toContain('Connecticut Conference of Municipalities');
    expect(await part1().textContent()).toMatch(/Rule P1\.2\s*Counts/);
    expect(await gaps().textContent()).toContain('Nothing missing');
    await shot(page, 'eligibility');
    await expectNoSeriousA11y(page, 'Eligibility');
  });

  it('lists a missing title as a gap whose “Fix” opens that person with the title field focused', async () => {
    await goTo(page, 'People');
    await page.getByRole('button', { name: 'Edit José Peña' }).click();
    let dialog = page.getByRole('dialog', { name: 'Edit José Peña' });
    await dialog.getByRole('textbox', { name: /^Title/ }).fill('');
    await dialog.getByRole('button', { name: 'Save person' }).click();
    await dialog.waitFor({ state: 'detached' });

    await goTo(page, 'Eligibility');
    const gap = gaps().getByRole('listitem').filter({ hasText: 'Title missing for José Peña' });
    expect(await gap.textContent()).toContain('rule P1.9');
    expect(
      await part1()
        .getByRole('rowheader', { name: /^José Peña/ })
        .textContent(),
    ).toContain('Title missing');
    await shot(page, 'eligibility-gap');
    await expectNoSeriousA11y(page, 'Eligibility with a gap');

    await gap.getByRole('button', { name: /^Fix on People/ }).click();
    dialog = page.getByRole('dialog', { name: 'Edit José Peña' });
    await dialog.waitFor();
    const focusedName = await page.evaluate(() => document.activeElement?.getAttribute('name') ?? '');
    expect(focusedName).toMatch(/title$/);
    await page.keyboard.type('Chair, Sustainability Team');
    await dialog.getByRole('button', { name: 'Save person' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Saved: back on Eligibility by itself, the gap gone, the keyboard on "Nothing missing" (issue 11, item 8).
    await page.getByRole('heading', { level: 1, name: 'Eligibility' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Nothing missing');
    expect(await gaps().textContent()).toContain('Nothing missing');
  });

  it('sends “Change coaching hours on the Town screen” to the coaching section, its Add button focused', async () => {
    await page.getByRole('button', { name: 'Change coaching hours on the Town screen' }).click();
    await page.getByRole('heading', { level: 1, name: /^Town of / }).waitFor();
    const add = page.getByRole('button', { name: 'Add coaching hours' });
    await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Add coaching hours');
    const box = await add.boundingBox();
    const height = page.viewportSize()?.height ?? 800;
    // In view, not left at the top of a long page.
    expect(box && box.y >= 0 && box.y + box.height <= height).toBe(true);
    await goTo(page, 'Eligibility');
  });

  it('creates the packet as a PDF download and says where it went', async () => {
    await page.getByRole('button', { name: 'Create packet…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create packet' });
    const button = dialog.getByRole('button', { name: 'Create and save the packet' });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), button.click()]);
    expect(download.suggestedFilename()).toBe('harbor-falls-equity-training-packet-2026.pdf');
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(10000);
    await page.getByText('Packet saved as harbor-falls-equity-training-packet-2026.pdf.').waitFor();
    await dialog.getByRole('button', { name: 'Mark as submitted' }).waitFor();
    await shot(page, 'eligibility-packet-saved');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('stacks the two parts in a narrow window (as at 200% zoom) without a horizontal scroll bar', async () => {
    await page.setViewportSize({ width: 640, height: 800 });
    // The page settles into one column over a few frames after the resize: poll, as Playwright's own assertions do.
    await expect
      .poll(
        async () => {
          const one = await part1().boundingBox();
          const two = await part2().boundingBox();
          return Boolean(one && two && two.y >= one.y + one.height - 1);
        },
        { timeout: 5000 },
      )
      .toBe(true);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'eligibility-narrow');
    await expectNoSeriousA11y(page, 'Eligibility, narrow window');
  });
});
