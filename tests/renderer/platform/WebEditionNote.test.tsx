// @vitest-environment jsdom
/**
 * The browser edition's note and update prompt, rendered: what the clerk reads, Back up now, the
 * folder permission asked again in words, hiding the note for good, and a new version that waits
 * for the Reload click (workbox-window replaced by a fake service worker registration).
 */
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FolderHandle } from '../../../renderer/src/platform/web/backupFolder';
import { useUi } from '../../../renderer/src/store/ui';
import { makeDb, resetUi } from '../helpers';

const workbox = vi.hoisted(() => ({
  listeners: new Map<string, () => void>(),
  messageSkipWaiting: vi.fn(),
}));
vi.mock('workbox-window', () => ({
  Workbox: class {
    addEventListener(type: string, listener: () => void) {
      workbox.listeners.set(type, listener);
    }
    register() {
      return Promise.resolve(undefined);
    }
    messageSkipWaiting() {
      workbox.messageSkipWaiting();
    }
  },
}));

const { handleStore } = await import('../../../renderer/src/platform/web/backupFolder');
const { WebEditionNote } = await import('../../../renderer/src/platform/web/WebEditionNote');
const { initialiseTown } = await import('../../../renderer/db/repositories');

let stored: FolderHandle | null = null;

beforeEach(() => {
  vi.stubEnv('VITE_EDITION', 'web');
  localStorage.clear();
  resetUi();
  stored = null;
  vi.spyOn(handleStore, 'get').mockImplementation(() => Promise.resolve(stored));
  Object.defineProperty(navigator, 'serviceWorker', { value: {}, configurable: true });
  Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() });
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  delete (window as { showDirectoryPicker?: unknown }).showDirectoryPicker;
  document.body.innerHTML = '';
});

describe('the browser edition’s note', () => {
  it('says where the records live, that clearing the browser erases them, and when the last backup was', () => {
    localStorage.setItem('etl.web.lastBackupDate', '2020-01-01');
    render(<WebEditionNote db={makeDb()} />);
    const note = screen.getByRole('region', { name: 'Where your records are kept' });
    expect(note.textContent).toContain('Your records are kept in this browser, on this computer only.');
    expect(note.textContent).toContain('Clearing this browser’s data');
    expect(note.textContent).toMatch(/Last backup: \d+ days ago\./);
    // No folder offer where the browser cannot write to folders.
    expect(screen.queryByRole('button', { name: /folder/ })).toBeNull();
  });

  it('says there is nothing to back up before the town exists, and downloads nothing', async () => {
    const clicks = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(<WebEditionNote db={makeDb()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Back up now' }));
    await waitFor(() =>
      expect(useUi.getState().toasts.map((t) => t.text)).toContain(
        'There is nothing to back up yet: create your town first.',
      ),
    );
    expect(clicks).not.toHaveBeenCalled();
  });

  it('backs up now as a download and then says “today”', async () => {
    const db = makeDb();
    await initialiseTown(db, { name: 'Maple Hollow', certificationYear: 2026 });
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    render(<WebEditionNote db={db} />);
    await userEvent.click(screen.getByRole('button', { name: 'Back up now' }));
    await screen.findByText(/Last backup: today\./);
    expect(clicks[0]).toMatch(/^maple-hollow-backup-\d{4}-\d{2}-\d{2}\.json$/);
  });

  it('asks, in a sentence, for the folder permission the browser forgot, only when the clerk clicks', async () => {
    const handle = {
      name: 'Town backups',
      permission: 'prompt' as PermissionState,
      queryPermission: vi.fn(() => Promise.resolve(handle.permission)),
      requestPermission: vi.fn(() => {
        handle.permission = 'granted';
        return Promise.resolve(handle.permission);
      }),
      getFileHandle: vi.fn(() => Promise.reject(new Error('no town, nothing written'))),
    };
    stored = handle;
    Object.assign(window, { showDirectoryPicker: vi.fn() });
    render(<WebEditionNote db={makeDb()} />);
    await screen.findByText(
      /The browser forgets between visits that this app may save backups in “Town backups”/,
    );
    expect(handle.requestPermission).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Allow saving backups' }));
    expect(handle.requestPermission).toHaveBeenCalledTimes(1);
    await screen.findByText(/Daily backup goes to the folder “Town backups”/);
  });

  it('writes the day’s backup into the chosen folder when it opens, and nothing without a folder', async () => {
    const db = makeDb();
    await initialiseTown(db, { name: 'Maple Hollow', certificationYear: 2026 });
    const written = new Map<string, string>();
    const handle = {
      name: 'Town backups',
      queryPermission: vi.fn(() => Promise.resolve('granted' as PermissionState)),
      requestPermission: vi.fn(() => Promise.resolve('granted' as PermissionState)),
      getFileHandle: vi.fn((fileName: string) =>
        Promise.resolve({
          createWritable: () => {
            let text = '';
            return Promise.resolve({
              write: (t: string) => Promise.resolve(void (text += t)),
              close: () => Promise.resolve(void written.set(fileName, text)),
              abort: () => Promise.resolve(),
            });
          },
        } as unknown as FileSystemFileHandle),
      ),
    };
    Object.assign(window, { showDirectoryPicker: vi.fn() });
    const { unmount } = render(<WebEditionNote db={db} />);
    await screen.findByRole('button', { name: 'Save a daily backup in a folder…' });
    expect(screen.getByText(/No backup yet in this browser\./)).toBeTruthy();
    unmount();

    stored = handle;
    render(<WebEditionNote db={db} />);
    await screen.findByText(/Last backup: today\./);
    expect(screen.getByText(/Daily backup goes to the folder “Town backups”/)).toBeTruthy();
    const [name, json] = [...written.entries()][0]!;
    expect(name).toMatch(/^equity-ledger-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect((JSON.parse(json) as { data: { town: { name: string } } }).data.town.name).toBe('Maple Hollow');
  });

  it('can be hidden, stays hidden next time, and comes back on request', async () => {
    const { unmount } = render(<WebEditionNote db={makeDb()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Hide this note' }));
    expect(screen.queryByRole('region', { name: 'Where your records are kept' })).toBeNull();
    unmount();
    render(<WebEditionNote db={makeDb()} />);
    expect(screen.queryByRole('region', { name: 'Where your records are kept' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Where are my records?' }));
    expect(screen.getByRole('region', { name: 'Where your records are kept' })).toBeTruthy();
  });
});

describe('“A new version is ready — Reload”', () => {
  it('appears when a new version waits, and lets it take over only on the clerk’s click, never under an open form', async () => {
    render(<WebEditionNote db={makeDb()} />);
    expect(screen.queryByText(/A new version is ready/)).toBeNull();
    await waitFor(() => expect(workbox.listeners.has('waiting')).toBe(true));
    act(() => workbox.listeners.get('waiting')!());
    await screen.findByText(/A new version is ready/);
    expect(workbox.messageSkipWaiting).not.toHaveBeenCalled();

    const form = document.createElement('div');
    form.setAttribute('role', 'dialog');
    document.body.appendChild(form);
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(screen.getByText(/Finish or close the open form first/)).toBeTruthy();
    expect(workbox.messageSkipWaiting).not.toHaveBeenCalled();

    form.remove();
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(workbox.messageSkipWaiting).toHaveBeenCalledTimes(1);
  });
});
