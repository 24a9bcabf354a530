/**
 * The browser figures: the large backup's import into IndexedDB beside the raw
 * IndexedDB floor, and the built renderer's cold start. Real Chromium (Debian's
 * /usr/bin/chromium, the e2e suite's flags) driven by playwright-core, against pages
 * Vite builds into test-output/bench-web and serves on 127.0.0.1 at a port the system
 * picks free (every run opens fresh profiles, so the origin need not stay the same; two
 * checkouts, or the bench and the e2e suite, can run at once). A server that cannot start
 * stops the section with a clear error; it is never measured against someone else's.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';
import { build, preview } from 'vite';
import type { PreviewServer } from 'vite';
import { serializeBackup } from '../shared/backup/format';
import { largeTown } from '../tests/fixtures/synthetic-towns';
import { figure, summarise } from './stats';
import type { Figure } from './stats';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/chromium';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, 'test-output/bench-web');

/** Builds the renderer (as the e2e setup does) and/or the import page, with the large backup beside it. */
async function buildPages(pages: { app: boolean; importer: boolean }): Promise<void> {
  const common = {
    configFile: false as const,
    base: './',
    logLevel: 'warn' as const,
    // pdfmake's lazy chunks are big on purpose; start-up size is what this benchmark judges.
    build: { chunkSizeWarningLimit: 4096 },
  };
  if (pages.app) {
    await build({
      ...common,
      root: resolve(root, 'renderer'),
      plugins: [react()],
      build: { ...common.build, outDir: join(outDir, 'app'), emptyOutDir: true },
    });
  }
  if (!pages.importer) return;
  await build({
    ...common,
    root: resolve(root, 'bench/import-page'),
    build: { ...common.build, outDir: join(outDir, 'import'), emptyOutDir: true },
  });
  const text = serializeBackup(largeTown(), { exportedAt: '2026-06-30T12:00:00.000Z', appVersion: 'bench' });
  await writeFile(join(outDir, 'import', 'large-backup.json'), text);
}

/** Serves the built pages on a free port; returns the server and its origin. */
async function serve(): Promise<{ server: PreviewServer; origin: string }> {
  let server: PreviewServer;
  try {
    server = await preview({
      configFile: false,
      root,
      logLevel: 'warn',
      build: { outDir },
      // Port 0: the system picks a free one, so a busy port can never skip figures.
      preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
    });
  } catch (e) {
    throw new Error(
      `the benchmark's web server could not start on 127.0.0.1 (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string' || address.port === 0) {
    server.httpServer.close();
    throw new Error("the benchmark's web server started without a TCP port");
  }
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

/** A fresh Chromium profile (empty IndexedDB, empty HTTP and code caches), deleted on close. */
async function launch(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'etl-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** importBackup of the large town vs the raw floor, interleaved in one page; ratio per pair of runs. */
async function importFigures(origin: string, warmup: number, runs: number): Promise<Figure[]> {
  const { context, close } = await launch();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${origin}/import/index.html`);
    await page.waitForFunction(() => window.etlBench !== undefined);
    const url = './large-backup.json';
    const imports: number[] = [];
    const raws: number[] = [];
    const parses: number[] = [];
    for (let i = 0; i < warmup + runs; i++) {
      // Alternate which goes first, so neither always pays for the other's leftovers.
      const importFirst = i % 2 === 0;
      let imp = 0;
      let raw = 0;
      if (importFirst) imp = await page.evaluate((u) => window.etlBench!.importOnce(u), url);
      raw = await page.evaluate((u) => window.etlBench!.rawOnce(u), url);
      if (!importFirst) imp = await page.evaluate((u) => window.etlBench!.importOnce(u), url);
      const parse = await page.evaluate((u) => window.etlBench!.parseOnce(u), url);
      if (i >= warmup) {
        imports.push(imp);
        raws.push(raw);
        parses.push(parse);
      }
    }
    const counts = await page.evaluate(() => window.etlBench!.lastCounts());
    if (counts.attendance !== 20000 || counts.people !== 1000) {
      throw new Error(`the import stored ${JSON.stringify(counts)}, not the large town`);
    }
    if (errors.length > 0) throw new Error(`the import page failed: ${errors.join('; ')}`);
    const ratios = imports.map((ms, i) => ms / raws[i]!);
    return [
      figure(
        'import.large',
        'import large backup (importBackup)',
        'ms',
        imports,
        2000,
        'parse + validate + one Dexie transaction; 1,000 people, 300 sessions, 20,000 attendance rows' +
          (summarise(raws).median > 2000
            ? '. The raw IndexedDB floor alone is over 2 s here: the cost is one request per row (bench/README.md)'
            : ''),
      ),
      figure(
        'import.parse',
        'of which parse + validate (parseBackup)',
        'ms',
        parses,
        null,
        'the import minus its writes: JSON.parse, the zod schema and the cross-reference checks',
      ),
      figure('import.raw', 'raw IndexedDB puts, same rows (floor)', 'ms', raws, null),
      figure('import.ratio', 'import / raw floor', '×', ratios, 2),
    ];
  } finally {
    await close();
  }
}

interface ColdLoad {
  interactiveMs: number;
  /** When the start-up scripts had run (DOMContentLoaded waits for module scripts). */
  scriptsRunMs: number;
  /** React's first render (the loading line), before the database answers. */
  firstRenderMs: number;
  scripts: string[];
}

/**
 * Marks the moment the first-run guide is usable: its heading is in the page and
 * its "create" button is enabled (React has attached its handlers by then). Runs
 * before any page script on every cold load. A string, not a function: tsx would
 * wrap a function's inner names in a helper the page does not have.
 */
const MARK_INTERACTIVE = `(() => {
  const check = () => {
    const root = document.getElementById('root');
    if (root && root.firstChild && window.__etlFirstRender === undefined) window.__etlFirstRender = performance.now();
    const heading = document.querySelector('h1');
    const button = document.querySelector('form button[type="submit"]');
    if (heading && heading.textContent.startsWith('Welcome') && button && !button.disabled) {
      window.__etlInteractive = performance.now();
      return true;
    }
    return false;
  };
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();`;

async function coldLoadOnce(origin: string): Promise<ColdLoad> {
  const { context, close } = await launch();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(MARK_INTERACTIVE);
    await page.goto(`${origin}/app/index.html`);
    await page.waitForFunction(
      () => (window as unknown as { __etlInteractive?: number }).__etlInteractive !== undefined,
      undefined,
      { timeout: 30000 },
    );
    return await page.evaluate(() => {
      const w = window as unknown as { __etlInteractive: number; __etlFirstRender?: number };
      const at = w.__etlInteractive;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const scripts = performance
        .getEntriesByType('resource')
        .filter((e) => new URL(e.name).pathname.endsWith('.js') && e.startTime <= at)
        .map((e) => new URL(e.name).pathname);
      return {
        interactiveMs: at,
        scriptsRunMs: nav?.domContentLoadedEventStart ?? 0,
        firstRenderMs: w.__etlFirstRender ?? at,
        scripts,
      };
    });
  } finally {
    await close();
  }
}

/** Cold loads of the built renderer, and the gzip size of the JavaScript it loaded before it was interactive. */
async function startupFigures(origin: string, warmup: number, runs: number): Promise<Figure[]> {
  const loads: ColdLoad[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const load = await coldLoadOnce(origin);
    if (i >= warmup) loads.push(load);
  }
  const scripts = [...new Set(loads.flatMap((l) => l.scripts))].sort();
  const gzipKb: number[] = [];
  let rawBytes = 0;
  const texts: string[] = [];
  for (const path of scripts) {
    const bytes = await readFile(join(outDir, decodeURIComponent(path)));
    rawBytes += bytes.length;
    gzipKb.push(gzipSync(bytes).length / 1024);
    texts.push(bytes.toString('utf8'));
  }
  const totalGzip = gzipKb.reduce((a, b) => a + b, 0);

  // pdfmake and its fonts must be chunks of their own that start-up never loads.
  const assets = await readdir(join(outDir, 'app', 'assets'));
  const pdfChunks = assets.filter((f) => /^(pdfmake|vfs_fonts)/.test(f) && f.endsWith('.js'));
  const loadedPdf = scripts.filter((s) => /\/(pdfmake|vfs_fonts)[^/]*\.js$/.test(s));
  const fontsInStartup = texts.some((t) => t.includes('Roboto-Regular.ttf'));
  const pdfOut = pdfChunks.length >= 2 && loadedPdf.length === 0 && !fontsInStartup;
  const pdfGzip = await Promise.all(
    pdfChunks.map(async (f) => gzipSync(await readFile(join(outDir, 'app', 'assets', f))).length / 1024),
  );

  const interactive = loads.map((l) => l.interactiveMs);
  const med = (pick: (l: ColdLoad) => number) => summarise(loads.map(pick)).median.toFixed(0);
  return [
    figure(
      'startup.coldLoad',
      'renderer cold load to interactive',
      'ms',
      interactive,
      1000,
      `navigation start to the first-run heading shown with its button enabled; fresh profile each run. ` +
        `Medians: scripts run by ${med((l) => l.scriptsRunMs)} ms, first render ${med((l) => l.firstRenderMs)} ms ` +
        `(then the database opens and answers), interactive ${med((l) => l.interactiveMs)} ms`,
    ),
    figure(
      'startup.jsGzip',
      'JavaScript at start-up (gzip)',
      'KB',
      [totalGzip],
      350,
      `${scripts.length} script(s) loaded before interactive: ${scripts.join(', ')} (${(rawBytes / 1024).toFixed(0)} KB before gzip)`,
    ),
    {
      ...figure(
        'startup.pdfmakeLazy',
        'pdfmake + fonts kept out of start-up',
        '',
        [pdfOut ? 1 : 0],
        null,
        pdfChunks.length < 2
          ? 'pdfmake and vfs_fonts are not in chunks of their own: something imports them statically'
          : `lazy chunks ${pdfChunks.join(', ')} (${pdfGzip.reduce((a, b) => a + b, 0).toFixed(0)} KB gzip) ${pdfOut ? 'not loaded' : 'LOADED'} at start-up`,
      ),
      value: pdfOut ? 'yes' : 'no',
      pass: pdfOut,
    },
  ];
}

export interface WebOptions {
  importRuns: { warmup: number; runs: number } | null;
  startupRuns: { warmup: number; runs: number } | null;
}

/** Builds, serves, measures, and always stops the server. */
export async function webFigures(options: WebOptions): Promise<Figure[]> {
  await buildPages({ app: options.startupRuns !== null, importer: options.importRuns !== null });
  const { server, origin } = await serve();
  try {
    const figures: Figure[] = [];
    if (options.importRuns)
      figures.push(...(await importFigures(origin, options.importRuns.warmup, options.importRuns.runs)));
    if (options.startupRuns) {
      figures.push(...(await startupFigures(origin, options.startupRuns.warmup, options.startupRuns.runs)));
    }
    return figures;
  } finally {
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  }
}

/** The Chromium version, for the README's machine line. */
export async function chromiumVersion(): Promise<string> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `no Chromium at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    return browser.version();
  } finally {
    await browser.close();
  }
}
