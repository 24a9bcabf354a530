// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openTextFile, saveText, writeAutoBackup } from '../../../renderer/src/platform';

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

  it('reads the text of the file the user picks', async () => {
    vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      const file = new File(['{"format":"x"}'], 'old.json', { type: 'application/json' });
      Object.defineProperty(this, 'files', { value: [file] });
      this.dispatchEvent(new Event('change'));
    });
    expect(await openTextFile('backup')).toEqual({
      status: 'opened',
      fileName: 'old.json',
      text: '{"format":"x"}',
    });
  });

  it('reports a cancelled file choice', async () => {
    vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      this.dispatchEvent(new Event('cancel'));
    });
    expect(await openTextFile('csv')).toEqual({ status: 'canceled' });
  });

  it('skips automatic backups (there is no backups folder in a browser)', async () => {
    expect((await writeAutoBackup('daily', '{}')).status).toBe('skipped');
  });
});
