/**
 * The automatic backups under the faults a town laptop meets: a clock set back, two
 * backups in one millisecond, a full disk, a read-only folder, a disk that loses what it
 * was given, a power cut mid-write (an empty file under a real name, a temporary file
 * left over) and a process killed part-way. The failures come from fs-faults.ts, not
 * from permissions: the tests run as root, where chmod blocks nothing.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { isPartialName } from '../../../electron/main/atomic-write';
import { backupFileName, createBackupStore } from '../../../electron/main/backups';
import type { AutoBackupResult } from '../../../shared/ipc/contract';
import { faults } from '../fs-faults';
import { dataChecksum } from '../../../shared/backup';

vi.mock('node:fs/promises', async (importOriginal) =>
  (await import('../fs-faults')).withFaults(await importOriginal()),
);

let base: string;
let dir: string;
let sample: string;

const backupOf = (name = 'Harbor Falls'): string => {
  const doc = JSON.parse(sample) as { data: { town: { name: string } }; dataSha256?: string };
  doc.data.town.name = name;
  // The sample carries a checksum of its data (format 2): an edited copy needs its own.
  doc.dataSha256 = dataChecksum(doc.data);
  return `${JSON.stringify(doc, null, 2)}\n`;
};

function clock(start: string) {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    tick: (ms = 60_000) => void (t += ms),
    set: (iso: string) => void (t = new Date(iso).getTime()),
  };
}

const written = (r: AutoBackupResult): string => {
  if (r.status !== 'written') throw new Error(`expected written, got ${JSON.stringify(r)}`);
  return r.fileName;
};

/** Every file in the folder with its bytes, to show that a failed write changed nothing. */
async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) out[name] = await readFile(join(dir, name), 'utf8');
  return out;
}

beforeAll(async () => {
  sample = await readFile(new URL('../../../resources/samples/harbor-falls.json', import.meta.url), 'utf8');
});

beforeEach(async () => {
  faults.reset();
  base = await mkdtemp(join(tmpdir(), 'ledger-backup-faults-'));
  dir = join(base, 'backups');
});

afterEach(async () => {
  faults.reset();
  await rm(base, { recursive: true, force: true });
});

describe('a clock behind the newest backup', () => {
  it('keeps the safety backup written at 2026 after 30 backups dated 2030', async () => {
    const c = clock('2030-06-01T12:00:00.000Z');
    const store = createBackupStore({ dir, now: c.now });
    for (let i = 0; i < 30; i += 1) {
      written(await store.write('quit', backupOf(`Town ${i}`)));
      c.tick();
    }
    c.set('2026-03-01T12:00:00.000Z');
    const result = await store.write('beforeRestore', backupOf('Today'));
    const name = written(result);
    expect(result).toMatchObject({ kept: 30, removed: 1 });
    expect(await readFile(join(dir, name), 'utf8')).toBe(backupOf('Today'));
    const list = await store.list();
    expect(list[0]!.fileName).toBe(name);
    expect(list[0]!.writtenAt).toBe('2026-03-01T12:00:00.000Z');
    // The one deleted was the first written in 2030, not the one written now.
    expect(list.map((b) => b.fileName)).not.toContain(
      backupFileName(1, new Date('2030-06-01T12:00:00.000Z'), 'quit'),
    );
  });

  it('keeps new backups over 30 older-style backups dated 2030, and pushes those out first', async () => {
    await mkdir(dir, { recursive: true });
    for (let i = 0; i < 30; i += 1) {
      const at = new Date(Date.UTC(2030, 0, 1, 12, i));
      await writeFile(join(dir, backupFileName(0, at, 'daily')), backupOf(`Old ${i}`));
    }
    const c = clock('2026-03-01T12:00:00.000Z');
    const store = createBackupStore({ dir, now: c.now });
    const first = written(await store.write('beforeRestore', backupOf('Now 0')));
    expect(await readFile(join(dir, first), 'utf8')).toBe(backupOf('Now 0'));
    const mine = [first];
    for (let i = 1; i < 30; i += 1) {
      c.tick();
      mine.push(written(await store.write('beforeRestore', backupOf(`Now ${i}`))));
    }
    expect((await readdir(dir)).sort()).toEqual([...mine].sort());
    expect((await store.list()).map((b) => b.fileName)).toEqual([...mine].reverse());
  });

  it('skips the daily backup only for a good one of the same calendar day, whatever the order', async () => {
    const c = clock('2030-06-01T12:00:00.000Z');
    const store = createBackupStore({ dir, now: c.now });
    written(await store.write('daily', backupOf('2030')));
    c.set('2026-03-01T12:00:00.000Z');
    written(await store.write('daily', backupOf('2026')));
    expect((await store.write('daily', backupOf('again'))).status).toBe('skipped');
  });
});

describe('two backups in one millisecond', () => {
  it('gives 20 of 20 backups for the same reason distinct names, one after the other', async () => {
    const store = createBackupStore({ dir, now: () => new Date('2026-03-01T12:00:00.000Z') });
    const names = new Set<string>();
    for (let i = 0; i < 20; i += 1) names.add(written(await store.write('beforeRestore', backupOf(`T${i}`))));
    expect(names.size).toBe(20);
    expect(await readdir(dir)).toHaveLength(20);
  });

  it('gives 20 of 20 distinct names, each holding its own text, when written all at once', async () => {
    const store = createBackupStore({ dir, now: () => new Date('2026-03-01T12:00:00.000Z') });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.write('beforeRestore', backupOf(`T${i}`))),
    );
    const names = results.map(written);
    expect(new Set(names).size).toBe(20);
    for (const [i, name] of names.entries())
      expect(await readFile(join(dir, name), 'utf8')).toBe(backupOf(`T${i}`));
  });
});

describe('a disk that fails', () => {
  async function twoGoodBackups() {
    const c = clock('2026-03-01T12:00:00.000Z');
    const store = createBackupStore({ dir, now: c.now });
    written(await store.write('daily', backupOf('A')));
    c.tick();
    written(await store.write('quit', backupOf('B')));
    c.tick();
    return store;
  }

  it('reports a full disk, and leaves every backup as it was and no temporary file', async () => {
    const store = await twoGoodBackups();
    const before = await snapshot();
    faults.freeBytes = 500;
    expect(await store.write('beforeRestore', backupOf('C'))).toEqual({
      status: 'error',
      message: `the backups folder ${dir} cannot be written (the disk is full)`,
    });
    expect(await snapshot()).toEqual(before);
    expect((await store.list()).map((b) => b.fileName)).toHaveLength(2);
  });

  it('reports a read-only folder, and leaves every backup as it was', async () => {
    const store = await twoGoodBackups();
    const before = await snapshot();
    faults.readOnly = [dir];
    expect(await store.write('beforeRestore', backupOf('C'))).toEqual({
      status: 'error',
      message: `the backups folder ${dir} cannot be written (the disk is read-only)`,
    });
    expect(await snapshot()).toEqual(before);
  });

  it('never reports written when the file does not read back as sent (a disk that loses writes)', async () => {
    const store = await twoGoodBackups();
    faults.lyingDisk = true;
    const result = await store.write('beforeRestore', backupOf('C'));
    expect(result.status).toBe('error');
    expect(result.status === 'error' && result.message).toMatch(
      /^the automatic backup auto-000003-.*-beforeRestore\.json was written but does not read back as it was sent/,
    );
    // The empty file it left is not offered as a backup.
    expect((await store.list()).map((b) => b.fileName)).toHaveLength(2);
  });
});

describe('after a power cut', () => {
  it('does not let an empty daily backup block the day, list it, or take the place of a real one', async () => {
    const c = clock('2026-03-01T08:00:00.000Z');
    const store = createBackupStore({ dir, keep: 2, now: c.now });
    const good = written(await store.write('quit', backupOf('Good')));
    const empty = backupFileName(2, new Date('2026-03-01T09:00:00.000Z'), 'daily');
    await writeFile(join(dir, empty), '');
    expect((await store.list()).map((b) => b.fileName)).toEqual([good]);
    c.set('2026-03-01T10:00:00.000Z');
    const daily = written(await store.write('daily', backupOf('Daily')));
    // The empty file is gone, and it did not push the older good backup out of the newest two.
    expect((await readdir(dir)).sort()).toEqual([good, daily].sort());
    expect((await store.list()).map((b) => b.fileName)).toEqual([daily, good]);
  });

  it('keeps the newest good backup when only invalid ones are newer', async () => {
    const c = clock('2026-03-01T08:00:00.000Z');
    const store = createBackupStore({ dir, keep: 2, now: c.now });
    const good = written(await store.write('quit', backupOf('Good')));
    for (const n of [1, 2, 3]) {
      c.tick();
      written(
        await store.write(
          'beforeRestore',
          JSON.stringify({ format: 'equity-training-ledger-backup', data: { n } }),
        ),
      );
    }
    const files = await readdir(dir);
    expect(files).toContain(good);
    expect(files).toHaveLength(3);
    // Only the good one is offered for a restore.
    expect((await store.list()).map((b) => b.fileName)).toEqual([good]);
  });

  it('removes temporary files left over at start, and nothing else', async () => {
    const store = createBackupStore({ dir, now: () => new Date('2026-03-01T12:00:00.000Z') });
    const kept = written(await store.write('daily', backupOf()));
    const leftovers = [
      `.${kept}.a1b2c3d4e5f6.partial`,
      '.auto-000002-2026-03-01T12-05-00-000Z-quit.json.0123456789ab.partial',
      '.partial-6f1c2f0e-9d4b-4a57-b1a0-3c1f5f0e2a11.tmp',
    ];
    for (const name of leftovers) await writeFile(join(dir, name), '{"format":"equity-');
    await writeFile(join(dir, 'my-notes.txt'), 'mine');
    expect(await createBackupStore({ dir }).removeStale()).toBe(3);
    expect((await readdir(dir)).sort()).toEqual([kept, 'my-notes.txt'].sort());
  });

  it(
    'leaves no half backup under a real name when the process is killed mid-write',
    { timeout: 60_000 },
    async () => {
      const store = createBackupStore({ dir, now: () => new Date('2026-03-01T12:00:00.000Z') });
      const good = written(await store.write('daily', backupOf()));
      const next = join(dir, backupFileName(2, new Date('2026-03-01T12:01:00.000Z'), 'quit'));
      const child = fileURLToPath(new URL('./atomic-write.child.ts', import.meta.url));
      const proc = spawn(process.execPath, ['--import', 'tsx', child, next, '256'], {
        cwd: fileURLToPath(new URL('../../../', import.meta.url)),
        stdio: 'ignore',
      });
      const exited = new Promise<NodeJS.Signals | null>((done) =>
        proc.on('exit', (_c, signal) => done(signal)),
      );
      let partialSize = 0;
      for (const deadline = Date.now() + 45_000; Date.now() < deadline && partialSize === 0;) {
        const partial = (await readdir(dir)).find(isPartialName);
        if (partial !== undefined)
          partialSize = await stat(join(dir, partial)).then(
            (s) => s.size,
            () => 0,
          );
        else await new Promise((r) => setTimeout(r, 2));
      }
      proc.kill('SIGKILL');
      await exited;
      expect(partialSize).toBeGreaterThan(0);
      // The old backup intact and still the only one offered; the next start removes the leftover.
      const restarted = createBackupStore({ dir });
      expect((await restarted.list()).map((b) => b.fileName)).toEqual([good]);
      expect(await readFile(join(dir, good), 'utf8')).toBe(backupOf());
      await restarted.removeStale();
      const left = await readdir(dir);
      // The new name is absent (killed before the rename) or, had the child just finished, whole.
      if (left.length > 1) expect((await stat(next)).size).toBe(256 * 2 ** 20);
      expect(left.filter((f) => f !== good)).toEqual(left.length > 1 ? [basename(next)] : []);
    },
  );
});
