/**
 * Sharing (issue 15), in real Chromium against pouchdb-server on 127.0.0.1:
 *
 * - **first pull**: the large town (1,000 people, 300 sessions, 20,000 attendance pairs:
 *   21,391 documents) from the server into an empty profile, through the app's own engine
 *   and PouchDB build (IndexedDB mirror, then one Dexie transaction); goal 2 s;
 * - **round trip**: one person renamed on computer A until computer B has it (A's round,
 *   then B's); goal 1 s.
 *
 * The page reaches the server behind its own address (/couch), as the app does. The server
 * is pouchdb-server 4.2 in memory — what installs here; Apache CouchDB is faster at the
 * same API. Its own build and server on free ports.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { build, preview } from 'vite';
import type { PreviewServer } from 'vite';
import { docsOf } from '../shared/sync/docs';
import type { SharingSettings } from '../shared/sync/settings';
import { startCouchServer } from '../tests/fixtures/couch-server';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/chromium';
import { largeTown } from '../tests/fixtures/synthetic-towns';
import { figure, summarise } from './stats';
import type { Figure } from './stats';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, 'test-output/bench-sync');
export const FIRST_PULL_BUDGET_MS = 2000;
export const ROUND_TRIP_BUDGET_MS = 1000;

async function profile(): Promise<{ context: BrowserContext; page: Page; close: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'etl-bench-sync-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function syncFigures(options: { pulls: number; trips: number }): Promise<Figure[]> {
  const couch = await startCouchServer();
  let server: PreviewServer | undefined;
  const closers: (() => Promise<void>)[] = [];
  try {
    const town = largeTown();
    const docs = docsOf(town);
    await couch.createTownDb('large-town', 'clerk', 'bench-password');
    for (let i = 0; i < docs.length; i += 5000) {
      await couch.admin('POST', '/large-town/_bulk_docs', { docs: docs.slice(i, i + 5000) });
    }
    const config = {
      configFile: false as const,
      root: resolve(root, 'bench/sync-page'),
      base: './',
      logLevel: 'warn' as const,
      build: { outDir, emptyOutDir: true },
    };
    await build(config);
    server = await preview({
      ...config,
      preview: {
        host: '127.0.0.1',
        port: 0,
        open: false,
        proxy: {
          '/couch': {
            target: couch.url,
            changeOrigin: true,
            rewrite: (p) => p.slice('/couch'.length) || '/',
          },
        },
      },
    });
    const address = server.httpServer.address();
    if (address === null || typeof address === 'string')
      throw new Error('the sync bench page has no TCP port');
    const origin = `http://127.0.0.1:${address.port}`;
    const settings: SharingSettings = {
      serverUrl: `${origin}/couch`,
      database: 'large-town',
      username: 'clerk',
      active: true,
    };

    const pulls: number[] = [];
    const replicates: number[] = [];
    const applies: number[] = [];
    for (let i = 0; i < options.pulls; i++) {
      const p = await profile();
      try {
        await p.page.goto(`${origin}/index.html`);
        await p.page.waitForFunction(() => window.etlSyncBench !== undefined);
        const result = await p.page.evaluate(([s, pw]) => window.etlSyncBench!.firstPull(s, pw), [
          settings,
          'bench-password',
        ] as const);
        if (result.people !== town.people.length || result.attendance !== town.attendance.length) {
          throw new Error(
            `the first pull stored ${result.people} people and ${result.attendance} pairs, not the large town`,
          );
        }
        pulls.push(result.ms);
        replicates.push(result.replicateMs);
        applies.push(result.applyMs);
      } finally {
        await p.close();
      }
    }
    // Two computers with the town.
    const a = await profile();
    const b = await profile();
    closers.push(a.close, b.close);
    for (const p of [a, b]) {
      await p.page.goto(`${origin}/index.html`);
      await p.page.waitForFunction(() => window.etlSyncBench !== undefined);
      await p.page.evaluate(([s, pw]) => window.etlSyncBench!.firstPull(s, pw), [
        settings,
        'bench-password',
      ] as const);
    }
    const id = town.people[0]!.id;
    const trips: number[] = [];
    for (let i = 0; i < options.trips + 1; i++) {
      const name = `Renamed ${i}`;
      const sent = await a.page.evaluate(([pid, n]) => window.etlSyncBench!.change(pid, n), [
        id,
        name,
      ] as const);
      const got = await b.page.evaluate((pid) => window.etlSyncBench!.receive(pid), id);
      if (got.name !== name) throw new Error(`computer B has "${got.name}", not "${name}"`);
      if (i > 0) trips.push(sent + got.ms); // the first is a warm-up
    }
    return [
      figure(
        'sync.firstPull',
        'sharing: first pull of the large town',
        'ms',
        pulls,
        FIRST_PULL_BUDGET_MS,
        `${docs.length.toLocaleString('en-US')} documents from pouchdb-server 4.2 (in memory) into an empty profile: replication into the IndexedDB mirror (median ${Math.round(summarise(replicates).median)} ms), then reading it into one Dexie transaction (${Math.round(summarise(applies).median)} ms)`,
      ),
      figure(
        'sync.roundTrip',
        'sharing: one change, A to B',
        'ms',
        trips,
        ROUND_TRIP_BUDGET_MS,
        'a person renamed on A: A pushes and replicates, then B replicates and applies',
      ),
    ];
  } finally {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    await new Promise<void>((done) => (server ? server.httpServer.close(() => done()) : done()));
    await couch.stop();
  }
}
