import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eventChannels, invokeChannels } from '../../../shared/ipc/contract';
import type { LedgerApi } from '../../../shared/ipc/contract';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  return {
    exposed: new Map<string, unknown>(),
    listeners,
    contextBridge: {
      exposeInMainWorld: vi.fn(),
    },
    ipcRenderer: {
      invoke: vi.fn((..._args: unknown[]) => Promise.resolve('reply')),
      on: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
        const set = listeners.get(channel) ?? new Set();
        set.add(listener);
        listeners.set(channel, set);
      }),
      removeListener: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
        listeners.get(channel)?.delete(listener);
      }),
      send: vi.fn(),
      sendSync: vi.fn(),
    },
  };
});

vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

let api: LedgerApi;

beforeEach(async () => {
  vi.resetModules();
  vi.clearAllMocks();
  electron.listeners.clear();
  await import('../../../electron/preload/index');
  const [[key, value]] = electron.contextBridge.exposeInMainWorld.mock.calls as unknown as [
    [string, LedgerApi],
  ];
  expect(key).toBe('api');
  api = value;
});

/** Sends a main → renderer event to every preload listener, as ipcRenderer would. */
const emit = (channel: string, ...args: unknown[]) => {
  const ipcEvent = { sender: electron.ipcRenderer, senderId: 0 };
  for (const listener of electron.listeners.get(channel) ?? []) listener(ipcEvent, ...args);
};

describe('preload window.api', () => {
  it('exposes exactly the named methods of the contract: no ipcRenderer, no generic invoke', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(Object.keys(api).sort()).toEqual([...Object.keys(invokeChannels), 'onMenuCommand'].sort());
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true);
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('ipcRenderer');
  });

  it('sends each method on its own contract channel with the request as given', async () => {
    const request = { kind: 'csv', suggestedName: 'roster.csv', text: 'x' } as const;
    await expect(api.saveText(request)).resolves.toBe('reply');
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(invokeChannels.saveText, request);
    await api.writeAutoBackup({ reason: 'beforeRestore', json: '{}' });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(invokeChannels.writeAutoBackup, {
      reason: 'beforeRestore',
      json: '{}',
    });
    await api.listAutoBackups();
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(invokeChannels.listAutoBackups);
    await api.appInfo();
    await api.openDataFolder();
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(invokeChannels.openDataFolder);
    await api.answerQuit({ answer: 'stay' });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(invokeChannels.answerQuit, {
      answer: 'stay',
    });
    const sharing = {
      serverUrl: 'https://couch.example.org',
      database: 'harbor-falls',
      username: 'clerk',
      password: 'pw',
      remember: false,
    };
    await api.saveSharing(sharing);
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(invokeChannels.saveSharing, sharing);
    await api.sharingPassword();
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(invokeChannels.sharingPassword);
    await api.setSharingActive({ active: false });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(invokeChannels.setSharingActive, {
      active: false,
    });
    await api.reloadForSharing();
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(invokeChannels.reloadForSharing);
    await api.setSampleOpen({ open: false });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(invokeChannels.setSampleOpen, {
      open: false,
    });
  });

  it('forwards known menu commands, and only the command: never the IPC event', () => {
    const listener = vi.fn();
    api.onMenuCommand(listener);
    emit(eventChannels.menuCommand, 'autoBackupOnQuit');
    expect(listener).toHaveBeenCalledWith('autoBackupOnQuit');
    expect(listener.mock.calls[0]).toHaveLength(1);
  });

  it('drops commands that are not in the contract', () => {
    const listener = vi.fn();
    api.onMenuCommand(listener);
    for (const bad of ['deleteEverything', 42, null, { command: 'newBackup' }, undefined]) {
      emit(eventChannels.menuCommand, bad);
    }
    expect(listener).not.toHaveBeenCalled();
  });

  it('stops forwarding after unsubscribe', () => {
    const listener = vi.fn();
    const unsubscribe = api.onMenuCommand(listener);
    unsubscribe();
    emit(eventChannels.menuCommand, 'newBackup');
    expect(listener).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(
      eventChannels.menuCommand,
      expect.any(Function),
    );
  });

  it('refuses a listener that is not a function', () => {
    expect(() => api.onMenuCommand('alert(1)' as unknown as () => void)).toThrow(
      'onMenuCommand needs a function',
    );
  });
});
