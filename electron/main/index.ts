/**
 * The main process: pins the data folder, takes the single-instance lock, hardens
 * every window, serves the renderer from app://ledger, registers the IPC handlers
 * and the menu, and runs the quit-time backup handshake.
 *
 * Order matters: userData is pinned first, before the single-instance lock, the
 * session or IndexedDB can touch the default folder.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, safeStorage, session, shell } from 'electron';
import { eventChannels } from '../../shared/ipc/contract';
import type { AppInfo, MenuCommand } from '../../shared/ipc/contract';
import { createBackupStore, describeFsError } from './backups';
import * as dialogs from './dialogs';
import { registerIpcHandlers } from './ipc';
import { buildMenuTemplate } from './menu';
import { backupsFolder, DATA_FOLDER_NAME, pinUserDataPath } from './paths';
import { registerAppScheme, serveRenderer } from './protocol';
import { createSharingService, createSharingStore } from './sharing';
import { createQuitBackup } from './quit';
import type { QuitBackup } from './quit';
import {
  APP_ENTRY_URL,
  contentSecurityPolicy,
  createSecureWindow,
  createSenderCheck,
  developmentSwitches,
  hardenSession,
  installAppWideGuards,
  trustedOrigins,
} from './security';

const userData = pinUserDataPath(app);
// Every renderer is sandboxed, whatever a window's options say.
app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // Two instances would fight over the same IndexedDB files: hand over to the first one.
  app.quit();
} else {
  start();
}

function start(): void {
  // electron-vite dev serves the renderer over HTTP; an installed build never does (security.ts).
  const switches = developmentSwitches(app, process.env);
  const devServerUrl = switches.devServerUrl;
  const origins = trustedOrigins(devServerUrl);
  installAppWideGuards(app, origins);

  const backups = createBackupStore({ dir: backupsFolder(userData) });
  // Before anything can write: a crash or power cut may have left half-written temporary files.
  void backups.removeStale().catch(() => 0);
  let window: BrowserWindow | null = null;
  let quitBackup: QuitBackup | null = null;

  const sendMenuCommand = (command: MenuCommand): boolean => {
    if (!window || window.isDestroyed() || window.webContents.isCrashed()) return false;
    window.webContents.send(eventChannels.menuCommand, command);
    return true;
  };

  const openDataFolder = async (): Promise<void> => {
    const folder = backupsFolder(userData);
    let problem: string;
    try {
      await mkdir(folder, { recursive: true });
      problem = await shell.openPath(folder);
    } catch (e) {
      problem = describeFsError(e);
    }
    if (problem !== '') {
      await dialog.showMessageBox({
        type: 'warning',
        message: 'The data folder could not be opened.',
        detail: `${folder}\n${problem}`,
      });
    }
  };

  const appInfo = (): AppInfo => ({
    name: DATA_FOLDER_NAME,
    version: app.getVersion(),
    userDataPath: userData,
    backupsPath: backups.dir,
    keepBackups: backups.keep,
  });

  function createWindow(): void {
    const win = createSecureWindow(
      {
        title: DATA_FOLDER_NAME,
        width: 1200,
        height: 820,
        minWidth: 720,
        minHeight: 520,
        backgroundColor: '#ffffff',
      },
      join(import.meta.dirname, '../preload/index.cjs'),
      switches,
    );
    window = win;
    const handshake = createQuitBackup({ request: () => sendMenuCommand('autoBackupOnQuit') });
    quitBackup = handshake;

    win.once('ready-to-show', () => win.show());
    // Closing the window ends the session: back up first (the renderer holds the data).
    win.on('close', (event) => {
      if (handshake.done) return;
      event.preventDefault();
      void handshake.run().then((quit) => {
        if (quit && !win.isDestroyed()) win.close();
      });
    });
    win.on('closed', () => {
      if (window === win) window = null;
    });
    void win.loadURL(devServerUrl ?? APP_ENTRY_URL);
  }

  app.on('second-instance', () => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });

  app.on('before-quit', (event) => {
    const handshake = quitBackup;
    if (!window || window.isDestroyed() || !handshake || handshake.done) return;
    event.preventDefault();
    void handshake.run().then((quit) => {
      if (quit) app.quit();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    // After ready (safeStorage needs it) and before the window: the page's policy depends on it.
    const sharingStore = createSharingStore({
      dir: userData,
      safeStorage,
      platform: process.platform,
      warn: (message) => console.warn(message),
    });
    sharingStore.load();
    // Read on every response: a page loaded after Town › Sharing changed gets the new connect-src.
    const policy = () => contentSecurityPolicy(sharingStore.origin());
    hardenSession(session.defaultSession, origins, policy);
    serveRenderer(join(import.meta.dirname, '../renderer'), policy);
    registerIpcHandlers(ipcMain, {
      isTrustedSender: createSenderCheck(
        () => (window && !window.isDestroyed() ? window.webContents : null),
        origins,
      ),
      windowOf: (event) => BrowserWindow.fromWebContents(event.sender),
      backups,
      dialogs,
      appInfo,
      openDataFolder,
      onQuitBackupHandled: () => quitBackup?.settle(),
      onQuitAnswer: (answer) => (answer === 'asking' ? quitBackup?.hold() : quitBackup?.cancel()),
      setSampleOpen: (open) => {
        const item = Menu.getApplicationMenu()?.getMenuItemById('startOwnTown');
        if (item) item.visible = open;
      },
      sharing: createSharingService(sharingStore, (url, init) => net.fetch(url, init)),
      reloadWindow: (win) => win.webContents.reload(),
    });
    app.setAboutPanelOptions({
      applicationName: DATA_FOLDER_NAME,
      applicationVersion: app.getVersion(),
      copyright: 'MIT License',
      credits: `Your records are stored on this computer only.\nAutomatic backups: ${backups.dir}`,
    });
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          platform: process.platform,
          appName: DATA_FOLDER_NAME,
          isDevelopment: switches.developerMenuItems,
          send: (command) => void sendMenuCommand(command),
          openDataFolder: () => void openDataFolder(),
        }),
      ),
    );
    createWindow();
    app.on('activate', () => {
      // macOS: clicking the Dock icon with no window open opens one again.
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
}
