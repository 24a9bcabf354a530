import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyCatalogUpdates, CATALOG_VERSION_KEY } from '../../../renderer/db/catalog-updates';
import { initialiseTown, loadTownData, replaceAllData } from '../../../renderer/db/repositories';
import type { AppDB } from '../../../renderer/db/schema';
import { builtInCatalog, CATALOG_VERSION, RETIRED_DESCRIPTIONS } from '../../../shared/domain/catalog';
import { townDataSchema } from '../../../shared/domain/schema';
import type { TownData } from '../../../shared/domain/schema';
import { testDb } from './helpers';

/**
 * A town as a release before catalog version 2 stored it: the 2020 series with the
 * descriptions it shipped, no `catalogVersion` row in `meta`.
 */
function oldTown(): TownData {
  const v1 = builtInCatalog();
  const series = v1.series
    .filter((s) => s.id === 'sct-2020')
    .map((s) => ({ ...s, description: RETIRED_DESCRIPTIONS[s.id]! }));
  const trainings = v1.trainings
    .filter((t) => t.seriesId === 'sct-2020')
    .map((t) => ({ ...t, description: RETIRED_DESCRIPTIONS[t.id]! }));
  const sessions = v1.sessions.filter((s) => trainings.some((t) => t.id === s.trainingId));
  return townDataSchema.parse({
    town: { name: 'Old Town', certificationYear: 2026 },
    series,
    trainings,
    sessions,
  });
}

describe('applyCatalogUpdates()', () => {
  let db: AppDB;
  beforeEach(() => {
    db = testDb();
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('does nothing and writes nothing before a town exists', async () => {
    expect(await applyCatalogUpdates(db)).toBeNull();
    expect(await db.meta.get(CATALOG_VERSION_KEY)).toBeUndefined();
  });

  it('adds the 2026 cohorts to a town created by an older release, keeping what the clerk edited and deleted', async () => {
    const data = oldTown();
    // The clerk renamed Equity 101, wrote their own description for Everyday Anti-Racism
    // and deleted the Middlesex session of the third topic.
    data.trainings[0]!.name = 'Equity 101 (our notes)';
    data.trainings[1]!.description = 'What we covered: bystander tools.';
    data.sessions = data.sessions.filter(
      (s) => s.id !== 'sct-2020-conversation-about-race-bias-and-equity-2020-06-17',
    );
    await replaceAllData(db, data);

    const update = await applyCatalogUpdates(db);
    expect(update).toMatchObject({ from: 1, to: CATALOG_VERSION });
    const after = (await loadTownData(db))!;
    expect(after.series.map((s) => s.id).sort()).toEqual([
      'sct-2020',
      'sct-2026-spring',
      'sct-2026-summer',
      'sct-2026-winter',
    ]);
    expect(after.trainings).toHaveLength(3 + 9);
    expect(after.sessions).toHaveLength(5 + 9);
    const byId = new Map(after.trainings.map((t) => [t.id, t]));
    expect(byId.get('sct-2020-equity-101')?.name).toBe('Equity 101 (our notes)');
    expect(byId.get('sct-2020-everyday-anti-racism')?.description).toBe('What we covered: bystander tools.');
    // The description no source contains is gone where the clerk had not touched it.
    expect(byId.get('sct-2020-equity-101')?.description).toBe('');
    expect(after.series.find((s) => s.id === 'sct-2020')?.description).toMatch(
      /^Built in, from the Sustainable CT flyer/,
    );
    expect(after.sessions.some((s) => s.id.endsWith('2020-06-17'))).toBe(false);
    expect(after.town.name).toBe('Old Town');
    expect((await db.meta.get(CATALOG_VERSION_KEY))?.value).toBe(CATALOG_VERSION);
  });

  it('never re-adds a built-in series the clerk deleted after it arrived, nor overwrites one they edited', async () => {
    await replaceAllData(db, oldTown());
    await applyCatalogUpdates(db);
    await db.transaction('rw', db.series, db.trainings, db.sessions, async () => {
      await db.series.delete('sct-2026-summer');
      const summer = await db.trainings.where('seriesId').equals('sct-2026-summer').primaryKeys();
      await db.trainings.bulkDelete(summer);
      await db.sessions.where('trainingId').anyOf(summer).delete();
      await db.series.update('sct-2026-winter', { name: 'Winter cohort (ours)' });
    });
    expect(await applyCatalogUpdates(db)).toBeNull();
    const after = (await loadTownData(db))!;
    expect(after.series.map((s) => s.id).sort()).toEqual(['sct-2020', 'sct-2026-spring', 'sct-2026-winter']);
    expect(after.series.find((s) => s.id === 'sct-2026-winter')?.name).toBe('Winter cohort (ours)');
  });

  it('adds a cohort by id only when the town has no record with that id', async () => {
    const data = oldTown();
    data.series.push({ id: 'sct-2026-winter', name: 'Our own winter series', description: '' });
    await replaceAllData(db, data);
    await applyCatalogUpdates(db);
    const after = (await loadTownData(db))!;
    expect(after.series.find((s) => s.id === 'sct-2026-winter')?.name).toBe('Our own winter series');
    // Its built-in topics are not grafted onto the clerk's series.
    expect(after.trainings.some((t) => t.seriesId === 'sct-2026-winter')).toBe(false);
    expect(after.trainings.some((t) => t.seriesId === 'sct-2026-spring')).toBe(true);
  });

  it('offers nothing to a town created by this release', async () => {
    await initialiseTown(db, { name: 'New Town', certificationYear: 2026 });
    expect(await applyCatalogUpdates(db)).toBeNull();
    expect((await loadTownData(db))!.series).toHaveLength(4);
  });
});
