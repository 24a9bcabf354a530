/**
 * Print sign-in sheet: blank, or with the names of the people expected. The clerk ticks who
 * is expected (those already marked as attending are ticked to start with); the sheet
 * prints their names and titles, sorted by name, then blank rows for anyone else.
 */
import { useMemo, useState } from 'react';
import { describePosition } from '../../../../shared/domain/labels';
import type { Person, Session, Training } from '../../../../shared/domain/schema';
import { Dialog } from '../../components/Dialog';
import { heldOn } from '../people/positions';
import { longDate } from './catalog';

export type SignInChoice = { kind: 'blank' } | { kind: 'names'; personIds: string[] };

export interface SignInDialogProps {
  session: Session;
  training: Training;
  people: readonly Person[];
  /** People marked as attending the session: ticked when the dialog opens. */
  attendingIds: readonly string[];
  busy: boolean;
  onClose: () => void;
  onPrint: (choice: SignInChoice) => void;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** "Director of Public Works, Public Works", or the email, so two people of one name can be told apart. */
function detail(person: Person, day: string): string {
  const held = person.positions.filter((p) => heldOn(p, day));
  const position = held[0] ?? person.positions.at(-1);
  return position ? describePosition(position) : person.email;
}

export function SignInDialog({
  session,
  training,
  people,
  attendingIds,
  busy,
  onClose,
  onPrint,
}: SignInDialogProps) {
  const [kind, setKind] = useState<'blank' | 'names'>('blank');
  const [ticked, setTicked] = useState<ReadonlySet<string>>(() => new Set(attendingIds));
  const [filter, setFilter] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  const sorted = useMemo(
    () => [...people].sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id)),
    [people],
  );
  const words = filter.trim().toLowerCase();
  const shown = words
    ? sorted.filter((p) => `${p.name} ${detail(p, session.date)}`.toLowerCase().includes(words))
    : sorted;

  const toggle = (id: string, on: boolean) => {
    const next = new Set(ticked);
    if (on) next.add(id);
    else next.delete(id);
    setTicked(next);
    setMessage(null);
  };

  const print = () => {
    if (kind === 'blank') return onPrint({ kind: 'blank' });
    if (ticked.size === 0) {
      setMessage('Tick at least one person expected, or choose a blank sheet.');
      return;
    }
    onPrint({ kind: 'names', personIds: sorted.filter((p) => ticked.has(p.id)).map((p) => p.id) });
  };

  return (
    <Dialog
      open
      wide
      title={`Sign-in sheet for ${training.name}`}
      description={`The ${longDate(session.date)} session. Each page holds its rows; more rows continue on the next page under the same header.`}
      onClose={onClose}
      onSubmit={print}
      footer={
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Preparing…' : 'Make the sign-in sheet'}
          </button>
        </div>
      }
    >
      <fieldset className="group signin-kind">
        <legend>What to print</legend>
        <label className="field-inline">
          <input
            type="radio"
            name="signinKind"
            value="blank"
            checked={kind === 'blank'}
            onChange={() => setKind('blank')}
          />
          Blank: everyone writes their name, title and department
        </label>
        <label className="field-inline">
          <input
            type="radio"
            name="signinKind"
            value="names"
            checked={kind === 'names'}
            onChange={() => setKind('names')}
          />
          With the names of people expected (names and titles printed, sorted by name, then blank rows)
        </label>
      </fieldset>
      {kind === 'names' ? (
        <fieldset className="group">
          <legend>
            People expected ({ticked.size} of {people.length} ticked)
          </legend>
          {people.length === 0 ? (
            <p className="muted">Nobody is on the roster yet. Add people on the People screen first.</p>
          ) : (
            <>
              <div className="row">
                <label className="signin-filter">
                  Find
                  <input
                    type="search"
                    name="signinFilter"
                    autoComplete="off"
                    value={filter}
                    onChange={(e) => setFilter(e.target.value)}
                  />
                </label>
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => setTicked(new Set([...ticked, ...shown.map((p) => p.id)]))}
                >
                  Tick all shown
                </button>
                <button type="button" className="btn btn-small" onClick={() => setTicked(new Set())}>
                  Clear
                </button>
              </div>
              <ul className="plain-list signin-people" aria-label="People on the roster">
                {shown.map((p) => (
                  <li key={p.id}>
                    <label className="field-inline">
                      <input
                        type="checkbox"
                        checked={ticked.has(p.id)}
                        onChange={(e) => toggle(p.id, e.target.checked)}
                      />
                      <span>
                        {p.name}
                        {detail(p, session.date) ? (
                          <span className="muted small"> — {detail(p, session.date)}</span>
                        ) : null}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </>
          )}
          {message ? <p className="error">{message}</p> : null}
        </fieldset>
      ) : null}
    </Dialog>
  );
}
