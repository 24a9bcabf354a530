/**
 * Sharing between computers, end to end in real Chromium (issue 15): two browser profiles
 * (two computers, each with its own storage) keep one town through pouchdb-server, which
 * global-setup starts and serves behind the app's own address at /couch (the page allows
 * `connect-src 'self'` only, as the browser edition's does).
 *
 * Computer A creates the town through the screens and turns sharing on; computer B joins
 * from the first run. Both go offline and edit, come back and converge; a conflict shows on
 * both with the same winner and goes away on both once one version is kept. Then: the
 * server cut off in the middle of a sync, wrong credentials and another town's database,
 * and, with sharing off, no request beyond the app's own address.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN } from '../fixtures/couch-server';
import { BASE_URL, expectNoSeriousA11y, goTo, openApp, shot, waitForApp } from './browser';
import type { AppSession } from './browser';

const COUCH = inject('couchDirectUrl');
const SERVER = `${BASE_URL}couch`;
const DB = 'maple-hollow';
const USER = 'maple-clerk';
const PASSWORD = 'maple-secret-1';

/** The server's admin, straight to pouchdb-server (set-up and checks, never through the app). */
async function admin(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${COUCH}${path}`, {
    method,
    headers: {
      Authorization: `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`,
      'Content-Type': 'application/json',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json: unknown = await res.json();
  if (!res.ok && res.status !== 409)
    throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** A database with one member, as tests/fixtures/couch-server.ts `createTownDb` makes it. */
async function createTownDb(name: string, user: string, password: string): Promise<void> {
  await admin('PUT', `/${name}`);
  await admin('PUT', `/_users/org.couchdb.user:${user}`, { name: user, password, roles: [], type: 'user' });
  await admin('PUT', `/${name}/_security`, {
    admins: { names: [], roles: [] },
    members: { names: [user], roles: [] },
  });
}

/** The server's live documents whose id starts with `prefix` (e.g. "attendance:"). */
async function serverDocs(prefix: string): Promise<{ id: string; doc: { data?: unknown } }[]> {
  const res = (await admin(
    'GET',
    `/${DB}/_all_docs?include_docs=true&startkey=${encodeURIComponent(JSON.stringify(prefix))}&endkey=${encodeURIComponent(JSON.stringify(`${prefix}\ufff0`))}`,
  )) as { rows: { id: string; doc: { data?: unknown } }[] };
  return res.rows;
}

async function fillSharing(
  scope: ReturnType<Page['locator']>,
  values: { server?: string; database?: string; user?: string; password?: string },
): Promise<void> {
  await scope.getByRole('textbox', { name: /^Server address/ }).fill(values.server ?? SERVER);
  await scope.getByRole('textbox', { name: /^Database/ }).fill(values.database ?? DB);
  await scope.getByRole('textbox', { name: /^User name/ }).fill(values.user ?? USER);
  await scope.getByLabel(/^Password/).fill(values.password ?? PASSWORD);
}

function sharingSection(page: Page) {
  return page.getByRole('region', { name: 'Sharing between computers' });
}

async function openSharing(page: Page) {
  await goTo(page, 'Town');
  const section = sharingSection(page);
  await section.scrollIntoViewIfNeeded();
  return section;
}

/** Sync now, then wait until the round is over (the button says Sync now again) and synced. */
async function syncNow(page: Page): Promise<void> {
  const section = await openSharing(page);
  await section.getByRole('button', { name: 'Sync now' }).click();
  await section
    .getByRole('status')
    .filter({ hasText: /^Last synced/ })
    .waitFor({ timeout: 30_000 });
  await section.getByRole('button', { name: 'Sync now' }).waitFor({ timeout: 30_000 });
}

async function addPerson(page: Page, name: string, title: string): Promise<void> {
  await goTo(page, 'People');
  await page.getByRole('button', { name: 'Add person' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add a person' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByLabel('Kind of position to add').selectOption('teamMember');
  await dialog.getByRole('button', { name: 'Add position' }).click();
  await dialog.getByRole('textbox', { name: /^Title/ }).fill(title);
  await dialog.getByRole('button', { name: 'Save person' }).click();
  await dialog.waitFor({ state: 'detached' });
}

async function changeTitle(page: Page, name: string, title: string): Promise<void> {
  await goTo(page, 'People');
  await page.getByRole('button', { name: `Edit ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Edit ${name}` });
  await dialog.getByRole('textbox', { name: /^Title/ }).fill(title);
  await dialog.getByRole('button', { name: 'Save person' }).click();
  await dialog.waitFor({ state: 'detached' });
}

const COURSE = 'Equity in Hiring Practices';
const CELL = `Ruth Alvarez attended ${COURSE} on October 8, 2025`;
const DELETED = 'Equity 101 on February 18, 2020';

async function tick(page: Page): Promise<void> {
  await goTo(page, 'Attendance');
  await page.getByRole('radio', { name: 'By series or course' }).check();
  await page
    .getByRole('combobox', { name: 'Series or course' })
    .selectOption({ label: `${COURSE} (1 session)` });
  await page.getByRole('checkbox', { name: CELL }).check();
}

let a: AppSession;
let b: AppSession;
let c: AppSession | undefined;

beforeAll(async () => {
  await createTownDb(DB, USER, PASSWORD);
  [a, b] = await Promise.all([openApp(), openApp()]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close(), c?.close()]);
});

describe('two computers sharing one town', () => {
  it('computer A creates the town with a person and a session, and turns sharing on', async () => {
    const page = a.page;
    await page.getByRole('textbox', { name: 'Town name' }).fill('Maple Hollow');
    await page.getByRole('spinbutton', { name: 'Certification year' }).fill('2026');
    await page.getByRole('button', { name: 'Create my town' }).click();
    await page.getByRole('heading', { level: 1, name: 'Town of Maple Hollow' }).waitFor();
    await addPerson(page, 'Ruth Alvarez', 'Chair');

    await goTo(page, 'Trainings');
    await page.getByRole('button', { name: 'Add a single course' }).first().click();
    const course = page.getByRole('dialog', { name: 'Add a single course' });
    await course.getByRole('textbox', { name: 'Training name' }).fill(COURSE);
    await course.getByRole('radio', { name: /^In person/ }).check();
    await course
      .getByRole('textbox', { name: /^Description or agenda/ })
      .fill('Bias in hiring, for department heads.');
    await course.getByRole('button', { name: 'Save course' }).click();
    const session = page.getByRole('dialog', { name: `When was ${COURSE} held?` });
    await session.getByLabel('Date').fill('2025-10-08');
    await session.getByLabel(/^Start time/).fill('13:00');
    await session.getByLabel(/^End time/).fill('16:00');
    await session.getByRole('textbox', { name: /^Place or link/ }).fill('Maple Hollow Library');
    await session.getByRole('button', { name: 'Save session' }).click();
    await session.waitFor({ state: 'detached' });

    const section = await openSharing(page);
    expect(await section.textContent()).toContain('council of governments');
    await shot(page, 'sharing-off');
    await expectNoSeriousA11y(page, 'Town › Sharing, off');
    await fillSharing(section, {});
    await section.getByRole('button', { name: 'Turn on sharing' }).click();
    await section
      .getByRole('status')
      .filter({ hasText: /^Last synced just now/ })
      .waitFor({ timeout: 30_000 });
    expect(await section.textContent()).toContain(DB);
    // The indicator in the rail, on every screen, with the whole sentence as its name.
    const rail = page.getByRole('navigation', { name: 'Main' });
    await rail.getByRole('button', { name: /^Sharing: Synced — Last synced just now/ }).waitFor();
    expect((await serverDocs('person:')).length).toBe(1);
  });

  it('computer B joins the shared town from the first run', async () => {
    const page = b.page;
    await page.getByRole('button', { name: 'Join a shared town…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Join a shared town' });
    await fillSharing(dialog, {});
    await shot(page, 'join-shared-town');
    await expectNoSeriousA11y(page, 'Join a shared town');
    await dialog.getByRole('button', { name: 'Join this town' }).click();
    await page.getByRole('heading', { level: 1, name: 'Town of Maple Hollow' }).waitFor({ timeout: 30_000 });
    await goTo(page, 'People');
    await page.getByRole('row', { name: /Ruth Alvarez/ }).waitFor();
    await goTo(page, 'Trainings');
    await page.getByRole('article', { name: COURSE }).waitFor();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: /^Sharing: Synced/ })
      .waitFor();
  });

  it('both work offline, come back and converge; the title conflict shows on both with the same winner', async () => {
    // Every screen once while online: this test server has no service worker (the browser
    // edition's keeps the screens' code for offline use), so a screen first opened offline would not load.
    for (const app of [a, b])
      for (const screen of ['Attendance', 'People', 'Trainings'] as const) await goTo(app.page, screen);
    await Promise.all([a.context.setOffline(true), b.context.setOffline(true)]);
    const aSection = await openSharing(a.page);
    await aSection
      .getByRole('status')
      .filter({ hasText: /^Offline — your changes will be sent later/ })
      .waitFor();

    // A: a new person, Ruth's title, the cell, a session deleted.
    await addPerson(a.page, 'Lena Okafor', 'Member');
    await changeTitle(a.page, 'Ruth Alvarez', 'Chair of the Team');
    await tick(a.page);
    await goTo(a.page, 'Trainings');
    await a.page.getByRole('button', { name: `Delete the session of ${DELETED}` }).click();
    await a.page
      .getByRole('dialog')
      .getByRole('button', { name: /^Delete session/ })
      .click();
    await a.page
      .getByRole('button', { name: `Delete the session of ${DELETED}` })
      .waitFor({ state: 'detached' });
    // B: Ruth's title otherwise, and the same cell.
    await changeTitle(b.page, 'Ruth Alvarez', 'Team Chair');
    await tick(b.page);

    await Promise.all([a.context.setOffline(false), b.context.setOffline(false)]);
    await syncNow(a.page);
    await syncNow(b.page);
    await syncNow(a.page);

    for (const app of [a, b]) {
      const page = app.page;
      const rail = page.getByRole('navigation', { name: 'Main' });
      await rail.getByRole('button', { name: /^Town — 1 conflict to look at/ }).waitFor({ timeout: 15_000 });
    }
    const winners: string[] = [];
    for (const app of [a, b]) {
      const section = await openSharing(app.page);
      const conflict = section.getByRole('article', { name: 'Person: Ruth Alvarez' });
      await conflict.waitFor();
      const row = conflict.getByRole('row', { name: /^Positions/ });
      const cells = await row.getByRole('cell').allTextContents();
      // Nothing lost: both titles are there, one shown now, the other set aside.
      expect(cells.join(' | ')).toContain('Chair of the Team');
      expect(cells.join(' | ')).toContain('Team Chair');
      winners.push(cells[0] ?? '');
    }
    expect(winners[0]).toBe(winners[1]);

    // One attendance record on the server and the cell ticked on both; the deletion and the new person on both.
    expect((await serverDocs('attendance:')).length).toBe(1);
    for (const app of [a, b]) {
      const page = app.page;
      await goTo(page, 'Attendance');
      await page.getByRole('radio', { name: 'By series or course' }).check();
      await page
        .getByRole('combobox', { name: 'Series or course' })
        .selectOption({ label: `${COURSE} (1 session)` });
      expect(await page.getByRole('checkbox', { name: CELL }).isChecked()).toBe(true);
      await goTo(page, 'Trainings');
      await page.getByRole('article', { name: COURSE }).waitFor();
      await expect
        .poll(() => page.getByRole('button', { name: `Delete the session of ${DELETED}` }).count())
        .toBe(0);
      await goTo(page, 'People');
      await page.getByRole('row', { name: /Lena Okafor/ }).waitFor();
      await expect.poll(() => page.getByRole('row', { name: /Ruth Alvarez/ }).count()).toBe(1);
    }

    const section = await openSharing(a.page);
    await section.getByRole('article', { name: 'Person: Ruth Alvarez' }).scrollIntoViewIfNeeded();
    await shot(a.page, 'sharing-on-conflict');
    // As the clerk sees it: the rail (its count and its indicator) beside the conflict.
    await a.page.screenshot({ path: 'test-output/screenshots/sharing-on-conflict-window.png' });
    await section.screenshot({ path: 'test-output/screenshots/sharing-section-conflict.png' });
    await expectNoSeriousA11y(a.page, 'Town › Sharing with a conflict');

    // A narrow window: the rail is a top bar with the count and the indicator, and nothing is wider than the window.
    await a.page.setViewportSize({ width: 700, height: 900 });
    await section.getByRole('article', { name: 'Person: Ruth Alvarez' }).scrollIntoViewIfNeeded();
    await a.page.screenshot({ path: 'test-output/screenshots/sharing-on-conflict-narrow.png' });
    const overflow = await a.page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.innerWidth);
    await a.page.setViewportSize({ width: 1280, height: 800 });
  });

  it('keeping one version on A clears the conflict on both', async () => {
    const section = await openSharing(a.page);
    const conflict = section.getByRole('article', { name: 'Person: Ruth Alvarez' });
    const kept =
      (
        await conflict
          .getByRole('row', { name: /^Positions/ })
          .getByRole('cell')
          .allTextContents()
      )[1] ?? '';
    await conflict.getByRole('button', { name: /^Keep this version: other version/ }).click();
    await section.getByText('No conflicts.').waitFor();
    await syncNow(a.page);
    await syncNow(b.page);
    for (const app of [a, b]) {
      const s = await openSharing(app.page);
      await s.getByText('No conflicts.').waitFor({ timeout: 15_000 });
      expect(
        await app.page
          .getByRole('navigation', { name: 'Main' })
          .getByText(/conflicts? to look at/)
          .count(),
      ).toBe(0);
      await goTo(app.page, 'People');
      expect(await app.page.getByRole('row', { name: /Ruth Alvarez/ }).textContent()).toContain(
        kept.includes('Team Chair') ? 'Team Chair' : 'Chair of the Team',
      );
    }
  });

  it('says so when the server cannot be reached in the middle, then catches up without losing or doubling anything', async () => {
    const page = a.page;
    // The round gets under way (the server answers its first questions), then the line is cut
    // just as the changes are sent.
    const answered: string[] = [];
    const cut: string[] = [];
    await page.route('**/couch/**', (r) => {
      const url = r.request().url();
      if (/_revs_diff|_bulk_docs/.test(url)) {
        cut.push(url);
        return r.abort();
      }
      answered.push(url);
      return r.continue();
    });
    await addPerson(page, 'Omar Haddad', 'Volunteer');
    const section = await openSharing(page);
    await section
      .getByRole('status')
      .filter({ hasText: /^Offline — your changes will be sent later/ })
      .waitFor({ timeout: 20_000 });
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: /^Sharing: Offline/ })
      .waitFor();
    expect(answered.length).toBeGreaterThan(0);
    expect(cut.length).toBeGreaterThan(0);
    await page.unroute('**/couch/**');
    await syncNow(page);
    await syncNow(b.page);
    const omar = (await serverDocs('person:')).filter((r) =>
      JSON.stringify(r.doc.data).includes('Omar Haddad'),
    );
    expect(omar.length).toBe(1);
    for (const app of [a, b]) {
      await goTo(app.page, 'People');
      await app.page.getByRole('row', { name: /Omar Haddad/ }).waitFor({ timeout: 15_000 });
      await expect.poll(() => app.page.getByRole('row', { name: /Omar Haddad/ }).count()).toBe(1);
      await expect.poll(() => app.page.getByRole('row', { name: /Ruth Alvarez/ }).count()).toBe(1);
    }
    expect((await serverDocs('attendance:')).length).toBe(1);
  });
});

describe('a third computer, not sharing yet', () => {
  it('with sharing off makes no request beyond its own address, and none to the server', async () => {
    c = await openApp();
    const page = c.page;
    const requests: string[] = [];
    c.context.on('request', (r) => requests.push(r.url()));
    await page.reload();
    await waitForApp(page);
    await page.getByRole('textbox', { name: 'Town name' }).fill('Riverton');
    await page.getByRole('spinbutton', { name: 'Certification year' }).fill('2026');
    await page.getByRole('button', { name: 'Create my town' }).click();
    await page.getByRole('heading', { level: 1, name: 'Town of Riverton' }).waitFor();
    await addPerson(page, 'Ana Ruiz', 'Chair');
    for (const screen of ['Trainings', 'Attendance', 'Eligibility', 'Town'] as const)
      await goTo(page, screen);
    await sharingSection(page).scrollIntoViewIfNeeded();
    expect(requests.length).toBeGreaterThan(0);
    const foreign = requests.filter((u) => !u.startsWith(BASE_URL) && !/^(data|blob):/.test(u));
    expect(foreign).toEqual([]);
    expect(requests.filter((u) => u.includes('/couch'))).toEqual([]);
    expect(
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('button', { name: /^Sharing:/ })
        .count(),
    ).toBe(0);
  });

  it('answers a wrong password and an unknown database in plain words, next to the box, and stays off', async () => {
    const page = c!.page;
    const section = await openSharing(page);
    await fillSharing(section, { password: 'not-the-password' });
    await section.getByRole('button', { name: 'Turn on sharing' }).click();
    await section.getByText('The server refused the user name or password.').waitFor({ timeout: 20_000 });
    expect(await section.getByLabel(/^Password/).getAttribute('aria-invalid')).toBe('true');
    await fillSharing(section, { database: 'no-such-town' });
    await section.getByRole('button', { name: 'Turn on sharing' }).click();
    await section.getByText('The server has no database of that name.').waitFor({ timeout: 20_000 });
    expect(await section.getByRole('button', { name: 'Turn on sharing' }).isVisible()).toBe(true);
    await goTo(page, 'People');
    await expect.poll(() => page.getByRole('row', { name: /Ana Ruiz/ }).count()).toBe(1);
    await expect.poll(() => page.getByRole('row', { name: /Ruth Alvarez/ }).count()).toBe(0);
  });

  it('refuses the database of another town: nothing changes here or on the server', async () => {
    const page = c!.page;
    const before = (await serverDocs('')).length;
    const section = await openSharing(page);
    await fillSharing(section, {});
    await section.getByRole('button', { name: 'Turn on sharing' }).click();
    await section
      .getByRole('status')
      .filter({
        hasText:
          /^This database holds another town’s records\. Nothing was changed\. It holds Maple Hollow\./,
      })
      .waitFor({ timeout: 20_000 });
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: /^Sharing: Problem/ })
      .waitFor();
    await goTo(page, 'People');
    await expect.poll(() => page.getByRole('row', { name: /Ana Ruiz/ }).count()).toBe(1);
    await expect.poll(() => page.getByRole('row', { name: /Ruth Alvarez/ }).count()).toBe(0);
    expect(await page.getByRole('heading', { level: 1 }).first().textContent()).toBe('People');
    expect((await serverDocs('')).length).toBe(before);
    expect(JSON.stringify((await serverDocs('town'))[0]?.doc.data)).toContain('Maple Hollow');

    // Stop sharing on this computer: confirmed first, and the records stay.
    const s = await openSharing(page);
    await s.getByRole('button', { name: 'Stop sharing on this computer…' }).click();
    await page
      .getByRole('dialog', { name: 'Stop sharing on this computer?' })
      .getByRole('button', { name: 'Stop sharing' })
      .click();
    await s.getByRole('button', { name: 'Turn on sharing' }).waitFor();
    await goTo(page, 'People');
    await expect.poll(() => page.getByRole('row', { name: /Ana Ruiz/ }).count()).toBe(1);
  });

  it('joining with a wrong password or an unknown database says why and leaves the first run as it was', async () => {
    const fresh = await openApp();
    try {
      const page = fresh.page;
      await page.getByRole('button', { name: 'Join a shared town…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Join a shared town' });
      await fillSharing(dialog, { password: 'wrong' });
      await dialog.getByRole('button', { name: 'Join this town' }).click();
      await dialog.getByText('The server refused the user name or password.').waitFor({ timeout: 20_000 });
      await fillSharing(dialog, { database: 'no-such-town' });
      await dialog.getByRole('button', { name: 'Join this town' }).click();
      await dialog.getByText('The server has no database of that name.').waitFor({ timeout: 20_000 });
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Welcome');
      expect(fresh.errors.filter((e) => !e.includes('401') && !e.includes('404'))).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
