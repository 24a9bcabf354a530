/**
 * Import people from a CSV file: choose the file → (for a large file, a progress
 * bar with Cancel while it is read in a worker) → a preview with the encoding, the
 * column mapping and each row's result → import. A file that cannot be read as a
 * table gets one clear message and changes nothing.
 *
 * Mounted by the People screen; started by its "Import from CSV…" button, the
 * "Your data" panel or the menu, all through `useUi.getState().requestCsvImport()`.
 */
import { startTransition, useEffect, useRef, useState } from 'react';
import { getLastCsvImport } from '../../db/csv';
import type { LastCsvImport } from '../../db/csv';
import type { AppDB } from '../../db/schema';
import type { CsvPreview, ReadSummary } from '../../../shared/csv/preview';
import { csvEncodingChoiceLabels, csvEncodingLabels } from '../../../shared/csv/text';
import type { CsvEncoding, CsvEncodingChoice } from '../../../shared/csv/text';
import type { Person } from '../../../shared/domain/schema';
import { Dialog } from '../components/Dialog';
import { openCsvFile } from '../platform';
import { notify, useUi } from '../store/ui';
import { CsvImportDialog } from './CsvImportDialog';
import type { CsvSession } from './load';

interface Preview {
  step: 'preview';
  fileName: string;
  bytes: Uint8Array;
  encoding: CsvEncoding;
  detected: boolean;
  /** Where the table is kept (the main thread or the worker), and what was read of it. */
  session: CsvSession;
  summary: ReadSummary;
  /** The preview with the guessed mapping, against `people` as they were when the file was read. */
  preview: CsvPreview;
  people: readonly Person[];
  lastImport: LastCsvImport | null;
  /** Why the encoding the clerk chose last could not be used (the preview stays as it was). */
  encodingProblem: string | null;
}

type Step =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string; fraction: number }
  | Preview
  | { step: 'refused'; fileName: string; message: string };

/** A number per session, for the dialog's key. */
const sessionKeys = new WeakMap<CsvSession, number>();
let lastSessionKey = 0;
function sessionKey(session: CsvSession): number {
  let key = sessionKeys.get(session);
  if (key === undefined) {
    key = ++lastSessionKey;
    sessionKeys.set(session, key);
  }
  return key;
}

export function CsvImportFlow({ db, people }: { db: AppDB; people: readonly Person[] }) {
  const requested = useUi((s) => s.csvImportRequested);
  const [state, setState] = useState<Step>({ step: 'idle' });
  const reading = useRef<AbortController | null>(null);
  // The roster now, for the first preview of a read started by an effect or an older render.
  const roster = useRef(people);
  useEffect(() => {
    roster.current = people;
  }, [people]);
  // The preview a failed re-read in another encoding goes back to.
  const shown = useRef<Preview | null>(null);
  const show = (next: Step) => {
    const before = shown.current;
    if (next.step === 'preview') shown.current = next;
    else if (next.step !== 'reading') shown.current = null;
    // A session no longer shown ends (for a large file: its worker, and the table it holds).
    if (before !== null && before.session !== shown.current?.session) before.session.close();
    setState(next);
  };

  /** Reads (or re-reads in another encoding) the bytes, with progress for a large file. */
  const read = async (fileName: string, bytes: Uint8Array, choice?: CsvEncodingChoice) => {
    reading.current?.abort();
    const controller = new AbortController();
    reading.current = controller;
    // The reader (papaparse, the decoders) loads only when a file is chosen, so the People
    // screen opens without it.
    const { openCsv, readsInWorker } = await import('./load');
    if (controller.signal.aborted) return;
    if (readsInWorker(bytes)) show({ step: 'reading', fileName, fraction: 0 });
    const readFor = roster.current;
    // An encoding change starts from the preview on screen, which stays if the new read fails.
    const rereadOf = choice === undefined ? null : shown.current;
    const result = await openCsv(bytes, choice, readFor, {
      signal: controller.signal,
      onProgress: (fraction) => {
        if (!controller.signal.aborted) setState({ step: 'reading', fileName, fraction });
      },
    });
    if (reading.current === controller) reading.current = null;
    if ('canceled' in result) return;
    if (!result.ok) {
      const message = result.message;
      const before = shown.current;
      if (choice !== undefined && before !== null && before === rereadOf && result.bytes !== null) {
        show({
          ...before,
          bytes: result.bytes,
          encodingProblem: `Read as ${csvEncodingChoiceLabels[choice]}, the file cannot be imported: ${message} The preview is still as ${csvEncodingLabels[before.encoding]}.`,
        });
      } else {
        show({ step: 'refused', fileName, message });
      }
      return;
    }
    const lastImport = await getLastCsvImport(db).catch(() => null);
    if (controller.signal.aborted) {
      result.session.close();
      return;
    }
    const next: Preview = {
      step: 'preview',
      fileName,
      bytes: result.bytes,
      encoding: result.decoded.encoding,
      detected: result.decoded.detected,
      session: result.session,
      summary: result.summary,
      preview: result.preview,
      people: readFor,
      lastImport,
      encodingProblem: null,
    };
    // For a large file, a transition: React renders the preview's 100 rows in slices,
    // between which the window answers, instead of in one long task. A small file's
    // preview is shown at once, as before.
    if (result.session.inWorker) startTransition(() => show(next));
    else show(next);
  };

  useEffect(() => {
    if (!requested || !useUi.getState().takeCsvImportRequest()) return;
    void (async () => {
      const file = await openCsvFile();
      if (file.status === 'canceled') return;
      if (file.status === 'error') {
        notify({ kind: 'error', text: `The file could not be read: ${file.message}` });
        return;
      }
      await read(file.fileName, file.bytes);
    })();
    // `read` only uses stable setters, the db and refs; the request is what must trigger this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requested, db]);

  // A read still running when the screen goes away is stopped with it, and a session shown ends.
  useEffect(
    () => () => {
      reading.current?.abort();
      shown.current?.session.close();
    },
    [],
  );

  const close = () => {
    reading.current?.abort();
    show({ step: 'idle' });
  };

  if (state.step === 'reading') {
    const percent = Math.round(state.fraction * 100);
    return (
      <Dialog
        open
        title="Reading the file…"
        description={`Reading ${state.fileName}. Nothing is saved until you press Import in the preview.`}
        onClose={close}
        footer={
          <div className="form-actions">
            <button type="button" className="btn" onClick={close} data-autofocus>
              Cancel
            </button>
          </div>
        }
      >
        <label className="csv-progress">
          <span>{percent}% read</span>
          <progress max={100} value={percent} aria-label={`Reading ${state.fileName}`} />
        </label>
      </Dialog>
    );
  }
  if (state.step === 'preview') {
    return (
      <CsvImportDialog
        // Each read is a new table (a new encoding gives new column names, and a new session):
        // the mapping is guessed afresh and the dialog asks the new session only.
        key={sessionKey(state.session)}
        db={db}
        people={people}
        fileName={state.fileName}
        session={state.session}
        summary={state.summary}
        initialPreview={{ people: state.people, preview: state.preview }}
        encoding={state.encoding}
        encodingDetected={state.detected}
        encodingProblem={state.encodingProblem}
        onEncodingChange={(choice) => void read(state.fileName, state.bytes, choice)}
        lastImport={state.lastImport}
        onClose={close}
      />
    );
  }
  if (state.step === 'refused') {
    return (
      <Dialog
        open
        title="This file cannot be imported"
        description={`Nothing was changed. The problem with ${state.fileName}:`}
        onClose={close}
        footer={
          <div className="form-actions">
            <button type="button" className="btn btn-primary" onClick={close} data-autofocus>
              Close
            </button>
          </div>
        }
      >
        <p className="notice notice-error">{state.message}</p>
      </Dialog>
    );
  }
  return null;
}
