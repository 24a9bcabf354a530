/**
 * History: the town's certification cycles as a timeline, newest first. Each
 * submission with its status, the frozen packet to save again byte for byte, what
 * the evaluation said then, and "Record the result"; above them, what comes next
 * and what changed in the records since the last submission. It only displays
 * what shared/submissions computes.
 */
import { useMemo, useState } from 'react';
import { certificationRoundLabels, creditLabels, statusLabels } from '../../../../shared/domain/labels';
import type { Submission } from '../../../../shared/domain/schema';
import {
  compareWithSubmission,
  newestFirst,
  packetBytes,
  recordsOf,
  submissionStatus,
  whatComesNext,
} from '../../../../shared/submissions';
import type { ChangeList, FrozenPart } from '../../../../shared/submissions';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { savePdf } from '../../platform';
import { notify, useUi } from '../../store/ui';
import { longDate, plural, reasonKindWords } from '../eligibility/format';
import type { ScreenProps } from '../types';
import { RecordResultDialog } from './RecordResultDialog';
import './history.css';

function partLine(title: string, p: FrozenPart, credited: boolean | null): string {
  const credit = p.credit ? `, ${creditLabels[p.credit].toLowerCase()}` : '';
  const what = p.evidence ? ` — ${p.evidence.name}` : '';
  const result = credited === null ? '' : credited ? ' · credited' : ' · not credited';
  return `${title}: ${statusLabels[p.status]}${credit}, ${p.points} of ${p.maxPoints} points${what}${result}`;
}

async function saveAgain(s: Submission) {
  try {
    const result = await savePdf(s.packet.fileName, packetBytes(s));
    if (result.status === 'saved')
      notify({ kind: 'success', text: `Saved the packet as submitted: ${result.fileName}.` });
    else if (result.status === 'error')
      notify({ kind: 'error', text: `The packet could not be saved: ${result.message}` });
  } catch (e) {
    notify({
      kind: 'error',
      text: `The packet could not be read: ${e instanceof Error ? e.message : String(e)}`,
    });
  }
}

function Changes({ title, list }: { title: string; list: ChangeList }) {
  if (list.added.length === 0 && list.removed.length === 0) return null;
  return (
    <div>
      <h3>{title}</h3>
      <ul className="plain-list">
        {list.added.map((n) => (
          <li key={`+${n}`}>Added: {n}</li>
        ))}
        {list.removed.map((n) => (
          <li key={`-${n}`}>Removed: {n}</li>
        ))}
      </ul>
    </div>
  );
}

function SubmissionCard({ s, onRecord }: { s: Submission; onRecord: () => void }) {
  const ev = s.evaluation;
  const r = s.result;
  const awarded = r?.awarded === true;
  return (
    <article className="card history-item" aria-labelledby={`sub-${s.id}`}>
      <div className="card-header">
        <h3 id={`sub-${s.id}`}>
          {s.certificationYear} · {certificationRoundLabels[s.round]} · {submissionStatus(s)}
        </h3>
        <div className="row">
          <button type="button" className="btn btn-small" onClick={() => void saveAgain(s)}>
            Save the packet as submitted
          </button>
          <button type="button" className="btn btn-small btn-primary" onClick={onRecord}>
            {r ? 'Change the result…' : 'Record the result…'}
          </button>
        </div>
      </div>
      <ul className="plain-list">
        <li>
          Submitted {longDate(s.submittedOn)}
          {s.submittedBy ? ` by ${s.submittedBy}` : ''} · {s.packet.fileName} (
          {Math.max(1, Math.round(s.packet.byteLength / 1024))} KB)
        </li>
        <li>{partLine('Part 1', ev.part1, awarded ? r.credited.part1 : null)}</li>
        <li>{partLine('Part 2', ev.part2, awarded ? r.credited.part2 : null)}</li>
        {r ? (
          <li>
            Result recorded {longDate(r.recordedOn)}:{' '}
            {r.awarded ? `${r.level}, ${r.yearAwarded}` : 'not awarded'}
          </li>
        ) : null}
      </ul>
      <details>
        <summary>
          What the evaluation said then ({ev.totalPoints} of {ev.maxPoints} points, as of{' '}
          {longDate(ev.asOfDate)})
        </summary>
        {ev.gaps.length > 0 ? (
          <>
            <h4>Missing when submitted</h4>
            <ul>
              {ev.gaps.map((g, i) => (
                <li key={i}>{g.text}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>Nothing was missing.</p>
        )}
        {(['part1', 'part2'] as const).map((id) => (
          <div key={id}>
            <h4>{id === 'part1' ? 'Part 1' : 'Part 2'}</h4>
            <ul className="reason-list">
              {ev[id].reasons.map((reason, i) => (
                <li key={i} className={`reason-${reason.kind}`}>
                  <strong>{reasonKindWords[reason.kind]}:</strong> {reason.text}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </details>
    </article>
  );
}

export function HistoryScreen({ data, db }: ScreenProps) {
  const [recording, setRecording] = useState<string | null>(null);
  const navigate = useUi((s) => s.navigate);
  const ordered = useMemo(() => newestFirst(data.submissions), [data.submissions]);
  const last = ordered[0];
  const comparison = useMemo(
    () => (last ? compareWithSubmission(last.snapshot, recordsOf(data)) : null),
    [last, data],
  );
  const years = [...new Set(ordered.map((s) => s.certificationYear))];
  const open = ordered.find((s) => s.id === recording);

  return (
    <div className="page history">
      <PageHeader
        title="History"
        lead="Every certification cycle: what the town submitted, what was credited, and what comes next."
      />
      <section className="card" aria-labelledby="next-title">
        <h2 id="next-title">What comes next</h2>
        <p className="history-next">{whatComesNext(data.submissions, data.certifications)}</p>
      </section>
      {comparison && last ? (
        <section className="card" aria-labelledby="since-title">
          <h2 id="since-title">Since the last submission ({longDate(last.submittedOn)})</h2>
          {comparison.same ? (
            <p>No people, trainings or sessions were added or removed since.</p>
          ) : (
            <div className="grid-2">
              <Changes title="People" list={comparison.people} />
              <Changes title="Trainings" list={comparison.trainings} />
              <Changes title="Sessions" list={comparison.sessions} />
            </div>
          )}
        </section>
      ) : null}
      {ordered.length === 0 ? (
        <EmptyState
          title="No submissions yet"
          action={
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => navigate({ screen: 'eligibility' })}
            >
              Go to Eligibility
            </button>
          }
        >
          Create the packet on the Eligibility screen, submit it to Sustainable CT, then mark it as submitted:
          it appears here.
        </EmptyState>
      ) : (
        years.map((y) => {
          const mine = ordered.filter((s) => s.certificationYear === y);
          return (
            <section key={y} className="history-year" aria-labelledby={`year-${y}`}>
              <h2 id={`year-${y}`}>
                {y} <span className="small muted">{plural(mine.length, 'submission')}</span>
              </h2>
              {mine.map((s) => (
                <SubmissionCard key={s.id} s={s} onRecord={() => setRecording(s.id)} />
              ))}
            </section>
          );
        })
      )}
      {open ? (
        <RecordResultDialog
          db={db}
          submission={open}
          settings={data.settings}
          onClose={() => setRecording(null)}
        />
      ) : null}
    </div>
  );
}
