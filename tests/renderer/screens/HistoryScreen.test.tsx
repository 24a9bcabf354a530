// @vitest-environment jsdom
// Installed before Dexie loads: liveQuery needs a global indexedDB (dexie/Dexie.js#2070).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importBackup } from '../../../renderer/db/backup';
import { addSubmission, loadTownData, putPerson } from '../../../renderer/db/repositories';
import type { AppDB } from '../../../renderer/db/schema';
import { savePdf } from '../../../renderer/src/platform';
import type * as Platform from '../../../renderer/src/platform';
import { HistoryScreen } from '../../../renderer/src/screens/history/HistoryScreen';
import { evaluate } from '../../../shared/rules/engine';
import { buildSubmission } from '../../../shared/submissions';
import { makeDb, renderScreen, resetUi } from '../helpers';

vi.mock('../../../renderer/src/platform', async (importOriginal) => ({
  ...(await importOriginal<typeof Platform>()),
  savePdf: vi.fn(),
}));

const real = (data: Parameters<typeof evaluate>[0]) =>
  evaluate(data, { certificationYear: data.town.certificationYear, asOfDate: '2026-03-01' });
const pdf = new Uint8Array([37, 80, 68, 70, 0, 200, 255]);

let db: AppDB;
beforeEach(async () => {
  resetUi();
  vi.mocked(savePdf).mockReset();
  db = makeDb();
  const sample = readFileSync(
    join(import.meta.dirname, '../../../resources/samples/harbor-falls.json'),
    'utf8',
  );
  expect((await importBackup(db, sample)).ok).toBe(true);
});
afterEach(() => {
  cleanup();
  db.close();
});

async function submit() {
  const data = (await loadTownData(db))!;
  await addSubmission(
    db,
    buildSubmission({
      id: 'sub-1',
      data,
      evaluation: real(data),
      round: 'spring',
      submittedOn: '2026-03-02',
      submittedBy: 'Maria Santos',
      fileName: 'packet.pdf',
      pdf,
    }),
  );
}

describe('HistoryScreen', () => {
  it('says what to do when nothing was submitted yet', async () => {
    await renderScreen(HistoryScreen, db, real);
    expect(screen.getByRole('region', { name: 'What comes next' }).textContent).toContain(
      'No submission is recorded yet',
    );
    expect(screen.getByRole('heading', { name: 'No submissions yet' })).toBeTruthy();
  });

  it('lists the submission, saves its frozen bytes again, and shows what changed since', async () => {
    await submit();
    await putPerson(db, { id: 'newcomer', name: 'Ada Newcomer' });
    vi.mocked(savePdf).mockResolvedValue({ status: 'saved', fileName: 'packet.pdf' });
    await renderScreen(HistoryScreen, db, real);
    expect(
      screen.getByRole('heading', {
        level: 3,
        name: '2026 · Spring round · Submitted, waiting for the result',
      }),
    ).toBeTruthy();
    expect(screen.getByRole('region', { name: /^Since the last submission/ }).textContent).toContain(
      'Added: Ada Newcomer',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save the packet as submitted' }));
    await waitFor(() => expect(savePdf).toHaveBeenCalledWith('packet.pdf', pdf));
  });

  it('records a Silver award: the certification credits both parts and what comes next says T.3', async () => {
    await submit();
    await renderScreen(HistoryScreen, db, real);
    await userEvent.click(screen.getByRole('button', { name: 'Record the result…' }));
    const dialog = screen.getByRole('dialog', { name: 'Record the result' });
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Level' }), 'Silver');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save the result' }));
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'What comes next' }).textContent).toContain(
        'Certified Silver in 2026, through December 31, 2029. In 2029 the 2026 cohort (Part 1) and the 2026 training (Part 2) must apply for rolling credit (T.3)',
      ),
    );
    const cert = (await loadTownData(db))!.certifications.find((c) => c.id === 'cert-sub-1');
    expect(cert?.credited.map((c) => c.part)).toEqual(['part1', 'part2']);
  });
});
