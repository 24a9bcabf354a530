/**
 * A small stand-in for the `electron` module, for main-process unit tests
 * (`vi.mock('electron', async () => (await import('./fake-electron')).electron)`).
 * It records what the code under test asked Electron to do; it launches nothing.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** Calls in the order they happened, for "X before Y" checks. */
export const calls: string[] = [];

/** An Electron-style event: `preventDefault()` marks it. */
export function fakeEvent(extra: Record<string, unknown> = {}) {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
    ...extra,
  };
}

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  routingId: number;
}

let nextId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  mainFrame: FakeFrame = { url: 'app://ledger/index.html', parent: null, processId: this.id, routingId: 1 };
  send = vi.fn();
  reload = vi.fn();
  isCrashed = vi.fn(() => false);
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static getAllWindows = () => FakeBrowserWindow.instances.filter((w) => !w.destroyed);
  static fromWebContents = (contents: unknown) =>
    FakeBrowserWindow.instances.find((w) => w.webContents === contents) ?? null;

  readonly webContents = new FakeWebContents();
  destroyed = false;
  loadURL = vi.fn((_url: string) => Promise.resolve());
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  isMinimized = vi.fn(() => false);

  constructor(readonly options: Record<string, unknown>) {
    super();
    calls.push('new BrowserWindow');
    FakeBrowserWindow.instances.push(this);
  }

  isDestroyed() {
    return this.destroyed;
  }

  /** Like Electron: 'close' may be prevented; otherwise the window is gone. */
  close() {
    const event = fakeEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) {
      this.destroyed = true;
      this.emit('closed');
    }
  }
}

class FakeApp extends EventEmitter {
  paths: Record<string, string> = { appData: '/fake/appData', documents: '/fake/Documents' };
  isPackaged = true;
  lockGranted = true;
  getPath = vi.fn((name: string) => this.paths[name] ?? `/fake/${name}`);
  setPath = vi.fn((name: string, value: string) => {
    calls.push(`setPath ${name}`);
    this.paths[name] = value;
  });
  requestSingleInstanceLock = vi.fn(() => {
    calls.push('requestSingleInstanceLock');
    return this.lockGranted;
  });
  enableSandbox = vi.fn(() => calls.push('enableSandbox'));
  quit = vi.fn(() => {
    calls.push('quit');
    const event = fakeEvent();
    this.emit('before-quit', event);
  });
  whenReady = vi.fn(() => {
    calls.push('whenReady');
    return Promise.resolve();
  });
  getVersion = vi.fn(() => '0.1.0');
  setAboutPanelOptions = vi.fn();
}

export const app = new FakeApp();

export const ipcMain = {
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  handle: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => unknown) => {
    ipcMain.handlers.set(channel, listener);
  }),
};

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(() => calls.push('registerSchemesAsPrivileged')),
  handle: vi.fn(),
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() },
  },
};

export const dialog = {
  showSaveDialog: vi.fn((): Promise<{ canceled: boolean; filePath?: string }> =>
    Promise.resolve({ canceled: true }),
  ),
  showOpenDialog: vi.fn((): Promise<{ canceled: boolean; filePaths: string[] }> =>
    Promise.resolve({ canceled: true, filePaths: [] }),
  ),
  showMessageBox: vi.fn(() => Promise.resolve({ response: 1, checkboxChecked: false })),
};

export const shell = { openPath: vi.fn((_path: string) => Promise.resolve('')) };

/** A keyring that "encrypts" by reversing and tagging the text: enough to see nothing is stored in plain text. */
const encrypt = (text: string) => Buffer.from(`enc:${[...text].reverse().join('')}`, 'utf8');
const decrypt = (bytes: Buffer) => {
  const text = bytes.toString('utf8');
  if (!text.startsWith('enc:'))
    throw new Error('Error while decrypting the ciphertext provided to safeStorage.');
  return [...text.slice(4)].reverse().join('');
};
export const safeStorage = {
  isAsyncEncryptionAvailable: vi.fn(() => Promise.resolve(true)),
  getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
  encryptStringAsync: vi.fn((text: string) => Promise.resolve(encrypt(text))),
  decryptStringAsync: vi.fn((bytes: Buffer) =>
    Promise.resolve().then(() => ({ result: decrypt(bytes), shouldReEncrypt: false })),
  ),
};

export const net = {
  fetch: vi.fn((_url: string, _init?: RequestInit): Promise<Response> =>
    Promise.reject(new TypeError('fetch failed')),
  ),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown) => ({ template })),
  setApplicationMenu: vi.fn(),
};

/** Puts every fake back to its starting state. */
export function resetFakeElectron(): void {
  calls.length = 0;
  FakeBrowserWindow.instances = [];
  app.removeAllListeners();
  app.paths = { appData: '/fake/appData', documents: '/fake/Documents' };
  app.isPackaged = true;
  app.lockGranted = true;
  ipcMain.handlers.clear();
  vi.clearAllMocks();
  safeStorage.isAsyncEncryptionAvailable.mockImplementation(() => Promise.resolve(true));
  safeStorage.getSelectedStorageBackend.mockImplementation(() => 'gnome_libsecret');
}

/**
 * The module vitest hands out for `electron`. `calls`, `resetFakeElectron` and
 * `FakeBrowserWindow` ride along so a test that re-imports modules (vi.resetModules)
 * can reach the very instance the code under test received.
 */
export const electron = {
  calls,
  resetFakeElectron,
  FakeBrowserWindow,
  app,
  BrowserWindow: FakeBrowserWindow,
  ipcMain,
  protocol,
  session,
  dialog,
  shell,
  Menu,
  safeStorage,
  net,
};
