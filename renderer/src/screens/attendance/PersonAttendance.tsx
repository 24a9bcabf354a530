/**
 * One person's attendance: every session they are ticked for, across all series
 * and courses, with a box per session to correct it right here.
 */
import { useMemo, useState } from 'react';
import type { Person } from '../../../../shared/domain/schema';
import { CheckboxField, SelectField } from '../../components/Field';
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
  const [onlyAttended, setOnlyAttended] = useState(false);

  const sessions = useMemo(
    () =>
      groups.flatMap((g) =>
        g.trainings.flatMap((t) => t.sessions.map((s) => ({ group: g, training: t.training, session: s }))),
      ),
    [groups],
  );

  const attended = person ? sessions.filter((x) => attendance.isAttended(person.id, x.session.id)) : [];
  const trainingsAttended = new Set(attended.map((x) => x.training.id)).size;
  const listed = onlyAttended ? attended : sessions;

  return (
    <section className="card stack" aria-labelledby="person-view-title">
      <h2 id="person-view-title">One person’s attendance</h2>
      <SelectField
        label="Person"
        name="attendancePerson"
        value={person?.id ?? ''}
        placeholder="Choose a person…"
        onChange={(v) => onChoose(v === '' ? null : v)}
        options={people.map((p) => ({ value: p.id, label: p.name }))}
      />
      {person === null ? (
        <p className="muted">Choose a person to see every session they attended, across all trainings.</p>
      ) : (
        <div className="stack" data-record-id={person.id} tabIndex={-1}>
          <p className="person-summary">
            <strong>{person.name}</strong>
            {describe(person) ? ` (${describe(person)})` : ''} is ticked as attending{' '}
            <strong>{plural(attended.length, 'session', 'sessions')}</strong>
            {attended.length > 0 ? ` of ${plural(trainingsAttended, 'training', 'trainings')}` : ''}.
          </p>
          {sessions.length === 0 ? (
            <p className="muted">There are no sessions yet. Add them on the Trainings screen.</p>
          ) : (
            <>
              <CheckboxField
                label="Show only the sessions they attended"
                name="onlyAttended"
                checked={onlyAttended}
                onChange={setOnlyAttended}
              />
              {listed.length === 0 ? (
                <p className="muted">{person.name} is not ticked for any session yet.</p>
              ) : (
                <div className="table-wrap">
                  <table className="table">
                    <caption className="visually-hidden">Sessions and whether {person.name} attended</caption>
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
                      {listed.map(({ group, training, session }) => {
                        const label = `${training.name} on ${longDate(session.date)}`;
                        return (
                          <tr key={session.id} data-record-id={session.id}>
                            <td className="cell-check">
                              <input
                                type="checkbox"
                                checked={attendance.isAttended(person.id, session.id)}
                                aria-label={`${person.name} attended ${label}`}
                                onChange={(e) =>
                                  void attendance.apply([
                                    {
                                      personId: person.id,
                                      sessionId: session.id,
                                      attended: e.target.checked,
                                    },
                                  ])
                                }
                              />
                            </td>
                            <th scope="row">
                              {training.name}
                              {group.kind === 'series' ? (
                                <span className="person-sub muted small block">{group.name}</span>
                              ) : null}
                            </th>
                            <td>{shortDate(session.date)}</td>
                            <td>{timeRange(session) || <span className="muted">—</span>}</td>
                            <td className="wrap-anywhere">
                              {session.location || <span className="muted">—</span>}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              )}
            </>
          )}
        </div>
      )}
    </section>
  );
}
