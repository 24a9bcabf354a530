/**
 * Restore from a backup: choose it → see what it holds (town, counts, when it was
 * written) → confirm → everything is replaced in one transaction. A backup with
 * problems lists each one with its path, and nothing changes. In the desktop app
 * an automatic 'beforeRestore' backup is written first, so a wrong choice can be
 * undone from the backups folder.
 *
 * Where the backup comes from: in a browser, a file the user picks. In the
 * desktop app the clerk first chooses between "A backup file…" and one of the
 * automatic backups main keeps; either way the text goes through the same
 * validation, preview and confirmation.
 *
 * Mounted once by the App shell (and the first-run guide); started with
 * `useUi.getState().requestRestore()` from any button or the menu, or with
 * `useAutoRestoreRequests.getState().requestAutoBackupRestore(backup)` for one
 * automatic backup (the list in Town › Your data).
 */
import { useEffect, useRef, useState } from 'react';
import { importCheckedData } from '../../db/backup';
import { recordSharedVersions } from '../../db/merge';
import type { BackupPreview } from '../../db/backup';
import type { AppDB } from '../../db/schema';
import type { BackupError } from '../../../shared/backup';
import type { TownData } from '../../../shared/domain/schema';
import { docsOf } from '../../../shared/sync/docs';
import type { AutoBackupInfo, OpenTextResult } from '../../../shared/ipc/contract';
import { Dialog } from '../components/Dialog';
import { isDesktop, listAutoBackups, openBackupFile, readAutoBackup } from '../platform';
import { inputSize, SHOW_PROGRESS_BYTES } from './check';
import type { BackupInput, CheckStage } from './check';
import { checkBackupOffThread } from './check-client';
import { CheckingDialog, ProblemsDialog } from './CheckDialogs';
import type { RunningCheck } from './check-client';
import { notify, useUi } from '../store/ui';
import { writeAutomaticBackup } from './actions';
import { AutoBackupTable } from './AutoBackupTable';
import { formatWrittenAt } from './format';
import { useAutoRestoreRequests } from './requests';
import { useSync } from '../../sync/controller';
import './backup.css';

/** The automatic backups as the chooser knows them: listed, or not listable (and why). */
type AutoList = { state: 'listed'; backups: AutoBackupInfo[] } | { state: 'failed'; message: string };

type Step =
  | { step: 'idle' }
  | { step: 'choose'; auto: AutoList }
  | { step: 'reading' }
  /** Checked in the worker; `big` files show their progress and a Cancel button. */
  | { step: 'checking'; source: string; stage: CheckStage | 'start'; big: boolean; bytes: number }
  /** `source` names the backup in a sentence: "the file x.json", "the automatic backup written …". */
  | { step: 'preview'; source: string; data: TownData; preview: BackupPreview }
  | { step: 'errors'; source: string; errors: BackupError[] }
  | { step: 'working' };

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

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
  const autoRequested = useAutoRestoreRequests((s) => s.autoBackupRequested);
  const [state, setState] = useState<Step>({ step: 'idle' });
  const sharing = useSync((s) => s.state.kind !== 'off');
  const running = useRef<RunningCheck | null>(null);

  // A check still running when the flow goes away is stopped, not left to finish unseen.
  useEffect(() => () => running.current?.cancel(), []);

  /**
   * Validates the file in full in the worker (the window stays responsive, whatever
   * its size) and shows either what it holds or every problem found.
   */
  const check = (source: string, input: BackupInput) => {
    running.current?.cancel();
    const bytes = inputSize(input);
    const big = bytes > SHOW_PROGRESS_BYTES;
    setState({ step: 'checking', source, stage: 'start', big, bytes });
    const job = checkBackupOffThread(input, (stage) =>
      setState((s) => (s.step === 'checking' ? { ...s, stage } : s)),
    );
    running.current = job;
    void job.result.then((r) => {
      if (running.current !== job) return;
      running.current = null;
      if (r === null) return;
      setState(
        r.ok
          ? { step: 'preview', source, data: r.data, preview: r.preview }
          : { step: 'errors', source, errors: r.errors },
      );
    });
  };

  const cancelCheck = () => {
    const job = running.current;
    running.current = null;
    job?.cancel();
    setState({ step: 'idle' });
  };

  // These two only set state once their answer arrives, so effects may call them too.
  const openFile = () => {
    void openBackupFile().then((r) => {
      if (r.status === 'canceled') return;
      if (r.status === 'error') {
        setState({
          step: 'errors',
          source: 'the file',
          errors: [{ path: '', message: r.message, plain: `The file could not be read: ${r.message}` }],
        });
        return;
      }
      check(`the file ${r.fileName}`, 'bytes' in r ? { bytes: r.bytes } : { text: r.text });
    });
  };

  const readAutomatic = (backup: AutoBackupInfo) => {
    const source = `the automatic backup written ${formatWrittenAt(backup.writtenAt)}`;
    void readAutoBackup(backup.fileName)
      .catch((e: unknown): OpenTextResult => ({ status: 'error', message: message(e) }))
      .then((r) => {
        if (r.status === 'opened') check(source, { text: r.text });
        else if (r.status === 'error')
          setState({
            step: 'errors',
            source,
            errors: [{ path: '', message: `It could not be read: ${r.message}.` }],
          });
        else setState({ step: 'idle' });
      });
  };

  useEffect(() => {
    if (!requested || !useUi.getState().takeRestoreRequest()) return;
    // In a browser there is nothing to choose between: straight to the file picker.
    if (!isDesktop()) {
      openFile();
      return;
    }
    void listAutoBackups().then(
      (backups) => setState({ step: 'choose', auto: { state: 'listed', backups } }),
      (e: unknown) => setState({ step: 'choose', auto: { state: 'failed', message: message(e) } }),
    );
    // openFile only uses stable setters and the platform; the request is what must trigger this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requested]);

  useEffect(() => {
    const backup = autoRequested === null ? null : useAutoRestoreRequests.getState().takeAutoBackupRequest();
    if (backup) readAutomatic(backup);
    // readAutomatic only uses stable setters and the platform; the request is what must trigger this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [autoRequested]);

  const close = () => setState({ step: 'idle' });

  const restore = async (data: TownData) => {
    setState({ step: 'working' });
    if (hasTown && isDesktop()) {
      const safety = await writeAutomaticBackup(db, 'beforeRestore');
      // Only 'written' means main read the safety copy back from disk; anything else stops here.
      if (safety.status !== 'written') {
        setState({ step: 'idle' });
        notify({
          kind: 'error',
          text: 'Nothing was restored, because the safety backup of your current data failed.',
        });
        return;
      }
    }
    const result = await importCheckedData(db, data);
    if (result.ok) {
      // What was restored is a shared version: a later merge of a colleague's copy builds on it.
      // Only bookkeeping, so a failure here must not turn a good restore into an error.
      await recordSharedVersions(db, docsOf(data)).catch(() => undefined);
      setState({ step: 'idle' });
      useUi.getState().navigate({ screen: 'town' });
      notify({
        kind: 'success',
        text: `Backup restored: ${plural(result.counts.people, 'person', 'people')}, ${plural(result.counts.sessions, 'session', 'sessions')}.`,
      });
    } else {
      setState({ step: 'errors', source: 'the backup', errors: result.errors });
    }
  };

  if (state.step === 'choose') {
    const { auto } = state;
    return (
      <Dialog
        open
        wide
        title="Restore from a backup"
        description="Choose a backup. You will see what it holds before anything is replaced."
        onClose={close}
        footer={
          <div className="form-actions">
            <button type="button" className="btn" onClick={close}>
              Cancel
            </button>
          </div>
        }
      >
        <section aria-labelledby="restore-file-title">
          <h3 id="restore-file-title">From a file you saved</h3>
          <p className="hint">For example on a USB stick, a shared drive or another computer.</p>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              close();
              openFile();
            }}
            data-autofocus
          >
            A backup file…
          </button>
        </section>
        <section aria-labelledby="restore-auto-title">
          <h3 id="restore-auto-title">From the app’s automatic backups</h3>
          {auto.state === 'failed' ? (
            <p className="notice notice-error">The automatic backups could not be listed: {auto.message}</p>
          ) : auto.backups.length === 0 ? (
            <p className="muted">
              There are no automatic backups yet. The app writes one each day you use it and when you close
              it.
            </p>
          ) : (
            <>
              <p className="hint">Written by the app on this computer, newest first.</p>
              <AutoBackupTable
                backups={auto.backups}
                caption="Automatic backups, newest first"
                onChoose={(backup) => {
                  setState({ step: 'reading' });
                  readAutomatic(backup);
                }}
              />
            </>
          )}
        </section>
      </Dialog>
    );
  }

  if (state.step === 'reading') {
    return (
      <Dialog open title="Reading the backup…" onClose={() => undefined}>
        <p>Checking the automatic backup. This takes a moment.</p>
      </Dialog>
    );
  }

  if (state.step === 'checking') {
    if (!state.big) return null;
    return (
      <CheckingDialog
        source={state.source}
        bytes={state.bytes}
        stage={state.stage}
        before="before anything is replaced"
        onCancel={cancelCheck}
      />
    );
  }

  if (state.step === 'preview') {
    const { preview, source, data } = state;
    return (
      <Dialog
        open
        title="Restore this backup?"
        description={`From ${source}.`}
        onClose={close}
        footer={
          <div className="form-actions">
            <button type="button" className="btn" onClick={close} data-autofocus>
              Cancel
            </button>
            <button type="button" className="btn btn-primary" onClick={() => void restore(data)}>
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
        {preview.checksum === 'missing' ? (
          <p className="notice">
            This backup has no checksum (it was written by an older version of the app or by hand), so the app
            cannot tell whether it was changed since it was written. Check the figures above before restoring.
          </p>
        ) : null}
        {hasTown ? (
          <p className="notice notice-warning">
            Restoring <strong>replaces everything</strong> now in the app with this backup.
            {isDesktop()
              ? ' A copy of your current data is saved in the backups folder first.'
              : ' Export a backup of your current data first if you may need it.'}
          </p>
        ) : null}
        {sharing ? (
          <p className="notice notice-warning">
            This town is shared: restoring replaces it on <strong>every computer</strong> that shares it. To
            add a colleague’s records to yours instead, use File › Merge a backup….
          </p>
        ) : null}
      </Dialog>
    );
  }

  if (state.step === 'errors') {
    return (
      <ProblemsDialog
        title="This backup cannot be restored"
        source={state.source}
        errors={state.errors}
        onClose={close}
      />
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
