/**
 * The CSV importer's worker: decodes, parses and checks a large file off the main
 * thread, and keeps the table while the preview is open, so the window keeps
 * answering (and Cancel works) while a 50 MB file is read and previewed.
 * Started by `load.ts` with `new Worker(new URL('./csvWorker.ts', import.meta.url), { type: 'module' })`.
 */
import { createCsvJob } from './worker-protocol';
import type { CsvWorkerMessage, CsvWorkerRequest } from './worker-protocol';

// The renderer's tsconfig has DOM types, not WebWorker ones: type just what is used.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<CsvWorkerRequest>) => void) | null;
  postMessage: (message: CsvWorkerMessage, transfer?: Transferable[]) => void;
};

const job = createCsvJob((message, transfer) => scope.postMessage(message, transfer));
scope.onmessage = (event) => job(event.data);
