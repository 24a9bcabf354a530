/**
 * Backup and restore between the database and the backup file format
 * (`shared/backup/`). A restore validates the whole file first (schema and
 * cross-references), then replaces every table in ONE transaction: it either
 * completes or leaves the data exactly as it was.
 */
import { countsOf, parseBackup, serializeBackup, summariseBackup } from '../../shared/backup';
import type { BackupCounts, BackupError, BackupPreview } from '../../shared/backup';
import type { TownData } from '../../shared/domain/schema';
import { loadTownData, NoTownError, replaceAllData } from './repositories';
import type { AppDB } from './schema';

export type { BackupCounts, BackupPreview } from '../../shared/backup';
export { countsOf } from '../../shared/backup';

export type ImportResult = { ok: true; counts: BackupCounts } | { ok: false; errors: BackupError[] };

export type PreviewResult = { ok: true; preview: BackupPreview } | { ok: false; errors: BackupError[] };

/**
 * The backup text of everything stored. `exportedAt` defaults to now.
 * Throws `NoTownError` before the first-run guide has created a town.
 */
export async function exportBackup(
  db: AppDB,
  meta: { appVersion: string; exportedAt?: string },
): Promise<string> {
  const data = await loadTownData(db);
  if (data === null) throw new NoTownError();
  return serializeBackup(data, {
    exportedAt: meta.exportedAt ?? new Date().toISOString(),
    appVersion: meta.appVersion,
  });
}

/** Reads a backup for the restore preview without touching the database. */
export function previewBackup(text: string): PreviewResult {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  return { ok: true, preview: summariseBackup(parsed.backup, parsed.checksum) };
}

/**
 * Replaces everything stored with the backup's data. Validated in full before any
 * write; then one transaction, so a failure (even a thrown error half-way) leaves the
 * database untouched and comes back as `{ ok: false }` with a plain-English message.
 */
export async function importBackup(db: AppDB, text: string): Promise<ImportResult> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  return importCheckedData(db, parsed.backup.data);
}

/**
 * Replaces everything stored with data a full backup check already accepted (the
 * restore worker's answer, so a large file is not parsed twice on the main thread).
 * Still one transaction: a failure leaves the database untouched.
 */
export async function importCheckedData(db: AppDB, data: TownData): Promise<ImportResult> {
  try {
    await replaceAllData(db, data);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      errors: [{ path: '', message: `the backup could not be saved (${reason}); nothing was changed` }],
    };
  }
  return { ok: true, counts: countsOf(data) };
}

/** Loads a sample town from its backup text (the first-run guide's "Try the sample"). */
export function loadSample(db: AppDB, backupText: string): Promise<ImportResult> {
  return importBackup(db, backupText);
}
