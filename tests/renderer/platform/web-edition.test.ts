// @vitest-environment jsdom
/**
 * The browser edition's platform parts: the last-backup reminder, the backup folder (File System
 * Access API, with a fake folder handle), and the update prompt's reload guard.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveText, writeAutoBackup } from '../../../renderer/src/platform';
import {
  folderBackupName,
  folderState,
  handleStore,
  writeFolderBackup,
} from '../../../renderer/src/platform/web/backupFolder';
import type { FolderHandle } from '../../../renderer/src/platform/web/backupFolder';
import {
  daysBetween,
  lastBackupDate,
  lastBackupWords,
  onBackupRecorded,
  recordBackup,
} from '../../../renderer/src/platform/web/lastBackup';
import {
  applyUpdate,
  reloadBlockedBecause,
  setReloadGuard,
} from '../../../renderer/src/platform/web/updates';
import { today } from '../../../renderer/src/lib/today';
import { useUi } from '../../../renderer/src/store/ui';

/** A folder handle that keeps written files in a Map; `permission` is what the browser would answer. */
function fakeFolder(name = 'Town backups', permission: PermissionState = 'granted') {
  const files = new Map<string, string>();
  const writes: { abort: ReturnType<typeof vi.fn> }[] = [];
  let failNextWrite = false;
  const requestPermission = vi.fn(() => {
    handle.permission = 'granted';
    return Promise.resolve(handle.permission);
  });
  const handle = {
    name,
    permission,
    queryPermission: vi.fn(() => Promise.resolve(handle.permission)),
    requestPermission,
    getFileHandle: vi.fn((fileName: string) =>
      Promise.resolve({
        createWritable: () => {
          let pending = '';
          const w = {
            write: vi.fn((text: string) => {
              if (failNextWrite) return Promise.reject(new Error('The disk is full.'));
              pending += text;
              return Promise.resolve();
            }),
            // Like the real thing: the file changes only when the stream closes.
            close: vi.fn(() => {
              files.set(fileName, pending);
              return Promise.resolve();
            }),
            abort: vi.fn(() => Promise.resolve()),
          };
          writes.push(w);
          return Promise.resolve(w);
        },
      } as unknown as FileSystemFileHandle),
    ),
  };
  return {
    handle: handle as typeof handle & FolderHandle,
    files,
    writes,
    requestPermission,
    failWrites: () => (failNextWrite = true),
  };
}

let stored: FolderHandle | null;

beforeEach(() => {
  localStorage.clear();
  stored = null;
  vi.spyOn(handleStore, 'get').mockImplementation(() => Promise.resolve(stored));
  vi.spyOn(handleStore, 'put').mockImplementation((h) => {
    stored = h;
    return Promise.resolve();
  });
  Object.assign(window, { showDirectoryPicker: vi.fn() });
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  document.body.innerHTML = '';
  delete (window as { showDirectoryPicker?: unknown }).showDirectoryPicker;
});

describe('the last-backup reminder', () => {
  it('says in words how long ago the last backup was', () => {
    expect(lastBackupWords(null, '2026-12-01')).toBe('No backup yet in this browser.');
    expect(lastBackupWords('2026-12-01', '2026-12-01')).toBe('Last backup: today.');
    expect(lastBackupWords('2026-11-30', '2026-12-01')).toBe('Last backup: yesterday.');
    expect(lastBackupWords('2026-11-19', '2026-12-01')).toBe('Last backup: 12 days ago.');
    // Across a daylight-saving change it still counts whole days.
    expect(daysBetween('2026-10-31', '2026-11-02')).toBe(2);
  });

  it('remembers the date and tells its listeners; ignores a value it did not write', () => {
    const heard = vi.fn();
    const stop = onBackupRecorded(heard);
    recordBackup('2026-11-20');
    stop();
    expect(lastBackupDate()).toBe('2026-11-20');
    expect(heard).toHaveBeenCalledTimes(1);
    localStorage.setItem('etl.web.lastBackupDate', 'yesterday');
    expect(lastBackupDate()).toBeNull();
  });

  it('is set by a downloaded backup, not by a CSV', async () => {
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await saveText('csv', 'people.csv', 'a,b');
    expect(lastBackupDate()).toBeNull();
    await saveText('backup', 'town-backup.json', '{}');
    expect(lastBackupDate()).toBe(today());
  });
});

describe('the backup folder', () => {
  it('reports whether a folder is chosen and whether the browser still allows writing there', async () => {
    expect(await folderState()).toEqual({ kind: 'none' });
    const folder = fakeFolder('Town backups', 'prompt');
    stored = folder.handle;
    expect(await folderState()).toEqual({ kind: 'needsPermission', name: 'Town backups' });
    folder.handle.permission = 'granted';
    expect(await folderState()).toEqual({ kind: 'ready', name: 'Town backups' });
    delete (window as { showDirectoryPicker?: unknown }).showDirectoryPicker;
    expect(await folderState()).toEqual({ kind: 'unsupported' });
  });

  it('writes the daily automatic backup there in the browser edition and records the date', async () => {
    vi.stubEnv('VITE_EDITION', 'web');
    const folder = fakeFolder();
    stored = folder.handle;
    const result = await writeAutoBackup({ reason: 'daily', json: '{"format":"x"}' });
    expect(result).toMatchObject({ status: 'written', fileName: folderBackupName(today()) });
    expect(folder.files.get(folderBackupName(today()))).toBe('{"format":"x"}');
    expect(lastBackupDate()).toBe(today());
  });

  it('never writes, nor pops up a prompt, when the browser has forgotten the permission', async () => {
    vi.stubEnv('VITE_EDITION', 'web');
    const folder = fakeFolder('Town backups', 'prompt');
    stored = folder.handle;
    expect(await writeAutoBackup({ reason: 'daily', json: '{}' })).toEqual({
      status: 'skipped',
      why: 'the browser needs permission for the backup folder again',
    });
    expect(folder.requestPermission).not.toHaveBeenCalled();
    expect(folder.files.size).toBe(0);
    expect(lastBackupDate()).toBeNull();
  });

  it('leaves the previous file untouched when a write fails', async () => {
    const folder = fakeFolder();
    stored = folder.handle;
    await writeFolderBackup('good', '2026-12-01');
    folder.failWrites();
    await expect(writeFolderBackup('half', '2026-12-01')).rejects.toThrow('The disk is full.');
    expect(folder.writes[1]!.abort).toHaveBeenCalled();
    expect(folder.files.get(folderBackupName('2026-12-01'))).toBe('good');
  });

  it('is not used outside the browser edition', async () => {
    stored = fakeFolder().handle;
    expect((await writeAutoBackup({ reason: 'daily', json: '{}' })).status).toBe('skipped');
  });
});

describe('the update prompt’s reload', () => {
  it('waits while a form (dialog) is open, and says so', () => {
    const reload = vi.fn();
    document.body.innerHTML = '<div role="dialog" aria-label="Add a person"></div>';
    expect(applyUpdate(reload)).toBe('Finish or close the open form first, then click Reload.');
    expect(reload).not.toHaveBeenCalled();
    document.body.innerHTML = '';
    expect(applyUpdate(reload)).toBeNull();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('waits while a form has unsaved changes (Town details is no dialog)', () => {
    const reload = vi.fn();
    useUi.getState().setFormDirty('town-details', true);
    expect(applyUpdate(reload)).toBe('Save or discard your changes first, then click Reload.');
    expect(reload).not.toHaveBeenCalled();
    useUi.getState().setFormDirty('town-details', false);
    expect(applyUpdate(reload)).toBeNull();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('takes other guards, such as unsaved changes', () => {
    expect(reloadBlockedBecause()).toBeNull();
    const remove = setReloadGuard(() => 'Save your changes first.');
    expect(reloadBlockedBecause()).toBe('Save your changes first.');
    remove();
    expect(reloadBlockedBecause()).toBeNull();
  });
});
