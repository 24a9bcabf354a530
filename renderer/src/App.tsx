/**
 * The app shell: loads the town's data (one live query), evaluates it with the
 * rules engine once per change, and shows the navigation rail, the current
 * screen, the toasts and the restore flow. Before a town exists it shows the
 * first-run guide instead.
 */
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ComponentType } from 'react';
import { useTownData } from '../db/hooks';
import { db as appDb } from '../db/instance';
import type { AppDB } from '../db/schema';
import { statusLabels } from '../../shared/domain/labels';
import type { TownData } from '../../shared/domain/schema';
import { evaluate } from '../../shared/rules/engine';
import type { Evaluation } from '../../shared/rules/evaluation';
import { exportBackupToFile, writeAutomaticBackup } from './backup/actions';
import { RestoreFlow } from './backup/RestoreFlow';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Toasts } from './components/Toasts';
import { today } from './lib/today';
import { isDesktop, onMenuCommand } from './platform';
import { FirstRun } from './screens/FirstRun';
import { TownScreen } from './screens/TownScreen';
import type { ScreenProps } from './screens/types';
import { useUi } from './store/ui';
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

export interface AppProps {
  /** The database; tests pass one backed by fake-indexeddb. */
  db?: AppDB;
}

export function App({ db = appDb }: AppProps) {
  const data = useTownData(db);
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
  useEffect(() => {
    latest.current = data;
  }, [data]);

  useEffect(
    () =>
      onMenuCommand((command) => {
        const ui = useUi.getState();
        switch (command) {
          case 'newBackup':
            void exportBackupToFile(db, latest.current?.town.name ?? '');
            break;
          case 'restoreBackup':
            ui.requestRestore();
            break;
          case 'createPacket':
            ui.requestPacket();
            break;
          case 'importPeopleCsv':
            ui.requestCsvImport();
            break;
          case 'autoBackupOnQuit':
            void writeAutomaticBackup(db, 'quit');
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

  if (data === undefined) {
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
        <Toasts />
      </>
    );
  }

  return (
    <>
      <Shell data={data} evaluation={evaluation} db={db} />
      <RestoreFlow db={db} hasTown />
      <Toasts />
    </>
  );
}

function Shell({ data, evaluation, db }: ScreenProps) {
  const screen = useUi((s) => s.screen);
  const navigate = useUi((s) => s.navigate);
  const mainRef = useRef<HTMLElement>(null);
  const current = screens.find((s) => s.id === screen) ?? screens[0]!;
  const Screen = current.component;

  const go = useCallback(
    (id: ScreenId) => {
      navigate({ screen: id });
      // Move the keyboard and screen reader to the new screen's content.
      window.requestAnimationFrame(() => {
        window.scrollTo({ top: 0 });
        mainRef.current?.focus({ preventScroll: true });
      });
    },
    [navigate],
  );

  useEffect(() => {
    document.title = `${current.label} — ${data.town.name || 'Equity Training Ledger'}`;
  }, [current.label, data.town.name]);

  const summary = pointsSummary(evaluation);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
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
              </button>
            </li>
          ))}
        </ul>
        <p className="eligibility-badge">
          Points so far <strong>{summary}</strong>
          <span className="small">
            Part 1: {statusLabels[evaluation.part1.status].toLowerCase()} · Part 2:{' '}
            {statusLabels[evaluation.part2.status].toLowerCase()}
          </span>
        </p>
      </nav>
      <main id="main" className="main" ref={mainRef} tabIndex={-1}>
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
