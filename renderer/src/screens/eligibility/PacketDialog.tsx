/**
 * The Create packet dialog: the copy to submit (the default) or the town's file
 * copy with "How the town checked eligibility" appended; then, once the packet is
 * saved, "Mark as submitted" to keep exactly those bytes, the evaluation they show
 * and the records they came from (the History screen lists them).
 */
import { useState } from 'react';
import { addSubmission, newId } from '../../../db/repositories';
import type { AppDB } from '../../../db/schema';
import { certificationRoundLabels } from '../../../../shared/domain/labels';
import type { TownData } from '../../../../shared/domain/schema';
import type { Evaluation } from '../../../../shared/rules/evaluation';
import { buildSubmission } from '../../../../shared/submissions';
import type { CertificationRound } from '../../../../shared/submissions';
import { DateField } from '../../components/DateField';
import { Dialog } from '../../components/Dialog';
import { CheckboxField, SelectField, TextField } from '../../components/Field';
import { today } from '../../lib/today';
import { notify, useUi } from '../../store/ui';
import { plural } from './format';
import type { CreatedPacket, PacketAction } from './usePacket';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function PacketDialog({
  packet,
  data,
  evaluation,
  db,
}: {
  packet: PacketAction;
  data: TownData;
  evaluation: Evaluation;
  db: AppDB;
}) {
  const [appendix, setAppendix] = useState(false);
  const [created, setCreated] = useState<CreatedPacket | null>(null);
  const [submittedOn, setSubmittedOn] = useState<string | null>(today());
  const [submittedBy, setSubmittedBy] = useState(data.town.preparedBy);
  const [round, setRound] = useState<CertificationRound>(data.town.certificationRound);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const navigate = useUi((s) => s.navigate);

  const close = () => {
    packet.setDialogOpen(false);
    setCreated(null);
    setAppendix(false);
    setError(undefined);
  };

  const create = async () => {
    const made = await packet.create({ appendix });
    if (made) setCreated(made);
  };

  const markSubmitted = async () => {
    if (!created || saving) return;
    if (submittedOn === null) {
      setError('Enter the day you submitted the packet.');
      return;
    }
    setSaving(true);
    try {
      await addSubmission(
        db,
        buildSubmission({
          id: newId(),
          data: created.data,
          evaluation: created.evaluation,
          round,
          submittedOn,
          submittedBy,
          fileName: created.fileName,
          pdf: created.bytes,
        }),
      );
      notify({
        kind: 'success',
        text: `Marked as submitted for ${created.evaluation.certificationYear}. The History screen keeps this packet as it is.`,
      });
      close();
      navigate({ screen: 'history' });
    } catch (e) {
      setError(`The submission could not be saved: ${message(e)}. Nothing was changed.`);
    } finally {
      setSaving(false);
    }
  };

  const gaps = evaluation.gaps.length;
  const canMark = created !== null && !created.appendix;

  return (
    <Dialog
      open={packet.dialogOpen}
      title="Create packet"
      description={`The submission packet for certification year ${evaluation.certificationYear}, as a PDF.`}
      onClose={close}
      footer={
        <div className="form-actions">
          <button type="button" className="btn" onClick={close}>
            {created ? 'Close' : 'Cancel'}
          </button>
          {canMark ? (
            <button
              type="button"
              className="btn btn-primary"
              aria-disabled={saving || undefined}
              onClick={() => void markSubmitted()}
            >
              Mark as submitted
            </button>
          ) : (
            <button
              type="button"
              className="btn btn-primary"
              aria-disabled={packet.busy || undefined}
              onClick={() => {
                if (!packet.busy) void create();
              }}
            >
              {packet.busy ? 'Creating the packet…' : 'Create and save the packet'}
            </button>
          )}
        </div>
      }
    >
      {gaps > 0 ? (
        <p className="notice notice-warning">
          {plural(gaps, 'item is', 'items are')} still missing: the packet will be marked DRAFT on every page
          and start with a “Before you submit” list.
        </p>
      ) : null}
      {created === null ? (
        <CheckboxField
          name="appendix"
          label="Add “How the town checked eligibility” as an appendix"
          hint="For the town’s file copy: the app’s reasons with rule numbers and what was not counted. Leave it off for the copy you submit."
          checked={appendix}
          onChange={setAppendix}
        />
      ) : created.appendix ? (
        <p role="status">
          Saved {created.fileName}, the town’s file copy. To mark a packet as submitted, create it again
          without the appendix: that is the copy Sustainable CT receives.
        </p>
      ) : (
        <div className="stack">
          <p role="status">
            Saved {created.fileName}. Once you have uploaded it on the Sustainable CT portal, mark it as
            submitted: the app keeps this exact file, what the evaluation said and the records it came from.
          </p>
          <div className="grid-2">
            <DateField
              label="Day submitted"
              name="submittedOn"
              value={submittedOn}
              onChange={setSubmittedOn}
              error={error}
            />
            <TextField
              label="Submitted by"
              name="submittedBy"
              value={submittedBy}
              onChange={setSubmittedBy}
            />
            <SelectField
              label="Certification round"
              name="round"
              value={round}
              options={[
                { value: 'spring', label: certificationRoundLabels.spring },
                { value: 'fall', label: certificationRoundLabels.fall },
              ]}
              onChange={(v) => setRound(v === 'fall' ? 'fall' : 'spring')}
            />
          </div>
        </div>
      )}
    </Dialog>
  );
}
