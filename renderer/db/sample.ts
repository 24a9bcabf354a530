/**
 * The sample town shipped with the app (`resources/samples/harbor-falls.json`),
 * bundled as text by Vite so the sandboxed renderer needs no file access.
 */
import sampleText from '../../resources/samples/harbor-falls.json?raw';
import { loadSample } from './backup';
import type { ImportResult } from './backup';
import type { AppDB } from './schema';

/** The sample backup's text. */
export const harborFallsSampleText: string = sampleText;

/** Replaces everything stored with the Harbor Falls sample town. */
export function loadHarborFallsSample(db: AppDB): Promise<ImportResult> {
  return loadSample(db, harborFallsSampleText);
}
