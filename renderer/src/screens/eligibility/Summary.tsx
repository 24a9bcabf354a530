/**
 * The top of the Eligibility screen: the total out of 15, each part's status in
 * one line, the as-of date, the new-credit window (T.1) and, in a
 * recertification year, why credited evidence is rolling (T.3).
 */
import type { Evaluation } from '../../../../shared/rules/evaluation';
import { StatusBadge } from '../../components/StatusBadge';
import { longDate } from './format';

export interface SummaryProps {
  evaluation: Evaluation;
  /** True when the town has no as-of date set, so the app evaluates as of today. */
  asOfIsToday: boolean;
}

export function Summary({ evaluation, asOfIsToday }: SummaryProps) {
  const { part1, part2, recertification } = evaluation;
  return (
    <section className="card elig-summary" aria-labelledby="elig-summary-title">
      <h2 id="elig-summary-title" className="visually-hidden">
        Summary
      </h2>
      <div className="elig-total">
        <span className="elig-total-label">Total</span>
        <span className="elig-total-value">
          {evaluation.totalPoints} of {evaluation.maxPoints}
        </span>
        <span className="elig-total-label">points</span>
      </div>
      <ul className="plain-list elig-summary-parts">
        <li>
          <span className="elig-summary-part">Part 1, the cohort</span>
          <StatusBadge status={part1.status} />
          <span>
            {part1.points} of {part1.maxPoints} points
          </span>
        </li>
        <li>
          <span className="elig-summary-part">Part 2, a live training</span>
          <StatusBadge status={part2.status} />
          <span>
            {part2.points} of {part2.maxPoints} points
          </span>
        </li>
      </ul>
      <div className="elig-window small">
        <p>
          Evaluated as of <strong>{longDate(evaluation.asOfDate)}</strong>
          {asOfIsToday ? ' (today)' : ''} for the {evaluation.certificationYear} certification. Sessions after
          that day are planned and not yet counted.
        </p>
        <p>
          <strong>New credit</strong> from {longDate(evaluation.newCreditFrom)}: evidence completed on or
          after that day earns new credit; earlier evidence earns rolling credit and needs a narrative (rules
          T.1 and T.2).
        </p>
        {recertification ? (
          <p className="notice elig-recert">
            <strong>Recertification year.</strong> The town’s {recertification.level} certification from{' '}
            {recertification.yearAwarded} expires at the end of {recertification.expires}, so evidence that
            already earned credit can only earn rolling credit this time (rule T.3).
          </p>
        ) : null}
      </div>
    </section>
  );
}
