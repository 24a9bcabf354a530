/**
 * The speed the clerk feels (issue 11): in real Chromium, with the large synthetic town
 * (1,000 people, 300 sessions) restored through the app's own Restore, the time from an
 * input to the next paint for: ticking an attendance cell, typing one letter in the
 * People search, opening Add person, and switching between the six screens.
 *
 * Measured with the Event Timing API (`PerformanceEventTiming.duration`: from the input's
 * timestamp to the next paint after its handlers ran, the figure INP is made of; Chromium
 * rounds it to 8 ms). An input faster than the API's 16 ms reporting floor leaves no
 * entry: it is counted as 16 ms, an upper bound. Each screen's code is loaded once before
 * measuring (the first visit of a lazy screen fetches its chunk; that is the start-up
 * benchmark's business, not a click's).
 *
 * Its own build and server (a free port, so it can run beside the e2e suite and the other
 * browser benchmarks).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { build, preview } from 'vite';
import { serializeBackup } from '../shared/backup/format';
import { largeTown } from '../tests/fixtures/synthetic-towns';
import { figure } from './stats';
import type { Figure } from './stats';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/chromium';
import { freePort } from '../tests/fixtures/free-port';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, 'test-output/bench-latency');
/** Half the budget of a response a person perceives as instant (RAIL's 100 ms). */
export const LATENCY_BUDGET_MS = 100;
/** Event Timing reports nothing faster than this. */
const EVENT_TIMING_FLOOR_MS = 16;

/**
 * Collects every Event Timing entry of an interaction (`interactionId` > 0) into
 * `window.__etlEvents`. A string, so tsx does not wrap inner names in helpers the page lacks.
 */
const OBSERVE_EVENTS = `(() => {
  window.__etlEvents = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.interactionId > 0) window.__etlEvents.push({ name: e.name, id: e.interactionId, duration: e.duration });
    }
  }).observe({ type: 'event', durationThreshold: ${EVENT_TIMING_FLOOR_MS}, buffered: true });
})();`;

interface EventEntry {
  name: string;
  id: number;
  duration: number;
}

/** Waits two frames, then a task, so the input's paint has happened and its entry is delivered. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((done) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50))),
      ),
  );
}

/** Runs `act` (one input and what it must show) and returns its slowest event's input-to-paint time. */
async function timed(page: Page, act: () => Promise<void>): Promise<number> {
  const before = await page.evaluate(
    () => (window as unknown as { __etlEvents: EventEntry[] }).__etlEvents.length,
  );
  await act();
  await settle(page);
  const entries = await page.evaluate(
    (from) => (window as unknown as { __etlEvents: EventEntry[] }).__etlEvents.slice(from),
    before,
  );
  return Math.max(EVENT_TIMING_FLOOR_MS, ...entries.map((e) => e.duration));
}

const SCREENS = ['Town', 'People', 'Trainings', 'Attendance', 'Partners', 'Eligibility'] as const;

/**
 * Clicks the screen's rail button and waits until that screen is shown: its button marked
 * current and a heading drawn. The wait uses plain selectors on purpose: Playwright's role
 * engine walks the whole page in the page's own thread, right after the click, so on a
 * 6,000-element screen it held up the very paint being measured (up to 80 ms of the figure
 * was the test driver's, not the app's).
 */
async function goTo(page: Page, name: (typeof SCREENS)[number]): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: new RegExp(`^${name}`) })
    .click();
  await page.waitForFunction(`(() => {
    const current = document.querySelectorAll('nav[aria-label="Main"] button[aria-current="page"]');
    return current.length === 1 && current[0].textContent.startsWith(${JSON.stringify(name)}) &&
      document.querySelector('main h1') !== null;
  })()`);
}

async function measure(page: Page, backupFile: string, runs: number): Promise<Figure[]> {
  // The large town, restored the way a clerk would.
  await page.getByRole('button', { name: 'Open a backup file…' }).waitFor();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Open a backup file…' }).click(),
  ]);
  await chooser.setFiles(backupFile);
  await page
    .getByRole('dialog', { name: 'Restore this backup?' })
    .getByRole('button', { name: 'Restore this backup' })
    .click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 60000 });
  // Load every screen's code once.
  for (const name of SCREENS) await goTo(page, name);

  // Switching screens: each of the six, in turn, `runs` times round.
  const switches: number[] = [];
  for (let round = 0; round < runs; round++) {
    for (const name of [...SCREENS.slice(1), SCREENS[0]]) {
      switches.push(await timed(page, () => goTo(page, name)));
    }
  }

  // Typing one letter in People's search (the roster filters as you type).
  await goTo(page, 'People');
  const search = page.getByRole('searchbox', { name: /Search/ });
  await search.click();
  const typing: number[] = [];
  for (let i = 0; i < runs; i++) {
    const letter = 'aeiou'[i % 5]!;
    typing.push(
      await timed(page, async () => {
        await page.keyboard.press(letter);
        await page.waitForFunction((l) => (document.activeElement as HTMLInputElement).value === l, letter);
      }),
    );
    await page.keyboard.press('Backspace');
    await settle(page);
  }

  // Opening Add person (and closing it again with Escape: nothing typed, so no question).
  const opening: number[] = [];
  for (let i = 0; i < runs; i++) {
    opening.push(
      await timed(page, async () => {
        await page.getByRole('button', { name: 'Add person' }).first().click();
        await page.getByRole('dialog', { name: 'Add a person' }).waitFor();
      }),
    );
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Add a person' }).waitFor({ state: 'detached' });
  }

  // Ticking an attendance cell of the grid (and unticking it, measured alike).
  await goTo(page, 'Attendance');
  const cell = page.locator('tbody input[type="checkbox"]').nth(5);
  await cell.waitFor();
  const ticking: number[] = [];
  for (let i = 0; i < runs; i++) {
    const checked = await cell.isChecked();
    ticking.push(
      await timed(page, async () => {
        await cell.click();
        await page.waitForFunction(
          ([wanted]) =>
            (document.querySelectorAll('tbody input[type="checkbox"]')[5] as HTMLInputElement).checked ===
            wanted,
          [!checked],
        );
      }),
    );
  }

  const note = (what: string) =>
    `${what}; Event Timing input-to-next-paint, large town (1,000 people, 300 sessions); ${EVENT_TIMING_FLOOR_MS} ms = at or under the API's reporting floor`;
  return [
    figure(
      'latency.tick',
      'tick an attendance cell',
      'ms',
      ticking,
      LATENCY_BUDGET_MS,
      note('a grid cell, ticked then unticked'),
    ),
    figure(
      'latency.search',
      'type one letter in People search',
      'ms',
      typing,
      LATENCY_BUDGET_MS,
      note('the roster filtered on each key'),
    ),
    figure(
      'latency.addPerson',
      'open Add person',
      'ms',
      opening,
      LATENCY_BUDGET_MS,
      note('click to the dialog painted'),
    ),
    figure(
      'latency.switch',
      'switch between the six screens',
      'ms',
      switches,
      LATENCY_BUDGET_MS,
      note(`${SCREENS.length} screens × ${runs} rounds`),
    ),
  ];
}

/** Builds the renderer, serves it on a free port, measures, and always stops the server. */
export async function latencyFigures(options: { runs: number } = { runs: 7 }): Promise<Figure[]> {
  await build({
    configFile: false,
    base: './',
    logLevel: 'warn',
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: { outDir: join(outDir, 'app'), emptyOutDir: true, chunkSizeWarningLimit: 4096 },
  });
  const work = await mkdtemp(join(tmpdir(), 'etl-latency-'));
  const backupFile = join(work, 'large-town-backup.json');
  await writeFile(
    backupFile,
    serializeBackup(largeTown(), { exportedAt: '2026-06-30T12:00:00.000Z', appVersion: 'bench' }),
  );
  const port = await freePort();
  const server = await preview({
    configFile: false,
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  const profile = join(work, 'profile');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(OBSERVE_EVENTS);
    await page.goto(`http://127.0.0.1:${port}/app/index.html`);
    const figures = await measure(page, backupFile, options.runs);
    if (errors.length > 0) throw new Error(`the app failed while measuring: ${errors.join('; ')}`);
    return figures;
  } finally {
    await context.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
    await rm(work, { recursive: true, force: true });
  }
}
