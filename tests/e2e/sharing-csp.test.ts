/**
 * The sharing server's origin in the Content-Security-Policy, in real Chromium: the built
 * renderer served through the app:// protocol handler (electron/main/protocol.ts, adapted to
 * plain HTTP here, as Electron is not installed on these machines), with the policy main
 * gives it. With sharing off the page can reach no other origin; set up, exactly the server's.
 * The control shows why the handler rewrites index.html's meta tag: a page obeys the header
 * and the tag both, so a header alone that allows the server is not enough.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAppProtocolHandler } from '../../electron/main/protocol';
import { contentSecurityPolicy } from '../../electron/main/security';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

// protocol.ts and security.ts import Electron for other functions; none is called here.
vi.mock('electron', () => ({ protocol: {}, BrowserWindow: class {} }));

const rendererDir = resolve(import.meta.dirname, '../../test-output/e2e-renderer');

let browser: Browser;
let page: Page;
let app: Server;
let couch: Server;
let appUrl: string;
let couchOrigin: string;
/** What main's sharing store would say: the configured server's origin, or null. */
let sharingOrigin: string | null = null;

const listen = (server: Server) =>
  new Promise<string>((done) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      done(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
    }),
  );

beforeAll(async () => {
  // Stands in for the sharing server: any answer will do, the question is whether the page may ask.
  couch = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{"couchdb":"Welcome"}');
  });
  couchOrigin = await listen(couch);
  const handler = createAppProtocolHandler(rendererDir, () => contentSecurityPolicy(sharingOrigin));
  const rawPage = await readFile(resolve(rendererDir, 'index.html'), 'utf8');
  app = createServer((req, res) => {
    void (async () => {
      if (req.url === '/header-only.html') {
        // The control: the header allows the server, the page keeps its strict meta tag.
        res.writeHead(200, {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': contentSecurityPolicy(couchOrigin),
        });
        res.end(rawPage);
        return;
      }
      const response = await handler(new Request(`app://ledger${req.url ?? '/'}`));
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })();
  });
  appUrl = await listen(app);
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => app?.close(done));
  await new Promise((done) => couch?.close(done));
});

/** Loads `path` and asks the page to fetch `target`: did the policy let it, and what did it report? */
async function tryFetch(path: string, target: string): Promise<{ reached: boolean; violations: string[] }> {
  await page.goto(`${appUrl}${path}`);
  return page.evaluate(async (url) => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
    let reached = false;
    try {
      await fetch(url, { mode: 'no-cors', cache: 'no-store' });
      reached = true;
    } catch {
      reached = false;
    }
    await new Promise((r) => setTimeout(r, 50));
    return { reached, violations };
  }, target);
}

describe('connect-src set at run time by main', () => {
  it('lets the page reach no other origin while sharing is off', async () => {
    sharingOrigin = null;
    // One report per policy that refused: the header's and the meta tag's.
    expect(await tryFetch('/index.html', `${couchOrigin}/harbor-falls`)).toEqual({
      reached: false,
      violations: ['connect-src', 'connect-src'],
    });
  });

  it("lets the page reach exactly the configured server's origin once sharing is set up", async () => {
    sharingOrigin = couchOrigin;
    expect(await tryFetch('/index.html', `${couchOrigin}/harbor-falls`)).toEqual({
      reached: true,
      violations: [],
    });
    // The same server under another origin (localhost, not 127.0.0.1) stays out.
    const other = `http://localhost:${new URL(couchOrigin).port}/harbor-falls`;
    expect((await tryFetch('/index.html', other)).violations).toEqual(['connect-src', 'connect-src']);
  });

  it('keeps the page away from the server when another server is configured', async () => {
    sharingOrigin = 'https://records.example.org';
    expect((await tryFetch('/index.html', `${couchOrigin}/harbor-falls`)).reached).toBe(false);
  });

  it('needs the meta tag rewritten too: a header alone that allows the server is not enough', async () => {
    // Refused once: by the strict tag alone.
    expect(await tryFetch('/header-only.html', `${couchOrigin}/harbor-falls`)).toEqual({
      reached: false,
      violations: ['connect-src'],
    });
  });
});
