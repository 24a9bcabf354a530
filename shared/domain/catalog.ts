/**
 * Built-in catalog: the Sustainable CT 2020 Equity Training Series, as it is
 * printed on the program's flyer (`../shared/domain/sources/
 * equity-training-series-2020-and-optimize-for-equity.txt`).
 *
 * It is ordinary data, not a constant the rules read: a new town starts with
 * it preloaded and the user may edit or delete it like anything they typed.
 * Ids are readable slugs (`sct-2020`, `sct-2020-equity-101`,
 * `sct-2020-equity-101-2020-02-18`) so a backup file stays legible and two
 * towns that both keep the built-in series use the same ids.
 */
import { townDataSchema } from './schema';
import type { IsoDate, Series, Session, Training, TownData } from './schema';

/** Id of the built-in 2020 series (a Part 1 series, P1.1). */
export const SCT_2020_SERIES_ID = 'sct-2020';

const THREE_RIVERS = 'Three Rivers Community College';
const MIDDLESEX = 'Middlesex Community College';

interface TopicSpec {
  slug: string;
  name: string;
  description: string;
  sessions: { date: IsoDate; location: string }[];
}

/** The three topics and their two dates each, 8am–12pm, exactly as on the flyer. */
const topics2020: TopicSpec[] = [
  {
    slug: 'equity-101',
    name: 'Equity 101',
    description:
      'Introduction to equity for municipal representatives: what equity means, why it matters to a sustainable community, and shared language to start the work.',
    sessions: [
      { date: '2020-02-18', location: THREE_RIVERS },
      { date: '2020-04-21', location: MIDDLESEX },
    ],
  },
  {
    slug: 'everyday-anti-racism',
    name: 'Everyday Anti-Racism',
    description:
      'Recognising and interrupting racism in everyday municipal work and community life, with practical tools participants can use.',
    sessions: [
      { date: '2020-03-17', location: THREE_RIVERS },
      { date: '2020-05-20', location: MIDDLESEX },
    ],
  },
  {
    slug: 'conversation-about-race-bias-and-equity',
    name: 'How to Have a Conversation About Race, Bias, and Equity',
    description:
      'Skills and practice for holding productive conversations about race, bias and equity with colleagues and residents.',
    sessions: [
      { date: '2020-04-14', location: THREE_RIVERS },
      { date: '2020-06-17', location: MIDDLESEX },
    ],
  },
];

/**
 * The built-in catalog: the 2020 series, its three topics (trainings provided by
 * Sustainable CT, on equity, in person — so they count for Part 1 under P1.1) and
 * their six sessions. Returns fresh objects on every call, so callers may mutate them.
 */
export function builtInCatalog(): { series: Series[]; trainings: Training[]; sessions: Session[] } {
  const series: Series[] = [
    {
      id: SCT_2020_SERIES_ID,
      name: 'Sustainable CT 2020 Equity Training Series',
      description:
        'Three half-day trainings offered by Sustainable CT in 2020, each on two dates. Free and open to all; registration was required. The 2020 flyer names the action 7.3 "Train Municipal Representatives".',
    },
  ];
  const trainings: Training[] = [];
  const sessions: Session[] = [];
  for (const topic of topics2020) {
    const trainingId = `${SCT_2020_SERIES_ID}-${topic.slug}`;
    trainings.push({
      id: trainingId,
      name: topic.name,
      provider: 'Sustainable CT',
      providedBySustainableCT: true,
      isEquity: true,
      delivery: 'inPerson',
      description: topic.description,
      seriesId: SCT_2020_SERIES_ID,
    });
    for (const s of topic.sessions) {
      sessions.push({
        id: `${trainingId}-${s.date}`,
        trainingId,
        date: s.date,
        startTime: '08:00',
        endTime: '12:00',
        location: s.location,
        reportedAttendeeCount: null,
        departmentsReported: [],
      });
    }
  }
  return { series, trainings, sessions };
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
