/** The town's own details and the packet's "prepared by" (the narratives are in Narratives.tsx). */
import { saveTown } from '../../../db/repositories';
import type { AppDB } from '../../../db/schema';
import { certificationRoundLabels } from '../../../../shared/domain/labels';
import { townSchema } from '../../../../shared/domain/schema';
import type { Town } from '../../../../shared/domain/schema';
import { DateField } from '../../components/DateField';
import { NumberField, SelectField, TextField } from '../../components/Field';
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
    // The narratives save on their own as they are typed: keep what is stored for them.
    if (await form.submit((t) => saveTown(db, { ...t, rollingNarrative: town.rollingNarrative })))
      notify({ kind: 'success', text: 'Town details saved.' });
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
