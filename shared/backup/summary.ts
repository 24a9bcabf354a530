/** What a backup holds, in the few figures the restore preview shows before anything is replaced. */
import type { TownData } from '../domain/schema';
import type { Backup } from './format';

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

/** What the restore dialog shows before the user confirms. */
export interface BackupPreview {
  townName: string;
  certificationYear: number;
  exportedAt: string;
  appVersion: string;
  counts: BackupCounts;
  /** 'missing': the file has no checksum (format 1 or hand-made), so damage could not be ruled out. */
  checksum: 'verified' | 'missing';
}

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

export function summariseBackup(backup: Backup, checksum: 'verified' | 'missing'): BackupPreview {
  const { data, exportedAt, app } = backup;
  return {
    townName: data.town.name,
    certificationYear: data.town.certificationYear,
    exportedAt,
    appVersion: app.version,
    counts: countsOf(data),
    checksum,
  };
}
