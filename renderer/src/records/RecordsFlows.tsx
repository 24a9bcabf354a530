/**
 * The two ways to clear this computer (issue 11, item 1), opened from the sample banner,
 * File menu and Town › Your data:
 *
 * - **Start my own town** while the sample is open: one confirmation, then every sample
 *   record goes in one transaction (`leaveSampleTown`) and the first-run guide asks for
 *   the clerk's town. Nothing of the sample (its certification, coaching hours, partners)
 *   can reach a real town's packet, because none of it is left.
 * - **Erase this computer's records…**: the clerk types the town's name, a backup is made
 *   first (the app's automatic backups in the desktop app, a downloaded file in a
 *   browser), and only then is everything cleared. A failed backup erases nothing.
 */
import { useState } from 'react';
import { eraseAllRecords, leaveSampleTown } from '../../db/repositories';
import type { AppDB } from '../../db/schema';
import { exportBackupToFile, writeAutomaticBackup } from '../backup/actions';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Dialog } from '../components/Dialog';
import { TextField } from '../components/Field';
import { isDesktop } from '../platform';
import { initialUiState, notify, useUi } from '../store/ui';

export interface RecordsFlowsProps {
  db: AppDB;
  /** The stored town's name; null before the first-run guide has created one. */
  townName: string | null;
  /** The sample town's name while it is open, else null. */
  sampleName: string | null;
}

/** Back to a fresh start: the UI forgets screens, filters and requests of the records just removed. */
function resetUi(): void {
  useUi.setState({ ...initialUiState(), toasts: useUi.getState().toasts });
}

export function RecordsFlows({ db, townName, sampleName }: RecordsFlowsProps) {
  const dialog = useUi((s) => s.recordsDialog);
  const close = useUi((s) => s.closeRecordsDialog);

  if (dialog === 'startOwnTown' && sampleName !== null) {
    return <StartOwnTownDialog db={db} sampleName={sampleName} onClose={close} />;
  }
  if (dialog === 'erase' && townName !== null) {
    return <EraseDialog db={db} townName={townName} onClose={close} />;
  }
  return null;
}

function StartOwnTownDialog({
  db,
  sampleName,
  onClose,
}: {
  db: AppDB;
  sampleName: string;
  onClose: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const start = async () => {
    setBusy(true);
    try {
      const left = await leaveSampleTown(db);
      resetUi();
      // The first-run guide's town name field takes the keyboard.
      useUi.getState().requestHeadingFocus();
      notify({
        kind: 'success',
        text: left
          ? `The sample town ${sampleName} was removed. Now enter your own town.`
          : 'The sample town was already gone; nothing else was removed.',
      });
    } catch (e) {
      setBusy(false);
      notify({
        kind: 'error',
        text: `The sample could not be removed, so nothing changed: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  };
  return (
    <ConfirmDialog
      open
      title="Start your own town?"
      message={
        <>
          <p>
            This removes the sample town <strong>{sampleName}</strong> and everything in it, including
            anything you added while exploring. None of it will be in your town or its packet.
          </p>
          <p>Then you enter your own town’s name and certification year.</p>
        </>
      }
      confirmLabel={busy ? 'Removing the sample…' : 'Remove the sample and start'}
      onConfirm={() => {
        if (!busy) void start();
      }}
      onCancel={onClose}
    />
  );
}

/** Ignores case and spaces around, so "harbor falls " confirms "Harbor Falls". */
const sameName = (typed: string, name: string): boolean =>
  typed.trim().toLocaleLowerCase('en') === name.trim().toLocaleLowerCase('en');

function EraseDialog({ db, townName, onClose }: { db: AppDB; townName: string; onClose: () => void }) {
  const [typed, setTyped] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const name = townName.trim() === '' ? 'erase' : townName.trim();
  const matches = sameName(typed, name);
  const desktop = isDesktop();

  const erase = async () => {
    setTried(true);
    if (!matches || busy) return;
    setBusy(true);
    // The backup comes first; without it nothing is erased.
    let backedUp: string | null = null;
    if (desktop) {
      const result = await writeAutomaticBackup(db, 'beforeErase');
      if (result.status === 'written') backedUp = `A backup was saved first (${result.fileName}).`;
    } else if (await exportBackupToFile(db, townName)) {
      backedUp = 'A backup file was downloaded first.';
    }
    if (backedUp === null) {
      setBusy(false);
      notify({ kind: 'error', text: 'Nothing was erased, because the backup could not be saved first.' });
      return;
    }
    try {
      await eraseAllRecords(db);
    } catch (e) {
      setBusy(false);
      notify({
        kind: 'error',
        text: `The records could not be erased, so nothing changed: ${e instanceof Error ? e.message : String(e)}`,
      });
      return;
    }
    resetUi();
    notify({ kind: 'success', text: `Every record was erased from this computer. ${backedUp}` });
  };

  return (
    <Dialog
      open
      title="Erase this computer’s records?"
      onClose={onClose}
      onSubmit={() => void erase()}
      footer={
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-danger btn-solid" aria-disabled={busy || undefined}>
            {busy ? 'Erasing…' : 'Erase everything'}
          </button>
        </div>
      }
    >
      <p>
        This removes <strong>every</strong> record of {townName.trim() === '' ? 'your town' : townName} from
        this computer: people, trainings, attendance, partners, history and settings. The app then starts as
        on its first day.
      </p>
      <p>
        {desktop
          ? 'First the app saves a backup in its automatic backups folder, so you could restore it later.'
          : 'First your browser downloads a backup file, so you could restore it later.'}
      </p>
      <TextField
        label={`Type ${name} to confirm`}
        name="confirmErase"
        autoComplete="off"
        value={typed}
        onChange={setTyped}
        error={tried && !matches ? `Type the town’s name, ${name}, exactly to erase` : undefined}
        required
      />
    </Dialog>
  );
}
