import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBackup, serializeBackup } from '../../../shared/backup';
import { emptyTownData } from '../../../shared/domain/catalog';
import type { TownData } from '../../../shared/domain/schema';
import { setAt } from '../../fixtures/arbitraries';

const meta = { exportedAt: '2026-03-01T12:00:00.000Z', appVersion: '0.1.0' };

function sampleData(): TownData {
  const data = emptyTownData(2026);
  data.town.name = 'Testville';
  data.people.push({
    id: 'p1',
    name: 'Pat Lee',
    email: '',
    isResident: true,
    notes: '',
    positions: [
      {
        id: 'x1',
        kind: 'staff',
        department: 'Finance',
        title: 'Director',
        level: 'director',
        start: null,
        end: null,
      },
    ],
  });
  data.attendance.push({ personId: 'p1', sessionId: 'sct-2020-equity-101-2020-02-18' });
  return data;
}

/**
 * The backup as a plain JSON object, for tests that break it on purpose: a hand-edited
 * file, so without its checksum (a stale checksum would hide every other problem).
 */
function rawBackup(): { formatVersion: number; dataSha256?: string; data: TownData } {
  const raw = JSON.parse(serializeBackup(sampleData(), meta)) as {
    formatVersion: number;
    dataSha256?: string;
    data: TownData;
  };
  delete raw.dataSha256;
  return raw;
}

/** The technical part of each error (`plain` is tested in plain.test.ts). */
const errorsOf = (text: string) => {
  const r = parseBackup(text);
  if (r.ok) throw new Error('expected the backup to be refused');
  return r.errors.map(({ path, message }) => ({ path, message }));
};

describe('parseBackup()', () => {
  it('accepts what serializeBackup wrote and returns the same data', () => {
    const r = parseBackup(serializeBackup(sampleData(), meta));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.backup.data).toEqual(sampleData());
      expect(r.backup.exportedAt).toBe(meta.exportedAt);
      expect(r.backup.app).toEqual({ name: 'Equity Training Ledger', version: '0.1.0' });
    }
  });

  it('names the line and column of a JSON syntax error in one error', () => {
    const errors = errorsOf(
      '{\n  "format": "equity-training-ledger-backup",\n  "formatVersion": 1\n  "data": {}\n}',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('');
    expect(errors[0]!.message).toMatch(/^line 4, column 3: invalid JSON: expected ',' or '}'/);
  });

  it('says a truncated file ends too early', () => {
    const text = serializeBackup(sampleData(), meta);
    const [e] = errorsOf(text.slice(0, 200));
    expect(e!.message).toMatch(/^line \d+, column \d+: invalid JSON: the file ends too early/);
  });

  it('says an empty file is empty', () => {
    expect(errorsOf('  \n')).toEqual([{ path: '', message: 'the file is empty' }]);
  });

  it('refuses JSON that is not a backup with one clear error', () => {
    expect(errorsOf('[1,2]')[0]!.message).toMatch(/not an Equity Training Ledger backup/);
    expect(errorsOf('{"format":"something-else"}')).toEqual([
      { path: 'format', message: expect.stringMatching(/not an Equity Training Ledger backup/) },
    ]);
  });

  it('says a backup from a newer format version was made by a newer version of the app', () => {
    const raw = rawBackup();
    raw.formatVersion = 3;
    const errors = errorsOf(JSON.stringify(raw));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('formatVersion');
    expect(errors[0]!.message).toMatch(/made by a newer version of Equity Training Ledger/);
  });

  it('lists each schema problem with its path and a plain-English message', () => {
    const raw = rawBackup();
    raw.data.people[0]!.name = '';
    raw.data.people[0]!.positions[0]!.end = '2023-02-30';
    setAt(raw, ['data', 'town', 'certificationYear'], '2026');
    setAt(raw, ['data', 'sessions', 1, 'date'], undefined);
    const errors = errorsOf(JSON.stringify(raw));
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'data.people[0].name', message: 'Name is required' },
        { path: 'data.people[0].positions[0].end', message: 'must be a calendar date written YYYY-MM-DD' },
        { path: 'data.town.certificationYear', message: 'must be a number, not text' },
        { path: 'data.sessions[1].date', message: 'is required' },
      ]),
    );
  });

  it('explains an unknown position kind by listing the kinds', () => {
    const raw = rawBackup();
    setAt(raw, ['data', 'people', 0, 'positions', 0, 'kind'], 'mayor');
    const [e] = errorsOf(JSON.stringify(raw));
    expect(e).toEqual({
      path: 'data.people[0].positions[0].kind',
      message: 'must be one of "elected", "staff", "boeEmployee", "teamMember", "appointed"',
    });
  });

  it('reports a term that ends before it starts at the end date', () => {
    const raw = rawBackup();
    Object.assign(raw.data.people[0]!.positions[0]!, { start: '2024-02-01', end: '2024-01-01' });
    expect(errorsOf(JSON.stringify(raw))[0]!.path).toBe('data.people[0].positions[0].end');
  });

  it('finds references that point nowhere and duplicates, each with its path', () => {
    const raw = rawBackup();
    raw.data.attendance.push({ personId: 'ghost', sessionId: 'nowhere' });
    raw.data.attendance.push({ ...raw.data.attendance[0]! });
    raw.data.sessions[0]!.trainingId = 'no-training';
    raw.data.trainings[0]!.seriesId = 'no-series';
    raw.data.people.push({ ...raw.data.people[0]! });
    raw.data.certifications.push({
      id: 'c1',
      yearAwarded: 2022,
      level: 'Bronze',
      credited: [
        { part: 'part1', seriesId: 'nope' },
        { part: 'part2', sessionId: 'nope' },
      ],
    });
    const paths = errorsOf(JSON.stringify(raw)).map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'data.attendance[1].personId',
        'data.attendance[1].sessionId',
        'data.attendance[2]',
        'data.sessions[0].trainingId',
        'data.trainings[0].seriesId',
        'data.people[1].id',
        'data.certifications[0].credited[0].seriesId',
        'data.certifications[0].credited[1].sessionId',
      ]),
    );
  });

  it('reads the shipped Harbor Falls sample', () => {
    const text = readFileSync(
      new URL('../../../resources/samples/harbor-falls.json', import.meta.url),
      'utf8',
    );
    const r = parseBackup(text);
    expect(r.ok ? r.backup.data.town.name : r.errors).toBe('Harbor Falls');
  });

  it('tolerates a byte-order mark', () => {
    expect(parseBackup(`\uFEFF${serializeBackup(sampleData(), meta)}`).ok).toBe(true);
  });
});

describe('serializeBackup()', () => {
  it('writes pretty JSON with the envelope first and a stable key order', () => {
    const data = sampleData();
    const a = serializeBackup(data, meta);
    expect(a.startsWith('{\n  "format": "equity-training-ledger-backup",\n  "formatVersion": 2,')).toBe(true);
    expect(a.endsWith('}\n')).toBe(true);
    // The same data with every object's keys in reverse order serialises byte for byte the same.
    const reversed = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reversed)
        : v !== null && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reversed(x)]),
            )
          : v;
    expect(serializeBackup(reversed(data) as TownData, meta)).toBe(a);
  });
});
