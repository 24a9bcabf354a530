// @vitest-environment jsdom
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  initialiseTown,
  loadTownData,
  putPerson,
  putSession,
  setAttendance,
} from '../../../renderer/db/repositories';
import type { AppDB } from '../../../renderer/db/schema';
import { exportCsv } from '../../../renderer/src/csv/export';
import { useUi } from '../../../renderer/src/store/ui';
import type { LedgerApi } from '../../../shared/ipc/contract';
import { makeDb, resetUi } from '../helpers';

/** `window.api` as the renderer sees it (declared in renderer/src/env.d.ts). */
const w = window as Window & { api?: LedgerApi };

let db: AppDB;
let saved: { kind: string; suggestedName: string; text: string }[];

beforeEach(async () => {
  resetUi();
  db = makeDb();
  await initialiseTown(db, { name: 'Harbor Falls', certificationYear: 2026 });
  saved = [];
  // The desktop app's save dialog, faked: it "saves" whatever it is given.
  w.api = {
    saveText: vi.fn((request: { kind: string; suggestedName: string; text: string }) => {
      saved.push(request);
      return Promise.resolve({ status: 'saved' as const, fileName: request.suggestedName });
    }),
  } as unknown as LedgerApi;
});
afterEach(() => {
  delete w.api;
  db.close();
});

const cells = (text: string) =>
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('exportCsv()', () => {
  it('saves the roster as CSV with formula-like names neutralised', async () => {
    await putPerson(db, { id: 'p1', name: '=HYPERLINK("http://evil.example")', email: 'x@example.org' });
    await putPerson(db, {
      id: 'p2',
      name: 'Ann Lee',
      isResident: true,
      positions: [{ id: 'a', kind: 'teamMember', title: 'Chair' }],
    });
    expect(await exportCsv(db, 'roster')).toBe(true);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.kind).toBe('csv');
    expect(saved[0]!.suggestedName).toMatch(/^harbor-falls-roster-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = cells(saved[0]!.text);
    expect(rows.map((r) => r[0])).toEqual(['Name', '\'=HYPERLINK("http://evil.example")', 'Ann Lee']);
    expect(rows[2]).toEqual(['Ann Lee', '', 'Yes', 'Sustainability team member', '', 'Chair', '', '', '']);
    expect(useUi.getState().toasts.at(-1)?.text).toMatch(
      /^Roster saved as harbor-falls-roster-.*\(2 rows\)\.$/,
    );
  });

  it('saves one attendance row per person per session', async () => {
    const training = (await loadTownData(db))!.trainings[0]!;
    await putPerson(db, { id: 'p1', name: 'Ann Lee' });
    await putSession(db, { id: 's1', trainingId: training.id, date: '2025-03-01' });
    await setAttendance(db, 'p1', 's1', true);
    expect(await exportCsv(db, 'attendance')).toBe(true);
    const rows = cells(saved[0]!.text);
    expect(rows).toHaveLength(2);
    expect(rows[1]![0]).toBe('2025-03-01');
    expect(rows[1]![3]).toBe(training.name);
    expect(rows[1]![8]).toBe('Ann Lee');
  });

  it('tells the user when the file could not be saved', async () => {
    w.api = {
      saveText: () => Promise.resolve({ status: 'error' as const, message: 'the drive is read-only' }),
    } as unknown as LedgerApi;
    expect(await exportCsv(db, 'roster')).toBe(false);
    expect(useUi.getState().toasts.at(-1)).toMatchObject({
      kind: 'error',
      text: 'The file was not saved: the drive is read-only',
    });
  });
});
