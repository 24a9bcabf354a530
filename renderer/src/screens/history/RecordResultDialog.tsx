/** "Record the result": Sustainable CT's answer to one submission, which becomes the town's certification record. */
import { useState } from 'react';
import { recordSubmissionResult } from '../../../db/repositories';
import type { AppDB } from '../../../db/schema';
import type { Settings, Submission } from '../../../../shared/domain/schema';
import { Dialog } from '../../components/Dialog';
import { CheckboxField, NumberField, SelectField } from '../../components/Field';
import { today } from '../../lib/today';
import { notify } from '../../store/ui';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function RecordResultDialog({
  db,
  submission,
  settings,
  onClose,
}: {
  db: AppDB;
  submission: Submission;
  settings: Settings;
  onClose: () => void;
}) {
  const r = submission.result;
  const ev = submission.evaluation;
  const [awarded, setAwarded] = useState(r ? r.awarded : true);
  const [level, setLevel] = useState(r?.level || settings.levels[0]?.name || '');
  const [year, setYear] = useState<number | null>(r?.yearAwarded ?? submission.certificationYear);
  const [part1, setPart1] = useState(r ? r.credited.part1 : ev.part1.evidence !== null);
  const [part2, setPart2] = useState(r ? r.credited.part2 : ev.part2.evidence !== null);
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  const save = async () => {
    if (saving) return;
    if (year === null) {
      setError('Enter the year of the award.');
      return;
    }
    setSaving(true);
    try {
      const out = await recordSubmissionResult(db, submission.id, {
        awarded,
        level: awarded ? level : '',
        yearAwarded: year,
        credited: { part1: awarded && part1, part2: awarded && part2 },
        recordedOn: today(),
      });
      const text = out.certification
        ? `Result recorded: ${out.certification.level} in ${out.certification.yearAwarded}. The certification record now credits ${out.certification.credited.length === 0 ? 'no part' : out.certification.credited.map((c) => (c.part === 'part1' ? 'Part 1' : 'Part 2')).join(' and ')}.`
        : 'Result recorded: not awarded.';
      notify({
        kind: 'success',
        text: out.dropped.length > 0 ? `${text} Not carried over: ${out.dropped.join('; ')}.` : text,
      });
      onClose();
    } catch (e) {
      setError(`The result could not be saved: ${message(e)}. Nothing was changed.`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog
      open
      title="Record the result"
      description={`Sustainable CT's answer to the ${submission.certificationYear} submission. An award becomes the town's certification record, with the credited evidence taken from this submission.`}
      onClose={onClose}
      onSubmit={() => void save()}
      footer={
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" aria-disabled={saving || undefined}>
            Save the result
          </button>
        </div>
      }
    >
      <div className="grid-2">
        <SelectField
          label="Result"
          name="awarded"
          value={awarded ? 'yes' : 'no'}
          options={[
            { value: 'yes', label: 'Awarded' },
            { value: 'no', label: 'Not awarded' },
          ]}
          onChange={(v) => setAwarded(v === 'yes')}
        />
        {awarded ? (
          <SelectField
            label="Level"
            name="level"
            value={level}
            options={settings.levels.map((l) => ({ value: l.name, label: l.name }))}
            onChange={setLevel}
          />
        ) : (
          <div />
        )}
        <NumberField
          label="Year of the award"
          name="yearAwarded"
          value={year}
          min={2000}
          max={2200}
          step={1}
          onChange={setYear}
          error={error}
        />
      </div>
      {awarded ? (
        <fieldset className="group">
          <legend>Parts credited for this action</legend>
          <CheckboxField
            name="creditedPart1"
            label={`Part 1${ev.part1.evidence ? ` — ${ev.part1.evidence.name}` : ' (nothing was submitted)'}`}
            checked={part1}
            disabled={ev.part1.evidence === null}
            onChange={setPart1}
          />
          <CheckboxField
            name="creditedPart2"
            label={`Part 2${ev.part2.evidence ? ` — ${ev.part2.evidence.name}` : ' (nothing was submitted)'}`}
            checked={part2}
            disabled={ev.part2.evidence === null}
            onChange={setPart2}
          />
        </fieldset>
      ) : null}
    </Dialog>
  );
}
