import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isPartialName, partialNameFor, writeFileAtomic } from '../../../electron/main/atomic-write';
import { faults } from '../fs-faults';

vi.mock('node:fs/promises', async (importOriginal) =>
  (await import('../fs-faults')).withFaults(await importOriginal()),
);

let dir: string;
let target: string;
const OLD = 'the old file, every byte of it\n';

beforeEach(async () => {
  faults.reset();
  dir = await mkdtemp(join(tmpdir(), 'ledger-atomic-'));
  target = join(dir, 'harbor-falls-backup.json');
  await writeFile(target, OLD);
});

afterEach(async () => {
  faults.reset();
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic()', () => {
  it('replaces the file and leaves nothing else in the folder', async () => {
    await writeFileAtomic(target, 'new text');
    expect(await readFile(target, 'utf8')).toBe('new text');
    expect(await readdir(dir)).toEqual(['harbor-falls-backup.json']);
  });

  it('creates a file that did not exist, from a string or from bytes', async () => {
    await writeFileAtomic(join(dir, 'a.txt'), 'Núñez');
    await writeFileAtomic(join(dir, 'b.pdf'), new Uint8Array([37, 80, 68, 70]));
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('Núñez');
    expect([...(await readFile(join(dir, 'b.pdf')))]).toEqual([37, 80, 68, 70]);
  });

  it('flushes the file to disk before the rename, and the folder after it', async () => {
    await writeFileAtomic(target, 'new text');
    const rename = faults.log.findIndex((e) => e.startsWith('rename:'));
    const [from] = faults.log[rename]!.slice('rename:'.length).split('->');
    const syncFile = faults.log.indexOf(`sync:${from}`);
    expect(syncFile).toBeGreaterThan(faults.log.lastIndexOf(`write:${from}`));
    expect(syncFile).toBeLessThan(rename);
    if (process.platform !== 'win32') expect(faults.log.slice(rename)).toContain(`sync:${dir}`);
  });

  it('on a full disk leaves the old file intact and no temporary file behind', async () => {
    faults.freeBytes = 1000;
    const error = await writeFileAtomic(target, 'x'.repeat(5000)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ENOSPC' });
    expect(await readFile(target, 'utf8')).toBe(OLD);
    expect(await readdir(dir)).toEqual(['harbor-falls-backup.json']);
  });

  it('in a read-only folder fails with the reason and leaves the old file intact', async () => {
    faults.readOnly = [dir];
    await expect(writeFileAtomic(target, 'new text')).rejects.toMatchObject({ code: 'EROFS' });
    expect(await readFile(target, 'utf8')).toBe(OLD);
    expect(await readdir(dir)).toEqual(['harbor-falls-backup.json']);
  });

  it('when the rename is refused (the file is locked), keeps the old file and removes the temporary one', async () => {
    faults.readOnly = [target];
    await expect(writeFileAtomic(target, 'new text')).rejects.toMatchObject({ code: 'EROFS' });
    expect(await readFile(target, 'utf8')).toBe(OLD);
    expect(await readdir(dir)).toEqual(['harbor-falls-backup.json']);
  });

  describe('a file held open for a moment (a virus scanner on Windows)', () => {
    const platform = process.platform;
    const renames = () => faults.log.filter((e) => e.startsWith('rename:')).length;
    afterEach(() => Object.defineProperty(process, 'platform', { value: platform }));

    it('on Windows tries the rename again and succeeds once the file is free', async () => {
      Object.defineProperty(process, 'platform', { value: 'win32' });
      faults.renameFailures = { code: 'EPERM', times: 3 };
      await writeFileAtomic(target, 'new text');
      expect(await readFile(target, 'utf8')).toBe('new text');
      expect(renames()).toBe(4);
      expect(await readdir(dir)).toEqual(['harbor-falls-backup.json']);
    });

    it('gives up after about a second, leaving the old file and no temporary file', async () => {
      Object.defineProperty(process, 'platform', { value: 'win32' });
      faults.renameFailures = { code: 'EBUSY', times: 1000 };
      await expect(writeFileAtomic(target, 'new text')).rejects.toMatchObject({ code: 'EBUSY' });
      expect(renames()).toBe(8);
      expect(await readFile(target, 'utf8')).toBe(OLD);
      expect(await readdir(dir)).toEqual(['harbor-falls-backup.json']);
    });

    it('does not retry a refusal that is real (EPERM outside Windows)', async () => {
      Object.defineProperty(process, 'platform', { value: 'linux' });
      faults.renameFailures = { code: 'EPERM', times: 1000 };
      await expect(writeFileAtomic(target, 'new text')).rejects.toMatchObject({ code: 'EPERM' });
      expect(renames()).toBe(1);
      expect(await readFile(target, 'utf8')).toBe(OLD);
    });
  });

  it("keeps the replaced file's permissions", async () => {
    await chmod(target, 0o600);
    await writeFileAtomic(target, 'new text');
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it('names its temporary files beside the target, recognisably, and differently each time', () => {
    const a = partialNameFor(target);
    const b = partialNameFor(target);
    expect(a).not.toBe(b);
    expect(a.startsWith(join(dir, '.harbor-falls-backup.json.'))).toBe(true);
    expect(isPartialName(a.slice(dir.length + 1))).toBe(true);
    expect(isPartialName('.partial-0b7f-11aa.tmp')).toBe(true);
    for (const name of [
      'harbor-falls-backup.json',
      'auto-000001-2026-03-01T12-00-00-000Z-daily.json',
      'x.partial',
    ])
      expect(isPartialName(name), name).toBe(false);
  });
});

describe('writeFileAtomic() killed part-way', () => {
  const child = fileURLToPath(new URL('./atomic-write.child.ts', import.meta.url));
  const cwd = fileURLToPath(new URL('../../../', import.meta.url));
  /** Big enough that writing and flushing it takes far longer than noticing it has begun. */
  const SIZE = 256 * 2 ** 20;

  it(
    'leaves the old file intact (never a truncated one) when the process is killed mid-write',
    { timeout: 60_000 },
    async () => {
      const proc = spawn(process.execPath, ['--import', 'tsx', child, target, String(SIZE / 2 ** 20)], {
        cwd,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<NodeJS.Signals | null>((done) =>
        proc.on('exit', (_code, signal) => done(signal)),
      );
      // Kill it once its temporary file holds some bytes but far from all 256 MB.
      let partialSize = 0;
      const deadline = Date.now() + 45_000;
      while (Date.now() < deadline) {
        const partial = (await readdir(dir)).find(isPartialName);
        if (partial !== undefined) {
          partialSize = await stat(join(dir, partial)).then(
            (s) => s.size,
            () => 0,
          );
          if (partialSize > 0) break;
        }
        await new Promise((r) => setTimeout(r, 2));
      }
      proc.kill('SIGKILL');
      await exited;
      expect(partialSize, stderr).toBeGreaterThan(0);
      // The old file, intact (the kill lands before the rename), or — had the child just finished —
      // the whole new one: never anything in between.
      const after = await readFile(target);
      const intactOld = after.toString('utf8') === OLD;
      const wholeNew = !intactOld && after.length === SIZE && after.every((b) => b === 0x6e);
      expect(intactOld || wholeNew, `the target holds ${after.length} bytes`).toBe(true);
      // Anything else left is a temporary file, which the next start removes.
      const left = await readdir(dir);
      expect(left).toContain('harbor-falls-backup.json');
      expect(left.filter((f) => f !== 'harbor-falls-backup.json').every(isPartialName)).toBe(true);
    },
  );
});
