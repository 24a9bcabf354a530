/**
 * The messages between the CSV importer and its worker (`csvWorker.ts`), and the
 * worker's whole job as a plain object, so a unit test runs it without a Worker.
 *
 * The worker keeps the table it read for as long as the preview is open: the window
 * asks it for a preview of each setting the clerk chooses and gets back only what the
 * dialog shows (`shared/csv/preview.ts`), and on Import gets the import planned and
 * checked against the roster, so the window only writes it. A
 * 50 MB file therefore never crosses to the window, and its 5,000 rows are never
 * validated there.
 */
import { planFromRead, previewImport, summariseRead } from '../../../shared/csv/preview';
import type {
  CsvPreview,
  PlannedImport,
  PreviewSettings,
  ReadSummary,
  ReadTable,
} from '../../../shared/csv/preview';
import type { CsvEncodingChoice } from '../../../shared/csv/text';
import type { Person } from '../../../shared/domain/schema';
import { readCsvBytes } from './parse';
import type { DecodedCsv } from './parse';

export type CsvWorkerRequest =
  /** Read the file; the first preview (the guessed mapping, nothing else chosen) comes with the answer. */
  | { type: 'read'; bytes: Uint8Array; choice?: CsvEncodingChoice; people: readonly Person[] }
  /** `people` is left out when it is the roster the worker was last sent. */
  | { type: 'preview'; id: number; settings: PreviewSettings; people?: readonly Person[] }
  /** The import to write: planned against `people` (or the roster last sent) and checked. */
  | { type: 'plan'; id: number; settings: PreviewSettings; people?: readonly Person[] };

/** How reading the file went. On success, enough for the whole first screen of the preview. */
export type CsvReadOutcome =
  | {
      ok: true;
      decoded: Omit<DecodedCsv, 'text'>;
      summary: ReadSummary;
      /** The preview with the guessed mapping and nothing else chosen. */
      preview: CsvPreview;
    }
  | { ok: false; message: string; decoded: Omit<DecodedCsv, 'text'> | null };

export type CsvWorkerMessage =
  | { type: 'progress'; fraction: number }
  /** `bytes`: the file's bytes, handed back (transferred) for a read in another encoding. */
  | { type: 'read'; result: CsvReadOutcome; bytes: Uint8Array }
  | { type: 'preview'; id: number; preview: CsvPreview }
  | { type: 'plan'; id: number; plan: PlannedImport | null };

/** The settings the preview opens with: the guessed mapping, the first row as column names, nothing else chosen. */
export function initialSettings(summary: ReadSummary): PreviewSettings {
  return {
    hasHeaders: true,
    mapping: summary.withHeaders.mapping,
    defaultKind: null,
    onMatch: 'skip',
    decisions: new Map(),
  };
}

/**
 * Reads the bytes and, when they make a table, its summary and first preview. The
 * table itself stays with the caller (`keep`). Used by the worker and, for a small
 * file, on the main thread, so both read a file identically.
 */
export function readForPreview(
  bytes: Uint8Array,
  choice: CsvEncodingChoice | undefined,
  people: readonly Person[],
  onProgress?: (fraction: number) => void,
):
  | { outcome: Extract<CsvReadOutcome, { ok: true }>; read: ReadTable }
  | { outcome: Extract<CsvReadOutcome, { ok: false }>; read: null } {
  const result = readCsvBytes(bytes, choice, onProgress ? { onProgress } : {});
  if (!result.ok || result.decoded === null) {
    const message = result.ok ? 'The file could not be decoded.' : result.message;
    return { outcome: { ok: false, message, decoded: result.decoded }, read: null };
  }
  const read: ReadTable = { table: result.table, firstRow: result.firstRow };
  const summary = summariseRead(read);
  const preview = previewImport(read, people, initialSettings(summary));
  return { outcome: { ok: true, decoded: result.decoded, summary, preview }, read };
}

/** The worker's state and answers: one per worker, holding the table it read. */
export function createCsvJob(
  post: (message: CsvWorkerMessage, transfer?: Transferable[]) => void,
): (request: CsvWorkerRequest) => void {
  let read: ReadTable | null = null;
  let people: readonly Person[] = [];
  return (request) => {
    switch (request.type) {
      case 'read': {
        people = request.people;
        let last = -1;
        const done = readForPreview(request.bytes, request.choice, people, (fraction) => {
          // Whole percents only: a message per chunk would be noise the screen cannot show anyway.
          const percent = Math.floor(fraction * 100);
          if (percent === last) return;
          last = percent;
          post({ type: 'progress', fraction });
        });
        read = done.read;
        // The bytes go back as they came, transferred: a copy of 50 MB either way would hold a thread.
        post({ type: 'read', result: done.outcome, bytes: request.bytes }, [request.bytes.buffer]);
        return;
      }
      case 'preview':
        if (request.people) people = request.people;
        post({
          type: 'preview',
          id: request.id,
          preview: read === null ? null : previewImport(read, people, request.settings),
        });
        return;
      case 'plan':
        if (request.people) people = request.people;
        post({
          type: 'plan',
          id: request.id,
          // The ids the people will be stored under, made as `renderer/db/repositories.ts` makes them.
          plan:
            read === null ? null : planFromRead(read, people, request.settings, () => crypto.randomUUID()),
        });
        return;
    }
  };
}
