// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  listAutoBackups,
  openBackupFile,
  openCsvFile,
  readAutoBackup,
  saveText,
  writeAutoBackup,
} from '../../../renderer/src/platform';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('platform adapter in a plain browser', () => {
  it('saves text as a download named as suggested', async () => {
    const createObjectURL = vi.fn(() => 'blob:test');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicks: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    const result = await saveText('backup', 'town-backup.json', '{"a":1}');
    expect(result).toEqual({ status: 'saved', fileName: 'town-backup.json' });
    expect(clicks[0]?.download).toBe('town-backup.json');
    expect(clicks[0]?.href).toBe('blob:test');
  });

  it('reads the bytes of the backup file the user picks, undecoded (the restore worker decodes strictly)', async () => {
    vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      const file = new File(['{"format":"x"}'], 'old.json', { type: 'application/json' });
      Object.defineProperty(this, 'files', { value: [file] });
      this.dispatchEvent(new Event('change'));
    });
    expect(await openBackupFile()).toEqual({
      status: 'opened',
      fileName: 'old.json',
      bytes: Uint8Array.from('{"format":"x"}', (c) => c.charCodeAt(0)),
    });
  });

  it('reads the bytes of the CSV file the user picks, undecoded', async () => {
    vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      const file = new File([Uint8Array.from([0x4a, 0x6f, 0x73, 0xe9])], 'excel.csv', { type: 'text/csv' });
      Object.defineProperty(this, 'files', { value: [file] });
      this.dispatchEvent(new Event('change'));
    });
    expect(await openCsvFile()).toEqual({
      status: 'opened',
      fileName: 'excel.csv',
      bytes: Uint8Array.from([0x4a, 0x6f, 0x73, 0xe9]),
    });
  });

  it('reports a cancelled file choice', async () => {
    vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      this.dispatchEvent(new Event('cancel'));
    });
    expect(await openCsvFile()).toEqual({ status: 'canceled' });
  });

  it('skips automatic backups (there is no backups folder in a browser)', async () => {
    expect((await writeAutoBackup({ reason: 'daily', json: '{}' })).status).toBe('skipped');
  });

  it('lists no automatic backups and says reading one is not available in the browser', async () => {
    expect(await listAutoBackups()).toEqual([]);
    expect(await readAutoBackup('auto-2026-03-01T09-00-00-000Z-daily.json')).toEqual({
      status: 'error',
      message: 'automatic backups are not available in the browser',
    });
  });
});
