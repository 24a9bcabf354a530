/** The backup format: schema, writer, reader and JSON Schema. */
export {
  APP_NAME,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  backupJsonSchema,
  backupJsonSchemaText,
  backupSchema,
  serializeBackup,
} from './format';
export type { Backup } from './format';
export { crossReferenceErrors, formatPath, issuesToErrors, parseBackup, plainEnglish } from './parse';
export type { BackupError, ParseBackupResult } from './parse';
export { findJsonSyntaxProblem, lineColumn } from './json-error';
export type { JsonSyntaxProblem } from './json-error';
