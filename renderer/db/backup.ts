/**
 * Backup and restore between the database and the backup file format
 * (`shared/backup/`). A restore validates the whole file first (schema and
 * cross-references), then replaces every table in ONE transaction: it either
 * completes or leaves the data exactly as it was.
 */
import { parseBackup, serializeBackup } from '../../shared/backup';
import type { BackupError } from '../../shared/backup';
import type { TownData } from '../../shared/domain/schema';
import { loadTownData, NoTownError, replaceAllData } from './repositories';
import type { AppDB } from './schema';

/** How many records a backup holds (the restore preview and the import result show these). */
export interface BackupCounts {
  people: number;
  series: number;
  trainings: number;
  sessions: number;
  attendance: number;
  partners: number;
  certifications: number;
  coaching: number;
  optimizeForEquity: number;
  /** Packets marked as submitted, each with its frozen PDF. */
  submissions: number;
}

export type ImportResult = { ok: true; counts: BackupCounts } | { ok: false; errors: BackupError[] };

/** What the restore dialog shows before the user confirms. */
export interface BackupPreview {
  townName: string;
  certificationYear: number;
  exportedAt: string;
  appVersion: string;
  counts: BackupCounts;
}

export type PreviewResult = { ok: true; preview: BackupPreview } | { ok: false; errors: BackupError[] };

export function countsOf(data: TownData): BackupCounts {
  return {
    people: data.people.length,
    series: data.series.length,
    trainings: data.trainings.length,
    sessions: data.sessions.length,
    attendance: data.attendance.length,
    partners: data.partners.length,
    certifications: data.certifications.length,
    coaching: data.coaching.length,
    optimizeForEquity: data.optimizeForEquity.length,
    submissions: data.submissions.length,
  };
}

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
  const { data, exportedAt, app } = parsed.backup;
  return {
    ok: true,
    preview: {
      townName: data.town.name,
      certificationYear: data.town.certificationYear,
      exportedAt,
      appVersion: app.version,
      counts: countsOf(data),
    },
  };
}

/**
 * Replaces everything stored with the backup's data. Validated in full before any
 * write; then one transaction, so a failure (even a thrown error half-way) leaves the
 * database untouched and comes back as `{ ok: false }` with a plain-English message.
 */
export async function importBackup(db: AppDB, text: string): Promise<ImportResult> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  try {
    await replaceAllData(db, parsed.backup.data);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      errors: [{ path: '', message: `the backup could not be saved (${reason}); nothing was changed` }],
    };
  }
  return { ok: true, counts: countsOf(parsed.backup.data) };
}

/** Loads a sample town from its backup text (the first-run guide's "Try the sample"). */
export function loadSample(db: AppDB, backupText: string): Promise<ImportResult> {
  return importBackup(db, backupText);
}
