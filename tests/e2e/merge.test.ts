/**
 * File › Merge a backup… in real Chromium with two profiles, i.e. two computers (issue 15,
 * item 6): both start from one backup, each edits (a deletion and a title here; a new person,
 * another title and the same attendance cell there), and the first merges the second's
 * backup: the preview's counts are right, the new person arrives, the deletion stays, one
 * attendance record, the title conflict is kept with the deterministic winner, and nothing
 * else changed.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseBackup } from '../../shared/backup';
import { serializeBackup } from '../../shared/backup/format';
import type { Person } from '../../shared/domain/schema';
import { mergeWinner } from '../../shared/sync/conflicts';
import { expectNoSeriousA11y, goTo, openApp, shot } from './browser';
import type { AppSession } from './browser';

let one: AppSession;
let two: AppSession;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'etl-merge-'));
  [one, two] = await Promise.all([openApp(), openApp()]);
}, 120000);

afterAll(async () => {
  await one?.close();
  await two?.close();
});

/** Every object store of the app's database, read straight from IndexedDB. */
function readStores(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const open = indexedDB.open('equity-training-ledger');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const idb = open.result;
          const names = [...idb.objectStoreNames];
          const tx = idb.transaction(names, 'readonly');
          const out: Record<string, unknown[]> = {};
          for (const name of names) {
            const req = tx.objectStore(name).getAll();
            req.onsuccess = () => (out[name] = req.result as unknown[]);
          }
          tx.oncomplete = () => {
            idb.close();
            resolve(out);
          };
        };
      }),
  );
}

async function saveBackup(page: Page, name: string): Promise<string> {
  await goTo(page, 'Town');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export a backup file' }).click(),
  ]);
  const file = join(dir, name);
  await download.saveAs(file);
  return file;
}

async function setTitle(page: Page, person: string, title: string): Promise<void> {
  await goTo(page, 'People');
  await page.getByRole('button', { name: `Edit ${person}` }).click();
  const dialog = page.getByRole('dialog', { name: `Edit ${person}` });
  await dialog.getByRole('textbox', { name: /^Title/ }).fill(title);
  await dialog.getByRole('button', { name: 'Save person' }).click();
  await dialog.waitFor({ state: 'detached' });
}

async function tick(page: Page, name: string): Promise<void> {
  await goTo(page, 'Attendance');
  // The session count in the option's label differs between the two computers.
  const source = page.getByRole('combobox', { name: 'Series or course' });
  const value = await source
    .locator('option', { hasText: 'Sustainable CT 2020 Equity Training Series' })
    .getAttribute('value');
  await source.selectOption(value ?? '');
  await page.getByRole('checkbox', { name }).check();
}

const CELL = 'Ruth Alvarez attended Equity 101 on February 18, 2020';

describe('merging a colleague’s backup', () => {
  it('starts both computers from one backup', async () => {
    const { page } = one;
    await page.getByRole('textbox', { name: 'Town name' }).fill('Maple Hollow');
    await page.getByRole('spinbutton', { name: 'Certification year' }).fill('2026');
    await page.getByRole('button', { name: 'Create my town' }).click();
    await page.getByRole('heading', { level: 1, name: 'Town of Maple Hollow' }).waitFor();

    await goTo(page, 'People');
    await page.getByRole('button', { name: 'Add person' }).first().click();
    const person = page.getByRole('dialog', { name: 'Add a person' });
    await person.getByRole('textbox', { name: 'Name' }).fill('Ruth Alvarez');
    await person.getByLabel('Kind of position to add').selectOption('staff');
    await person.getByRole('button', { name: 'Add position' }).click();
    await person.getByRole('textbox', { name: 'Department' }).fill('Town Clerk’s Office');
    await person.getByRole('combobox', { name: 'Level' }).selectOption('management');
    await person.getByRole('textbox', { name: /^Title/ }).fill('Clerk');
    await person.getByRole('button', { name: 'Save person' }).click();
    await person.waitFor({ state: 'detached' });

    await goTo(page, 'Trainings');
    await page.getByRole('button', { name: 'Add session of Equity 101' }).click();
    const session = page.getByRole('dialog', { name: 'Add a session of Equity 101' });
    await session.getByLabel('Date').fill('2026-03-10');
    await session.getByRole('button', { name: 'Save session' }).click();
    await session.waitFor({ state: 'detached' });

    const first = await saveBackup(page, 'from-one.json');

    const [chooser] = await Promise.all([
      two.page.waitForEvent('filechooser'),
      two.page.getByRole('button', { name: 'Open a backup file…' }).click(),
    ]);
    await chooser.setFiles(first);
    await two.page
      .getByRole('dialog', { name: 'Restore this backup?' })
      .getByRole('button', { name: 'Restore this backup' })
      .click();
    await two.page.getByRole('heading', { level: 1, name: 'Town of Maple Hollow' }).waitFor();
  });

  let theirs = '';
  let before: Record<string, unknown[]> = {};

  it('lets each computer edit on its own', async () => {
    // Computer one: deletes the new session, changes Ruth's title, ticks a cell.
    const p1 = one.page;
    await goTo(p1, 'Trainings');
    await p1.getByRole('button', { name: 'Delete the session of Equity 101 on March 10, 2026' }).click();
    const confirm = p1.getByRole('dialog', { name: /^Delete the/ });
    await confirm.getByRole('button', { name: 'Delete session' }).click();
    await confirm.waitFor({ state: 'detached' });
    await setTitle(p1, 'Ruth Alvarez', 'Town Clerk');
    await tick(p1, CELL);

    // Computer two: adds Noor, gives Ruth another title, ticks the same cell.
    const p2 = two.page;
    await goTo(p2, 'People');
    await p2.getByRole('button', { name: 'Add person' }).first().click();
    const person = p2.getByRole('dialog', { name: 'Add a person' });
    await person.getByRole('textbox', { name: 'Name' }).fill('Noor Haddad');
    await person.getByRole('button', { name: 'Save person' }).click();
    await person.waitFor({ state: 'detached' });
    await setTitle(p2, 'Ruth Alvarez', 'Assistant Town Clerk');
    await tick(p2, CELL);
    theirs = await saveBackup(p2, 'from-two.json');
    before = await readStores(p1);
  });

  it('previews the merge in words, with the right counts', async () => {
    const { page } = one;
    await goTo(page, 'Town');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Merge a backup…' }).click(),
    ]);
    await chooser.setFiles(theirs);
    const preview = page.getByRole('dialog', { name: 'Merge this backup?' });
    await preview.waitFor();
    const text = (await preview.textContent()) ?? '';
    expect(text).toContain('1 new, 0 changed, 1 conflict');
    expect(text).toContain('New — Person: Noor Haddad');
    expect(text).toMatch(
      /Conflict — Person: Ruth Alvarez: changed on both computers; the app will show (this computer’s|the backup’s) version/,
    );
    expect(text).toContain(
      '1 record you deleted on this computer since sharing it stays deleted: Session of Equity 101 on 2026-03-10.',
    );
    expect(text).toContain('it never deletes any');
    expect(text).toContain('A copy of your current data is downloaded first');
    await shot(page, 'merge-preview');
    // The dialog alone, at the size the clerk sees it.
    await preview.screenshot({
      path: join(import.meta.dirname, '../../test-output/screenshots/merge-preview-dialog.png'),
    });
    await expectNoSeriousA11y(page, 'Merge preview');
  });

  it('merges after a copy of the current data: the new person, the deletion kept, one attendance record, the conflict kept', async () => {
    const { page } = one;
    const preview = page.getByRole('dialog', { name: 'Merge this backup?' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      preview.getByRole('button', { name: 'Merge' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^maple-hollow-before-merge-backup-\d{4}-\d{2}-\d{2}\.json$/,
    );
    await page.getByText('Merged: 1 new, 0 changed. 1 conflict to look at in Town › Sharing.').waitFor();
    await shot(page, 'merge-done');

    const after = await readStores(page);
    const people = after.people as Person[];
    expect(people.map((p) => p.name).sort()).toEqual(['Noor Haddad', 'Ruth Alvarez']);
    const sessions = after.sessions as { date: string }[];
    expect(sessions.some((s) => s.date === '2026-03-10')).toBe(false);
    const ruth = people.find((p) => p.name === 'Ruth Alvarez')!;
    const rows = after.sessionAttendance as { sessionId: string; personIds: string[] }[];
    expect(rows.flatMap((r) => r.personIds.filter((id) => id === ruth.id))).toHaveLength(1);

    // The winner is the one either computer would pick: by content fingerprint.
    const ours = (before.people as Person[]).find((p) => p.id === ruth.id)!;
    const parsed = parseBackup(readFileSync(theirs, 'utf8'));
    if (!parsed.ok) throw new Error('their backup does not parse');
    const theirsRuth = parsed.backup.data.people.find((p) => p.id === ruth.id)!;
    const doc = (data: Person) => ({ _id: `person:${ruth.id}`, type: 'person' as const, data });
    const { winner, other } = mergeWinner(doc(ours), doc(theirsRuth));
    expect(ruth).toEqual(winner.data);
    const conflicts = after.syncConflicts as {
      id: string;
      source: string;
      winner: { data: unknown };
      others: { data: unknown }[];
    }[];
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ id: `person:${ruth.id}`, source: 'merge' });
    expect(conflicts[0]!.winner.data).toEqual(winner.data);
    expect(conflicts[0]!.others.map((o) => o.data)).toEqual([other.data]);

    // Nothing else changed.
    for (const store of Object.keys(before)) {
      if (store === 'people' || store === 'syncConflicts' || store === 'meta') continue;
      expect(after[store], store).toEqual(before[store]);
    }
    const noor = people.find((p) => p.name === 'Noor Haddad')!;
    expect(people.filter((p) => p !== noor && p !== ruth)).toEqual([]);
    await goTo(page, 'People');
    await page.getByRole('row', { name: /Noor Haddad/ }).waitFor();
  });

  it('changes nothing when the same backup is merged again', async () => {
    const { page } = one;
    const stores = await readStores(page);
    await goTo(page, 'Town');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Merge a backup…' }).click(),
    ]);
    await chooser.setFiles(theirs);
    const preview = page.getByRole('dialog', { name: 'Merge this backup?' });
    await preview.getByText('Nothing to merge').waitFor();
    await preview.getByRole('button', { name: 'Close' }).click();
    expect(await readStores(page)).toEqual(stores);
  });

  it('refuses a backup of another town unless the clerk says it is theirs, and a bad file in plain words', async () => {
    const { page } = one;
    const parsed = parseBackup(readFileSync(theirs, 'utf8'));
    if (!parsed.ok) throw new Error('their backup does not parse');
    const other = join(dir, 'other-town.json');
    await writeFile(
      other,
      serializeBackup(
        { ...parsed.backup.data, town: { ...parsed.backup.data.town, name: 'Harbor Falls' } },
        { exportedAt: '2026-06-30T12:00:00.000Z', appVersion: '0.1.0' },
      ),
    );
    let [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Merge a backup…' }).click(),
    ]);
    await chooser.setFiles(other);
    const refused = page.getByRole('dialog', { name: 'This backup is of another town' });
    await refused.waitFor();
    expect(await refused.textContent()).toContain(
      'The backup is of Harbor Falls, but this computer keeps the records of Maple Hollow',
    );
    await shot(page, 'merge-other-town');
    await refused.getByRole('button', { name: 'Cancel' }).click();
    await refused.waitFor({ state: 'detached' });

    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{"format": "equity-training-ledger-backup", ');
    [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Merge a backup…' }).click(),
    ]);
    await chooser.setFiles(broken);
    const bad = page.getByRole('dialog', { name: 'This backup cannot be merged' });
    await bad.waitFor();
    expect(await bad.textContent()).toContain('Nothing was changed.');
    await bad.getByRole('button', { name: 'Close' }).click();
  });
});
