import type { BrowserWindow, IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { registerIpcHandlers } from '../../../electron/main/ipc';
import type { IpcDeps } from '../../../electron/main/ipc';
import type { BackupStore } from '../../../electron/main/backups';
import { APP_ORIGIN, createSenderCheck } from '../../../electron/main/security';
import { invokeChannels } from '../../../shared/ipc/contract';
import { FakeWebContents } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

const pdfBytes = () => new TextEncoder().encode('%PDF-1.7\n...');

function setup() {
  const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
  type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Listener) => void handlers.set(channel, listener)),
  };
  const ours = new FakeWebContents();
  const window = { id: 1 } as unknown as BrowserWindow;
  const backups = {
    dir: '/data/backups',
    keep: 30,
    write: vi.fn(() =>
      Promise.resolve({ status: 'written', fileName: 'auto-x.json', kept: 1, removed: 0 } as const),
    ),
    list: vi.fn(() => Promise.resolve([])),
    read: vi.fn(() => Promise.resolve({ status: 'canceled' } as const)),
    removeStale: vi.fn(() => Promise.resolve(0)),
  } satisfies BackupStore;
  const deps = {
    isTrustedSender: createSenderCheck(() => ours as unknown as WebContents, [APP_ORIGIN]),
    windowOf: vi.fn(() => window),
    backups,
    dialogs: {
      savePdf: vi.fn(() => Promise.resolve({ status: 'saved', fileName: 'packet.pdf' } as const)),
      saveText: vi.fn(() => Promise.resolve({ status: 'saved', fileName: 'roster.csv' } as const)),
      openTextFile: vi.fn(() => Promise.resolve({ status: 'canceled' } as const)),
      openCsvFile: vi.fn(() => Promise.resolve({ status: 'canceled' } as const)),
    },
    appInfo: vi.fn(() => ({
      name: 'Equity Training Ledger',
      version: '0.1.0',
      userDataPath: '/data',
      backupsPath: '/data/backups',
      keepBackups: 30,
    })),
    openDataFolder: vi.fn(() => Promise.resolve(undefined)),
    onQuitBackupHandled: vi.fn(),
    onQuitAnswer: vi.fn(),
    setSampleOpen: vi.fn(),
    sharing: {
      status: vi.fn(() => ({ settings: null, passwordKept: null, notice: null })),
      save: vi.fn(() => Promise.resolve({ ok: false, message: 'nothing saved' } as const)),
      password: vi.fn(() => Promise.resolve('pw')),
      setActive: vi.fn(() => Promise.resolve({ settings: null, passwordKept: null, notice: null })),
      forget: vi.fn(() => Promise.resolve({ ok: true } as const)),
    },
    reloadWindow: vi.fn(),
  } satisfies IpcDeps;
  registerIpcHandlers(ipcMain, deps);

  const fromUs = { sender: ours, senderFrame: ours.mainFrame } as unknown as IpcMainInvokeEvent;
  const call = (name: keyof typeof invokeChannels, event: IpcMainInvokeEvent, ...args: unknown[]) => {
    const handler = handlers.get(invokeChannels[name]);
    if (!handler) throw new Error(`no handler for ${name}`);
    return Promise.resolve(handler(event, ...args));
  };
  return { handlers, deps, window, ours, fromUs, call };
}

describe('registerIpcHandlers()', () => {
  it('registers exactly one handler for every invoke channel of the contract', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(Object.values(invokeChannels).sort());
  });

  it('passes a valid request from our window to the work, and returns its result', async () => {
    const { call, fromUs, deps, window } = setup();
    const request = { kind: 'csv', suggestedName: 'roster.csv', text: 'a,b\n' };
    await expect(call('saveText', fromUs, request)).resolves.toEqual({
      status: 'saved',
      fileName: 'roster.csv',
    });
    expect(deps.dialogs.saveText).toHaveBeenCalledWith(window, request);
    await call('savePdf', fromUs, { suggestedName: 'packet.pdf', bytes: pdfBytes() });
    expect(deps.dialogs.savePdf).toHaveBeenCalledOnce();
    await call('writeAutoBackup', fromUs, { reason: 'daily', json: '{}' });
    expect(deps.backups.write).toHaveBeenCalledWith('daily', '{}');
    await call('readAutoBackup', fromUs, { fileName: 'auto-x.json' });
    expect(deps.backups.read).toHaveBeenCalledWith('auto-x.json');
    await expect(call('appInfo', fromUs)).resolves.toMatchObject({ version: '0.1.0' });
    await call('listAutoBackups', fromUs);
    await call('openDataFolder', fromUs);
    await call('openTextFile', fromUs, { kind: 'backup' });
    expect(deps.openDataFolder).toHaveBeenCalledOnce();
  });

  it('refuses every channel when the sender is not our window, before doing any work', async () => {
    const { call, deps } = setup();
    const stranger = new FakeWebContents();
    const event = { sender: stranger, senderFrame: stranger.mainFrame } as unknown as IpcMainInvokeEvent;
    for (const name of Object.keys(invokeChannels) as (keyof typeof invokeChannels)[]) {
      await expect(call(name, event, { kind: 'csv' }), name).rejects.toThrow(
        `${invokeChannels[name]} refused the request: it did not come from the app's own window`,
      );
    }
    expect(deps.dialogs.openTextFile).not.toHaveBeenCalled();
    expect(deps.backups.write).not.toHaveBeenCalled();
    expect(deps.appInfo).not.toHaveBeenCalled();
  });

  it('refuses a request from a sub-frame of our window', async () => {
    const { call, ours, deps } = setup();
    const frame = {
      url: `${APP_ORIGIN}/index.html`,
      parent: ours.mainFrame,
      processId: ours.id,
      routingId: 9,
    };
    const event = { sender: ours, senderFrame: frame } as unknown as IpcMainInvokeEvent;
    await expect(call('appInfo', event)).rejects.toThrow("did not come from the app's own window");
    expect(deps.appInfo).not.toHaveBeenCalled();
  });

  it.each([
    ['saveText', { kind: 'exe', suggestedName: 'x', text: '' }, 'kind must be one of "backup", "csv"'],
    ['saveText', { kind: 'csv', suggestedName: 'x' }, 'text is required'],
    ['saveText', { kind: 'csv', suggestedName: 'x', text: 42 }, 'text must be text, not a whole number'],
    ['saveText', 'roster.csv', 'the request must be an object, not text'],
    ['openTextFile', { kind: 'csv', path: '/etc/passwd' }, 'Unrecognized key'],
    ['savePdf', { suggestedName: 'p.pdf', bytes: 'JVBERi0=' }, 'bytes must be the bytes of a PDF'],
    [
      'savePdf',
      { suggestedName: 'p.pdf', bytes: new Uint8Array([60, 104, 116, 109, 108]) },
      'start with %PDF-',
    ],
    [
      'writeAutoBackup',
      { reason: 'hourly', json: '{}' },
      'reason must be one of "daily", "quit", "beforeRestore"',
    ],
    [
      'writeAutoBackup',
      { reason: 'daily', json: null },
      'json must be the backup text (only the backup on quit may send none)',
    ],
    ['readAutoBackup', { fileName: ['../../etc/passwd'] }, 'fileName must be text, not a list'],
    ['readAutoBackup', null, 'the request must be an object, not null'],
  ] as const)('refuses %s with a bad argument %j and says why', async (name, request, why) => {
    const { call, fromUs, deps } = setup();
    await expect(call(name, fromUs, request)).rejects.toThrow(why);
    await expect(call(name, fromUs, request)).rejects.toThrow(`${invokeChannels[name]} refused the request:`);
    expect(deps.dialogs.saveText).not.toHaveBeenCalled();
    expect(deps.dialogs.savePdf).not.toHaveBeenCalled();
    expect(deps.dialogs.openTextFile).not.toHaveBeenCalled();
    expect(deps.backups.write).not.toHaveBeenCalled();
    expect(deps.backups.read).not.toHaveBeenCalled();
  });

  it('refuses a missing request, extra arguments, and an argument to a channel that takes none', async () => {
    const { call, fromUs, deps } = setup();
    await expect(call('openTextFile', fromUs)).rejects.toThrow('it takes exactly one request object');
    await expect(call('openTextFile', fromUs, { kind: 'csv' }, 'extra')).rejects.toThrow(
      'it takes exactly one request object',
    );
    await expect(call('openDataFolder', fromUs, '/etc')).rejects.toThrow('it takes no argument');
    expect(deps.openDataFolder).not.toHaveBeenCalled();
  });

  it('lets the quit go on once the quit backup was handled, even when writing it failed', async () => {
    const { call, fromUs, deps } = setup();
    deps.backups.write.mockRejectedValueOnce(new Error('disk gone'));
    await expect(call('writeAutoBackup', fromUs, { reason: 'quit', json: '{}' })).rejects.toThrow(
      'disk gone',
    );
    expect(deps.onQuitBackupHandled).toHaveBeenCalledOnce();
    await call('writeAutoBackup', fromUs, { reason: 'daily', json: '{}' });
    expect(deps.onQuitBackupHandled).toHaveBeenCalledOnce();
  });

  it('answers a quit with nothing to back up at once, writes nothing, and lets the quit go on', async () => {
    const { call, fromUs, deps } = setup();
    await expect(call('writeAutoBackup', fromUs, { reason: 'quit', json: null })).resolves.toEqual({
      status: 'skipped',
      why: 'there is no town yet, so nothing to back up',
    });
    expect(deps.backups.write).not.toHaveBeenCalled();
    expect(deps.onQuitBackupHandled).toHaveBeenCalledOnce();
  });

  it('passes the quit answer and the sample state on, and refuses anything else', async () => {
    const { call, fromUs, deps } = setup();
    await call('answerQuit', fromUs, { answer: 'asking' });
    await call('answerQuit', fromUs, { answer: 'stay' });
    expect(deps.onQuitAnswer.mock.calls).toEqual([['asking'], ['stay']]);
    await expect(call('answerQuit', fromUs, { answer: 'quitNow' })).rejects.toThrow('refused the request');
    await call('setSampleOpen', fromUs, { open: true });
    expect(deps.setSampleOpen).toHaveBeenCalledWith(true);
    await expect(call('setSampleOpen', fromUs, { open: 'yes' })).rejects.toThrow('refused the request');
    expect(deps.setSampleOpen).toHaveBeenCalledOnce();
  });

  it('passes sharing requests on, validated, and reloads only the asking window', async () => {
    const { call, fromUs, deps, window } = setup();
    const request = {
      serverUrl: 'https://couch.example.org',
      database: 'harbor-falls',
      username: 'clerk',
      password: 'secret',
      remember: true,
    };
    await call('saveSharing', fromUs, request);
    expect(deps.sharing.save).toHaveBeenCalledWith(request);
    await expect(call('sharingPassword', fromUs)).resolves.toBe('pw');
    await call('getSharing', fromUs);
    await call('setSharingActive', fromUs, { active: false });
    expect(deps.sharing.setActive).toHaveBeenCalledWith(false);
    await call('forgetSharing', fromUs);
    expect(deps.sharing.forget).toHaveBeenCalledOnce();
    await call('reloadForSharing', fromUs);
    expect(deps.reloadWindow).toHaveBeenCalledWith(window);
  });

  it.each([
    [{ serverUrl: 'https://a.org', database: 'd', username: 'u', password: 'p' }, 'remember is required'],
    [
      { serverUrl: 'https://a.org', database: 'd', username: 'u', password: 'p', remember: true, token: 'x' },
      'Unrecognized key',
    ],
    [
      {
        serverUrl: 'https://a.org',
        database: 'd',
        username: 'u',
        password: 'p'.repeat(1001),
        remember: true,
      },
      'password',
    ],
    [
      { serverUrl: 42, database: 'd', username: 'u', password: 'p', remember: true },
      'serverUrl must be text',
    ],
  ])('refuses a sharing save %j before asking any server', async (request, why) => {
    const { call, fromUs, deps } = setup();
    await expect(call('saveSharing', fromUs, request)).rejects.toThrow(why);
    await expect(call('setSharingActive', fromUs, { active: 'no' })).rejects.toThrow('refused the request');
    await expect(call('sharingPassword', fromUs, 'please')).rejects.toThrow('it takes no argument');
    expect(deps.sharing.save).not.toHaveBeenCalled();
    expect(deps.sharing.setActive).not.toHaveBeenCalled();
    expect(deps.sharing.password).not.toHaveBeenCalled();
  });

  it('never hands the password to a sender other than our window', async () => {
    const { call, deps } = setup();
    const stranger = new FakeWebContents();
    stranger.mainFrame.url = 'https://evil.example/';
    const event = { sender: stranger, senderFrame: stranger.mainFrame } as unknown as IpcMainInvokeEvent;
    await expect(call('sharingPassword', event)).rejects.toThrow("did not come from the app's own window");
    expect(deps.sharing.password).not.toHaveBeenCalled();
  });
});
