/**
 * Import people from a CSV file: choose the file → a preview with the column
 * mapping and each row's result → import. A file that cannot be read as a table
 * gets one clear message and changes nothing.
 *
 * Mounted by the People screen; started by its "Import from CSV…" button, the
 * "Your data" panel or the menu, all through `useUi.getState().requestCsvImport()`.
 */
import { useEffect, useState } from 'react';
import { getLastCsvImport } from '../../db/csv';
import type { LastCsvImport } from '../../db/csv';
import type { AppDB } from '../../db/schema';
import type { CsvRow, CsvTable } from '../../../shared/csv/people';
import type { Person } from '../../../shared/domain/schema';
import { Dialog } from '../components/Dialog';
import { openTextFile } from '../platform';
import { notify, useUi } from '../store/ui';
import { CsvImportDialog } from './CsvImportDialog';
import { readCsv } from './parse';

type Step =
  | { step: 'idle' }
  | {
      step: 'preview';
      fileName: string;
      table: CsvTable;
      firstRow: CsvRow;
      lastImport: LastCsvImport | null;
    }
  | { step: 'refused'; fileName: string; message: string };

export function CsvImportFlow({ db, people }: { db: AppDB; people: readonly Person[] }) {
  const requested = useUi((s) => s.csvImportRequested);
  const [state, setState] = useState<Step>({ step: 'idle' });

  useEffect(() => {
    if (!requested || !useUi.getState().takeCsvImportRequest()) return;
    void (async () => {
      const file = await openTextFile('csv');
      if (file.status === 'canceled') return;
      if (file.status === 'error') {
        notify({ kind: 'error', text: `The file could not be read: ${file.message}` });
        return;
      }
      const read = readCsv(file.text);
      if (!read.ok) {
        setState({ step: 'refused', fileName: file.fileName, message: read.message });
        return;
      }
      const lastImport = await getLastCsvImport(db).catch(() => null);
      setState({
        step: 'preview',
        fileName: file.fileName,
        table: read.table,
        firstRow: read.firstRow,
        lastImport,
      });
    })();
  }, [requested, db]);

  const close = () => setState({ step: 'idle' });

  if (state.step === 'preview') {
    return (
      <CsvImportDialog
        db={db}
        people={people}
        fileName={state.fileName}
        table={state.table}
        firstRow={state.firstRow}
        lastImport={state.lastImport}
        onClose={close}
      />
    );
  }
  if (state.step === 'refused') {
    return (
      <Dialog
        open
        title="This file cannot be imported"
        description={`Nothing was changed. The problem with ${state.fileName}:`}
        onClose={close}
        footer={
          <div className="form-actions">
            <button type="button" className="btn btn-primary" onClick={close} data-autofocus>
              Close
            </button>
          </div>
        }
      >
        <p className="notice notice-error">{state.message}</p>
      </Dialog>
    );
  }
  return null;
}
