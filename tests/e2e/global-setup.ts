/**
 * End-to-end global setup: build the renderer once and serve it at a FIXED origin,
 * http://127.0.0.1:4789 (IndexedDB is per origin, so every run must use the same one).
 *
 * The renderer is built with Vite directly into `test-output/e2e-renderer` rather
 * than with `electron-vite build` into `out/`: the test then needs neither the main
 * process nor the preload to compile, and never overwrites a build someone is using.
 * Set E2E_SKIP_BUILD=1 to reuse the last build while iterating on a test.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build, preview } from 'vite';
import type { PreviewServer } from 'vite';

const root = resolve(import.meta.dirname, '../..');
export const E2E_PORT = 4789;
const outDir = resolve(root, 'test-output/e2e-renderer');

let server: PreviewServer | undefined;

export async function setup(): Promise<void> {
  const config = {
    configFile: false as const,
    root: resolve(root, 'renderer'),
    base: './',
    logLevel: 'warn' as const,
    plugins: [react()],
    build: { outDir, emptyOutDir: true },
  };
  if (process.env.E2E_SKIP_BUILD !== '1' || !existsSync(resolve(outDir, 'index.html'))) await build(config);
  server = await preview({
    ...config,
    preview: { host: '127.0.0.1', port: E2E_PORT, strictPort: true, open: false },
  });
}

export async function teardown(): Promise<void> {
  await new Promise<void>((done) => {
    if (!server) return done();
    server.httpServer.close(() => done());
  });
  server = undefined;
}
