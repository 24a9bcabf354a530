/**
 * Add or edit a training: a topic of a series, or a single course. Name, provider,
 * whether Sustainable CT provided it, whether it is on equity, how it was delivered,
 * and what it covered. Validated with the shared schema as the user types.
 */
import { useId } from 'react';
import { newId, putTraining } from '../../../db/repositories';
import type { AppDB } from '../../../db/schema';
import type { TrainingInput } from '../../../db/repositories';
import { deliveryLabels } from '../../../../shared/domain/labels';
import { trainingSchema } from '../../../../shared/domain/schema';
import type { Delivery, Series, Training } from '../../../../shared/domain/schema';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import type { FormErrors } from '../../lib/formErrors';
import { problemsSummary, useForm } from '../../lib/useForm';
import { useFocusField } from './useFocusField';

const deliveries = Object.keys(deliveryLabels) as Delivery[];

const deliveryHints: Record<Delivery, string> = {
  inPerson: 'Everyone in the same room.',
  liveVirtual: 'Online, at a set time, with a live trainer.',
  recorded: 'A recording watched at any time.',
};

/** Plainer words than the schema's generic "Must be one of …" for a choice not made yet. */
function friendlier(errors: FormErrors): FormErrors {
  const out = { ...errors };
  if (out.delivery?.startsWith('Must be one of')) out.delivery = 'Choose how the training was delivered';
  return out;
}

export interface TrainingDialogProps {
  db: AppDB;
  /** null: a new training. */
  training: Training | null;
  /** For a new training: the series it is a topic of (null: a single course). */
  seriesId: string | null;
  /** Every series, for the "Part of a series" choice. */
  allSeries: readonly Series[];
  onClose: () => void;
  onSaved: (training: Training, isNew: boolean) => void;
  focusField?: string | undefined;
}

export function TrainingDialog({
  db,
  training,
  seriesId,
  allSeries,
  onClose,
  onSaved,
  focusField,
}: TrainingDialogProps) {
  const initial: TrainingInput = training ?? {
    id: newId(),
    name: '',
    provider: seriesId !== null ? 'Sustainable CT' : '',
    // A series is Sustainable CT's own set of equity trainings; a single course is usually someone else's.
    providedBySustainableCT: seriesId !== null,
    isEquity: true,
    // Left unchosen on purpose: live or recorded decides Part 2 (P2.2), so the clerk must pick.
    delivery: '' as unknown as Delivery,
    description: '',
    seriesId,
  };
  const form = useForm(trainingSchema, initial);
  const { draft } = form;
  const errors = friendlier(form.errors);
  const summary = form.submitted ? problemsSummary(form.allErrors) : null;
  const bodyRef = useFocusField(focusField);
  const deliveryName = useId();
  const inSeries = (draft.seriesId ?? null) !== null;
  const noun = inSeries ? 'topic' : 'course';
  const seriesName = allSeries.find((s) => s.id === draft.seriesId)?.name;

  const save = async () => {
    const result: { saved?: Training } = {};
    const ok = await form.submit(async (t) => {
      result.saved = await putTraining(db, t);
    });
    if (ok && result.saved) onSaved(result.saved, training === null);
  };

  const title = training
    ? `Edit ${training.name}`
    : inSeries && seriesName
      ? `Add a topic to ${seriesName}`
      : 'Add a single course';

  return (
    <FormDialog
      wide
      title={title}
      description="Fields marked (optional) may stay empty. Add the dates it was held after saving."
      onClose={onClose}
      onSave={() => void save()}
      saving={form.saving}
      dirty={form.dirty}
      saveLabel={`Save ${noun}`}
      summary={summary}
      bodyRef={bodyRef}
    >
      <div className="grid-2">
        <TextField
          label="Training name"
          name="name"
          autoComplete="off"
          value={draft.name}
          onChange={(v) => form.set('name', v)}
          error={errors.name}
          required
        />
        <TextField
          label="Provider"
          name="provider"
          autoComplete="off"
          hint="The training entity, as the packet should name it."
          value={draft.provider ?? ''}
          onChange={(v) => form.set('provider', v)}
          error={errors.provider}
          required={false}
        />
        <SelectField
          label="Part of a series"
          name="seriesId"
          hint="A topic of a series counts toward Part 1 when the series is Sustainable CT’s."
          value={draft.seriesId ?? ''}
          onChange={(v) => form.set('seriesId', v === '' ? null : v)}
          options={[
            { value: '', label: 'No — a single course' },
            ...allSeries.map((s) => ({ value: s.id, label: s.name })),
          ]}
          error={errors.seriesId}
        />
        <div className="stack stack-tight">
          <CheckboxField
            label="Provided by Sustainable CT"
            name="providedBySustainableCT"
            checked={draft.providedBySustainableCT}
            onChange={(v) => form.set('providedBySustainableCT', v)}
            error={errors.providedBySustainableCT}
          />
          <CheckboxField
            label="The subject is equity"
            name="isEquity"
            hint="Both parts of the action count equity trainings only."
            checked={draft.isEquity}
            onChange={(v) => form.set('isEquity', v)}
            error={errors.isEquity}
          />
        </div>
      </div>
      <fieldset
        className="group choice-group"
        data-field="delivery"
        aria-describedby={errors.delivery ? `${deliveryName}-error` : undefined}
      >
        <legend>How was it delivered?</legend>
        <div className="choice-row">
          {deliveries.map((d) => (
            <label key={d} className="choice">
              <input
                type="radio"
                name="delivery"
                value={d}
                checked={draft.delivery === d}
                onChange={() => form.set('delivery', d)}
                aria-invalid={errors.delivery ? true : undefined}
              />
              <span>
                <strong>{deliveryLabels[d]}</strong>
                <span className="hint">{deliveryHints[d]}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.delivery ? (
          <p className="error" id={`${deliveryName}-error`}>
            {errors.delivery}
          </p>
        ) : null}
      </fieldset>
      <TextAreaField
        label="Description or agenda"
        name="description"
        hint="What was covered, in a few sentences, or paste the agenda. The packet prints it."
        value={draft.description ?? ''}
        onChange={(v) => form.set('description', v)}
        error={errors.description}
        required={false}
        rows={5}
      />
      {errors[''] ? <p className="error">{errors['']}</p> : null}
    </FormDialog>
  );
}
