/**
 * The restore's Web Worker: checks a backup off the main thread, so a 50 MB file
 * (or a 50 MB file of `[`) never freezes the window (issue 14, item 14). It posts
 * each stage as it starts, then the answer. Cancel terminates the worker.
 */
// First, before any schema exists: zod decides at construction whether to probe `new Function`.
import '../../../shared/zod-config';
import { checkBackup } from './check';
import type { BackupInput } from './check';
import type { WorkerReply } from './check-client';

interface WorkerScope {
  onmessage: ((event: MessageEvent<BackupInput>) => void) | null;
  postMessage(message: WorkerReply): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  try {
    const result = checkBackup(event.data, (stage) => scope.postMessage({ type: 'stage', stage }));
    scope.postMessage({ type: 'done', result });
  } catch (e) {
    scope.postMessage({
      type: 'done',
      result: {
        ok: false,
        errors: [
          {
            path: '',
            message: `could not check the backup (${String(e)})`,
            plain: `The backup could not be checked because of a problem in the app (${String(e)}). Nothing was changed.`,
          },
        ],
      },
    });
  }
};
