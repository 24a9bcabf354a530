import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportBackup, importBackup, loadSample, previewBackup } from '../../../renderer/db/backup';
import {
  initialiseTown,
  loadTownData,
  NoTownError,
  putPerson,
  replaceAllData,
  setAttendance,
} from '../../../renderer/db/repositories';
import type { AppDB } from '../../../renderer/db/schema';
import type { TownData } from '../../../shared/domain/schema';
import { townDataArb } from '../../fixtures/arbitraries';
import { testDb } from './helpers';

const sampleText = readFileSync(
  new URL('../../../resources/samples/harbor-falls.json', import.meta.url),
  'utf8',
);
const meta = { appVersion: '0.1.0', exportedAt: '2026-03-01T15:00:00.000Z' };

let db: AppDB;
beforeEach(() => {
  db = testDb();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function smallTown() {
  await initialiseTown(db, { name: 'Testville', certificationYear: 2026 });
  await putPerson(db, { id: 'pat', name: 'Pat Lee' });
  await setAttendance(db, 'pat', 'sct-2020-equity-101-2020-02-18', true);
}

describe('exportBackup() and importBackup()', () => {
  it('round-trip: export, import into a fresh database, export again gives the same text', async () => {
    await smallTown();
    const first = await exportBackup(db, meta);
    const other = testDb();
    expect(await importBackup(other, first)).toMatchObject({
      ok: true,
      counts: { people: 1, attendance: 1 },
    });
    expect(await exportBackup(other, meta)).toBe(first);
    expect(await loadTownData(other)).toEqual(await loadTownData(db));
    other.close();
    await other.delete();
  });

  it('reproduces the shipped sample byte for byte', async () => {
    expect(await loadSample(db, sampleText)).toMatchObject({ ok: true });
    expect(await exportBackup(db, meta)).toBe(sampleText);
  });

  it('refuses to export before there is a town', async () => {
    await expect(exportBackup(db, meta)).rejects.toBeInstanceOf(NoTownError);
  });

  it('leaves the database untouched when the file is invalid', async () => {
    await smallTown();
    const before = await loadTownData(db);
    // Edited by hand, so without its checksum (a stale one would be refused first, below).
    const broken = JSON.parse(sampleText) as { data: TownData; dataSha256?: string };
    delete broken.dataSha256;
    broken.data.attendance.push({ personId: 'ghost', sessionId: broken.data.sessions[0]!.id });
    const r = await importBackup(db, JSON.stringify(broken));
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          path: `data.attendance[${broken.data.attendance.length - 1}].personId`,
          message: 'no person has the id "ghost"',
          plain: `Attendance record ${broken.data.attendance.length}: no person has the id "ghost"`,
        },
      ],
    });
    expect(await loadTownData(db)).toEqual(before);
    // The same edit with the checksum left in: refused as damaged.
    const stale = JSON.parse(sampleText) as { data: TownData };
    stale.data.attendance.push({ personId: 'ghost', sessionId: stale.data.sessions[0]!.id });
    const damaged = await importBackup(db, JSON.stringify(stale));
    expect(damaged.ok ? [] : damaged.errors.map((e) => e.plain)).toEqual([
      expect.stringMatching(/^This backup was changed or damaged after it was written/),
    ]);
    expect(await loadTownData(db)).toEqual(before);
    expect((await importBackup(db, sampleText.slice(0, 500))).ok).toBe(false);
    expect(await loadTownData(db)).toEqual(before);
  });

  it('leaves the database untouched when a write fails half-way through the import', async () => {
    await smallTown();
    const before = await loadTownData(db);
    // Fails after the tables were cleared and town, people, trainings... were written.
    const spy = vi.spyOn(db.sessionAttendance, 'bulkAdd').mockRejectedValueOnce(new Error('disk full'));
    const r = await importBackup(db, sampleText);
    expect(spy).toHaveBeenCalled();
    expect(r).toEqual({
      ok: false,
      errors: [{ path: '', message: 'the backup could not be saved (disk full); nothing was changed' }],
    });
    expect(await loadTownData(db)).toEqual(before);
  });

  it('round-trips generated towns through the database', async () => {
    await fc.assert(
      fc.asyncProperty(townDataArb, async (data) => {
        await replaceAllData(db, data);
        const text = await exportBackup(db, meta);
        const other = testDb();
        try {
          expect((await importBackup(other, text)).ok).toBe(true);
          expect(await exportBackup(other, meta)).toBe(text);
          const loaded = (await loadTownData(other))!;
          // Same records, whatever order the database lists them in.
          for (const key of Object.keys(data) as (keyof typeof data)[]) {
            const a = loaded[key];
            expect(Array.isArray(a) ? new Set(a.map((x) => JSON.stringify(x))) : a).toEqual(
              Array.isArray(data[key])
                ? new Set((data[key] as unknown[]).map((x) => JSON.stringify(x)))
                : data[key],
            );
          }
        } finally {
          other.close();
          await other.delete();
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('previewBackup()', () => {
  it('shows town, year, counts and export time without touching a database', () => {
    const r = previewBackup(sampleText);
    expect(r).toEqual({
      ok: true,
      preview: {
        townName: 'Harbor Falls',
        certificationYear: 2026,
        exportedAt: '2026-03-01T15:00:00.000Z',
        appVersion: '0.1.0',
        counts: {
          people: 13,
          series: 2,
          trainings: 8,
          sessions: 14,
          attendance: 30,
          partners: 2,
          certifications: 1,
          coaching: 2,
          optimizeForEquity: 2,
          submissions: 0,
        },
        checksum: 'verified',
      },
    });
  });

  it('returns the errors of an invalid file', () => {
    expect(previewBackup('{')).toEqual({
      ok: false,
      errors: [
        {
          path: '',
          message: expect.stringMatching(/^line 1, column 2: invalid JSON/),
          plain: expect.stringMatching(/^The file ends early/),
        },
      ],
    });
  });
});

describe('loadHarborFallsSample()', () => {
  it('loads the bundled sample town', async () => {
    const { loadHarborFallsSample, harborFallsSampleText } = await import('../../../renderer/db/sample');
    expect(harborFallsSampleText).toBe(sampleText);
    expect(await loadHarborFallsSample(db)).toMatchObject({ ok: true, counts: { people: 13 } });
    expect((await loadTownData(db))!.town.name).toBe('Harbor Falls');
  });
});
