/** The town's own details and the packet's "prepared by", plus the rolling-credit narratives (T.2). */
import { saveTown } from '../../../db/repositories';
import type { AppDB } from '../../../db/schema';
import { certificationRoundLabels } from '../../../../shared/domain/labels';
import { townSchema } from '../../../../shared/domain/schema';
import type { Town } from '../../../../shared/domain/schema';
import type { Evaluation } from '../../../../shared/rules/evaluation';
import { DateField } from '../../components/DateField';
import { NumberField, SelectField, TextAreaField, TextField } from '../../components/Field';
import { SectionForm } from '../../components/SectionForm';
import { problemsSummary, useForm } from '../../lib/useForm';
import { today } from '../../lib/today';
import { MunicipalityKindField } from './MunicipalityKindField';
import { notify } from '../../store/ui';

export function TownDetails({ db, town }: { db: AppDB; town: Town }) {
  const form = useForm(townSchema, town);
  const { draft, errors } = form;
  const summary = form.submitted ? problemsSummary(form.allErrors) : null;
  const changed = JSON.stringify(draft) !== JSON.stringify(town);

  const save = async () => {
    if (await form.submit((t) => saveTown(db, t))) notify({ kind: 'success', text: 'Town details saved.' });
  };

  return (
    <section className="card" aria-labelledby="town-details-title">
      <h2 id="town-details-title">Town details</h2>
      <SectionForm
        onSave={() => void save()}
        saving={form.saving}
        saveLabel="Save town details"
        changed={changed}
        summary={summary}
      >
        <div className="grid-2">
          <TextField
            label="Town name"
            name="name"
            value={draft.name ?? ''}
            onChange={(v) => form.set('name', v)}
            error={errors.name}
          />
          <MunicipalityKindField
            name={draft.name ?? ''}
            kind={draft.municipalityKind ?? 'town'}
            onChange={(v) => form.set('municipalityKind', v)}
            error={errors.municipalityKind}
          />
          <NumberField
            label="Certification year"
            name="certificationYear"
            hint="The year your town applies. New credit counts from 1 January three years before it."
            value={draft.certificationYear}
            min={2000}
            max={2200}
            step={1}
            onChange={(v) => form.set('certificationYear', v as number)}
            error={errors.certificationYear}
          />
          <DateField
            label="As-of date"
            name="asOfDate"
            hint={`Leave empty to use today’s date (${today()}). Sessions after this date count as planned.`}
            value={draft.asOfDate ?? null}
            onChange={(v) => form.set('asOfDate', v)}
            error={errors.asOfDate}
            required={false}
          />
          <SelectField
            label="Certification round"
            name="certificationRound"
            hint="Sustainable CT reviews submissions in a spring and a fall round."
            value={draft.certificationRound ?? 'spring'}
            options={[
              { value: 'spring', label: certificationRoundLabels.spring },
              { value: 'fall', label: certificationRoundLabels.fall },
            ]}
            onChange={(v) => form.set('certificationRound', v === 'fall' ? 'fall' : 'spring')}
            error={errors.certificationRound}
          />
          <TextField
            label="Prepared by"
            name="preparedBy"
            hint="Printed on the packet’s cover."
            value={draft.preparedBy ?? ''}
            onChange={(v) => form.set('preparedBy', v)}
            error={errors.preparedBy}
          />
          <TextField
            label="Their title"
            name="preparedByTitle"
            hint="e.g. Town Clerk, Sustainability Coordinator"
            value={draft.preparedByTitle ?? ''}
            onChange={(v) => form.set('preparedByTitle', v)}
            error={errors.preparedByTitle}
          />
          <TextField
            label="Their email"
            name="preparedByEmail"
            type="email"
            hint="Printed on the packet’s cover, so Sustainable CT can reach them."
            value={draft.preparedByEmail ?? ''}
            onChange={(v) => form.set('preparedByEmail', v)}
            error={errors.preparedByEmail}
            required={false}
          />
          <TextField
            label="Their phone"
            name="preparedByPhone"
            type="tel"
            value={draft.preparedByPhone ?? ''}
            onChange={(v) => form.set('preparedByPhone', v)}
            error={errors.preparedByPhone}
            required={false}
          />
        </div>
      </SectionForm>
    </section>
  );
}

export function Narratives({ db, town, evaluation }: { db: AppDB; town: Town; evaluation: Evaluation }) {
  const form = useForm(townSchema, town);
  const narrative = form.draft.rollingNarrative ?? { part1: '', part2: '' };
  const changed = JSON.stringify(narrative) !== JSON.stringify(town.rollingNarrative);
  const rolling = (credit: string | null) =>
    credit === 'rolling' ? ' This part claims rolling credit now, so the narrative is needed.' : '';

  const setPart = (part: 'part1' | 'part2', text: string) =>
    form.change(
      { ...form.draft, rollingNarrative: { ...narrative, [part]: text } },
      `rollingNarrative.${part}`,
    );

  const save = async () => {
    if (await form.submit((t) => saveTown(db, { ...town, rollingNarrative: t.rollingNarrative })))
      notify({ kind: 'success', text: 'Narratives saved.' });
  };

  return (
    <section className="card" aria-labelledby="narratives-title">
      <h2 id="narratives-title">Rolling-credit narratives</h2>
      <p className="hint">
        Training finished before {evaluation.newCreditFrom} can still earn <strong>rolling credit</strong>{' '}
        (rule T.2), but only with a short narrative: show that the work is ongoing, still relevant today, and
        had a meaningful impact in town. Leave a part empty if it earns new credit.
      </p>
      <SectionForm
        onSave={() => void save()}
        saving={form.saving}
        saveLabel="Save narratives"
        changed={changed}
      >
        <TextAreaField
          label="Part 1 narrative (the leadership cohort series)"
          name="rollingNarrative.part1"
          hint={`What has the town done since the series?${rolling(evaluation.part1.credit)}`}
          value={narrative.part1 ?? ''}
          onChange={(v) => setPart('part1', v)}
          error={form.errors['rollingNarrative.part1']}
          required={false}
        />
        <TextAreaField
          label="Part 2 narrative (the staff or board training)"
          name="rollingNarrative.part2"
          hint={`How is what was learned still used?${rolling(evaluation.part2.credit)}`}
          value={narrative.part2 ?? ''}
          onChange={(v) => setPart('part2', v)}
          error={form.errors['rollingNarrative.part2']}
          required={false}
        />
      </SectionForm>
    </section>
  );
}
