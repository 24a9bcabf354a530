/**
 * A one-shot request to restore a particular automatic backup, made by the list
 * in Town › Your data and answered by the RestoreFlow the App shell mounts. UI
 * state only: the backup itself stays in main's backups folder until chosen.
 */
import { create } from 'zustand';
import type { AutoBackupInfo } from '../../../shared/ipc/contract';

interface AutoRestoreRequests {
  autoBackupRequested: AutoBackupInfo | null;
  requestAutoBackupRestore: (backup: AutoBackupInfo) => void;
  /** Returns the pending request and clears it, so it is answered exactly once. */
  takeAutoBackupRequest: () => AutoBackupInfo | null;
}

export const useAutoRestoreRequests = create<AutoRestoreRequests>((set, get) => ({
  autoBackupRequested: null,
  requestAutoBackupRestore: (backup) => set({ autoBackupRequested: backup }),
  takeAutoBackupRequest: () => {
    const pending = get().autoBackupRequested;
    if (pending !== null) set({ autoBackupRequested: null });
    return pending;
  },
}));
