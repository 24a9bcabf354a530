/**
 * One-shot requests answered by the backup flows the App shell mounts: restore one
 * automatic backup (the list in Town › Your data → RestoreFlow), and merge a backup
 * (File › Merge a backup… → MergeFlow). UI state only: the backups themselves stay in
 * main's folder or the clerk's files until chosen.
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

/** A one-shot request for File › Merge a backup… (the menu, Town › Your data), answered by the MergeFlow. */
interface MergeRequests {
  mergeRequested: boolean;
  requestMerge: () => void;
  /** True exactly once per request. */
  takeMergeRequest: () => boolean;
}

export const useMergeRequests = create<MergeRequests>((set, get) => ({
  mergeRequested: false,
  requestMerge: () => set({ mergeRequested: true }),
  takeMergeRequest: () => {
    if (!get().mergeRequested) return false;
    set({ mergeRequested: false });
    return true;
  },
}));
