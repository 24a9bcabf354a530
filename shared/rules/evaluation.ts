/**
 * What the rules engine returns. Screens and the packet builder only display
 * this; no rule is decided outside `shared/rules/`.
 */
import type { Delivery, Id, IsoDate, PartId } from '../domain/schema';

/** Rule ids of `../shared/domain/RULES.md`, cited in every reason. */
export type RuleId =
  | 'P1.1'
  | 'P1.2'
  | 'P1.3'
  | 'P1.4'
  | 'P1.5'
  | 'P1.6'
  | 'P1.7'
  | 'P1.8'
  | 'P1.9'
  | 'P2.1'
  | 'P2.2'
  | 'P2.3'
  | 'P2.4'
  | 'P2.5'
  | 'P2.6'
  | 'P2.7'
  | 'T.1'
  | 'T.2'
  | 'T.3'
  | 'T.4'
  | 'PARTNERS'
  | 'COACHING'
  | 'OPTIMIZE';

/** met: full points; review: full points, flagged for the user to confirm; notMet and planned: 0 (T.4). */
export type PartStatus = 'met' | 'review' | 'notMet' | 'planned';

/** New credit inside the three-year window (T.1), rolling before it or on recertification (T.2, T.3). */
export type Credit = 'new' | 'rolling';

/**
 * One plain-English sentence naming the people, trainings and dates involved.
 * `kind` lets a screen mark it without colour alone: ok (why something counts),
 * problem (why something does not), review (a judgement call), warning (data to check), info.
 */
export interface Reason {
  rule: RuleId;
  kind: 'ok' | 'problem' | 'review' | 'warning' | 'info';
  text: string;
}

/** Where the user fixes a readiness gap: a screen and, when there is one, the record and field. */
export interface GapTarget {
  screen: 'town' | 'people' | 'trainings' | 'attendance' | 'partners';
  recordId?: Id;
  field?: string;
}

/** A submission field still missing. Separate from eligibility: the packet prints it as a gap. */
export interface ReadinessGap {
  part: PartId | 'general';
  rule: RuleId;
  text: string;
  target: GapTarget;
}

/** A session as the evaluation cites it. */
export interface SessionRef {
  sessionId: Id;
  trainingId: Id;
  trainingName: string;
  date: IsoDate;
  location: string;
}

/** E: executive elected official; S: director- or management-level staff; R: resident sustainability team member (P1.2). */
export type CohortRole = 'E' | 'S' | 'R';

export interface CohortMember {
  personId: Id;
  name: string;
  /** The role this person fills in the chosen assignment; null for other town attendees (P1.3). */
  role: CohortRole | null;
  /** e.g. "Elected official — Board of Selectmen", "Director-level staff — Public Works". */
  roleLabel: string;
  /** Title held when attending (P1.9); null when none is recorded (a readiness gap). */
  title: string | null;
  /** Sessions of the series this person attended, by date. */
  sessions: SessionRef[];
  /** Whether this person attended a session of every topic of the series (P1.4). */
  completedAllTopics: boolean;
}

export interface Part1Evidence {
  seriesId: Id;
  seriesName: string;
  topics: { trainingId: Id; name: string }[];
  /** Role holders first (E, S, R), then the other town attendees of the series. */
  cohort: CohortMember[];
  /** Sessions of the series attended by the cohort, by date. */
  sessions: SessionRef[];
}

export interface Part2Attendee {
  personId: Id;
  name: string;
  /** Title held on the session date. */
  title: string | null;
  /** Department, school or board, from the position held on the session date. */
  department: string | null;
}

export interface Part2Evidence {
  trainingId: Id;
  trainingName: string;
  sessionId: Id;
  date: IsoDate;
  provider: string;
  delivery: Delivery;
  description: string;
  location: string;
  /** The larger of the listed municipal attendees and the session's reported count (P2.3). */
  attendeeCount: number;
  listedCount: number;
  reportedCount: number | null;
  /** From attendees' positions plus any typed on the session, de-duplicated (P2.7). */
  departments: string[];
  attendees: Part2Attendee[];
}

interface PartBase {
  status: PartStatus;
  points: number;
  maxPoints: number;
  /** null when nothing is claimable (not met). */
  credit: Credit | null;
  completionDate: IsoDate | null;
  reasons: Reason[];
  gaps: ReadinessGap[];
}

export interface Part1Evaluation extends PartBase {
  id: 'part1';
  evidence: Part1Evidence | null;
  /** Trainings and series that do not count for Part 1, each with why (P1.1). */
  notCounted: { id: Id; name: string; reason: string }[];
}

/**
 * An equity session the town attended that could not count for Part 2, and why: recorded
 * (P2.2), no municipal attendee (P2.3), after the as-of date (T.4), or a training of the
 * claimed Part 1 evidence while another session is met (P2.5). `id` is the session's id;
 * `reason` is a full sentence ending with `(rule).`.
 */
export interface NotCountedSession {
  id: Id;
  trainingId: Id;
  /** The training's name. */
  name: string;
  date: IsoDate;
  rule: RuleId;
  reason: string;
}

export interface Part2Evaluation extends PartBase {
  id: 'part2';
  evidence: Part2Evidence | null;
  /** Equity sessions the town attended that could not count, each with why (by date, then name). */
  notCounted: NotCountedSession[];
}

export interface CoachingSummary {
  hoursUsed: number;
  freeHours: number;
  /** True past the free hours; a reason says so. */
  overFreeHours: boolean;
}

export interface OptimizeSummary {
  actionsCount: number;
  /** Highest level whose count is reached, or null. */
  levelReached: string | null;
  /** Next level and how many more actions it needs, or null when the top level is reached. */
  next: { level: string; actionsMore: number } | null;
}

export interface Evaluation {
  certificationYear: number;
  asOfDate: IsoDate;
  /** First day of the new-credit window: 1 January of Y − 3 (T.1). */
  newCreditFrom: IsoDate;
  /** The town's current certification expiring in Y makes credited evidence rolling (T.3). */
  recertification: { yearAwarded: number; level: string; expires: number } | null;
  part1: Part1Evaluation;
  part2: Part2Evaluation;
  totalPoints: number;
  maxPoints: number;
  /** Every part's gaps plus general ones, in display order. */
  gaps: ReadinessGap[];
  /** Warnings that concern the whole action (e.g. one training used twice). */
  warnings: Reason[];
  coaching: CoachingSummary;
  optimizeForEquity: OptimizeSummary;
}
