/**
 * The wiring in electron/main/index.ts, with `electron` replaced by the fake:
 * the order of start-up steps, the single-instance lock, the window, and the
 * quit-time backup handshake end to end (through the real IPC handler and a real
 * temporary userData folder).
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { electron as fakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

type Fake = typeof fakeElectron;
interface MenuItem {
  role?: string;
  submenu?: unknown;
}

function fakeNavigation(url: string) {
  return {
    url,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}
let fake: Fake;
let appData: string;

/** Loads index.ts afresh (it runs on import) and lets `whenReady().then(...)` finish. */
async function startMain(configure: (f: Fake) => void = () => undefined): Promise<void> {
  configure(fake);
  await import('../../../electron/main/index');
  await new Promise((resolve) => setTimeout(resolve, 0));
}

const window = () => fake.FakeBrowserWindow.instances[0]!;
const fromWindow = () =>
  ({
    sender: window().webContents,
    senderFrame: window().webContents.mainFrame,
  }) as unknown as IpcMainInvokeEvent;
const invoke = (channel: string, ...args: unknown[]) => {
  const handler = fake.ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return Promise.resolve(handler(fromWindow(), ...args));
};

beforeEach(async () => {
  vi.resetModules();
  // vitest keeps the mocked module across resetModules: inspect that very instance.
  fake = (await import('electron')) as unknown as Fake;
  fake.resetFakeElectron();
  appData = await mkdtemp(join(tmpdir(), 'ledger-main-'));
  fake.app.paths.appData = appData;
});

afterEach(async () => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
  await rm(appData, { recursive: true, force: true });
});

describe('main process start-up', () => {
  it('pins userData before the single-instance lock, the sandbox switch, the scheme or anything else', async () => {
    await startMain();
    expect(fake.app.setPath).toHaveBeenCalledWith('userData', join(appData, 'Equity Training Ledger'));
    expect(fake.calls.slice(0, 5)).toEqual([
      'setPath userData',
      'enableSandbox',
      'registerSchemesAsPrivileged',
      'requestSingleInstanceLock',
      'whenReady',
    ]);
  });

  it('quits at once, without a window, when another instance already runs', async () => {
    await startMain((f) => {
      f.app.lockGranted = false;
    });
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.app.whenReady).not.toHaveBeenCalled();
    expect(fake.FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('removes the temporary files a crash left in the backups folder, and nothing else', async () => {
    const backups = join(appData, 'Equity Training Ledger', 'backups');
    await mkdir(backups, { recursive: true });
    const ours = 'auto-000001-2026-03-01T12-00-00-000Z-daily.json';
    await writeFile(join(backups, ours), '{}');
    await writeFile(
      join(backups, `.auto-000002-2026-03-01T12-05-00-000Z-quit.json.a1b2c3d4e5f6.partial`),
      '{"fo',
    );
    await startMain();
    await vi.waitFor(async () => expect(await readdir(backups)).toEqual([ours]));
  });

  it('focuses the running window when a second instance starts', async () => {
    await startMain();
    window().isMinimized.mockReturnValue(true);
    fake.app.emit('second-instance');
    expect(window().restore).toHaveBeenCalled();
    expect(window().focus).toHaveBeenCalled();
  });

  it('opens one hardened window on the stable app:// origin with the sandboxed preload', async () => {
    await startMain();
    expect(fake.FakeBrowserWindow.instances).toHaveLength(1);
    const prefs = window().options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(window().loadURL).toHaveBeenCalledWith('app://ledger/index.html');
    expect(fake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fake.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalled();
    expect(fake.ipcMain.handlers.size).toBe(17);
  });

  it("serves the saved sharing server's policy, hands the password to the window, and is strict again after forget", async () => {
    const folder = join(appData, 'Equity Training Ledger');
    await mkdir(folder, { recursive: true });
    await writeFile(
      join(folder, 'sharing.json'),
      JSON.stringify({
        format: 'equity-training-ledger-sharing',
        version: 1,
        settings: {
          serverUrl: 'https://couch.example.org',
          database: 'harbor-falls',
          username: 'clerk',
          active: true,
        },
        encryptedPassword: Buffer.from('enc:terces', 'utf8').toString('base64'),
      }),
    );
    await startMain();
    const serve = fake.protocol.handle.mock.calls[0]![1] as (request: Request) => Promise<Response>;
    const policy = async () =>
      (await serve(new Request('app://ledger/index.html'))).headers.get('content-security-policy') ?? '';
    expect(await policy()).toContain("connect-src 'self' blob: data: https://couch.example.org;");
    await expect(invoke('ledger:sharing-get')).resolves.toMatchObject({
      settings: { database: 'harbor-falls' },
      passwordKept: 'encrypted',
    });
    await expect(invoke('ledger:sharing-password')).resolves.toBe('secret');
    await expect(invoke('ledger:sharing-forget')).resolves.toEqual({ ok: true });
    expect(await policy()).not.toMatch(/https?:/);
    expect(window().webContents.reload).not.toHaveBeenCalled();
    await invoke('ledger:sharing-reload');
    expect(window().webContents.reload).toHaveBeenCalledOnce();
    expect(await readdir(folder)).not.toContain('sharing.json');
  });

  it('loads the dev server only in an unpackaged build that electron-vite dev started', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    await startMain((f) => {
      f.app.isPackaged = false;
    });
    expect(window().loadURL).toHaveBeenCalledWith('http://localhost:5173');
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged build', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'https://example.com');
    await startMain();
    expect(window().loadURL).toHaveBeenCalledWith('app://ledger/index.html');
  });

  /** Every menu item's role, at any depth, from the template main handed to Menu.buildFromTemplate. */
  const menuRoles = (): string[] => {
    const template = fake.Menu.buildFromTemplate.mock.calls[0]?.[0] as MenuItem[] | undefined;
    const walk = (items: MenuItem[]): string[] =>
      items.flatMap((i) => [
        ...(i.role ? [i.role] : []),
        ...(Array.isArray(i.submenu) ? walk(i.submenu as MenuItem[]) : []),
      ]);
    return walk(template ?? []);
  };
  const devToolsPref = () => (window().options.webPreferences as { devTools?: unknown }).devTools;

  it('a packaged build has no DevTools, no Reload or DevTools menu items and trusts no dev-server origin', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    await startMain((f) => {
      f.app.isPackaged = true;
    });
    expect(devToolsPref()).toBe(false);
    expect(menuRoles()).toContain('zoomIn');
    expect(menuRoles()).not.toContain('toggleDevTools');
    expect(menuRoles()).not.toContain('reload');
    expect(menuRoles()).not.toContain('forceReload');
    // A navigation to the would-be dev server is refused like any foreign page.
    const contents = new fake.FakeBrowserWindow({}).webContents;
    fake.app.emit('web-contents-created', {}, contents);
    const event = fakeNavigation('http://localhost:5173/index.html');
    contents.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('an unpackaged build (npm run dev / start) gets DevTools, Reload and the dev server', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    await startMain((f) => {
      f.app.isPackaged = false;
    });
    expect(devToolsPref()).toBe(true);
    expect(menuRoles()).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
    // The dev server's origin is trusted while developing (and only then).
    fake.app.emit('web-contents-created', {}, window().webContents);
    const event = fakeNavigation('http://localhost:5173/index.html');
    window().webContents.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(false);
  });

  it('reports where the data lives', async () => {
    await startMain();
    expect(await invoke('ledger:app-info')).toEqual({
      name: 'Equity Training Ledger',
      version: '0.1.0',
      userDataPath: join(appData, 'Equity Training Ledger'),
      backupsPath: join(appData, 'Equity Training Ledger', 'backups'),
      keepBackups: 30,
    });
  });
});

describe('quit-time backup', () => {
  it('holds the window open, asks the renderer for the quit backup, and closes once it is written', async () => {
    await startMain();
    const win = window();
    win.close();
    expect(win.isDestroyed()).toBe(false);
    expect(win.webContents.send).toHaveBeenCalledWith('ledger:menu-command', 'autoBackupOnQuit');

    const json = await readFile(
      new URL('../../../resources/samples/harbor-falls.json', import.meta.url),
      'utf8',
    );
    const result = await invoke('ledger:write-auto-backup', { reason: 'quit', json });
    expect(result).toMatchObject({ status: 'written' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(win.isDestroyed()).toBe(true);
    const files = await readdir(join(appData, 'Equity Training Ledger', 'backups'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/-quit\.json$/);
  });

  it('closes anyway after the timeout when the renderer never answers', async () => {
    await startMain();
    vi.useFakeTimers();
    const win = window();
    win.close();
    expect(win.isDestroyed()).toBe(false);
    await vi.advanceTimersByTimeAsync(5000);
    expect(win.isDestroyed()).toBe(true);
  });

  it('runs the same handshake when the app is asked to quit', async () => {
    await startMain();
    fake.app.quit();
    expect(window().webContents.send).toHaveBeenCalledWith('ledger:menu-command', 'autoBackupOnQuit');
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
    await invoke('ledger:write-auto-backup', { reason: 'quit', json: 'not a backup' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The handled (here: refused) quit backup lets the quit go on.
    expect(fake.app.quit).toHaveBeenCalledTimes(2);
  });
});
