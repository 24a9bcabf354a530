import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBackup, serializeBackup } from '../../../shared/backup';
import { idPaths, leafPaths, setAt, townDataArb } from '../../fixtures/arbitraries';

const meta = { exportedAt: '2026-03-01T12:00:00.000Z', appVersion: '0.1.0' };

/** parseBackup must answer, never throw; returns its result. */
const parse = (text: string) => {
  let result: ReturnType<typeof parseBackup> | undefined;
  expect(() => (result = parseBackup(text))).not.toThrow();
  return result!;
};
const expectRefused = (text: string) => {
  const r = parse(text);
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.errors.length).toBeGreaterThan(0);
    for (const e of r.errors) {
      expect(typeof e.path).toBe('string');
      expect(e.message.length).toBeGreaterThan(0);
    }
  }
};

describe('parseBackup() on generated backups', () => {
  it('round-trips every valid generated town', () => {
    fc.assert(
      fc.property(townDataArb, (data) => {
        const text = serializeBackup(data, meta);
        const r = parse(text);
        expect(r.ok ? r.backup.data : r.errors).toEqual(data);
        if (r.ok) expect(serializeBackup(r.backup.data, meta)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a backup where any text, number or true/false field holds the wrong type', () => {
    const mutated = townDataArb.chain((data) => {
      const doc = JSON.parse(serializeBackup(data, meta));
      const leaves = leafPaths(doc).filter((l) => l.value !== null);
      return fc.constantFrom(...leaves).map(({ path, value }) => {
        setAt(doc, path, typeof value === 'string' ? 42 : typeof value === 'number' ? 'forty-two' : 'yes');
        return JSON.stringify(doc);
      });
    });
    fc.assert(fc.property(mutated, expectRefused), { numRuns: 1500 });
  });

  it('refuses a backup where any record lost its id or a record list holds a duplicate', () => {
    const mutated = townDataArb.chain((data) => {
      const doc = JSON.parse(serializeBackup(data, meta)) as { data: Record<string, unknown[]> };
      const withId = idPaths(doc);
      const lists = (['people', 'series', 'trainings', 'sessions', 'attendance', 'partners'] as const).filter(
        (k) => doc.data[k]!.length > 0,
      );
      return fc.oneof(
        fc.constantFrom(...withId).map((path) => {
          setAt(doc, [...path, 'id'], undefined);
          return JSON.stringify(doc);
        }),
        ...(lists.length > 0
          ? [
              fc.constantFrom(...lists).map((k) => {
                doc.data[k]!.push(structuredClone(doc.data[k]![0]));
                return JSON.stringify(doc);
              }),
            ]
          : []),
      );
    });
    fc.assert(fc.property(mutated, expectRefused), { numRuns: 1000 });
  });

  it('refuses every truncated backup', () => {
    const truncated = townDataArb.chain((data) => {
      const text = serializeBackup(data, meta).trimEnd();
      return fc.nat({ max: text.length - 1 }).map((n) => text.slice(0, n));
    });
    fc.assert(fc.property(truncated, expectRefused), { numRuns: 1000 });
  });

  it('refuses arbitrary JSON and arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue().map((v) => JSON.stringify(v) ?? 'undefined'),
          fc.string(),
          fc.string({ unit: 'binary' }),
        ),
        expectRefused,
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws when any field is replaced by any JSON value', () => {
    const mutated = townDataArb.chain((data) => {
      const doc = JSON.parse(serializeBackup(data, meta));
      return fc.tuple(fc.constantFrom(...leafPaths(doc)), fc.jsonValue()).map(([{ path }, value]) => {
        setAt(doc, path, value ?? null);
        return JSON.stringify(doc);
      });
    });
    fc.assert(
      fc.property(mutated, (text) => {
        parse(text);
      }),
      { numRuns: 1000 },
    );
  });
});
