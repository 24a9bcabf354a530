import { readFile } from 'node:fs/promises';
import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  createSecureWindow,
  metaPolicyOf,
  developmentSwitches,
  createSenderCheck,
  hardenSession,
  hardenWebContents,
  installAppWideGuards,
  trustedOrigins,
} from '../../../electron/main/security';
import type { AppEvents } from '../../../electron/main/security';
import { FakeBrowserWindow, FakeWebContents, fakeEvent, resetFakeElectron, session } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

beforeEach(() => resetFakeElectron());

const directives = (csp: string): Map<string, string[]> =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );

describe('createSecureWindow()', () => {
  it('creates every window sandboxed, context-isolated, without Node and with web security on', () => {
    createSecureWindow(
      { title: 'T', width: 800, height: 600, minWidth: 400, minHeight: 300, backgroundColor: '#fff' },
      '/app/out/preload/index.cjs',
    );
    const win = FakeBrowserWindow.instances[0]!;
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      preload: '/app/out/preload/index.cjs',
    });
    expect(win.options.show).toBe(false);
  });
});

describe('developmentSwitches()', () => {
  const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };

  it('turns every development switch off in a packaged build, whatever the environment says', () => {
    expect(developmentSwitches({ isPackaged: true }, env)).toEqual({
      devServerUrl: undefined,
      devTools: false,
      developerMenuItems: false,
    });
  });

  it('lets an unpackaged build use the dev server, DevTools and the developer menu items', () => {
    expect(developmentSwitches({ isPackaged: false }, env)).toEqual({
      devServerUrl: 'http://localhost:5173',
      devTools: true,
      developerMenuItems: true,
    });
    expect(developmentSwitches({ isPackaged: false }, {}).devServerUrl).toBeUndefined();
    expect(
      developmentSwitches({ isPackaged: false }, { ELECTRON_RENDERER_URL: '' }).devServerUrl,
    ).toBeUndefined();
  });

  it('creates windows without DevTools unless told otherwise', () => {
    const look = {
      title: 'T',
      width: 800,
      height: 600,
      minWidth: 400,
      minHeight: 300,
      backgroundColor: '#fff',
    };
    createSecureWindow(look, '/p.cjs');
    createSecureWindow(look, '/p.cjs', { devTools: true });
    const prefs = FakeBrowserWindow.instances
      .slice(-2)
      .map((w) => (w.options.webPreferences as { devTools: unknown }).devTools);
    expect(prefs).toEqual([false, true]);
  });
});

const csp = () => directives(CONTENT_SECURITY_POLICY);

describe('CONTENT_SECURITY_POLICY', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it('lets scripts come only from the app itself: no eval, no inline scripts, no remote origins', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
    expect(csp.get('default-src')).toEqual(["'self'"]);
  });

  it('blocks plugins, base-tag hijacking, form posts and framing', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it("matches renderer/index.html's meta tag (which cannot carry frame-ancestors)", async () => {
    const html = await readFile(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const fromHeader = new Map(csp);
    fromHeader.delete('frame-ancestors');
    expect(directives(meta!)).toEqual(fromHeader);
  });
});

describe('contentSecurityPolicy()', () => {
  it('is the strict literal while sharing is off: no remote origin anywhere', () => {
    expect(contentSecurityPolicy(null)).toBe(CONTENT_SECURITY_POLICY);
    expect(contentSecurityPolicy(null)).not.toMatch(/https?:/);
  });

  it("allows exactly the sharing server's origin in connect-src, and changes nothing else", () => {
    const policy = directives(contentSecurityPolicy('https://couch.example.org'));
    expect(policy.get('connect-src')).toEqual(["'self'", 'blob:', 'data:', 'https://couch.example.org']);
    const rest = new Map(policy);
    rest.delete('connect-src');
    const strict = new Map(csp());
    strict.delete('connect-src');
    expect(rest).toEqual(strict);
    expect(directives(contentSecurityPolicy('http://localhost:5984')).get('connect-src')).toContain(
      'http://localhost:5984',
    );
    expect(directives(contentSecurityPolicy('http://127.0.0.1:5984')).get('connect-src')).toContain(
      'http://127.0.0.1:5984',
    );
  });

  it.each([
    'http://couch.example.org',
    'http://192.168.1.20:5984',
    'https://couch.example.org/harbor-falls',
    'https://*.example.org',
    "https://couch.example.org 'unsafe-eval'",
    'https://couch.example.org; script-src *',
    'ftp://couch.example.org',
    'HTTPS://COUCH.EXAMPLE.ORG',
    '',
  ])('never opens the policy for %j: the strict one instead', (origin) => {
    expect(contentSecurityPolicy(origin)).toBe(CONTENT_SECURITY_POLICY);
  });

  it('gives the meta tag the same policy less frame-ancestors', () => {
    const policy = contentSecurityPolicy('https://couch.example.org');
    const meta = directives(metaPolicyOf(policy));
    const header = directives(policy);
    header.delete('frame-ancestors');
    expect(meta).toEqual(header);
  });
});

describe('hardenWebContents()', () => {
  const origins = trustedOrigins(undefined);
  const hardened = () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as unknown as WebContents, origins);
    return contents;
  };

  it('refuses navigation to another origin', () => {
    const contents = hardened();
    for (const url of [
      'https://example.com/',
      'file:///etc/passwd',
      'http://localhost:5173/',
      'app://other/',
    ]) {
      const event = fakeEvent({ url });
      contents.emit('will-navigate', event, url);
      expect(event.defaultPrevented, url).toBe(true);
    }
  });

  it('lets the app move within its own origin', () => {
    const contents = hardened();
    const event = fakeEvent({ url: APP_ENTRY_URL });
    contents.emit('will-navigate', event, APP_ENTRY_URL);
    expect(event.defaultPrevented).toBe(false);
  });

  it('refuses redirects and frame navigations to another origin', () => {
    const contents = hardened();
    const redirect = fakeEvent({ url: 'https://example.com/' });
    contents.emit('will-redirect', redirect);
    const frame = fakeEvent({ url: 'https://example.com/' });
    contents.emit('will-frame-navigate', frame);
    expect(redirect.defaultPrevented).toBe(true);
    expect(frame.defaultPrevented).toBe(true);
  });

  it('denies every window.open, even for our own origin', () => {
    const contents = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: APP_ENTRY_URL })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a <webview>', () => {
    const contents = hardened();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('allows the dev server origin only when one is given', () => {
    expect(trustedOrigins('http://localhost:5173/')).toEqual([APP_ORIGIN, 'http://localhost:5173']);
    expect(trustedOrigins(undefined)).toEqual([APP_ORIGIN]);
  });
});

describe('installAppWideGuards()', () => {
  it('hardens every WebContents as soon as it is created', () => {
    const listeners: ((event: unknown, contents: WebContents) => void)[] = [];
    const app = { on: (_name: string, listener: (typeof listeners)[number]) => listeners.push(listener) };
    installAppWideGuards(app as unknown as AppEvents, [APP_ORIGIN]);
    const contents = new FakeWebContents();
    listeners.forEach((l) => l({}, contents as unknown as WebContents));
    const event = fakeEvent({ url: 'https://example.com/' });
    contents.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });
});

describe('hardenSession()', () => {
  const s = session.defaultSession;

  type OnRequest = (
    contents: unknown,
    permission: string,
    callback: (granted: boolean) => void,
    details: { requestingUrl: string },
  ) => void;
  type OnCheck = (contents: unknown, permission: string, requestingOrigin: string) => boolean;

  it('denies every permission request and check except durable storage', () => {
    hardenSession(s as unknown as Session, [APP_ORIGIN]);
    const onRequest = s.setPermissionRequestHandler.mock.calls[0]![0] as OnRequest;
    const onCheck = s.setPermissionCheckHandler.mock.calls[0]![0] as OnCheck;
    for (const permission of [
      'media',
      'notifications',
      'geolocation',
      'clipboard-read',
      'openExternal',
      'hid',
    ]) {
      const callback = vi.fn();
      onRequest({}, permission, callback, { requestingUrl: APP_ENTRY_URL });
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(onCheck({}, permission, APP_ORIGIN), permission).toBe(false);
    }
    const onDevice = s.setDevicePermissionHandler.mock.calls[0]![0] as () => boolean;
    expect(onDevice()).toBe(false);
  });

  it('grants durable storage to our own origin only, so navigator.storage.persist() can succeed', () => {
    hardenSession(s as unknown as Session, [APP_ORIGIN]);
    const onRequest = s.setPermissionRequestHandler.mock.calls[0]![0] as OnRequest;
    const onCheck = s.setPermissionCheckHandler.mock.calls[0]![0] as OnCheck;
    const ours = vi.fn();
    const theirs = vi.fn();
    onRequest({}, 'persistent-storage', ours, { requestingUrl: APP_ENTRY_URL });
    onRequest({}, 'persistent-storage', theirs, { requestingUrl: 'https://example.com/' });
    expect(ours).toHaveBeenCalledWith(true);
    expect(theirs).toHaveBeenCalledWith(false);
    expect(onCheck({}, 'persistent-storage', APP_ORIGIN)).toBe(true);
    expect(onCheck({}, 'persistent-storage', 'https://example.com')).toBe(false);
  });

  it('adds the CSP header to every response', () => {
    hardenSession(s as unknown as Session, [APP_ORIGIN]);
    const onHeaders = s.webRequest.onHeadersReceived.mock.calls[0]![0] as (
      details: { responseHeaders: Record<string, string[]> },
      callback: (response: { responseHeaders: Record<string, string[]> }) => void,
    ) => void;
    const callback = vi.fn();
    onHeaders({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: {
        'Content-Type': ['text/html'],
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
});

describe('hardenSession() with sharing set up', () => {
  it('sends the policy of the moment on every response', () => {
    const s = session.defaultSession;
    let origin: string | null = null;
    hardenSession(s as unknown as Session, [APP_ORIGIN], () => contentSecurityPolicy(origin));
    const onHeaders = s.webRequest.onHeadersReceived.mock.calls[0]![0] as (
      details: { responseHeaders: Record<string, string[]> },
      callback: (response: { responseHeaders: Record<string, string[]> }) => void,
    ) => void;
    const seen: string[] = [];
    const callback = (r: { responseHeaders: Record<string, string[]> }) =>
      seen.push(r.responseHeaders['Content-Security-Policy']![0]!);
    onHeaders({ responseHeaders: {} }, callback);
    origin = 'https://couch.example.org';
    onHeaders({ responseHeaders: {} }, callback);
    expect(seen[0]).toBe(CONTENT_SECURITY_POLICY);
    expect(seen[1]).toContain("connect-src 'self' blob: data: https://couch.example.org;");
  });
});

describe('createSenderCheck()', () => {
  const setup = () => {
    const ours = new FakeWebContents();
    const check = createSenderCheck(() => ours as unknown as WebContents, [APP_ORIGIN]);
    const from = (sender: FakeWebContents, frame: FakeWebContents['mainFrame'] | null = sender.mainFrame) =>
      check({ sender: sender as unknown as WebContents, senderFrame: frame });
    return { ours, from };
  };

  it("accepts our window's main frame on our origin", () => {
    const { ours, from } = setup();
    expect(from(ours)).toBe(true);
  });

  it('refuses another WebContents, even one showing our page', () => {
    const { from } = setup();
    expect(from(new FakeWebContents())).toBe(false);
  });

  it('refuses a sub-frame of our window', () => {
    const { ours, from } = setup();
    const child = { url: APP_ENTRY_URL, parent: ours.mainFrame, processId: ours.id, routingId: 7 };
    expect(from(ours, child)).toBe(false);
  });

  it('refuses our window when it shows a page of another origin', () => {
    const { ours, from } = setup();
    ours.mainFrame = { ...ours.mainFrame, url: 'https://example.com/' };
    expect(from(ours)).toBe(false);
  });

  it('refuses a sender whose frame is gone, and everything when there is no window', () => {
    const { ours, from } = setup();
    expect(from(ours, null)).toBe(false);
    const none = createSenderCheck(() => null, [APP_ORIGIN]);
    expect(none({ sender: ours as unknown as WebContents, senderFrame: ours.mainFrame })).toBe(false);
  });
});
