/**
 * Program settings that change between program years (the 2020 flyer calls this
 * action 7.3, the 2024 list 1.2): the action's number and name, certification
 * levels and points, free coaching hours, Optimize for Equity counts per level.
 */
import { saveSettings } from '../../../db/repositories';
import type { AppDB } from '../../../db/schema';
import { settingsSchema } from '../../../../shared/domain/schema';
import type { Settings } from '../../../../shared/domain/schema';
import { NumberField, SelectField, TextField } from '../../components/Field';
import { ActionsHeader } from '../../components/RowActions';
import { SectionForm } from '../../components/SectionForm';
import { problemsSummary, useForm } from '../../lib/useForm';
import { notify } from '../../store/ui';

export function ProgramSettings({ db, settings }: { db: AppDB; settings: Settings }) {
  const form = useForm(settingsSchema, settings);
  const { draft, errors } = form;
  const levels = draft.levels ?? [];
  const needed = draft.optimizeForEquityNeeded ?? [];
  const summary = form.submitted ? problemsSummary(form.allErrors) : null;
  const changed = JSON.stringify(draft) !== JSON.stringify(settings);
  const levelOptions = levels
    .filter((l) => l.name.trim() !== '')
    .map((l) => ({ value: l.name, label: l.name }));

  const save = async () => {
    if (await form.submit((s) => saveSettings(db, s)))
      notify({ kind: 'success', text: 'Program settings saved.' });
  };

  return (
    <section className="card" aria-labelledby="settings-title">
      <h2 id="settings-title">Program settings</h2>
      <p className="hint">
        Sustainable CT renumbers and renames actions between program years. Check these against the current
        program year’s action list; the packet prints them as written here.
      </p>
      <SectionForm
        onSave={() => void save()}
        saving={form.saving}
        saveLabel="Save program settings"
        changed={changed}
        summary={summary}
      >
        <div className="grid-2">
          <TextField
            label="Action number"
            name="actionNumber"
            hint="e.g. 1.2"
            value={draft.actionNumber ?? ''}
            onChange={(v) => form.set('actionNumber', v)}
            error={errors.actionNumber}
          />
          <TextField
            label="Action name"
            name="actionName"
            value={draft.actionName ?? ''}
            onChange={(v) => form.set('actionName', v)}
            error={errors.actionName}
          />
        </div>
        <fieldset className="group">
          <legend>Certification levels</legend>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Level</th>
                  <th scope="col">Points needed</th>
                  <ActionsHeader />
                </tr>
              </thead>
              <tbody>
                {levels.map((l, i) => (
                  <tr key={i}>
                    <td>
                      <TextField
                        label={<span className="visually-hidden">Level {i + 1} name</span>}
                        name={`levels[${i}].name`}
                        value={l.name}
                        onChange={(v) =>
                          form.change(
                            { ...draft, levels: levels.map((x, j) => (j === i ? { ...x, name: v } : x)) },
                            `levels[${i}].name`,
                          )
                        }
                        error={errors[`levels[${i}].name`]}
                      />
                    </td>
                    <td>
                      <NumberField
                        label={<span className="visually-hidden">Points needed for level {i + 1}</span>}
                        name={`levels[${i}].pointsNeeded`}
                        value={l.pointsNeeded}
                        min={0}
                        step={1}
                        onChange={(v) =>
                          form.change(
                            {
                              ...draft,
                              levels: levels.map((x, j) =>
                                j === i ? { ...x, pointsNeeded: v as number } : x,
                              ),
                            },
                            `levels[${i}].pointsNeeded`,
                          )
                        }
                        error={errors[`levels[${i}].pointsNeeded`]}
                      />
                    </td>
                    <td className="actions">
                      <button
                        type="button"
                        className="btn btn-small btn-danger"
                        onClick={() =>
                          form.change({ ...draft, levels: levels.filter((_, j) => j !== i) }, 'levels')
                        }
                      >
                        Remove<span className="visually-hidden"> level {l.name || i + 1}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="row">
            <button
              type="button"
              className="btn btn-small"
              onClick={() => form.change({ ...draft, levels: [...levels, { name: '', pointsNeeded: 0 }] })}
            >
              Add a level
            </button>
          </div>
          {errors.levels ? <p className="error">{errors.levels}</p> : null}
        </fieldset>
        <div className="grid-2">
          <SelectField
            label="This action is required for"
            name="requiredForLevel"
            value={draft.requiredForLevel ?? ''}
            placeholder="No level"
            options={levelOptions}
            onChange={(v) => form.set('requiredForLevel', v)}
            error={errors.requiredForLevel}
          />
          <NumberField
            label="Free equity coaching hours"
            name="freeCoachingHours"
            hint="Per municipality, as offered by Sustainable CT."
            value={draft.freeCoachingHours ?? null}
            min={0}
            step={0.25}
            onChange={(v) => form.set('freeCoachingHours', v as number)}
            error={errors.freeCoachingHours}
          />
        </div>
        <fieldset className="group">
          <legend>Optimize for Equity: actions needed per level</legend>
          {needed.map((n, i) => (
            <div className="row" key={i}>
              <SelectField
                label={`Level ${i + 1}`}
                name={`optimizeForEquityNeeded[${i}].level`}
                value={n.level}
                placeholder="Choose a level…"
                options={levelOptions}
                onChange={(v) =>
                  form.change(
                    {
                      ...draft,
                      optimizeForEquityNeeded: needed.map((x, j) => (j === i ? { ...x, level: v } : x)),
                    },
                    `optimizeForEquityNeeded[${i}].level`,
                  )
                }
                error={errors[`optimizeForEquityNeeded[${i}].level`]}
              />
              <NumberField
                label="Actions needed"
                name={`optimizeForEquityNeeded[${i}].actions`}
                value={n.actions}
                min={0}
                step={1}
                onChange={(v) =>
                  form.change(
                    {
                      ...draft,
                      optimizeForEquityNeeded: needed.map((x, j) =>
                        j === i ? { ...x, actions: v as number } : x,
                      ),
                    },
                    `optimizeForEquityNeeded[${i}].actions`,
                  )
                }
                error={errors[`optimizeForEquityNeeded[${i}].actions`]}
              />
              <button
                type="button"
                className="btn btn-small btn-danger"
                onClick={() =>
                  form.change(
                    { ...draft, optimizeForEquityNeeded: needed.filter((_, j) => j !== i) },
                    'optimizeForEquityNeeded',
                  )
                }
              >
                Remove<span className="visually-hidden"> row {i + 1}</span>
              </button>
            </div>
          ))}
          <div className="row">
            <button
              type="button"
              className="btn btn-small"
              onClick={() =>
                form.change({ ...draft, optimizeForEquityNeeded: [...needed, { level: '', actions: 1 }] })
              }
            >
              Add a row
            </button>
          </div>
        </fieldset>
      </SectionForm>
    </section>
  );
}
