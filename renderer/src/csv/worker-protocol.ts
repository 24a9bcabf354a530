/**
 * The messages between the CSV importer and its worker (`csvWorker.ts`), and the
 * worker's whole job as a plain function, so a unit test runs it without a Worker.
 */
import type { CsvEncodingChoice } from '../../../shared/csv/text';
import { readCsvBytes } from './parse';

export interface CsvWorkerRequest {
  bytes: Uint8Array;
  choice?: CsvEncodingChoice;
}

export type CsvWorkerMessage =
  { type: 'progress'; fraction: number } | { type: 'done'; result: ReturnType<typeof readCsvBytes> };

/** Reads the file, posting progress as it goes and the result at the end. */
export function runCsvJob(request: CsvWorkerRequest, post: (message: CsvWorkerMessage) => void): void {
  let last = -1;
  const result = readCsvBytes(request.bytes, request.choice, {
    onProgress: (fraction) => {
      // Whole percents only: a message per chunk would be noise the screen cannot show anyway.
      const percent = Math.floor(fraction * 100);
      if (percent === last) return;
      last = percent;
      post({ type: 'progress', fraction });
    },
  });
  post({ type: 'done', result });
}
