import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createAppProtocolHandler,
  registerAppScheme,
  resolveAppPath,
  serveRenderer,
} from '../../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security';
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

describe('serveRenderer()', () => {
  it('handles the app scheme', () => {
    serveRenderer(root);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});
