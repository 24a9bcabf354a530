/**
 * Eligibility: what the rules engine makes of the town's records, updated live as
 * they change. The total out of 15, both parts side by side (status, points,
 * credit, completion date, evidence, reasons), the readiness gaps with a "Fix"
 * for each, action-wide warnings, coaching and Optimize for Equity, and
 * "Create packet". It only displays the evaluation: no rule is decided here.
 */
import { PageHeader } from '../components/PageHeader';
import { AroundTheAction } from './eligibility/AroundTheAction';
import { Gaps } from './eligibility/Gaps';
import { Part1Card } from './eligibility/Part1Card';
import { Part2Card } from './eligibility/Part2Card';
import { Summary } from './eligibility/Summary';
import { Warnings } from './eligibility/Warnings';
import { PacketDialog } from './eligibility/PacketDialog';
import { usePacket } from './eligibility/usePacket';
import './eligibility/eligibility.css';
import type { ScreenProps } from './types';

export function EligibilityScreen({ data, evaluation, db }: ScreenProps) {
  const packet = usePacket(data, evaluation);
  const { actionNumber, actionName } = data.settings;

  const createButton = (
    <button
      type="button"
      className="btn btn-primary"
      aria-disabled={packet.busy || undefined}
      aria-describedby="elig-packet-hint"
      onClick={() => {
        // aria-disabled rather than disabled keeps keyboard focus on the button while it works.
        if (!packet.busy) packet.setDialogOpen(true);
      }}
    >
      {packet.busy ? (
        <>
          <span className="elig-spinner" aria-hidden="true" />
          Creating the packet…
        </>
      ) : (
        'Create packet…'
      )}
    </button>
  );

  return (
    <div className="page elig">
      <PageHeader
        title="Eligibility"
        lead={`What your records earn for “${actionName}” (action ${actionNumber}). This updates as soon as you change a record.`}
        actions={
          <div className="elig-packet">
            {createButton}
            <span id="elig-packet-hint" className="small muted">
              A PDF with everything to submit; then mark it as submitted
            </span>
          </div>
        }
      />
      <Summary evaluation={evaluation} asOfIsToday={data.town.asOfDate === null} />
      <Warnings warnings={evaluation.warnings} />
      <Gaps gaps={evaluation.gaps} />
      <div className="elig-grid elig-parts">
        <Part1Card part={evaluation.part1} />
        <Part2Card part={evaluation.part2} />
      </div>
      <AroundTheAction evaluation={evaluation} />
      <PacketDialog packet={packet} data={data} evaluation={evaluation} db={db} />
    </div>
  );
}
