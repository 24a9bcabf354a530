/**
 * Thousands of generated bad CSV files thrown at the importer: each is refused with
 * one sentence or reported row by row, it never throws, and the database changes
 * only by the rows that were fine (not at all for a refused file).
 */
import Papa from 'papaparse';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPeople } from '../../../renderer/db/csv';
import { initialiseTown, loadTownData } from '../../../renderer/db/repositories';
import type { AppDB } from '../../../renderer/db/schema';
import { readCsv } from '../../../renderer/src/csv/parse';
import type { ReadCsvResult } from '../../../renderer/src/csv/parse';
import { guessMapping, mapRows, planImport, rosterHeaders } from '../../../shared/csv';
import type { MappedRows } from '../../../shared/csv';
import { personSchema } from '../../../shared/domain/schema';
import { testDb } from '../db/helpers';

// Thousands of runs: generous timeouts, because the machine running the suite may be busy.

/** A message a clerk can read: a non-empty sentence, bounded, with no programmer leftovers. */
const expectClear = (message: string) => {
  expect(message.trim().length).toBeGreaterThan(5);
  expect(message.length).toBeLessThan(600);
  // The file's own text is quoted “like this”; outside the quotes no programmer leftovers may show.
  const ours = message.replace(/“[^”]*”/g, '“…”');
  expect(ours).not.toMatch(/undefined|\[object |NaN|TypeError|at Object\./);
};

/** Reads and maps a file as the dialog does; throws (failing the property) only if the importer does. */
function runImporter(text: string): { read: ReadCsvResult; mapped: MappedRows | null } {
  const read = readCsv(text);
  if (!read.ok) {
    expectClear(read.message);
    return { read, mapped: null };
  }
  const mapped = mapRows(read.table, guessMapping(read.table.headers), { defaultKind: null });
  expect(mapped.rows).toHaveLength(read.table.rows.length);
  for (const row of mapped.rows) {
    expect(Number.isInteger(row.rowNumber) && row.rowNumber >= 2).toBe(true);
    if (row.status === 'error') {
      expect(row.errors.length).toBeGreaterThan(0);
      row.errors.forEach(expectClear);
    } else {
      expect(row.errors).toEqual([]);
    }
  }
  return { read, mapped };
}

/** Cell values chosen to break things: too long, wrong shape, formulas, markup, emoji, RTL, quotes. */
const badCell = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'A'.repeat(10000),
    'x'.repeat(201),
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '=HYPERLINK("http://evil.example","click")',
    "'=1+1",
    '+1',
    '-1',
    '@SUM(A1:A9)',
    '🌱🏳️‍🌈👩🏽‍💼',
    'مريم الحسن',
    'שרה כהן',
    '\u202Egnp.exe',
    'not-an-email',
    'ann@',
    'maybe',
    'wizard',
    'staff',
    'elected',
    'Board of Selectmen',
    'director',
    '2024-02-30',
    '13/45/2024',
    '2024-01-01',
    '1/5/2024',
    '"',
    '""',
    'a,b',
    'line\nbreak',
    '\r',
    '\t',
    'null',
    'undefined',
    '__proto__',
    'constructor',
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ maxLength: 30, unit: 'grapheme' }),
);

const headerPool = [
  ...rosterHeaders,
  'First name',
  'Last name',
  'E-mail',
  'Resident?',
  'Notes',
  '',
  'Name',
  '=cmd|/c calc',
];

/** Well-formed CSV (papaparse writes it) full of bad values, sometimes ragged. */
const badTableCsv = fc
  .record({
    headers: fc.subarray(headerPool, { minLength: 1 }),
    rows: fc.array(fc.array(badCell, { maxLength: 12 }), { minLength: 1, maxLength: 12 }),
    delimiter: fc.constantFrom(',', ';', '\t'),
    bom: fc.boolean(),
  })
  .map(
    ({ headers, rows, delimiter, bom }) =>
      `${bom ? '\uFEFF' : ''}${Papa.unparse([headers, ...rows], { delimiter })}`,
  );

/** The same files broken: cut short anywhere, a stray quote dropped in, or bytes that are not text. */
const brokenCsv = fc.oneof(
  badTableCsv.chain((t) => fc.nat({ max: t.length }).map((n) => t.slice(0, n))),
  badTableCsv.chain((t) => fc.nat({ max: t.length }).map((n) => `${t.slice(0, n)}"${t.slice(n)}`)),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ maxLength: 200 }),
  fc
    .array(fc.constantFrom(',', '"', '\n', '\r', ';', '\t', 'a', ' ', '\uFEFF'), { maxLength: 60 })
    .map((c) => c.join('')),
);

describe('the CSV importer on generated bad files', () => {
  it('reports every row of a file full of bad values by row, never throwing', () => {
    fc.assert(
      fc.property(badTableCsv, (text) => {
        const { read, mapped } = runImporter(text);
        // Refused only as a whole with a sentence (e.g. a one-column file whose separator cannot be
        // told); otherwise every data row has its own outcome.
        if (read.ok)
          expect(mapped!.rows.map((r) => r.rowNumber)).toEqual(read.table.rows.map((r) => r.rowNumber));
      }),
      { numRuns: 1200 },
    );
  }, 120_000);

  it('refuses or reports broken and random files with a clear message, never throwing', () => {
    fc.assert(
      fc.property(brokenCsv, (text) => void runImporter(text)),
      { numRuns: 3000 },
    );
  }, 120_000);

  it('never lets through a person the app’s schema would refuse (a 10,000-character name, a bad email)', () => {
    fc.assert(
      fc.property(badTableCsv, (text) => {
        const { mapped } = runImporter(text);
        for (const c of mapped?.candidates ?? []) {
          const plan = planImport([c], [], 'skip', () => 'id');
          // Every person the importer would save passes the schema the app saves with.
          expect(personSchema.safeParse(plan.add[0]).success).toBe(true);
          expect([...c.name].length).toBeLessThanOrEqual(200);
        }
      }),
      { numRuns: 1000 },
    );
  }, 120_000);
});

describe('the CSV importer and the database', () => {
  let db: AppDB;
  beforeAll(async () => {
    db = testDb();
    await initialiseTown(db, { name: 'Harbor Falls', certificationYear: 2026 });
  });
  afterAll(async () => {
    db.close();
    await db.delete();
  });

  it('changes nothing for a refused file and adds exactly the good rows’ new people otherwise', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(badTableCsv, brokenCsv),
        fc.constantFrom('skip' as const, 'update' as const),
        async (text, onMatch) => {
          const before = (await loadTownData(db))!;
          const { mapped } = runImporter(text);
          const candidates = mapped?.candidates ?? [];
          if (candidates.length === 0) {
            // Refused, or nothing importable: the dialog offers no Import; the data must be as it was.
            expect(await loadTownData(db)).toEqual(before);
            return;
          }
          const expected = planImport(candidates, before.people, onMatch, () => 'id');
          const r = await importPeople(db, candidates, { onMatch, fileName: 'fuzz.csv' });
          expect(r).toEqual({
            ok: true,
            added: expected.add.length,
            updated: expected.update.length,
            unchanged: expected.unchanged.length,
          });
          const after = (await loadTownData(db))!;
          expect(after.people).toHaveLength(before.people.length + expected.add.length);
          for (const p of after.people) expect(personSchema.safeParse(p).success).toBe(true);
          // Everything else stays exactly as it was.
          expect({ ...after, people: [] }).toEqual({ ...before, people: [] });
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);
});
