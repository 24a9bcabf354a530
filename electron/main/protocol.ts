/**
 * Serves the built renderer (out/renderer) from `app://ledger/...`.
 *
 * Why a custom scheme instead of `file://`: IndexedDB is keyed by origin. A
 * `file://` origin is opaque and tied to where the app is installed, so a new
 * version in a new folder, or a renamed app, would open an empty database. The
 * privileged, standard `app` scheme with a fixed host gives one origin forever.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY, metaPolicyOf } from './security';

/**
 * Must run before `app` is ready. `standard` gives real origins (IndexedDB, relative
 * URLs), `secure` makes it a secure context (navigator.storage.persist), `supportFetchAPI`
 * lets the renderer fetch its own assets, and `corsEnabled` lets Chromium make the
 * CORS-mode requests Vite's `<script type="module" crossorigin>` tags use. Other
 * origins still cannot read our files: no response carries Access-Control-Allow-Origin.
 * No `bypassCSP`: the policy applies to this scheme like any other.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true },
    },
  ]);
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Headers on every response: the CSP (belt to index.html's braces) and no MIME sniffing. */
function securityHeaders(contentType: string, policy: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': policy,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

const plain = (status: number, text: string, policy: string): Response =>
  new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8', policy) });

const META_CSP = /<meta\b[^>]*\bhttp-equiv\s*=\s*["']Content-Security-Policy["'][^>]*>/gi;
const CONTENT_ATTRIBUTE = /(\bcontent\s*=\s*)(?:"[^"]*"|'[^']*')/i;

/**
 * The page with its meta CSP set to `policy` (less `frame-ancestors`, which a meta tag cannot
 * carry). WHY: a page obeys its header and its meta tag both, so a connect-src that allows the
 * sharing server in the header alone would still be blocked by the built page's strict tag.
 * The policy goes inside double quotes: it never holds one (its origin is checked in security.ts).
 */
export function withMetaPolicy(html: string, policy: string): string {
  const meta = metaPolicyOf(policy);
  return html.replace(META_CSP, (tag) =>
    tag.replace(CONTENT_ATTRIBUTE, (_all, name: string) => `${name}"${meta}"`),
  );
}

/**
 * Maps an `app://ledger/<path>` URL to a file inside `root`, or null when the
 * URL is for another host or would escape `root` (`..`, encoded separators,
 * absolute paths). `/` means `index.html`.
 */
export function resolveAppPath(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  // Decoded separators or NULs never belong in an asset name.
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const rel = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const base = resolve(root);
  const target = resolve(base, normalize(rel));
  const inside = relative(base, target);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return null;
  return join(base, inside);
}

/**
 * A `protocol.handle` handler serving files under `root` (read-only, GET/HEAD only). `policy`
 * is read on every request, so a page loaded after the sharing settings changed gets the new one.
 */
export function createAppProtocolHandler(
  root: string,
  policy: () => string = () => CONTENT_SECURITY_POLICY,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const csp = policy();
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed', csp);
    const file = resolveAppPath(root, request.url);
    if (file === null) return plain(404, 'Not found', csp);
    try {
      const info = await stat(file);
      if (!info.isFile()) return plain(404, 'Not found', csp);
      const ext = extname(file).toLowerCase();
      const type = contentTypes[ext] ?? 'application/octet-stream';
      if (request.method === 'HEAD')
        return new Response(null, { status: 200, headers: securityHeaders(type, csp) });
      const bytes = await readFile(file);
      const body = ext === '.html' ? withMetaPolicy(bytes.toString('utf8'), csp) : bytes;
      return new Response(body, { status: 200, headers: securityHeaders(type, csp) });
    } catch {
      return plain(404, 'Not found', csp);
    }
  };
}

/** Serves `root` on the app:// scheme of the default session. Call once, after `app` is ready. */
export function serveRenderer(root: string, policy?: () => string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(root, policy));
}
