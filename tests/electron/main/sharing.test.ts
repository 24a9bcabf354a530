/**
 * Sharing settings in main (electron/main/sharing.ts): the file, the password under a fake
 * keyring, and Save's probe against a real CouchDB-compatible server (pouchdb-server, one for
 * the whole file).
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createSharingService,
  createSharingStore,
  NOTICE_PASSWORD_MISSING,
  NOTICE_PASSWORD_UNREADABLE,
  NOTICE_UNREADABLE,
  SHARING_FILE_NAME,
} from '../../../electron/main/sharing';
import type { FetchLike } from '../../../electron/main/sharing';
import type { SharingSettings } from '../../../shared/sync/settings';
import { startCouchServer } from '../../fixtures/couch-server';
import type { CouchServer } from '../../fixtures/couch-server';
import { resetFakeElectron, safeStorage } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

const PASSWORD = 'correct horse battery';
let server: CouchServer;
let dir: string;

beforeAll(async () => {
  server = await startCouchServer();
  await server.createTownDb('harbor-falls', 'clerk', PASSWORD);
  await server.createTownDb('other-town', 'someone', 'else');
}, 30_000);
afterAll(() => server.stop());

beforeEach(async () => {
  resetFakeElectron();
  dir = await mkdtemp(join(tmpdir(), 'ledger-sharing-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const settings: SharingSettings = {
  serverUrl: 'https://couch.example.org',
  database: 'harbor-falls',
  username: 'clerk',
  active: true,
};

const store = (platform: NodeJS.Platform = 'linux', warn = vi.fn()) =>
  createSharingStore({ dir, safeStorage, platform, warn });
const fileText = () => readFile(join(dir, SHARING_FILE_NAME), 'utf8');
const nodeFetch: FetchLike = (url, init) => fetch(url, init);

describe('createSharingStore()', () => {
  it('keeps the settings in a file and the password only encrypted, and reads both back next run', async () => {
    const first = store();
    first.load();
    expect(first.status()).toEqual({ settings: null, passwordKept: null, notice: null });
    await expect(first.save(settings, PASSWORD, true)).resolves.toBe('encrypted');
    const text = await fileText();
    expect(text).toContain('"database": "harbor-falls"');
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain([...PASSWORD].reverse().join(''));
    // Written atomically: no temporary file left beside it.
    expect(await readdir(dir)).toEqual([SHARING_FILE_NAME]);

    const next = store();
    next.load();
    expect(next.status()).toEqual({ settings, passwordKept: 'encrypted', notice: null });
    expect(next.origin()).toBe('https://couch.example.org');
    await expect(next.password()).resolves.toBe(PASSWORD);
  });

  it('keeps the password for this run only when the clerk did not ask to remember it', async () => {
    const s = store();
    s.load();
    await expect(s.save(settings, PASSWORD, false)).resolves.toBe('this-session');
    await expect(s.password()).resolves.toBe(PASSWORD);
    expect(safeStorage.encryptStringAsync).not.toHaveBeenCalled();
    expect(await fileText()).not.toContain(PASSWORD);
    const next = store();
    next.load();
    expect(next.status()).toEqual({ settings, passwordKept: null, notice: NOTICE_PASSWORD_MISSING });
    await expect(next.password()).resolves.toBeNull();
  });

  it.each([
    [
      'no keyring at all',
      'win32' as const,
      () => safeStorage.isAsyncEncryptionAvailable.mockResolvedValue(false),
    ],
    [
      "Linux's basic_text fallback",
      'linux' as const,
      () => safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text'),
    ],
  ])('never writes the password with %s: memory only, for this run', async (_what, platform, arrange) => {
    arrange();
    const s = store(platform);
    s.load();
    await expect(s.save(settings, PASSWORD, true)).resolves.toBe('this-session');
    expect(safeStorage.encryptStringAsync).not.toHaveBeenCalled();
    expect(await fileText()).toContain('"encryptedPassword": null');
    expect(s.status().passwordKept).toBe('this-session');
    await expect(s.password()).resolves.toBe(PASSWORD);
  });

  it.each([
    ['half written', '{"format": "equity-training-ledger-sharing", "version": 1, "sett'],
    ['not JSON at all', '\u0000\u0001garbage'],
    ['of an unknown shape', '{"format": "equity-training-ledger-sharing", "version": 2}'],
    [
      'with a plain-http address elsewhere than this computer',
      JSON.stringify({
        format: 'equity-training-ledger-sharing',
        version: 1,
        settings: { ...settings, serverUrl: 'http://couch.example.org' },
        encryptedPassword: null,
      }),
    ],
  ])('ignores a file %s with a plain notice: sharing off, no crash', async (_what, text) => {
    await writeFile(join(dir, SHARING_FILE_NAME), text);
    const warn = vi.fn();
    const s = store('linux', warn);
    expect(() => s.load()).not.toThrow();
    expect(s.status()).toEqual({ settings: null, passwordKept: null, notice: NOTICE_UNREADABLE });
    expect(s.origin()).toBeNull();
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]![0])).not.toContain(text);
  });

  it('says so when the stored password cannot be decrypted any more', async () => {
    const s = store();
    s.load();
    await s.save(settings, PASSWORD, true);
    const next = store();
    next.load();
    safeStorage.decryptStringAsync.mockRejectedValueOnce(new Error('keyring changed'));
    await expect(next.password()).resolves.toBeNull();
    expect(next.status().notice).toBe(NOTICE_PASSWORD_UNREADABLE);
  });

  it('stores the password again under a rotated key when the keyring asks', async () => {
    const s = store();
    s.load();
    await s.save(settings, PASSWORD, true);
    const before = await fileText();
    const next = store();
    next.load();
    safeStorage.decryptStringAsync.mockResolvedValueOnce({ result: PASSWORD, shouldReEncrypt: true });
    safeStorage.encryptStringAsync.mockResolvedValueOnce(Buffer.from('enc:rotated', 'utf8'));
    await expect(next.password()).resolves.toBe(PASSWORD);
    await vi.waitFor(async () => expect(await fileText()).not.toBe(before));
    expect(await fileText()).toContain(Buffer.from('enc:rotated').toString('base64'));
    expect(await fileText()).not.toContain(PASSWORD);
  });

  it('pauses and resumes in the file, and forgets everything', async () => {
    const s = store();
    s.load();
    await s.save(settings, PASSWORD, true);
    await s.setActive(false);
    const paused = store();
    paused.load();
    expect(paused.settings()?.active).toBe(false);
    // Paused keeps the origin: resuming needs no reload.
    expect(paused.origin()).toBe('https://couch.example.org');
    await s.forget();
    expect(await readdir(dir)).toEqual([]);
    expect(s.status()).toEqual({ settings: null, passwordKept: null, notice: null });
    await expect(s.password()).resolves.toBeNull();
    expect(s.origin()).toBeNull();
  });

  it('leaves the old settings in place when the file cannot be written', async () => {
    const s = createSharingStore({ dir: join(dir, 'missing-folder'), safeStorage, platform: 'linux' });
    s.load();
    await expect(s.save(settings, PASSWORD, true)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(s.status().settings).toBeNull();
    await expect(s.password()).resolves.toBeNull();
  });
});

describe('createSharingService().save()', () => {
  const service = (fetchFn: FetchLike = nodeFetch) => {
    const s = store();
    s.load();
    return { store: s, service: createSharingService(s, fetchFn) };
  };
  const request = (over: Partial<Record<string, unknown>> = {}) => ({
    serverUrl: server.url,
    database: 'harbor-falls',
    username: 'clerk',
    password: PASSWORD,
    remember: true,
    ...over,
  });

  it('keeps the settings once the server accepted the credentials', async () => {
    const { service: svc, store: s } = service();
    const result = await svc.save(request());
    expect(result).toEqual({
      ok: true,
      settings: { serverUrl: server.url, database: 'harbor-falls', username: 'clerk', active: true },
      passwordKept: 'encrypted',
      message: expect.stringContaining('encrypted') as unknown,
    });
    expect(s.origin()).toBe(server.url);
    await expect(s.password()).resolves.toBe(PASSWORD);
  });

  it('tells the clerk, in words, that a password kept for this run must be typed again', async () => {
    safeStorage.isAsyncEncryptionAvailable.mockResolvedValue(false);
    const result = await service().service.save(request());
    expect(result).toMatchObject({ ok: true, passwordKept: 'this-session' });
    expect(result.message).toContain('you will type it again next time');
  });

  it.each([
    ['a wrong password', { password: 'wrong' }, 'password', 'refused the user name or password'],
    ['an unknown database', { database: 'no-such-town' }, 'noDatabase', 'no database of that name'],
    ["another town's database", { database: 'other-town' }, 'forbidden', 'may not use this database'],
  ])('keeps nothing after %s, and says why', async (_what, over, problem, words) => {
    const { service: svc, store: s } = service();
    const result = await svc.save(request(over));
    expect(result).toMatchObject({ ok: false, problem });
    expect(result.message).toContain(words);
    expect(result.message).toContain('nothing was saved');
    expect(await readdir(dir)).toEqual([]);
    expect(s.origin()).toBeNull();
  });

  it('says the server could not be reached when it is down, and keeps nothing', async () => {
    await server.closeGate();
    try {
      const result = await service().service.save(request());
      expect(result).toMatchObject({ ok: false, problem: 'unreachable' });
      expect(result.message).toContain('could not be reached');
    } finally {
      await server.openGate();
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it('does not take a web page that answers 200 for a sharing server', async () => {
    const page: FetchLike = () => Promise.resolve(new Response('<html>Welcome</html>', { status: 200 }));
    const result = await service(page).service.save(request());
    expect(result).toMatchObject({ ok: false, problem: 'server' });
    expect(result.message).toContain('does not answer like a sharing server');
  });

  it('checks every box before asking any server: https elsewhere than localhost, a database name, a password', async () => {
    const fetchFn = vi.fn(nodeFetch);
    const result = await service(fetchFn).service.save(
      request({ serverUrl: 'http://couch.example.org', database: 'Harbor Falls', password: '' }),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.fieldErrors ?? {}).sort()).toEqual([
      'database',
      'password',
      'serverUrl',
    ]);
    expect(fetchFn).not.toHaveBeenCalled();
  });

  it('refuses a user name with a colon, which Basic auth cannot carry', async () => {
    const fetchFn = vi.fn(nodeFetch);
    const result = await service(fetchFn).service.save(request({ username: 'town:clerk' }));
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { username: 'A user name cannot contain a colon (:).' },
    });
    expect(fetchFn).not.toHaveBeenCalled();
  });

  it('sends the credentials as Basic auth to the database address, and nowhere else', async () => {
    const fetchFn = vi.fn(nodeFetch);
    await service(fetchFn).service.save(request());
    expect(fetchFn).toHaveBeenCalledOnce();
    const [url, init] = fetchFn.mock.calls[0]!;
    expect(url).toBe(`${server.url}/harbor-falls`);
    expect((init.headers as Record<string, string>).Authorization).toBe(
      `Basic ${Buffer.from(`clerk:${PASSWORD}`).toString('base64')}`,
    );
    expect(init.redirect).toBe('manual');
  });
});
