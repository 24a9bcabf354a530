/**
 * Restore in real Chromium (issue 14 items 6, 8, 9, 14 and "Also"; issue 11 item 7):
 * the check runs in a Web Worker, a big file shows progress and can be cancelled,
 * the window never blocks more than 200 ms, wrong files get plain words, and the
 * strict CSP (no 'unsafe-inline' styles, no eval) is never violated.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeBackup } from '../../shared/backup/format';
import { largeTown } from '../fixtures/synthetic-towns';
import { openApp, shot, waitForApp } from './browser';
import type { AppSession } from './browser';

let app: AppSession;
let dir: string;

declare global {
  interface Window {
    etlWatch?: { violations: string[]; longTasks: number[] };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'etl-restore-'));
  app = await openApp();
  // Installed before the app's own scripts on every load: CSP reports and long main-thread tasks.
  await app.context.addInitScript(() => {
    const watch = { violations: [] as string[], longTasks: [] as number[] };
    window.etlWatch = watch;
    document.addEventListener('securitypolicyviolation', (e) =>
      watch.violations.push(`${e.violatedDirective}: ${e.blockedURI}`),
    );
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) watch.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await app.page.reload();
  await waitForApp(app.page);
}, 120000);

afterAll(async () => {
  await app?.close();
});

/** Opens the restore file picker from the first-run guide and gives it `file`. */
async function chooseBackup(file: string): Promise<void> {
  const [chooser] = await Promise.all([
    app.page.waitForEvent('filechooser'),
    app.page.getByRole('button', { name: 'Open a backup file…' }).click(),
  ]);
  await chooser.setFiles(file);
}

const longestTask = () => app.page.evaluate(() => Math.max(0, ...(window.etlWatch?.longTasks ?? [])));
const clearTasks = () =>
  app.page.evaluate(() => {
    if (window.etlWatch) window.etlWatch.longTasks = [];
  });

describe('restoring from a file in the browser', () => {
  it('checks the large synthetic town off the main thread and previews it', async () => {
    const file = join(dir, 'large-town.json');
    await writeFile(
      file,
      serializeBackup(largeTown(), { exportedAt: '2026-06-30T12:00:00.000Z', appVersion: '0.1.0' }),
    );
    await clearTasks();
    await chooseBackup(file);
    const preview = app.page.getByRole('dialog', { name: 'Restore this backup?' });
    await preview.waitFor({ timeout: 60000 });
    const text = (await preview.textContent()) ?? '';
    expect(text).toContain('1000 people');
    expect(text).not.toContain('has no checksum');
    expect(await longestTask()).toBeLessThan(200);
    await preview.getByRole('button', { name: 'Cancel' }).click();
  });

  it('shows progress and Cancel while a big file is checked, and can be cancelled', async () => {
    // 100,000 people (about 20 MB, no checksum): seconds of checking in the worker.
    const people = Array.from({ length: 100000 }, (_, i) => ({
      id: `p-${i}`,
      name: `Person ${i}`,
      email: `person${i}@example.org`,
      isResident: i % 2 === 0,
      positions: [],
      notes: '',
    }));
    const file = join(dir, 'many-people.json');
    await writeFile(
      file,
      JSON.stringify({
        format: 'equity-training-ledger-backup',
        formatVersion: 2,
        exportedAt: '2026-06-30T12:00:00.000Z',
        app: { name: 'Equity Training Ledger', version: '0.1.0' },
        data: { town: { name: 'Big Town', certificationYear: 2026 }, people },
      }),
    );
    await clearTasks();
    await chooseBackup(file);
    const checking = app.page.getByRole('dialog', { name: 'Checking the backup…' });
    await checking.waitFor();
    await checking.getByRole('progressbar', { name: 'Checking the backup' }).waitFor();
    await shot(app.page, 'restore-checking-progress');
    await checking.getByRole('button', { name: 'Cancel' }).click();
    await checking.waitFor({ state: 'detached' });
    // Cancelled means gone: no preview turns up afterwards.
    await app.page.waitForTimeout(1500);
    await expect.poll(() => app.page.getByRole('dialog').count()).toBe(0);
    expect(await longestTask()).toBeLessThan(200);
  });

  it('refuses a 50 MB file of "[" at once, never freezing the window', async () => {
    const file = join(dir, 'brackets.json');
    await writeFile(file, '['.repeat(50 * 1024 * 1024));
    await clearTasks();
    await chooseBackup(file);
    const refused = app.page.getByRole('dialog', { name: 'This backup cannot be restored' });
    await refused.waitFor({ timeout: 60000 });
    expect(await refused.textContent()).toContain('This file is not a backup the app can read');
    expect(await longestTask()).toBeLessThan(200);
    await refused.getByRole('button', { name: 'Close' }).click();
  });

  it('refuses a Latin-1 copy and a hand-edited field in plain words, the path in small print', async () => {
    const good = serializeBackup(largeTown(), {
      exportedAt: '2026-06-30T12:00:00.000Z',
      appVersion: '0.1.0',
    });
    const latin1 = join(dir, 'latin1.json');
    await writeFile(latin1, Buffer.from(good.replace('"Large City"', '"Peña City"'), 'latin1'));
    await chooseBackup(latin1);
    let refused = app.page.getByRole('dialog', { name: 'This backup cannot be restored' });
    await refused.waitFor({ timeout: 60000 });
    expect(await refused.textContent()).toContain('not in the text encoding the app writes (UTF-8)');
    await refused.getByRole('button', { name: 'Close' }).click();

    const doc = JSON.parse(good) as { dataSha256?: string; data: { people: Record<string, unknown>[] } };
    delete doc.dataSha256;
    const person = doc.data.people[0]!;
    person.isResidenu = person.isResident;
    delete person.isResident;
    const edited = join(dir, 'edited.json');
    await writeFile(edited, JSON.stringify(doc));
    await chooseBackup(edited);
    refused = app.page.getByRole('dialog', { name: 'This backup cannot be restored' });
    await refused.waitFor({ timeout: 60000 });
    const item = refused.getByRole('listitem').first();
    expect(await item.textContent()).toMatch(
      /^Person 1 \(.+\): “isResidenu” is not something this app records — did you mean “isResident”/,
    );
    expect(await item.locator('small code').textContent()).toBe('data.people[0].isResidenu');
    await shot(app.page, 'restore-plain-errors');
    await refused.getByRole('button', { name: 'Close' }).click();
  });

  it('never violates the CSP (no eval probe, no inline style) and logs no error', async () => {
    expect(await app.page.evaluate(() => window.etlWatch?.violations ?? ['no watcher'])).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
