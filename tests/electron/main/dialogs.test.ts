import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openCsvFile, openTextFile, safeFileName, savePdf, saveText } from '../../../electron/main/dialogs';
import { faults } from '../fs-faults';
import { app, dialog, resetFakeElectron, shell } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electron);
// Full disks and read-only folders are injected here: as root, chmod would block nothing.
vi.mock('node:fs/promises', async (importOriginal) =>
  (await import('../fs-faults')).withFaults(await importOriginal()),
);

let dir: string;
const window = {} as BrowserWindow;
const pdf = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');

beforeEach(async () => {
  faults.reset();
  resetFakeElectron();
  dir = await mkdtemp(join(tmpdir(), 'ledger-dialogs-'));
  app.paths.documents = dir;
});

afterEach(async () => {
  faults.reset();
  await rm(dir, { recursive: true, force: true });
});

describe('safeFileName()', () => {
  it('keeps only a plain file name with the right extension', () => {
    expect(safeFileName('../../Windows/System32/evil', '.csv', 'export.csv')).toBe('evil.csv');
    expect(safeFileName('C:\\Users\\x\\roster.csv', '.csv', 'export.csv')).toBe('roster.csv');
    expect(safeFileName('Harbor: "Falls"?.pdf', '.pdf', 'packet.pdf')).toBe('Harbor Falls.pdf');
    expect(safeFileName('...', '.json', 'backup.json')).toBe('backup.json');
    expect(safeFileName('a'.repeat(500), '.csv', 'export.csv')).toHaveLength(124);
  });
});

describe('saveText()', () => {
  it("offers the suggested name in the user's Documents folder and writes where the user chose", async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(dir, 'roster') });
    const result = await saveText(window, { kind: 'csv', suggestedName: 'roster.csv', text: 'name\nAda\n' });
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({
        defaultPath: join(dir, 'roster.csv'),
        filters: [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }],
      }),
    );
    // The extension is added when the user typed a name without one; only the base name goes back.
    expect(result).toEqual({ status: 'saved', fileName: 'roster.csv' });
    expect(await readFile(join(dir, 'roster.csv'), 'utf8')).toBe('name\nAda\n');
  });

  it('writes nothing when the user cancels', async () => {
    const result = await saveText(window, { kind: 'backup', suggestedName: 'b.json', text: '{}' });
    expect(result).toEqual({ status: 'canceled' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports a file that cannot be written with its name and the reason', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({
      canceled: false,
      filePath: join(dir, 'missing', 'b.json'),
    });
    const result = await saveText(window, { kind: 'backup', suggestedName: 'b.json', text: '{}' });
    expect(result).toEqual({
      status: 'error',
      message: 'b.json could not be saved (the folder does not exist)',
    });
  });
});

describe('saving over an existing file', () => {
  /** Last month's backup, which "New backup…" is about to replace. */
  const OLD = '{"format":"equity-training-ledger-backup","data":"last month, intact"}\n';
  const NEW = `{"format":"equity-training-ledger-backup","data":"${'n'.repeat(20_000)}"}\n`;
  let target: string;

  beforeEach(async () => {
    target = join(dir, 'harbor-falls-backup.json');
    await writeFile(target, OLD);
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
  });

  it('replaces it, leaving nothing else in the folder', async () => {
    const result = await saveText(window, { kind: 'backup', suggestedName: 'b.json', text: NEW });
    expect(result).toEqual({ status: 'saved', fileName: 'harbor-falls-backup.json' });
    expect(await readFile(target, 'utf8')).toBe(NEW);
    expect(await readdir(dir)).toEqual(['harbor-falls-backup.json']);
  });

  it('on a full disk says so and leaves the old file intact, with no temporary file', async () => {
    faults.freeBytes = 4096;
    const result = await saveText(window, { kind: 'backup', suggestedName: 'b.json', text: NEW });
    expect(result).toEqual({
      status: 'error',
      message: 'harbor-falls-backup.json could not be saved (the disk is full)',
    });
    expect(await readFile(target, 'utf8')).toBe(OLD);
    expect(await readdir(dir)).toEqual(['harbor-falls-backup.json']);
  });

  it('in a read-only folder says so and leaves the old file intact', async () => {
    faults.readOnly = [dir];
    const result = await saveText(window, { kind: 'backup', suggestedName: 'b.json', text: NEW });
    expect(result).toEqual({
      status: 'error',
      message: 'harbor-falls-backup.json could not be saved (the disk is read-only)',
    });
    expect(await readFile(target, 'utf8')).toBe(OLD);
  });
});

describe('savePdf()', () => {
  it('on a full disk leaves the old packet intact and offers nothing to open', async () => {
    const path = join(dir, 'packet.pdf');
    const old = new TextEncoder().encode('%PDF-1.7\nlast year\n%%EOF\n');
    await writeFile(path, old);
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path });
    faults.freeBytes = 4;
    const result = await savePdf(window, { suggestedName: 'packet.pdf', bytes: pdf });
    expect(result).toEqual({ status: 'error', message: 'packet.pdf could not be saved (the disk is full)' });
    expect(new Uint8Array(await readFile(path))).toEqual(old);
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('writes the PDF and opens it when the user asks to', async () => {
    const path = join(dir, 'packet.pdf');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path });
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    const result = await savePdf(window, { suggestedName: 'packet.pdf', bytes: pdf });
    expect(result).toEqual({ status: 'saved', fileName: 'packet.pdf' });
    expect(new Uint8Array(await readFile(path))).toEqual(pdf);
    expect(shell.openPath).toHaveBeenCalledWith(path);
  });

  it('does not open the PDF when the user says not now', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(dir, 'packet.pdf') });
    await savePdf(window, { suggestedName: 'packet.pdf', bytes: pdf });
    expect(shell.openPath).not.toHaveBeenCalled();
  });

  it('neither writes nor asks anything when the save is cancelled', async () => {
    expect(await savePdf(window, { suggestedName: 'packet.pdf', bytes: pdf })).toEqual({
      status: 'canceled',
    });
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(shell.openPath).not.toHaveBeenCalled();
  });
});

describe('openTextFile()', () => {
  it('returns the text and the base name, never the path', async () => {
    const path = join(dir, 'people.csv');
    await writeFile(path, 'name\nGrace\n');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] });
    expect(await openTextFile(window, { kind: 'csv' })).toEqual({
      status: 'opened',
      fileName: 'people.csv',
      text: 'name\nGrace\n',
    });
  });

  it('returns canceled when the user closes the dialog', async () => {
    expect(await openTextFile(window, { kind: 'backup' })).toEqual({ status: 'canceled' });
  });

  it('refuses a file too large to be a backup or CSV without reading it', async () => {
    const path = join(dir, 'huge.json');
    await writeFile(path, '');
    await truncate(path, 65 * 1024 * 1024);
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] });
    expect(await openTextFile(window, { kind: 'backup' })).toEqual({
      status: 'error',
      message: 'huge.json is too large to open (more than 64 MB)',
    });
  });

  it('reports a folder chosen instead of a file', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [dir] });
    const result = await openTextFile(window, { kind: 'csv' });
    expect(result.status).toBe('error');
  });
});

describe('openCsvFile()', () => {
  it('returns the bytes undecoded (a Windows-1252 é stays the byte E9) and the base name', async () => {
    const path = join(dir, 'excel.csv');
    await writeFile(path, Buffer.from([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0x4a, 0x6f, 0x73, 0xe9, 0x0a]));
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] });
    const result = await openCsvFile(window);
    expect(result).toEqual({
      status: 'opened',
      fileName: 'excel.csv',
      bytes: Uint8Array.from([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0x4a, 0x6f, 0x73, 0xe9, 0x0a]),
    });
    expect(result.status === 'opened' && Object.getPrototypeOf(result.bytes)).toBe(Uint8Array.prototype);
  });

  it('returns canceled, and refuses a file over 64 MB without reading it', async () => {
    expect(await openCsvFile(window)).toEqual({ status: 'canceled' });
    const path = join(dir, 'huge.csv');
    await writeFile(path, '');
    await truncate(path, 65 * 1024 * 1024);
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] });
    expect(await openCsvFile(window)).toEqual({
      status: 'error',
      message: 'huge.csv is too large to open (more than 64 MB)',
    });
  });
});
