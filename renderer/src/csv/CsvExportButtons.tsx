/** "Spreadsheets (CSV)": export the roster or the attendance, or import people. Shown in "Your data". */
import { useState } from 'react';
import type { AppDB } from '../../db/schema';
import { useUi } from '../store/ui';
import { exportCsv } from './export';

export function CsvExportButtons({ db }: { db: AppDB }) {
  const requestCsvImport = useUi((s) => s.requestCsvImport);
  const [busy, setBusy] = useState<'roster' | 'attendance' | null>(null);
  const run = (what: 'roster' | 'attendance') => {
    setBusy(what);
    void exportCsv(db, what).finally(() => setBusy(null));
  };
  return (
    <>
      <h3>Spreadsheets (CSV)</h3>
      <p className="muted">
        Open these in Excel or another spreadsheet. An edited roster file can be imported again: people
        already on the roster are recognised by name and email.
      </p>
      <div className="row">
        <button type="button" className="btn" disabled={busy !== null} onClick={() => run('roster')}>
          {busy === 'roster' ? 'Saving roster…' : 'Export the roster as CSV'}
        </button>
        <button type="button" className="btn" disabled={busy !== null} onClick={() => run('attendance')}>
          {busy === 'attendance' ? 'Saving attendance…' : 'Export attendance as CSV'}
        </button>
        <button type="button" className="btn" onClick={requestCsvImport}>
          Import people from CSV…
        </button>
      </div>
    </>
  );
}
