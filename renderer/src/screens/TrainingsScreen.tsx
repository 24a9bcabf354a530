/**
 * Trainings: the catalog. Series (the Sustainable CT 2020 series comes preloaded)
 * with their topics, and single courses, each with its sessions. The clerk adds
 * and edits them here, prints a sign-in sheet per session (blank or with the names
 * expected), and follows a session's attendee count to the Attendance screen. Whether a training counts
 * is the rules engine's call: this screen only shows what the evaluation says.
 */
import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { deleteSeries, deleteSession, deleteTraining, usageCounts } from '../../db/repositories';
import type { UsageCounts } from '../../db/repositories';
import type { Series, Session, Training } from '../../../shared/domain/schema';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { useDeleteWithUndo } from '../lib/useDeleteWithUndo';
import { focusElementFor, useFocusTarget } from '../lib/useFocusTarget';
import { today } from '../lib/today';
import { createSignInPdf } from '../packet';
import { appVersion, savePdf } from '../platform';
import { notify, useUi } from '../store/ui';
import { catalogGroups, longDate, plural, slug } from './trainings/catalog';
import type { CatalogGroup } from './trainings/catalog';
import { SeriesDialog } from './trainings/SeriesDialog';
import { SessionDialog } from './trainings/SessionDialog';
import { SignInDialog } from './trainings/SignInDialog';
import type { SignInChoice } from './trainings/SignInDialog';
import { TrainingBlock } from './trainings/TrainingBlock';
import { TrainingDialog } from './trainings/TrainingDialog';
import type { ScreenProps } from './types';
import './trainings/trainings.css';

/** The dialog that is open; ids point into the live data (null = a new record). */
type Editing =
  | { kind: 'series'; id: string | null; focusField?: string | undefined }
  | { kind: 'training'; id: string | null; seriesId: string | null; focusField?: string | undefined }
  | {
      kind: 'session';
      id: string | null;
      trainingId: string;
      first?: boolean;
      focusField?: string | undefined;
    };

/** Fields each dialog has, so a "Fix" link naming one opens that dialog on it. */
const dialogFields: Record<Editing['kind'], ReadonlySet<string>> = {
  series: new Set(['name', 'description']),
  training: new Set([
    'name',
    'provider',
    'providedBySustainableCT',
    'isEquity',
    'delivery',
    'description',
    'seriesId',
  ]),
  session: new Set([
    'date',
    'startTime',
    'endTime',
    'location',
    'reportedAttendeeCount',
    'departmentsReported',
  ]),
};

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** "its 3 topics, their 6 sessions and 12 attendance records (5 people)" — the parts that are not zero. */
function whatGoesWith(counts: UsageCounts, kind: 'series' | 'training' | 'session'): ReactNode {
  const parts: string[] = [];
  if (kind === 'series' && counts.trainings > 0) parts.push(plural(counts.trainings, 'topic', 'topics'));
  if (kind !== 'session' && counts.sessions > 0) parts.push(plural(counts.sessions, 'session', 'sessions'));
  if (counts.attendance > 0)
    parts.push(
      `${plural(counts.attendance, 'attendance record', 'attendance records')} (${plural(counts.people, 'person', 'people')})`,
    );
  const list =
    parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
  return (
    <>
      {parts.length > 0 ? (
        <p>
          This also deletes <strong>{list}</strong>.
        </p>
      ) : (
        <p>Nobody is marked as attending it.</p>
      )}
      {counts.certifications > 0 ? (
        <p>
          It is also named as evidence in{' '}
          {plural(counts.certifications, 'past certification', 'past certifications')}; that entry is removed
          too.
        </p>
      ) : null}
      <p>You can undo this right after.</p>
    </>
  );
}

export function TrainingsScreen({ data, evaluation, db }: ScreenProps) {
  const [editing, setEditing] = useState<Editing | null>(null);
  const [printing, setPrinting] = useState<string | null>(null);
  /** The session whose sign-in sheet dialog is open. */
  const [signIn, setSignIn] = useState<{ session: Session; training: Training } | null>(null);
  const navigate = useUi((s) => s.navigate);
  const setAttendanceSource = useUi((s) => s.setAttendanceSource);
  const del = useDeleteWithUndo(db);

  const { series: allSeries, trainings, sessions } = data;
  const groups = useMemo(
    () => catalogGroups({ series: allSeries, trainings, sessions }),
    [allSeries, trainings, sessions],
  );
  const seriesGroups = groups.filter((g) => g.kind === 'series');
  const courses = groups.filter((g) => g.kind === 'course');

  const attendedBySession = useMemo(() => {
    const counts = new Map<string, number>();
    for (const a of data.attendance) counts.set(a.sessionId, (counts.get(a.sessionId) ?? 0) + 1);
    return counts;
  }, [data.attendance]);

  const notCounted = useMemo(
    () => new Map(evaluation.part1.notCounted.map((n) => [n.id, n.reason])),
    [evaluation.part1.notCounted],
  );
  const part1SeriesId = evaluation.part1.evidence?.seriesId ?? null;
  const part2SessionId = evaluation.part2.evidence?.sessionId ?? null;

  useFocusTarget('trainings', (target) => {
    const id = target.recordId;
    const field = target.field;
    if (id !== undefined && field !== undefined) {
      if (data.series.some((s) => s.id === id) && dialogFields.series.has(field)) {
        setEditing({ kind: 'series', id, focusField: field });
        return;
      }
      const training = data.trainings.find((t) => t.id === id);
      if (training && dialogFields.training.has(field)) {
        setEditing({ kind: 'training', id, seriesId: training.seriesId, focusField: field });
        return;
      }
      const session = data.sessions.find((s) => s.id === id);
      if (session && dialogFields.session.has(field)) {
        setEditing({ kind: 'session', id, trainingId: session.trainingId, focusField: field });
        return;
      }
    }
    if (!focusElementFor(target)) document.getElementById('add-course')?.focus();
  });

  const close = () => setEditing(null);

  const askDelete = async (
    kind: 'series' | 'training' | 'session',
    id: string,
    name: string,
    noun: string,
  ) => {
    let counts: UsageCounts;
    try {
      counts = await usageCounts(db, kind, id);
    } catch (e) {
      notify({ kind: 'error', text: `Could not check what uses ${name}: ${message(e)}` });
      return;
    }
    del.ask({
      title: `Delete ${name}?`,
      message: whatGoesWith(counts, kind),
      confirmLabel: `Delete ${noun}`,
      run: () =>
        kind === 'series'
          ? deleteSeries(db, id)
          : kind === 'training'
            ? deleteTraining(db, id)
            : deleteSession(db, id),
      done: `${name} deleted.`,
    });
  };

  const printSheet = async (session: Session, training: Training, choice: SignInChoice) => {
    setPrinting(session.id);
    try {
      const bytes = await createSignInPdf(data, session.id, {
        generatedOn: today(),
        appVersion: await appVersion(),
        ...(choice.kind === 'names' ? { expectedPersonIds: choice.personIds } : {}),
      });
      const result = await savePdf(`sign-in-${slug(training.name) || 'training'}-${session.date}.pdf`, bytes);
      if (result.status !== 'error') setSignIn(null);
      if (result.status === 'saved') {
        notify({
          kind: 'success',
          text: `Sign-in sheet saved as ${result.fileName}. Print it and ask each attendee to sign.`,
        });
      } else if (result.status === 'error') {
        notify({ kind: 'error', text: `The sign-in sheet was not saved: ${result.message}` });
      }
    } catch (e) {
      notify({ kind: 'error', text: `The sign-in sheet could not be made: ${message(e)}` });
    } finally {
      setPrinting(null);
    }
  };

  const showAttendance = (group: CatalogGroup | undefined, session: Session) => {
    if (group) setAttendanceSource(group.key);
    navigate({ screen: 'attendance', recordId: session.id });
  };

  const blockHandlers = (group: CatalogGroup) => ({
    attendedBySession,
    part2SessionId,
    printingSessionId: printing,
    onEdit: (t: Training) => setEditing({ kind: 'training', id: t.id, seriesId: t.seriesId }),
    onDelete: (t: Training) =>
      void askDelete('training', t.id, t.name, group.kind === 'series' ? 'topic' : 'course'),
    onAddSession: (t: Training) => setEditing({ kind: 'session', id: null, trainingId: t.id }),
    onEditSession: (s: Session) => setEditing({ kind: 'session', id: s.id, trainingId: s.trainingId }),
    onDeleteSession: (s: Session, t: Training) =>
      void askDelete('session', s.id, `the ${longDate(s.date)} session of ${t.name}`, 'session'),
    onPrintSession: (s: Session, t: Training) => setSignIn({ session: s, training: t }),
    onShowAttendance: (s: Session) => showAttendance(group, s),
  });

  const addCourse = (
    <button
      id="add-course"
      type="button"
      className="btn btn-primary"
      onClick={() => setEditing({ kind: 'training', id: null, seriesId: null })}
    >
      Add a single course
    </button>
  );

  return (
    <div className="page trainings-page">
      <PageHeader
        title="Trainings"
        lead="The equity trainings your town’s people took or will take: Sustainable CT series with their topics, and single courses, each with the dates they were held."
        actions={
          <>
            <button
              id="add-series"
              type="button"
              className="btn"
              onClick={() => setEditing({ kind: 'series', id: null })}
            >
              Add a series
            </button>
            {addCourse}
          </>
        }
      />
      <p className="notice">
        <strong>Part 1</strong> uses a Sustainable CT equity <em>series</em>: each of three people completes
        every topic. <strong>Part 2</strong> uses one live equity <em>session</em> from any provider. After
        adding a session, tick who attended on the Attendance screen.
      </p>

      {seriesGroups.length === 0 ? (
        <EmptyState
          title="No series"
          action={
            <button type="button" className="btn" onClick={() => setEditing({ kind: 'series', id: null })}>
              Add a series
            </button>
          }
        >
          <p>Add a Sustainable CT series your town took part in, then its topics and their dates.</p>
        </EmptyState>
      ) : (
        seriesGroups.map((g) => (
          <SeriesCard
            key={g.id}
            group={g}
            isPart1Evidence={g.id === part1SeriesId}
            notCountedReason={notCounted.get(g.id)}
            onEdit={() => setEditing({ kind: 'series', id: g.id })}
            onDelete={() => void askDelete('series', g.id, g.name, 'series')}
            onAddTopic={() => setEditing({ kind: 'training', id: null, seriesId: g.id })}
          >
            {g.trainings.map((item) => (
              <TrainingBlock
                key={item.training.id}
                item={item}
                noun="topic"
                notCountedReason={notCounted.get(item.training.id)}
                {...blockHandlers(g)}
              />
            ))}
          </SeriesCard>
        ))
      )}

      <section className="card" aria-labelledby="courses-title">
        <div className="card-header">
          <h2 id="courses-title">Single courses</h2>
          <button
            type="button"
            className="btn"
            onClick={() => setEditing({ kind: 'training', id: null, seriesId: null })}
          >
            Add a single course
          </button>
        </div>
        {courses.length === 0 ? (
          <p className="muted">
            No single courses yet. Add one for an equity training your staff or officials took outside a
            series, for example a live workshop by a regional council (Part 2).
          </p>
        ) : (
          <div className="stack">
            {courses.map((g) => (
              <TrainingBlock
                key={g.id}
                item={g.trainings[0]!}
                noun="course"
                notCountedReason={undefined}
                {...blockHandlers(g)}
              />
            ))}
          </div>
        )}
      </section>

      {editing ? (
        <EditDialog editing={editing} setEditing={setEditing} close={close} {...{ data, db }} />
      ) : null}
      {signIn ? (
        <SignInDialog
          session={signIn.session}
          training={signIn.training}
          people={data.people}
          attendingIds={data.attendance
            .filter((a) => a.sessionId === signIn.session.id)
            .map((a) => a.personId)}
          busy={printing !== null}
          onClose={() => setSignIn(null)}
          onPrint={(choice) => void printSheet(signIn.session, signIn.training, choice)}
        />
      ) : null}
      {del.dialog}
    </div>
  );
}

function SeriesCard({
  group,
  isPart1Evidence,
  notCountedReason,
  onEdit,
  onDelete,
  onAddTopic,
  children,
}: {
  group: CatalogGroup;
  isPart1Evidence: boolean;
  notCountedReason: string | undefined;
  onEdit: () => void;
  onDelete: () => void;
  onAddTopic: () => void;
  children: ReactNode;
}) {
  const headingId = `series-${group.id}`;
  const sessions = group.trainings.reduce((n, t) => n + t.sessions.length, 0);
  return (
    <section className="card series-card" data-record-id={group.id} aria-labelledby={headingId}>
      <div className="card-header">
        <div>
          <p className="kicker">Series</p>
          <h2 id={headingId}>{group.name}</h2>
        </div>
        <div className="row">
          <button
            type="button"
            className="btn"
            data-field="add-topic"
            aria-label={`Add topic to ${group.name}`}
            onClick={onAddTopic}
          >
            Add topic
          </button>
          <button type="button" className="btn" aria-label={`Edit series ${group.name}`} onClick={onEdit}>
            Edit series
          </button>
          <button
            type="button"
            className="btn btn-danger"
            aria-label={`Delete series ${group.name}`}
            onClick={onDelete}
          >
            Delete series
          </button>
        </div>
      </div>
      <p className="muted">
        {plural(group.trainings.length, 'topic', 'topics')} · {plural(sessions, 'session', 'sessions')}
        {isPart1Evidence ? <span className="evidence-tag">Part 1 evidence</span> : null}
      </p>
      {group.series?.description ? <p className="series-desc">{group.series.description}</p> : null}
      {notCountedReason ? (
        <p className="notice notice-warning small">
          <strong>Not counted for Part 1:</strong> {notCountedReason}
        </p>
      ) : null}
      {group.trainings.length === 0 ? (
        <p className="muted">No topics yet. Use “Add topic” for each training of the series.</p>
      ) : (
        <div className="stack">{children}</div>
      )}
    </section>
  );
}

/** The open dialog, looked up in the live data so it always edits what is stored. */
function EditDialog({
  editing,
  setEditing,
  close,
  data,
  db,
}: {
  editing: Editing;
  setEditing: (e: Editing | null) => void;
  close: () => void;
} & Pick<ScreenProps, 'data' | 'db'>) {
  if (editing.kind === 'series') {
    const series = editing.id === null ? null : data.series.find((s) => s.id === editing.id);
    if (series === undefined) return null;
    return (
      <SeriesDialog
        key={editing.id ?? 'new'}
        db={db}
        series={series}
        focusField={editing.focusField}
        onClose={close}
        onSaved={(saved: Series, isNew) => {
          if (isNew) {
            notify({ kind: 'success', text: `${saved.name} saved. Now add its first topic.` });
            setEditing({ kind: 'training', id: null, seriesId: saved.id });
          } else {
            notify({ kind: 'success', text: `${saved.name} saved.` });
            close();
          }
        }}
      />
    );
  }
  if (editing.kind === 'training') {
    const training = editing.id === null ? null : data.trainings.find((t) => t.id === editing.id);
    if (training === undefined) return null;
    // Just after a series is saved, the live data may not have caught up yet: wait a render.
    if (editing.seriesId !== null && !data.series.some((s) => s.id === editing.seriesId)) return null;
    return (
      <TrainingDialog
        key={editing.id ?? `new-${editing.seriesId ?? 'course'}`}
        db={db}
        training={training}
        seriesId={editing.seriesId}
        allSeries={data.series}
        focusField={editing.focusField}
        onClose={close}
        onSaved={(saved, isNew) => {
          if (isNew) {
            // The next step is always its date: ask for it straight away.
            setEditing({ kind: 'session', id: null, trainingId: saved.id, first: true });
          } else {
            notify({ kind: 'success', text: `${saved.name} saved.` });
            close();
          }
        }}
      />
    );
  }
  const training = data.trainings.find((t) => t.id === editing.trainingId);
  const session = editing.id === null ? null : data.sessions.find((s) => s.id === editing.id);
  // Just after a training is saved, the live data may not have caught up yet: wait a render.
  if (training === undefined || session === undefined) return null;
  return (
    <SessionDialog
      key={editing.id ?? `new-${editing.trainingId}`}
      db={db}
      session={session}
      training={training}
      firstAfterNewTraining={editing.first ?? false}
      focusField={editing.focusField}
      tickedCount={session ? data.attendance.filter((a) => a.sessionId === session.id).length : 0}
      onClose={close}
      onSaved={(saved, isNew) => {
        notify({
          kind: 'success',
          text: isNew
            ? `Session on ${longDate(saved.date)} saved. Next: tick who attended on the Attendance screen.`
            : `Session on ${longDate(saved.date)} saved.`,
        });
        close();
      }}
    />
  );
}
