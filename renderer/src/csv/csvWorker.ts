/**
 * The CSV importer's worker: decodes and parses a large file off the main thread, so
 * the window keeps answering (and Cancel works) while a 50 MB file is read.
 * Started by `load.ts` with `new Worker(new URL('./csvWorker.ts', import.meta.url), { type: 'module' })`.
 */
import { runCsvJob } from './worker-protocol';
import type { CsvWorkerMessage, CsvWorkerRequest } from './worker-protocol';

// The renderer's tsconfig has DOM types, not WebWorker ones: type just what is used.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<CsvWorkerRequest>) => void) | null;
  postMessage: (message: CsvWorkerMessage) => void;
};

scope.onmessage = (event) => {
  runCsvJob(event.data, (message) => scope.postMessage(message));
};
