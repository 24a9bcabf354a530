/**
 * Certification history (T.3): each past certification, its level, when it
 * expires (three years after the award), and which evidence already earned
 * credit — a series for Part 1, a session for Part 2.
 */
import { useState } from 'react';
import { deleteCertification, newId, putCertification } from '../../../db/repositories';
import type { AppDB } from '../../../db/schema';
import { certificationSchema } from '../../../../shared/domain/schema';
import type { Certification, CreditedEvidence, TownData } from '../../../../shared/domain/schema';
import { EmptyState } from '../../components/EmptyState';
import { CheckboxField, NumberField, SelectField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { ActionsHeader, RowActions } from '../../components/RowActions';
import { useDeleteWithUndo } from '../../lib/useDeleteWithUndo';
import { problemsSummary, useForm } from '../../lib/useForm';
import { notify } from '../../store/ui';
import { longDate } from '../trainings/catalog';

/** A certification awarded in year N expires on 31 December of N + 3 (T.3). */
export const expiresIn = (yearAwarded: number): number => yearAwarded + 3;

function creditedLabel(e: CreditedEvidence, data: TownData): string {
  if (e.part === 'part1') {
    const s = data.series.find((x) => x.id === e.seriesId);
    return `Part 1: ${s?.name ?? 'a series no longer on file'}`;
  }
  const session = data.sessions.find((x) => x.id === e.sessionId);
  const training = session ? data.trainings.find((t) => t.id === session.trainingId) : undefined;
  return `Part 2: ${training?.name ?? 'a session no longer on file'}${session ? `, ${longDate(session.date)}` : ''}`;
}

export function Certifications({ db, data }: { db: AppDB; data: TownData }) {
  const [editing, setEditing] = useState<Certification | null | undefined>(undefined);
  const del = useDeleteWithUndo(db);
  return (
    <section className="card" aria-labelledby="certs-title">
      <div className="card-header">
        <h2 id="certs-title">Certification history</h2>
        <button type="button" className="btn" onClick={() => setEditing(null)}>
          Add a past certification
        </button>
      </div>
      <p className="hint">
        A certification expires three years after the year it was awarded. When you apply in that year,
        evidence that already earned credit can only earn rolling credit (rule T.3), so note here which series
        or session it was.
      </p>
      {data.certifications.length === 0 ? (
        <EmptyState title="No past certifications" level={3}>
          <p>If your town has never been certified by Sustainable CT, leave this empty.</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Year awarded</th>
                <th scope="col">Level</th>
                <th scope="col">Expires</th>
                <th scope="col">Evidence that earned credit</th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {data.certifications.map((c) => (
                <tr key={c.id} data-record-id={c.id}>
                  <th scope="row">{c.yearAwarded}</th>
                  <td>{c.level}</td>
                  <td>End of {expiresIn(c.yearAwarded)}</td>
                  <td>
                    {c.credited.length === 0 ? (
                      <span className="muted">None noted</span>
                    ) : (
                      <ul className="plain-list">
                        {c.credited.map((e, i) => (
                          <li key={i}>{creditedLabel(e, data)}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <RowActions
                    name={`the ${c.yearAwarded} certification`}
                    onEdit={() => setEditing(c)}
                    onDelete={() =>
                      del.ask({
                        title: `Delete the ${c.yearAwarded} certification?`,
                        message: (
                          <p>
                            The {c.level} certification awarded in {c.yearAwarded} will be removed from the
                            history.
                          </p>
                        ),
                        confirmLabel: 'Delete certification',
                        run: () => deleteCertification(db, c.id),
                        done: `The ${c.yearAwarded} certification was deleted.`,
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
        <CertificationDialog db={db} data={data} cert={editing} onClose={() => setEditing(undefined)} />
      ) : null}
      {del.dialog}
    </section>
  );
}

function CertificationDialog({
  db,
  data,
  cert,
  onClose,
}: {
  db: AppDB;
  data: TownData;
  cert: Certification | null;
  onClose: () => void;
}) {
  const form = useForm(
    certificationSchema,
    cert ?? {
      id: newId(),
      yearAwarded: data.town.certificationYear - 3,
      level: data.settings.levels[0]?.name ?? '',
      credited: [],
    },
  );
  const { draft, errors } = form;
  const credited = draft.credited ?? [];
  const summary = form.submitted ? problemsSummary(form.allErrors) : null;
  const has = (e: CreditedEvidence) =>
    credited.some((x) =>
      x.part === 'part1' && e.part === 'part1'
        ? x.seriesId === e.seriesId
        : x.part === 'part2' && e.part === 'part2' && x.sessionId === e.sessionId,
    );
  const toggle = (e: CreditedEvidence, on: boolean) =>
    form.change(
      {
        ...draft,
        credited: on ? [...credited, e] : credited.filter((x) => JSON.stringify(x) !== JSON.stringify(e)),
      },
      'credited',
    );
  const trainingName = (id: string) => data.trainings.find((t) => t.id === id)?.name ?? 'Training';

  const save = async () => {
    if (await form.submit((c) => putCertification(db, c))) {
      onClose();
      notify({ kind: 'success', text: 'Certification saved.' });
    }
  };

  return (
    <FormDialog
      wide
      title={cert ? `Edit the ${cert.yearAwarded} certification` : 'Add a past certification'}
      onClose={onClose}
      onSave={() => void save()}
      saving={form.saving}
      dirty={form.dirty}
      saveLabel="Save certification"
      summary={summary}
    >
      <div className="grid-2">
        <NumberField
          label="Year awarded"
          name="yearAwarded"
          hint={
            typeof draft.yearAwarded === 'number'
              ? `Expires at the end of ${expiresIn(draft.yearAwarded)}.`
              : undefined
          }
          value={draft.yearAwarded}
          min={2000}
          max={2200}
          step={1}
          onChange={(v) => form.set('yearAwarded', v as number)}
          error={errors.yearAwarded}
        />
        <SelectField
          label="Level"
          name="level"
          value={draft.level}
          placeholder="Choose a level…"
          options={data.settings.levels.map((l) => ({ value: l.name, label: l.name }))}
          onChange={(v) => form.set('level', v)}
          error={errors.level}
        />
      </div>
      <fieldset className="group">
        <legend>Part 1: which series earned credit?</legend>
        {data.series.length === 0 ? <p className="muted">No series on file.</p> : null}
        {data.series.map((s) => {
          const e: CreditedEvidence = { part: 'part1', seriesId: s.id };
          return (
            <CheckboxField key={s.id} label={s.name} checked={has(e)} onChange={(on) => toggle(e, on)} />
          );
        })}
      </fieldset>
      <fieldset className="group">
        <legend>Part 2: which session earned credit?</legend>
        {data.sessions.length === 0 ? <p className="muted">No sessions on file.</p> : null}
        {data.sessions.map((s) => {
          const e: CreditedEvidence = { part: 'part2', sessionId: s.id };
          return (
            <CheckboxField
              key={s.id}
              label={`${trainingName(s.trainingId)} — ${longDate(s.date)}`}
              checked={has(e)}
              onChange={(on) => toggle(e, on)}
            />
          );
        })}
      </fieldset>
      {errors.credited ? <p className="error">{errors.credited}</p> : null}
      {errors[''] ? <p className="error">{errors['']}</p> : null}
    </FormDialog>
  );
}
