/**
 * File › Merge a backup…: a colleague's backup is added to this computer's records instead
 * of replacing them. Choose the file → it is checked in the worker, as for a restore → a
 * backup of another town is refused unless the clerk says it is theirs → the preview says
 * what the merge does ("12 new, 3 changed, 1 conflict") → a copy of the current data is
 * saved first → one transaction adds and updates (renderer/db/merge.ts), or nothing does.
 *
 * Mounted once by the App shell while there is a town; started with
 * `useMergeRequests.getState().requestMerge()` from the menu or Town › Your data.
 */
import { useEffect, useRef, useState } from 'react';
import { mergeBackupData, previewMerge } from '../../db/merge';
import type { MergePreview } from '../../db/merge';
import type { AppDB } from '../../db/schema';
import type { BackupError, BackupPreview } from '../../../shared/backup';
import type { TownData } from '../../../shared/domain/schema';
import { docsOf } from '../../../shared/sync/docs';
import type { SyncDoc } from '../../../shared/sync/docs';
import { describeDoc, isEmptyPlan, mergeCounts } from '../../../shared/sync/merge';
import type { MergeCounts, MergePlan } from '../../../shared/sync/merge';
import { Dialog } from '../components/Dialog';
import { isDesktop, openBackupFile } from '../platform';
import { notify } from '../store/ui';
import { backupBeforeMerge } from './actions';
import { inputSize, SHOW_PROGRESS_BYTES } from './check';
import type { BackupInput, CheckStage } from './check';
import { checkBackupOffThread } from './check-client';
import type { RunningCheck } from './check-client';
import { CheckingDialog, ProblemsDialog } from './CheckDialogs';
import { useMergeRequests } from './requests';
import './backup.css';

interface Checked {
  /** Names the backup in a sentence: "the file x.json". */
  source: string;
  data: TownData;
  backup: BackupPreview;
  merge: MergePreview;
}

type Step =
  | { step: 'idle' }
  | { step: 'checking'; source: string; stage: CheckStage | 'start'; big: boolean; bytes: number }
  | ({ step: 'otherTown' } & Checked)
  | ({ step: 'preview' } & Checked)
  | { step: 'errors'; source: string; errors: BackupError[] }
  | { step: 'working' };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "12 new, 3 changed, 1 conflict". */
export function countsInWords(c: MergeCounts): string {
  return `${c.added} new, ${c.changed} changed, ${plural(c.conflicts, 'conflict', 'conflicts')}`;
}

/** The toast after a merge: "Merged: 12 new, 3 changed. 1 conflict to look at in Town › Sharing." */
export function mergedInWords(c: MergeCounts): string {
  const done = `Merged: ${c.added} new, ${c.changed} changed.`;
  if (c.conflicts === 0) return done;
  return `${done} ${plural(c.conflicts, 'conflict', 'conflicts')} to look at in Town › Sharing.`;
}

/** How many changes the preview names before "…and N more". */
const LISTED = 12;

function formatWritten(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
}

/** Records of both sides by id, so a new person's new attendance reads with a name. */
function namesOf(local: ReadonlyMap<string, SyncDoc>, data: TownData): Map<string, SyncDoc> {
  const names = new Map(local);
  for (const d of docsOf(data)) if (!names.has(d._id)) names.set(d._id, d);
  return names;
}

/** The preview's list of what changes, in words. */
function changeLines(plan: MergePlan, names: ReadonlyMap<string, SyncDoc>): string[] {
  return [
    ...plan.conflicts.map(
      (c) =>
        `Conflict — ${describeDoc(c.winner, names)}: changed on both computers; the app will show ${c.winnerFrom === 'here' ? 'this computer’s' : 'the backup’s'} version`,
    ),
    ...plan.added.map((d) => `New — ${describeDoc(d, names)}`),
    ...plan.changed.map((d) => `Changed — ${describeDoc(d, names)}`),
  ];
}

/** "Person: Ana Ruiz, Session of Equity 101 on 2026-03-04 and 3 more". */
function someNames(ids: readonly string[], names: ReadonlyMap<string, SyncDoc>): string {
  const shown = ids.slice(0, 3).map((id) => {
    const doc = names.get(id);
    return doc ? describeDoc(doc, names) : id;
  });
  return ids.length > 3 ? `${shown.join(', ')} and ${ids.length - 3} more` : shown.join(', ');
}

export function MergeFlow({ db, townName }: { db: AppDB; townName: string }) {
  const requested = useMergeRequests((s) => s.mergeRequested);
  const [state, setState] = useState<Step>({ step: 'idle' });
  const running = useRef<RunningCheck | null>(null);

  useEffect(() => () => running.current?.cancel(), []);

  const close = () => setState({ step: 'idle' });

  const plan = (source: string, data: TownData, backup: BackupPreview) => {
    void previewMerge(db, data).then(
      (merge) => {
        const problem = merge.plan.problems[0];
        if (problem !== undefined) {
          setState({ step: 'errors', source, errors: [{ path: '', message: problem }] });
          return;
        }
        setState({ step: merge.otherTown ? 'otherTown' : 'preview', source, data, backup, merge });
      },
      (e: unknown) =>
        setState({
          step: 'errors',
          source,
          errors: [{ path: '', message: `The records on this computer could not be read (${String(e)}).` }],
        }),
    );
  };

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
      if (r.ok) plan(source, r.data, r.preview);
      else setState({ step: 'errors', source, errors: r.errors });
    });
  };

  const cancelCheck = () => {
    const job = running.current;
    running.current = null;
    job?.cancel();
    close();
  };

  useEffect(() => {
    if (!requested || !useMergeRequests.getState().takeMergeRequest()) return;
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
    // check only uses stable setters, the worker and the platform; the request is what must trigger this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requested]);

  const merge = async (data: TownData) => {
    setState({ step: 'working' });
    if (!(await backupBeforeMerge(db, townName))) {
      close();
      notify({ kind: 'error', text: 'Nothing was merged, because the copy of your current data failed.' });
      return;
    }
    const result = await mergeBackupData(db, data);
    if (result.ok) {
      close();
      notify({ kind: 'success', text: mergedInWords(mergeCounts(result.plan)) });
    } else {
      setState({ step: 'errors', source: 'the backup', errors: [{ path: '', message: result.message }] });
    }
  };

  if (state.step === 'checking') {
    if (!state.big) return null;
    return (
      <CheckingDialog
        source={state.source}
        bytes={state.bytes}
        stage={state.stage}
        before="before anything is merged"
        onCancel={cancelCheck}
      />
    );
  }

  if (state.step === 'errors') {
    return (
      <ProblemsDialog
        title="This backup cannot be merged"
        source={state.source}
        errors={state.errors}
        onClose={close}
      />
    );
  }

  if (state.step === 'otherTown') {
    const towns = state.merge.otherTown!;
    return (
      <Dialog
        open
        title="This backup is of another town"
        description={`From ${state.source}.`}
        onClose={close}
        footer={
          <div className="form-actions">
            <button type="button" className="btn btn-primary" onClick={close} data-autofocus>
              Cancel
            </button>
            <button type="button" className="btn" onClick={() => setState({ ...state, step: 'preview' })}>
              It is our town: go on
            </button>
          </div>
        }
      >
        <p>
          The backup is of <strong>{towns.backup || '(no name)'}</strong>, but this computer keeps the records
          of <strong>{towns.here || '(no name)'}</strong>. Merging it would mix the two towns’ records.
        </p>
        <p className="hint">Go on only if it is the same town under another name.</p>
      </Dialog>
    );
  }

  if (state.step === 'preview') {
    const { merge: m, source, data, backup } = state;
    const counts = mergeCounts(m.plan);
    const names = namesOf(m.local, data);
    const lines = changeLines(m.plan, names);
    const nothing = isEmptyPlan(m.plan);
    return (
      <Dialog
        open
        wide
        title="Merge this backup?"
        description={`From ${source}, written ${formatWritten(backup.exportedAt)}.`}
        onClose={close}
        footer={
          <div className="form-actions">
            <button type="button" className="btn" onClick={close} data-autofocus>
              {nothing ? 'Close' : 'Cancel'}
            </button>
            {nothing ? null : (
              <button type="button" className="btn btn-primary" onClick={() => void merge(data)}>
                Merge
              </button>
            )}
          </div>
        }
      >
        {nothing ? (
          <p className="merge-summary">
            Nothing to merge: this computer already has everything in this backup.
          </p>
        ) : (
          <>
            <p className="merge-summary">{countsInWords(counts)}</p>
            <ul className="merge-changes" aria-label="What the merge changes">
              {lines.slice(0, LISTED).map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
            {lines.length > LISTED ? <p className="muted">…and {lines.length - LISTED} more.</p> : null}
          </>
        )}
        <ul className="merge-notes">
          <li>
            A merge adds and updates records; it never deletes any.{' '}
            {m.plan.onlyHere > 0
              ? `The ${plural(m.plan.onlyHere, 'record', 'records')} only on this computer stay as they are.`
              : null}
          </li>
          {m.plan.deletedHere.length > 0 ? (
            <li>
              {plural(m.plan.deletedHere.length, 'record', 'records')} you deleted on this computer since
              sharing {m.plan.deletedHere.length === 1 ? 'it stays' : 'them stay'} deleted:{' '}
              {someNames(m.plan.deletedHere, names)}.
            </li>
          ) : null}
          {m.plan.olderInBackup.length > 0 ? (
            <li>
              {plural(m.plan.olderInBackup.length, 'record is', 'records are')} older in the backup than here:
              yours {m.plan.olderInBackup.length === 1 ? 'is' : 'are'} kept.
            </li>
          ) : null}
          {m.plan.leftOut.length > 0 ? (
            <li>
              {plural(m.plan.leftOut.length, 'record is', 'records are')} left out, because the session or
              training {m.plan.leftOut.length === 1 ? 'it belongs' : 'they belong'} to was deleted here.
            </li>
          ) : null}
          {counts.conflicts > 0 ? (
            <li>
              A conflict is a record changed on both computers. The app shows one version (the same one on
              both computers) and keeps the other in Town › Sharing, where you can keep either with one click.
            </li>
          ) : null}
        </ul>
        {nothing ? null : (
          <p className="notice">
            {isDesktop()
              ? 'A copy of your current data is saved in the backups folder first.'
              : 'A copy of your current data is downloaded first, so you can go back to it.'}{' '}
            If anything goes wrong, nothing is changed.
          </p>
        )}
      </Dialog>
    );
  }

  if (state.step === 'working') {
    return (
      <Dialog open title="Merging…" onClose={() => undefined}>
        <p>Adding the backup’s records to yours. This takes a moment.</p>
      </Dialog>
    );
  }

  return null;
}
