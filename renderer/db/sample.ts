/**
 * The sample town shipped with the app (`resources/samples/harbor-falls.json`),
 * bundled as text by Vite so the sandboxed renderer needs no file access.
 */
import sampleText from '../../resources/samples/harbor-falls.json?raw';
import { parseBackup } from '../../shared/backup';
import { countsOf } from './backup';
import type { ImportResult } from './backup';
import { replaceAllData, SAMPLE_TOWN_KEY } from './repositories';
import type { AppDB } from './schema';

/** The sample backup's text. */
export const harborFallsSampleText: string = sampleText;

/**
 * Replaces everything stored with the Harbor Falls sample town and marks it as the sample
 * (`SAMPLE_TOWN_KEY`) in the same transaction, so the banner and "Start my own town" can
 * never be missing while its records are there.
 */
export async function loadHarborFallsSample(db: AppDB): Promise<ImportResult> {
  const parsed = parseBackup(harborFallsSampleText);
  if (!parsed.ok) return parsed;
  const data = parsed.backup.data;
  await db.transaction('rw', [...db.allTables(), db.meta], async () => {
    await replaceAllData(db, data);
    await db.meta.put({ key: SAMPLE_TOWN_KEY, value: { name: data.town.name } });
  });
  return { ok: true, counts: countsOf(data) };
}
