/**
 * Readiness gaps: submission fields still missing. Each has a "Fix" button that
 * opens the screen and record where it is fixed (the engine's GapTarget).
 */
import type { GapTarget, ReadinessGap } from '../../../../shared/rules/evaluation';
import { useUi } from '../../store/ui';
import { plural } from './format';

const screenNames: Record<GapTarget['screen'], string> = {
  town: 'Town',
  people: 'People',
  trainings: 'Trainings',
  attendance: 'Attendance',
  partners: 'Partners',
};

const partNames: Record<ReadinessGap['part'], string> = {
  part1: 'Part 1',
  part2: 'Part 2',
  general: 'General',
};

export function Gaps({ gaps }: { gaps: ReadinessGap[] }) {
  const navigate = useUi((s) => s.navigate);

  const fix = (target: GapTarget) => {
    navigate(target);
    // With a record or field, the destination screen brings it into view; otherwise start at its top.
    if (target.recordId === undefined && target.field === undefined) {
      window.requestAnimationFrame(() => {
        window.scrollTo({ top: 0 });
        document.getElementById('main')?.focus({ preventScroll: true });
      });
    }
  };

  return (
    <section className="card" aria-labelledby="elig-gaps-title">
      <div className="card-header">
        <h2 id="elig-gaps-title">Before you submit</h2>
        <span className="muted">
          {gaps.length === 0 ? 'Nothing missing' : `${plural(gaps.length, 'item')} missing`}
        </span>
      </div>
      {gaps.length === 0 ? (
        <p>
          <span aria-hidden="true">✓ </span>No field is missing from the evidence shown below.
        </p>
      ) : (
        <>
          <p className="hint">
            These fields are still empty. You can create the packet now; each one is printed in it as a gap.
          </p>
          <ul className="gap-list">
            {gaps.map((g, i) => (
              <li key={`${g.rule}-${g.target.recordId ?? ''}-${g.target.field ?? ''}-${i}`}>
                <span className="elig-gap-text">
                  {g.text}
                  <span className="small muted elig-block">
                    {partNames[g.part]} · rule {g.rule}
                  </span>
                </span>
                <button type="button" className="btn btn-small" onClick={() => fix(g.target)}>
                  Fix <span className="elig-fix-where">on {screenNames[g.target.screen]}</span>
                  <span className="visually-hidden">: {g.text}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
