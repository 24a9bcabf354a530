/**
 * The browser edition (npm run build:web), end to end in real Chromium: built into
 * test-output/web-edition with the real vite.web.config.ts, served on 127.0.0.1 (a secure context,
 * so service workers run) at a free port, loaded once online; then the network is cut and the
 * page reloaded: it opens from the service worker, the records are there and a packet PDF is made.
 * Every request goes to the app's own origin and none fails.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { build, preview } from 'vite';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webEditionConfig } from '../../vite.web.config';
import { CHROMIUM_PATH, goTo, shot, waitForApp } from './browser';
import { CHROMIUM_ARGS } from './chromium';

const outDir = resolve(import.meta.dirname, '../../test-output/web-edition');

let server: PreviewServer;
let base: string;
let profile: string;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
const failed: string[] = [];
const errors: string[] = [];

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).replace(/\\/g, '/'));
}

beforeAll(async () => {
  const config = webEditionConfig(outDir);
  await build(config);
  server = await preview({ ...config, preview: { host: '127.0.0.1', port: 0, open: false } });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('the preview server has no TCP port');
  base = `http://127.0.0.1:${address.port}/`;

  profile = await mkdtemp(join(tmpdir(), 'etl-web-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    serviceWorkers: 'allow',
  });
  // The context's events include the service worker's own fetches.
  context.on('request', (r) => requests.push(r.url()));
  context.on('requestfailed', (r) => failed.push(`${r.url()}: ${r.failure()?.errorText ?? '?'}`));
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
}, 240000);

afterAll(async () => {
  await context?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
  await new Promise<void>((done) => (server ? server.httpServer.close(() => done()) : done()));
});

describe('the browser edition build', () => {
  it('has a web manifest an installable app needs', async () => {
    const manifest = JSON.parse(await readFile(join(outDir, 'manifest.webmanifest'), 'utf8')) as {
      name: string;
      display: string;
      start_url: string;
      icons: { src: string; sizes: string }[];
    };
    expect(manifest).toMatchObject({
      name: 'Equity Training Ledger',
      display: 'standalone',
      start_url: './',
    });
    expect(manifest.icons.map((i) => i.sizes)).toEqual(['192x192', '512x512']);
    const files = await filesUnder(outDir);
    for (const icon of manifest.icons) expect(files).toContain(icon.src);
    const html = await readFile(join(outDir, 'index.html'), 'utf8');
    expect(html).toContain('<link rel="manifest" href="./manifest.webmanifest">');
    // Relative URLs only, so it works from any folder of any static host.
    expect(html).not.toMatch(/(src|href)="\//);
  });

  it('says in its CSP that it loads nothing from anywhere but its own origin', async () => {
    const html = await readFile(join(outDir, 'index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    const directives = csp.split(';').map((d) => d.trim().split(/\s+/));
    expect(directives.map((d) => d[0])).toEqual(
      expect.arrayContaining(['default-src', 'connect-src', 'script-src']),
    );
    const sources = directives.flatMap(([, ...values]) => values);
    expect(
      sources.filter((v) => !["'self'", "'none'", "'unsafe-inline'", 'data:', 'blob:'].includes(v)),
    ).toEqual([]);
  });

  it('precaches every file of the build, pdfmake and its fonts included', async () => {
    const sw = await readFile(join(outDir, 'sw.js'), 'utf8');
    const precached = new Set([...sw.matchAll(/["']?\burl["']?\s*:\s*"([^"]+)"/g)].map((m) => m[1]!));
    const files = (await filesUnder(outDir)).filter((f) => f !== 'sw.js');
    expect(files.filter((f) => !precached.has(f))).toEqual([]);
    expect([...precached].some((f) => /^assets\/pdfmake-[\w-]+\.js$/.test(f))).toBe(true);
    expect([...precached].some((f) => /^assets\/vfs_fonts-[\w-]+\.js$/.test(f))).toBe(true);
    // The worker loads no script from elsewhere (no CDN copy of Workbox).
    expect(sw).not.toMatch(/importScripts\(/);
  });
});

describe('the browser edition, offline', () => {
  it('loads once online and installs its service worker', async () => {
    await page.goto(base);
    await waitForApp(page);
    // Installed means every precached file is in the cache; then it activates.
    await page.waitForFunction(
      async () => (await navigator.serviceWorker.ready).active?.state === 'activated',
      undefined,
      { timeout: 60000 },
    );
    await page.getByRole('region', { name: 'Where your records are kept' }).waitFor();
    await shot(page, 'web-edition-first-run');
  });

  it('creates a town and a person', async () => {
    await page.getByRole('textbox', { name: 'Town name' }).fill('Maple Hollow');
    await page.getByRole('spinbutton', { name: 'Certification year' }).fill('2026');
    await page.getByRole('button', { name: 'Create my town' }).click();
    await page.getByRole('heading', { level: 1, name: 'Town of Maple Hollow' }).waitFor();
    await goTo(page, 'People');
    await page.getByRole('button', { name: 'Add person' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add a person' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Ruth Alvarez');
    await dialog.getByLabel('Kind of position to add').selectOption('elected');
    await dialog.getByRole('button', { name: 'Add position' }).click();
    await dialog.getByRole('combobox', { name: 'Body' }).selectOption('selectmen');
    await dialog.getByRole('textbox', { name: /^Title/ }).fill('First Selectman');
    await dialog.getByLabel(/^Start date/).fill('2023-11-20');
    await dialog.getByRole('button', { name: 'Save person' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The roster re-renders a moment after the save (its search is deferred): wait for the row.
    await page.getByRole('row', { name: /Ruth Alvarez/ }).waitFor();
    await expect.poll(() => page.getByRole('row', { name: /Ruth Alvarez/ }).count()).toBe(1);
  });

  it('opens from the service worker with the network cut, the person still there', async () => {
    await context.setOffline(true);
    await page.reload();
    await waitForApp(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await goTo(page, 'People');
    await expect.poll(() => page.getByRole('row', { name: /Ruth Alvarez/ }).count()).toBe(1);
    await shot(page, 'web-edition-offline');
  });

  it('makes the packet PDF offline (pdfmake and its fonts come from the cache)', async () => {
    await goTo(page, 'Eligibility');
    await page.getByRole('button', { name: 'Create packet…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create packet' });
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60000 }),
      dialog.getByRole('button', { name: 'Create and save the packet' }).click(),
    ]);
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(10000);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('backs up from the note, which then says the last backup was today', async () => {
    const note = page.getByRole('region', { name: 'Where your records are kept' });
    expect(await note.textContent()).toContain('No backup yet in this browser.');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      note.getByRole('button', { name: 'Back up now' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^maple-hollow-backup-\d{4}-\d{2}-\d{2}\.json$/);
    await note.getByText('Last backup: today.').waitFor();
  });

  it('asked the network for nothing but its own files, and no request failed', () => {
    const origin = new URL(base).origin;
    expect(requests.length).toBeGreaterThan(10);
    expect(requests.filter((u) => !u.startsWith(`${origin}/`) && !/^(blob|data):/.test(u))).toEqual([]);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
  });
});
