/**
 * Starts a backup check in the Web Worker (`check.worker.ts`) and hands back its
 * answer, its stages as they start, and a way to cancel it. Where no worker can
 * be started (unit tests in jsdom, an old browser), the same check runs on the
 * main thread after a tick, so callers never need to know which happened.
 */
import { checkBackup } from './check';
import type { BackupCheckResult, BackupInput, CheckStage } from './check';

export type WorkerReply = { type: 'stage'; stage: CheckStage } | { type: 'done'; result: BackupCheckResult };

export interface RunningCheck {
  /** Resolves with the answer, or with null once cancelled. */
  result: Promise<BackupCheckResult | null>;
  cancel: () => void;
}

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

export function checkBackupOffThread(input: BackupInput, onStage: (stage: CheckStage) => void): RunningCheck {
  let settle: (r: BackupCheckResult | null) => void = () => undefined;
  const result = new Promise<BackupCheckResult | null>((resolve) => (settle = resolve));
  const worker = startWorker();

  if (worker === null) {
    let cancelled = false;
    setTimeout(() => {
      if (!cancelled) settle(checkBackup(input, onStage));
    }, 0);
    return {
      result,
      cancel: () => {
        cancelled = true;
        settle(null);
      },
    };
  }

  worker.onmessage = (event: MessageEvent<WorkerReply>) => {
    if (event.data.type === 'stage') onStage(event.data.stage);
    else {
      settle(event.data.result);
      worker.terminate();
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    worker.terminate();
    settle({
      ok: false,
      errors: [
        {
          path: '',
          message: `the backup check stopped (${event.message})`,
          plain: `The backup could not be checked: the checking stopped unexpectedly (${event.message}). Nothing was changed.`,
        },
      ],
    });
  };
  // Bytes are moved, not copied: the file's buffer is not needed here again.
  if ('bytes' in input) worker.postMessage(input, [input.bytes.buffer]);
  else worker.postMessage(input);
  return {
    result,
    cancel: () => {
      worker.terminate();
      settle(null);
    },
  };
}
