/**
 * Built-in catalog: Sustainable CT's equity training series, holding only what
 * a source says (names, dates, places, times, provider):
 *
 * - the 2020 Equity Training Series, as printed on the program's flyer
 *   (`../shared/domain/sources/equity-training-series-2020-and-optimize-for-equity.txt`);
 * - the 2026 series, three cohorts, as read from Sustainable CT's equity support page
 *   (`../shared/domain/sources/sustainable-ct-2026-equity-training-series.md`).
 *
 * Neither source describes what a session covered, so every built-in training's
 * description is empty: the readiness gap (P2.7) then asks the clerk for what was
 * covered instead of the app submitting words nobody wrote. Each series' own
 * description says where its data comes from, so a clerk can tell built-in records
 * from their own.
 *
 * HOW THE 2026 COHORTS ARE MODELLED: each cohort is its own series whose three
 * sessions are its three topics (one training per session, one session each). The
 * page says all three sessions of a cohort are required and does not say a missed
 * session may be made up in another cohort, so "completed every topic of the
 * series" (P1.4) is exactly "attended all three sessions of the cohort", and the
 * existing rules (P1.1–P1.9, P2.1–P2.7) apply unchanged. One series with three
 * topics of three sessions each would instead let a person mix sessions across
 * cohorts, which the page does not allow.
 *
 * It is ordinary data, not a constant the rules read: a new town starts with it
 * and the user may edit or delete it like anything they typed. Ids are readable
 * slugs (`sct-2020`, `sct-2020-equity-101`, `sct-2020-equity-101-2020-02-18`) so a
 * backup stays legible, two towns keeping the catalog use the same ids, and a
 * catalog update can add what a town lacks by id (`renderer/db/catalog-updates.ts`).
 */
import { townDataSchema } from './schema';
import type { IsoDate, Series, Session, Training, TownData } from './schema';

/** Id of the built-in 2020 series (a Part 1 series, P1.1). */
export const SCT_2020_SERIES_ID = 'sct-2020';

/**
 * The catalog's version. Raise it whenever built-in records are added (each record
 * carries the version that first shipped it), so a town created by an older release
 * receives them on its next start. 1: the 2020 series. 2: the 2026 cohorts, and the
 * 2020 topics without descriptions.
 */
export const CATALOG_VERSION = 2;

/**
 * Descriptions that releases before catalog version 2 shipped, which no source
 * contains. A town whose record still holds one word for word gets it cleared by
 * the catalog update (the clerk never wrote it); anything edited is kept.
 */
export const RETIRED_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'sct-2020':
    'Three half-day trainings offered by Sustainable CT in 2020, each on two dates. Free and open to all; registration was required. The 2020 flyer names the action 7.3 "Train Municipal Representatives".',
  'sct-2020-equity-101':
    'Introduction to equity for municipal representatives: what equity means, why it matters to a sustainable community, and shared language to start the work.',
  'sct-2020-everyday-anti-racism':
    'Recognising and interrupting racism in everyday municipal work and community life, with practical tools participants can use.',
  'sct-2020-conversation-about-race-bias-and-equity':
    'Skills and practice for holding productive conversations about race, bias and equity with colleagues and residents.',
};

const THREE_RIVERS = 'Three Rivers Community College';
const MIDDLESEX = 'Middlesex Community College';

interface SessionSpec {
  date: IsoDate;
  startTime: string;
  endTime: string;
  location: string;
}

interface TopicSpec {
  slug: string;
  name: string;
  sessions: SessionSpec[];
}

interface SeriesSpec {
  id: string;
  name: string;
  /** Where the data comes from, and what the source says about the series as a whole. */
  description: string;
  delivery: Training['delivery'];
  topics: TopicSpec[];
  /** The catalog version that first shipped this series (see `CATALOG_VERSION`). */
  since: number;
}

const flyer2020 = (date: IsoDate, location: string): SessionSpec => ({
  date,
  startTime: '08:00',
  endTime: '12:00',
  location,
});

/** The 2020 series: three topics, two dates each, 8am–12pm, exactly as on the flyer. */
const series2020: SeriesSpec = {
  id: SCT_2020_SERIES_ID,
  name: 'Sustainable CT 2020 Equity Training Series',
  description:
    'Built in, from the Sustainable CT flyer (2020 Equity Training Series): "Attend one session or all three!" Events free and open to all; registration required. The flyer names the action 7.3 "Train Municipal Representatives".',
  delivery: 'inPerson',
  since: 1,
  topics: [
    {
      slug: 'equity-101',
      name: 'Equity 101',
      sessions: [flyer2020('2020-02-18', THREE_RIVERS), flyer2020('2020-04-21', MIDDLESEX)],
    },
    {
      slug: 'everyday-anti-racism',
      name: 'Everyday Anti-Racism',
      sessions: [flyer2020('2020-03-17', THREE_RIVERS), flyer2020('2020-05-20', MIDDLESEX)],
    },
    {
      slug: 'conversation-about-race-bias-and-equity',
      name: 'How to Have a Conversation About Race, Bias, and Equity',
      sessions: [flyer2020('2020-04-14', THREE_RIVERS), flyer2020('2020-06-17', MIDDLESEX)],
    },
  ],
};

/** The page gives no place or link: "Virtual" is all it says. */
const VIRTUAL = 'Virtual';

/** A 2026 cohort: three required sessions, 10:00–12:00 for the first, 10:00–12:30 for the others. */
function cohort2026(season: string, dates: [IsoDate, IsoDate, IsoDate]): SeriesSpec {
  const slug = season.toLowerCase();
  return {
    id: `sct-2026-${slug}`,
    name: `Sustainable CT 2026 Equity Training Series — ${season} cohort`,
    description: `Built in, from Sustainable CT's equity support page (2026 series, ${season} cohort): three live virtual sessions, all required; free; 35 places per cohort. The page does not name the sessions' topics.`,
    delivery: 'liveVirtual',
    since: 2,
    topics: dates.map((date, i) => ({
      slug: `session-${i + 1}`,
      name: `2026 ${season} cohort, session ${i + 1}`,
      sessions: [{ date, startTime: '10:00', endTime: i === 0 ? '12:00' : '12:30', location: VIRTUAL }],
    })),
  };
}

const catalogSeries: readonly SeriesSpec[] = [
  series2020,
  cohort2026('Winter', ['2026-01-14', '2026-01-28', '2026-02-11']),
  cohort2026('Spring', ['2026-03-11', '2026-03-25', '2026-04-08']),
  cohort2026('Summer', ['2026-05-06', '2026-05-20', '2026-06-03']),
];

export interface BuiltInCatalog {
  series: Series[];
  trainings: Training[];
  sessions: Session[];
}

/**
 * The built-in catalog, or only the records first shipped after catalog version
 * `after` (0, the default: everything). Every topic is a training provided by
 * Sustainable CT, on equity, so it counts for Part 1 under P1.1. Returns fresh
 * objects on every call, so callers may mutate them.
 */
export function builtInCatalog(after = 0): BuiltInCatalog {
  const out: BuiltInCatalog = { series: [], trainings: [], sessions: [] };
  for (const spec of catalogSeries) {
    if (spec.since <= after) continue;
    out.series.push({ id: spec.id, name: spec.name, description: spec.description });
    for (const topic of spec.topics) {
      const trainingId = `${spec.id}-${topic.slug}`;
      out.trainings.push({
        id: trainingId,
        name: topic.name,
        provider: 'Sustainable CT',
        providedBySustainableCT: true,
        isEquity: true,
        delivery: spec.delivery,
        description: '',
        seriesId: spec.id,
      });
      for (const s of topic.sessions) {
        out.sessions.push({
          id: `${trainingId}-${s.date}`,
          trainingId,
          date: s.date,
          startTime: s.startTime,
          endTime: s.endTime,
          location: s.location,
          reportedAttendeeCount: null,
          departmentsReported: [],
        });
      }
    }
  }
  return out;
}

/** The description a built-in series ships with now, for replacing a retired one. */
export function builtInSeriesDescription(id: string): string | null {
  return catalogSeries.find((s) => s.id === id)?.description ?? null;
}

/**
 * A new town's data: no name yet, the given certification year (Y, T.1), default
 * settings (action 1.2, levels, coaching hours) and the built-in catalog preloaded.
 */
export function emptyTownData(year: number): TownData {
  const catalog = builtInCatalog();
  return townDataSchema.parse({
    town: { certificationYear: year },
    series: catalog.series,
    trainings: catalog.trainings,
    sessions: catalog.sessions,
  });
}
