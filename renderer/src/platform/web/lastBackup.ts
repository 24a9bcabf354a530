/**
 * When the clerk last backed up in the browser (a downloaded backup file or one written to the
 * chosen backup folder). Kept in localStorage: it is a reminder, not a record, and must survive
 * a restore that replaces the whole database.
 */
const KEY = 'etl.web.lastBackupDate';

/** The last backup's date (YYYY-MM-DD), or null when there has been none in this browser. */
export function lastBackupDate(storage: Storage = localStorage): string | null {
  const value = storage.getItem(KEY);
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

const listeners = new Set<() => void>();

export function recordBackup(date: string, storage: Storage = localStorage): void {
  try {
    storage.setItem(KEY, date);
  } catch {
    // Storage full or blocked: the reminder is lost, the backup itself is not.
  }
  for (const l of listeners) l();
}

/** Called after every recorded backup; returns the unsubscribe. */
export function onBackupRecorded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD), never negative. */
export function daysBetween(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Number.isFinite(ms) ? Math.max(0, Math.round(ms / 86_400_000)) : 0;
}

/** "Last backup: today" / "yesterday" / "12 days ago" / "never in this browser". */
export function lastBackupWords(last: string | null, today: string): string {
  if (last === null) return 'No backup yet in this browser.';
  const days = daysBetween(last, today);
  if (days === 0) return 'Last backup: today.';
  if (days === 1) return 'Last backup: yesterday.';
  return `Last backup: ${days} days ago.`;
}
