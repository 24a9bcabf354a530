/**
 * Submit: the submission as ready-to-paste blocks, one per field of the Sustainable
 * CT portal, each with a Copy button, and the cycle's checklist (saved). The blocks
 * come from shared/submissions/portal.ts, the same content as the packet.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { loadChecklist, saveChecklist } from '../../../db/repositories';
import { certificationRoundLabels } from '../../../../shared/domain/labels';
import { CHECKLIST, portalBlocks } from '../../../../shared/submissions';
import type { PortalBlock } from '../../../../shared/submissions';
import { CheckboxField } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { copyText } from '../../lib/clipboard';
import { notify, useUi } from '../../store/ui';
import type { ScreenProps } from '../types';
import './submit.css';

function CopyBlock({ block }: { block: PortalBlock }) {
  const [copied, setCopied] = useState(false);
  const id = `copy-${block.id}`;
  const copy = async () => {
    const ok = await copyText(block.text);
    setCopied(ok);
    notify(
      ok
        ? { kind: 'success', text: `Copied: ${block.label}.` }
        : { kind: 'error', text: 'Could not copy. Select the text and press Ctrl+C (⌘C on a Mac).' },
    );
  };
  return (
    <div className="copy-block">
      <div className="copy-block-head">
        <h3 id={`${id}-label`}>{block.label}</h3>
        <button
          type="button"
          className="btn btn-small"
          aria-describedby={`${id}-label`}
          onClick={() => void copy()}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <pre className="copy-block-text" id={id} aria-labelledby={`${id}-label`} tabIndex={0}>
        {block.text || '—'}
      </pre>
    </div>
  );
}

export function SubmitScreen({ data, evaluation, db }: ScreenProps) {
  const year = evaluation.certificationYear;
  const round = data.town.certificationRound;
  const blocks = useMemo(() => portalBlocks(data, evaluation), [data, evaluation]);
  const stored = useLiveQuery(() => loadChecklist(db, year, round), [db, year, round]);
  // What the clerk just ticked shows at once; the stored list takes over when it arrives.
  const [ticked, setTicked] = useState<{ cycle: string; items: string[] } | null>(null);
  const cycle = `${year}-${round}`;
  const done = ticked?.cycle === cycle ? ticked.items : stored;
  const navigate = useUi((s) => s.navigate);
  const gaps = evaluation.gaps.length;

  const toggle = (item: string, on: boolean) => {
    const next = new Set(done ?? []);
    if (on) next.add(item);
    else next.delete(item);
    setTicked({ cycle, items: [...next] });
    void saveChecklist(db, year, round, [...next]).catch((e: unknown) =>
      notify({
        kind: 'error',
        text: `The checklist could not be saved: ${e instanceof Error ? e.message : String(e)}`,
      }),
    );
  };

  const groups: { title: string; part: PortalBlock['part'] }[] = [
    { title: 'Part 1', part: 'part1' },
    { title: 'Part 2', part: 'part2' },
    { title: 'Partners', part: 'partners' },
  ];

  return (
    <div className="page submit">
      <PageHeader
        title="Submit"
        lead={`Each field of the submission for ${year} (${certificationRoundLabels[round].toLowerCase()}), ready to paste into the Sustainable CT portal.`}
      />
      {gaps > 0 ? (
        <p className="notice notice-warning">
          {gaps} {gaps === 1 ? 'item is' : 'items are'} still missing (see Eligibility). The text below has
          them as “missing”.
        </p>
      ) : null}
      <section className="card" aria-labelledby="checklist-title">
        <h2 id="checklist-title">Checklist for {year}</h2>
        <p className="hint">Saved as you tick, for this certification year and round.</p>
        <div className="submit-checklist">
          {CHECKLIST.map((item) => (
            <CheckboxField
              key={item.id}
              name={`checklist-${item.id}`}
              label={item.label}
              checked={(done ?? []).includes(item.id)}
              disabled={done === undefined}
              onChange={(on) => toggle(item.id, on)}
            />
          ))}
        </div>
        <p className="small muted">
          Upload the packet created on the Eligibility screen; after submitting, mark it as submitted there so
          the{' '}
          <button type="button" className="btn-link" onClick={() => navigate({ screen: 'history' })}>
            History
          </button>{' '}
          keeps it.
        </p>
      </section>
      {groups.map((g) => {
        const mine = blocks.filter((b) => b.part === g.part);
        return (
          <section key={g.part} className="card" aria-labelledby={`submit-${g.part}`}>
            <h2 id={`submit-${g.part}`}>{g.title}</h2>
            {mine.length === 0 ? (
              <p className="muted">Nothing to submit for {g.title} yet.</p>
            ) : (
              mine.map((b) => <CopyBlock key={b.id} block={b} />)
            )}
          </section>
        );
      })}
    </div>
  );
}
