/**
 * Part 2 (5 points): one live equity training for municipal people. The session
 * the engine chose with every field the program asks to submit (P2.7): training,
 * date, entity, delivery, description, attendee count, departments, and the
 * attendees listed on the roster; then the reasons, and every equity session the
 * town attended that could not count, with why (so a change of training never
 * happens without a word).
 */
import { useState } from 'react';
import { deliveryLabels } from '../../../../shared/domain/labels';
import type { Part2Evaluation, Part2Evidence } from '../../../../shared/rules/evaluation';
import { PartFacts } from './PartFacts';
import { ReasonList } from './Reasons';
import { longDate, plural } from './format';

/** Longer descriptions fold away so the two parts stay comparable side by side. */
const DESCRIPTION_PREVIEW = 280;

/** The first words of a long description, cut at a word boundary. */
function preview(text: string): string {
  const cut = text.slice(0, DESCRIPTION_PREVIEW);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > DESCRIPTION_PREVIEW / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

const missing = (what: string) => <span className="elig-missing">{what}</span>;

function Description({ text }: { text: string }) {
  const [open, setOpen] = useState(false);
  const trimmed = text.trim();
  if (trimmed === '') return missing('No description or agenda');
  const long = trimmed.length > DESCRIPTION_PREVIEW;
  return (
    <div className="elig-description">
      <p>{long && !open ? preview(trimmed) : trimmed}</p>
      {long ? (
        <button type="button" className="btn-link small" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Show less' : 'Show the whole description'}
        </button>
      ) : null}
    </div>
  );
}

function attendeeNote(e: Part2Evidence): string {
  const listed = `${e.listedCount} listed on the roster`;
  return e.reportedCount === null
    ? `(${listed})`
    : `(${listed}, ${e.reportedCount} in all by the sign-in sheet)`;
}

function Evidence({ e }: { e: Part2Evidence }) {
  return (
    <>
      <dl className="facts elig-facts">
        <dt>Training</dt>
        <dd>{e.trainingName}</dd>
        <dt>Date</dt>
        <dd>{longDate(e.date)}</dd>
        <dt>Training entity</dt>
        <dd>{e.provider.trim() || missing('Provider missing')}</dd>
        <dt>Delivery</dt>
        <dd>{deliveryLabels[e.delivery]}</dd>
        <dt>Place or link</dt>
        <dd className="elig-wrap">{e.location.trim() || <span className="muted">Not recorded</span>}</dd>
        <dt>Attendees</dt>
        <dd>
          <strong>{e.attendeeCount}</strong> <span className="small muted">{attendeeNote(e)}</span>
        </dd>
        <dt>Departments</dt>
        <dd>{e.departments.length === 0 ? missing('No departments recorded') : e.departments.join(', ')}</dd>
        <dt>Description</dt>
        <dd>
          <Description text={e.description} />
        </dd>
      </dl>
      {e.attendees.length === 0 ? (
        <p className="muted">Nobody on the roster is listed as attending this session.</p>
      ) : (
        <div className="table-wrap elig-table">
          <table className="table">
            <caption className="elig-caption">
              {plural(e.attendees.length, 'attendee')} listed on the roster
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Title</th>
                <th scope="col">Department or board</th>
              </tr>
            </thead>
            <tbody>
              {e.attendees.map((a) => (
                <tr key={a.personId}>
                  <th scope="row">{a.name}</th>
                  <td>{a.title ?? missing('Title missing')}</td>
                  <td>{a.department ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function Part2Card({ part }: { part: Part2Evaluation }) {
  return (
    <section className="card elig-part" aria-labelledby="elig-part2-title">
      <h2 id="elig-part2-title">
        Part 2 <span className="elig-part-sub">A live training for municipal people</span>
      </h2>
      <PartFacts part={part} />
      <h3>Evidence</h3>
      {part.evidence === null ? (
        <p className="muted">
          No session to show yet. Add a live equity training on the Trainings screen and record which
          municipal people attended on the Attendance screen; the reasons below say what is missing.
        </p>
      ) : (
        <Evidence e={part.evidence} />
      )}
      <h3>Why</h3>
      <ReasonList reasons={part.reasons} />
      <h3>Not counted for Part 2</h3>
      {part.notCounted.length === 0 ? (
        <p className="muted">No other equity session the town attended was left out.</p>
      ) : (
        <ul className="plain-list elig-not-counted">
          {part.notCounted.map((n) => (
            // The sentence names the training and date itself.
            <li key={n.id}>{n.reason}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
