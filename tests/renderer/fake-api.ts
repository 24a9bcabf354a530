/**
 * The preload's `window.api` as a test double: every method a `vi.fn` with a harmless answer
 * (dialogs canceled, backups written, sharing off), installed on `window`. A test changes
 * the answers it cares about (`api.writeAutoBackup.mockResolvedValue(…)`) and fires menu
 * commands with `fire`. One double, so a new preload method is added in one place.
 */
import { act } from '@testing-library/react';
import { vi } from 'vitest';
import type {
  AutoBackupInfo,
  AutoBackupRequest,
  AutoBackupResult,
  LedgerApi,
  MenuCommand,
  OpenTextResult,
  QuitAnswer,
  SaveResult,
  SharingSaveRequest,
  SharingSaveResult,
  SharingStatus,
} from '../../shared/ipc/contract';

const SHARING_OFF: SharingStatus = { settings: null, passwordKept: null, notice: null };

export function installFakeApi() {
  let listener: ((c: MenuCommand) => void) | undefined;
  const api = {
    savePdf: vi.fn((_: { suggestedName: string; bytes: Uint8Array }) =>
      Promise.resolve<SaveResult>({ status: 'saved', fileName: 'packet.pdf' }),
    ),
    saveText: vi.fn(({ suggestedName }: { suggestedName: string; kind?: string; text?: string }) =>
      Promise.resolve<SaveResult>({ status: 'saved', fileName: suggestedName }),
    ),
    openTextFile: vi.fn((_?: unknown) => Promise.resolve<OpenTextResult>({ status: 'canceled' })),
    openCsvFile: vi.fn(() => Promise.resolve({ status: 'canceled' as const })),
    writeAutoBackup: vi.fn((_: AutoBackupRequest) =>
      Promise.resolve<AutoBackupResult>({ status: 'written', fileName: 'auto-x.json', kept: 1, removed: 0 }),
    ),
    listAutoBackups: vi.fn(() => Promise.resolve<AutoBackupInfo[]>([])),
    readAutoBackup: vi.fn((_: { fileName: string }) =>
      Promise.resolve<OpenTextResult>({ status: 'canceled' }),
    ),
    appInfo: vi.fn(() =>
      Promise.resolve({ name: 'x', version: '9.9.9', userDataPath: '', backupsPath: '', keepBackups: 30 }),
    ),
    openDataFolder: vi.fn(() => Promise.resolve()),
    answerQuit: vi.fn((_: { answer: QuitAnswer }) => Promise.resolve()),
    setSampleOpen: vi.fn((_: { open: boolean }) => Promise.resolve()),
    getSharing: vi.fn(() => Promise.resolve(SHARING_OFF)),
    saveSharing: vi.fn((_: SharingSaveRequest) =>
      Promise.resolve<SharingSaveResult>({ ok: false, message: 'not in this test' }),
    ),
    sharingPassword: vi.fn(() => Promise.resolve<string | null>(null)),
    setSharingActive: vi.fn((_: { active: boolean }) => Promise.resolve(SHARING_OFF)),
    forgetSharing: vi.fn(() => Promise.resolve({ ok: true as const })),
    reloadForSharing: vi.fn(() => Promise.resolve()),
    onMenuCommand: vi.fn((l: (c: MenuCommand) => void) => {
      listener = l;
      return () => {
        listener = undefined;
      };
    }),
  } satisfies LedgerApi;
  (window as Window & { api?: LedgerApi }).api = api;
  return { api, fire: (c: MenuCommand) => act(() => listener?.(c)) };
}
