/**
 * A certification cycle end to end in real Chromium: the sample town creates its
 * packet for 2026, marks it as submitted, records a Silver award crediting both
 * parts, then switches to certification year 2029 and finds both parts on rolling
 * credit with their narratives missing (T.3) — and the History screen says so.
 * The Submit screen copies a block and keeps its checklist. Axe on the new screens.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoSeriousA11y, goTo, openApp, shot } from './browser';
import type { AppSession } from './browser';

let app: AppSession;
let page: Page;
let submitted: Buffer;

beforeAll(async () => {
  app = await openApp();
  page = app.page;
});
afterAll(async () => {
  await app?.close();
});

const region = (name: RegExp | string) => page.getByRole('region', { name });

describe('a certification cycle', () => {
  it('creates the 2026 packet and marks it as submitted', async () => {
    await page.getByRole('button', { name: 'Explore the sample town' }).click();
    await page.getByRole('heading', { level: 1, name: 'Eligibility' }).waitFor();
    await page.getByRole('button', { name: 'Create packet…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create packet' });
    expect(await dialog.getByRole('checkbox', { name: /appendix/ }).isChecked()).toBe(false);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60000 }),
      dialog.getByRole('button', { name: 'Create and save the packet' }).click(),
    ]);
    submitted = await readFile(await download.path());
    expect(submitted.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    await expectNoSeriousA11y(page, 'Create packet dialog');
    await dialog.getByRole('button', { name: 'Mark as submitted' }).click();
    await page.getByRole('heading', { level: 1, name: 'History' }).waitFor();
    expect(await region('What comes next').textContent()).toMatch(
      /Submitted for 2026 \(spring round\) on .+\. Record the result here when Sustainable CT answers\./,
    );
    expect(
      await page.getByRole('heading', { level: 3, name: /^2026 · Spring round · Submitted/ }).count(),
    ).toBe(1);
  });

  it('records a Silver award crediting both parts, and gives the packet back byte for byte', async () => {
    await page.getByRole('button', { name: 'Record the result…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record the result' });
    await dialog.getByRole('combobox', { name: 'Result' }).selectOption('yes');
    await dialog.getByRole('combobox', { name: 'Level' }).selectOption('Silver');
    await dialog.getByRole('spinbutton', { name: 'Year of the award' }).fill('2026');
    expect(await dialog.getByRole('checkbox', { name: /^Part 1/ }).isChecked()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: /^Part 2/ }).isChecked()).toBe(true);
    await expectNoSeriousA11y(page, 'Record the result dialog');
    await dialog.getByRole('button', { name: 'Save the result' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The screen follows the database live: wait for the new sentence, then read it whole.
    await region('What comes next')
      .getByText(/^Certified Silver/)
      .waitFor();
    expect(await region('What comes next').textContent()).toBe(
      'What comes nextCertified Silver in 2026, through December 31, 2029. In 2029 the 2026 cohort (Part 1) and the 2026 training (Part 2) must apply for rolling credit (T.3): write their narratives before then.',
    );
    await page.getByRole('heading', { level: 3, name: /^2026 · Spring round · Awarded Silver/ }).waitFor();

    const [again] = await Promise.all([
      page.waitForEvent('download', { timeout: 60000 }),
      page.getByRole('button', { name: 'Save the packet as submitted' }).click(),
    ]);
    expect((await readFile(await again.path())).equals(submitted)).toBe(true);
    await shot(page, 'history-awarded');
    await expectNoSeriousA11y(page, 'History');
  });

  it('in 2029 finds both parts on rolling credit with their narratives missing (T.3), and History says so', async () => {
    await goTo(page, 'Town');
    await page.getByRole('spinbutton', { name: 'Certification year' }).fill('2029');
    await page.getByLabel('As-of date').fill('2029-03-01');
    await page.getByRole('button', { name: 'Save town details' }).click();
    await page.getByText('Town details saved.').waitFor();

    await goTo(page, 'Eligibility');
    const p1 = region(/^Part 1/);
    const p2 = region(/^Part 2/);
    expect(await p1.textContent()).toContain('Rolling credit');
    expect(await p2.textContent()).toContain('Rolling credit');
    expect(await p1.textContent()).toContain('T.3');
    const gaps = await region('Before you submit').textContent();
    expect(gaps).toMatch(/narrative[^.]*Part 1/i);
    expect(gaps).toMatch(/narrative[^.]*Part 2/i);

    await goTo(page, 'History');
    expect(await region('What comes next').textContent()).toContain(
      'In 2029 the 2026 cohort (Part 1) and the 2026 training (Part 2) must apply for rolling credit (T.3)',
    );
    expect(await region(/^Since the last submission/).textContent()).toContain(
      'No people, trainings or sessions were added or removed since.',
    );
  });

  it('copies a portal block on the Submit screen and keeps the checklist ticked', async () => {
    await goTo(page, 'Submit');
    const part2 = region('Part 2');
    expect(await part2.textContent()).toContain('Connecticut Conference of Municipalities');
    await part2.getByRole('button', { name: 'Copy' }).nth(2).click();
    await page.getByText('Copied: Part 2 — training entity.').waitFor();
    await page.getByRole('checkbox', { name: 'Packet uploaded' }).check();
    await page.waitForTimeout(300);
    await goTo(page, 'History');
    await goTo(page, 'Submit');
    expect(await page.getByRole('checkbox', { name: 'Packet uploaded' }).isChecked()).toBe(true);
    await shot(page, 'submit');
    await expectNoSeriousA11y(page, 'Submit');
  });
});
