/**
 * Part 1 (10 points): the cohort. The series the engine chose, who fills E, S and R
 * with the title each held when attending and the sessions they attended (P1.9),
 * the reasons, and what was not counted for Part 1 and why (P1.1).
 */
import { useState } from 'react';
import type { CohortMember, Part1Evaluation } from '../../../../shared/rules/evaluation';
import { PartFacts } from './PartFacts';
import { ReasonList } from './Reasons';
import { shortDate } from './format';

function RoleCell({ member }: { member: CohortMember }) {
  if (member.role === null) {
    return (
      <>
        <span className="elig-role-none">No role</span>
        <span className="small muted elig-block">Other attendee · {member.roleLabel}</span>
      </>
    );
  }
  return (
    <>
      <span className="elig-role">
        <span aria-hidden="true">{member.role}</span>
        <span className="visually-hidden">Role {member.role}</span>
      </span>{' '}
      {member.roleLabel}
    </>
  );
}

/**
 * Cohort rows drawn at first. The engine lists the role holders first, so they are always
 * shown; a large town's hundreds of other attendees (over 20,000 elements drawn at once)
 * wait behind "Show more", which keeps opening Eligibility within a click's budget.
 */
export const COHORT_ROWS_SHOWN = 25;
/** Rows each "Show more" adds (as the attendance grid does). */
const COHORT_ROWS_MORE = 100;

function CohortTable({ cohort, seriesName }: { cohort: CohortMember[]; seriesName: string }) {
  const [limit, setLimit] = useState(COHORT_ROWS_SHOWN);
  const shown = cohort.slice(0, limit);
  const hidden = cohort.length - shown.length;
  return (
    <>
      <div className="table-wrap elig-table">
        <table className="table">
          <caption className="visually-hidden">Cohort for {seriesName}</caption>
          <thead>
            <tr>
              <th scope="col">
                Name <span className="elig-th-sub">and title when attending</span>
              </th>
              <th scope="col">Role filled</th>
              <th scope="col">Sessions attended</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((m) => (
              <tr key={m.personId}>
                <th scope="row">
                  {m.name}
                  <span className="elig-block elig-title">
                    <span className="visually-hidden">, </span>
                    {m.title ?? <span className="elig-missing">Title missing</span>}
                  </span>
                </th>
                <td>
                  <RoleCell member={m} />
                </td>
                <td>
                  <ul className="plain-list elig-sessions">
                    {m.sessions.map((s) => (
                      <li key={s.sessionId}>
                        <span className="elig-session-date">{shortDate(s.date)}</span>
                        <span className="visually-hidden">, </span>
                        {s.trainingName}
                      </li>
                    ))}
                  </ul>
                  {m.completedAllTopics ? null : <span className="small muted">Not every topic</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {hidden > 0 ? (
        <p className="elig-more">
          <span className="small muted" role="status">
            Showing {shown.length} of {cohort.length} cohort members.
          </span>{' '}
          <button
            type="button"
            className="btn btn-small"
            onClick={() => setLimit((n) => n + COHORT_ROWS_MORE)}
          >
            Show {Math.min(COHORT_ROWS_MORE, hidden)} more
          </button>
        </p>
      ) : null}
    </>
  );
}

export function Part1Card({ part }: { part: Part1Evaluation }) {
  const evidence = part.evidence;
  return (
    <section className="card elig-part" aria-labelledby="elig-part1-title">
      <h2 id="elig-part1-title">
        Part 1 <span className="elig-part-sub">A cohort of three</span>
      </h2>
      <PartFacts part={part} />
      <h3>Evidence</h3>
      {evidence === null ? (
        <p className="muted">
          No series to show yet. Record who attended each session of a Sustainable CT equity series on the
          Attendance screen; the reasons below say what is missing.
        </p>
      ) : (
        <>
          <dl className="facts elig-facts">
            <dt>Series</dt>
            <dd>{evidence.seriesName}</dd>
            <dt>Topics</dt>
            <dd>
              <ul className="plain-list elig-tight">
                {evidence.topics.map((t) => (
                  <li key={t.trainingId}>{t.name}</li>
                ))}
              </ul>
            </dd>
          </dl>
          {evidence.cohort.length === 0 ? (
            <p className="muted">Nobody from the town attended this series yet.</p>
          ) : (
            <CohortTable cohort={evidence.cohort} seriesName={evidence.seriesName} />
          )}
        </>
      )}
      <h3>Why</h3>
      <ReasonList reasons={part.reasons} />
      <h3>Not counted for Part 1</h3>
      {part.notCounted.length === 0 ? (
        <p className="muted">Nothing on file was left out.</p>
      ) : (
        <ul className="plain-list elig-not-counted">
          {part.notCounted.map((n) => (
            <li key={n.id}>
              <strong>{n.name}</strong> — {n.reason}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
