import { describe, expect, it } from 'vitest';
import type { PdfTable } from '../../../shared/packet/pdf-types';
import {
  FIRST_PAGE_ROWS,
  NEXT_PAGE_ROWS,
  UnknownSessionError,
  WALK_IN_ROWS,
  buildSignInSheet,
} from '../../../shared/packet/signin';
import { fixtureTown, meta } from './fixtures';
import { documentText, strings, tables } from './walk';

describe('buildSignInSheet()', () => {
  it('prints the town, training name, date, time and place of the session', () => {
    const t = documentText(buildSignInSheet(fixtureTown(), 's-101', meta));
    expect(t).toContain('MAPLE HOLLOW');
    expect(t).toContain('Equity 101');
    expect(t).toContain('March 12, 2024');
    expect(t).toContain('6:00 PM – 7:30 PM');
    expect(t).toContain('Town Hall, Room 2');
    expect(t).toContain('Sustainable CT');
  });

  it('fills one page with ruled blank rows under Name, Title, Department or board, Signature', () => {
    const doc = buildSignInSheet(fixtureTown(), 's-101', meta);
    const all: PdfTable[] = tables(doc.content).filter((t) => t.table.body[0]?.length === 4);
    expect(all).toHaveLength(1);
    const table = all[0]!;
    expect(strings(table.table.body[0])).toEqual(['Name', 'Title', 'Department or board', 'Signature']);
    expect(table.table.body).toHaveLength(FIRST_PAGE_ROWS + 1);
    expect(table.table.body.slice(1).every((row) => strings(row).every((cell) => cell === ''))).toBe(true);
    expect(table.table.headerRows).toBe(1);
    expect(table.table.dontBreakRows).toBe(true);
  });

  it('continues on a new page with the header repeated, and fills the last page: no lone row', () => {
    const doc = buildSignInSheet(fixtureTown(), 's-101', { ...meta, rows: FIRST_PAGE_ROWS + 1 });
    const all = tables(doc.content).filter((t) => t.table.body[0]?.length === 4);
    expect(all.map((t) => t.table.body.length - 1)).toEqual([FIRST_PAGE_ROWS, NEXT_PAGE_ROWS]);
    for (const t of all)
      expect(strings(t.table.body[0])).toEqual(['Name', 'Title', 'Department or board', 'Signature']);
    const breaks = (doc.content as { pageBreak?: string; text?: unknown }[]).filter(
      (c) => c.pageBreak === 'before',
    );
    expect(breaks).toHaveLength(1);
    expect(strings(breaks[0]).join(' ')).toContain('SIGN-IN SHEET (CONTINUED)');
    expect(strings(breaks[0]).join(' ')).toContain('Equity 101');
  });

  it('prints at least as many rows as asked, in whole pages', () => {
    const doc = buildSignInSheet(fixtureTown(), 's-101', { ...meta, rows: 45 });
    const counts = tables(doc.content)
      .filter((t) => t.table.body[0]?.length === 4)
      .map((t) => t.table.body.length - 1);
    expect(counts).toEqual([FIRST_PAGE_ROWS, NEXT_PAGE_ROWS, NEXT_PAGE_ROWS]);
    expect(counts.reduce((a, b) => a + b)).toBeGreaterThanOrEqual(45);
  });

  it('keeps the closing line with the heading, never alone after the rows', () => {
    const doc = buildSignInSheet(fixtureTown(), 's-101', meta);
    const last = doc.content.at(-1) as PdfTable;
    expect(last.table).toBeDefined();
    expect(documentText(doc)).toContain('Prepared March 1, 2026 with Equity Training Ledger.');
  });

  it('prints the names and titles of the people expected, sorted, then blank rows', () => {
    const data = fixtureTown({
      // Parsed by the fixture's schema, which fills in the fields left out.
      people: [
        {
          id: 'p-z',
          name: 'Zed Young',
          isResident: false,
          email: '',
          positions: [
            {
              id: 'z1',
              kind: 'staff',
              department: 'Library',
              level: 'other',
              title: 'Librarian',
              start: null,
              end: '2020-01-01',
            },
            {
              id: 'z2',
              kind: 'staff',
              department: 'Public Works',
              level: 'director',
              title: 'Director of Public Works',
              start: '2020-01-02',
              end: null,
            },
          ],
        },
        {
          id: 'p-a',
          name: 'Ann Adams',
          isResident: true,
          email: '',
          positions: [
            {
              id: 'a1',
              kind: 'elected',
              body: 'finance',
              bodyName: '',
              title: 'Member',
              start: null,
              end: null,
            },
          ],
        },
        { id: 'p-n', name: 'Not Expected', isResident: false, email: '', positions: [] },
      ] as never,
    });
    const doc = buildSignInSheet(data, 's-101', { ...meta, expectedPersonIds: ['p-z', 'p-a'] });
    const all = tables(doc.content).filter((t) => t.table.body[0]?.length === 4);
    const rows = all.flatMap((t) => t.table.body.slice(1).map((r) => strings(r)));
    expect(rows[0]).toEqual(['Ann Adams', 'Member', 'Board of Finance', '']);
    expect(rows[1]).toEqual(['Zed Young', 'Director of Public Works', 'Public Works', '']);
    expect(rows.slice(2).every((r) => r.every((c) => c === ''))).toBe(true);
    expect(rows.length - 2).toBeGreaterThanOrEqual(WALK_IN_ROWS);
    expect(documentText(doc)).not.toContain('Not Expected');
    expect(documentText(doc)).toContain('The names of the people expected are printed');
  });

  it('leaves room for walk-ins after a full page of names', () => {
    const people = Array.from({ length: FIRST_PAGE_ROWS }, (_, i) => ({
      id: `p${String(i).padStart(2, '0')}`,
      name: `Person ${String(i).padStart(2, '0')}`,
      positions: [],
    }));
    const data = fixtureTown({ people } as never);
    const doc = buildSignInSheet(data, 's-101', { ...meta, expectedPersonIds: people.map((p) => p.id) });
    const counts = tables(doc.content)
      .filter((t) => t.table.body[0]?.length === 4)
      .map((t) => t.table.body.length - 1);
    expect(counts).toEqual([FIRST_PAGE_ROWS, NEXT_PAGE_ROWS]);
  });

  it('puts "Page X of Y" and the town in the footer', () => {
    const doc = buildSignInSheet(fixtureTown(), 's-101', meta);
    const footer = strings(doc.footer!(1, 2)).join(' ');
    expect(footer).toContain('Page 1 of 2');
    expect(footer).toContain('Maple Hollow');
  });

  it('leaves a line to fill in when the session has no time or place', () => {
    const data = fixtureTown();
    data.sessions[0] = { ...data.sessions[0]!, startTime: null, endTime: null, location: '' };
    const t = documentText(buildSignInSheet(data, 's-101', meta));
    expect(t).toMatch(/Time\n_{6,}/);
    expect(t).toMatch(/Place or link\n_{6,}/);
  });

  it('throws a clear error for an unknown session id', () => {
    expect(() => buildSignInSheet(fixtureTown(), 'nope', meta)).toThrow(UnknownSessionError);
    expect(() => buildSignInSheet(fixtureTown(), 'nope', meta)).toThrow("No session with id 'nope'");
  });
});
