/**
 * The packaged app's size: electron-builder packs the real app (electron-builder.yml) against the
 * stand-in Electron of tests/dist/stand-in.ts, as the packaging test does, and app.asar's size is
 * judged against a budget. Its contents are the test's business; this watches the weight (the
 * renderer's chunks, pdfmake and its fonts are most of it; a node_modules folder creeping back
 * in would add some 45 MB).
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, packWithStandIn } from '../tests/dist/stand-in';
import { figure } from './stats';
import type { Figure } from './stats';

/** app.asar may weigh at most this (KB). Measured 4,750 KB on 2026-12-01. */
export const ASAR_BUDGET_KB = 6144;

export async function packagingFigures(): Promise<Figure[]> {
  await buildApp();
  const dir = await mkdtemp(join(tmpdir(), 'ledger-bench-pack-'));
  try {
    const packed = await packWithStandIn(dir);
    const kb = (await stat(packed.asarPath)).size / 1024;
    return [
      figure(
        'packaging.asar',
        'app.asar size',
        'KB',
        [kb],
        ASAR_BUDGET_KB,
        'electron-builder --dir with the real config; out/main, out/preload, out/renderer and package.json only',
      ),
      figure('packaging.pack', 'electron-builder --dir (stand-in Electron)', 'ms', [packed.packMs], null),
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
