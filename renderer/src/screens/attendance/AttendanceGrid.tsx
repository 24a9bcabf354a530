/**
 * The people × sessions grid for one series or course.
 *
 * Keyboard: the grid is one Tab stop; the arrow keys move between a row's name,
 * its boxes and its "whole row" button, Space ticks, Home/End jump along the row,
 * Page Up/Down move ten rows. Large rosters stay fast: only the people matching
 * the search are listed, a hundred at a time, and moving the keyboard through the
 * grid re-renders only the rows the Tab stop leaves and enters (measured in the
 * e2e test: a 1,000-person roster opens in well under a second).
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FocusEvent, KeyboardEvent } from 'react';
import type { Person, Session, Training } from '../../../../shared/domain/schema';
import type { CatalogGroup } from '../trainings/catalog';
import { longDate, plural, shortDate, timeRange } from '../trainings/catalog';
import type { AttendanceApi } from './useAttendance';

/** Rows drawn at a time; "Show more" adds this many again. */
export const ROWS_PER_PAGE = 100;

export interface GridColumn {
  session: Session;
  training: Training;
  /** First session of its topic (draws the topic's left border). */
  topicStart: boolean;
  /** "Equity 101 on February 18, 2020": used in every accessible name of the column. */
  label: string;
}

export function gridColumns(group: CatalogGroup): GridColumn[] {
  return group.trainings.flatMap((t) =>
    t.sessions.map((session, i) => ({
      session,
      training: t.training,
      topicStart: i === 0,
      label: `${t.training.name} on ${longDate(session.date)}`,
    })),
  );
}

export interface PersonRow {
  person: Person;
  /** One line about them (current position), to tell two people apart. */
  subtitle: string;
  /** The name as listed: with a telling detail when someone else has the same name (`distinctNameLabels`). */
  label: string;
}

export interface AttendanceGridProps {
  group: CatalogGroup;
  /** The people matching the search and filter, in roster order. */
  rows: readonly PersonRow[];
  attendance: AttendanceApi;
  /** How many people are ticked per session (all people, not only those shown). */
  tickedBySession: ReadonlyMap<string, number>;
  onShowPerson: (personId: string) => void;
}

export function AttendanceGrid({
  group,
  rows,
  attendance,
  tickedBySession,
  onShowPerson,
}: AttendanceGridProps) {
  const columns = useMemo(() => gridColumns(group), [group]);
  const [limit, setLimit] = useState(ROWS_PER_PAGE);
  const [active, setActive] = useState({ r: 0, c: 1 });
  const tableRef = useRef<HTMLTableElement>(null);
  const shown = rows.slice(0, limit);
  const lastCol = columns.length + 1;
  // Keep the one Tab stop inside what is drawn when the list shrinks.
  const activeR = Math.min(active.r, Math.max(0, shown.length - 1));
  const activeC = Math.min(active.c, lastCol);

  // Stable callbacks for memoised rows; they read the latest API through a ref.
  const api = useRef(attendance);
  useEffect(() => {
    api.current = attendance;
  }, [attendance]);
  const toggle = useCallback((personId: string, sessionId: string, attended: boolean) => {
    void api.current.apply([{ personId, sessionId, attended }]);
  }, []);
  const toggleRow = useCallback(
    (person: Person, attended: boolean) => {
      void api.current.apply(
        columns.map((c) => ({ personId: person.id, sessionId: c.session.id, attended })),
        (n) =>
          attended
            ? `${person.name}: ticked ${plural(n, 'more session', 'more sessions')}.`
            : `${person.name}: ${plural(n, 'tick', 'ticks')} cleared.`,
      );
    },
    [columns],
  );

  const toggleColumn = (col: GridColumn, attended: boolean) => {
    void attendance.apply(
      rows.map((r) => ({ personId: r.person.id, sessionId: col.session.id, attended })),
      (n) =>
        attended
          ? `${plural(n, 'person', 'people')} ticked as attending ${col.label}.`
          : `${plural(n, 'tick', 'ticks')} cleared from ${col.label}.`,
    );
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const el = e.target as HTMLElement;
    const r = Number(el.dataset.r);
    const c = Number(el.dataset.c);
    if (el.dataset.r === undefined || Number.isNaN(r) || Number.isNaN(c)) return;
    let next: { r: number; c: number } | null = null;
    switch (e.key) {
      case 'ArrowRight':
        next = { r, c: Math.min(lastCol, c + 1) };
        break;
      case 'ArrowLeft':
        next = { r, c: Math.max(0, c - 1) };
        break;
      case 'ArrowDown':
        next = { r: Math.min(shown.length - 1, r + 1), c };
        break;
      case 'ArrowUp':
        next = { r: Math.max(0, r - 1), c };
        break;
      case 'PageDown':
        next = { r: Math.min(shown.length - 1, r + 10), c };
        break;
      case 'PageUp':
        next = { r: Math.max(0, r - 10), c };
        break;
      case 'Home':
        next = { r: e.ctrlKey ? 0 : r, c: 0 };
        break;
      case 'End':
        next = { r: e.ctrlKey ? shown.length - 1 : r, c: lastCol };
        break;
      default:
        return;
    }
    e.preventDefault();
    tableRef.current?.querySelector<HTMLElement>(`[data-r="${next.r}"][data-c="${next.c}"]`)?.focus();
  };

  const onFocus = (e: FocusEvent<HTMLTableElement>) => {
    const { r, c } = (e.target as HTMLElement).dataset;
    if (r !== undefined && c !== undefined) setActive({ r: Number(r), c: Number(c) });
  };

  const topics = group.trainings.filter((t) => t.sessions.length > 0);

  return (
    <>
      <div className="table-wrap grid-wrap">
        <table className="table attendance-grid" ref={tableRef} onKeyDown={onKeyDown} onFocus={onFocus}>
          <caption className="visually-hidden">
            Attendance at {group.name}: one row per person, one column per session
          </caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                Person
              </th>
              {topics.map((t) => (
                <th
                  key={t.training.id}
                  scope="colgroup"
                  colSpan={t.sessions.length}
                  className="topic-head"
                  data-record-id={t.training.id}
                >
                  {t.training.name}
                </th>
              ))}
              <th scope="col" rowSpan={2} className="row-tools">
                Whole row
              </th>
            </tr>
            <tr>
              {columns.map((col) => {
                const everyone =
                  rows.length > 0 && rows.every((r) => attendance.isAttended(r.person.id, col.session.id));
                const ticked = tickedBySession.get(col.session.id) ?? 0;
                const time = timeRange(col.session);
                return (
                  <th
                    key={col.session.id}
                    scope="col"
                    className={`session-head${col.topicStart ? ' topic-start' : ''}`}
                    data-record-id={col.session.id}
                    tabIndex={-1}
                  >
                    <span className="date">{shortDate(col.session.date)}</span>
                    {time ? <span className="count">{time}</span> : null}
                    <span className="count">{ticked} ticked</span>
                    <div className="col-tools">
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={rows.length === 0}
                        aria-label={`${everyone ? 'Clear all' : 'Tick all'} ${plural(rows.length, 'person', 'people')} listed for ${col.label}`}
                        onClick={() => toggleColumn(col, !everyone)}
                      >
                        {everyone ? 'Clear all' : 'Tick all'}
                      </button>
                    </div>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, i) => (
              <GridRow
                key={row.person.id}
                row={row}
                index={i}
                columns={columns}
                mask={columns
                  .map((c) => (attendance.isAttended(row.person.id, c.session.id) ? '1' : '0'))
                  .join('')}
                activeCol={i === activeR ? activeC : -1}
                onToggle={toggle}
                onToggleRow={toggleRow}
                onShowPerson={onShowPerson}
              />
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > shown.length ? (
        <div className="attendance-more">
          <p className="muted" role="status">
            Showing the first {shown.length} of {plural(rows.length, 'person', 'people')}. Type in the search
            box to find someone, or show more.
          </p>
          <button type="button" className="btn" onClick={() => setLimit((n) => n + ROWS_PER_PAGE)}>
            Show {Math.min(ROWS_PER_PAGE, rows.length - shown.length)} more
          </button>
        </div>
      ) : null}
    </>
  );
}

interface GridRowProps {
  row: PersonRow;
  index: number;
  columns: readonly GridColumn[];
  /** '1'/'0' per column: what the row shows, as one comparable value for `memo`. */
  mask: string;
  /** The column holding the grid's one Tab stop when it is in this row, else -1. */
  activeCol: number;
  onToggle: (personId: string, sessionId: string, attended: boolean) => void;
  onToggleRow: (person: Person, attended: boolean) => void;
  onShowPerson: (personId: string) => void;
}

const GridRow = memo(function GridRow({
  row,
  index,
  columns,
  mask,
  activeCol,
  onToggle,
  onToggleRow,
  onShowPerson,
}: GridRowProps) {
  const { person } = row;
  const all = mask.length > 0 && !mask.includes('0');
  const tab = (c: number) => (c === activeCol ? 0 : -1);
  return (
    <tr data-record-id={person.id}>
      <th scope="row">
        <button
          type="button"
          className="btn-link"
          data-r={index}
          data-c={0}
          tabIndex={tab(0)}
          aria-label={`${row.label} — everything ${person.name} attended`}
          onClick={() => onShowPerson(person.id)}
        >
          {row.label}
        </button>
        {row.subtitle ? <span className="person-sub">{row.subtitle}</span> : null}
      </th>
      {columns.map((col, j) => {
        const checked = mask[j] === '1';
        return (
          <td key={col.session.id} className={`cell${col.topicStart ? ' topic-start' : ''}`}>
            <label>
              <input
                type="checkbox"
                data-r={index}
                data-c={j + 1}
                tabIndex={tab(j + 1)}
                checked={checked}
                aria-label={`${row.label} attended ${col.label}`}
                onChange={(e) => onToggle(person.id, col.session.id, e.target.checked)}
              />
            </label>
          </td>
        );
      })}
      <td className="row-tools">
        <button
          type="button"
          className="btn btn-small"
          data-r={index}
          data-c={columns.length + 1}
          tabIndex={tab(columns.length + 1)}
          aria-label={all ? `Clear row for ${row.label}` : `Tick all sessions for ${row.label}`}
          onClick={() => onToggleRow(person, !all)}
        >
          {all ? 'Clear row' : 'Tick all'}
        </button>
      </td>
    </tr>
  );
});
