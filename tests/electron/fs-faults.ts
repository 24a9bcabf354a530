/**
 * Fault injection for `node:fs/promises`. A test file mocks the module with
 *
 *   vi.mock('node:fs/promises', async (importOriginal) =>
 *     (await import('../fs-faults')).withFaults(await importOriginal()));
 *
 * and every module under test (atomic-write, backups, dialogs, the CLI's I/O) then sees a
 * file system that behaves like the real one until `faults` says otherwise: a disk with
 * only so many bytes free, read-only folders, a disk that accepts writes and keeps
 * nothing. The tests run as root, where chmod blocks nothing, so the failures are made
 * here, at the layer the code calls, rather than with permissions.
 */
import { dirname, resolve, sep } from 'node:path';
import type * as FsPromises from 'node:fs/promises';

type Fs = typeof FsPromises;

export const faults = {
  /** Bytes the disk can still take; a write past them stores what fits and fails with ENOSPC. */
  freeBytes: null as number | null,
  /** Folders (and everything below) where creating, writing, renaming and deleting fail with EROFS. */
  readOnly: [] as string[],
  /** Writes through a file handle report success and store nothing (a disk that lies). */
  lyingDisk: false,
  /** The next `times` renames fail with `code` (a file held open by a virus scanner, say). */
  renameFailures: null as { code: string; times: number } | null,
  /** What the code under test did, in order: `open:<flags>:<path>`, `write:<path>`, `sync:<path>`, `rename:<from>-><to>`. */
  log: [] as string[],
  reset(): void {
    this.freeBytes = null;
    this.readOnly = [];
    this.lyingDisk = false;
    this.renameFailures = null;
    this.log = [];
  },
};

function fsError(code: string, syscall: string, path: string): Error {
  const text: Record<string, string> = {
    ENOSPC: 'no space left on device',
    EROFS: 'read-only file system',
  };
  return Object.assign(new Error(`${code}: ${text[code] ?? code}, ${syscall} '${path}'`), {
    code,
    syscall,
    path,
  });
}

const pathOf = (p: unknown): string => resolve(p instanceof URL ? p.pathname : String(p));

function checkWritable(path: unknown, syscall: string): void {
  const p = pathOf(path);
  for (const folder of faults.readOnly) {
    const f = resolve(folder);
    if (p === f || p.startsWith(f + sep)) throw fsError('EROFS', syscall, p);
  }
}

/** Takes up to `n` bytes of the free space; returns how many fit. */
function reserve(n: number): number {
  if (faults.freeBytes === null) return n;
  const fits = Math.min(n, faults.freeBytes);
  faults.freeBytes -= fits;
  return fits;
}

const writes = (flags: unknown): boolean => typeof flags === 'string' && /[wax+]/.test(flags);

function toBytes(data: unknown): Uint8Array {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (data instanceof Uint8Array) return data;
  throw new Error('fs-faults: only strings and byte arrays are supported');
}

/** The real `fs/promises` with the faults above applied to the calls that change files. */
export function withFaults(real: Fs): Fs {
  const wrapHandle = (handle: FsPromises.FileHandle, path: string): FsPromises.FileHandle =>
    new Proxy(handle, {
      get(target, prop, receiver) {
        if (prop === 'write') {
          return async (
            buffer: Uint8Array,
            offset = 0,
            length = buffer.length - offset,
            position?: number,
          ) => {
            faults.log.push(`write:${path}`);
            if (faults.lyingDisk) return { bytesWritten: length, buffer };
            const fits = reserve(length);
            if (fits > 0) await target.write(buffer, offset, fits, position);
            if (fits < length) throw fsError('ENOSPC', 'write', path);
            return { bytesWritten: length, buffer };
          };
        }
        if (prop === 'writeFile') {
          return async (data: string | Uint8Array) => {
            faults.log.push(`write:${path}`);
            if (faults.lyingDisk) return;
            const bytes = toBytes(data);
            const fits = reserve(bytes.length);
            await target.writeFile(bytes.subarray(0, fits));
            if (fits < bytes.length) throw fsError('ENOSPC', 'write', path);
          };
        }
        if (prop === 'sync') {
          return async () => {
            faults.log.push(`sync:${path}`);
            return target.sync();
          };
        }
        const value: unknown = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });

  const open: Fs['open'] = async (path, flags, mode) => {
    const p = pathOf(path);
    faults.log.push(`open:${String(flags ?? 'r')}:${p}`);
    if (writes(flags)) checkWritable(p, 'open');
    return wrapHandle(await real.open(path, flags, mode), p);
  };

  const writeFile = (async (path: Parameters<Fs['writeFile']>[0], data: unknown, options?: unknown) => {
    const p = pathOf(path);
    faults.log.push(`writeFile:${p}`);
    checkWritable(p, 'open');
    const bytes = toBytes(data);
    const fits = reserve(bytes.length);
    // Like a real full disk: the file is opened (and so truncated) first, then the write runs out of room.
    await real.writeFile(path, bytes.subarray(0, fits), options as Parameters<Fs['writeFile']>[2]);
    if (fits < bytes.length) throw fsError('ENOSPC', 'write', p);
  }) as Fs['writeFile'];

  const rename: Fs['rename'] = async (from, to) => {
    faults.log.push(`rename:${pathOf(from)}->${pathOf(to)}`);
    checkWritable(dirname(pathOf(from)) + sep + 'x', 'rename');
    checkWritable(to, 'rename');
    const failing = faults.renameFailures;
    if (failing && failing.times > 0) {
      failing.times -= 1;
      throw fsError(failing.code, 'rename', pathOf(to));
    }
    return real.rename(from, to);
  };
  const rm: Fs['rm'] = async (path, options) => {
    checkWritable(path, 'rm');
    return real.rm(path, options);
  };
  const unlink: Fs['unlink'] = async (path) => {
    checkWritable(path, 'unlink');
    return real.unlink(path);
  };
  const mkdir = (async (path: Parameters<Fs['mkdir']>[0], options?: Parameters<Fs['mkdir']>[1]) => {
    // An existing folder is fine even on a read-only disk, as with the real call.
    try {
      if ((await real.stat(path)).isDirectory()) return undefined;
    } catch {
      // does not exist yet
    }
    checkWritable(path, 'mkdir');
    return real.mkdir(path, options);
  }) as Fs['mkdir'];

  const overrides = { open, writeFile, rename, rm, unlink, mkdir };
  return { ...real, ...overrides, default: { ...real, ...overrides } } as Fs;
}
