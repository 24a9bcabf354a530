/**
 * The one way the desktop app and the `ledger` command replace a file: automatic
 * backups, "Save…" dialogs and the CLI's `--out` files all come through here.
 *
 * The bytes go to a temporary file beside the target (same folder, so the same disk
 * and a rename that cannot cross devices), are flushed to the disk with fsync, and
 * only then is the temporary file renamed over the target; the folder is flushed
 * too where the platform allows, so the new name itself survives a power cut. A
 * full disk, a read-only folder, a crash or a kill at any moment therefore leaves
 * either the old file, intact, or the complete new one: never a truncated mix.
 *
 * Pure Node (no Electron import), so the command line can use it as well.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Every temporary file this module makes ends with this, so a folder's leftovers can be recognised. */
export const PARTIAL_SUFFIX = '.partial';

/** Bytes per write call: big files go out in pieces, so a short write is never mistaken for a whole one. */
const CHUNK_BYTES = 1024 * 1024;

/**
 * `.<name>.<random>.partial` beside the target: hidden on Unix-like systems, never a
 * name the app lists as its own, and unique even when two writes aim at one target.
 */
export function partialNameFor(target: string): string {
  // Keep the name under the common 255-byte limit even for a long target name.
  const base = basename(target).slice(0, 180);
  return join(dirname(target), `.${base}.${randomBytes(6).toString('hex')}${PARTIAL_SUFFIX}`);
}

/** True for a temporary file name this module (or the previous `.partial-<uuid>.tmp` scheme) makes. */
export function isPartialName(fileName: string): boolean {
  return (
    (fileName.startsWith('.') && fileName.endsWith(PARTIAL_SUFFIX)) ||
    /^\.partial-[\w-]+\.tmp$/.test(fileName)
  );
}

async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const length = Math.min(CHUNK_BYTES, bytes.length - offset);
    const { bytesWritten } = await handle.write(bytes, offset, length);
    // A disk that accepts nothing without an error would loop forever; treat it as full.
    if (bytesWritten <= 0) throw Object.assign(new Error('no bytes could be written'), { code: 'ENOSPC' });
    offset += bytesWritten;
  }
}

/** The permission bits of the file being replaced, so a save does not quietly change who may read it. */
async function modeOf(target: string): Promise<number | undefined> {
  try {
    const info = await stat(target);
    return info.isFile() ? info.mode & 0o777 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Flushes the folder so the rename is on the disk. Windows cannot open a folder
 * this way, and some file systems refuse fsync on one; the file itself is already
 * flushed and renamed by then, so a refusal here is not a failed save.
 */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: FileHandle | undefined;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // See above: best effort by design.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Waits between attempts to rename over a file that is busy for a moment, about 1.3 s in all.
 * On Windows a virus scanner or the search indexer often holds a file just written (or the one
 * being replaced) open briefly, and the rename then fails with EPERM, EACCES or EBUSY.
 */
const RENAME_RETRY_MS = [10, 20, 40, 80, 160, 320, 640];

function isBusy(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null && 'code' in e ? e.code : undefined;
  if (code === 'EBUSY') return true;
  // Elsewhere EPERM and EACCES mean what they say: retrying would only delay the message.
  return process.platform === 'win32' && (code === 'EPERM' || code === 'EACCES');
}

async function renameOver(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await rename(from, to);
      return;
    } catch (e) {
      const wait = RENAME_RETRY_MS[attempt];
      if (wait === undefined || !isBusy(e)) throw e;
      await new Promise((resume) => setTimeout(resume, wait));
    }
  }
}

/**
 * Replaces (or creates) `target` with `data` atomically: temp file beside it, fsync,
 * rename over, fsync the folder. Rejects with the file-system error (its `code` intact,
 * e.g. ENOSPC, EROFS, EACCES) and removes its temporary file when anything before the
 * rename fails; the old `target` is then untouched.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const partial = partialNameFor(target);
  const mode = await modeOf(target);
  let handle: FileHandle | undefined;
  try {
    // 'wx': never follow or reuse something already at the temporary name.
    handle = await open(partial, 'wx', mode ?? 0o666);
    await writeAll(handle, bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await renameOver(partial, target);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await rm(partial, { force: true }).catch(() => undefined);
    throw e;
  }
  await syncFolder(dirname(target));
}
