/**
 * Part 2 — one live equity training for municipal people (5 points), rules
 * P2.1–P2.7 of RULES.md. Every session of an equity training is judged on its
 * own (P2.1: attendees of different sessions are never added together) and the
 * best session is the evidence (P2.6).
 */
import { deliveryLabels, positionDepartment } from '../domain/labels';
import type { Person, Position, Session, Training } from '../domain/schema';
import type {
  NotCountedSession,
  Part2Attendee,
  Part2Evaluation,
  Part2Evidence,
  PartStatus,
  ReadinessGap,
  Reason,
} from './evaluation';
import { because, day, holdsOn, joinNames } from './context';
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

/** One collator for training names, so the tie-break reads names as a clerk does (case folded). */
const nameCollator = new Intl.Collator('en', { sensitivity: 'base' });

/**
 * P2.6: met over review over planned over not met; new over rolling; more municipal
 * attendees; the later date; fewer readiness gaps (P2.7); the training's name; the
 * session's id — so the choice never depends on the order records were entered.
 * `gaps` counts a candidate's readiness gaps; it is asked only on a tie so far.
 */
function better(a: Candidate, b: Candidate, gaps: (c: Candidate) => number): boolean {
  if (statusRank[a.status] !== statusRank[b.status]) return statusRank[a.status] > statusRank[b.status];
  const ac = a.credit?.credit === 'new' ? 1 : 0;
  const bc = b.credit?.credit === 'new' ? 1 : 0;
  if (ac !== bc) return ac > bc;
  if (a.count !== b.count) return a.count > b.count;
  if (a.session.date !== b.session.date) return a.session.date > b.session.date;
  const ag = gaps(a);
  const bg = gaps(b);
  if (ag !== bg) return ag < bg;
  const byName = nameCollator.compare(a.training.name, b.training.name);
  if (byName !== 0) return byName < 0;
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
  const planned = best.status === 'planned';
  const provider = training.provider.trim();
  const reasons: Reason[] = [
    because(
      'P2.1',
      'ok',
      `The claim is one session of one equity training: ${what}${provider ? `, by ${provider}` : ''}`,
    ),
    because(
      'P2.2',
      'ok',
      `${training.name} ${planned ? 'is to be' : 'was'} delivered ${deliveryLabels[training.delivery].toLowerCase()}, so it is a live training`,
    ),
  ];
  if (best.listed > 0)
    reasons.push(
      because(
        'P2.3',
        'ok',
        `${best.listed === 1 ? '1 municipal attendee is' : `${best.listed} municipal attendees are`} listed, holding a staff, Board of Education or elected position on ${day(session.date)}: ${nameList(best.municipal.map((m) => m.person.name))}`,
      ),
    );
  if (best.reported !== null)
    reasons.push(
      because(
        'P2.3',
        'info',
        `The session's reported attendee count is ${best.reported}; the number of municipal attendees is the larger of the ${best.listed} listed and the ${best.reported} reported: ${best.count}`,
      ),
    );
  if (best.reported !== null && best.reported < best.listed)
    reasons.push(
      because(
        'P2.3',
        'warning',
        `The reported attendee count (${best.reported}) is below the ${best.listed} municipal attendees listed for ${what}: check the count typed on the session`,
      ),
    );
  if (best.others.length > 0)
    reasons.push(
      because(
        'P2.3',
        'info',
        `${nameList(best.others.map((p) => p.name))} attended but held no municipal staff, Board of Education or elected position on ${day(session.date)}, so ${best.others.length === 1 ? 'is' : 'are'} not counted: residents, volunteers and appointed commissioners alone do not count`,
      ),
    );
  if (planned) {
    reasons.push(
      because(
        'T.4',
        'info',
        `${what} is after the as-of date, ${day(index.options.asOfDate)}: Part 2 is planned, earns 0 points and asks for nothing to submit until it has happened`,
      ),
    );
  } else if (best.doubleCounted) {
    reasons.push(
      because(
        'P2.4',
        'ok',
        `${what} was live, on or before the as-of date, with at least one municipal attendee`,
      ),
    );
  } else {
    reasons.push(
      because(
        'P2.4',
        'ok',
        `Live, on or before the as-of date, with at least one municipal attendee: Part 2 is met`,
      ),
    );
  }
  if (best.doubleCounted)
    reasons.push(
      because(
        'P2.5',
        'review',
        `${training.name} is a topic of the series claimed for Part 1${part1SeriesName ? ` (${part1SeriesName})` : ''}, and any session of a topic in the Part 1 evidence makes Part 2 a review, whichever session the cohort attended: the program may not credit one training twice. Part 2 is ${planned ? 'planned, and once held needs' : 'for'} review: confirm with Sustainable CT, or record another live equity training for Part 2`,
      ),
    );
  const elsewhere = new Set<string>();
  const inBest = new Set(best.municipal.map((b) => b.person.id));
  for (const c of all) {
    if (c === best || !c.live) continue;
    for (const m of c.municipal) if (!inBest.has(m.person.id)) elsewhere.add(m.person.name);
  }
  if (elsewhere.size > 0)
    reasons.push(
      because(
        'P2.1',
        'info',
        `${elsewhere.size === 1 ? '1 other municipal person' : `${elsewhere.size} other municipal people`} attended other sessions or courses (${nameList([...elsewhere].sort())}); attendees of different sessions are never added together`,
      ),
    );
  const alternatives = all.filter(
    (c) => c !== best && statusRank[c.status] === statusRank[best.status] && c.status !== 'notMet',
  );
  if (alternatives.length > 0)
    reasons.push(
      because(
        'P2.6',
        'info',
        `Chosen over ${alternatives.length === 1 ? '1 other session' : `${alternatives.length} other sessions`} that ${planned ? 'are also planned' : 'could also be claimed'}: met over review over planned, new credit over rolling, then more municipal attendees, the later date, fewer readiness gaps, the training's name and the session's id`,
      ),
    );
  if (best.credit) reasons.push(best.credit.reason);
  return reasons;
}

/**
 * Why a session the town attended could not count, or null when it could (it is the
 * evidence, or it ties in standing with it). The first reason that applies, in the order
 * of the rules: live (P2.2), municipal attendees (P2.3), after the as-of date (T.4), a
 * training of Part 1 while another session is met (P2.5).
 */
function whyNotCounted(index: TownIndex, c: Candidate, best: Candidate | null): NotCountedSession | null {
  if (c === best) return null;
  const what = `${c.training.name} on ${day(c.session.date)}`;
  const entry = (rule: NotCountedSession['rule'], text: string): NotCountedSession => ({
    id: c.session.id,
    trainingId: c.training.id,
    name: c.training.name,
    date: c.session.date,
    rule,
    reason: because(rule, 'problem', text).text,
  });
  if (!c.live)
    return entry(
      'P2.2',
      `${what} ${c.planned ? 'is' : 'was'} recorded / on demand: Part 2 needs a live training, in person or live virtual`,
    );
  if (c.count < 1)
    return entry(
      'P2.3',
      `${what}: no attendee ${c.planned ? 'holds' : 'held'} a municipal staff, Board of Education or elected position that day${c.others.length > 0 ? ` (${nameList(c.others.map((p) => p.name))} attended as residents, volunteers or commissioners)` : ''}`,
    );
  const bestRank = best === null ? 0 : statusRank[best.status];
  if (c.planned && bestRank > statusRank.planned)
    return entry(
      'T.4',
      `${what} is after the as-of date, ${day(index.options.asOfDate)}: it cannot count until it has happened`,
    );
  if (c.status === 'review' && bestRank > statusRank.review)
    return entry(
      'P2.5',
      `${what} is a session of a topic of the series claimed for Part 1, so it would only be a review; a session that is met was chosen`,
    );
  return null;
}

/** P2.2 / P2.3 / P2.4: why nothing qualifies; the sessions themselves are listed as not counted. */
function notMetReasons(index: TownIndex, attended: Candidate[]): Reason[] {
  if (attended.length === 0) {
    const nonEquity = index.data.trainings.filter(
      (t) =>
        !t.isEquity &&
        (index.sessionsByTraining.get(t.id) ?? []).some(
          (s) => (index.attendeesBySession.get(s.id)?.length ?? 0) > 0,
        ),
    );
    return [
      because(
        'P2.4',
        'problem',
        'No attendance is recorded at a live equity training: add the training and its session on the Trainings screen, then record who attended',
      ),
      ...nonEquity
        .slice(0, MAX_NAMED)
        .map((t) =>
          because('P2.1', 'problem', `${t.name} is not marked as an equity training, so it cannot count`),
        ),
    ];
  }
  return [
    because(
      'P2.4',
      'problem',
      `${attended.length === 1 ? 'The one equity session the town attended cannot count' : `None of the ${attended.length} equity sessions the town attended can count`}: Part 2 needs a live session, on or before the as-of date, with at least one municipal attendee; each is listed under "Not counted for Part 2" with why`,
    ),
  ];
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

/** Readiness gaps of a candidate, as `gapsFor` finds them (for the P2.6 tie-break). */
function gapCount(index: TownIndex, c: Candidate): number {
  return c.status === 'planned' || c.status === 'notMet' ? 0 : gapsFor(index, c, evidenceOf(c)).length;
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
  const gapMemo = new Map<Candidate, number>();
  const gaps = (c: Candidate): number => {
    let n = gapMemo.get(c);
    if (n === undefined) gapMemo.set(c, (n = gapCount(index, c)));
    return n;
  };
  const best = all.reduce<Candidate | null>((b, c) => (b === null || better(c, b, gaps) ? c : b), null);
  // Only sessions someone attended (on the roster or by a reported count) are listed: the
  // catalog's sessions nobody from the town went to are not evidence anyone would look for.
  const attended = all.filter(
    (c) => (index.attendeesBySession.get(c.session.id)?.length ?? 0) > 0 || (c.reported ?? 0) > 0,
  );
  const chosen = best !== null && best.status !== 'notMet' ? best : null;
  const notCounted = attended
    .map((c) => whyNotCounted(index, c, chosen))
    .filter((n): n is NotCountedSession => n !== null)
    .sort((x, y) => (x.date !== y.date ? (x.date < y.date ? -1 : 1) : nameCollator.compare(x.name, y.name)));
  if (chosen === null) {
    return {
      id: 'part2',
      status: 'notMet',
      points: 0,
      maxPoints: POINTS,
      credit: null,
      completionDate: null,
      reasons: notMetReasons(index, attended),
      gaps: [],
      evidence: null,
      notCounted,
    };
  }
  const evidence = evidenceOf(chosen);
  const claimed = chosen.status === 'met' || chosen.status === 'review';
  return {
    id: 'part2',
    status: chosen.status,
    points: claimed ? POINTS : 0,
    maxPoints: POINTS,
    credit: chosen.credit?.credit ?? null,
    completionDate: chosen.session.date,
    reasons: reasonsFor(index, chosen, all, part1.seriesName),
    // Nothing of a planned part can be submitted until it has happened (T.4).
    gaps: chosen.status === 'planned' ? [] : gapsFor(index, chosen, evidence),
    evidence,
    notCounted,
  };
}
