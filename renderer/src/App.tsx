/**
 * The app shell: loads the town's data (one live query), evaluates it with the
 * rules engine once per change, and shows the navigation rail, the current
 * screen, the toasts and the restore flow. Before a town exists it shows the
 * first-run guide instead.
 *
 * It also keeps the clerk's work and trust (issue 11): the sample town's banner on
 * every screen, "Discard your changes?" before leaving a screen, running a menu
 * command or closing the window with a changed form, and the way back to
 * Eligibility after a gap's Fix.
 */
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ComponentType } from 'react';
import { useSampleTownName, useTownData } from '../db/hooks';
import { useConflictCount } from '../db/sync';
import { db as appDb } from '../db/instance';
import type { AppDB } from '../db/schema';
import { statusLabels } from '../../shared/domain/labels';
import type { TownData } from '../../shared/domain/schema';
import { evaluate } from '../../shared/rules/engine';
import type { Evaluation } from '../../shared/rules/evaluation';
import { exportBackupToFile, writeAutomaticBackup } from './backup/actions';
import { MergeFlow } from './backup/MergeFlow';
import { useMergeRequests } from './backup/requests';
import { RestoreFlow } from './backup/RestoreFlow';
import { DiscardPrompt } from './components/DiscardPrompt';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Toasts } from './components/Toasts';
import { flushAutosaves } from './lib/useAutosave';
import { today } from './lib/today';
import { answerQuit, isDesktop, onMenuCommand, setSampleOpen } from './platform';
import { RecordsFlows } from './records/RecordsFlows';
import { FirstRun } from './screens/FirstRun';
import { TownScreen } from './screens/TownScreen';
import { conflictsInWords } from './screens/town/Conflicts';
import { openSharingSection, RailSharingStatus } from './screens/town/SharingStatus';
import type { ScreenProps } from './screens/types';
import { confirmDiscard, notify, useUi } from './store/ui';
import './shell.css';
import type { ScreenId } from './store/ui';

// Only the first-run guide and the Town screen (the first screen) are in the start-up
// bundle; the others load when first opened, so an old laptop starts faster (bench/README.md).
const PeopleScreen = lazy(() => import('./screens/PeopleScreen').then((m) => ({ default: m.PeopleScreen })));
const TrainingsScreen = lazy(() =>
  import('./screens/TrainingsScreen').then((m) => ({ default: m.TrainingsScreen })),
);
const AttendanceScreen = lazy(() =>
  import('./screens/AttendanceScreen').then((m) => ({ default: m.AttendanceScreen })),
);
const PartnersScreen = lazy(() =>
  import('./screens/PartnersScreen').then((m) => ({ default: m.PartnersScreen })),
);
const EligibilityScreen = lazy(() =>
  import('./screens/EligibilityScreen').then((m) => ({ default: m.EligibilityScreen })),
);

const SubmitScreen = lazy(() =>
  import('./screens/submit/SubmitScreen').then((m) => ({ default: m.SubmitScreen })),
);
const HistoryScreen = lazy(() =>
  import('./screens/history/HistoryScreen').then((m) => ({ default: m.HistoryScreen })),
);

const screens: { id: ScreenId; label: string; component: ComponentType<ScreenProps> }[] = [
  { id: 'town', label: 'Town', component: TownScreen },
  { id: 'people', label: 'People', component: PeopleScreen },
  { id: 'trainings', label: 'Trainings', component: TrainingsScreen },
  { id: 'attendance', label: 'Attendance', component: AttendanceScreen },
  { id: 'partners', label: 'Partners', component: PartnersScreen },
  { id: 'eligibility', label: 'Eligibility', component: EligibilityScreen },
  { id: 'submit', label: 'Submit', component: SubmitScreen },
  { id: 'history', label: 'History', component: HistoryScreen },
];

/** How often the open app tries its daily automatic backup (main skips it when today's exists). */
const AUTO_BACKUP_EVERY_MS = 60 * 60 * 1000;

/** "10 + 5 of 15": Part 1 points + Part 2 points of the action's maximum. */
export function pointsSummary(evaluation: Evaluation): string {
  return `${evaluation.part1.points} + ${evaluation.part2.points} of ${evaluation.maxPoints}`;
}

/**
 * The quit handshake's renderer side: pending narratives are written first; with a changed
 * form the clerk is asked (main waits, told 'asking'); "Keep editing" keeps the window open
 * ('stay'), "Discard" goes on to the quit backup as usual.
 */
async function answerQuitRequest(db: AppDB): Promise<void> {
  await flushAutosaves();
  if (useUi.getState().dirtyForms.length > 0) {
    await answerQuit('asking');
    if (!(await confirmDiscard())) {
      await answerQuit('stay');
      return;
    }
  }
  await writeAutomaticBackup(db, 'quit');
}

/** Runs `work` once the clerk agrees to leave unsaved changes behind (at once when there are none). */
const afterDiscard = (work: () => void): void => {
  // Nothing to lose: act now, in the same event, so the screen changes within the click.
  if (useUi.getState().dirtyForms.length === 0) {
    work();
    return;
  }
  void confirmDiscard().then((discard) => {
    if (discard) work();
  });
};

export interface AppProps {
  /** The database; tests pass one backed by fake-indexeddb. */
  db?: AppDB;
}

export function App({ db = appDb }: AppProps) {
  const data = useTownData(db);
  const sampleName = useSampleTownName(db);
  const [day, setDay] = useState(today);

  const evaluation = useMemo(
    () =>
      data
        ? evaluate(data, {
            certificationYear: data.town.certificationYear,
            asOfDate: data.town.asOfDate ?? day,
          })
        : null,
    [data, day],
  );

  // The menu handlers need the latest town name without re-subscribing on every change.
  const latest = useRef<TownData | null | undefined>(data);
  const latestSample = useRef<string | null | undefined>(sampleName);
  useEffect(() => {
    latest.current = data;
    latestSample.current = sampleName;
  }, [data, sampleName]);

  // File › Start my own town… is there only while the sample is open.
  useEffect(() => {
    if (sampleName !== undefined && isDesktop())
      void setSampleOpen(sampleName !== null).catch(() => undefined);
  }, [sampleName]);

  // A browser tab has no quit handshake: ask the browser's own "Leave site?" while a form is changed,
  // and write pending narratives as the page goes away.
  useEffect(() => {
    if (isDesktop()) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      void flushAutosaves();
      if (useUi.getState().dirtyForms.length === 0) return;
      event.preventDefault();
      // Older Chromium shows the prompt only when returnValue is set.
      event.returnValue = '';
    };
    const pageHide = () => void flushAutosaves();
    window.addEventListener('beforeunload', beforeUnload);
    window.addEventListener('pagehide', pageHide);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      window.removeEventListener('pagehide', pageHide);
    };
  }, []);

  useEffect(
    () =>
      onMenuCommand((command) => {
        const ui = useUi.getState();
        switch (command) {
          case 'newBackup':
            void exportBackupToFile(db, latest.current?.town.name ?? '');
            break;
          case 'restoreBackup':
            afterDiscard(() => ui.requestRestore());
            break;
          case 'mergeBackup':
            if (latest.current) afterDiscard(() => useMergeRequests.getState().requestMerge());
            else
              notify({
                kind: 'info',
                text: 'There is no town on this computer yet to merge into. Restore the backup instead.',
              });
            break;
          case 'createPacket':
            afterDiscard(() => ui.requestPacket());
            break;
          case 'importPeopleCsv':
            afterDiscard(() => ui.requestCsvImport());
            break;
          case 'autoBackupOnQuit':
            void answerQuitRequest(db);
            break;
          case 'startOwnTown':
            if (latestSample.current) afterDiscard(() => ui.openRecordsDialog('startOwnTown'));
            else notify({ kind: 'info', text: 'The sample town is not open: these are your own records.' });
            break;
          case 'eraseRecords':
            if (latest.current) afterDiscard(() => ui.openRecordsDialog('erase'));
            else notify({ kind: 'info', text: 'There are no records on this computer to erase.' });
            break;
        }
      }),
    [db],
  );

  // Daily automatic backup at start-up and hourly while open; the hourly tick also rolls "today" over at midnight.
  useEffect(() => {
    if (isDesktop()) void writeAutomaticBackup(db, 'daily');
    const timer = window.setInterval(() => {
      setDay(today());
      if (isDesktop()) void writeAutomaticBackup(db, 'daily');
    }, AUTO_BACKUP_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [db]);

  const flows = (
    <>
      <RecordsFlows db={db} townName={data ? data.town.name : null} sampleName={sampleName ?? null} />
      <DiscardPrompt />
    </>
  );

  if (data === undefined || sampleName === undefined) {
    return (
      <p className="loading" role="status">
        Opening your records…
      </p>
    );
  }

  if (data === null || evaluation === null) {
    return (
      <>
        <FirstRun db={db} />
        <RestoreFlow db={db} hasTown={false} />
        {flows}
        <Toasts />
      </>
    );
  }

  return (
    <>
      <Shell data={data} evaluation={evaluation} db={db} sampleName={sampleName} />
      <RestoreFlow db={db} hasTown />
      <MergeFlow db={db} townName={data.town.name} />
      {flows}
    </>
  );
}

function Shell({ data, evaluation, db, sampleName }: ScreenProps & { sampleName: string | null }) {
  const screen = useUi((s) => s.screen);
  const navigate = useUi((s) => s.navigate);
  const fixReturn = useUi((s) => s.fixReturn);
  const mainRef = useRef<HTMLElement>(null);
  const current = screens.find((s) => s.id === screen) ?? screens[0]!;
  const Screen = current.component;
  const conflicts = useConflictCount(db);

  const go = useCallback(
    (id: ScreenId) => {
      afterDiscard(() => {
        navigate({ screen: id });
        // Move the keyboard and screen reader to the new screen's content.
        window.requestAnimationFrame(() => {
          window.scrollTo({ top: 0 });
          mainRef.current?.focus({ preventScroll: true });
        });
      });
    },
    [navigate],
  );

  // Just created by the first-run guide: the keyboard starts on the new screen's heading. The
  // request is taken only once the heading has the focus, so a shell mounted twice in a row
  // (the live queries settling) still honours it.
  useEffect(() => {
    if (!useUi.getState().headingFocusRequested) return;
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus();
    useUi.getState().takeHeadingFocus();
  }, []);

  useEffect(() => {
    document.title = `${current.label} — ${data.town.name || 'Equity Training Ledger'}`;
  }, [current.label, data.town.name]);

  const summary = pointsSummary(evaluation);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {/* The messages live in the rail's foot, below the screens' list, over the points while
          shown: they can never cover a screen's button or a table cell, nor a screen's link. */}
      <nav className="rail" aria-label="Main">
        <p className="rail-title">
          Equity Training Ledger
          <span className="rail-town">
            {data.town.name || 'Your town'} · {data.town.certificationYear}
          </span>
        </p>
        <ul>
          {screens.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className="rail-link"
                aria-current={s.id === screen ? 'page' : undefined}
                onClick={() => go(s.id)}
              >
                {s.label}
                {s.id === 'eligibility' ? <span className="badge-inline">{summary} points</span> : null}
                {s.id === 'town' && conflicts > 0 ? <ConflictCount count={conflicts} /> : null}
              </button>
            </li>
          ))}
        </ul>
        <RailSharingStatus onOpen={() => afterDiscard(openSharingSection)} />
        <div className="rail-foot">
          <p className="eligibility-badge">
            Points so far <strong>{summary}</strong>
            <span className="small">
              Part 1: {statusLabels[evaluation.part1.status].toLowerCase()} · Part 2:{' '}
              {statusLabels[evaluation.part2.status].toLowerCase()}
            </span>
          </p>
          <Toasts newestFirst />
        </div>
      </nav>
      <main id="main" className="main" ref={mainRef} tabIndex={-1}>
        {sampleName !== null ? <SampleBanner name={sampleName} /> : null}
        {fixReturn !== null && screen !== 'eligibility' ? <FixReturnBar text={fixReturn.text} /> : null}
        <ErrorBoundary resetKey={screen}>
          <Suspense
            fallback={
              <p className="loading" role="status">
                Opening {current.label}…
              </p>
            }
          >
            <Screen data={data} evaluation={evaluation} db={db} />
          </Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}

/** The Town item's count of conflicts to look at: always in sight, read out in words. */
function ConflictCount({ count }: { count: number }) {
  const words = `${conflictsInWords(count)} to look at`;
  return (
    <span className="rail-count" title={words}>
      <span aria-hidden="true">{count.toLocaleString('en-US')}</span>
      <span className="visually-hidden"> — {words}</span>
    </span>
  );
}

/** On every screen while the sample is open: it never disappears the way a toast does. */
function SampleBanner({ name }: { name: string }) {
  const open = useUi((s) => s.openRecordsDialog);
  return (
    <div className="sample-banner" role="region" aria-label="Sample town">
      <p>
        <strong>You are looking at the sample town {name}</strong> — nothing here is real.
      </p>
      <button
        type="button"
        className="btn btn-primary"
        onClick={() => afterDiscard(() => open('startOwnTown'))}
      >
        Start my own town
      </button>
    </div>
  );
}

/** While a gap's Fix is being worked on: which gap, and the way back (saving a form goes back by itself). */
function FixReturnBar({ text }: { text: string }) {
  const back = useUi((s) => s.returnFromFix);
  return (
    <div className="fix-return" role="region" aria-label="Fixing a gap">
      <p className="small">
        Fixing: <span>{text}</span>
      </p>
      <button type="button" className="btn btn-small" onClick={() => afterDiscard(back)}>
        Back to Eligibility
      </button>
    </div>
  );
}
