/**
 * End-to-end helper: real Chromium (Debian's /usr/bin/chromium) driven by
 * playwright-core against the renderer that `global-setup.ts` serves.
 *
 *   let app: AppSession;
 *   beforeAll(async () => { app = await openApp(); });   // fresh profile = empty IndexedDB
 *   afterAll(async () => { await app.close(); });
 *   it('…', async () => {
 *     const { page } = app;
 *     await page.getByRole('button', { name: 'Create my town' }).click();
 *     await shot(page, 'town');                 // test-output/screenshots/town.png
 *     await expectNoSeriousA11y(page, 'Town');  // throws on serious/critical axe violations
 *   });
 *
 * One `openApp()` per test file: each gets its own temporary user-data-dir, so
 * test files never see each other's data; `page.reload()` keeps the data (same profile).
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';
import { inject } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

export { CHROMIUM_PATH };

/** Where global-setup serves the built renderer (a free port chosen per run). */
export const BASE_URL = inject('e2eBaseUrl');

const screenshotDir = resolve(import.meta.dirname, '../../test-output/screenshots');

export interface AppSession {
  context: BrowserContext;
  /** The app's page, already at BASE_URL and past the loading state. */
  page: Page;
  /** Messages the page logged as errors, and uncaught exceptions (assert it stays empty if you like). */
  errors: string[];
  /** Closes the browser and deletes the temporary profile. */
  close: () => Promise<void>;
}

/**
 * Launches Chromium with a fresh profile, opens the app and waits until it shows
 * either the first-run guide or a screen. Viewport defaults to 1280×800 (a typical
 * old laptop); pass another to test narrow windows.
 */
export async function openApp(
  options: { viewport?: { width: number; height: number } } = {},
): Promise<AppSession> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'etl-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    acceptDownloads: true,
    reducedMotion: 'reduce',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(BASE_URL);
  await waitForApp(page);
  return {
    context,
    page,
    errors,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until the app has loaded its data (an h1 is showing). Use after `page.reload()`. */
export async function waitForApp(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor({ state: 'visible', timeout: 30000 });
}

/** Saves a full-page screenshot to test-output/screenshots/<name>.png and returns its path. */
export async function shot(page: Page, name: string): Promise<string> {
  await mkdir(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Runs axe (WCAG 2 A/AA rules) on the page as it is now and throws, listing each
 * rule, its impact and the first few elements, when any violation is serious or critical.
 */
export async function expectNoSeriousA11y(page: Page, label = 'page'): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0) {
    const lines = serious.map(
      (v) =>
        `- ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join('\n    ')}`,
    );
    throw new Error(
      `${label}: ${serious.length} serious/critical accessibility violation(s):\n${lines.join('\n')}`,
    );
  }
}

/** Navigates with the left rail (or top bar), e.g. `await goTo(page, 'People')`. */
export async function goTo(
  page: Page,
  screen: 'Town' | 'People' | 'Trainings' | 'Attendance' | 'Partners' | 'Eligibility' | 'Submit' | 'History',
): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: new RegExp(`^${screen}`) })
    .click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}
