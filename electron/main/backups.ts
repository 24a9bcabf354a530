/**
 * Automatic backups in `<userData>/backups`.
 *
 * - 'daily': at most one per calendar day (the user's local day); later ones that day are skipped.
 * - 'quit': written on quit, unless nothing changed since the newest backup (so quitting
 *   ten times a day does not push a month of history out of the folder).
 * - 'beforeRestore': always written, before a restore replaces the data.
 * - 'beforeErase': always written, before "Erase this computer's records" clears everything.
 *
 * The newest `keep` files are kept; older ones are deleted, except that the newest
 * backup that fully validates is never deleted, even when it is older than `keep`.
 * File names are made here and nowhere else; `read` accepts only names of that
 * exact shape that exist in the folder, so a renderer can never name a path.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { format } from 'date-fns';
import { BACKUP_FORMAT, parseBackup } from '../../shared/backup';
import type {
  AutoBackupInfo,
  AutoBackupReason,
  AutoBackupResult,
  OpenTextResult,
} from '../../shared/ipc/contract';

/** How many automatic backups are kept unless configured otherwise. */
export const DEFAULT_KEEP_BACKUPS = 30;

/** The largest backup text main accepts or reads back (a town's data is a few MB at most). */
export const MAX_BACKUP_CHARS = 64 * 1024 * 1024;

export const autoBackupReasons = [
  'daily',
  'quit',
  'beforeRestore',
  'beforeErase',
] as const satisfies readonly AutoBackupReason[];

/**
 * `auto-2026-03-01T14-05-09-123Z-daily.json`: a UTC timestamp (sorts by time as text,
 * no daylight-saving ambiguity) and the reason. Nothing else in the folder is ours.
 */
const FILE_NAME =
  /^auto-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-(daily|quit|beforeRestore|beforeErase)\.json$/;

interface ParsedName {
  fileName: string;
  writtenAt: Date;
  reason: AutoBackupReason;
}

/** The name an automatic backup written at `at` for `reason` gets. */
export function backupFileName(at: Date, reason: AutoBackupReason): string {
  const stamp = at.toISOString().replace(/:/g, '-').replace('.', '-');
  return `auto-${stamp}-${reason}.json`;
}

/** Parses one of our file names; null for anything else (other files, `..`, paths). */
export function parseBackupFileName(fileName: string): ParsedName | null {
  const m = FILE_NAME.exec(fileName);
  if (!m) return null;
  const [, day, hh, mm, ss, ms, reason] = m;
  const writtenAt = new Date(`${day}T${hh}:${mm}:${ss}.${ms}Z`);
  if (
    Number.isNaN(writtenAt.getTime()) ||
    backupFileName(writtenAt, reason as AutoBackupReason) !== fileName
  ) {
    return null;
  }
  return { fileName, writtenAt, reason: reason as AutoBackupReason };
}

/** A file-system error in words a clerk can act on. */
export function describeFsError(e: unknown): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the disk is read-only';
    case 'EEXIST':
    case 'ENOTDIR':
      return 'a file with the same name is in the way';
    case 'ENOENT':
      return 'the folder does not exist';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

export interface BackupStoreOptions {
  /** The backups folder (created when needed). */
  dir: string;
  /** How many to keep (at least 1). */
  keep?: number;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
}

export interface BackupStore {
  readonly dir: string;
  readonly keep: number;
  write(reason: AutoBackupReason, json: string): Promise<AutoBackupResult>;
  /** Newest first. */
  list(): Promise<AutoBackupInfo[]>;
  read(fileName: string): Promise<OpenTextResult>;
}

/** The `format` marker and `data` of a backup text, or null when it is not backup-shaped JSON. */
function backupShape(json: string): { data: unknown } | null {
  try {
    const raw: unknown = JSON.parse(json);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
    const doc = raw as Record<string, unknown>;
    return doc.format === BACKUP_FORMAT && 'data' in doc ? { data: doc.data } : null;
  } catch {
    return null;
  }
}

export function createBackupStore(options: BackupStoreOptions): BackupStore {
  const dir = options.dir;
  const keep = Math.max(1, Math.floor(options.keep ?? DEFAULT_KEEP_BACKUPS));
  const now = options.now ?? (() => new Date());

  /** Our files, newest first. A missing folder is an empty list. */
  async function ours(): Promise<ParsedName[]> {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (e) {
      if (typeof e === 'object' && e !== null && 'code' in e && e.code === 'ENOENT') return [];
      throw e;
    }
    return names
      .map(parseBackupFileName)
      .filter((p): p is ParsedName => p !== null)
      .sort((a, b) => b.writtenAt.getTime() - a.writtenAt.getTime() || b.fileName.localeCompare(a.fileName));
  }

  async function isGood(fileName: string): Promise<boolean> {
    try {
      return parseBackup(await readFile(join(dir, fileName), 'utf8')).ok;
    } catch {
      return false;
    }
  }

  /** Deletes all but the newest `keep`, sparing the newest good backup if none of the kept ones is good. */
  async function rotate(): Promise<number> {
    const all = await ours();
    if (all.length <= keep) return 0;
    const kept = all.slice(0, keep);
    const older = all.slice(keep);
    let keptGood = false;
    for (const b of kept) {
      if (await isGood(b.fileName)) {
        keptGood = true;
        break;
      }
    }
    let spare: string | null = null;
    if (!keptGood) {
      for (const b of older) {
        if (await isGood(b.fileName)) {
          spare = b.fileName;
          break;
        }
      }
    }
    let removed = 0;
    for (const b of older) {
      if (b.fileName === spare) continue;
      try {
        await rm(join(dir, b.fileName));
        removed += 1;
      } catch {
        // An old file that cannot be deleted costs disk space, not data: try again next time.
      }
    }
    return removed;
  }

  async function unchangedSinceNewest(json: string, newest: ParsedName | undefined): Promise<boolean> {
    if (!newest) return false;
    const incoming = backupShape(json);
    try {
      const previous = backupShape(await readFile(join(dir, newest.fileName), 'utf8'));
      return (
        incoming !== null &&
        previous !== null &&
        JSON.stringify(incoming.data) === JSON.stringify(previous.data)
      );
    } catch {
      return false;
    }
  }

  return {
    dir,
    keep,

    async write(reason, json) {
      if (json.length > MAX_BACKUP_CHARS) {
        return { status: 'error', message: 'the backup is too large to write' };
      }
      // Not a full validation: a backup of data that no longer validates must still be written.
      if (backupShape(json) === null) {
        return { status: 'error', message: 'the data sent for the automatic backup is not a backup file' };
      }
      const at = now();
      try {
        await mkdir(dir, { recursive: true });
        const existing = await ours();
        if (reason === 'daily') {
          const today = format(at, 'yyyy-MM-dd');
          if (existing.some((b) => b.reason === 'daily' && format(b.writtenAt, 'yyyy-MM-dd') === today)) {
            return { status: 'skipped', why: `today's automatic backup already exists` };
          }
        }
        if (reason === 'quit' && (await unchangedSinceNewest(json, existing[0]))) {
          return { status: 'skipped', why: 'nothing changed since the last automatic backup' };
        }
        let fileName = backupFileName(at, reason);
        // Two backups for the same reason in one millisecond: move the second one on.
        for (let bump = 1; existing.some((b) => b.fileName === fileName); bump += 1) {
          fileName = backupFileName(new Date(at.getTime() + bump), reason);
        }
        // Write to a temporary name and rename, so a crash never leaves half a file under our name.
        const partial = join(dir, `.partial-${randomUUID()}.tmp`);
        try {
          await writeFile(partial, json, { encoding: 'utf8', flag: 'wx' });
          await rename(partial, join(dir, fileName));
        } catch (e) {
          await rm(partial, { force: true }).catch(() => undefined);
          throw e;
        }
        const removed = await rotate();
        const kept = (await ours()).length;
        return { status: 'written', fileName, kept, removed };
      } catch (e) {
        return {
          status: 'error',
          message: `the backups folder ${dir} cannot be written (${describeFsError(e)})`,
        };
      }
    },

    async list() {
      const all = await ours();
      const infos: AutoBackupInfo[] = [];
      for (const b of all) {
        try {
          const info = await stat(join(dir, b.fileName));
          if (info.isFile()) {
            infos.push({ fileName: b.fileName, writtenAt: b.writtenAt.toISOString(), bytes: info.size });
          }
        } catch {
          // Deleted between readdir and stat: leave it out.
        }
      }
      return infos;
    },

    async read(fileName) {
      if (parseBackupFileName(fileName) === null) {
        return { status: 'error', message: 'that is not the name of an automatic backup' };
      }
      const names = (await ours()).map((b) => b.fileName);
      if (!names.includes(fileName)) {
        return { status: 'error', message: `the automatic backup ${fileName} no longer exists` };
      }
      try {
        const path = join(dir, fileName);
        const info = await stat(path);
        if (info.size > MAX_BACKUP_CHARS)
          return { status: 'error', message: 'the backup is too large to read' };
        return { status: 'opened', fileName, text: await readFile(path, 'utf8') };
      } catch (e) {
        return { status: 'error', message: `the automatic backup could not be read (${describeFsError(e)})` };
      }
    },
  };
}
