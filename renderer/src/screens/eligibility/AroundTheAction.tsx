/**
 * Around the action: equity coaching hours used of the free hours (warned past
 * them) and the Optimize for Equity count toward Bronze and Silver. Both are
 * edited on the Town screen; this only shows the engine's summary.
 */
import type { Evaluation } from '../../../../shared/rules/evaluation';
import { useUi } from '../../store/ui';
import { plural } from './format';

const hours = (n: number) => plural(n, 'hour');
const actions = (n: number) => plural(n, 'action');

export function AroundTheAction({ evaluation }: { evaluation: Evaluation }) {
  const navigate = useUi((s) => s.navigate);
  const { hoursUsed, freeHours, overFreeHours } = evaluation.coaching;
  const o = evaluation.optimizeForEquity;
  // The Town screen scrolls to the section and focuses its Add button (`data-field` there).
  const editOnTown = (what: string, field: 'coaching' | 'optimizeForEquity') => (
    <button type="button" className="btn-link small" onClick={() => navigate({ screen: 'town', field })}>
      Change {what} on the Town screen
    </button>
  );
  return (
    <div className="elig-grid">
      <section className="card" aria-labelledby="elig-coaching-title">
        <h2 id="elig-coaching-title">Equity coaching</h2>
        <p>
          <strong>{hours(hoursUsed)}</strong> used of {hours(freeHours)} free.
        </p>
        {overFreeHours ? (
          <p className="notice notice-warning">
            <strong>Warning:</strong> that is more than the {hours(freeHours)} of free coaching. Check with
            Sustainable CT whether the extra hours are billed.
          </p>
        ) : null}
        {editOnTown('coaching hours', 'coaching')}
      </section>
      <section className="card" aria-labelledby="elig-optimize-title">
        <h2 id="elig-optimize-title">Optimize for Equity</h2>
        <p>
          Applied to <strong>{actions(o.actionsCount)}</strong>.{' '}
          {o.levelReached ? (
            <>
              That is enough for <strong>{o.levelReached}</strong>.
            </>
          ) : (
            'That is not yet enough for any level.'
          )}{' '}
          {o.next ? `${o.next.level} needs ${actions(o.next.actionsMore)} more.` : null}
        </p>
        {editOnTown('the actions', 'optimizeForEquity')}
      </section>
    </div>
  );
}
