// @vitest-environment jsdom
// Installed before Dexie loads: liveQuery needs a global indexedDB (dexie/Dexie.js#2070).
import 'fake-indexeddb/auto';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBackup } from '../../../renderer/db/backup';
import { initialiseTown, loadTownData } from '../../../renderer/db/repositories';
import type { AppDB } from '../../../renderer/db/schema';
import { RestoreFlow } from '../../../renderer/src/backup/RestoreFlow';
import { useUi } from '../../../renderer/src/store/ui';
import { makeDb, resetUi } from '../helpers';

/**
 * The restore dialog in a browser (no window.api): the file's BYTES are checked
 * (strict UTF-8, checksum) and problems are shown in plain words, path in small print.
 */
let db: AppDB;
let backupText: string;

beforeEach(async () => {
  resetUi();
  const other = makeDb();
  await initialiseTown(other, { name: 'Maple Hollow', certificationYear: 2025 });
  backupText = await exportBackup(other, { appVersion: '0.1.0' });
  other.close();
  db = makeDb();
  await initialiseTown(db, { name: 'Harbor Falls', certificationYear: 2026 });
});
afterEach(() => {
  cleanup();
  db.close();
});

/** Starts a restore and picks a file with `content` in the browser's file input. */
async function restoreFile(content: BlobPart) {
  render(<RestoreFlow db={db} hasTown />);
  act(() => useUi.getState().requestRestore());
  const input = await waitFor(() => {
    const el = document.querySelector<HTMLInputElement>('[data-testid="open-backup-file"]');
    if (el === null) throw new Error('no file input yet');
    return el;
  });
  const file = new File([content], 'chosen.json', { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file] });
  act(() => {
    input.dispatchEvent(new Event('change'));
  });
}

describe('RestoreFlow checks in a browser', () => {
  it('notes in the preview when a backup has no checksum', async () => {
    const doc = JSON.parse(backupText) as { dataSha256?: string; formatVersion: number };
    delete doc.dataSha256;
    doc.formatVersion = 1;
    await restoreFile(JSON.stringify(doc));
    const preview = await screen.findByRole('dialog', { name: 'Restore this backup?' }, { timeout: 10000 });
    expect(preview.textContent).toContain('This backup has no checksum');
  });

  it('shows no such note for a backup the app wrote', async () => {
    await restoreFile(backupText);
    const preview = await screen.findByRole('dialog', { name: 'Restore this backup?' }, { timeout: 10000 });
    expect(preview.textContent).not.toContain('no checksum');
  });

  it('refuses a Latin-1 file in plain words and changes nothing', async () => {
    const latin1 = Uint8Array.from(backupText.replace('Maple Hollow', 'Peña Hollow'), (c) => c.charCodeAt(0));
    await restoreFile(latin1);
    const refused = await screen.findByRole(
      'dialog',
      { name: 'This backup cannot be restored' },
      { timeout: 10000 },
    );
    expect(refused.textContent).toContain('not in the text encoding the app writes (UTF-8)');
    expect((await loadTownData(db))!.town.name).toBe('Harbor Falls');
  });

  it('puts the plain sentence first and the technical path in small print', async () => {
    const doc = JSON.parse(backupText) as { dataSha256?: string; data: { town: Record<string, unknown> } };
    delete doc.dataSha256;
    doc.data.town.certificationYaer = 2026;
    await restoreFile(JSON.stringify(doc));
    const refused = await screen.findByRole(
      'dialog',
      { name: 'This backup cannot be restored' },
      { timeout: 10000 },
    );
    const item = refused.querySelector('li')!;
    expect(item.firstChild?.textContent).toMatch(
      /^Town details: “certificationYaer” is not something this app records — did you mean “certificationYear”/,
    );
    expect(item.querySelector('small code')?.textContent).toBe('data.town.certificationYaer');
  });
});
