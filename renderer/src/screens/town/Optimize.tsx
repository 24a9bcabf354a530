/** Optimize for Equity: the actions the town applied the collaboration process to, and the level that reaches. */
import { useState } from 'react';
import { deleteOptimize, newId, putOptimize } from '../../../db/repositories';
import type { AppDB } from '../../../db/schema';
import { optimizeForEquitySchema } from '../../../../shared/domain/schema';
import type { OptimizeForEquityEntry, TownData } from '../../../../shared/domain/schema';
import type { Evaluation } from '../../../../shared/rules/evaluation';
import { TextAreaField, TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { ActionsHeader, RowActions } from '../../components/RowActions';
import { useDeleteWithUndo } from '../../lib/useDeleteWithUndo';
import { problemsSummary, useForm } from '../../lib/useForm';
import { notify } from '../../store/ui';

export function Optimize({ db, data, evaluation }: { db: AppDB; data: TownData; evaluation: Evaluation }) {
  const [editing, setEditing] = useState<OptimizeForEquityEntry | null | undefined>(undefined);
  const del = useDeleteWithUndo(db);
  const o = evaluation.optimizeForEquity;
  const actions = (n: number) => `${n} action${n === 1 ? '' : 's'}`;
  return (
    <section className="card" aria-labelledby="optimize-title">
      <div className="card-header">
        <h2 id="optimize-title">Optimize for Equity</h2>
        <button
          type="button"
          className="btn"
          onClick={() => setEditing(null)}
          // Where "Change … on the Town screen" (Eligibility) lands: the section's first control.
          data-field="optimizeForEquity"
        >
          Add an action
        </button>
      </div>
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
      {data.optimizeForEquity.length === 0 ? (
        <p className="muted">
          No actions yet. Add each Sustainable CT action your town applied Optimize for Equity to.
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Note</th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {data.optimizeForEquity.map((a) => {
                const label = `${a.actionNumber ? `${a.actionNumber} ` : ''}${a.actionName}`;
                return (
                  <tr key={a.id} data-record-id={a.id}>
                    <th scope="row">{label}</th>
                    <td>{a.note}</td>
                    <RowActions
                      name={label}
                      onEdit={() => setEditing(a)}
                      onDelete={() =>
                        del.ask({
                          title: `Delete “${label}”?`,
                          message: <p>“{label}” will be removed from the Optimize for Equity list.</p>,
                          confirmLabel: 'Delete action',
                          run: () => deleteOptimize(db, a.id),
                          done: `“${label}” deleted.`,
                        })
                      }
                    />
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {editing !== undefined ? (
        <OptimizeDialog db={db} entry={editing} onClose={() => setEditing(undefined)} />
      ) : null}
      {del.dialog}
    </section>
  );
}

function OptimizeDialog({
  db,
  entry,
  onClose,
}: {
  db: AppDB;
  entry: OptimizeForEquityEntry | null;
  onClose: () => void;
}) {
  const form = useForm(
    optimizeForEquitySchema,
    entry ?? { id: newId(), actionNumber: '', actionName: '', note: '' },
  );
  const { draft, errors } = form;
  const summary = form.submitted ? problemsSummary(form.allErrors) : null;
  const save = async () => {
    if (await form.submit((a) => putOptimize(db, a))) {
      onClose();
      notify({ kind: 'success', text: 'Optimize for Equity action saved.' });
    }
  };
  return (
    <FormDialog
      title={entry ? 'Edit the action' : 'Add an Optimize for Equity action'}
      onClose={onClose}
      onSave={() => void save()}
      saving={form.saving}
      dirty={form.dirty}
      saveLabel="Save action"
      summary={summary}
    >
      <TextField
        label="Action number"
        name="actionNumber"
        hint="As in the current program year’s list, e.g. 2.1"
        value={draft.actionNumber ?? ''}
        onChange={(v) => form.set('actionNumber', v)}
        error={errors.actionNumber}
        required={false}
      />
      <TextField
        label="Action name"
        name="actionName"
        value={draft.actionName}
        onChange={(v) => form.set('actionName', v)}
        error={errors.actionName}
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
