import { describe, expect, it } from 'vitest';
import { probeMessage, readProbe, refusal } from '../../../shared/sync/server';

describe('readProbe()', () => {
  it("takes a CouchDB database's info for a success, with its document count", () => {
    expect(readProbe({ status: 200, body: { db_name: 'harbor-falls', doc_count: 74 } })).toEqual({
      ok: true,
      info: { name: 'harbor-falls', docCount: 74 },
    });
    expect(readProbe({ status: 200, body: { db_name: 'x', doc_count: 'many' } })).toMatchObject({
      ok: true,
      info: { docCount: 0 },
    });
  });

  it.each([
    [401, { error: 'unauthorized', reason: 'Name or password is incorrect.' }, 'password'],
    [401, { error: 'unauthorized', reason: 'You are not authorized to access this db.' }, 'forbidden'],
    [403, { error: 'forbidden', reason: 'You are not allowed to access this db.' }, 'forbidden'],
    [404, { error: 'not_found', reason: 'Database does not exist.' }, 'noDatabase'],
    [503, undefined, 'server'],
    [200, undefined, 'server'],
    [200, { ok: true }, 'server'],
    [302, undefined, 'server'],
    [0, undefined, 'server'],
  ] as const)('reads status %i with %j as %s', (status, body, problem) => {
    expect(readProbe({ status, body })).toEqual({ ok: false, problem, status });
  });

  it('reads no answer at all as unreachable', () => {
    expect(readProbe('unreachable')).toEqual({ ok: false, problem: 'unreachable', status: null });
  });
});

describe('refusal()', () => {
  it('is about membership only for a 401 that says so', () => {
    expect(refusal(401, { reason: 'You are not authorized to access this db.' })).toBe('forbidden');
    expect(refusal(401, { reason: 'Name or password is incorrect.' })).toBeNull();
    expect(refusal(403, { reason: 'You are not authorized to access this db.' })).toBeNull();
    expect(refusal(401, 'You are not authorized to access this db.')).toBeNull();
  });
});

describe('probeMessage()', () => {
  it('says in words what is wrong and that nothing was saved', () => {
    for (const problem of ['password', 'forbidden', 'noDatabase', 'server', 'unreachable'] as const) {
      expect(probeMessage(problem, null)).toMatch(/nothing was saved\.$/);
    }
    expect(probeMessage('server', 502)).toContain('error 502');
    expect(probeMessage('server', 200)).toContain('does not answer like a sharing server');
  });
});
