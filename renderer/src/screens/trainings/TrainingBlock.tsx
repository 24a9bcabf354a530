/**
 * One training on the Trainings screen: its facts, what it covered, and its
 * sessions with their attendance, a sign-in sheet to print, edit and delete.
 */
import { deliveryLabels } from '../../../../shared/domain/labels';
import type { Session, Training } from '../../../../shared/domain/schema';
import { ActionsHeader } from '../../components/RowActions';
import { longDate, plural, shortDate, timeRange } from './catalog';
import type { TrainingWithSessions } from './catalog';

export interface TrainingBlockProps {
  item: TrainingWithSessions;
  /** 'topic' inside a series card, 'course' for a single course. */
  noun: 'topic' | 'course';
  /** People ticked as attending, by session id. */
  attendedBySession: ReadonlyMap<string, number>;
  /** The session the evaluation uses for Part 2, if any (shown, not decided here). */
  part2SessionId: string | null;
  /** Why this training does not count for Part 1, from the evaluation (series topics only). */
  notCountedReason: string | undefined;
  /** The session whose sign-in sheet is being prepared. */
  printingSessionId: string | null;
  onEdit: (training: Training) => void;
  onDelete: (training: Training) => void;
  onAddSession: (training: Training) => void;
  onEditSession: (session: Session, training: Training) => void;
  onDeleteSession: (session: Session, training: Training) => void;
  onPrintSession: (session: Session, training: Training) => void;
  onShowAttendance: (session: Session) => void;
}

/**
 * Who gave the training, said once: "Provided by Sustainable CT" already names the provider,
 * so "Provider: Sustainable CT" beside it would say it twice.
 */
export function providerTags(t: Pick<Training, 'provider' | 'providedBySustainableCT'>): string[] {
  const provider = t.provider.trim();
  const namesSustainableCT = /^sustainable\s*ct$/i.test(provider.replace(/\s+/g, ' '));
  if (t.providedBySustainableCT)
    return provider === '' || namesSustainableCT
      ? ['Provided by Sustainable CT']
      : [`Provider: ${provider}`, 'Provided by Sustainable CT'];
  return [provider ? `Provider: ${provider}` : 'Provider not recorded', 'Not by Sustainable CT'];
}

export function TrainingBlock({
  item,
  noun,
  attendedBySession,
  part2SessionId,
  notCountedReason,
  printingSessionId,
  onEdit,
  onDelete,
  onAddSession,
  onEditSession,
  onDeleteSession,
  onPrintSession,
  onShowAttendance,
}: TrainingBlockProps) {
  const { training: t, sessions } = item;
  const headingId = `training-${t.id}`;
  return (
    <article className="training-block" data-record-id={t.id} aria-labelledby={headingId}>
      <div className="training-head">
        <h3 id={headingId}>{t.name}</h3>
        <div className="row training-actions">
          <button
            type="button"
            className="btn btn-small"
            aria-label={`Add session of ${t.name}`}
            onClick={() => onAddSession(t)}
          >
            Add session
          </button>
          <button
            type="button"
            className="btn btn-small"
            aria-label={`Edit ${noun} ${t.name}`}
            onClick={() => onEdit(t)}
          >
            Edit {noun}
          </button>
          <button
            type="button"
            className="btn btn-small btn-danger"
            aria-label={`Delete ${noun} ${t.name}`}
            onClick={() => onDelete(t)}
          >
            Delete {noun}
          </button>
        </div>
      </div>
      <ul className="tag-list" aria-label={`About ${t.name}`}>
        {providerTags(t).map((tag) => (
          <li key={tag}>{tag}</li>
        ))}
        <li>{t.isEquity ? 'On equity' : 'Not on equity'}</li>
        <li>{deliveryLabels[t.delivery]}</li>
      </ul>
      {t.description.trim() ? (
        <p className="training-desc">{t.description}</p>
      ) : (
        <p className="training-desc muted">No description or agenda yet.</p>
      )}
      {notCountedReason ? (
        <p className="notice notice-warning small">
          <strong>Not counted for Part 1:</strong> {notCountedReason}
        </p>
      ) : null}
      {sessions.length === 0 ? (
        <p className="muted">
          No sessions yet. Use “Add session” for each date {t.name} was held or will be held.
        </p>
      ) : (
        <div className="table-wrap sessions-wrap">
          <table className="table sessions-table">
            <caption className="visually-hidden">Sessions of {t.name}</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Place or link</th>
                <th scope="col">Attendees</th>
                <th scope="col">Departments typed in</th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => {
                const ticked = attendedBySession.get(s.id) ?? 0;
                const when = `${t.name} on ${longDate(s.date)}`;
                return (
                  <tr key={s.id} data-record-id={s.id}>
                    <th scope="row">
                      {shortDate(s.date)}
                      {timeRange(s) ? <span className="session-time">{timeRange(s)}</span> : null}
                      {s.id === part2SessionId ? <span className="evidence-tag">Part 2 evidence</span> : null}
                    </th>
                    <td className="wrap-anywhere" data-label="Place or link">
                      {s.location || <span className="muted">—</span>}
                    </td>
                    <td data-label="Attendees">
                      <button
                        type="button"
                        className="btn-link"
                        aria-label={`${ticked > 0 ? plural(ticked, 'person', 'people') : 'Mark attendance'} — attendance at ${when}`}
                        onClick={() => onShowAttendance(s)}
                      >
                        {ticked > 0 ? plural(ticked, 'person', 'people') : 'Mark attendance'}
                      </button>
                      {s.reportedAttendeeCount !== null ? (
                        <span className="small muted block">
                          {s.reportedAttendeeCount} in all (sign-in sheet)
                        </span>
                      ) : null}
                    </td>
                    <td data-label="Departments typed in">
                      {s.departmentsReported.length > 0 ? (
                        s.departmentsReported.join(', ')
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td className="actions">
                      <div className="session-actions">
                        <button
                          type="button"
                          className="btn btn-small"
                          disabled={printingSessionId !== null}
                          aria-label={`${printingSessionId === s.id ? 'Preparing' : 'Print'} sign-in sheet for ${when}`}
                          onClick={() => onPrintSession(s, t)}
                        >
                          {printingSessionId === s.id ? 'Preparing…' : 'Print sign-in sheet'}
                        </button>
                        <button
                          type="button"
                          className="btn btn-small"
                          aria-label={`Edit the session of ${when}`}
                          onClick={() => onEditSession(s, t)}
                        >
                          Edit
                        </button>
                        <button
                          type="button"
                          className="btn btn-small btn-danger"
                          aria-label={`Delete the session of ${when}`}
                          onClick={() => onDeleteSession(s, t)}
                        >
                          Delete
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}
