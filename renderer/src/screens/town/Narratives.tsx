/**
 * The rolling-credit narratives (T.2, T.3). Each part says, from the evaluation, whether
 * its evidence needs rolling credit and why: finished before the new-credit window (T.2),
 * or credited for the town's current certification, which expires this year (T.3). The
 * reason sentences are the engine's own: no rule is decided here. A field is "(optional)"
 * only when its part does not need a narrative.
 *
 * The texts save as the clerk types (`useAutosave`), so nothing is lost by leaving the screen.
 */
import { saveRollingNarrative } from '../../../db/repositories';
import type { AppDB } from '../../../db/schema';
import { townSchema } from '../../../../shared/domain/schema';
import type { Town } from '../../../../shared/domain/schema';
import type { Evaluation, Part1Evaluation, Part2Evaluation } from '../../../../shared/rules/evaluation';
import { TextAreaField } from '../../components/Field';
import { validateForm } from '../../lib/formErrors';
import { useAutosave } from '../../lib/useAutosave';
import type { AutosaveStatus } from '../../lib/useAutosave';

type Narrative = Town['rollingNarrative'];

/** Whether a part's evidence needs a narrative, and the engine's sentence saying why (or why not). */
export function narrativeNeed(part: Part1Evaluation | Part2Evaluation): { needed: boolean; why: string } {
  const credit = part.reasons.find((r) => r.rule === 'T.3' || r.rule === 'T.2' || r.rule === 'T.1');
  if (part.credit === 'rolling') {
    return {
      needed: true,
      why: credit?.text ?? 'This part claims rolling credit, so the narrative is needed.',
    };
  }
  if (part.credit === 'new') {
    return { needed: false, why: `${credit ? `${credit.text} ` : ''}No narrative is needed for new credit.` };
  }
  return { needed: false, why: 'No training counts for this part yet, so no narrative is needed.' };
}

function SaveStatus({ status }: { status: AutosaveStatus }) {
  const text =
    status.state === 'waiting' || status.state === 'saving'
      ? 'Saving…'
      : status.state === 'saved'
        ? 'Saved'
        : status.state === 'error'
          ? `Not saved: ${status.message}`
          : '';
  return (
    <p
      className={status.state === 'error' ? 'error small' : 'muted small'}
      role="status"
      data-testid="narratives-status"
    >
      {status.state === 'saved' ? <span aria-hidden="true">✓ </span> : null}
      {text}
    </p>
  );
}

export function Narratives({ db, town, evaluation }: { db: AppDB; town: Town; evaluation: Evaluation }) {
  const { draft, change, status } = useAutosave<Narrative>(town.rollingNarrative, (narrative) =>
    saveRollingNarrative(db, narrative),
  );
  // Too long a text is refused by the save; say so next to the field as it is typed.
  const errors = validateForm(townSchema, { ...town, rollingNarrative: draft }).errors;
  const part1 = narrativeNeed(evaluation.part1);
  const part2 = narrativeNeed(evaluation.part2);
  const recert = evaluation.recertification;

  return (
    <section className="card" aria-labelledby="narratives-title">
      <h2 id="narratives-title">Rolling-credit narratives</h2>
      <p className="hint">
        A part earns <strong>rolling credit</strong> when its training finished before{' '}
        {evaluation.newCreditFrom} (rule T.2)
        {recert
          ? `, or when it already earned credit for the town’s ${recert.level} certification of ${recert.yearAwarded}, which expires in ${recert.expires} (rule T.3)`
          : ''}
        . Rolling credit needs a short narrative: show that the work is ongoing, still relevant today, and had
        a meaningful impact in town. Your text is saved as you type.
      </p>
      <TextAreaField
        label="Part 1 narrative (the leadership cohort series)"
        name="rollingNarrative.part1"
        hint={`${part1.why}${part1.needed ? ' What has the town done since the series?' : ''}`}
        value={draft.part1}
        onChange={(v) => change({ ...draft, part1: v })}
        error={errors['rollingNarrative.part1']}
        required={part1.needed ? undefined : false}
      />
      <TextAreaField
        label="Part 2 narrative (the staff or board training)"
        name="rollingNarrative.part2"
        hint={`${part2.why}${part2.needed ? ' How is what was learned still used?' : ''}`}
        value={draft.part2}
        onChange={(v) => change({ ...draft, part2: v })}
        error={errors['rollingNarrative.part2']}
        required={part2.needed ? undefined : false}
      />
      <SaveStatus status={status} />
    </section>
  );
}
