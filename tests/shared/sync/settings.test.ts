import { describe, expect, it } from 'vitest';
import {
  checkDatabaseName,
  checkServerAddress,
  checkSharingSettings,
  databaseUrl,
} from '../../../shared/sync/settings';
import { agoInWords, describeSyncState } from '../../../shared/sync/status';

describe('the sharing server’s address', () => {
  it('takes https anywhere and http only on this computer, normalised', () => {
    expect(checkServerAddress(' https://records.example.org/couch/ ')).toEqual({
      ok: true,
      url: 'https://records.example.org/couch',
      origin: 'https://records.example.org',
    });
    expect(checkServerAddress('http://localhost:5984')).toMatchObject({
      ok: true,
      url: 'http://localhost:5984',
    });
    expect(checkServerAddress('http://127.0.0.1:5984')).toMatchObject({ ok: true });
  });

  it('refuses plain http elsewhere, other schemes, credentials, queries and wildcards, in words', () => {
    for (const bad of [
      'http://records.example.org',
      'ftp://records.example.org',
      'https://clerk:pw@records.example.org',
      'https://records.example.org/?db=x',
      'https://*.example.org',
      'records',
      '',
    ]) {
      const result = checkServerAddress(bad);
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/^[A-Z]/);
    }
    expect(checkServerAddress('http://records.example.org')).toMatchObject({
      message: expect.stringContaining('https://'),
    });
  });

  it('checks CouchDB database names and encodes a slash in the address', () => {
    expect(checkDatabaseName('harbor-falls')).toEqual({ ok: true, name: 'harbor-falls' });
    for (const bad of ['Harbor', '1town', 'harbor falls', ''])
      expect(checkDatabaseName(bad).ok, bad).toBe(false);
    expect(databaseUrl({ serverUrl: 'https://x.org', database: 'cog/harbor' })).toBe(
      'https://x.org/cog%2Fharbor',
    );
  });

  it('reports every box at once', () => {
    const result = checkSharingSettings({ serverUrl: 'http://x.org', database: 'X', username: ' ' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['database', 'serverUrl', 'username']);
  });
});

describe('the sharing status in words', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  it('says how long ago in plain words', () => {
    expect(agoInWords('2026-12-01T11:59:40Z', now)).toBe('just now');
    expect(agoInWords('2026-12-01T11:58:00Z', now)).toBe('2 minutes ago');
    expect(agoInWords('2026-12-01T09:00:00Z', now)).toBe('3 hours ago');
  });
  it('has one sentence per state', () => {
    expect(describeSyncState({ kind: 'synced', lastSyncedAt: '2026-12-01T11:58:00Z' }, now)).toBe(
      'Last synced 2 minutes ago.',
    );
    expect(describeSyncState({ kind: 'offline', lastSyncedAt: null }, now)).toBe(
      'Offline — your changes will be sent later.',
    );
    expect(
      describeSyncState({ kind: 'problem', problem: 'password', detail: null, lastSyncedAt: null }, now),
    ).toMatch(/^The server refused the user name or password/);
    expect(
      describeSyncState({ kind: 'syncing', lastSyncedAt: null, progress: { done: 4000, total: 21391 } }, now),
    ).toBe('Syncing… 4,000 of 21,391 records.');
  });
});
