/**
 * The application menu in each platform's conventions: on macOS the app menu
 * (About, Hide, Quit) comes first and Quit is not in File; on Windows and Linux
 * File ends with Exit/Quit (the `quit` role picks the platform's word).
 * Commands that work on the data are sent to the renderer, which owns it.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/contract';

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  /** Development builds get the developer tools in View. */
  isDevelopment: boolean;
  send(command: MenuCommand): void;
  openDataFolder(): void;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  // `&` marks the Alt-key mnemonic on Windows and Linux; macOS has none, so leave it out there.
  const top = (label: string): string => (mac ? label.replace('&', '') : label);
  const command = (label: string, id: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    id,
    ...(accelerator ? { accelerator } : {}),
    click: () => options.send(id),
  });

  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };

  const file: MenuItemConstructorOptions = {
    label: top('&File'),
    submenu: [
      command('New backup…', 'newBackup', 'CmdOrCtrl+Shift+S'),
      command('Restore from backup…', 'restoreBackup'),
      command('Merge a backup…', 'mergeBackup'),
      { type: 'separator' },
      command('Import people from CSV…', 'importPeopleCsv', 'CmdOrCtrl+I'),
      command('Create packet…', 'createPacket', 'CmdOrCtrl+P'),
      { type: 'separator' },
      // Shown only while the sample town is open (the renderer tells main: setSampleOpen).
      { ...command('Start my own town…', 'startOwnTown'), visible: false },
      command('Erase this computer’s records…', 'eraseRecords'),
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: top('&View'),
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(options.isDevelopment
        ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const]
        : []),
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: top('&Help'),
    ...(mac ? { role: 'help' as const } : {}),
    submenu: [
      { label: `About ${options.appName}`, role: 'about' },
      { label: 'Open data folder', id: 'openDataFolder', click: () => options.openDataFolder() },
    ],
  };

  return [
    ...(mac ? [appMenu] : []),
    file,
    { label: top('&Edit'), role: 'editMenu' },
    view,
    ...(mac ? [{ role: 'windowMenu' } as const] : []),
    help,
  ];
}
