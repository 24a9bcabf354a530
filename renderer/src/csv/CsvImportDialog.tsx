/**
 * The CSV import preview: match the file's columns to the roster's fields, see
 * what each row will do (new, already on the roster, or a problem that leaves it
 * out), choose what happens to people already on the roster, then import all the
 * good rows in one go. Nothing is written before "Import".
 *
 * The dialog never holds the table: it asks its `CsvSession` for the preview of the
 * settings chosen (`shared/csv/preview.ts`) — at once for a small file, from the
 * worker for a large one, while the last answer stays on screen — and for the people
 * to write on Import.
 */
import { startTransition, useEffect, useMemo, useState } from 'react';
import { importPlanned } from '../../db/csv';
import type { LastCsvImport } from '../../db/csv';
import type { AppDB } from '../../db/schema';
import { describePosition, positionKindLabels } from '../../../shared/domain/labels';
import { distinctNameLabels } from '../../../shared/domain/names';
import type { Person, PositionKind } from '../../../shared/domain/schema';
import { csvFieldLabels, csvFields, mappingProblems } from '../../../shared/csv/people';
import type { ColumnMapping, CsvField, OnMatch, SameNameDecision } from '../../../shared/csv/people';
import { LISTED_PROBLEMS, PREVIEW_ROWS } from '../../../shared/csv/preview';
import type { CsvPreview, PreviewRow, PreviewSettings, ReadSummary } from '../../../shared/csv/preview';
import {
  choiceOfEncoding,
  csvEncodingChoiceLabels,
  csvEncodingChoices,
  csvEncodingLabels,
} from '../../../shared/csv/text';
import type { CsvEncoding, CsvEncodingChoice } from '../../../shared/csv/text';
import { Dialog } from '../components/Dialog';
import { CheckboxField, SelectField } from '../components/Field';
import { notify } from '../store/ui';
import type { CsvSession } from './load';
import './csv.css';

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Long text cut for display (a pasted essay must not fill the dialog); whole characters, emoji included. */
const shorten = (text: string, max: number): string => {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
};

const fieldHints: Partial<Record<CsvField, string>> = {
  firstName: 'Only used when no column is chosen for Name.',
  lastName: 'Only used when no column is chosen for Name.',
  isResident: 'Yes or no; empty counts as no for new people.',
  kind: 'Elected, staff, board of education, team member or appointed.',
  level: 'For municipal staff: director, management or other.',
  start: 'YYYY-MM-DD or M/D/YYYY.',
  end: 'YYYY-MM-DD or M/D/YYYY.',
};

const kindChoices = (Object.keys(positionKindLabels) as PositionKind[]).map((k) => ({
  value: k,
  label: positionKindLabels[k],
}));

function formatWhen(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
}

export interface CsvImportDialogProps {
  db: AppDB;
  /** The roster now, to show who is already on it (the import checks again when it writes). */
  people: readonly Person[];
  fileName: string;
  /** Where the table is kept; asked for each preview and, on Import, for the people to write. */
  session: CsvSession;
  /** The table's columns and guessed mappings, with and without a row of column names. */
  summary: ReadSummary;
  /** The preview read with the file (guessed mapping, nothing chosen), and the roster it was made against. */
  initialPreview: { people: readonly Person[]; preview: CsvPreview };
  /** The encoding the bytes were read in, and whether the app chose it. */
  encoding: CsvEncoding;
  encodingDetected: boolean;
  /** Why the clerk's last encoding choice could not be used, or null. */
  encodingProblem: string | null;
  /** Reads the file again in another encoding. */
  onEncodingChange: (choice: CsvEncodingChoice) => void;
  lastImport: LastCsvImport | null;
  onClose: () => void;
}

export function CsvImportDialog({
  db,
  people,
  fileName,
  session,
  summary,
  initialPreview,
  encoding,
  encodingDetected,
  encodingProblem,
  onEncodingChange,
  lastImport,
  onClose,
}: CsvImportDialogProps) {
  const [hasHeaders, setHasHeaders] = useState(true);
  const shape = hasHeaders ? summary.withHeaders : summary.withoutHeaders;
  const [mapping, setMapping] = useState<ColumnMapping>(summary.withHeaders.mapping);
  const [defaultKind, setDefaultKind] = useState<PositionKind | null>(null);
  const [onMatch, setOnMatch] = useState<OnMatch>('skip');
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  /** The clerk's Merge / Add as new answers for same-name rows, by match key (the rest take the default). */
  const [decisions, setDecisions] = useState<ReadonlyMap<string, SameNameDecision>>(new Map());
  const labels = useMemo(() => distinctNameLabels(people), [people]);

  // Headers cut to 61 characters give the same sentences as the whole ones (see HEADER_CHARS).
  const problems = useMemo(() => mappingProblems(mapping, shape.headers), [mapping, shape.headers]);
  const settings = useMemo<PreviewSettings>(
    () => ({ hasHeaders, mapping, defaultKind, onMatch, decisions }),
    [hasHeaders, mapping, defaultKind, onMatch, decisions],
  );

  // A small file is previewed at once, as the settings change.
  const local = useMemo(
    () => (session.inWorker ? null : { preview: session.preview(settings, people) }),
    [session, settings, people],
  );
  // A large one by the worker: the answer for the latest settings replaces the one on screen.
  const [answer, setAnswer] = useState<{
    settings: PreviewSettings | null;
    people: readonly Person[];
    preview: CsvPreview;
  }>(() => ({
    settings: session.inWorker && initialPreview.people === people ? settings : null,
    people: initialPreview.people,
    preview: initialPreview.preview,
  }));
  const upToDate = !session.inWorker || (answer.settings === settings && answer.people === people);
  useEffect(() => {
    if (!session.inWorker || upToDate) return;
    let current = true;
    session.preview(settings, people).then(
      (preview) => {
        // A transition, so the new rows render in slices while the window keeps answering.
        if (current) startTransition(() => setAnswer({ settings, people, preview }));
      },
      (e: unknown) => {
        if (current) setFailure(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      current = false;
    };
  }, [session, settings, people, upToDate]);
  const preview = local ? local.preview : problems.length > 0 ? null : answer.preview;

  const badRows = preview?.problemCount ?? 0;
  const matches = preview?.matches ?? 0;
  const sameNames = preview?.sameNames ?? 0;
  const toWrite = preview?.toWrite ?? 0;

  const switchHeaders = (next: boolean) => {
    setHasHeaders(next);
    setMapping(next ? summary.withHeaders.mapping : summary.withoutHeaders.mapping);
  };

  const choose = (field: CsvField, value: string) =>
    setMapping((m) => ({ ...m, [field]: value === '' ? null : Number(value) }));

  const runImport = async () => {
    if (!preview) return;
    setSaving(true);
    setFailure(null);
    const result = await importPlanned(db, (roster) => session.plan(settings, roster), people, { fileName });
    setSaving(false);
    if (result === null) return;
    if (!result.ok) {
      setFailure(result.message);
      return;
    }
    const parts = [
      plural(result.added, 'person added', 'people added'),
      ...(result.updated > 0 ? [`${result.updated.toLocaleString('en-US')} updated`] : []),
      ...(result.unchanged > 0 ? [`${result.unchanged.toLocaleString('en-US')} already on the roster`] : []),
    ];
    const left = badRows > 0 ? ` ${plural(badRows, 'row', 'rows')} with problems left out.` : '';
    notify({ kind: 'success', text: `Imported from ${fileName}: ${parts.join(', ')}.${left}` });
    onClose();
  };

  const resultOf = (row: PreviewRow): string => {
    if (row.status === 'error') return 'Left out: see the problems below';
    const first = row.firstRowNumber;
    const again = first !== null && first !== row.rowNumber ? ` (same person as row ${first})` : '';
    switch (row.outcome) {
      case 'add':
        return `New${again}`;
      case 'update':
        return `On the roster: will be updated${again}`;
      case 'unchanged':
        return `On the roster: already up to date${again}`;
      case 'skip':
        return `On the roster: skipped${again}`;
      case 'merge': {
        const d = row.decision;
        const into = d?.action === 'merge' ? labels.get(d.personId) : undefined;
        return `Merged into ${into ?? 'the person on the roster'}${again}`;
      }
      default:
        return '';
    }
  };

  const decide = (key: string, value: string) =>
    setDecisions((d) =>
      new Map(d).set(key, value === 'add' ? { action: 'add' } : { action: 'merge', personId: value }),
    );

  /** The Merge / Add as new question under a same-name row (on the person's first row only). */
  const sameNameQuestion = (row: PreviewRow) => {
    const { namesakes, decision: d, key } = row;
    if (!namesakes || !d || key === null) return null;
    return (
      <div className="csv-same-name">
        <p className="small csv-warning">Same name as someone on the roster — same person?</p>
        <SelectField
          label={`What to do with ${shorten(row.name, 40)} from row ${row.rowNumber}`}
          name={`csv-same-name-${row.rowNumber}`}
          className="visually-hidden-label"
          value={d.action === 'merge' ? d.personId : 'add'}
          onChange={(v) => decide(key, v)}
          options={[
            ...namesakes.map((p) => ({ value: p.id, label: `Merge with ${labels.get(p.id) ?? p.name}` })),
            { value: 'add', label: 'Add as new' },
          ]}
        />
      </div>
    );
  };

  const counts = preview ? (
    <>
      <strong>{plural(preview.added, 'new person', 'new people')}</strong>
      {matches > 0 ? `, ${plural(matches, 'person', 'people')} already on the roster` : ''}
      {sameNames > 0 ? (
        <>
          ,{' '}
          <strong>{plural(sameNames, 'person', 'people')} with the same name as someone on the roster</strong>{' '}
          (same person? see the rows)
        </>
      ) : null}
      {badRows > 0 ? (
        <>
          , <strong>{plural(badRows, 'row', 'rows')} with problems</strong> (left out)
        </>
      ) : null}
      .
    </>
  ) : null;

  const sameFileAgain = lastImport !== null && lastImport.fileName === fileName;

  return (
    <Dialog
      open
      wide
      className="csv-import"
      title="Import people from a spreadsheet"
      description={`From ${fileName}: ${plural(shape.rowCount, 'row', 'rows')} of people. Nothing is saved until you press Import.`}
      onClose={onClose}
      footer={
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={saving || !upToDate || toWrite === 0}
            onClick={() => void runImport()}
          >
            {saving
              ? 'Importing…'
              : !upToDate
                ? 'Updating the preview…'
                : toWrite === 0
                  ? 'Nothing new to import'
                  : `Import ${plural(toWrite, 'person', 'people')}`}
          </button>
        </div>
      }
    >
      {sameFileAgain ? (
        <p className="notice notice-warning">
          You imported a file with this name on {formatWhen(lastImport.at)} (
          {plural(lastImport.added, 'person', 'people')} added). People already on the roster are recognised
          by name and email and are not added twice.
        </p>
      ) : null}
      {failure ? (
        <p className="notice notice-error" role="alert">
          {failure}
        </p>
      ) : null}

      {preview ? (
        <p className="notice" aria-live="polite">
          {counts} {badRows > 0 || matches > 0 || sameNames > 0 ? 'Details below.' : ''}
        </p>
      ) : null}

      <div className="csv-encoding">
        <SelectField
          label="Characters in the file (encoding)"
          name="csv-encoding"
          hint={`${encodingDetected ? 'The app read the file' : 'Read'} as ${csvEncodingLabels[encoding]}. If names show wrong letters (such as Ã© or � instead of é), choose another.`}
          value={choiceOfEncoding(encoding)}
          onChange={(v) => onEncodingChange(v as CsvEncodingChoice)}
          options={csvEncodingChoices.map((c) => ({ value: c, label: csvEncodingChoiceLabels[c] }))}
        />
        {encodingProblem ? (
          <p className="notice notice-error" role="alert">
            {encodingProblem}
          </p>
        ) : null}
      </div>

      <section aria-labelledby="csv-columns-title">
        <h3 id="csv-columns-title">1. Which column holds what?</h3>
        <p className="muted small">The app guessed from the column names. Change any that are wrong.</p>
        <CheckboxField
          label="The first row holds column names (not a person)"
          name="csv-has-headers"
          checked={hasHeaders}
          onChange={switchHeaders}
        />
        <div className="csv-mapping">
          {csvFields.map((field) => (
            <SelectField
              key={field}
              label={csvFieldLabels[field]}
              name={`csv-${field}`}
              hint={fieldHints[field]}
              required={field === 'name' ? undefined : false}
              value={mapping[field] === null ? '' : String(mapping[field])}
              onChange={(v) => choose(field, v)}
              placeholder="(not in this file)"
              options={shape.headers.map((h, i) => ({ value: String(i), label: shorten(h, 60) }))}
            />
          ))}
          <SelectField
            label="Kind of position for rows that do not say"
            name="csv-default-kind"
            hint="Use this when every row is, say, municipal staff."
            value={defaultKind ?? ''}
            onChange={(v) => setDefaultKind(v === '' ? null : (v as PositionKind))}
            placeholder="None: such rows are problems"
            options={kindChoices}
          />
        </div>
        {problems.length > 0 ? (
          <ul className="notice notice-error csv-problems" role="alert">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
      </section>

      {preview ? (
        <>
          <section aria-labelledby="csv-rows-title">
            <h3 id="csv-rows-title">2. Check the rows</h3>
            {/* Focusable so keyboard users can scroll it sideways on a narrow window. */}
            <div
              className="table-wrap csv-preview"
              role="region"
              aria-labelledby="csv-rows-title"
              tabIndex={0}
            >
              <table className="table">
                <caption className="visually-hidden">What each row of the file will do</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      Row
                    </th>
                    <th scope="col">Name</th>
                    <th scope="col">Email</th>
                    <th scope="col">Lives in town</th>
                    <th scope="col">Position</th>
                    <th scope="col">Result</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((row) => {
                    const { own } = row;
                    return (
                      <tr
                        key={row.rowNumber}
                        className={row.status === 'error' ? 'csv-row-error' : undefined}
                      >
                        <td className="num">{row.rowNumber}</td>
                        <th scope="row" className="csv-name" dir="auto">
                          {row.name ? shorten(row.name, 60) : <span className="muted">(no name)</span>}
                        </th>
                        <td dir="auto">{own?.email ?? ''}</td>
                        <td>{own ? (own.isResident === null ? '—' : own.isResident ? 'Yes' : 'No') : ''}</td>
                        <td dir="auto">
                          {row.positions.map((p) => describePosition({ ...p, id: '' })).join('; ')}
                        </td>
                        <td>
                          {row.status === 'error' ? <strong>{resultOf(row)}</strong> : resultOf(row)}
                          {sameNameQuestion(row)}
                          {row.warnings.map((w) => (
                            <p key={w} className="small csv-warning">
                              Check: {w}
                            </p>
                          ))}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {preview.rowCount > PREVIEW_ROWS ? (
              <p className="muted small">
                Showing the first {PREVIEW_ROWS} rows of {preview.rowCount.toLocaleString('en-US')}.
              </p>
            ) : null}
          </section>

          {badRows > 0 ? (
            <section aria-labelledby="csv-problems-title">
              <h3 id="csv-problems-title">Rows with problems (not imported)</h3>
              <p className="muted small">
                Fix these in the spreadsheet and import the file again, or add these people by hand.
              </p>
              <ul className="csv-problems" data-testid="csv-row-problems">
                {preview.problems.flatMap((r) =>
                  r.errors.map((e, i) => (
                    <li key={`${r.rowNumber}-${i}`} dir="auto">
                      <strong>Row {r.rowNumber}</strong>
                      {r.name ? ` (${shorten(r.name, 40)})` : ''}: {e}
                    </li>
                  )),
                )}
              </ul>
              {badRows > LISTED_PROBLEMS ? (
                <p className="muted small">
                  …and {plural(badRows - LISTED_PROBLEMS, 'more row', 'more rows')} with problems.
                </p>
              ) : null}
            </section>
          ) : null}

          {matches > 0 ? (
            <fieldset className="group">
              <legend>3. People already on the roster (same name and email)</legend>
              <label className="field-inline">
                <input
                  type="radio"
                  name="csv-on-match"
                  value="skip"
                  checked={onMatch === 'skip'}
                  onChange={() => setOnMatch('skip')}
                />
                <span>Leave them as they are</span>
              </label>
              <label className="field-inline">
                <input
                  type="radio"
                  name="csv-on-match"
                  value="update"
                  checked={onMatch === 'update'}
                  onChange={() => setOnMatch('update')}
                />
                <span>
                  Update them: add positions from the file they do not have yet, and take “Lives in town” from
                  the file
                </span>
              </label>
            </fieldset>
          ) : null}
        </>
      ) : null}
    </Dialog>
  );
}
