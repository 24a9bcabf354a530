import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBackup } from '../../../shared/backup';
import type { TownData } from '../../../shared/domain/schema';
import { attendanceDocId, contentHash, docsOf, readDoc, townDataOf } from '../../../shared/sync/docs';
import { smallTown } from '../../fixtures/synthetic-towns';

const sample = (): TownData => {
  const parsed = parseBackup(
    readFileSync(resolve(import.meta.dirname, '../../../resources/samples/harbor-falls.json'), 'utf8'),
  );
  if (!parsed.ok) throw new Error('sample does not parse');
  return parsed.backup.data;
};

/** The data with every list in id order, as `townDataOf` gives it. */
function byId(data: TownData): TownData {
  const sorted = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    ...data,
    people: sorted(data.people),
    series: sorted(data.series),
    trainings: sorted(data.trainings),
    sessions: sorted(data.sessions),
    partners: sorted(data.partners),
    certifications: sorted(data.certifications),
    coaching: sorted(data.coaching),
    optimizeForEquity: sorted(data.optimizeForEquity),
    submissions: sorted(data.submissions),
    attendance: [...data.attendance].sort((a, b) => (attendanceDocId(a) < attendanceDocId(b) ? -1 : 1)),
  };
}

describe('town records as documents', () => {
  it('round-trips the sample town and a generated one, every record under its stable id', () => {
    for (const data of [sample(), smallTown(3)]) {
      const docs = docsOf(data);
      expect(new Set(docs.map((d) => d._id)).size).toBe(docs.length);
      const read = docs.map((d) => readDoc(JSON.parse(JSON.stringify(d))));
      expect(read.every((r) => r.ok)).toBe(true);
      expect(townDataOf(read.flatMap((r) => (r.ok ? [r.doc] : [])))).toEqual(byId(data));
    }
  });

  it('keys attendance by session and person, so the same tick on two computers is one document', () => {
    const a = { personId: 'p:1', sessionId: 's1' };
    expect(attendanceDocId(a)).toBe('attendance:s1:p%3A1');
    expect(attendanceDocId({ personId: '1', sessionId: 's1:p' })).not.toBe(
      attendanceDocId({ personId: 'p:1', sessionId: 's1' }),
    );
  });

  it('refuses a document of another kind, with bad data, or under another record’s id', () => {
    const person = docsOf(smallTown(1)).find((d) => d.type === 'person')!;
    expect(readDoc({ _id: 'x', type: 'song', data: {} })).toMatchObject({
      ok: false,
      problem: 'is not a record of this app',
    });
    expect(readDoc({ ...person, data: { ...(person.data as object), name: 7 } })).toMatchObject({
      ok: false,
    });
    expect(readDoc({ ...person, _id: 'person:someone-else' })).toMatchObject({
      ok: false,
      problem: 'is stored under the wrong id',
    });
    expect(readDoc('nonsense')).toMatchObject({ ok: false });
  });

  it('fingerprints content, not key order or revision', () => {
    expect(contentHash({ type: 'person', data: { a: 1, b: 2 } })).toBe(
      contentHash({ type: 'person', data: { b: 2, a: 1 } }),
    );
    expect(contentHash({ type: 'person', data: { a: 1 } })).not.toBe(
      contentHash({ type: 'person', data: { a: 2 } }),
    );
  });
});
