/**
 * The preload: exposes `window.api`, a few narrow, named methods that satisfy the
 * IPC contract. It never exposes `ipcRenderer`, a generic `invoke(channel, ...)`
 * or the IPC event object (whose `sender` would hand the page ipcRenderer back).
 *
 * Runs sandboxed, so it is bundled to CommonJS and may import only `electron`
 * and code that electron-vite bundles in (the contract in shared/).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { eventChannels, invokeChannels, menuCommands } from '../../shared/ipc/contract';
import type { LedgerApi, MenuCommand } from '../../shared/ipc/contract';

const isMenuCommand = (value: unknown): value is MenuCommand =>
  typeof value === 'string' && (menuCommands as readonly string[]).includes(value);

export const api = {
  savePdf: (request) => ipcRenderer.invoke(invokeChannels.savePdf, request),
  saveText: (request) => ipcRenderer.invoke(invokeChannels.saveText, request),
  openTextFile: (request) => ipcRenderer.invoke(invokeChannels.openTextFile, request),
  openCsvFile: () => ipcRenderer.invoke(invokeChannels.openCsvFile),
  writeAutoBackup: (request) => ipcRenderer.invoke(invokeChannels.writeAutoBackup, request),
  listAutoBackups: () => ipcRenderer.invoke(invokeChannels.listAutoBackups),
  readAutoBackup: (request) => ipcRenderer.invoke(invokeChannels.readAutoBackup, request),
  appInfo: () => ipcRenderer.invoke(invokeChannels.appInfo),
  openDataFolder: () => ipcRenderer.invoke(invokeChannels.openDataFolder),
  answerQuit: (request) => ipcRenderer.invoke(invokeChannels.answerQuit, request),
  setSampleOpen: (request) => ipcRenderer.invoke(invokeChannels.setSampleOpen, request),
  getSharing: () => ipcRenderer.invoke(invokeChannels.getSharing),
  saveSharing: (request) => ipcRenderer.invoke(invokeChannels.saveSharing, request),
  sharingPassword: () => ipcRenderer.invoke(invokeChannels.sharingPassword),
  setSharingActive: (request) => ipcRenderer.invoke(invokeChannels.setSharingActive, request),
  forgetSharing: () => ipcRenderer.invoke(invokeChannels.forgetSharing),
  reloadForSharing: () => ipcRenderer.invoke(invokeChannels.reloadForSharing),
  onMenuCommand: (listener) => {
    if (typeof listener !== 'function') throw new TypeError('onMenuCommand needs a function');
    // Only known commands reach the page; the event object never does.
    const forward = (_event: unknown, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(eventChannels.menuCommand, forward);
    return () => {
      ipcRenderer.removeListener(eventChannels.menuCommand, forward);
    };
  },
} satisfies LedgerApi;

contextBridge.exposeInMainWorld('api', api);
