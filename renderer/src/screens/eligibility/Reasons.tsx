/**
 * The engine's reasons for one part (or the whole action): each sentence with its
 * rule id ("P1.2") and its kind in words ("Does not count", "Review", "Check"), so
 * a clerk can read why without relying on the icon or the colour.
 */
import type { Reason } from '../../../../shared/rules/evaluation';
import { reasonKindWords } from './format';

export function ReasonList({ reasons, empty }: { reasons: Reason[]; empty?: string }) {
  if (reasons.length === 0) return <p className="muted">{empty ?? 'No reasons given.'}</p>;
  return (
    <ul className="reason-list elig-reasons">
      {reasons.map((r, i) => (
        <li key={`${r.rule}-${i}`} className={`reason-${r.kind}`}>
          <span className="elig-reason-tags">
            <span className="elig-rule" title={`Rule ${r.rule} of the rule book`}>
              <span className="visually-hidden">Rule </span>
              {r.rule}
            </span>
            <span className={`elig-kind elig-kind-${r.kind}`}>{reasonKindWords[r.kind]}</span>
            <span className="visually-hidden">: </span>
          </span>{' '}
          <span className="elig-reason-text">{r.text}</span>
        </li>
      ))}
    </ul>
  );
}
