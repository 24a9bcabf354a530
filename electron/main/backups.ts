/**
 * Automatic backups in `<userData>/backups`.
 *
 * - 'daily': at most one good one per calendar day (the user's local day); later ones that day
 *   are skipped. An empty or damaged file does not count, so it never blocks the day's backup.
 * - 'quit': written on quit, unless nothing changed since the newest backup (so quitting
 *   ten times a day does not push a month of history out of the folder).
 * - 'beforeRestore': always written, before a restore replaces the data.
 * - 'beforeErase': always written, before "Erase this computer's records" clears everything.
 * - 'beforeMerge': always written, before File › Merge a backup… adds and updates records.
 *
 * Order is the order of writing, not the clock's: every name carries a write sequence
 * number one above the highest in the folder, so a clock set back (a dead CMOS battery,
 * a manual change) cannot make a new backup look older than the ones before it. The
 * newest `keep` files by that sequence are kept, and so is the newest backup that fully
 * validates, even when it is older than `keep`; the file just written is never deleted.
 * Each file is written atomically (atomic-write.ts) and read back before it is reported
 * `written`. File names are made here and nowhere else; `read` accepts only names of
 * that exact shape that exist in the folder, so a renderer can never name a path.
 */
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { format } from 'date-fns';
import { BACKUP_FORMAT, decodeBackupBytes, parseBackupBytes } from '../../shared/backup';
import type {
  AutoBackupInfo,
  AutoBackupReason,
  AutoBackupResult,
  OpenTextResult,
} from '../../shared/ipc/contract';
import { isPartialName, writeFileAtomic } from './atomic-write';

/** How many automatic backups are kept unless configured otherwise. */
export const DEFAULT_KEEP_BACKUPS = 30;

/** The largest backup text main accepts or reads back (a town's data is a few MB at most). */
export const MAX_BACKUP_CHARS = 64 * 1024 * 1024;

export const autoBackupReasons = [
  'daily',
  'quit',
  'beforeRestore',
  'beforeErase',
  'beforeMerge',
] as const satisfies readonly AutoBackupReason[];

/** Digits of the write sequence in a name (more are allowed once a folder passes a million backups). */
const SEQUENCE_DIGITS = 6;

/**
 * `auto-000042-2026-03-01T14-05-09-123Z-daily.json`: the write sequence (orders the files,
 * whatever the clock said), the UTC time of writing (for people; no daylight-saving
 * ambiguity) and the reason. Names from before the sequence,
 * `auto-2026-03-01T14-05-09-123Z-daily.json`, are still ours: they count as sequence 0,
 * older than every numbered one. Nothing else in the folder is ours.
 */
const FILE_NAME =
  /^auto-(?:(\d{6,})-)?(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-(daily|quit|beforeRestore|beforeErase|beforeMerge)\.json$/;

export interface ParsedName {
  fileName: string;
  /** The write sequence; 0 for a name from before sequences. */
  sequence: number;
  writtenAt: Date;
  reason: AutoBackupReason;
}

const stampOf = (at: Date): string => at.toISOString().replace(/:/g, '-').replace('.', '-');

/**
 * The name of the automatic backup with write sequence `sequence` (from 1), written at `at`
 * for `reason`. Sequence 0 gives the name the app used before it numbered its backups.
 */
export function backupFileName(sequence: number, at: Date, reason: AutoBackupReason): string {
  const seq = sequence === 0 ? '' : `${String(sequence).padStart(SEQUENCE_DIGITS, '0')}-`;
  return `auto-${seq}${stampOf(at)}-${reason}.json`;
}

/** Parses one of our file names; null for anything else (other files, `..`, paths, temporary files). */
export function parseBackupFileName(fileName: string): ParsedName | null {
  const m = FILE_NAME.exec(fileName);
  if (!m) return null;
  const [, seq, day, hh, mm, ss, ms, reason] = m;
  const writtenAt = new Date(`${day}T${hh}:${mm}:${ss}.${ms}Z`);
  const sequence = seq === undefined ? 0 : Number(seq);
  if (
    Number.isNaN(writtenAt.getTime()) ||
    (seq !== undefined && sequence === 0) ||
    !Number.isSafeInteger(sequence) ||
    backupFileName(sequence, writtenAt, reason as AutoBackupReason) !== fileName
  ) {
    return null;
  }
  return { fileName, sequence, writtenAt, reason: reason as AutoBackupReason };
}

/** Newest first: by write sequence, then (among names from before sequences) by time. */
export function newestFirst(a: ParsedName, b: ParsedName): number {
  return (
    b.sequence - a.sequence ||
    b.writtenAt.getTime() - a.writtenAt.getTime() ||
    b.fileName.localeCompare(a.fileName)
  );
}

/** A file-system error in words a clerk can act on. */
export function describeFsError(e: unknown): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EROFS':
      return 'the disk is read-only';
    case 'EEXIST':
    case 'ENOTDIR':
    case 'EISDIR':
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
  /** The clock; tests pass a fixed one. It only names files: it never orders them. */
  now?: () => Date;
}

export interface BackupStore {
  readonly dir: string;
  readonly keep: number;
  /** `written` only once the file is on disk and reads back exactly as sent. */
  write(reason: AutoBackupReason, json: string): Promise<AutoBackupResult>;
  /** The good backups (non-empty, valid), newest written first. */
  list(): Promise<AutoBackupInfo[]>;
  read(fileName: string): Promise<OpenTextResult>;
  /**
   * Deletes temporary files left by a write that never finished (a crash, a power cut).
   * Run at start-up: the single-instance lock means no other write can be under way.
   * Returns how many were removed.
   */
  removeStale(): Promise<number>;
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

/**
 * What a file under one of our names holds. `good`: a backup that validates in full.
 * `invalid`: backup-shaped but not valid (a backup of data that no longer validates still
 * holds the town's records, so it is kept like any other). `worthless`: nothing to
 * restore (empty, not UTF-8, not a backup at all: what a power cut leaves). `unreadable`:
 * could not be read just now, so nothing is concluded about it.
 */
type FileKind = 'good' | 'invalid' | 'worthless' | 'unreadable';

function classify(bytes: Uint8Array): FileKind {
  const decoded = decodeBackupBytes(bytes);
  if (!decoded.ok || backupShape(decoded.text) === null) return 'worthless';
  // Strict UTF-8 and the checksum too (shared/backup): a damaged file is not a good backup.
  return parseBackupBytes(bytes).ok ? 'good' : 'invalid';
}

const isMissing = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && 'code' in e && e.code === 'ENOENT';

export function createBackupStore(options: BackupStoreOptions): BackupStore {
  const dir = options.dir;
  const keep = Math.max(1, Math.floor(options.keep ?? DEFAULT_KEEP_BACKUPS));
  const now = options.now ?? (() => new Date());
  /** What each file holds, by name, size and modification time (our files never change in place). */
  const kindCache = new Map<string, { size: number; mtimeMs: number; kind: FileKind }>();

  /**
   * Writes, rotations and clean-ups run one at a time, in order: two writes in the same
   * millisecond (the daily timer and a restore) must never pick the same sequence number.
   */
  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  }

  /** Our files, newest first. A missing folder is an empty list. */
  async function ours(): Promise<ParsedName[]> {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (e) {
      if (isMissing(e)) return [];
      throw e;
    }
    return names
      .map(parseBackupFileName)
      .filter((p): p is ParsedName => p !== null)
      .sort(newestFirst);
  }

  async function kindOf(fileName: string): Promise<FileKind> {
    const path = join(dir, fileName);
    try {
      const info = await stat(path);
      if (!info.isFile()) return 'unreadable';
      if (info.size === 0) return 'worthless';
      if (info.size > MAX_BACKUP_CHARS) return 'invalid';
      const cached = kindCache.get(fileName);
      if (cached && cached.size === info.size && cached.mtimeMs === info.mtimeMs) return cached.kind;
      const kind = classify(await readFile(path));
      kindCache.set(fileName, { size: info.size, mtimeMs: info.mtimeMs, kind });
      return kind;
    } catch {
      return 'unreadable';
    }
  }

  const isGood = async (fileName: string): Promise<boolean> => (await kindOf(fileName)) === 'good';

  /**
   * Deletes files that hold nothing (empty, not UTF-8, not a backup at all), then all but the
   * newest `keep` by write sequence, sparing the newest good backup when none of the kept ones
   * is good. The file just written (`justWritten`) is never deleted, whatever it holds.
   */
  async function rotate(justWritten: string): Promise<number> {
    const candidates: ParsedName[] = [];
    const doomed: string[] = [];
    for (const b of await ours()) {
      if (b.fileName !== justWritten && (await kindOf(b.fileName)) === 'worthless') doomed.push(b.fileName);
      else candidates.push(b);
    }
    const spared = new Set([justWritten, ...candidates.slice(0, keep).map((b) => b.fileName)]);
    let keptGood = false;
    for (const name of spared) {
      if (await isGood(name)) {
        keptGood = true;
        break;
      }
    }
    if (!keptGood) {
      for (const b of candidates) {
        if (!spared.has(b.fileName) && (await isGood(b.fileName))) {
          spared.add(b.fileName);
          break;
        }
      }
    }
    doomed.push(...candidates.filter((b) => !spared.has(b.fileName)).map((b) => b.fileName));
    let removed = 0;
    for (const name of doomed) {
      try {
        await rm(join(dir, name));
        kindCache.delete(name);
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

  /** True when `fileName` is on disk and holds exactly `bytes`. */
  async function readsBack(fileName: string, bytes: Buffer): Promise<boolean> {
    try {
      return (await readFile(join(dir, fileName))).equals(bytes);
    } catch {
      return false;
    }
  }

  async function write(reason: AutoBackupReason, json: string): Promise<AutoBackupResult> {
    if (json.length > MAX_BACKUP_CHARS) {
      return { status: 'error', message: 'the backup is too large to write' };
    }
    // Not a full validation: a backup of data that no longer validates must still be written.
    if (backupShape(json) === null) {
      return { status: 'error', message: 'the data sent for the automatic backup is not a backup file' };
    }
    const at = now();
    let fileName: string;
    const bytes = Buffer.from(json, 'utf8');
    try {
      await mkdir(dir, { recursive: true });
      const existing = await ours();
      if (reason === 'daily') {
        const today = format(at, 'yyyy-MM-dd');
        for (const b of existing) {
          if (
            b.reason === 'daily' &&
            format(b.writtenAt, 'yyyy-MM-dd') === today &&
            (await isGood(b.fileName))
          ) {
            return { status: 'skipped', why: `today's automatic backup already exists` };
          }
        }
      }
      if (reason === 'quit' && (await unchangedSinceNewest(json, existing[0]))) {
        return { status: 'skipped', why: 'nothing changed since the last automatic backup' };
      }
      const taken = new Set(existing.map((b) => b.fileName));
      let sequence = Math.max(0, ...existing.map((b) => b.sequence)) + 1;
      fileName = backupFileName(sequence, at, reason);
      while (taken.has(fileName)) fileName = backupFileName((sequence += 1), at, reason);
      await writeFileAtomic(join(dir, fileName), bytes);
    } catch (e) {
      return {
        status: 'error',
        message: `the backups folder ${dir} cannot be written (${describeFsError(e)})`,
      };
    }
    let removed = 0;
    try {
      removed = await rotate(fileName);
    } catch {
      // Rotation only frees space; the new backup is written either way.
    }
    // A disk can report success and still lose the bytes: only what reads back counts.
    if (!(await readsBack(fileName, bytes))) {
      return {
        status: 'error',
        message: `the automatic backup ${fileName} was written but does not read back as it was sent, so it cannot be relied on`,
      };
    }
    const kept = (await ours().catch(() => [])).length;
    return { status: 'written', fileName, kept, removed };
  }

  return {
    dir,
    keep,

    write: (reason, json) => serial(() => write(reason, json)),

    async list() {
      const infos: AutoBackupInfo[] = [];
      for (const b of await ours()) {
        try {
          const info = await stat(join(dir, b.fileName));
          if (info.isFile() && (await isGood(b.fileName))) {
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
        // Strictly decoded, as every backup read (shared/backup/bytes.ts): never a silent "�".
        const decoded = decodeBackupBytes(await readFile(path));
        if (!decoded.ok)
          return { status: 'error', message: decoded.errors[0]?.plain ?? 'it is not a backup' };
        return { status: 'opened', fileName, text: decoded.text };
      } catch (e) {
        return { status: 'error', message: `the automatic backup could not be read (${describeFsError(e)})` };
      }
    },

    removeStale: () =>
      serial(async () => {
        let names: string[];
        try {
          names = await readdir(dir);
        } catch {
          return 0; // no folder yet: nothing left over
        }
        let removed = 0;
        for (const name of names.filter(isPartialName)) {
          try {
            await rm(join(dir, name), { force: true });
            removed += 1;
          } catch {
            // Cannot delete it now: it is not ours to list, so it harms nothing but space.
          }
        }
        return removed;
      }),
  };
}
