/**
 * The full check of a backup (strict UTF-8, JSON, checksum, unknown fields,
 * schema, cross-references) as one function with progress, shared by the restore
 * worker and the in-thread fallback. Pure: no DOM, no database.
 */
import { decodeBackupBytes, parseBackup, summariseBackup } from '../../../shared/backup';
import type { BackupError, BackupPreview, ParseStage } from '../../../shared/backup';
import type { TownData } from '../../../shared/domain/schema';

/** What the check is doing, for the progress line. */
export type CheckStage = 'decode' | ParseStage;

/** The file as it reached the renderer: bytes from a browser file picker, text from the desktop app's main process. */
export type BackupInput = { bytes: Uint8Array } | { text: string };

/** Accepted: what the preview shows and the validated data the restore writes. */
export type BackupCheckResult =
  { ok: true; preview: BackupPreview; data: TownData } | { ok: false; errors: BackupError[] };

export function checkBackup(input: BackupInput, onStage: (stage: CheckStage) => void): BackupCheckResult {
  let text: string;
  if ('bytes' in input) {
    onStage('decode');
    const decoded = decodeBackupBytes(input.bytes);
    if (!decoded.ok) return decoded;
    text = decoded.text;
  } else text = input.text;
  const parsed = parseBackup(text, onStage);
  if (!parsed.ok) return parsed;
  return { ok: true, preview: summariseBackup(parsed.backup, parsed.checksum), data: parsed.backup.data };
}

/** Bigger than this, the restore dialog shows its progress and a Cancel button (smaller files finish in a blink). */
export const SHOW_PROGRESS_BYTES = 2 * 1024 * 1024;

/** The size of an input in bytes (UTF-16 length is close enough for text: it only picks the dialog). */
export const inputSize = (input: BackupInput): number =>
  'bytes' in input ? input.bytes.byteLength : input.text.length;
