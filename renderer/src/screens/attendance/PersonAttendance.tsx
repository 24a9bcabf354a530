/**
 * One person's attendance: every session they are ticked for, across all series
 * and courses, with a box per session to correct it right here.
 */
import { useMemo, useState } from 'react';
import { nameLabelsOf } from '../../lib/derived';
import type { Person, Session, Training } from '../../../../shared/domain/schema';
import { SelectField } from '../../components/Field';
import type { CatalogGroup } from '../trainings/catalog';
import { longDate, plural, shortDate, timeRange } from '../trainings/catalog';
import type { AttendanceApi } from './useAttendance';

export interface PersonAttendanceProps {
  people: readonly Person[];
  person: Person | null;
  /** One line about the person (current positions). */
  describe: (person: Person) => string;
  groups: readonly CatalogGroup[];
  attendance: AttendanceApi;
  onChoose: (personId: string | null) => void;
}

export function PersonAttendance({
  people,
  person,
  describe,
  groups,
  attendance,
  onChoose,
}: PersonAttendanceProps) {
  const sessions = useMemo(
    () =>
      groups.flatMap((g) =>
        g.trainings.flatMap((t) => t.sessions.map((s) => ({ group: g, training: t.training, session: s }))),
      ),
    [groups],
  );

  // Two people of the same name get a telling detail (title or email) in the list.
  const labels = nameLabelsOf(people);

  return (
    <section className="card stack" aria-labelledby="person-view-title">
      <h2 id="person-view-title">One person’s attendance</h2>
      <SelectField
        label="Person"
        name="attendancePerson"
        value={person?.id ?? ''}
        placeholder="Choose a person…"
        onChange={(v) => onChoose(v === '' ? null : v)}
        options={people.map((p) => ({ value: p.id, label: labels.get(p.id) ?? p.name }))}
      />
      {person === null ? (
        <p className="muted">Choose a person to see every session they attended, across all trainings.</p>
      ) : (
        <PersonDetail
          key={person.id}
          person={person}
          summary={describe(person)}
          sessions={sessions}
          attendance={attendance}
        />
      )}
    </section>
  );
}

interface SessionRow {
  group: CatalogGroup;
  training: Training;
  session: Session;
}

function PersonDetail({
  person,
  summary,
  sessions,
  attendance,
}: {
  person: Person;
  summary: string;
  sessions: readonly SessionRow[];
  attendance: AttendanceApi;
}) {
  const attended = sessions.filter((x) => attendance.isAttended(person.id, x.session.id));
  const trainingsAttended = new Set(attended.map((x) => x.training.id)).size;
  // The editing table starts open only when there is nothing to show yet: then ticking is the next step.
  const [editing, setEditing] = useState(() => attended.length === 0);
  const byDate = [...attended].sort((a, b) =>
    a.session.date < b.session.date ? -1 : a.session.date > b.session.date ? 1 : 0,
  );

  return (
    <div className="stack" data-record-id={person.id} tabIndex={-1}>
      <p className="person-summary">
        <strong>{person.name}</strong>
        {summary ? ` (${summary})` : ''} is ticked as attending{' '}
        <strong>{plural(attended.length, 'session', 'sessions')}</strong>
        {attended.length > 0 ? ` of ${plural(trainingsAttended, 'training', 'trainings')}` : ''}.
      </p>
      {byDate.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">What {person.name} attended</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Training</th>
                <th scope="col">Series or course</th>
                <th scope="col">Place or link</th>
              </tr>
            </thead>
            <tbody>
              {byDate.map(({ group, training, session }) => (
                <tr key={session.id}>
                  <td className="nowrap">{shortDate(session.date)}</td>
                  <th scope="row">{training.name}</th>
                  <td>{group.kind === 'series' ? group.name : 'Single course'}</td>
                  <td className="wrap-anywhere">{session.location || <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {sessions.length === 0 ? (
        <p className="muted">There are no sessions yet. Add them on the Trainings screen.</p>
      ) : (
        <details
          className="change-attendance"
          open={editing}
          onToggle={(e) => setEditing(e.currentTarget.open)}
        >
          <summary>Tick or untick sessions for {person.name}</summary>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Every session, and whether {person.name} attended</caption>
              <thead>
                <tr>
                  <th scope="col">Attended</th>
                  <th scope="col">Training</th>
                  <th scope="col">Date</th>
                  <th scope="col">Time</th>
                  <th scope="col">Place or link</th>
                </tr>
              </thead>
              <tbody>
                {sessions.map(({ group, training, session }) => (
                  <tr key={session.id} data-record-id={session.id}>
                    <td className="cell-check">
                      <input
                        type="checkbox"
                        checked={attendance.isAttended(person.id, session.id)}
                        aria-label={`${person.name} attended ${training.name} on ${longDate(session.date)}`}
                        onChange={(e) =>
                          void attendance.apply([
                            { personId: person.id, sessionId: session.id, attended: e.target.checked },
                          ])
                        }
                      />
                    </td>
                    <th scope="row">
                      {training.name}
                      {group.kind === 'series' ? <span className="person-sub">{group.name}</span> : null}
                    </th>
                    <td className="nowrap">{shortDate(session.date)}</td>
                    <td>{timeRange(session) || <span className="muted">—</span>}</td>
                    <td className="wrap-anywhere">{session.location || <span className="muted">—</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </div>
  );
}
