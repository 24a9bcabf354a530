import { describe, expect, it } from 'vitest';
import type { PdfTable } from '../../../shared/packet/pdf-types';
import { UnknownSessionError, buildSignInSheet } from '../../../shared/packet/signin';
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

  it('has a ruled table of 20 blank rows under Name, Title, Department or board, Signature, header repeated', () => {
    const doc = buildSignInSheet(fixtureTown(), 's-101', meta);
    const table = tables(doc.content).find((t) => t.table.body[0]?.length === 4) as PdfTable;
    expect(strings(table.table.body[0])).toEqual(['Name', 'Title', 'Department or board', 'Signature']);
    expect(table.table.body).toHaveLength(21);
    expect(table.table.body.slice(1).every((row) => row.every((cell) => cell === ''))).toBe(true);
    expect(table.table.headerRows).toBe(1);
    expect(table.table.dontBreakRows).toBe(true);
  });

  it('prints as many rows as asked', () => {
    const doc = buildSignInSheet(fixtureTown(), 's-101', { ...meta, rows: 45 });
    const table = tables(doc.content).find((t) => t.table.body[0]?.length === 4)!;
    expect(table.table.body).toHaveLength(46);
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
