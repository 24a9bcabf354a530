/**
 * Fault injection for issue 14 item 5: records written by a NEWER release are
 * refused with a plain message, and nothing in them is changed. The newer
 * release is simulated with plain Dexie at a version above every one AppDB
 * declares, with a table this release does not know and without one it does.
 */
import { Dexie } from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { loadTownData } from '../../../renderer/db/repositories';
import { createDb, NewerDatabaseError, storedNativeVersion } from '../../../renderer/db/schema';

const deps = { indexedDB, IDBKeyRange };

/** A database as a future release (one version above ours) leaves it: 12 attendance rows in a new table, no `sessionAttendance`. */
async function writeNewerDatabase(name: string, version: number): Promise<void> {
  const future = new Dexie(name, deps);
  future.version(version).stores({
    town: '',
    settings: '',
    people: 'id, name',
    series: 'id',
    trainings: 'id, seriesId',
    sessions: 'id, trainingId, date',
    attendanceV9: '[personId+sessionId]',
    partners: 'id',
    certifications: 'id',
    coaching: 'id',
    optimizeForEquity: 'id',
    meta: 'key',
  });
  await future.open();
  await future.table('town').put({ name: 'Harbor Falls', certificationYear: 2026 }, 'town');
  await future
    .table('attendanceV9')
    .bulkAdd(Array.from({ length: 12 }, (_, i) => ({ personId: `p${i}`, sessionId: 's1' })));
  future.close();
}

/** Every store, its indexes and every row, to compare before and after. */
async function snapshot(name: string): Promise<unknown> {
  const raw = new Dexie(name, deps);
  await raw.open(); // no version declared: Dexie opens what is there, as it is
  const out: Record<string, unknown> = { version: raw.verno };
  for (const table of raw.tables) {
    out[table.name] = { schema: table.schema.indexes.map((i) => i.src), rows: await table.toArray() };
  }
  raw.close();
  return out;
}

describe('opening records a newer release wrote', () => {
  it('refuses with the plain message, fails waiting queries too, and changes nothing', async () => {
    const name = `newer-${crypto.randomUUID()}`;
    const ours = createDb(name, deps);
    const newer = ours.verno + 1;
    await writeNewerDatabase(name, newer);
    const before = await snapshot(name);

    // Two queries at once, as the app's screens make them: both fail, neither hangs.
    const [a, b] = await Promise.allSettled([loadTownData(ours), ours.people.toArray()]);
    for (const r of [a, b]) {
      expect(r.status).toBe('rejected');
      const reason = (r as PromiseRejectedResult).reason as Error & { inner?: Error };
      const refusal = reason instanceof NewerDatabaseError ? reason : reason.inner;
      expect(refusal).toBeInstanceOf(NewerDatabaseError);
      expect(refusal?.message).toBe(
        'These records were last opened by a newer version of Equity Training Ledger. Install that version or newer; nothing has been changed.',
      );
    }
    await expect(ours.open()).rejects.toBeInstanceOf(NewerDatabaseError);
    ours.close();

    expect(await snapshot(name)).toEqual(before);
    expect(await storedNativeVersion(indexedDB, name)).toBe(newer * 10);
  });

  it('still opens records its own version wrote', async () => {
    const name = `same-${crypto.randomUUID()}`;
    const db = createDb(name, deps);
    await db.open();
    db.close();
    const again = createDb(name, deps);
    await expect(again.open()).resolves.toBe(again);
    again.close();
    await again.delete();
  });

  it('looks at a database that does not exist without creating it', async () => {
    const name = `none-${crypto.randomUUID()}`;
    expect(await storedNativeVersion(indexedDB, name)).toBeNull();
    const names = await indexedDB.databases();
    expect(names.map((d) => d.name)).not.toContain(name);
  });
});
