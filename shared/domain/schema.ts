/**
 * The town's record: every type the app stores, defined once as a zod schema.
 *
 * Why zod is the single source: the same schema validates a backup file, types
 * the rules engine's input, and emits the JSON Schema of the backup format
 * (see `shared/backup/`), so the file format, the importer and the docs cannot
 * drift apart. Calendar dates are ISO `YYYY-MM-DD` strings end to end; they are
 * compared as strings and never turned into a `Date` at local midnight (a time
 * zone would move 2023-01-01 to 2022-12-31 and break the T.1 window).
 */
// Before any schema is built: see zod-config.ts (no eval probe under the app's CSP).
import '../zod-config';
import { z } from 'zod';
import { submissionSchemaOf } from '../submissions/schema';

/** Record ids are opaque strings (UUIDs for records the user creates, readable slugs for built-in catalog data). */
export const idSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');
export type Id = z.infer<typeof idSchema>;

/** A calendar date, `YYYY-MM-DD`, validated as a real day (no 2023-02-30). */
export const isoDateSchema = z.iso.date({ error: 'must be a calendar date written YYYY-MM-DD' });
export type IsoDate = z.infer<typeof isoDateSchema>;

/** A time of day, `HH:MM` (24-hour). */
export const timeSchema = z.iso.time({ precision: -1, error: 'must be a time written HH:MM (24-hour)' });

/** True when both bounds are real dates, so an ordering check adds no noise to a format error. */
const bothValidDates = (a: string, b: string): boolean =>
  isoDateSchema.safeParse(a).success && isoDateSchema.safeParse(b).success;
/** The same for two times of day: "25:00" gets its format error and no second, wrong "ends before it starts". */
const bothValidTimes = (a: string, b: string): boolean =>
  timeSchema.safeParse(a).success && timeSchema.safeParse(b).success;

/** Short free text (names, titles): trimmed, bounded so a pasted essay cannot break layouts. */
const shortText = (what: string, max = 300) =>
  z.string().trim().max(max, `${what} must be at most ${max} characters`);
const requiredText = (what: string, max = 300) => shortText(what, max).min(1, `${what} is required`);
/** Long free text (descriptions, agendas, narratives). */
const longText = (what: string) => z.string().max(20000, `${what} must be at most 20,000 characters`);

/** A term: optional start and end; a missing bound is open. Holds on day d when start ≤ d ≤ end. */
const termShape = {
  start: isoDateSchema.nullable().default(null),
  end: isoDateSchema.nullable().default(null),
};

/**
 * Bodies an elected official can sit on. Only the executive ones fill role E
 * in Part 1 (P1.2); Board of Education and Board of Finance never do.
 */
export const electedBodySchema = z.enum([
  'selectmen',
  'aldermen',
  'commonCouncil',
  'townCouncil',
  'otherExecutive',
  'education',
  'finance',
  'otherElected',
]);
export type ElectedBody = z.infer<typeof electedBodySchema>;

export const staffLevelSchema = z.enum(['director', 'management', 'other']);
export type StaffLevel = z.infer<typeof staffLevelSchema>;

export const electedPositionSchema = z.object({
  id: idSchema,
  kind: z.literal('elected'),
  body: electedBodySchema,
  /** The body's name when `body` is `otherExecutive` or `otherElected` (e.g. "Board of Burgesses"). */
  bodyName: shortText('Body name').default(''),
  /** e.g. "First Selectman", "Council Member". */
  title: shortText('Title').default(''),
  ...termShape,
});

export const staffPositionSchema = z.object({
  id: idSchema,
  kind: z.literal('staff'),
  department: shortText('Department').default(''),
  title: shortText('Title').default(''),
  level: staffLevelSchema,
  ...termShape,
});

export const boeEmployeePositionSchema = z.object({
  id: idSchema,
  kind: z.literal('boeEmployee'),
  /** School or Board of Education department. */
  school: shortText('School or department').default(''),
  title: shortText('Title').default(''),
  ...termShape,
});

export const teamMemberPositionSchema = z.object({
  id: idSchema,
  kind: z.literal('teamMember'),
  /** e.g. "Chair, Sustainability Team"; empty means a plain member. */
  title: shortText('Title').default(''),
  ...termShape,
});

/** Appointed commissioners and volunteers: listed, but never municipal attendees (P2.3) nor a Part 1 role. */
export const appointedPositionSchema = z.object({
  id: idSchema,
  kind: z.literal('appointed'),
  /** Commission, committee or organization, e.g. "Conservation Commission". */
  body: shortText('Commission or committee').default(''),
  title: shortText('Title').default(''),
  ...termShape,
});

export const positionSchema = z.discriminatedUnion('kind', [
  electedPositionSchema,
  staffPositionSchema,
  boeEmployeePositionSchema,
  teamMemberPositionSchema,
  appointedPositionSchema,
]);
export type Position = z.infer<typeof positionSchema>;
export type PositionKind = Position['kind'];
export type ElectedPosition = z.infer<typeof electedPositionSchema>;
export type StaffPosition = z.infer<typeof staffPositionSchema>;
export type BoeEmployeePosition = z.infer<typeof boeEmployeePositionSchema>;
export type TeamMemberPosition = z.infer<typeof teamMemberPositionSchema>;
export type AppointedPosition = z.infer<typeof appointedPositionSchema>;

/** An email address or nothing. 254 characters is the longest address SMTP can deliver (RFC 5321's path limit less the brackets). */
const optionalEmail = z
  .union([
    z.literal(''),
    z.email({ error: 'must be an email address' }).max(254, 'Email must be at most 254 characters'),
  ])
  .default('');

export const personSchema = z
  .object({
    id: idSchema,
    name: requiredText('Name', 200),
    /** Optional; with the name, it is how a CSV re-import recognises someone already on the roster. */
    email: optionalEmail,
    /** Whether the person lives in the town (role R needs a resident team member, P1.2). */
    isResident: z.boolean().default(false),
    positions: z.array(positionSchema).max(100).default([]),
    notes: longText('Notes').default(''),
  })
  .superRefine((person, ctx) => {
    person.positions.forEach((p, i) => {
      if (p.start !== null && p.end !== null && bothValidDates(p.start, p.end) && p.end < p.start) {
        ctx.addIssue({
          code: 'custom',
          path: ['positions', i, 'end'],
          message: `the term ends (${p.end}) before it starts (${p.start})`,
        });
      }
    });
  });
export type Person = z.infer<typeof personSchema>;

/** A set of Sustainable CT equity trainings offered together; its topics are the trainings whose `seriesId` points here. */
export const seriesSchema = z.object({
  id: idSchema,
  name: requiredText('Series name'),
  description: longText('Description').default(''),
});
export type Series = z.infer<typeof seriesSchema>;

export const deliverySchema = z.enum(['inPerson', 'liveVirtual', 'recorded']);
export type Delivery = z.infer<typeof deliverySchema>;

/** A course. With `seriesId` it is one topic of a series; without, a stand-alone course (Part 2 material). */
export const trainingSchema = z.object({
  id: idSchema,
  name: requiredText('Training name'),
  /** The training entity, as the program asks it to be named (P2.7). */
  provider: shortText('Provider').default(''),
  providedBySustainableCT: z.boolean(),
  isEquity: z.boolean(),
  delivery: deliverySchema,
  /** What was covered: a few sentences or the agenda (P2.7). */
  description: longText('Description').default(''),
  seriesId: idSchema.nullable().default(null),
});
export type Training = z.infer<typeof trainingSchema>;

export const sessionSchema = z
  .object({
    id: idSchema,
    trainingId: idSchema,
    date: isoDateSchema,
    startTime: timeSchema.nullable().default(null),
    endTime: timeSchema.nullable().default(null),
    /** A place, or a link for live virtual sessions. */
    location: shortText('Place or link', 500).default(''),
    /** Typed in by the clerk when not every attendee is on the roster (P2.3). */
    reportedAttendeeCount: z
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(0, 'cannot be negative')
      .max(100000, 'must be at most 100,000')
      .nullable()
      .default(null),
    /** Departments represented, typed in by the clerk, added to those of listed attendees (P2.7). */
    departmentsReported: z.array(requiredText('Department', 200)).max(200).default([]),
  })
  .superRefine((s, ctx) => {
    if (
      s.startTime !== null &&
      s.endTime !== null &&
      bothValidTimes(s.startTime, s.endTime) &&
      s.endTime < s.startTime
    ) {
      ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'the session ends before it starts' });
    }
  });
export type Session = z.infer<typeof sessionSchema>;

/** A person attended a session. The pair is unique. */
export const attendanceSchema = z.object({
  personId: idSchema,
  sessionId: idSchema,
});
export type Attendance = z.infer<typeof attendanceSchema>;

export const partnerSchema = z.object({
  id: idSchema,
  name: requiredText('Partner name'),
  kind: z.enum(['municipality', 'organization']),
  /** The municipality's role in the partnership, in a sentence. */
  role: longText('Role').default(''),
});
export type Partner = z.infer<typeof partnerSchema>;

export const partIdSchema = z.enum(['part1', 'part2']);
export type PartId = z.infer<typeof partIdSchema>;

/**
 * Evidence that already earned credit (T.3): for Part 1 a series, for Part 2
 * one session of a training.
 */
export const creditedEvidenceSchema = z.discriminatedUnion('part', [
  z.object({ part: z.literal('part1'), seriesId: idSchema }),
  z.object({ part: z.literal('part2'), sessionId: idSchema }),
]);
export type CreditedEvidence = z.infer<typeof creditedEvidenceSchema>;

/** A past certification: awarded in `yearAwarded`, it expires on 31 December three years later. */
export const certificationSchema = z.object({
  id: idSchema,
  yearAwarded: z.number().int().min(2000).max(2200),
  /** A level name from the settings' levels (e.g. "Bronze"). */
  level: requiredText('Level', 100),
  credited: z.array(creditedEvidenceSchema).max(100).default([]),
});
export type Certification = z.infer<typeof certificationSchema>;

/** Free equity coaching used (up to four hours per municipality). */
export const coachingEntrySchema = z.object({
  id: idSchema,
  date: isoDateSchema,
  hours: z.number().min(0.25, 'must be at least 0.25 hours').max(100, 'must be at most 100 hours'),
  coach: shortText('Coach').default(''),
  note: longText('Note').default(''),
});
export type CoachingEntry = z.infer<typeof coachingEntrySchema>;

/** One action the Optimize for Equity collaboration process was applied to. */
export const optimizeForEquitySchema = z.object({
  id: idSchema,
  actionNumber: shortText('Action number', 20).default(''),
  actionName: requiredText('Action name'),
  note: longText('Note').default(''),
});
export type OptimizeForEquityEntry = z.infer<typeof optimizeForEquitySchema>;

export const certificationLevelSchema = z.object({
  name: requiredText('Level name', 100),
  pointsNeeded: z.number().int().min(0).max(10000),
});
export type CertificationLevel = z.infer<typeof certificationLevelSchema>;

/**
 * Program settings that change between program years. Never constants in logic:
 * the 2020 flyer calls this action 7.3, the 2024 list 1.2.
 */
export const settingsSchema = z.object({
  actionNumber: requiredText('Action number', 20).default('1.2'),
  actionName: requiredText('Action name').default('Participate in Equity Training'),
  levels: z
    .array(certificationLevelSchema)
    .max(10)
    .default([
      { name: 'Bronze', pointsNeeded: 200 },
      { name: 'Silver', pointsNeeded: 500 },
      { name: 'Gold', pointsNeeded: 750 },
    ]),
  /** The level for which this action is required. */
  requiredForLevel: shortText('Required for level', 100).default('Gold'),
  /** Free coaching hours per municipality. */
  freeCoachingHours: z.number().min(0).max(100).default(4),
  /** How many actions Optimize for Equity must be applied to, per level. */
  optimizeForEquityNeeded: z
    .array(z.object({ level: requiredText('Level', 100), actions: z.number().int().min(0).max(50) }))
    .max(10)
    .default([
      { level: 'Bronze', actions: 1 },
      { level: 'Silver', actions: 3 },
    ]),
});
export type Settings = z.infer<typeof settingsSchema>;

export const townSchema = z.object({
  /** The name as the clerk typed it ("Willowbrook", or "Town of Willowbrook"). */
  name: shortText('Town name', 200).default(''),
  /**
   * What kind of municipality it is, for headings such as "City of Norwalk". Backups written
   * before the field existed import as a town, as every heading then said.
   */
  municipalityKind: z.enum(['town', 'city', 'borough']).default('town'),
  /** The calendar year the town applies in (Y). */
  certificationYear: z.number().int().min(2000).max(2200),
  /** The day of the evaluation; null means "today" (the app passes today's date to the engine). */
  asOfDate: isoDateSchema.nullable().default(null),
  preparedBy: shortText('Prepared by', 200).default(''),
  preparedByTitle: shortText('Title', 200).default(''),
  /** How Sustainable CT reaches the preparer; printed on the packet's cover when filled in. */
  preparedByEmail: optionalEmail,
  preparedByPhone: shortText('Phone', 40).default(''),
  /** Sustainable CT reviews submissions in a spring and a fall round each year. */
  certificationRound: z.enum(['spring', 'fall']).default('spring'),
  /** Rolling-credit narratives (T.2): ongoing, currently relevant, meaningful impact. */
  rollingNarrative: z
    .object({ part1: longText('Narrative').default(''), part2: longText('Narrative').default('') })
    .default({ part1: '', part2: '' }),
});
export type Town = z.infer<typeof townSchema>;

/**
 * The town's records: everything but its submissions. What a submission freezes as its
 * snapshot (shared/submissions/), and all the rules engine reads.
 */
export const townRecordsSchema = z.object({
  town: townSchema,
  settings: settingsSchema.default(() => settingsSchema.parse({})),
  people: z.array(personSchema).default([]),
  series: z.array(seriesSchema).default([]),
  trainings: z.array(trainingSchema).default([]),
  sessions: z.array(sessionSchema).default([]),
  attendance: z.array(attendanceSchema).default([]),
  partners: z.array(partnerSchema).default([]),
  certifications: z.array(certificationSchema).default([]),
  coaching: z.array(coachingEntrySchema).default([]),
  optimizeForEquity: z.array(optimizeForEquitySchema).default([]),
});
export type TownRecords = z.infer<typeof townRecordsSchema>;

/** A packet marked as submitted, frozen with the records it came from (shared/submissions/schema.ts). */
export const submissionSchema = submissionSchemaOf(townRecordsSchema);
export type Submission = z.infer<typeof submissionSchema>;

/** Everything the app stores about one town: the rules engine's input and the backup's payload. */
export const townDataSchema = townRecordsSchema.extend({
  /** Every packet marked as submitted, frozen, with Sustainable CT's result (shared/submissions/). */
  submissions: z.array(submissionSchema).default([]),
});
export type TownData = z.infer<typeof townDataSchema>;
