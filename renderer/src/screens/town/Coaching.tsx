/** Equity coaching hours used, against the free hours Sustainable CT offers each municipality. */
import { useState } from 'react';
import { deleteCoaching, newId, putCoaching } from '../../../db/repositories';
import type { AppDB } from '../../../db/schema';
import { coachingEntrySchema } from '../../../../shared/domain/schema';
import type { CoachingEntry, TownData } from '../../../../shared/domain/schema';
import type { Evaluation } from '../../../../shared/rules/evaluation';
import { DateField } from '../../components/DateField';
import { NumberField, TextAreaField, TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { ActionsHeader, RowActions } from '../../components/RowActions';
import { useDeleteWithUndo } from '../../lib/useDeleteWithUndo';
import { problemsSummary, useForm } from '../../lib/useForm';
import { today } from '../../lib/today';
import { notify } from '../../store/ui';

const hours = (n: number) => `${n} hour${n === 1 ? '' : 's'}`;

export function Coaching({ db, data, evaluation }: { db: AppDB; data: TownData; evaluation: Evaluation }) {
  const [editing, setEditing] = useState<CoachingEntry | null | undefined>(undefined);
  const del = useDeleteWithUndo(db);
  const { hoursUsed, freeHours, overFreeHours } = evaluation.coaching;
  return (
    <section className="card" aria-labelledby="coaching-title">
      <div className="card-header">
        <h2 id="coaching-title">Equity coaching</h2>
        <button
          type="button"
          className="btn"
          onClick={() => setEditing(null)}
          // Where "Change … on the Town screen" (Eligibility) lands: the section's first control.
          data-field="coaching"
        >
          Add coaching hours
        </button>
      </div>
      <p>
        <strong>{hours(hoursUsed)}</strong> used of {hours(freeHours)} free.
      </p>
      {overFreeHours ? (
        <p className="notice notice-warning">
          <strong>Warning:</strong> the town has used more than the {hours(freeHours)} of free coaching. Check
          with Sustainable CT whether the extra hours are billed.
        </p>
      ) : null}
      {data.coaching.length === 0 ? (
        <p className="muted">
          No coaching recorded. Add hours if your town met with a Sustainable CT equity coach.
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col" className="num">
                  Hours
                </th>
                <th scope="col">Coach</th>
                <th scope="col">Note</th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {data.coaching.map((c) => (
                <tr key={c.id} data-record-id={c.id}>
                  <th scope="row">{c.date}</th>
                  <td className="num">{c.hours}</td>
                  <td>{c.coach}</td>
                  <td>{c.note}</td>
                  <RowActions
                    name={`coaching on ${c.date}`}
                    onEdit={() => setEditing(c)}
                    onDelete={() =>
                      del.ask({
                        title: `Delete the coaching on ${c.date}?`,
                        message: (
                          <p>
                            {hours(c.hours)} of coaching on {c.date} will be removed.
                          </p>
                        ),
                        confirmLabel: 'Delete coaching',
                        run: () => deleteCoaching(db, c.id),
                        done: `Coaching on ${c.date} deleted.`,
                      })
                    }
                  />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing !== undefined ? (
        <CoachingDialog db={db} entry={editing} onClose={() => setEditing(undefined)} />
      ) : null}
      {del.dialog}
    </section>
  );
}

function CoachingDialog({
  db,
  entry,
  onClose,
}: {
  db: AppDB;
  entry: CoachingEntry | null;
  onClose: () => void;
}) {
  const form = useForm(
    coachingEntrySchema,
    entry ?? { id: newId(), date: today(), hours: 1, coach: '', note: '' },
  );
  const { draft, errors } = form;
  const summary = form.submitted ? problemsSummary(form.allErrors) : null;
  const save = async () => {
    if (await form.submit((c) => putCoaching(db, c))) {
      onClose();
      notify({ kind: 'success', text: 'Coaching hours saved.' });
    }
  };
  return (
    <FormDialog
      title={entry ? 'Edit coaching hours' : 'Add coaching hours'}
      onClose={onClose}
      onSave={() => void save()}
      saving={form.saving}
      dirty={form.dirty}
      saveLabel="Save coaching"
      summary={summary}
    >
      <DateField
        label="Date"
        name="date"
        value={draft.date || null}
        onChange={(v) => form.set('date', v ?? '')}
        error={errors.date}
      />
      <NumberField
        label="Hours"
        name="hours"
        hint="Quarter hours are fine, e.g. 1.5"
        value={draft.hours}
        min={0.25}
        step={0.25}
        onChange={(v) => form.set('hours', v as number)}
        error={errors.hours}
      />
      <TextField
        label="Coach"
        name="coach"
        value={draft.coach ?? ''}
        onChange={(v) => form.set('coach', v)}
        error={errors.coach}
        required={false}
      />
      <TextAreaField
        label="Note"
        name="note"
        value={draft.note ?? ''}
        onChange={(v) => form.set('note', v)}
        error={errors.note}
        required={false}
        rows={3}
      />
    </FormDialog>
  );
}
