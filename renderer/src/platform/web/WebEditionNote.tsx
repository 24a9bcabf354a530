/**
 * The browser edition's lasting note: the records live in this browser on this computer, clearing
 * the browser's data erases them, when the last backup was, and a Back up now button. Where the
 * browser can write to folders it also offers the daily automatic backup into a folder the clerk
 * picks (and asks again, in a plain sentence, when the browser has forgotten the permission).
 * It can be hidden; a small button brings it back. Beside it, the "new version" prompt.
 *
 * Shown only in the browser edition (main.tsx mounts it when `isWebEdition()`).
 */
import { useCallback, useEffect, useState } from 'react';
import { db as appDb } from '../../../db/instance';
import { loadTownData } from '../../../db/repositories';
import type { AppDB } from '../../../db/schema';
import { exportBackupToFile, writeAutomaticBackup } from '../../backup/actions';
import { today } from '../../lib/today';
import { notify } from '../../store/ui';
import { askAgain, chooseBackupFolder, folderState } from './backupFolder';
import type { FolderState } from './backupFolder';
import { lastBackupDate, lastBackupWords, onBackupRecorded } from './lastBackup';
import { applyUpdate, onUpdateReady, registerServiceWorker } from './updates';
import './web-edition.css';

const HIDDEN_KEY = 'etl.web.noteHidden';
/** How often the open page tries the daily folder backup (a later one the same day replaces it). */
const DAILY_CHECK_MS = 60 * 60 * 1000;

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export interface WebEditionNoteProps {
  db?: AppDB;
}

export function WebEditionNote({ db = appDb }: WebEditionNoteProps) {
  const [hidden, setHidden] = useState(() => localStorage.getItem(HIDDEN_KEY) === '1');
  const [last, setLast] = useState(() => lastBackupDate());
  const [folder, setFolder] = useState<FolderState>({ kind: 'unsupported' });

  const refreshFolder = useCallback(async (): Promise<FolderState> => {
    let state: FolderState;
    try {
      state = await folderState();
    } catch {
      state = { kind: 'unsupported' };
    }
    setFolder(state);
    return state;
  }, []);

  useEffect(() => onBackupRecorded(() => setLast(lastBackupDate())), []);
  // Works offline from here on (the service worker precaches the whole app).
  useEffect(() => registerServiceWorker(), []);

  // The daily automatic backup into the chosen folder: at start and hourly while open.
  useEffect(() => {
    // Only with a folder the browser lets us write to: no backup is made just to be thrown away.
    const daily = () =>
      void refreshFolder().then(async (state) => {
        if (state.kind === 'ready') await writeAutomaticBackup(db, 'daily');
      });
    daily();
    const timer = window.setInterval(daily, DAILY_CHECK_MS);
    return () => window.clearInterval(timer);
  }, [db, refreshFolder]);

  const backUpNow = async () => {
    let name = '';
    try {
      const data = await loadTownData(db);
      if (data === null) {
        notify({ kind: 'info', text: 'There is nothing to back up yet: create your town first.' });
        return;
      }
      name = data.town.name;
    } catch {
      // The file name just goes without the town's name; the export reports any real problem.
    }
    await exportBackupToFile(db, name);
  };

  const pickFolder = async () => {
    try {
      if (await chooseBackupFolder()) {
        await writeAutomaticBackup(db, 'daily');
        notify({ kind: 'success', text: 'The daily backup will be saved in that folder.' });
      }
    } catch (e) {
      notify({ kind: 'error', text: `That folder cannot be used: ${message(e)}` });
    }
    await refreshFolder();
  };

  const allow = async () => {
    try {
      if (await askAgain()) await writeAutomaticBackup(db, 'daily');
    } catch (e) {
      notify({ kind: 'error', text: `The browser did not allow it: ${message(e)}` });
    }
    await refreshFolder();
  };

  const setHiddenLasting = (value: boolean) => {
    setHidden(value);
    try {
      if (value) localStorage.setItem(HIDDEN_KEY, '1');
      else localStorage.removeItem(HIDDEN_KEY);
    } catch {
      // Storage blocked: the choice lasts for this visit only.
    }
  };

  return (
    <div className="web-edition">
      <UpdatePrompt />
      {hidden ? (
        <button type="button" className="btn btn-small web-note-show" onClick={() => setHiddenLasting(false)}>
          Where are my records?
        </button>
      ) : (
        <section className="web-note" aria-label="Where your records are kept">
          <p className="web-note-text">
            <strong>Your records are kept in this browser, on this computer only.</strong> Clearing this
            browser’s data (history, cookies and site data) erases them. {lastBackupWords(last, today())}
          </p>
          <div className="web-note-actions">
            <button type="button" className="btn btn-small btn-primary" onClick={() => void backUpNow()}>
              Back up now
            </button>
            <FolderPart folder={folder} onPick={() => void pickFolder()} onAllow={() => void allow()} />
            <button type="button" className="btn btn-small" onClick={() => setHiddenLasting(true)}>
              Hide this note
            </button>
          </div>
        </section>
      )}
    </div>
  );
}

function FolderPart({
  folder,
  onPick,
  onAllow,
}: {
  folder: FolderState;
  onPick: () => void;
  onAllow: () => void;
}) {
  switch (folder.kind) {
    case 'unsupported':
      return null;
    case 'none':
      return (
        <button type="button" className="btn btn-small" onClick={onPick}>
          Save a daily backup in a folder…
        </button>
      );
    case 'ready':
      return (
        <span className="web-note-folder">
          Daily backup goes to the folder “{folder.name}”.{' '}
          <button type="button" className="btn btn-small" onClick={onPick}>
            Change folder…
          </button>
        </span>
      );
    case 'needsPermission':
      return (
        <span className="web-note-folder">
          The browser forgets between visits that this app may save backups in “{folder.name}”: click to allow
          it again.{' '}
          <button type="button" className="btn btn-small" onClick={onAllow}>
            Allow saving backups
          </button>
        </span>
      );
    case 'denied':
      return (
        <span className="web-note-folder">
          The browser does not let this app save backups in “{folder.name}”.{' '}
          <button type="button" className="btn btn-small" onClick={onPick}>
            Choose another folder…
          </button>
        </span>
      );
  }
}

/** "A new version is ready — Reload": only ever reloads on the clerk's click, never under an open form. */
export function UpdatePrompt() {
  const [ready, setReady] = useState(false);
  const [blocked, setBlocked] = useState<string | null>(null);
  useEffect(() => onUpdateReady(setReady), []);
  if (!ready) return null;
  return (
    <p className="web-update" role="status">
      A new version is ready.{' '}
      <button type="button" className="btn btn-small btn-primary" onClick={() => setBlocked(applyUpdate())}>
        Reload
      </button>
      {blocked ? <span className="web-update-why"> {blocked}</span> : null}
    </p>
  );
}
