import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { backupFileName, createBackupStore, parseBackupFileName } from '../../../electron/main/backups';
import { dataChecksum } from '../../../shared/backup';

let base: string;
let dir: string;
let sample: string;

/** A backup of the sample town, with `name` as the town's name so two of them differ. */
const backupOf = (name = 'Harbor Falls'): string => {
  const doc = JSON.parse(sample) as { data: { town: { name: string } }; dataSha256?: string };
  doc.data.town.name = name;
  // The sample carries a checksum of its data (format 2): an edited copy needs its own.
  doc.dataSha256 = dataChecksum(doc.data);
  return `${JSON.stringify(doc, null, 2)}\n`;
};
/** Backup-shaped (right format marker) but not valid: written, yet never counted as a good backup. */
const brokenBackup = (n: number) => JSON.stringify({ format: 'equity-training-ledger-backup', data: { n } });

/** A clock that moves one minute forward on every call, starting at noon UTC (the same local day almost everywhere). */
function clock(start = '2026-03-01T12:00:00.000Z') {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    tick: (ms = 60_000) => {
      t += ms;
    },
    set: (iso: string) => {
      t = new Date(iso).getTime();
    },
  };
}

beforeAll(async () => {
  sample = await readFile(new URL('../../../resources/samples/harbor-falls.json', import.meta.url), 'utf8');
});

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'ledger-backups-'));
  dir = join(base, 'userData', 'backups');
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('backup file names', () => {
  it('round-trips the write sequence, time and reason through the name', () => {
    const at = new Date('2026-03-01T14:05:09.123Z');
    const name = backupFileName(42, at, 'beforeRestore');
    expect(name).toBe('auto-000042-2026-03-01T14-05-09-123Z-beforeRestore.json');
    expect(parseBackupFileName(name)).toEqual({
      fileName: name,
      sequence: 42,
      writtenAt: at,
      reason: 'beforeRestore',
    });
    expect(parseBackupFileName(backupFileName(1_234_567, at, 'daily'))?.sequence).toBe(1_234_567);
  });

  it('still recognises the names written before backups were numbered, as sequence 0', () => {
    const name = 'auto-2026-03-01T14-05-09-123Z-daily.json';
    expect(parseBackupFileName(name)).toEqual({
      fileName: name,
      sequence: 0,
      writtenAt: new Date('2026-03-01T14:05:09.123Z'),
      reason: 'daily',
    });
    expect(backupFileName(0, new Date('2026-03-01T14:05:09.123Z'), 'daily')).toBe(name);
  });

  it('does not recognise paths, other files or near misses as ours', () => {
    for (const name of [
      '../auto-2026-03-01T14-05-09-123Z-daily.json',
      'auto-2026-03-01T14-05-09-123Z-daily.json/../../etc/passwd',
      'sub/auto-2026-03-01T14-05-09-123Z-daily.json',
      'auto-2026-03-01T14-05-09-123Z-hourly.json',
      'auto-2026-02-30T14-05-09-123Z-daily.json',
      'harbor-falls-backup-2026-03-01.json',
      'auto-000000-2026-03-01T14-05-09-123Z-daily.json',
      'auto-42-2026-03-01T14-05-09-123Z-daily.json',
      '.auto-000001-2026-03-01T14-05-09-123Z-daily.json.1a2b3c4d5e6f.partial',
      '',
    ]) {
      expect(parseBackupFileName(name), name).toBeNull();
    }
  });
});

describe('createBackupStore().write()', () => {
  it('creates the folder and writes the backup under a name main chose', async () => {
    const c = clock();
    const store = createBackupStore({ dir, now: c.now });
    const result = await store.write('daily', backupOf());
    expect(result).toEqual({
      status: 'written',
      fileName: 'auto-000001-2026-03-01T12-00-00-000Z-daily.json',
      kept: 1,
      removed: 0,
    });
    expect(await readFile(join(dir, 'auto-000001-2026-03-01T12-00-00-000Z-daily.json'), 'utf8')).toBe(
      backupOf(),
    );
  });

  it('writes at most one daily backup per calendar day', async () => {
    const c = clock();
    const store = createBackupStore({ dir, now: c.now });
    expect((await store.write('daily', backupOf('A'))).status).toBe('written');
    c.tick(60 * 60 * 1000);
    expect(await store.write('daily', backupOf('B'))).toEqual({
      status: 'skipped',
      why: "today's automatic backup already exists",
    });
    c.set('2026-03-02T12:00:00.000Z');
    expect((await store.write('daily', backupOf('C'))).status).toBe('written');
    expect(await readdir(dir)).toHaveLength(2);
  });

  it('always writes a beforeRestore backup, even twice in the same millisecond', async () => {
    const c = clock();
    const store = createBackupStore({ dir, now: c.now });
    const first = await store.write('beforeRestore', backupOf());
    const second = await store.write('beforeRestore', backupOf());
    expect(first.status).toBe('written');
    expect(second.status).toBe('written');
    expect(
      second.status === 'written' && first.status === 'written' && second.fileName !== first.fileName,
    ).toBe(true);
  });

  it('skips a quit backup when nothing changed since the newest backup, and writes it when something did', async () => {
    const c = clock();
    const store = createBackupStore({ dir, now: c.now });
    await store.write('daily', backupOf('A'));
    c.tick();
    expect(await store.write('quit', backupOf('A'))).toEqual({
      status: 'skipped',
      why: 'nothing changed since the last automatic backup',
    });
    c.tick();
    expect((await store.write('quit', backupOf('A, renamed'))).status).toBe('written');
  });

  it('keeps the newest N and deletes the older ones', async () => {
    const c = clock();
    const store = createBackupStore({ dir, keep: 3, now: c.now });
    const names: string[] = [];
    let last;
    for (let i = 0; i < 5; i += 1) {
      last = await store.write('beforeRestore', backupOf(`Town ${i}`));
      if (last.status === 'written') names.push(last.fileName);
      c.tick();
    }
    expect(last).toMatchObject({ status: 'written', kept: 3, removed: 1 });
    expect((await readdir(dir)).sort()).toEqual(names.slice(2).sort());
  });

  it('keeps 30 by default', async () => {
    const c = clock();
    const store = createBackupStore({ dir, now: c.now });
    for (let i = 0; i < 32; i += 1) {
      await store.write('beforeRestore', backupOf(`Town ${i}`));
      c.tick();
    }
    expect(store.keep).toBe(30);
    expect(await readdir(dir)).toHaveLength(30);
  });

  it('never deletes the only good backup, even when it is older than the newest N', async () => {
    const c = clock();
    const store = createBackupStore({ dir, keep: 2, now: c.now });
    const good = await store.write('daily', backupOf());
    for (let i = 0; i < 4; i += 1) {
      c.tick();
      await store.write('beforeRestore', brokenBackup(i));
    }
    const files = await readdir(dir);
    expect(good.status === 'written' && files.includes(good.fileName)).toBe(true);
    expect(files).toHaveLength(3);
  });

  it('deletes an old good backup once a newer good one is among the kept', async () => {
    const c = clock();
    const store = createBackupStore({ dir, keep: 2, now: c.now });
    const old = await store.write('beforeRestore', backupOf('Old'));
    for (let i = 0; i < 2; i += 1) {
      c.tick();
      await store.write('beforeRestore', brokenBackup(i));
    }
    c.tick();
    await store.write('beforeRestore', backupOf('New'));
    const files = await readdir(dir);
    expect(old.status === 'written' && files.includes(old.fileName)).toBe(false);
    expect(files).toHaveLength(2);
  });

  it('leaves files that are not ours alone', async () => {
    const c = clock();
    const store = createBackupStore({ dir, keep: 1, now: c.now });
    await store.write('beforeRestore', backupOf('A'));
    await writeFile(join(dir, 'my-notes.json'), '{}');
    c.tick();
    await store.write('beforeRestore', backupOf('B'));
    expect(await readdir(dir)).toContain('my-notes.json');
  });

  it('reports an unwritable backups folder as a clear error instead of throwing', async () => {
    // A file where the userData folder should be: nothing can be created below it.
    await writeFile(join(base, 'userData'), 'in the way');
    const store = createBackupStore({ dir, now: clock().now });
    const result = await store.write('daily', backupOf());
    expect(result.status).toBe('error');
    expect(result.status === 'error' && result.message).toBe(
      `the backups folder ${dir} cannot be written (a file with the same name is in the way)`,
    );
  });

  it('refuses text that is not a backup, and writes nothing', async () => {
    const store = createBackupStore({ dir, now: clock().now });
    for (const text of ['', 'not json', '[]', '{"format":"something-else","data":{}}']) {
      expect(await store.write('daily', text), text).toEqual({
        status: 'error',
        message: 'the data sent for the automatic backup is not a backup file',
      });
    }
    await expect(readdir(dir)).rejects.toThrow();
  });
});

describe('createBackupStore().list() and read()', () => {
  it('lists our backups newest first with size and time, ignoring other and half-written files', async () => {
    const c = clock();
    const store = createBackupStore({ dir, now: c.now });
    await store.write('daily', backupOf('A'));
    c.tick();
    await store.write('beforeRestore', backupOf('B'));
    await writeFile(join(dir, '.partial-123.tmp'), '{');
    await writeFile(join(dir, 'notes.txt'), 'x');
    const list = await store.list();
    expect(list.map((b) => b.fileName)).toEqual([
      'auto-000002-2026-03-01T12-01-00-000Z-beforeRestore.json',
      'auto-000001-2026-03-01T12-00-00-000Z-daily.json',
    ]);
    expect(list[0]).toMatchObject({
      writtenAt: '2026-03-01T12:01:00.000Z',
      bytes: Buffer.byteLength(backupOf('B')),
    });
  });

  it('lists nothing when no backup was ever written', async () => {
    expect(await createBackupStore({ dir }).list()).toEqual([]);
  });

  it('reads one of ours by its name', async () => {
    const store = createBackupStore({ dir, now: clock().now });
    const written = await store.write('daily', backupOf());
    const name = written.status === 'written' ? written.fileName : '';
    expect(await store.read(name)).toEqual({ status: 'opened', fileName: name, text: backupOf() });
  });

  it('refuses paths, names that are not ours and backups that do not exist', async () => {
    const store = createBackupStore({ dir, now: clock().now });
    await store.write('daily', backupOf());
    await writeFile(join(dir, 'notes.json'), '{}');
    for (const name of ['../../secret.json', '/etc/passwd', 'notes.json', `..${'/'}userData`]) {
      expect(await store.read(name), name).toEqual({
        status: 'error',
        message: 'that is not the name of an automatic backup',
      });
    }
    expect(await store.read('auto-000009-2020-01-01T00-00-00-000Z-daily.json')).toEqual({
      status: 'error',
      message: 'the automatic backup auto-000009-2020-01-01T00-00-00-000Z-daily.json no longer exists',
    });
  });
});
