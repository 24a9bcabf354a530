/**
 * What every `ledger` subcommand shares: the I/O it is given (so tests run it
 * in-process), the error type that becomes one line on stderr and exit code 2,
 * and helpers to read flags, years, dates and backup files.
 */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { parseBackup, parseBackupBytes } from '../../shared/backup/parse';
import type { ParseStage } from '../../shared/backup/parse';
import { isoDateSchema } from '../../shared/domain/schema';
import type { IsoDate, TownData } from '../../shared/domain/schema';

/** Everything a command may touch outside itself. `ledger.ts` wires it to the real process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /**
   * Reads a file; rejects with a Node error (code ENOENT, ...) when it cannot. Bytes are
   * decoded as strict UTF-8 by the backup reader (a string is taken as already decoded).
   */
  readFile: (path: string) => Promise<string | Uint8Array>;
  /** Writes a file (for commands that produce one, e.g. the packet). */
  writeFile?: (path: string, data: string | Uint8Array) => Promise<void>;
  /** Today's date in the local time zone. */
  today: () => IsoDate;
  /**
   * The names of the entries of a folder, or null when `path` is not a folder (a file, or
   * nothing at all); `ledger check FOLDER` reads every `*.json` in it. Absent: no folders.
   */
  listFolder?: (path: string) => Promise<string[] | null>;
  /** The environment (`ledger pull` reads the server's user name and password from it). Absent: empty. */
  env?: Readonly<Record<string, string | undefined>>;
  /** HTTP requests (`ledger pull`). Absent: this ledger cannot reach a server. */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  /** The current time (a pulled backup's `exportedAt`). Absent: the clock. */
  now?: () => Date;
}

export interface CliCommand {
  name: string;
  /** One line for `ledger --help`. */
  summary: string;
  /** Full usage text for `ledger <name> --help`. */
  usage: string;
  /** Returns the exit code; throws `CliError` for anything the user must fix. */
  run: (args: string[], io: CliIo) => Promise<number>;
}

export const EXIT_OK = 0;
/** Unexpected internal failure. */
export const EXIT_FAILURE = 1;
/** The user's input is wrong: file, flags, year, date. */
export const EXIT_USAGE = 2;

/** A problem the user must fix: printed as `ledger: <line>` (one line, or a short list), exit 2. */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly lines: string[];
  constructor(lines: string | string[]) {
    const all = typeof lines === 'string' ? [lines] : lines;
    super(all.join('\n'));
    this.lines = all;
  }
}

/** Most schema errors listed for one file; the rest are counted. */
export const MAX_ERROR_LINES = 10;

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
type StrictConfig<T extends OptionsConfig> = {
  args: string[];
  options: T;
  allowPositionals: true;
  strict: true;
};

/** `node:util` parseArgs with strict checking, its errors turned into one clear line. */
export function parseCommandArgs<T extends OptionsConfig>(
  command: string,
  args: string[],
  options: T,
): ReturnType<typeof parseArgs<StrictConfig<T>>> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    // Node's messages run on with advice about '--'; the first sentence is the useful part.
    const message = (e instanceof Error ? e.message : String(e))
      .split('\n')[0]!
      .split('. ')[0]!
      .replace(/\.$/, '');
    throw new CliError(`${command}: ${message} (see 'ledger ${command} --help')`);
  }
}

/** A certification year: four digits, 2000–2200 (the schema's range). */
export function parseYear(value: string | undefined, flag = '--year'): number {
  if (value === undefined) throw new CliError(`missing ${flag} <YYYY>`);
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || year < 2000 || year > 2200) {
    throw new CliError(`${flag} must be a year from 2000 to 2200, not '${value}'`);
  }
  return year;
}

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30). */
export function parseIsoDate(value: string, flag: string): IsoDate {
  if (!isoDateSchema.safeParse(value).success) {
    throw new CliError(`${flag} must be a calendar date written YYYY-MM-DD, not '${value}'`);
  }
  return value;
}

function describeReadError(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return `could not read the file (${e instanceof Error ? e.message : String(e)})`;
  }
}

/** Files bigger than this (10 MB) get progress lines on stderr while they are read and checked. */
export const PROGRESS_BYTES = 10 * 1024 * 1024;

const stageWords: Record<ParseStage, string> = {
  json: 'reading the records',
  checksum: 'verifying the checksum',
  schema: 'checking every record',
  references: 'checking the records fit together',
};

/** Reads and validates a backup file; every problem becomes a `CliError` naming the file. */
export async function readBackupFile(path: string, io: CliIo): Promise<TownData> {
  let content: string | Uint8Array;
  try {
    content = await io.readFile(path);
  } catch (e) {
    throw new CliError(`${path}: ${describeReadError(e)}`);
  }
  const size = typeof content === 'string' ? content.length : content.byteLength;
  // A big file takes seconds: say what is happening on stderr (stdout stays the command's output).
  const onStage =
    size > PROGRESS_BYTES
      ? (stage: ParseStage) => io.stderr(`ledger: ${path}: ${stageWords[stage]}…\n`)
      : undefined;
  const parsed =
    typeof content === 'string' ? parseBackup(content, onStage) : parseBackupBytes(content, onStage);
  if (parsed.ok) return parsed.backup.data;
  const lines = parsed.errors
    .slice(0, MAX_ERROR_LINES)
    .map((err) => `${path}: ${err.path ? `${err.path}: ` : ''}${err.message}`);
  const more = parsed.errors.length - MAX_ERROR_LINES;
  if (more > 0) lines.push(`${path}: ... and ${more} more problem${more === 1 ? '' : 's'}`);
  throw new CliError(lines);
}
