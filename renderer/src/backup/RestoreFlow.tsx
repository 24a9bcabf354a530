/**
 * Restore from a backup file: choose the file → see what it holds (town, counts,
 * when it was written) → confirm → everything is replaced in one transaction.
 * A file with problems lists each one with its path, and nothing changes.
 * In the desktop app an automatic 'beforeRestore' backup is written first, so a
 * wrong choice can be undone from the backups folder.
 *
 * Mounted once by the App shell (and the first-run guide); started with
 * `useUi.getState().requestRestore()` from any button or the menu.
 */
import { useEffect, useState } from 'react';
import { importBackup, previewBackup } from '../../db/backup';
import type { BackupPreview } from '../../db/backup';
import type { AppDB } from '../../db/schema';
import type { BackupError } from '../../../shared/backup';
import { Dialog } from '../components/Dialog';
import { isDesktop, openTextFile } from '../platform';
import { notify, useUi } from '../store/ui';
import { writeAutomaticBackup } from './actions';

type Step =
  | { step: 'idle' }
  | { step: 'preview'; fileName: string; text: string; preview: BackupPreview }
  | { step: 'errors'; fileName: string; errors: BackupError[] }
  | { step: 'working' };

const countLabels: [keyof BackupPreview['counts'], string, string][] = [
  ['people', 'person', 'people'],
  ['series', 'series', 'series'],
  ['trainings', 'training', 'trainings'],
  ['sessions', 'session', 'sessions'],
  ['attendance', 'attendance record', 'attendance records'],
  ['partners', 'partner', 'partners'],
  ['certifications', 'past certification', 'past certifications'],
  ['coaching', 'coaching entry', 'coaching entries'],
  ['optimizeForEquity', 'Optimize for Equity action', 'Optimize for Equity actions'],
];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function formatWritten(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
}

export function RestoreFlow({ db, hasTown }: { db: AppDB; hasTown: boolean }) {
  const requested = useUi((s) => s.restoreRequested);
  const [state, setState] = useState<Step>({ step: 'idle' });

  useEffect(() => {
    if (!requested || !useUi.getState().takeRestoreRequest()) return;
    void openTextFile('backup').then((r) => {
      if (r.status === 'canceled') return;
      if (r.status === 'error') {
        notify({ kind: 'error', text: `The file could not be read: ${r.message}` });
        return;
      }
      const p = previewBackup(r.text);
      setState(
        p.ok
          ? { step: 'preview', fileName: r.fileName, text: r.text, preview: p.preview }
          : { step: 'errors', fileName: r.fileName, errors: p.errors },
      );
    });
  }, [requested]);

  const close = () => setState({ step: 'idle' });

  const restore = async (text: string) => {
    setState({ step: 'working' });
    if (hasTown && isDesktop()) {
      const safety = await writeAutomaticBackup(db, 'beforeRestore');
      if (safety.status === 'error') {
        setState({ step: 'idle' });
        notify({
          kind: 'error',
          text: 'Nothing was restored, because the safety backup of your current data failed.',
        });
        return;
      }
    }
    const result = await importBackup(db, text);
    if (result.ok) {
      setState({ step: 'idle' });
      useUi.getState().navigate({ screen: 'town' });
      notify({
        kind: 'success',
        text: `Backup restored: ${plural(result.counts.people, 'person', 'people')}, ${plural(result.counts.sessions, 'session', 'sessions')}.`,
      });
    } else {
      setState({ step: 'errors', fileName: 'the backup', errors: result.errors });
    }
  };

  if (state.step === 'preview') {
    const { preview, fileName, text } = state;
    return (
      <Dialog
        open
        title="Restore this backup?"
        description={`From the file ${fileName}.`}
        onClose={close}
        footer={
          <div className="form-actions">
            <button type="button" className="btn" onClick={close} data-autofocus>
              Cancel
            </button>
            <button type="button" className="btn btn-primary" onClick={() => void restore(text)}>
              {hasTown ? 'Replace my data with this backup' : 'Restore this backup'}
            </button>
          </div>
        }
      >
        <dl className="facts">
          <dt>Town</dt>
          <dd>{preview.townName || '(no name)'}</dd>
          <dt>Certification year</dt>
          <dd>{preview.certificationYear}</dd>
          <dt>Written</dt>
          <dd>{formatWritten(preview.exportedAt)}</dd>
        </dl>
        <div>
          <h3>It holds</h3>
          <ul>
            {countLabels.map(([key, one, many]) => (
              <li key={key}>{plural(preview.counts[key], one, many)}</li>
            ))}
          </ul>
        </div>
        {hasTown ? (
          <p className="notice notice-warning">
            Restoring <strong>replaces everything</strong> now in the app with this backup.
            {isDesktop()
              ? ' A copy of your current data is saved in the backups folder first.'
              : ' Export a backup of your current data first if you may need it.'}
          </p>
        ) : null}
      </Dialog>
    );
  }

  if (state.step === 'errors') {
    return (
      <Dialog
        open
        title="This backup cannot be restored"
        description={`Nothing was changed. Problems found in ${state.fileName}:`}
        onClose={close}
        footer={
          <div className="form-actions">
            <button type="button" className="btn btn-primary" onClick={close} data-autofocus>
              Close
            </button>
          </div>
        }
      >
        <ul className="reason-list">
          {state.errors.slice(0, 50).map((e, i) => (
            <li key={i} className="reason-problem">
              {e.path ? <code>{e.path}</code> : null}
              {e.path ? ': ' : null}
              {e.message}
            </li>
          ))}
        </ul>
        {state.errors.length > 50 ? <p className="muted">…and {state.errors.length - 50} more.</p> : null}
      </Dialog>
    );
  }

  if (state.step === 'working') {
    return (
      <Dialog open title="Restoring…" onClose={() => undefined}>
        <p>Replacing your data with the backup. This takes a moment.</p>
      </Dialog>
    );
  }

  return null;
}
