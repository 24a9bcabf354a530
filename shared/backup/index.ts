/** The backup format: schema, writer, reader, checksum and JSON Schema. */
export {
  APP_NAME,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  OLDEST_BACKUP_FORMAT_VERSION,
  backupJsonSchema,
  backupJsonSchemaText,
  backupSchema,
  serializeBackup,
} from './format';
export type { Backup } from './format';
export { canonicalJson, dataChecksum } from './canonical';
export { decodeBackupBytes, firstInvalidUtf8Byte, recogniseText } from './bytes';
export type { DecodeResult } from './bytes';
export {
  CHECKSUM_MISMATCH,
  crossReferenceErrors,
  formatPath,
  issuesToErrors,
  parseBackup,
  parseBackupBytes,
  plainEnglish,
} from './parse';
export type { BackupError, ParseBackupResult, ParseStage } from './parse';
export { closestName, editDistance } from './unknown-keys';
export { toPlain } from './plain';
export { excessiveNesting, findJsonSyntaxProblem, lineColumn, MAX_JSON_DEPTH } from './json-error';
export type { JsonSyntaxProblem } from './json-error';
export { countsOf, summariseBackup } from './summary';
export type { BackupCounts, BackupPreview } from './summary';
