import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createAppProtocolHandler,
  registerAppScheme,
  resolveAppPath,
  serveRenderer,
  withMetaPolicy,
} from '../../../electron/main/protocol';
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  metaPolicyOf,
} from '../../../electron/main/security';
import { protocol, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

let base: string;
let root: string;

beforeEach(async () => {
  resetFakeElectron();
  base = await mkdtemp(join(tmpdir(), 'ledger-protocol-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Ledger</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), 'not for the renderer');
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('registerAppScheme()', () => {
  it('registers app:// as a standard, secure scheme without bypassing the CSP', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }) as unknown,
      },
    ]);
    const [[schemes]] = protocol.registerSchemesAsPrivileged.mock.calls as unknown as [
      [{ privileges: Record<string, boolean> }[]],
    ];
    expect(schemes[0]!.privileges.bypassCSP).toBeUndefined();
    expect(schemes[0]!.privileges.allowServiceWorkers).toBeUndefined();
  });
});

describe('resolveAppPath()', () => {
  it('maps / to index.html and asset URLs to files under the renderer folder', () => {
    expect(resolveAppPath(root, 'app://ledger/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://ledger/assets/app.js?v=1')).toBe(join(root, 'assets', 'app.js'));
  });

  it('refuses URLs that would escape the renderer folder', () => {
    for (const url of [
      'app://ledger/..%2fsecret.txt',
      'app://ledger/assets/..%2f..%2fsecret.txt',
      'app://ledger/..%5csecret.txt',
      'app://ledger/%2e%2e%2fsecret.txt',
      'app://ledger/assets%00.js',
    ]) {
      expect(resolveAppPath(root, url), url).toBeNull();
    }
  });

  it('refuses other hosts, other schemes and garbage', () => {
    expect(resolveAppPath(root, 'app://evil/index.html')).toBeNull();
    expect(resolveAppPath(root, 'file:///index.html')).toBeNull();
    expect(resolveAppPath(root, 'not a url')).toBeNull();
    expect(resolveAppPath(root, 'app://ledger/%E0%A4%A')).toBeNull();
  });
});

describe('createAppProtocolHandler()', () => {
  it('serves index.html with its type, the CSP header and no MIME sniffing', async () => {
    const response = await createAppProtocolHandler(root)(new Request('app://ledger/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    // No CORS grant: another origin can never read the app's files.
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(await response.text()).toContain('<title>Ledger</title>');
  });

  it('serves scripts as JavaScript', async () => {
    const response = await createAppProtocolHandler(root)(new Request('app://ledger/assets/app.js'));
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 (with the CSP) for missing files, folders and escapes', async () => {
    const handler = createAppProtocolHandler(root);
    for (const url of ['app://ledger/missing.js', 'app://ledger/assets', 'app://ledger/..%2fsecret.txt']) {
      const response = await handler(new Request(url));
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).not.toContain('not for the renderer');
    }
  });

  it('refuses anything but GET and HEAD', async () => {
    const response = await createAppProtocolHandler(root)(
      new Request('app://ledger/index.html', { method: 'POST', body: 'x' }),
    );
    expect(response.status).toBe(405);
  });
});

describe('the policy with sharing', () => {
  const metaOf = (html: string) => /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  const builtPage = async () => {
    // The page as shipped: renderer/index.html's own head, with its strict meta tag.
    const html = await readFile(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    await writeFile(join(root, 'index.html'), html);
    return html;
  };

  it('serves the shipped page unchanged while sharing is off: no remote origin in header or tag', async () => {
    const html = await builtPage();
    const response = await createAppProtocolHandler(root, () => contentSecurityPolicy(null))(
      new Request('app://ledger/index.html'),
    );
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const served = await response.text();
    expect(served).toBe(html);
    expect(metaOf(served)).not.toMatch(/https?:/);
  });

  it("puts exactly the server's origin in both the header and the page's meta tag once set up", async () => {
    await builtPage();
    let origin: string | null = 'https://couch.example.org';
    const handler = createAppProtocolHandler(root, () => contentSecurityPolicy(origin));
    const response = await handler(new Request('app://ledger/'));
    const policy = contentSecurityPolicy('https://couch.example.org');
    expect(response.headers.get('content-security-policy')).toBe(policy);
    const served = await response.text();
    expect(metaOf(served)).toBe(metaPolicyOf(policy));
    expect(served.match(/https?:\/\/[^\s;"']+/g)).toEqual(['https://couch.example.org']);
    // Scripts get the header too, and a page loaded after "forget" is strict again.
    const script = await handler(new Request('app://ledger/assets/app.js'));
    expect(script.headers.get('content-security-policy')).toBe(policy);
    expect(await script.text()).toBe('console.log(1)');
    origin = null;
    const after = await handler(new Request('app://ledger/index.html'));
    expect(after.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(metaOf(await after.text())).not.toMatch(/https?:/);
  });

  it('never lets a plain-http origin other than this computer in', async () => {
    await builtPage();
    const handler = createAppProtocolHandler(root, () => contentSecurityPolicy('http://couch.example.org'));
    const response = await handler(new Request('app://ledger/index.html'));
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).not.toContain('couch.example.org');
  });

  it('rewrites only the CSP meta tag, whatever its quotes and attribute order', () => {
    const policy = contentSecurityPolicy('https://couch.example.org');
    const html =
      "<meta charset='utf-8'><meta content='default-src &#39;self&#39;' http-equiv='Content-Security-Policy'><meta name=\"viewport\" content=\"width=device-width\">";
    const out = withMetaPolicy(html, policy);
    expect(out).toContain(`<meta content="${metaPolicyOf(policy)}" http-equiv='Content-Security-Policy'>`);
    expect(out).toContain('<meta name="viewport" content="width=device-width">');
  });
});

describe('serveRenderer()', () => {
  it('handles the app scheme', () => {
    serveRenderer(root);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});
