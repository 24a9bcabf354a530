/**
 * Town › Sharing: keep one town record on several computers through a server (the town's
 * IT or the council of governments runs it). Off: what that means, and the form to turn it
 * on. On: where sharing stands in a sentence, where it goes, Sync now, Pause or Resume,
 * Stop sharing on this computer, and the Conflicts list. Every action is the controller's
 * (renderer/sync/controller.ts); this screen only shows its state.
 */
import { useState } from 'react';
import type { AppDB } from '../../../db/schema';
import {
  pauseSharing,
  resumeSharing,
  setUpSharing,
  stopSharing,
  syncNow,
  useSync,
} from '../../../sync/controller';
import type { SyncState } from '../../../../shared/sync/status';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { notify } from '../../store/ui';
import { Conflicts } from './Conflicts';
import { SHARING_FIELD, useSyncSentence } from './SharingStatus';
import { SharingForm } from './SharingForm';
import './sharing.css';

/** The first pull's progress as a bar (the sentence above says the same in words). */
export function SyncProgress({ state }: { state: SyncState }) {
  if (state.kind !== 'syncing' || !state.progress || state.progress.total === null) return null;
  return (
    <progress
      className="sync-progress"
      value={state.progress.done}
      max={Math.max(state.progress.total, 1)}
      aria-label="Records received"
    />
  );
}

export function Sharing({ db }: { db: AppDB }) {
  const settings = useSync((s) => s.settings);
  const note = useSync((s) => s.note);
  const { state, sentence } = useSyncSentence();
  const [editing, setEditing] = useState(false);
  const [confirmStop, setConfirmStop] = useState(false);
  const [working, setWorking] = useState(false);

  const act = (work: () => Promise<void>, failed: string) => {
    setWorking(true);
    void work()
      .catch((e: unknown) =>
        notify({ kind: 'error', text: `${failed}: ${e instanceof Error ? e.message : String(e)}` }),
      )
      .finally(() => setWorking(false));
  };

  const on = state.kind !== 'off' && settings !== null;
  // A refused password (or one this browser did not keep) is typed again here, in the same form.
  const askPassword = state.kind === 'problem' && state.problem === 'password';

  return (
    <section className="card" aria-labelledby="sharing-title">
      <h2 id="sharing-title" data-field={SHARING_FIELD} tabIndex={-1}>
        Sharing between computers
      </h2>
      {!on ? (
        <>
          <p>
            Sharing keeps one record of the town on several computers: the clerk’s at town hall, the team
            chair’s at home. Each computer sends its changes to a <strong>server</strong> and fetches the
            others’, whenever it is online; you can keep working offline.
          </p>
          <p>
            The server is run by your town’s IT or by your council of governments; they give you its address,
            the town’s database and a user name and password. Without one, the records stay on this computer
            only.
          </p>
          <SharingForm
            idPrefix="sharing"
            submitLabel="Turn on sharing"
            busyLabel="Turning on sharing…"
            onSubmit={(input) => setUpSharing(input, db)}
            busyInfo={<SyncProgress state={state} />}
            onDone={() => notify({ kind: 'success', text: 'Sharing is on.' })}
          />
        </>
      ) : (
        <>
          <p className={`sync-sentence sync-sentence-${state.kind}`} role="status">
            {sentence}
          </p>
          <SyncProgress state={state} />
          {note ? <p className="muted">{note}</p> : null}
          <dl className="facts">
            <dt>Server</dt>
            <dd className="mono">{settings.serverUrl}</dd>
            <dt>Database</dt>
            <dd className="mono">{settings.database}</dd>
            <dt>User name</dt>
            <dd>{settings.username}</dd>
          </dl>
          <div className="row">
            {state.kind === 'paused' ? (
              <button
                type="button"
                className="btn btn-primary"
                disabled={working}
                onClick={() => act(() => resumeSharing(db), 'Sharing could not resume')}
              >
                Resume
              </button>
            ) : (
              <>
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={working || state.kind === 'syncing'}
                  onClick={() => act(syncNow, 'The sync did not run')}
                >
                  {state.kind === 'syncing' ? 'Syncing…' : 'Sync now'}
                </button>
                <button
                  type="button"
                  className="btn"
                  disabled={working}
                  onClick={() => act(pauseSharing, 'Sharing could not be paused')}
                >
                  Pause
                </button>
              </>
            )}
            {!askPassword && !editing ? (
              <button type="button" className="btn" onClick={() => setEditing(true)}>
                Change the server or password…
              </button>
            ) : null}
            <button type="button" className="btn btn-danger" onClick={() => setConfirmStop(true)}>
              Stop sharing on this computer…
            </button>
          </div>
          {askPassword || editing ? (
            <>
              <h3>{askPassword ? 'Type the password again' : 'Change the server or password'}</h3>
              <SharingForm
                idPrefix="sharing-change"
                initial={settings}
                submitLabel="Save and sync"
                busyLabel="Checking with the server…"
                onSubmit={(input) => setUpSharing(input, db)}
                busyInfo={<SyncProgress state={state} />}
                onDone={() => setEditing(false)}
                extra={
                  editing ? (
                    <button type="button" className="btn" onClick={() => setEditing(false)}>
                      Cancel
                    </button>
                  ) : null
                }
              />
            </>
          ) : null}
          <Conflicts db={db} />
        </>
      )}
      {!on ? <Conflicts db={db} hideWhenEmpty /> : null}
      <ConfirmDialog
        open={confirmStop}
        title="Stop sharing on this computer?"
        message={
          <p>
            This computer stops sending and fetching changes and forgets the server and the password. The
            records stay here, and on the server for the other computers.
          </p>
        }
        confirmLabel="Stop sharing"
        onCancel={() => setConfirmStop(false)}
        onConfirm={() => {
          setConfirmStop(false);
          act(async () => {
            await stopSharing(db);
            notify({ kind: 'info', text: 'Sharing is off on this computer. The records stay here.' });
          }, 'Sharing could not be stopped');
        }}
      />
    </section>
  );
}
