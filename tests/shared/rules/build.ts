/**
 * A small builder for rule tests: a town in a few readable lines, validated by the
 * real schema so tests exercise the same shapes the app stores.
 *
 *   const t = town();
 *   const s = t.series3('2024-03-01', '2024-04-01', '2024-05-01');   // three topics, one session each
 *   t.person('Ann Lee', [elected('selectmen', 'First Selectman')]).attends(...s.all);
 *   evaluateTown(t)
 */
import { townDataSchema } from '../../../shared/domain/schema';
import type { IsoDate, Position, TownData } from '../../../shared/domain/schema';
import { evaluate } from '../../../shared/rules/engine';
import type { Evaluation } from '../../../shared/rules/evaluation';

type Term = { start?: IsoDate | null; end?: IsoDate | null };

let nextId = 0;
const id = (prefix: string) => `${prefix}-${++nextId}`;

export const elected = (body: string, title = 'Member', term: Term = {}): Position =>
  ({
    id: id('pos'),
    kind: 'elected',
    body,
    bodyName: '',
    title,
    start: null,
    end: null,
    ...term,
  }) as Position;
export const staff = (
  level: 'director' | 'management' | 'other',
  department: string,
  title: string,
  term: Term = {},
) =>
  ({ id: id('pos'), kind: 'staff', level, department, title, start: null, end: null, ...term }) as Position;
export const boe = (school: string, title: string, term: Term = {}) =>
  ({ id: id('pos'), kind: 'boeEmployee', school, title, start: null, end: null, ...term }) as Position;
export const team = (title = 'Member, Sustainability Team', term: Term = {}) =>
  ({ id: id('pos'), kind: 'teamMember', title, start: null, end: null, ...term }) as Position;
export const appointed = (body: string, title = 'Commissioner', term: Term = {}) =>
  ({ id: id('pos'), kind: 'appointed', body, title, start: null, end: null, ...term }) as Position;

export interface SeriesHandle {
  id: string;
  /** Topic training ids, in order. */
  topics: string[];
  /** Session ids per topic: sessions[topic][n]. */
  sessions: string[][];
  /** The first session of every topic. */
  all: string[];
}

export interface PersonHandle {
  id: string;
  attends: (...sessionIds: string[]) => PersonHandle;
}

export function town(opts: { year?: number; asOf?: IsoDate } = {}) {
  const raw = {
    town: { name: 'Maple Hollow', certificationYear: opts.year ?? 2026, asOfDate: opts.asOf ?? '2026-03-01' },
    people: [] as unknown[],
    series: [] as unknown[],
    trainings: [] as unknown[],
    sessions: [] as unknown[],
    attendance: [] as { personId: string; sessionId: string }[],
    certifications: [] as unknown[],
    coaching: [] as unknown[],
    optimizeForEquity: [] as unknown[],
    partners: [] as unknown[],
    rollingNarrative: { part1: '', part2: '' },
  };

  const api = {
    raw,
    /** A Sustainable CT equity series; `topicDates[i]` are the session dates of topic i. */
    series(
      name: string,
      topicDates: IsoDate[][],
      opts2: { sct?: boolean; equity?: boolean; topicNames?: string[] } = {},
    ): SeriesHandle {
      const sid = id('series');
      raw.series.push({ id: sid, name });
      const topics: string[] = [];
      const sessions: string[][] = [];
      topicDates.forEach((dates, i) => {
        const tid = id('topic');
        topics.push(tid);
        raw.trainings.push({
          id: tid,
          name: opts2.topicNames?.[i] ?? `${name} topic ${i + 1}`,
          provider: 'Sustainable CT',
          providedBySustainableCT: opts2.sct ?? true,
          isEquity: opts2.equity ?? true,
          delivery: 'inPerson',
          description: 'An equity topic.',
          seriesId: sid,
        });
        sessions.push(
          dates.map((date) => {
            const ses = id('session');
            raw.sessions.push({ id: ses, trainingId: tid, date, location: 'Town Hall' });
            return ses;
          }),
        );
      });
      return { id: sid, topics, sessions, all: sessions.map((s) => s[0]!) };
    },
    /** Three topics, one session each, on the given dates. */
    series3(d1: IsoDate, d2: IsoDate, d3: IsoDate, name = 'Equity Series'): SeriesHandle {
      return api.series(name, [[d1], [d2], [d3]], {
        topicNames: ['Equity 101', 'Everyday Anti-Racism', 'Conversations'],
      });
    },
    /** A stand-alone course with one session per date; returns the session ids. */
    course(
      name: string,
      dates: IsoDate[],
      opts2: {
        delivery?: 'inPerson' | 'liveVirtual' | 'recorded';
        equity?: boolean;
        provider?: string;
        description?: string;
        reported?: number | null;
        departments?: string[];
      } = {},
    ): { trainingId: string; sessions: string[] } {
      const tid = id('course');
      raw.trainings.push({
        id: tid,
        name,
        provider: opts2.provider ?? 'Regional Equity Partners',
        providedBySustainableCT: false,
        isEquity: opts2.equity ?? true,
        delivery: opts2.delivery ?? 'inPerson',
        description: opts2.description ?? 'Half-day workshop on equity in public service.',
        seriesId: null,
      });
      const sessions = dates.map((date) => {
        const ses = id('session');
        raw.sessions.push({
          id: ses,
          trainingId: tid,
          date,
          location: 'Library',
          reportedAttendeeCount: opts2.reported ?? null,
          departmentsReported: opts2.departments ?? [],
        });
        return ses;
      });
      return { trainingId: tid, sessions };
    },
    person(name: string, positions: Position[], opts2: { resident?: boolean } = {}): PersonHandle {
      const pid = id('person');
      raw.people.push({ id: pid, name, isResident: opts2.resident ?? false, positions });
      const handle: PersonHandle = {
        id: pid,
        attends: (...sessionIds) => {
          for (const sessionId of sessionIds) raw.attendance.push({ personId: pid, sessionId });
          return handle;
        },
      };
      return handle;
    },
    /** E, S and R role-holders who each attend the given sessions. */
    cohort(sessionIds: string[]) {
      return {
        e: api.person('Eve Elected', [elected('selectmen', 'First Selectman')]).attends(...sessionIds),
        s: api
          .person('Sam Staff', [staff('director', 'Public Works', 'Director of Public Works')])
          .attends(...sessionIds),
        r: api
          .person('Rae Resident', [team('Chair, Sustainability Team')], { resident: true })
          .attends(...sessionIds),
      };
    },
    certified(
      yearAwarded: number,
      credited: ({ part: 'part1'; seriesId: string } | { part: 'part2'; sessionId: string })[] = [],
    ) {
      raw.certifications.push({ id: id('cert'), yearAwarded, level: 'Bronze', credited });
    },
    data(): TownData {
      return townDataSchema.parse({ ...raw, town: { ...raw.town, rollingNarrative: raw.rollingNarrative } });
    },
    evaluate(options: { year?: number; asOf?: IsoDate } = {}): Evaluation {
      const data = api.data();
      return evaluate(data, {
        certificationYear: options.year ?? data.town.certificationYear,
        asOfDate: options.asOf ?? data.town.asOfDate ?? '2026-03-01',
      });
    },
  };
  return api;
}

/** Every reason's text, for `toContain`-style assertions. */
export const texts = (reasons: { text: string }[]): string => reasons.map((r) => r.text).join('\n');

/** The rule ids cited by a list of reasons. */
export const rules = (reasons: { rule: string }[]): string[] => reasons.map((r) => r.rule);
