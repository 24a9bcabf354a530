/**
 * Every piece of window hardening in one place, so a reviewer can check the
 * whole security posture by reading one file:
 *
 * - every window is sandboxed, context-isolated and without Node (`createSecureWindow`);
 * - a strict Content-Security-Policy (no remote scripts, no eval), sent as a
 *   response header by the app:// protocol and mirrored by renderer/index.html's meta tag;
 *   once sharing is set up, `connect-src` also allows that one server's origin, and nothing else
 *   (`contentSecurityPolicy`);
 * - no navigation away from the app, no `window.open`, no <webview>, and no permission
 *   grants except durable storage for the app's own origin (so IndexedDB is never evicted).
 *
 * The renderer never needs more: it is a single-page app with no external links,
 * no camera, no notifications and no remote content; with sharing off it makes no network call.
 */
import { BrowserWindow } from 'electron';
import type { Event, Session, WebContents } from 'electron';
import { checkServerAddress } from '../../shared/sync/settings';

/** The custom scheme the renderer is served from (see protocol.ts). */
export const APP_SCHEME = 'app';
/**
 * A fixed host, so the origin (`app://ledger`) and with it IndexedDB never
 * change across versions, install folders or an app rename.
 */
export const APP_HOST = 'ledger';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The renderer's Content-Security-Policy. Only the app's own origin may supply
 * scripts; no 'unsafe-eval' and no 'unsafe-inline' for scripts or styles: every
 * style comes from the built stylesheets (the app sets no `style` attribute; the
 * few `el.style.x = …` lines are CSSOM writes, which CSP does not govern). The
 * restore's Web Worker is a script of the app's own origin (`worker-src 'self'`).
 * `vite dev` injects <style> tags, so the dev server alone adds 'unsafe-inline'
 * to the meta tag (electron.vite.config.ts). `blob:` and `data:` serve
 * generated PDFs and images. One literal string (not joined parts) so the security
 * scanner can evaluate it. Keep in step with renderer/index.html (a test compares them).
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; worker-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' blob: data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const STRICT_CONNECT_SRC = "connect-src 'self' blob: data:;";
/** A scheme, a host of letters, digits, dots and dashes (or a bracketed IPv6 address) and a port: no CSP wildcard. */
const PLAIN_ORIGIN = /^https?:\/\/(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

/**
 * The policy for this run: the strict literal above, or, once sharing is set up, the same with
 * `connect-src` also allowing the sharing server's origin (`https://couch.example.org`; plain
 * http only for this computer, as shared/sync/settings.ts allows). Anything that is not exactly
 * such an origin (a path, a wildcard, a second source smuggled in after a space or a `;`) gives
 * the strict policy: a bad setting can turn sharing off, never open the policy wider.
 * The app:// handler puts it in the header and in index.html's meta tag (protocol.ts); under
 * `electron-vite dev` the page and its strict tag come from the dev server instead, so there
 * the renderer reaches a sharing server only in a built app (the header alone is not enough).
 */
export function contentSecurityPolicy(sharingOrigin: string | null): string {
  if (sharingOrigin === null) return CONTENT_SECURITY_POLICY;
  const checked = checkServerAddress(sharingOrigin);
  if (
    !checked.ok ||
    checked.url !== sharingOrigin ||
    checked.origin !== sharingOrigin ||
    !PLAIN_ORIGIN.test(sharingOrigin)
  ) {
    return CONTENT_SECURITY_POLICY;
  }
  return CONTENT_SECURITY_POLICY.replace(
    STRICT_CONNECT_SRC,
    `connect-src 'self' blob: data: ${sharingOrigin};`,
  );
}

/** A policy as the meta tag carries it: `frame-ancestors` only works as a header, so the tag leaves it out. */
export function metaPolicyOf(policy: string): string {
  return policy
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '' && !d.startsWith('frame-ancestors'))
    .join('; ');
}

/** The window's size and look; everything security-related is fixed by `createSecureWindow`. */
export interface WindowLook {
  title: string;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  backgroundColor: string;
}

/**
 * The only way this app creates a window. The webPreferences are written out
 * literally (not spread from elsewhere) so reviewers and the security scanner see
 * exactly what every window runs with. Auxclick is off because a middle-click
 * would otherwise try to open a link in a new window.
 */
export function createSecureWindow(
  look: WindowLook,
  preloadPath: string,
  switches: Pick<DevelopmentSwitches, 'devTools'> = { devTools: false },
): BrowserWindow {
  return new BrowserWindow({
    ...look,
    show: false,
    webPreferences: {
      preload: preloadPath,
      // Off in an installed build: no keyboard shortcut or leftover call can open DevTools there.
      devTools: switches.devTools,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
}

/**
 * Everything a developer may switch on, in one place. An installed (packaged) build trusts only
 * itself: it never loads a URL from the environment, never opens DevTools and has no Reload or
 * Toggle Developer Tools menu items, whatever the environment says.
 */
export interface DevelopmentSwitches {
  /** The Vite dev server `electron-vite dev` announces in ELECTRON_RENDERER_URL. */
  devServerUrl: string | undefined;
  /** DevTools may open (webPreferences.devTools). */
  devTools: boolean;
  /** View menu gets Reload and Toggle Developer Tools. */
  developerMenuItems: boolean;
}

export function developmentSwitches(
  app: { readonly isPackaged: boolean },
  env: Readonly<Record<string, string | undefined>>,
): DevelopmentSwitches {
  if (app.isPackaged) return { devServerUrl: undefined, devTools: false, developerMenuItems: false };
  const url = env.ELECTRON_RENDERER_URL;
  return {
    devServerUrl: url === undefined || url === '' ? undefined : url,
    devTools: true,
    developerMenuItems: true,
  };
}

/**
 * The origins the window may show: the app:// origin, plus the Vite dev server's
 * origin while developing (`electron-vite dev` sets ELECTRON_RENDERER_URL).
 */
export function trustedOrigins(devServerUrl: string | undefined): string[] {
  const origins = [APP_ORIGIN];
  if (devServerUrl) {
    const origin = originOf(devServerUrl);
    if (origin) origins.push(origin);
  }
  return origins;
}

/** `new URL(url).origin`, or null for anything that is not a URL. Custom standard schemes report `null` origins in Node, so build it by hand. */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/** True when `url` belongs to one of `origins`. */
export function isTrustedUrl(url: string, origins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && origins.includes(origin);
}

/**
 * Locks down one WebContents: navigation may stay inside the app's own origin
 * only, every `window.open`/`target=_blank` is refused, and no <webview> may be
 * attached. Applied to every WebContents the app creates (see `installAppWideGuards`).
 */
export function hardenWebContents(contents: WebContents, origins: readonly string[]): void {
  const refuseForeign = (event: Event, url: string) => {
    if (!isTrustedUrl(url, origins)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => refuseForeign(event, event.url));
  contents.on('will-frame-navigate', (event) => refuseForeign(event, event.url));
  contents.on('will-redirect', (event) => refuseForeign(event, event.url));
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * The one permission the app uses: durable ("persistent") storage, so the browser
 * engine never evicts the town's IndexedDB under disk pressure. It is granted to
 * our own origin only; navigator.storage.persist() asks for it.
 */
export const GRANTED_PERMISSION = 'persistent-storage';

/**
 * Refuses every permission (camera, microphone, notifications, geolocation,
 * clipboard-read, HID, serial, USB, openExternal, ...) except durable storage for
 * our own origin, and sends the CSP header (`policy()`, read on every response, so it
 * follows the sharing settings) on every response the session receives, including the
 * dev server's.
 */
export function hardenSession(
  session: Session,
  origins: readonly string[],
  policy: () => string = () => CONTENT_SECURITY_POLICY,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(permission === GRANTED_PERMISSION && isTrustedUrl(details.requestingUrl, origins));
  });
  session.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin) =>
      permission === GRANTED_PERMISSION && isTrustedUrl(requestingOrigin, origins),
  );
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy()] },
    });
  });
}

/** The `app` surface `installAppWideGuards` needs (a narrow type so tests can pass a fake). */
export interface AppEvents {
  on(event: 'web-contents-created', listener: (event: Event, contents: WebContents) => void): unknown;
}

/** Hardens every WebContents the moment it is created, so none can slip through unguarded. */
export function installAppWideGuards(app: AppEvents, origins: readonly string[]): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, origins));
}

/** The parts of an IPC event the sender check reads (the real IpcMainInvokeEvent has them all). */
export interface SenderEvent {
  sender: WebContents;
  senderFrame: { url: string; parent: unknown; processId: number; routingId: number } | null;
}

/**
 * IPC is accepted only from our window's WebContents, from its main frame (never
 * an iframe), while it shows a page of our own origin.
 */
export function createSenderCheck(
  ourContents: () => WebContents | null,
  origins: readonly string[],
): (event: SenderEvent) => boolean {
  return (event) => {
    const contents = ourContents();
    if (contents === null || event.sender !== contents) return false;
    const frame = event.senderFrame;
    if (frame === null || frame.parent !== null) return false;
    const main = contents.mainFrame;
    if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
    return isTrustedUrl(frame.url, origins);
  };
}
