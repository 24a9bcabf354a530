/**
 * Attendance: who attended which session. A grid of people × sessions for one
 * series or course, quick with the mouse or the keyboard alone, and a view of
 * one person's attendance across everything. Each tick is saved at once.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { describePosition } from '../../../shared/domain/labels';
import type { Person } from '../../../shared/domain/schema';
import { EmptyState } from '../components/EmptyState';
import { Field, SelectField, TextField } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { attendeesBySession, nameLabelsOf } from '../lib/derived';
import { focusElementFor, useFocusTarget } from '../lib/useFocusTarget';
import { today } from '../lib/today';
import { useUi } from '../store/ui';
import type { AttendanceView } from '../store/ui';
import { AttendanceGrid } from './attendance/AttendanceGrid';
import type { PersonRow } from './attendance/AttendanceGrid';
import { PersonAttendance } from './attendance/PersonAttendance';
import { useAttendance } from './attendance/useAttendance';
import { heldOn, searchText } from './people/positions';
import { catalogGroups, groupOf, plural } from './trainings/catalog';
import type { CatalogGroup } from './trainings/catalog';
import type { ScreenProps } from './types';
import './trainings/trainings.css';

type RowFilter = 'all' | 'attended' | 'notAttended';

/** The group whose latest session is the most recent: what the clerk most likely came to fill in. */
function latestGroup(groups: readonly CatalogGroup[]): CatalogGroup | undefined {
  let best: { group: CatalogGroup; date: string } | undefined;
  for (const g of groups) {
    for (const t of g.trainings) {
      for (const s of t.sessions) if (!best || s.date > best.date) best = { group: g, date: s.date };
    }
  }
  return best?.group ?? groups[0];
}

const sessionCount = (g: CatalogGroup) => g.trainings.reduce((n, t) => n + t.sessions.length, 0);

export function AttendanceScreen({ data, db }: ScreenProps) {
  const view = useUi((s) => s.attendanceView);
  const setView = useUi((s) => s.setAttendanceView);
  const sourceKey = useUi((s) => s.attendanceSource);
  const setSource = useUi((s) => s.setAttendanceSource);
  const personId = useUi((s) => s.attendancePersonId);
  const showPerson = useUi((s) => s.showPersonAttendance);
  const search = useUi((s) => s.attendanceSearch);
  const setSearch = useUi((s) => s.setAttendanceSearch);
  const navigate = useUi((s) => s.navigate);
  const [filter, setFilter] = useState<RowFilter>('all');
  // A record to bring into view once the screen has drawn it ("Fix" links, links from other screens).
  const [reveal, setReveal] = useState<{ recordId: string; seq: number } | null>(null);

  const attendance = useAttendance(db, data.attendance);
  // Kept while only attendance changes: the grid's rows are memoised on the group's columns.
  const { series: allSeries, trainings, sessions } = data;
  const groups = useMemo(
    () => catalogGroups({ series: allSeries, trainings, sessions }),
    [allSeries, trainings, sessions],
  );
  const group = groups.find((g) => g.key === sourceKey) ?? latestGroup(groups);
  const person = data.people.find((p) => p.id === personId) ?? null;
  const day = data.town.asOfDate ?? today();

  const describe = useCallback(
    (p: Person) => {
      const current = p.positions.filter((x) => heldOn(x, day));
      const first = current[0];
      if (!first) return '';
      return current.length > 1
        ? `${describePosition(first)} and ${plural(current.length - 1, 'other position', 'other positions')}`
        : describePosition(first);
    },
    [day],
  );

  useFocusTarget('attendance', (target) => {
    const id = target.recordId;
    if (id === undefined) {
      focusElementFor(target);
      return;
    }
    if (data.people.some((p) => p.id === id)) {
      showPerson(id);
    } else {
      const found = groupOf(groups, id);
      if (!found) return;
      setView('grid');
      setSource(found.key);
    }
    setReveal((r) => ({ recordId: id, seq: (r?.seq ?? 0) + 1 }));
  });

  // Focus the revealed record once it is on screen (after the view or source switched).
  const revealed = useRef(0);
  useEffect(() => {
    if (reveal === null || revealed.current === reveal.seq) return;
    if (focusElementFor({ recordId: reveal.recordId })) revealed.current = reveal.seq;
  });

  const tickedBySession = useMemo(() => {
    const counts = new Map<string, number>();
    for (const [sessionId, people] of attendeesBySession(data.attendance)) counts.set(sessionId, people.size);
    return counts;
  }, [data.attendance]);

  // Over the whole roster, so a name keeps its detail whatever the search shows.
  const labels = nameLabelsOf(data.people);
  // Only the "ticked here" filters read attendance: with "Everyone", a tick keeps the same
  // rows, so the grid redraws the one row whose boxes changed, not a hundred.
  const attendedFilter = filter === 'all' ? null : attendance.isAttended;
  const rows: PersonRow[] = useMemo(() => {
    if (!group) return [];
    const needle = search.trim().toLowerCase();
    const sessionIds = group.trainings.flatMap((t) => t.sessions.map((s) => s.id));
    return data.people
      .filter((p) => {
        if (needle !== '' && !searchText(p).includes(needle)) return false;
        if (attendedFilter === null) return true;
        const any = sessionIds.some((s) => attendedFilter(p.id, s));
        return filter === 'attended' ? any : !any;
      })
      .map((p) => ({ person: p, subtitle: describe(p), label: labels.get(p.id) ?? p.name }));
  }, [data.people, group, search, filter, attendedFilter, describe, labels]);

  const header = (
    <PageHeader
      title="Attendance"
      lead="Tick who attended each session. Every tick is saved at once; bulk changes can be undone."
    />
  );

  if (data.people.length === 0 || groups.length === 0) {
    const noPeople = data.people.length === 0;
    return (
      <div className="page">
        {header}
        <EmptyState
          title={noPeople ? 'Add people first' : 'Add a training first'}
          action={
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => navigate({ screen: noPeople ? 'people' : 'trainings' })}
            >
              {noPeople ? 'Go to People' : 'Go to Trainings'}
            </button>
          }
        >
          <p>
            {noPeople
              ? 'Attendance is ticked for people on your roster. Add the people who took part on the People screen.'
              : 'Attendance is ticked per session. Add a training and its dates on the Trainings screen.'}
          </p>
        </EmptyState>
      </div>
    );
  }

  const series = groups.filter((g) => g.kind === 'series');
  const courses = groups.filter((g) => g.kind === 'course');
  const option = (g: CatalogGroup) => (
    <option key={g.key} value={g.key}>
      {g.name} ({plural(sessionCount(g), 'session', 'sessions')})
    </option>
  );

  return (
    <div className="page">
      {header}
      <fieldset className="view-switch">
        <legend>View</legend>
        {(
          [
            ['grid', 'By series or course'],
            ['person', 'By person'],
          ] as [AttendanceView, string][]
        ).map(([value, label]) => (
          <label key={value}>
            <input
              type="radio"
              name="attendanceView"
              value={value}
              checked={view === value}
              onChange={() => setView(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>

      {view === 'person' ? (
        <PersonAttendance
          people={data.people}
          person={person}
          describe={describe}
          groups={groups}
          attendance={attendance}
          onChoose={showPerson}
        />
      ) : (
        <section className="stack" aria-label="Attendance by series or course">
          <div className="toolbar" role="search">
            <Field label="Series or course">
              {(p) => (
                <select
                  {...p}
                  name="attendanceSource"
                  value={group?.key ?? ''}
                  onChange={(e) => setSource(e.target.value)}
                >
                  {series.length > 0 ? <optgroup label="Series">{series.map(option)}</optgroup> : null}
                  {courses.length > 0 ? (
                    <optgroup label="Single courses">{courses.map(option)}</optgroup>
                  ) : null}
                </select>
              )}
            </Field>
            <TextField
              label="Find a person"
              type="search"
              name="attendanceSearch"
              value={search}
              onChange={setSearch}
              className="search-field"
              placeholder="Name, title or department"
            />
            <SelectField
              label="Show"
              name="attendanceFilter"
              value={filter}
              onChange={(v) => setFilter(v as RowFilter)}
              options={[
                { value: 'all', label: 'Everyone' },
                { value: 'attended', label: 'People ticked here' },
                { value: 'notAttended', label: 'People not ticked here' },
              ]}
            />
            <p className="muted small" aria-live="polite">
              Showing {rows.length} of {plural(data.people.length, 'person', 'people')}
            </p>
          </div>
          {group && sessionCount(group) === 0 ? (
            <EmptyState
              title={`${group.name} has no sessions yet`}
              level={2}
              action={
                <button
                  type="button"
                  className="btn"
                  onClick={() => navigate({ screen: 'trainings', recordId: group.id })}
                >
                  Add its dates on the Trainings screen
                </button>
              }
            >
              <p>Attendance is ticked per session, so add the dates it was held first.</p>
            </EmptyState>
          ) : group && rows.length === 0 ? (
            <EmptyState title="Nobody matches" level={2}>
              <p>Change the search words or choose “Everyone”.</p>
            </EmptyState>
          ) : group ? (
            <>
              {group.kind === 'series' ? (
                <p className="notice small">
                  Each topic of a series is usually offered on more than one date: tick the date each person
                  actually attended. One date per topic completes it.
                </p>
              ) : null}
              <p className="hint">
                Keyboard: press Tab to enter the table, move with the arrow keys, and press Space to tick or
                untick. Select a name to see everything that person attended.
              </p>
              <AttendanceGrid
                key={group.key}
                group={group}
                rows={rows}
                attendance={attendance}
                tickedBySession={tickedBySession}
                onShowPerson={showPerson}
              />
            </>
          ) : null}
        </section>
      )}
    </div>
  );
}
