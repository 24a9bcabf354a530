// @vitest-environment jsdom
/**
 * The import dialog over a session in a worker (a large file): it shows the preview
 * the worker sent, asks again when a setting changes — keeping the last answer on
 * screen and Import disabled until the new one comes — and on Import writes the
 * plan the worker made. The worker is stood in for by the same pure functions,
 * answering when the test says.
 */
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initialiseTown, loadTownData } from '../../../renderer/db/repositories';
import type { AppDB } from '../../../renderer/db/schema';
import { CsvImportDialog } from '../../../renderer/src/csv/CsvImportDialog';
import type { CsvSession } from '../../../renderer/src/csv/load';
import { readForPreview } from '../../../renderer/src/csv/worker-protocol';
import { planFromRead, previewImport } from '../../../shared/csv/preview';
import type { PreviewSettings } from '../../../shared/csv/preview';
import type { Person } from '../../../shared/domain/schema';
import { makeDb, resetUi } from '../helpers';

let db: AppDB;
beforeEach(async () => {
  resetUi();
  db = makeDb();
  await initialiseTown(db, { name: 'Harbor Falls', certificationYear: 2026 });
});
afterEach(() => {
  cleanup();
  db.close();
});

function workerSession(text: string) {
  const { outcome, read } = readForPreview(new TextEncoder().encode(text), undefined, []);
  if (read === null) throw new Error(outcome.message);
  const answers: (() => void)[] = [];
  const asked: PreviewSettings[] = [];
  const session: CsvSession = {
    inWorker: true,
    preview: (settings, people) => {
      asked.push(settings);
      return new Promise((done) => answers.push(() => done(previewImport(read, people, settings))));
    },
    plan: vi.fn((settings: PreviewSettings, people: readonly Person[]) =>
      Promise.resolve(planFromRead(read, people, settings, () => crypto.randomUUID())),
    ),
    close: vi.fn(),
  };
  return { outcome, session, answers, asked };
}

describe('the import dialog over a worker', { timeout: 30_000 }, () => {
  it('keeps the last preview while the worker answers a change, then imports the worker’s plan', async () => {
    const { outcome, session, answers, asked } = workerSession(
      'Name,Other name,Email\nAnn Lee,Annie,ann@example.org\nBo Diaz,Bo,bad\n',
    );
    // The roster the first preview was made against, and the one on screen: the same.
    const roster: Person[] = [];
    render(
      <CsvImportDialog
        db={db}
        people={roster}
        fileName="big.csv"
        session={session}
        summary={outcome.summary}
        initialPreview={{ people: roster, preview: outcome.preview }}
        encoding="utf-8"
        encodingDetected
        encodingProblem={null}
        onEncodingChange={() => undefined}
        lastImport={null}
        onClose={() => undefined}
      />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Import people from a spreadsheet' });
    // The first preview came with the file: nothing is asked of the worker for it.
    expect(asked).toHaveLength(0);
    expect(within(dialog).getByRole('rowheader', { name: 'Ann Lee' })).toBeTruthy();
    expect(within(dialog).getByTestId('csv-row-problems').textContent).toContain('Row 3 (Bo Diaz)');

    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: /^Name/ }), '1');
    expect(asked).toHaveLength(1);
    const importButton = within(dialog).getByRole<HTMLButtonElement>('button', {
      name: 'Updating the preview…',
    });
    expect(importButton.disabled).toBe(true);
    // Until the answer comes, the rows on screen are the last ones.
    expect(within(dialog).getByRole('rowheader', { name: 'Ann Lee' })).toBeTruthy();
    answers.shift()!();
    await within(dialog).findByRole('rowheader', { name: 'Annie' });

    await userEvent.click(within(dialog).getByRole('button', { name: 'Import 1 person' }));
    await waitFor(() => expect(session.plan).toHaveBeenCalledTimes(1));
    await waitFor(async () => expect((await loadTownData(db))!.people.map((p) => p.name)).toEqual(['Annie']));
  });
});
