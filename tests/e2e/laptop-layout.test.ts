/**
 * Small laptop windows, end to end in real Chromium: on People, Trainings, Attendance and
 * Partners every row action (the buttons in a table row, and a training's own buttons) can be
 * pressed without scrolling sideways, at 1280×720 and at 1024×640; and a message never covers
 * the screen the clerk is working in. Starts from the sample town, plus one person with a long
 * email address (the case that pushed Delete off the People table).
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { goTo, openApp, shot } from './browser';
import type { AppSession } from './browser';

let app: AppSession;
let page: Page;

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1024, height: 640 },
] as const;

const SCREENS = ['People', 'Trainings', 'Attendance', 'Partners'] as const;

/** Row actions whose box is not wholly inside the window and inside every box that clips it sideways. */
async function unreachableActions(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const main = document.querySelector('main');
    if (!main) return ['no main'];
    const actions = [
      ...main.querySelectorAll<HTMLElement>('tbody button, tbody a, .training-actions button'),
    ];
    const bad: string[] = [];
    if (actions.length === 0) bad.push('no row actions found');
    const viewport = document.documentElement.clientWidth;
    for (const el of actions) {
      const box = el.getBoundingClientRect();
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 80);
      if (box.width === 0) {
        bad.push(`${name}: not shown`);
        continue;
      }
      if (box.left < 0 || box.right > viewport + 0.5) {
        bad.push(
          `${name}: ${Math.round(box.left)}–${Math.round(box.right)} outside the ${viewport} px window`,
        );
        continue;
      }
      // A box inside the window can still be clipped by a table that scrolls sideways.
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const overflow = getComputedStyle(a).overflowX;
        if (overflow === 'visible') continue;
        const clip = a.getBoundingClientRect();
        if (box.left < clip.left - 0.5 || box.right > clip.right + 0.5) {
          bad.push(
            `${name}: ${Math.round(box.left)}–${Math.round(box.right)} clipped by ${a.className || a.tagName} (${Math.round(clip.left)}–${Math.round(clip.right)})`,
          );
          break;
        }
      }
    }
    return bad;
  });
}

beforeAll(async () => {
  app = await openApp({ viewport: SIZES[0] });
  page = app.page;
  await page.getByRole('button', { name: /Explore the sample town/ }).click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await goTo(page, 'People');
  await page.getByRole('button', { name: 'Add person' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add a person' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Alexandria Montgomery-Vanderbilt');
  await dialog
    .getByRole('textbox', { name: /^Email/ })
    .fill('alexandria.montgomery-vanderbilt@departmentofpublicworks.harborfalls-ct.gov');
  await dialog.getByLabel('Kind of position to add').selectOption('staff');
  await dialog.getByRole('button', { name: 'Add position' }).click();
  await dialog.getByRole('textbox', { name: 'Department' }).fill('Public Works and Facilities Management');
  await dialog.getByRole('combobox', { name: 'Level' }).selectOption('management');
  await dialog.getByRole('textbox', { name: /^Title/ }).fill('Assistant Superintendent of Highways');
  await dialog.getByRole('button', { name: 'Save person' }).click();
  await dialog.waitFor({ state: 'detached' });
});
afterAll(async () => {
  await app?.close();
});

describe('row actions on a small laptop', () => {
  for (const size of SIZES) {
    for (const screen of SCREENS) {
      it(`are all reachable without sideways scrolling on ${screen} at ${size.width}×${size.height}`, async () => {
        await page.setViewportSize(size);
        await goTo(page, screen);
        await page.locator('main tbody tr').first().waitFor();
        // Let the layout settle after the resize (fonts, sticky columns).
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        if (size.width === 1024 && screen !== 'Attendance')
          await shot(page, `laptop-${screen.toLowerCase()}-1024x640`);
        expect(await unreachableActions(page)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          size.width,
        );
      });
    }
  }
});

describe('messages on a small laptop', () => {
  for (const size of SIZES) {
    it(`never cover the screen the clerk works in at ${size.width}×${size.height}`, async () => {
      await page.setViewportSize(size);
      await goTo(page, 'Partners');
      const row = page.locator('main tbody tr').first();
      await row.getByRole('button', { name: /^Edit/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: /^Save/ }).click();
      await dialog.waitFor({ state: 'detached' });
      const toast = page.locator('.toast').last();
      await toast.waitFor();
      const toastBox = await toast.boundingBox();
      const mainBox = await page.locator('main').boundingBox();
      expect(toastBox).not.toBeNull();
      expect(mainBox).not.toBeNull();
      // Wholly beside the screen's content: nothing pressable there is ever under it.
      expect(toastBox!.x + toastBox!.width).toBeLessThanOrEqual(mainBox!.x + 0.5);
      expect(toastBox!.y + toastBox!.height).toBeLessThanOrEqual(size.height + 0.5);
      if (size.width === 1024) await shot(page, 'laptop-toast-1024x640');
      await toast.getByRole('button', { name: /Dismiss/ }).click();
    });
  }
});

describe('two messages at once on a small laptop', () => {
  for (const size of SIZES) {
    it(`cover no navigation item and stay in the window at ${size.width}×${size.height}`, async () => {
      await page.setViewportSize(size);
      await goTo(page, 'Partners');
      for (let i = 0; i < 2; i++) {
        await page.locator('main tbody tr').first().getByRole('button', { name: /^Edit/ }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByRole('button', { name: /^Save/ }).click();
        await dialog.waitFor({ state: 'detached' });
      }
      await page.locator('.toast').nth(1).waitFor();
      const toasts = await page
        .locator('.toast')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
      expect(toasts.length).toBeGreaterThanOrEqual(2);
      // The screens' links (the messages' own buttons sit in the rail too).
      const links = await page
        .getByRole('navigation', { name: 'Main' })
        .locator('.rail-link')
        .evaluateAll((els) =>
          els.map((e) => ({ name: e.textContent ?? '', box: e.getBoundingClientRect().toJSON() as DOMRect })),
        );
      const mainBox = (await page.locator('main').boundingBox())!;
      const overlaps = (a: DOMRect, b: DOMRect) =>
        a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      const covered = links.filter((l) => toasts.some((t) => overlaps(t, l.box))).map((l) => l.name);
      expect(covered).toEqual([]);
      // The newest is in view (the rail may scroll the older ones), beside the screen's content.
      expect(toasts[0]!.top).toBeGreaterThanOrEqual(0);
      expect(toasts[0]!.bottom).toBeLessThanOrEqual(size.height + 0.5);
      for (const t of toasts) expect(t.right).toBeLessThanOrEqual(mainBox.x + 0.5);
      await shot(page, `laptop-two-toasts-${size.width}x${size.height}`);
      for (let i = 0; i < toasts.length; i++) {
        await page
          .locator('.toast')
          .first()
          .getByRole('button', { name: /Dismiss/ })
          .click();
      }
    });
  }
});

describe('the sign-in sheet dialog on a small laptop', () => {
  it('lists the roster to tick and keeps its buttons in the window at 1024×640', async () => {
    await page.setViewportSize(SIZES[1]);
    await goTo(page, 'Trainings');
    await page
      .getByRole('button', { name: /^Print sign-in sheet for / })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: /^Sign-in sheet for / });
    await dialog.getByRole('radio', { name: /^With the names of people expected/ }).check();
    await dialog.getByRole('checkbox').first().waitFor();
    // The window as the clerk sees it (a full-page shot would draw the modal mid-page).
    await page.screenshot({
      path: resolve(import.meta.dirname, '../../test-output/screenshots/laptop-signin-dialog-1024x640.png'),
    });
    const make = await dialog.getByRole('button', { name: 'Make the sign-in sheet' }).boundingBox();
    expect(make).not.toBeNull();
    expect(make!.x + make!.width).toBeLessThanOrEqual(SIZES[1].width);
    expect(make!.y + make!.height).toBeLessThanOrEqual(SIZES[1].height);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });
});
