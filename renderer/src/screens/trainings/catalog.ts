/**
 * How the Trainings and Attendance screens group and word the catalog: series with
 * their topics, then single courses; each training with its sessions by date.
 * Display only: which trainings count for which part is the rules engine's call.
 */
import { format, isValid, parseISO } from 'date-fns';
import type { Series, Session, TownData, Training } from '../../../../shared/domain/schema';

export interface TrainingWithSessions {
  training: Training;
  /** By date, then start time (the order `loadTownData` returns). */
  sessions: Session[];
}

/** A series with its topics, or one single course (a training without a series). */
export interface CatalogGroup {
  /** `series:<id>` or `training:<id>`: the Attendance screen's choice of what to show. */
  key: string;
  kind: 'series' | 'course';
  id: string;
  name: string;
  series: Series | null;
  /** The series' topics, or the one course. */
  trainings: TrainingWithSessions[];
}

export const seriesKey = (id: string): string => `series:${id}`;
export const courseKey = (id: string): string => `training:${id}`;

/**
 * Series (by name) with their topics (by name), then single courses (by name).
 * A training whose series is missing is shown as a single course, so it is never hidden.
 */
export function catalogGroups(data: Pick<TownData, 'series' | 'trainings' | 'sessions'>): CatalogGroup[] {
  const sessionsByTraining = new Map<string, Session[]>();
  for (const s of data.sessions) {
    const list = sessionsByTraining.get(s.trainingId);
    if (list) list.push(s);
    else sessionsByTraining.set(s.trainingId, [s]);
  }
  const withSessions = (training: Training): TrainingWithSessions => ({
    training,
    sessions: sessionsByTraining.get(training.id) ?? [],
  });
  const seriesIds = new Set(data.series.map((s) => s.id));
  const groups: CatalogGroup[] = data.series.map((series) => ({
    key: seriesKey(series.id),
    kind: 'series',
    id: series.id,
    name: series.name,
    series,
    trainings: data.trainings.filter((t) => t.seriesId === series.id).map(withSessions),
  }));
  for (const training of data.trainings) {
    if (training.seriesId !== null && seriesIds.has(training.seriesId)) continue;
    groups.push({
      key: courseKey(training.id),
      kind: 'course',
      id: training.id,
      name: training.name,
      series: null,
      trainings: [withSessions(training)],
    });
  }
  return groups;
}

/** The group a series, training or session id belongs to (for "go to this record" links). */
export function groupOf(groups: readonly CatalogGroup[], recordId: string): CatalogGroup | undefined {
  return groups.find(
    (g) =>
      g.id === recordId ||
      g.trainings.some((t) => t.training.id === recordId || t.sessions.some((s) => s.id === recordId)),
  );
}

/** "February 18, 2020": the long form, for sentences and accessible names. */
export function longDate(iso: string): string {
  return remembered(longDates, iso, 'MMMM d, yyyy');
}

/** "Feb 18, 2020": the short form, for column headings. */
export function shortDate(iso: string): string {
  return remembered(shortDates, iso, 'MMM d, yyyy');
}

/**
 * Each date is printed once: a large catalog prints its 300 session dates on every
 * render of Trainings and Attendance, and date-fns' parse and format were a noticeable
 * part of opening those screens (issue 11). Dates are few, so the caches stay small.
 */
const longDates = new Map<string, string>();
const shortDates = new Map<string, string>();
function remembered(cache: Map<string, string>, iso: string, pattern: string): string {
  let text = cache.get(iso);
  if (text === undefined) {
    const d = parseISO(iso);
    text = isValid(d) ? format(d, pattern) : iso;
    cache.set(iso, text);
  }
  return text;
}

/** "8:00 AM". */
export function clockTime(hhmm: string): string {
  const d = parseISO(`2000-01-01T${hhmm}`);
  return isValid(d) ? format(d, 'h:mm a') : hhmm;
}

/** "8:00 AM – 12:00 PM", "from 8:00 AM", or '' when no time is recorded. */
export function timeRange(session: Pick<Session, 'startTime' | 'endTime'>): string {
  const { startTime, endTime } = session;
  if (startTime && endTime) return `${clockTime(startTime)} – ${clockTime(endTime)}`;
  if (startTime) return `from ${clockTime(startTime)}`;
  if (endTime) return `until ${clockTime(endTime)}`;
  return '';
}

/** "3 people", "1 session". */
export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** A file-name-safe slug, e.g. "equity-101". */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}
