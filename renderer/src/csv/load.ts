/**
 * Reading a chosen CSV file without freezing the window. A roster of a few hundred
 * people is read at once on the main thread (a worker would only add its start-up
 * time); a file over `LARGE_CSV_BYTES` is decoded, parsed and checked in
 * `csvWorker.ts`, reporting progress, and Cancel ends the worker at once.
 *
 * Either way the result is a `CsvSession`: the table stays where it was read, and
 * the preview asks the session for what it shows (`shared/csv/preview.ts`). For a
 * large file that keeps the 50 MB table and its 5,000 row checks in the worker; the
 * window only ever receives the first rows, the counts and, on Import, the people
 * to write, planned and checked.
 *
 * Why our own module worker and not papaparse's `worker: true`: papaparse starts its
 * worker from a `blob:` URL of its own source, which the app's Content-Security-Policy
 * (`script-src 'self'`) rightly forbids, and it would parse text the main thread had
 * already decoded — decoding (and detecting the encoding of) 50 MB is half the work.
 * Our worker is a file of the app's own origin, bundled by Vite, and does both.
 */
import { planFromRead, previewImport } from '../../../shared/csv/preview';
import type { CsvPreview, PlannedImport, PreviewSettings } from '../../../shared/csv/preview';
import type { CsvEncodingChoice } from '../../../shared/csv/text';
import type { Person } from '../../../shared/domain/schema';
import { newId } from '../../db/repositories';
import type { OnProgress } from './parse';
import type { CsvReadOutcome, CsvWorkerMessage, CsvWorkerRequest } from './worker-protocol';

/** Files above this size are read in the worker, with a progress bar and Cancel. */
export const LARGE_CSV_BYTES = 2 * 1024 * 1024;

/** A table read and kept for the preview: on the main thread (answers at once) or in a worker. */
export type CsvSession =
  | {
      inWorker: false;
      preview: (settings: PreviewSettings, people: readonly Person[]) => CsvPreview;
      plan: (settings: PreviewSettings, people: readonly Person[]) => Promise<PlannedImport | null>;
      close: () => void;
    }
  | {
      inWorker: true;
      preview: (settings: PreviewSettings, people: readonly Person[]) => Promise<CsvPreview>;
      plan: (settings: PreviewSettings, people: readonly Person[]) => Promise<PlannedImport | null>;
      /** Ends the worker; answers still awaited are rejected. */
      close: () => void;
    };

/**
 * `bytes`: the file's bytes, to read again in another encoding. A large file's bytes
 * travel to the worker and back without a copy, so the ones passed in are emptied and
 * these take their place; null when the worker stopped without giving them back.
 */
export type OpenCsvResult =
  | (Extract<CsvReadOutcome, { ok: true }> & { session: CsvSession; bytes: Uint8Array })
  | (Extract<CsvReadOutcome, { ok: false }> & { bytes: Uint8Array | null })
  | { ok: false; canceled: true };

export interface LoadCsvOptions {
  onProgress?: OnProgress;
  /** Aborting it stops the read (the worker is terminated) and resolves `{ canceled: true }`. */
  signal?: AbortSignal;
}

/** True when `openCsv` will read these bytes in a worker (the screen then shows progress). */
export const readsInWorker = (bytes: Uint8Array): boolean =>
  bytes.length > LARGE_CSV_BYTES && typeof Worker !== 'undefined';

/**
 * A session over a table read on the main thread (a small file). The reader
 * (papaparse, the decoders) loads only then: a large file never needs it here, and
 * evaluating it is a long task of its own on a slow laptop.
 */
async function localSession(
  bytes: Uint8Array,
  choice: CsvEncodingChoice | undefined,
  people: readonly Person[],
): Promise<OpenCsvResult> {
  const { readForPreview } = await import('./worker-protocol');
  const { outcome, read } = readForPreview(bytes, choice, people);
  if (read === null) return { ...outcome, bytes };
  const session: CsvSession = {
    inWorker: false,
    preview: (settings, roster) => previewImport(read, roster, settings),
    plan: (settings, roster) => Promise.resolve(planFromRead(read, roster, settings, newId)),
    close: () => undefined,
  };
  return { ...outcome, session, bytes };
}

/**
 * Reads the bytes into a session: in a worker for large files, at once for small
 * ones. `people` is the roster now, for the first preview. Never rejects.
 */
export function openCsv(
  bytes: Uint8Array,
  choice: CsvEncodingChoice | undefined,
  people: readonly Person[],
  options: LoadCsvOptions = {},
): Promise<OpenCsvResult> {
  if (options.signal?.aborted) return Promise.resolve({ ok: false, canceled: true });
  if (!readsInWorker(bytes)) {
    return localSession(bytes, choice, people);
  }
  return new Promise<OpenCsvResult>((resolve) => {
    const worker = new Worker(new URL('./csvWorker.ts', import.meta.url), { type: 'module' });
    let opened = false;
    let broken: string | null = null;
    let nextId = 1;
    let sentPeople: readonly Person[] = people;
    const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
    const failAll = (message: string) => {
      broken ??= message;
      for (const w of waiting.values()) w.reject(new Error(message));
      waiting.clear();
    };
    const ask = <T>(request: CsvWorkerRequest & { id: number }): Promise<T> => {
      if (broken !== null) return Promise.reject(new Error(broken));
      return new Promise<T>((done, reject) => {
        // Each id is answered by one message of the request's type (worker-protocol.ts).
        waiting.set(request.id, { resolve: done as (value: unknown) => void, reject });
        worker.postMessage(request);
      });
    };
    // The roster is sent again only when it changed (a clone of 1,000 people is not free).
    const rosterFor = (roster: readonly Person[]) => {
      const fresh = roster !== sentPeople;
      sentPeople = roster;
      return fresh ? { people: roster } : {};
    };
    const session: CsvSession = {
      inWorker: true,
      preview: (settings, roster) =>
        ask<CsvPreview>({ type: 'preview', id: nextId++, settings, ...rosterFor(roster) }),
      plan: (settings, roster) =>
        ask<PlannedImport | null>({ type: 'plan', id: nextId++, settings, ...rosterFor(roster) }),
      close: () => {
        worker.terminate();
        failAll('The preview was closed.');
      },
    };
    const finish = (result: OpenCsvResult) => {
      options.signal?.removeEventListener('abort', cancel);
      if (!result.ok) worker.terminate();
      resolve(result);
    };
    const cancel = () => finish({ ok: false, canceled: true });
    options.signal?.addEventListener('abort', cancel);
    worker.onmessage = (event: MessageEvent<CsvWorkerMessage>) => {
      const message = event.data;
      switch (message.type) {
        case 'progress':
          if (!opened) options.onProgress?.(message.fraction);
          return;
        case 'read':
          opened = message.result.ok;
          finish(
            message.result.ok
              ? { ...message.result, session, bytes: message.bytes }
              : { ...message.result, bytes: message.bytes },
          );
          return;
        case 'preview':
          waiting.get(message.id)?.resolve(message.preview);
          waiting.delete(message.id);
          return;
        case 'plan':
          waiting.get(message.id)?.resolve(message.plan);
          waiting.delete(message.id);
          return;
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      const message = `The file could not be read (${event.message || 'the reader stopped unexpectedly'}). Nothing was changed.`;
      if (opened) {
        worker.terminate();
        failAll(message);
      } else {
        finish({ ok: false, message, decoded: null, bytes: null });
      }
    };
    // Transferred, not copied (a copy of 50 MB holds the window for 50–200 ms); the worker
    // hands them back with its answer, for a read in another encoding.
    const request: CsvWorkerRequest = {
      type: 'read',
      bytes,
      people,
      ...(choice === undefined ? {} : { choice }),
    };
    worker.postMessage(request, [bytes.buffer]);
  });
}
