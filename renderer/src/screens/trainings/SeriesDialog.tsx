/**
 * Add or edit a series: its name and description. Its topics and their sessions
 * are added one at a time after it is saved (each save is whole on its own).
 */
import { newId, putSeries } from '../../../db/repositories';
import type { AppDB } from '../../../db/schema';
import { seriesSchema } from '../../../../shared/domain/schema';
import type { Series } from '../../../../shared/domain/schema';
import { TextAreaField, TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { problemsSummary, useForm } from '../../lib/useForm';
import { useFocusField } from './useFocusField';

export interface SeriesDialogProps {
  db: AppDB;
  /** null: a new series. */
  series: Series | null;
  onClose: () => void;
  /** Called after a save, with what was saved and whether it was new. */
  onSaved: (series: Series, isNew: boolean) => void;
  focusField?: string | undefined;
}

export function SeriesDialog({ db, series, onClose, onSaved, focusField }: SeriesDialogProps) {
  const form = useForm(seriesSchema, series ?? { id: newId(), name: '', description: '' });
  const { draft, errors } = form;
  const summary = form.submitted ? problemsSummary(form.allErrors) : null;
  const bodyRef = useFocusField(focusField);

  const save = async () => {
    const result: { saved?: Series } = {};
    const ok = await form.submit(async (s) => {
      result.saved = await putSeries(db, s);
    });
    if (ok && result.saved) onSaved(result.saved, series === null);
  };

  return (
    <FormDialog
      title={series ? `Edit ${series.name}` : 'Add a series'}
      description={
        series
          ? undefined
          : 'A set of equity trainings offered together, such as Sustainable CT’s yearly series. Add its topics next.'
      }
      onClose={onClose}
      onSave={() => void save()}
      saving={form.saving}
      dirty={form.dirty}
      saveLabel="Save series"
      summary={summary}
      bodyRef={bodyRef}
    >
      <TextField
        label="Series name"
        name="name"
        autoComplete="off"
        hint="e.g. Sustainable CT 2025 Equity Training Series"
        value={draft.name}
        onChange={(v) => form.set('name', v)}
        error={errors.name}
        required
      />
      <TextAreaField
        label="Description"
        name="description"
        value={draft.description ?? ''}
        onChange={(v) => form.set('description', v)}
        error={errors.description}
        required={false}
        rows={3}
      />
      {errors[''] ? <p className="error">{errors['']}</p> : null}
    </FormDialog>
  );
}
