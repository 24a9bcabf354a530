/**
 * "Your data": where the records live, how to back them up, restore them and merge a colleague's,
 * and whether the browser has promised not to clear them (storage persistence).
 */
import { useEffect, useState } from 'react';
import { useSampleTownName } from '../../../db/hooks';
import type { AppDB } from '../../../db/schema';
import type { AutoBackupInfo } from '../../../../shared/ipc/contract';
import { exportBackupToFile } from '../../backup/actions';
import { AutoBackupTable } from '../../backup/AutoBackupTable';
import { formatBytes } from '../../backup/format';
import { useAutoRestoreRequests, useMergeRequests } from '../../backup/requests';
import { CsvExportButtons } from '../../csv/CsvExportButtons';
import { isDesktop, listAutoBackups, openDataFolder } from '../../platform';
import { useUi } from '../../store/ui';

interface StorageStatus {
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

async function readStorageStatus(): Promise<StorageStatus> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  const [persisted, estimate] = await Promise.all([
    storage?.persisted ? storage.persisted().catch(() => null) : Promise.resolve(null),
    storage?.estimate ? storage.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

export function YourData({ db, townName }: { db: AppDB; townName: string }) {
  const requestRestore = useUi((s) => s.requestRestore);
  const requestMerge = useMergeRequests((s) => s.requestMerge);
  const openRecordsDialog = useUi((s) => s.openRecordsDialog);
  const sampleName = useSampleTownName(db);
  const [status, setStatus] = useState<StorageStatus | null>(null);
  const [exporting, setExporting] = useState(false);
  const desktop = isDesktop();

  useEffect(() => {
    let live = true;
    void readStorageStatus().then((s) => {
      if (live) setStatus(s);
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <section className="card" aria-labelledby="your-data-title">
      <h2 id="your-data-title">Your data</h2>
      <p>
        Everything you enter is stored on this computer only. Save a backup file now and then, and before you
        change computers.
        {desktop ? ' The app also saves an automatic backup every day you use it.' : null}
      </p>
      <div className="row">
        <button
          type="button"
          className="btn btn-primary"
          disabled={exporting}
          onClick={() => {
            setExporting(true);
            void exportBackupToFile(db, townName).finally(() => setExporting(false));
          }}
        >
          {exporting ? 'Saving backup…' : 'Export a backup file'}
        </button>
        <button type="button" className="btn" onClick={requestRestore}>
          {desktop ? 'Restore from a backup…' : 'Restore from a backup file…'}
        </button>
        <button type="button" className="btn" onClick={requestMerge}>
          Merge a backup…
        </button>
        {desktop ? (
          <button type="button" className="btn" onClick={() => void openDataFolder()}>
            Open the automatic backups folder
          </button>
        ) : null}
      </div>
      {desktop ? <AutomaticBackups /> : null}
      <CsvExportButtons db={db} />
      <h3 id="clear-records-title">Start again</h3>
      {sampleName ? (
        <p className="row">
          <span>
            These are the records of the sample town {sampleName}. Remove them and enter your own town.
          </span>
          <button type="button" className="btn btn-primary" onClick={() => openRecordsDialog('startOwnTown')}>
            Start my own town
          </button>
        </p>
      ) : null}
      <p className="row">
        <span>
          Remove every record from this computer, for example before handing it on. A backup is saved first.
        </span>
        <button type="button" className="btn btn-danger" onClick={() => openRecordsDialog('erase')}>
          Erase this computer’s records…
        </button>
      </p>
      <h3>Storage on this computer</h3>
      {status === null ? (
        <p className="muted">Checking…</p>
      ) : (
        <dl className="facts">
          <dt>Protected from clean-up</dt>
          <dd>
            {status.persisted === true
              ? 'Yes: the records will not be cleared to free up space.'
              : status.persisted === false
                ? 'Not guaranteed: if the disk gets very full, the records could be cleared. Keep backup files.'
                : 'Unknown on this system. Keep backup files.'}
          </dd>
          <dt>Space used</dt>
          <dd>
            {status.usage !== null ? formatBytes(status.usage) : 'Unknown'}
            {status.quota !== null ? ` of ${formatBytes(status.quota)} available` : null}
          </dd>
        </dl>
      )}
    </section>
  );
}

/** How many automatic backups to show before "Show all": enough for the last week or so. */
const SHOWN_AT_FIRST = 5;

/** The automatic backups main keeps (desktop app only), each with a Restore button leading to the usual preview. */
function AutomaticBackups() {
  const [listed, setListed] = useState<{ backups: AutoBackupInfo[] } | { problem: string } | null>(null);
  const [showAll, setShowAll] = useState(false);
  const request = useAutoRestoreRequests((s) => s.requestAutoBackupRestore);

  useEffect(() => {
    let live = true;
    void listAutoBackups().then(
      (backups) => live && setListed({ backups }),
      (e: unknown) => live && setListed({ problem: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, []);

  return (
    <>
      <h3 id="auto-backups-title">Automatic backups</h3>
      {listed === null ? (
        <p className="muted">Checking…</p>
      ) : 'problem' in listed ? (
        <p className="notice notice-error">The automatic backups could not be listed: {listed.problem}</p>
      ) : listed.backups.length === 0 ? (
        <p className="muted">
          There are no automatic backups yet. The app writes one each day you use it and when you close it.
        </p>
      ) : (
        <>
          <AutoBackupTable
            backups={showAll ? listed.backups : listed.backups.slice(0, SHOWN_AT_FIRST)}
            caption="Automatic backups, newest first"
            onChoose={request}
          />
          {listed.backups.length > SHOWN_AT_FIRST ? (
            <p>
              <button type="button" className="btn-link" onClick={() => setShowAll((v) => !v)}>
                {showAll
                  ? `Show only the newest ${SHOWN_AT_FIRST}`
                  : `Show all ${listed.backups.length} automatic backups`}
              </button>
            </p>
          ) : null}
        </>
      )}
    </>
  );
}
