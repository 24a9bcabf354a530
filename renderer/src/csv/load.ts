/**
 * Reading a chosen CSV file without freezing the window. A roster of a few hundred
 * people is read at once on the main thread (a worker would only add its start-up
 * time); a file over `LARGE_CSV_BYTES` is decoded and parsed in `csvWorker.ts`,
 * reporting progress, and Cancel ends the worker at once.
 *
 * Why our own module worker and not papaparse's `worker: true`: papaparse starts its
 * worker from a `blob:` URL of its own source, which the app's Content-Security-Policy
 * (`script-src 'self'`) rightly forbids, and it would parse text the main thread had
 * already decoded — decoding (and detecting the encoding of) 50 MB is half the work.
 * Our worker is a file of the app's own origin, bundled by Vite, and does both.
 */
import type { CsvEncodingChoice } from '../../../shared/csv/text';
import { readCsvBytes } from './parse';
import type { OnProgress } from './parse';
import type { CsvWorkerMessage, CsvWorkerRequest } from './worker-protocol';

/** Files above this size are read in the worker, with a progress bar and Cancel. */
export const LARGE_CSV_BYTES = 2 * 1024 * 1024;

export type LoadCsvResult = ReturnType<typeof readCsvBytes> | { ok: false; canceled: true };

export interface LoadCsvOptions {
  onProgress?: OnProgress;
  /** Aborting it stops the read (the worker is terminated) and resolves `{ canceled: true }`. */
  signal?: AbortSignal;
}

/** True when `loadCsv` will read these bytes in a worker (the screen then shows progress). */
export const readsInWorker = (bytes: Uint8Array): boolean =>
  bytes.length > LARGE_CSV_BYTES && typeof Worker !== 'undefined';

/** Reads the bytes into a table: in a worker for large files, at once for small ones. Never rejects. */
export function loadCsv(
  bytes: Uint8Array,
  choice: CsvEncodingChoice | undefined,
  options: LoadCsvOptions = {},
): Promise<LoadCsvResult> {
  if (options.signal?.aborted) return Promise.resolve({ ok: false, canceled: true });
  if (!readsInWorker(bytes)) return Promise.resolve(readCsvBytes(bytes, choice));
  return new Promise<LoadCsvResult>((resolve) => {
    const worker = new Worker(new URL('./csvWorker.ts', import.meta.url), { type: 'module' });
    const finish = (result: LoadCsvResult) => {
      worker.terminate();
      options.signal?.removeEventListener('abort', cancel);
      resolve(result);
    };
    const cancel = () => finish({ ok: false, canceled: true });
    options.signal?.addEventListener('abort', cancel);
    worker.onmessage = (event: MessageEvent<CsvWorkerMessage>) => {
      const message = event.data;
      if (message.type === 'progress') options.onProgress?.(message.fraction);
      else finish(message.result);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish({
        ok: false,
        message: `The file could not be read (${event.message || 'the reader stopped unexpectedly'}). Nothing was changed.`,
        decoded: null,
      });
    };
    // Copied, not transferred: the preview keeps the bytes to decode them again if the clerk changes the encoding.
    const request: CsvWorkerRequest = { bytes, ...(choice === undefined ? {} : { choice }) };
    worker.postMessage(request);
  });
}
