/**
 * End-to-end global setup: build the renderer once and serve it on 127.0.0.1 at a free
 * port (every test file opens a fresh profile, so the origin need not be the same from one
 * run to the next, and two checkouts can run their suites at once). The tests read the
 * address with `inject('e2eBaseUrl')`.
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
import type { TestProject } from 'vitest/node';
import { startCouchServer } from '../fixtures/couch-server';
import type { CouchServer } from '../fixtures/couch-server';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBaseUrl: string;
    /** The sharing server (pouchdb-server) itself, for setting up databases and users as its admin. */
    couchDirectUrl: string;
  }
}

/**
 * The path under the renderer's own address that leads to the sharing server. The page's
 * policy allows `connect-src 'self'` only (as the browser edition's does), so the tests reach
 * the server the way a town's web host would offer it: behind the same address.
 */
export const COUCH_PATH = '/couch';

const root = resolve(import.meta.dirname, '../..');
const outDir = resolve(root, 'test-output/e2e-renderer');

let server: PreviewServer | undefined;
let couch: CouchServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  const config = {
    configFile: false as const,
    root: resolve(root, 'renderer'),
    base: './',
    logLevel: 'warn' as const,
    plugins: [react()],
    build: { outDir, emptyOutDir: true },
  };
  if (process.env.E2E_SKIP_BUILD !== '1' || !existsSync(resolve(outDir, 'index.html'))) await build(config);
  couch = await startCouchServer();
  const target = couch.url;
  server = await preview({
    ...config,
    preview: {
      host: '127.0.0.1',
      port: 0,
      open: false,
      proxy: {
        [COUCH_PATH]: { target, changeOrigin: true, rewrite: (path) => path.slice(COUCH_PATH.length) || '/' },
      },
    },
  });
  project.provide('couchDirectUrl', couch.directUrl);
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('the preview server has no TCP port');
  project.provide('e2eBaseUrl', `http://127.0.0.1:${address.port}/`);
}

export async function teardown(): Promise<void> {
  await new Promise<void>((done) => {
    if (!server) return done();
    server.httpServer.close(() => done());
  });
  server = undefined;
  await couch?.stop();
  couch = undefined;
}
