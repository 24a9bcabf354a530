/**
 * The first-run guide, shown while no town exists: start the town, explore the
 * sample town, join a town shared through a server, or restore a backup. One obvious
 * next step per card.
 */
import { useEffect, useRef, useState } from 'react';
import { initialiseTown } from '../../db/repositories';
import type { AppDB } from '../../db/schema';
import type { MunicipalityKind } from '../../../shared/domain/labels';
import { NumberField, TextField } from '../components/Field';
import { errorsFromThrown } from '../lib/formErrors';
import type { FormErrors } from '../lib/formErrors';
import { currentYear } from '../lib/today';
import { notify, useUi } from '../store/ui';
import { joinSharedTown } from '../../sync/controller';
import { Dialog } from '../components/Dialog';
import { MunicipalityKindField } from './town/MunicipalityKindField';
import { SyncProgress } from './town/Sharing';
import { SharingForm } from './town/SharingForm';
import { useSyncSentence } from './town/SharingStatus';

export interface FirstRunProps {
  db: AppDB;
}

function checkTown(name: string, year: number | null): FormErrors {
  const errors: FormErrors = {};
  if (name.trim() === '') errors.name = 'Town name is required';
  else if (name.trim().length > 200) errors.name = 'Town name must be at most 200 characters';
  if (year === null) errors.certificationYear = 'Certification year is required';
  else if (!Number.isInteger(year) || year < 2000 || year > 2200)
    errors.certificationYear = 'Certification year must be a year between 2000 and 2200';
  return errors;
}

export function FirstRun({ db }: FirstRunProps) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<MunicipalityKind>('town');
  const [year, setYear] = useState<number | null>(() => currentYear());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState<'create' | 'sample' | null>(null);
  const [joining, setJoining] = useState(false);
  const requestRestore = useUi((s) => s.requestRestore);
  const startRef = useRef<HTMLElement>(null);

  // Arriving from "Start my own town" (the sample just removed): the keyboard starts on the town's name.
  useEffect(() => {
    if (useUi.getState().takeHeadingFocus()) startRef.current?.querySelector<HTMLElement>('input')?.focus();
  }, []);

  const errors = { ...checkTown(name, year), ...serverErrors };
  const shown = submitted ? errors : {};

  const create = async () => {
    setSubmitted(true);
    if (Object.keys(checkTown(name, year)).length > 0 || year === null) return;
    setBusy('create');
    try {
      await initialiseTown(db, { name: name.trim(), certificationYear: year, municipalityKind: kind });
      useUi.getState().navigate({ screen: 'town' });
      // The new screen's heading takes the keyboard (the page body would leave it nowhere).
      useUi.getState().requestHeadingFocus();
      notify({
        kind: 'success',
        text: `${name.trim()} is set up. Next: add the people who took part, on the People screen.`,
      });
    } catch (e) {
      setServerErrors(errorsFromThrown(e));
      setBusy(null);
    }
  };

  const explore = async () => {
    setBusy('sample');
    try {
      // Loaded on demand so the sample is not part of the start-up bundle.
      const { loadHarborFallsSample } = await import('../../db/sample');
      const result = await loadHarborFallsSample(db);
      if (result.ok) {
        useUi.getState().navigate({ screen: 'eligibility' });
        notify({
          kind: 'success',
          text: 'The sample town Harbor Falls is loaded. Look around freely; “Start my own town” at the top leaves it.',
        });
      } else {
        notify({
          kind: 'error',
          text: `The sample could not be loaded: ${result.errors.map((e) => e.message).join('; ')}`,
        });
        setBusy(null);
      }
    } catch (e) {
      notify({
        kind: 'error',
        text: `The sample could not be loaded: ${e instanceof Error ? e.message : String(e)}`,
      });
      setBusy(null);
    }
  };

  return (
    <main className="first-run" id="main">
      <header>
        <h1>Welcome to the Equity Training Ledger</h1>
        <p className="lead">
          This app keeps track of who in your town took equity training, checks whether the Sustainable CT
          action “Participate in Equity Training” is met, and prints the evidence packet. Everything stays on
          this computer, unless you choose to share the town with colleagues through a server.
        </p>
      </header>
      <div className="choices">
        <section className="card" aria-labelledby="start-title" ref={startRef}>
          <h2 id="start-title">Start with your town</h2>
          <p className="muted">Most people start here. You can change these later on the Town screen.</p>
          <form
            className="stack"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void create();
            }}
          >
            <TextField
              label="Town name"
              name="name"
              autoComplete="off"
              value={name}
              onChange={(v) => {
                setName(v);
                setServerErrors({});
              }}
              error={shown.name}
              required
            />
            <MunicipalityKindField name={name} kind={kind} onChange={setKind} />
            <NumberField
              label="Certification year"
              name="certificationYear"
              hint="The year your town applies for Sustainable CT certification."
              value={year}
              min={2000}
              max={2200}
              step={1}
              onChange={(v) => {
                setYear(v);
                setServerErrors({});
              }}
              error={shown.certificationYear}
              required
            />
            {shown[''] ? <p className="error">{shown['']}</p> : null}
            <button type="submit" className="btn btn-primary" disabled={busy !== null}>
              {busy === 'create' ? 'Creating…' : 'Create my town'}
            </button>
          </form>
        </section>
        <section className="card" aria-labelledby="sample-title">
          <h2 id="sample-title">Explore the sample town</h2>
          <p>
            <strong>Harbor Falls</strong> is a made-up town with people, trainings and attendance already
            entered. See how the app works before you type anything.
          </p>
          <button type="button" className="btn" onClick={() => void explore()} disabled={busy !== null}>
            {busy === 'sample' ? 'Loading the sample…' : 'Explore the sample town'}
          </button>
        </section>
        <section className="card" aria-labelledby="join-title">
          <h2 id="join-title">Join a shared town</h2>
          <p>
            Your town already keeps its record on a server (run by the town’s IT or the council of
            governments)? Connect this computer with the address and the user name you were given.
          </p>
          <button type="button" className="btn" onClick={() => setJoining(true)} disabled={busy !== null}>
            Join a shared town…
          </button>
        </section>
        <section className="card" aria-labelledby="restore-title">
          <h2 id="restore-title">Restore from a backup file</h2>
          <p>
            Moving to a new computer, or starting again after a problem? Open a backup file the app saved
            earlier.
          </p>
          <button type="button" className="btn" onClick={requestRestore} disabled={busy !== null}>
            Open a backup file…
          </button>
        </section>
      </div>
      <JoinDialog db={db} open={joining} onClose={() => setJoining(false)} />
    </main>
  );
}

/** Join a shared town: the server's address and credentials, then the town is pulled and opens. */
function JoinDialog({ db, open, onClose }: { db: AppDB; open: boolean; onClose: () => void }) {
  const { state, sentence } = useSyncSentence();
  const pulling = state.kind === 'syncing';
  if (!open) return null;
  return (
    <Dialog
      open
      title="Join a shared town"
      description="The town’s records are fetched from the server and open here; from then on both computers keep them together."
      // The first pull runs to its end (or its error) even if the window is left: no half-closed state.
      onClose={() => {
        if (!pulling) onClose();
      }}
    >
      <SharingForm
        idPrefix="join"
        submitLabel="Join this town"
        busyLabel="Fetching the town…"
        onSubmit={(input) => joinSharedTown(input, db)}
        onDone={() => {
          useUi.getState().navigate({ screen: 'town' });
          useUi.getState().requestHeadingFocus();
          notify({
            kind: 'success',
            text: 'The shared town is on this computer. Changes made here are sent to the other computers.',
          });
        }}
        busyInfo={
          pulling ? (
            <div className="join-progress" role="status">
              <p className="join-progress">{sentence}</p>
              <SyncProgress state={state} />
            </div>
          ) : null
        }
        extra={
          <button type="button" className="btn" onClick={onClose} disabled={pulling}>
            Cancel
          </button>
        }
      />
    </Dialog>
  );
}
