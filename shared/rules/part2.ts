/**
 * Part 2 — one live equity training for municipal people (5 points), rules
 * P2.1–P2.7 of RULES.md. Every session of an equity training is judged on its
 * own (P2.1: attendees of different sessions are never added together) and the
 * best session is the evidence (P2.6).
 */
import { deliveryLabels, positionDepartment } from '../domain/labels';
import type { Person, Position, Session, Training } from '../domain/schema';
import type {
  Part2Attendee,
  Part2Evaluation,
  Part2Evidence,
  PartStatus,
  ReadinessGap,
  Reason,
} from './evaluation';
import { day, holdsOn, joinNames } from './context';
import type { TownIndex } from './context';
import { decideCredit, narrativeGap } from './timeframe';
import type { CreditDecision, Timeframe } from './timeframe';

const POINTS = 5;

/** P2.3: the positions that make someone a municipal attendee on a given day. */
const isMunicipal = (p: Position): boolean =>
  p.kind === 'staff' || p.kind === 'boeEmployee' || p.kind === 'elected';

interface Candidate {
  session: Session;
  training: Training;
  /** Municipal attendees: the position they are listed under, and every municipal position held that day. */
  municipal: { person: Person; position: Position; held: Position[] }[];
  others: Person[];
  listed: number;
  reported: number | null;
  count: number;
  live: boolean;
  planned: boolean;
  /** P2.5: the training is also part of the claimed Part 1 evidence. */
  doubleCounted: boolean;
  status: PartStatus;
  credit: CreditDecision | null;
}

const statusRank: Record<PartStatus, number> = { met: 3, review: 2, planned: 1, notMet: 0 };

/** P2.6: met over review over not met (planned between); new over rolling; more municipal attendees; later date. */
function better(a: Candidate, b: Candidate): boolean {
  if (statusRank[a.status] !== statusRank[b.status]) return statusRank[a.status] > statusRank[b.status];
  const ac = a.credit?.credit === 'new' ? 1 : 0;
  const bc = b.credit?.credit === 'new' ? 1 : 0;
  if (ac !== bc) return ac > bc;
  if (a.count !== b.count) return a.count > b.count;
  if (a.session.date !== b.session.date) return a.session.date > b.session.date;
  return a.session.id < b.session.id;
}

function judgeSession(
  index: TownIndex,
  tf: Timeframe,
  session: Session,
  training: Training,
  part1TrainingIds: ReadonlySet<string>,
): Candidate {
  const municipal: Candidate['municipal'] = [];
  const others: Person[] = [];
  for (const person of index.attendeesBySession.get(session.id) ?? []) {
    const held = person.positions.filter((p) => isMunicipal(p) && holdsOn(p, session.date));
    const position = held[0];
    if (position) municipal.push({ person, position, held });
    else others.push(person);
  }
  // Both lists are already in name order: the index keeps each session's attendees sorted.
  const listed = municipal.length;
  const reported = session.reportedAttendeeCount;
  const count = Math.max(listed, reported ?? 0);
  const live = training.delivery !== 'recorded';
  const planned = session.date > index.options.asOfDate;
  const doubleCounted = part1TrainingIds.has(training.id);
  // A future session with nobody recorded is no evidence yet, planned or otherwise (T.4).
  const status: PartStatus =
    !live || count < 1 ? 'notMet' : planned ? 'planned' : doubleCounted ? 'review' : 'met';
  const credit =
    status === 'notMet'
      ? null
      : decideCredit(
          tf,
          session.date,
          { part: 'part2', sessionId: session.id },
          `${training.name} on ${day(session.date)}`,
        );
  return {
    session,
    training,
    municipal,
    others,
    listed,
    reported,
    count,
    live,
    planned,
    doubleCounted,
    status,
    credit,
  };
}

function attendeeOf(m: Candidate['municipal'][number]): Part2Attendee {
  // The title of the municipal position they attended in; an empty one stays empty (a gap to fix).
  return {
    personId: m.person.id,
    name: m.person.name,
    title: m.position.title.trim() || null,
    department: positionDepartment(m.position),
  };
}

/**
 * P2.7: departments from every municipal position attendees held that day, plus any typed on
 * the session, once each (case-insensitive).
 */
function departmentsOf(c: Candidate): string[] {
  const seen = new Map<string, string>();
  const fromPositions = c.municipal.flatMap((m) => m.held.map(positionDepartment));
  for (const d of [...fromPositions, ...c.session.departmentsReported]) {
    const name = d?.trim();
    if (name && !seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

function evidenceOf(c: Candidate): Part2Evidence {
  const attendees = c.municipal.map(attendeeOf);
  return {
    trainingId: c.training.id,
    trainingName: c.training.name,
    sessionId: c.session.id,
    date: c.session.date,
    provider: c.training.provider.trim(),
    delivery: c.training.delivery,
    description: c.training.description.trim(),
    location: c.session.location,
    attendeeCount: c.count,
    listedCount: c.listed,
    reportedCount: c.reported,
    departments: departmentsOf(c),
    attendees,
  };
}

const MAX_NAMED = 12;
const nameList = (names: string[]): string =>
  names.length <= MAX_NAMED
    ? joinNames(names)
    : `${names.slice(0, MAX_NAMED).join(', ')} and ${names.length - MAX_NAMED} more`;

function reasonsFor(
  index: TownIndex,
  best: Candidate,
  all: Candidate[],
  part1SeriesName: string | null,
): Reason[] {
  const { session, training } = best;
  const what = `${training.name} on ${day(session.date)}`;
  const reasons: Reason[] = [
    {
      rule: 'P2.1',
      kind: 'ok',
      text: `The claim is one session of one equity training: ${what}${training.provider.trim() ? `, by ${training.provider.trim()}` : ''} (P2.1).`,
    },
    {
      rule: 'P2.2',
      kind: 'ok',
      text: `${deliveryLabels[training.delivery]}: a live training (P2.2).`,
    },
  ];
  if (best.listed > 0)
    reasons.push({
      rule: 'P2.3',
      kind: 'ok',
      text: `${best.listed === 1 ? '1 municipal attendee is' : `${best.listed} municipal attendees are`} listed, holding a staff, Board of Education or elected position on ${day(session.date)}: ${nameList(best.municipal.map((m) => m.person.name))} (P2.3).`,
    });
  if (best.reported !== null)
    reasons.push({
      rule: 'P2.3',
      kind: 'info',
      text: `The session's reported attendee count is ${best.reported}; the number of municipal attendees is the larger of the ${best.listed} listed and the ${best.reported} reported: ${best.count} (P2.3).`,
    });
  if (best.reported !== null && best.reported < best.listed)
    reasons.push({
      rule: 'P2.3',
      kind: 'warning',
      text: `The reported attendee count (${best.reported}) is below the ${best.listed} municipal attendees listed for ${what}: check the count typed on the session (P2.3).`,
    });
  if (best.others.length > 0)
    reasons.push({
      rule: 'P2.3',
      kind: 'info',
      text: `${nameList(best.others.map((p) => p.name))} attended but held no municipal staff, Board of Education or elected position on ${day(session.date)}, so ${best.others.length === 1 ? 'is' : 'are'} not counted: residents, volunteers and appointed commissioners alone do not count (P2.3).`,
    });
  if (best.status === 'planned') {
    reasons.push({
      rule: 'T.4',
      kind: 'info',
      text: `${what} is after the as-of date, ${day(index.options.asOfDate)}: Part 2 is planned and cannot be claimed until it has happened (T.4).`,
    });
  } else {
    reasons.push({
      rule: 'P2.4',
      kind: 'ok',
      text: `Live, on or before the as-of date, with at least one municipal attendee: Part 2 is met (P2.4).`,
    });
  }
  if (best.doubleCounted)
    reasons.push({
      rule: 'P2.5',
      kind: 'review',
      text: `${training.name} is a topic of the series used for Part 1${part1SeriesName ? ` (${part1SeriesName})` : ''}; the program may not credit one training twice. Confirm with Sustainable CT, or record another live equity training for Part 2 (P2.5).`,
    });
  const elsewhere = new Set<string>();
  const inBest = new Set(best.municipal.map((b) => b.person.id));
  for (const c of all) {
    if (c === best || !c.live) continue;
    for (const m of c.municipal) if (!inBest.has(m.person.id)) elsewhere.add(m.person.name);
  }
  if (elsewhere.size > 0)
    reasons.push({
      rule: 'P2.1',
      kind: 'info',
      text: `${elsewhere.size === 1 ? '1 other municipal person' : `${elsewhere.size} other municipal people`} attended other sessions or courses (${nameList([...elsewhere].sort())}); attendees of different sessions are never added together (P2.1).`,
    });
  const alternatives = all.filter((c) => c !== best && (c.status === 'met' || c.status === 'review'));
  if (alternatives.length > 0)
    reasons.push({
      rule: 'P2.6',
      kind: 'info',
      text: `Chosen over ${alternatives.length === 1 ? '1 other session' : `${alternatives.length} other sessions`} that could also be claimed: met over review, new credit over rolling, then more municipal attendees, then the later date (P2.6).`,
    });
  if (best.credit) reasons.push(best.credit.reason);
  return reasons;
}

/** P2.2 / P2.3 / P2.4: why nothing qualifies, naming the near-misses. */
function notMetReasons(index: TownIndex, all: Candidate[]): Reason[] {
  const attended = all.filter(
    (c) => (index.attendeesBySession.get(c.session.id)?.length ?? 0) > 0 || c.reported,
  );
  if (attended.length === 0) {
    const nonEquity = index.data.trainings.filter(
      (t) =>
        !t.isEquity &&
        (index.sessionsByTraining.get(t.id) ?? []).some(
          (s) => (index.attendeesBySession.get(s.id)?.length ?? 0) > 0,
        ),
    );
    return [
      {
        rule: 'P2.4',
        kind: 'problem',
        text: 'No attendance is recorded at a live equity training: add the training and its session on the Trainings screen, then record who attended (P2.4).',
      },
      ...nonEquity.slice(0, MAX_NAMED).map((t): Reason => ({
        rule: 'P2.1',
        kind: 'problem',
        text: `${t.name} is not marked as an equity training, so it cannot count (P2.1).`,
      })),
    ];
  }
  const reasons: Reason[] = [];
  for (const c of attended.slice(0, MAX_NAMED)) {
    const what = `${c.training.name} on ${day(c.session.date)}`;
    if (!c.live)
      reasons.push({
        rule: 'P2.2',
        kind: 'problem',
        text: `${what} was recorded / on demand: Part 2 needs a live training, in person or live virtual (P2.2).`,
      });
    else if (c.count < 1)
      reasons.push({
        rule: 'P2.3',
        kind: 'problem',
        text: `${what}: no attendee held a municipal staff, Board of Education or elected position that day${c.others.length > 0 ? ` (${nameList(c.others.map((p) => p.name))} attended as residents, volunteers or commissioners)` : ''} (P2.3).`,
      });
  }
  return reasons;
}

function gapsFor(index: TownIndex, best: Candidate, evidence: Part2Evidence): ReadinessGap[] {
  const gaps: ReadinessGap[] = [];
  const gap = (text: string, target: ReadinessGap['target']) =>
    gaps.push({ part: 'part2', rule: 'P2.7', text, target });
  const what = `${evidence.trainingName} on ${day(evidence.date)}`;
  if (evidence.provider === '')
    gap(`Training entity (provider) missing for ${evidence.trainingName}.`, {
      screen: 'trainings',
      recordId: evidence.trainingId,
      field: 'provider',
    });
  if (evidence.description === '')
    gap(`Description or agenda missing for ${evidence.trainingName}.`, {
      screen: 'trainings',
      recordId: evidence.trainingId,
      field: 'description',
    });
  if (evidence.attendeeCount < 1)
    gap(`Number of attendees missing for ${what}: record attendance or type the reported count.`, {
      screen: 'attendance',
      recordId: evidence.trainingId,
    });
  if (evidence.departments.length === 0)
    gap(`Municipal departments represented missing for ${what}.`, {
      screen: 'trainings',
      recordId: evidence.sessionId,
      field: 'departmentsReported',
    });
  return [...gaps, ...narrativeGap(index, 'part2', best.credit?.credit ?? null)];
}

export function evaluatePart2(
  index: TownIndex,
  tf: Timeframe,
  part1: { claimed: boolean; trainingIds: ReadonlySet<string>; seriesName: string | null },
): Part2Evaluation {
  const doubleIds = part1.claimed ? part1.trainingIds : new Set<string>();
  const all: Candidate[] = [];
  for (const training of index.data.trainings) {
    if (!training.isEquity) continue;
    for (const session of index.sessionsByTraining.get(training.id) ?? [])
      all.push(judgeSession(index, tf, session, training, doubleIds));
  }
  const best = all.reduce<Candidate | null>((b, c) => (b === null || better(c, b) ? c : b), null);
  if (best === null || best.status === 'notMet') {
    return {
      id: 'part2',
      status: 'notMet',
      points: 0,
      maxPoints: POINTS,
      credit: null,
      completionDate: null,
      reasons: notMetReasons(index, all),
      gaps: [],
      evidence: null,
    };
  }
  const evidence = evidenceOf(best);
  const claimed = best.status === 'met' || best.status === 'review';
  return {
    id: 'part2',
    status: best.status,
    points: claimed ? POINTS : 0,
    maxPoints: POINTS,
    credit: best.credit?.credit ?? null,
    completionDate: best.session.date,
    reasons: reasonsFor(index, best, all, part1.seriesName),
    gaps: gapsFor(index, best, evidence),
    evidence,
  };
}
