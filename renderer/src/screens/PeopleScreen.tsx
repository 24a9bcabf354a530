/**
 * People: the town's roster. Who they are, whether they live in town, and the
 * positions they hold (elected, staff, Board of Education, sustainability team,
 * appointed) with their terms — the rules engine works out roles from these (P1.2).
 */
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { deletePerson } from '../../db/repositories';
import {
  describePosition,
  positionKindLabels,
  positionKindPluralLabels,
} from '../../../shared/domain/labels';
import { nameLabelsOf, sessionsPerPerson } from '../lib/derived';
import type { Person } from '../../../shared/domain/schema';
import { CsvImportFlow } from '../csv/CsvImportFlow';
import { EmptyState } from '../components/EmptyState';
import { SelectField, TextField } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { ActionsHeader, RowActions } from '../components/RowActions';
import { useDeleteWithUndo } from '../lib/useDeleteWithUndo';
import { focusElementFor, useFocusTarget } from '../lib/useFocusTarget';
import { today } from '../lib/today';
import { useUi } from '../store/ui';
import type { PeopleKindFilter } from '../store/ui';
import { PersonDialog } from './people/PersonDialog';
import { heldOn, kindOptions, searchText } from './people/positions';
import type { ScreenProps } from './types';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Rows of the roster shown at first and added by "Show more". */
export const PEOPLE_PER_PAGE = 100;

export function PeopleScreen({ data, db }: ScreenProps) {
  const search = useUi((s) => s.peopleSearch);
  const kind = useUi((s) => s.peopleKind);
  const setSearch = useUi((s) => s.setPeopleSearch);
  const setKind = useUi((s) => s.setPeopleKind);
  const dialog = useUi((s) => s.dialog);
  const openDialog = useUi((s) => s.openDialog);
  const closeDialog = useUi((s) => s.closeDialog);
  const navigate = useUi((s) => s.navigate);
  const requestCsvImport = useUi((s) => s.requestCsvImport);
  const del = useDeleteWithUndo(db);
  const [focusField, setFocusField] = useState<string | undefined>(undefined);
  // A large roster shows 100 rows at a time (as the attendance grid does): a screen switch or an
  // open dialog then never lays out 1,000 rows (bench/latency.ts). Search finds the others.
  const [limit, setLimit] = useState(PEOPLE_PER_PAGE);
  const day = data.town.asOfDate ?? today();

  useFocusTarget('people', (target) => {
    if (target.recordId !== undefined && data.people.some((p) => p.id === target.recordId)) {
      setFocusField(target.field);
      openDialog({ kind: 'person', recordId: target.recordId });
    } else {
      focusElementFor(target);
    }
  });

  const attended = sessionsPerPerson(data.attendance);

  // Two people of the same name show a telling detail (title or email) after it.
  const labels = nameLabelsOf(data.people);

  // The box shows each key at once; the roster follows a moment later when the machine is busy.
  const deferredSearch = useDeferredValue(search);
  const shown = useMemo(() => {
    const needle = deferredSearch.trim().toLowerCase();
    return data.people.filter((p) => {
      if (
        kind === 'none' ? p.positions.length > 0 : kind !== 'all' && !p.positions.some((x) => x.kind === kind)
      )
        return false;
      return needle === '' || searchText(p).includes(needle);
    });
  }, [data.people, deferredSearch, kind]);

  const askDeleteRef = useRef<(p: Person) => void>(() => undefined);
  const askDelete = (p: Person) => {
    const n = attended.get(p.id) ?? 0;
    del.ask({
      title: `Delete ${p.name}?`,
      message:
        n > 0 ? (
          <p>
            {p.name} is used by <strong>{plural(n, 'attendance record', 'attendance records')}</strong>.
            Deleting {p.name} also removes {n === 1 ? 'it' : 'them'}. Delete anyway?
          </p>
        ) : (
          <p>{p.name} has no attendance records. You can undo this right after.</p>
        ),
      confirmLabel: 'Delete person',
      run: () => deletePerson(db, p.id),
      done: `${p.name} deleted.`,
    });
  };

  // The roster's rows, built only when the people, the filter or the counts change: opening a
  // dialog or typing in the search box must not rebuild 1,000 rows (bench/latency.ts).
  const rows = useMemo(
    () =>
      shown.slice(0, limit).map((p) => {
        const current = p.positions.filter((x) => heldOn(x, day));
        const past = p.positions.length - current.length;
        const n = attended.get(p.id) ?? 0;
        return (
          <tr key={p.id} data-record-id={p.id}>
            <th scope="row">{labels.get(p.id) ?? p.name}</th>
            <td>{p.isResident ? 'Yes' : 'No'}</td>
            <td>
              {current.length > 0 ? (
                <ul className="plain-list">
                  {current.map((x) => (
                    <li key={x.id}>
                      {describePosition(x)}
                      <span className="visually-hidden"> ({positionKindLabels[x.kind]})</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="muted">{past > 0 ? `None now (${past} past)` : 'None recorded'}</span>
              )}
            </td>
            <td className="wrap-anywhere">{p.email || <span className="muted">—</span>}</td>
            <td>
              {n > 0 ? (
                <button
                  type="button"
                  className="btn-link"
                  onClick={() => navigate({ screen: 'attendance', recordId: p.id })}
                >
                  {plural(n, 'session', 'sessions')}
                  <span className="visually-hidden"> — show {p.name}’s attendance</span>
                </button>
              ) : (
                <span className="muted">None yet</span>
              )}
            </td>
            <RowActions
              name={p.name}
              onEdit={() => openDialog({ kind: 'person', recordId: p.id })}
              onDelete={() => askDeleteRef.current(p)}
            />
          </tr>
        );
      }),
    [shown, limit, attended, day, navigate, openDialog, labels],
  );

  useEffect(() => {
    askDeleteRef.current = askDelete;
  });

  const editing =
    dialog?.kind === 'person'
      ? dialog.recordId
        ? data.people.find((p) => p.id === dialog.recordId)
        : null
      : undefined;

  const addButton = (
    <button
      id="add-person"
      type="button"
      className="btn btn-primary"
      onClick={() => openDialog({ kind: 'person' })}
    >
      Add person
    </button>
  );

  return (
    <div className="page">
      <PageHeader
        title="People"
        lead="Everyone who took part or holds a position the action asks about: elected officials, staff, Board of Education employees, sustainability team members and volunteers."
        actions={
          <>
            <button type="button" className="btn" onClick={requestCsvImport}>
              Import from CSV…
            </button>
            {addButton}
          </>
        }
      />
      {data.people.length === 0 ? (
        <EmptyState title="No people yet" action={addButton}>
          <p>
            Add each person once, with their positions. Then mark who attended which session on the Attendance
            screen.
          </p>
        </EmptyState>
      ) : (
        <>
          <div className="toolbar" role="search">
            <TextField
              label="Search"
              type="search"
              name="peopleSearch"
              value={search}
              onChange={setSearch}
              placeholder="Name, email, title or department"
            />
            <SelectField
              label="Show"
              name="peopleKind"
              value={kind}
              onChange={(v) => setKind(v as PeopleKindFilter)}
              options={[
                { value: 'all', label: 'Everyone' },
                ...kindOptions.map((o) => ({ value: o.value, label: positionKindPluralLabels[o.value] })),
                { value: 'none', label: 'No position recorded' },
              ]}
            />
            <p className="muted small" aria-live="polite">
              Showing {shown.length} of {plural(data.people.length, 'person', 'people')}
            </p>
          </div>
          {shown.length === 0 ? (
            <EmptyState title="Nobody matches" level={2}>
              <p>Change the search words or choose “Everyone”.</p>
            </EmptyState>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">People on the roster</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Lives in town</th>
                    <th scope="col">Current positions</th>
                    <th scope="col">Email</th>
                    <th scope="col">Attended</th>
                    <ActionsHeader />
                  </tr>
                </thead>
                <tbody>{rows}</tbody>
              </table>
              {shown.length > limit ? (
                <div className="row">
                  <p className="muted" role="status">
                    Showing the first {limit} of {plural(shown.length, 'person', 'people')}. Type in the
                    search box to find someone, or show more.
                  </p>
                  <button type="button" className="btn" onClick={() => setLimit((n) => n + PEOPLE_PER_PAGE)}>
                    Show {Math.min(PEOPLE_PER_PAGE, shown.length - limit)} more
                  </button>
                </div>
              ) : null}
            </div>
          )}
        </>
      )}
      {editing !== undefined ? (
        <PersonDialog
          key={editing?.id ?? 'new'}
          db={db}
          person={editing}
          focusField={focusField}
          onClose={() => {
            setFocusField(undefined);
            closeDialog();
          }}
        />
      ) : null}
      {del.dialog}
      {/* Opens when the button above, the menu or "Your data" asks for a CSV import. */}
      <CsvImportFlow db={db} people={data.people} />
    </div>
  );
}
