/**
 * The dialogs a backup check shows, shared by Restore and Merge: progress while a big file
 * is checked in the worker, and the problems found in plain words.
 */
import type { BackupError } from '../../../shared/backup';
import { Dialog } from '../components/Dialog';
import type { CheckStage } from './check';

/** The check's steps in the order they run, as the progress list names them. */
const stageSteps: { stage: CheckStage; label: string }[] = [
  { stage: 'decode', label: 'Reading the text' },
  { stage: 'json', label: 'Reading the records' },
  { stage: 'checksum', label: 'Checking it was not changed or damaged' },
  { stage: 'schema', label: 'Checking every record' },
  { stage: 'references', label: 'Checking the records fit together' },
];

const megabytes = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

export function CheckingDialog({
  source,
  bytes,
  stage,
  before,
  onCancel,
}: {
  source: string;
  bytes: number;
  stage: CheckStage | 'start';
  /** What waits for the check, ending the description: "before anything is replaced". */
  before: string;
  onCancel: () => void;
}) {
  const current = stageSteps.findIndex((s) => s.stage === stage);
  return (
    <Dialog
      open
      title="Checking the backup…"
      description={`Checking ${source} (${megabytes(bytes)}) ${before}.`}
      onClose={onCancel}
      footer={
        <div className="form-actions">
          <button type="button" className="btn" onClick={onCancel} data-autofocus>
            Cancel
          </button>
        </div>
      }
    >
      <progress
        className="check-progress"
        max={stageSteps.length}
        value={Math.max(0, current)}
        aria-label="Checking the backup"
      />
      <ol className="check-steps">
        {stageSteps.map((s, i) => (
          <li
            key={s.stage}
            aria-current={i === current ? 'step' : undefined}
            className={i < current ? 'done' : undefined}
          >
            {s.label}
            {i < current ? ' — done' : i === current ? '…' : ''}
          </li>
        ))}
      </ol>
      <p className="hint">Nothing is changed until you confirm. Cancel stops the check.</p>
    </Dialog>
  );
}

export function ProblemsDialog({
  title,
  source,
  errors,
  onClose,
}: {
  title: string;
  source: string;
  errors: readonly BackupError[];
  onClose: () => void;
}) {
  return (
    <Dialog
      open
      title={title}
      description={`Nothing was changed. Problems found in ${source}:`}
      onClose={onClose}
      footer={
        <div className="form-actions">
          <button type="button" className="btn btn-primary" onClick={onClose} data-autofocus>
            Close
          </button>
        </div>
      }
    >
      <ul className="reason-list">
        {errors.slice(0, 50).map((e, i) => (
          <li key={i} className="reason-problem">
            {e.plain ?? e.message}
            {e.path ? (
              <small className="technical">
                {' '}
                <code>{e.path}</code>: {e.message}
              </small>
            ) : null}
          </li>
        ))}
      </ul>
      {errors.length > 50 ? <p className="muted">…and {errors.length - 50} more.</p> : null}
    </Dialog>
  );
}
