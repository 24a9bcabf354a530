/**
 * Plain words for the automatic backups the app lists: when each was written,
 * why, and how big it is. Written for a clerk, not for a file browser.
 */
import { format } from 'date-fns';

/** e.g. "Monday, March 2, 2026 at 9:15 AM", in this computer's time zone. */
export function formatWrittenAt(iso: string): string {
  // An instant (when the file was written), not a calendar date, so a Date is right here.
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return format(d, "EEEE, MMMM d, yyyy 'at' h:mm a");
}

/** e.g. "512 bytes", "42 KB", "1.5 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(1)} GB`;
}

const reasonLabels: Record<string, string> = {
  daily: 'Daily backup',
  quit: 'When the app was closed',
  beforeRestore: 'Just before a restore',
  beforeErase: 'Just before the records were erased',
  beforeMerge: 'Just before a backup was merged',
};

/**
 * Why the app wrote an automatic backup, from the reason main puts at the end of
 * its file names (`auto-<time>-<reason>.json`, electron/main/backups.ts). An
 * unknown name just gets a neutral label rather than a guess.
 */
export function autoBackupKind(fileName: string): string {
  const reason = /-([A-Za-z]+)\.json$/.exec(fileName)?.[1];
  return (reason !== undefined ? reasonLabels[reason] : undefined) ?? 'Automatic backup';
}
