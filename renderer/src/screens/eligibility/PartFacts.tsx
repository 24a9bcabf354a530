/**
 * A part's headline facts, the same four for both parts so they line up side by
 * side: status (icon + words), points of the part's maximum, credit, completion date.
 */
import { creditLabels } from '../../../../shared/domain/labels';
import type { Part1Evaluation, Part2Evaluation } from '../../../../shared/rules/evaluation';
import { StatusBadge } from '../../components/StatusBadge';
import { longDate } from './format';

/** What the status means for the application, in one sentence under the badge. */
const statusMeaning = {
  met: 'Counts in full.',
  review: 'Counts in full if Sustainable CT agrees: confirm with them before you submit.',
  notMet: 'Does not count yet. The reasons below say what is missing.',
  planned: 'Dated after the as-of date: shown, but not yet claimable (rule T.4).',
} as const;

export function PartFacts({ part }: { part: Part1Evaluation | Part2Evaluation }) {
  return (
    <>
      <p className="elig-status">
        <StatusBadge status={part.status} />
        <span className="small">{statusMeaning[part.status]}</span>
      </p>
      <dl className="facts elig-facts">
        <dt>Points</dt>
        <dd>
          <strong>
            {part.points} of {part.maxPoints}
          </strong>
        </dd>
        <dt>Credit</dt>
        <dd>{part.credit ? creditLabels[part.credit] : <span className="muted">None yet</span>}</dd>
        <dt>Completed</dt>
        <dd>
          {part.completionDate ? longDate(part.completionDate) : <span className="muted">Not yet</span>}
        </dd>
      </dl>
    </>
  );
}
