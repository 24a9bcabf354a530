import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../../electron/main/menu';
import type { MenuOptions } from '../../../electron/main/menu';

const submenu = (item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] =>
  Array.isArray(item?.submenu) ? item.submenu : [];

function build(platform: NodeJS.Platform, isDevelopment = false) {
  const send = vi.fn();
  const openDataFolder = vi.fn();
  const options: MenuOptions = {
    platform,
    appName: 'Equity Training Ledger',
    isDevelopment,
    send,
    openDataFolder,
  };
  const template = buildMenuTemplate(options);
  const top = (label: string) => template.find((m) => m.label?.replace('&', '') === label);
  return { send, openDataFolder, template, top };
}

const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();

describe('buildMenuTemplate()', () => {
  it('has File, Edit, View and Help on Windows and Linux, with Quit at the end of File', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const { template, top } = build(platform);
      expect(template.map((m) => m.label?.replace('&', '') ?? m.role)).toEqual([
        'File',
        'Edit',
        'View',
        'Help',
      ]);
      const file = submenu(top('File'));
      expect(file.filter((i) => i.label).map((i) => i.label)).toEqual([
        'New backup…',
        'Restore from backup…',
        'Merge a backup…',
        'Import people from CSV…',
        'Create packet…',
        'Start my own town…',
        'Erase this computer’s records…',
      ]);
      expect(file.at(-1)?.role).toBe('quit');
    }
  });

  it('sends each File command to the renderer', () => {
    const { top, send } = build('win32');
    const file = submenu(top('File'));
    for (const id of ['newBackup', 'restoreBackup', 'mergeBackup', 'importPeopleCsv', 'createPacket']) {
      click(file.find((i) => i.id === id));
      expect(send).toHaveBeenLastCalledWith(id);
    }
  });

  it('has Start my own town (hidden until the sample is open) and Erase, both sent to the renderer', () => {
    const { top, send } = build('linux');
    const file = submenu(top('File'));
    const start = file.find((i) => i.id === 'startOwnTown');
    const erase = file.find((i) => i.id === 'eraseRecords');
    // The renderer shows it through setSampleOpen while the sample town is open.
    expect(start?.visible).toBe(false);
    expect(erase?.visible).not.toBe(false);
    click(start);
    expect(send).toHaveBeenLastCalledWith('startOwnTown');
    click(erase);
    expect(send).toHaveBeenLastCalledWith('eraseRecords');
  });

  it('follows macOS conventions: the app menu first with Quit, no Quit in File, a Window menu', () => {
    const { template, top } = build('darwin');
    expect(template[0]?.label).toBe('Equity Training Ledger');
    expect(submenu(template[0]).some((i) => i.role === 'quit')).toBe(true);
    expect(submenu(top('File')).some((i) => i.role === 'quit')).toBe(false);
    expect(template.some((m) => m.role === 'windowMenu')).toBe(true);
    expect(template.every((m) => !m.label?.includes('&'))).toBe(true);
  });

  it('has About and Open data folder in Help', () => {
    const { top, openDataFolder } = build('linux');
    const help = submenu(top('Help'));
    expect(help.map((i) => i.label)).toEqual(['About Equity Training Ledger', 'Open data folder']);
    expect(help[0]?.role).toBe('about');
    click(help[1]);
    expect(openDataFolder).toHaveBeenCalledOnce();
  });

  it('offers developer tools only in development builds', () => {
    const roles = (dev: boolean) => submenu(build('linux', dev).top('View')).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });
});
