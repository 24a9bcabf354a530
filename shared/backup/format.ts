/**
 * The backup file format: one JSON document holding everything the app stores.
 *
 * ```json
 * { "format": "equity-training-ledger-backup", "formatVersion": 2,
 *   "exportedAt": "2026-03-01T14:05:00.000Z",
 *   "app": { "name": "Equity Training Ledger", "version": "0.1.0" },
 *   "dataSha256": "<64 hex digits>",
 *   "data": { ...TownData } }
 * ```
 *
 * The payload is `townDataSchema` itself, so the importer, the rules engine's input
 * and the published JSON Schema (`resources/backup-format.schema.json`) cannot drift.
 * A change to the payload that an older app could not read bumps `formatVersion`.
 *
 * Versions: 1 (release 0.1.0) had no checksum. 2 adds `dataSha256`, the SHA-256 of
 * the canonical form of `data` (`canonical.ts`), and the town's `submissions`.
 * Version 1 files still restore; a file without a checksum gets a note in the preview.
 */
import { z } from 'zod';
import { townDataSchema } from '../domain/schema';
import type { TownData } from '../domain/schema';
import { dataChecksum } from './canonical';

/** The `format` marker every backup carries. */
export const BACKUP_FORMAT = 'equity-training-ledger-backup';
/** The format version this build writes and the newest it reads. */
export const BACKUP_FORMAT_VERSION = 2;
/** The oldest format version this build still reads. */
export const OLDEST_BACKUP_FORMAT_VERSION = 1;
/** The app name written into `app.name`. */
export const APP_NAME = 'Equity Training Ledger';

export const backupSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.union([z.literal(OLDEST_BACKUP_FORMAT_VERSION), z.literal(BACKUP_FORMAT_VERSION)]),
    /** When the file was written, an ISO 8601 date and time with offset or `Z`. */
    exportedAt: z.iso.datetime({ offset: true, error: 'must be a date and time like 2026-03-01T14:05:00Z' }),
    app: z.object({
      name: z.string().trim().min(1, 'App name is required').max(200),
      version: z.string().trim().max(100).default(''),
    }),
    /**
     * SHA-256 of the canonical form of `data` (see canonical.ts), 64 lowercase hex digits.
     * Every backup the app writes since format 2 has it; hand-made files may leave it out.
     */
    dataSha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hexadecimal digits (a SHA-256)')
      .optional(),
    data: townDataSchema,
  })
  .meta({
    title: 'Equity Training Ledger backup',
    description:
      'Everything Equity Training Ledger stores about one town: roster, trainings, sessions, attendance, partners, certification history, coaching and Optimize for Equity entries.',
  });
export type Backup = z.infer<typeof backupSchema>;

/** Keys in the order they are written, so two exports of the same data are byte-identical. */
function ordered(data: TownData): TownData {
  // Parsing rebuilds every object in the schema's key order; if stored data somehow
  // no longer validates, write it as it is: a backup must never be refused.
  const parsed = townDataSchema.safeParse(data);
  return parsed.success ? parsed.data : data;
}

/** Pretty JSON (two spaces, trailing newline) with a stable key order and the checksum of `data`. */
export function serializeBackup(data: TownData, meta: { exportedAt: string; appVersion: string }): string {
  const payload = ordered(data);
  const doc = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    exportedAt: meta.exportedAt,
    app: { name: APP_NAME, version: meta.appVersion },
    // Over the very object written below: JSON.parse of the file gives it back exactly.
    dataSha256: dataChecksum(payload),
    data: payload,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The JSON Schema (draft 2020-12) of what a backup file may contain (`io: 'input'`: defaults may be omitted). */
export function backupJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(backupSchema, { io: 'input' });
}

/** The exact text of `resources/backup-format.schema.json`; regenerate with `npm run schema:write`. */
export function backupJsonSchemaText(): string {
  return `${JSON.stringify(backupJsonSchema(), null, 2)}\n`;
}
