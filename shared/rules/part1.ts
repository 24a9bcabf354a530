/**
 * Part 1 — the cohort (10 points), rules P1.1–P1.9 of RULES.md.
 *
 * Each Sustainable CT equity series is judged on its own (P1.1): who attended,
 * which roles they can fill (P1.2), and whether three different people (P1.3)
 * fill E, S and R having each completed every topic (P1.4), or a reading that
 * Sustainable CT must confirm (P1.5). The best series wins (P1.8).
 *
 * The role assignment never enumerates every triple of people: for P1.4 the
 * answer is found by walking attendees from the latest completion down and
 * completing the two other roles from the two best candidates of each, so a
 * town of 1,000 people costs about as much per row as a town of 30.
 */
import {
  creditLabels,
  describePosition,
  positionDepartment,
  positionKindLabels,
  statusLabels,
} from '../domain/labels';
import type { IsoDate, Person, Position, Series, Session, Training } from '../domain/schema';
import type {
  CohortMember,
  CohortRole,
  Part1Evaluation,
  PartStatus,
  ReadinessGap,
  Reason,
} from './evaluation';
import { because, byName, byRosterOrder, day, holdsOn, joinNames, sessionRef, sortRefs } from './context';
import type { TownIndex } from './context';
import { ROLES, analyseRoles, missSentences, roleWords, titleWhenAttending } from './roles';
import type { RoleFill } from './roles';
import { decideCredit, narrativeGap } from './timeframe';
import type { Timeframe } from './timeframe';

const POINTS = 10;

/** One person who attended sessions of the series being judged. */
interface Attendee {
  person: Person;
  /** Sessions of the series they attended, by date. */
  sessions: Session[];
  /** Earliest attended date per topic (training id). */
  earliest: Map<string, IsoDate>;
  /** P1.4: attended a session of every topic. */
  completed: boolean;
  /** P1.7 for one person: the latest of their earliest session per topic; null unless completed. */
  completion: IsoDate | null;
  latestDate: IsoDate;
  fills: Map<CohortRole, RoleFill>;
  misses: Position[];
}

type Kind = 'P1.4' | 'P1.5a' | 'P1.5b';

/** Role → person, in E, S, R order; in P1.5b one person appears for two roles. */
type Assignment = Record<CohortRole, Attendee>;

interface SeriesOutcome {
  series: Series;
  topics: Training[];
  attendees: Attendee[];
  kind: Kind | null;
  assignment: Assignment | null;
  completionDate: IsoDate | null;
}

const latest = (dates: Iterable<IsoDate>): IsoDate => {
  let out = '';
  for (const d of dates) if (d > out) out = d;
  return out;
};

/** Attendees sorted by completion (latest first), then name: the order every search tries people in. */
const byCompletion =
  (byPerson: (a: Person, b: Person) => number) =>
  (a: Attendee, b: Attendee): number =>
    compareText(b.completion ?? '', a.completion ?? '') || byPerson(a.person, b.person);

/** Plain code-unit order: for ISO dates it is calendar order, and far cheaper than a collator. */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function collectAttendees(index: TownIndex, topics: Training[], includePlanned: boolean): Attendee[] {
  const asOf = index.options.asOfDate;
  // The series' sessions in date order, once (a stable sort: same-day sessions keep topic
  // order), so each person's sessions arrive sorted instead of being sorted per person.
  const ordered: Session[] = [];
  for (const topic of topics) {
    for (const s of index.sessionsByTraining.get(topic.id) ?? []) {
      if (includePlanned || s.date <= asOf) ordered.push(s);
    }
  }
  ordered.sort((a, b) => compareText(a.date, b.date));
  const byPerson = new Map<string, { person: Person; sessions: Session[] }>();
  for (const s of ordered) {
    for (const person of index.attendeesBySession.get(s.id) ?? []) {
      let entry = byPerson.get(person.id);
      if (!entry) byPerson.set(person.id, (entry = { person, sessions: [] }));
      entry.sessions.push(s);
    }
  }
  const out: Attendee[] = [];
  for (const { person, sessions } of byPerson.values()) {
    const earliest = new Map<string, IsoDate>();
    for (const s of sessions) if (!earliest.has(s.trainingId)) earliest.set(s.trainingId, s.date);
    const completed = topics.every((t) => earliest.has(t.id));
    const dates = sessions.map((s) => s.date);
    const { fills, misses } = analyseRoles(person, dates);
    out.push({
      person,
      sessions,
      earliest,
      completed,
      completion: completed ? latest(earliest.values()) : null,
      latestDate: dates[dates.length - 1] ?? '',
      fills,
      misses,
    });
  }
  return out.sort(byCompletion(byRosterOrder(index)));
}

/** P1.4: three different people, each of whom completed every topic, fill E, S and R; latest completion first. */
function findFullAssignment(attendees: Attendee[]): Assignment | null {
  const complete = attendees.filter((a) => a.completed);
  const candidates = (role: CohortRole, not: Attendee[]) =>
    complete.filter((a) => a.fills.has(role) && !not.includes(a)).slice(0, 2);
  for (const p of complete) {
    for (const role of ROLES) {
      if (!p.fills.has(role)) continue;
      const [r2, r3] = ROLES.filter((r) => r !== role) as [CohortRole, CohortRole];
      for (const a of candidates(r2, [p])) {
        const b = candidates(r3, [p, a])[0];
        if (b) return { [role]: p, [r2]: a, [r3]: b } as Assignment;
      }
    }
  }
  return null;
}

/**
 * P1.7 for P1.5a: per topic the earliest date any of the three role-holders attended;
 * the latest of those, or null when a topic was attended by none. Each argument is one
 * person's earliest date per topic ('' = not attended).
 */
function collectiveDate(a: readonly IsoDate[], b: readonly IsoDate[], c: readonly IsoDate[]): IsoDate | null {
  let out = '';
  for (let i = 0; i < a.length; i++) {
    let first = a[i] ?? '';
    const y = b[i] ?? '';
    const z = c[i] ?? '';
    if (y !== '' && (first === '' || y < first)) first = y;
    if (z !== '' && (first === '' || z < first)) first = z;
    if (first === '') return null;
    if (first > out) out = first;
  }
  return out;
}

/**
 * Keeps, per role, a few candidates for each distinct set of topics covered, latest
 * attendance first (a later date can only raise the collective completion date, P1.7),
 * so the triple search of P1.5a stays small however many people attended.
 */
function shortlist(candidates: Attendee[], perGroup: number): Attendee[] {
  const groups = new Map<string, Attendee[]>();
  const byLatest = [...candidates].sort((a, b) =>
    a.latestDate === b.latestDate ? 0 : a.latestDate > b.latestDate ? -1 : 1,
  );
  for (const a of byLatest) {
    const key = [...a.earliest.keys()].sort().join('|');
    const g = groups.get(key) ?? [];
    if (g.length < perGroup) g.push(a);
    groups.set(key, g);
  }
  return [...groups.values()].flat();
}

/** Past this many triples (about 27 candidates per role) the search shortlists, keeping each evaluation of a 1,000-person town near 20 ms. */
const TRIPLE_LIMIT = 20_000;
const product = (lists: Attendee[][]): number => lists.reduce((n, l) => n * l.length, 1);

/** P1.5a: three different role-holders who together attended every topic; latest completion first. */
function findCollective(attendees: Attendee[], topics: Training[]): { a: Assignment; date: IsoDate } | null {
  let lists = ROLES.map((r) => attendees.filter((a) => a.fills.has(r)));
  if (product(lists) > TRIPLE_LIMIT) lists = lists.map((l) => shortlist(l, 3));
  if (product(lists) > TRIPLE_LIMIT) lists = lists.map((l) => shortlist(l, 1));
  const [es, ss, rs] = lists as [Attendee[], Attendee[], Attendee[]];
  // Earliest date per topic as arrays ('' = not attended): the triple loop below runs up to
  // TRIPLE_LIMIT times, and array reads keep it a few milliseconds where map lookups took tens.
  const perTopic = (a: Attendee): IsoDate[] => topics.map((t) => a.earliest.get(t.id) ?? '');
  const earliest = new Map<Attendee, IsoDate[]>();
  for (const a of [...es, ...ss, ...rs]) earliest.set(a, perTopic(a));
  const dates = (a: Attendee): IsoDate[] => earliest.get(a) ?? [];
  let best: { a: Assignment; date: IsoDate } | null = null;
  for (const e of es) {
    const de = dates(e);
    for (const s of ss) {
      if (s === e) continue;
      const ds = dates(s);
      for (const r of rs) {
        if (r === e || r === s) continue;
        const date = collectiveDate(de, ds, dates(r));
        if (date !== null && (best === null || date > best.date)) best = { a: { E: e, S: s, R: r }, date };
      }
    }
  }
  return best;
}

/**
 * P1.5b: every role is held by someone who completed every topic, but only if one of
 * them counts for two roles, and at least three town people attended the series.
 */
function findDoubled(attendees: Attendee[]): { a: Assignment; date: IsoDate } | null {
  if (attendees.length < 3) return null;
  const complete = attendees.filter((a) => a.completed);
  const lists = ROLES.map((r) => complete.filter((a) => a.fills.has(r)).slice(0, 3));
  const [es, ss, rs] = lists as [Attendee[], Attendee[], Attendee[]];
  let best: { a: Assignment; date: IsoDate } | null = null;
  for (const e of es) {
    for (const s of ss) {
      for (const r of rs) {
        if (new Set([e, s, r]).size !== 2) continue;
        const date = latest([e, s, r].map((x) => x.completion ?? ''));
        if (best === null || date > best.date) best = { a: { E: e, S: s, R: r }, date };
      }
    }
  }
  return best;
}

function judgeSeries(
  index: TownIndex,
  series: Series,
  topics: Training[],
  includePlanned: boolean,
): SeriesOutcome {
  const attendees = collectAttendees(index, topics, includePlanned);
  const base = { series, topics, attendees };

  const full = findFullAssignment(attendees);
  if (full) {
    const date = latest(Object.values(full).map((p) => p.completion ?? ''));
    return { ...base, kind: 'P1.4', assignment: full, completionDate: date };
  }
  // P1.5 a and b are both review readings; P1.8 prefers the later completion (and so new credit).
  const collective = findCollective(attendees, topics);
  const doubled = findDoubled(attendees);
  if (doubled && (!collective || doubled.date > collective.date)) {
    return { ...base, kind: 'P1.5b', assignment: doubled.a, completionDate: doubled.date };
  }
  if (collective) {
    return { ...base, kind: 'P1.5a', assignment: collective.a, completionDate: collective.date };
  }
  return { ...base, kind: null, assignment: null, completionDate: null };
}

/** A series' standing, for choosing the best evidence (P1.8). */
interface Option {
  outcome: SeriesOutcome;
  status: PartStatus;
  credit: ReturnType<typeof decideCredit> | null;
}

const statusRank: Record<PartStatus, number> = { met: 3, review: 2, planned: 1, notMet: 0 };

/** P1.4 readings over P1.5 ones; used among planned readings, whose status does not say which (P1.8). */
const kindRank = (o: Option): number => (o.outcome.kind === 'P1.4' ? 1 : 0);

/**
 * P1.8: met over review over planned over not met; among planned readings the one that
 * would be met (P1.4) over one that would need review (P1.5); then new over rolling; then
 * the latest date.
 */
function better(a: Option, b: Option): boolean {
  if (statusRank[a.status] !== statusRank[b.status]) return statusRank[a.status] > statusRank[b.status];
  if (a.status === 'planned' && kindRank(a) !== kindRank(b)) return kindRank(a) > kindRank(b);
  const ac = a.credit?.credit === 'new' ? 1 : 0;
  const bc = b.credit?.credit === 'new' ? 1 : 0;
  if (ac !== bc) return ac > bc;
  const ad = a.outcome.completionDate ?? '';
  const bd = b.outcome.completionDate ?? '';
  if (ad !== bd) return ad > bd;
  if (a.status === 'notMet') {
    // Among series that fall short, show the one closest to qualifying.
    const roles = (o: Option) => new Set(o.outcome.attendees.flatMap((x) => [...x.fills.keys()])).size;
    if (roles(a) !== roles(b)) return roles(a) > roles(b);
    if (a.outcome.attendees.length !== b.outcome.attendees.length)
      return a.outcome.attendees.length > b.outcome.attendees.length;
  }
  return false;
}

/** P1.1: a series counts when it has topics and every topic is Sustainable CT's own and on equity. */
function whyNotCounted(topics: Training[]): string | null {
  if (topics.length === 0) return 'The series has no trainings (topics) yet (P1.1).';
  const notSct = topics.filter((t) => !t.providedBySustainableCT);
  if (notSct.length > 0)
    return `${joinNames(notSct.map((t) => t.name))} ${notSct.length === 1 ? 'is' : 'are'} not provided by Sustainable CT (P1.1).`;
  const notEquity = topics.filter((t) => !t.isEquity);
  if (notEquity.length > 0)
    return `${joinNames(notEquity.map((t) => t.name))} ${notEquity.length === 1 ? 'is' : 'are'} not on equity (P1.1).`;
  return null;
}

const MAX_NAMED = 12;
/** Names a long list briefly: the first dozen, then "and N more". */
function nameList(names: string[]): string {
  if (names.length <= MAX_NAMED) return joinNames(names);
  return `${names.slice(0, MAX_NAMED).join(', ')} and ${names.length - MAX_NAMED} more`;
}

function cohortOf(index: TownIndex, o: SeriesOutcome): CohortMember[] {
  const a = o.assignment;
  const holders: { att: Attendee; roles: CohortRole[] }[] = [];
  if (a) {
    for (const role of ROLES) {
      const att = a[role];
      const existing = holders.find((h) => h.att === att);
      if (existing) existing.roles.push(role);
      else holders.push({ att, roles: [role] });
    }
  }
  const member = (att: Attendee, roles: CohortRole[]): CohortMember => {
    const fill = roles[0] !== undefined ? att.fills.get(roles[0]) : undefined;
    const dates = att.sessions.map((s) => s.date);
    const held = att.person.positions.find((p) => dates.some((d) => holdsOn(p, d)));
    // A team member's "department" is the team itself, a BOE employee's starts with the board:
    // naming either twice reads as a stutter.
    const where =
      held?.kind === 'boeEmployee'
        ? held.school.trim() || null
        : held && held.kind !== 'teamMember'
          ? positionDepartment(held)
          : null;
    const label =
      roles.length > 0
        ? roles.map((r) => att.fills.get(r)?.label ?? r).join(' and ')
        : held
          ? `${positionKindLabels[held.kind]}${where ? ` — ${where}` : ''}`
          : 'Town attendee';
    return {
      personId: att.person.id,
      name: att.person.name,
      role: roles[0] ?? null,
      roleLabel: label,
      title: titleWhenAttending(att.person, dates, fill?.position),
      sessions: att.sessions.map((s) => sessionRef(index, s)),
      completedAllTopics: att.completed,
    };
  };
  const holderSet = new Set(holders.map((h) => h.att));
  const byPerson = byRosterOrder(index);
  const rest = o.attendees.filter((x) => !holderSet.has(x)).sort((x, y) => byPerson(x.person, y.person));
  return [...holders.map((h) => member(h.att, h.roles)), ...rest.map((x) => member(x, []))];
}

function missedTopics(att: Attendee, topics: Training[]): string[] {
  return topics.filter((t) => !att.earliest.has(t.id)).map((t) => t.name);
}

/** Reasons for the chosen series, in the order a clerk reads them. */
function reasonsFor(index: TownIndex, option: Option, others: Option[]): Reason[] {
  const o = option.outcome;
  const asOf = index.options.asOfDate;
  // A planned reading speaks of sessions still to come: never "attended" about the future (T.4).
  const planned = option.status === 'planned';
  const reasons: Reason[] = [];
  const topicNames = joinNames(o.topics.map((t) => t.name));
  reasons.push(
    because(
      'P1.1',
      'ok',
      `${o.series.name}: every topic (${topicNames}) is provided by Sustainable CT and is on equity, so its sessions count`,
    ),
  );

  if (o.assignment && o.kind) {
    const a = o.assignment;
    for (const role of ROLES) {
      const att = a[role];
      const fill = att.fills.get(role);
      if (!fill) continue;
      const when =
        fill.heldOn > asOf
          ? `a position they hold on ${day(fill.heldOn)}, a session they are due to attend`
          : `a position they held on ${day(fill.heldOn)}, when they attended a session`;
      reasons.push(
        because(
          'P1.2',
          'ok',
          `${att.person.name} fills ${roleWords[role]} as ${describePosition(fill.position)}, ${when}`,
        ),
      );
    }
    const people = [...new Set(ROLES.map((r) => a[r]))];
    const names = joinNames(people.map((p) => p.person.name));
    if (o.kind === 'P1.4') {
      reasons.push(
        because('P1.3', 'ok', `${names} are three different people`),
        because(
          'P1.4',
          'ok',
          planned
            ? 'Once the sessions still to come are held, each of them will have attended a session of every topic of the series'
            : 'Each of them attended a session of every topic of the series',
        ),
      );
    } else if (o.kind === 'P1.5a') {
      reasons.push(
        because(
          'P1.5',
          'review',
          `No three different role-holders each ${planned ? 'will have attended' : 'attended'} every topic, but together ${names} ${planned ? 'will have attended' : 'attended'} every topic ("collectively"). Part 1 is ${planned ? 'planned, and once held needs' : 'for'} review: confirm with Sustainable CT that this counts`,
        ),
      );
      for (const p of people) {
        const missed = missedTopics(p, o.topics);
        if (missed.length > 0)
          reasons.push(
            because(
              'P1.4',
              'problem',
              `${p.person.name} ${planned ? 'is not due to attend' : 'did not attend'} ${joinNames(missed)}`,
            ),
          );
      }
    } else {
      const doubler = people.find((p) => ROLES.filter((r) => a[r] === p).length > 1);
      const roles = doubler ? ROLES.filter((r) => a[r] === doubler) : [];
      reasons.push(
        because(
          'P1.5',
          'review',
          `Every role is held by someone who ${planned ? 'will have attended' : 'attended'} every topic, but only if ${doubler?.person.name ?? 'one person'} counts for two roles (${roles.join(' and ')}); exactly two people hold the three roles, and ${o.attendees.length} town people attended the series. Part 1 is ${planned ? 'planned, and once held needs' : 'for'} review: confirm with Sustainable CT that this counts`,
        ),
      );
    }
    const others3 = o.attendees.filter((x) => !people.includes(x)).map((x) => x.person.name);
    if (others3.length > 0)
      reasons.push(
        because(
          'P1.3',
          'info',
          `${others3.length === 1 ? '1 other town attendee joins' : `${others3.length} other town attendees join`} the cohort and ${others3.length === 1 ? 'is' : 'are'} listed, but cannot replace a role: ${nameList(others3)}`,
        ),
      );
    if (o.completionDate) {
      const done = planned
        ? `Would be complete on ${day(o.completionDate)}`
        : `Completed ${day(o.completionDate)}`;
      reasons.push(
        because(
          'P1.7',
          'info',
          o.kind === 'P1.5a'
            ? `${done}: for each topic the earliest session any role-holder attended, and the latest of those`
            : `${done}: the latest of each role-holder's earliest session of each topic`,
        ),
      );
    }
    if (planned) {
      const future = [
        ...new Set(people.flatMap((p) => p.sessions.filter((s) => s.date > asOf).map((s) => s.date))),
      ].sort();
      reasons.push(
        because(
          'T.4',
          'info',
          `Sessions on ${joinNames(future.map(day))} are after the as-of date, ${day(asOf)}: Part 1 is planned, earns 0 points and asks for nothing to submit until they have happened`,
        ),
      );
    }
    if (option.credit) reasons.push(option.credit.reason);
  } else {
    reasons.push(...notMetReasons(o));
  }

  const alsoQualified = others.filter((x) => x !== option && (x.status === 'met' || x.status === 'review'));
  if (alsoQualified.length > 0 && option.status !== 'notMet')
    reasons.push(
      because(
        'P1.8',
        'info',
        `Also ${alsoQualified.length === 1 ? 'qualifies' : 'qualify'}: ${joinNames(alsoQualified.map((x) => `${x.outcome.series.name} (${statusLabels[x.status].toLowerCase()}${x.credit ? `, ${creditLabels[x.credit.credit].toLowerCase()}` : ''}${x.outcome.completionDate ? `, ${day(x.outcome.completionDate)}` : ''})`))}. ${o.series.name} is the best evidence: met over review, new credit over rolling, then the latest completion`,
      ),
    );
  return reasons;
}

/** P1.6: which role is missing and why each near-miss did not count. */
function notMetReasons(o: SeriesOutcome): Reason[] {
  const reasons: Reason[] = [];
  if (o.attendees.length === 0) {
    reasons.push(
      because(
        'P1.6',
        'problem',
        `No one on the roster is recorded as attending ${o.series.name} on or before the as-of date: record attendance on the Attendance screen`,
      ),
    );
    return reasons;
  }
  for (const role of ROLES) {
    const holders = o.attendees.filter((a) => a.fills.has(role));
    if (holders.length === 0) {
      reasons.push(because('P1.6', 'problem', `No attendee of ${o.series.name} fills ${roleWords[role]}`));
      continue;
    }
    const complete = holders.filter((a) => a.completed);
    if (complete.length === 0) {
      reasons.push(
        because(
          'P1.4',
          'problem',
          `No one who fills ${roleWords[role]} attended every topic: ${joinNames(holders.slice(0, MAX_NAMED).map((a) => `${a.person.name} did not attend ${joinNames(missedTopics(a, o.topics))}`))}`,
        ),
      );
    }
  }
  const unheld = o.topics.filter((t) => !o.attendees.some((a) => a.earliest.has(t.id)));
  if (unheld.length > 0)
    reasons.push(
      because(
        'P1.4',
        'problem',
        `No town attendance is recorded for ${joinNames(unheld.map((t) => t.name))} on or before the as-of date; check its sessions on the Trainings screen and who attended them`,
      ),
    );
  const complete = ROLES.map((r) => o.attendees.filter((a) => a.completed && a.fills.has(r)));
  if (complete.every((l) => l.length > 0)) {
    const people = [...new Set(complete.flat())];
    reasons.push(
      people.length === 1
        ? because(
            'P1.5',
            'problem',
            `${people[0]?.person.name ?? 'One person'} is the only attendee who attended every topic and holds a role; E, S and R need three different people, and one person can never fill all three`,
          )
        : because(
            'P1.5',
            'problem',
            `E, S and R are held by people who attended every topic only if one of them counts for two roles (${joinNames(people.map((a) => a.person.name))}); that reading needs at least three town attendees of the series, and ${o.attendees.length} attended`,
          ),
    );
  }
  for (const a of o.attendees.slice().sort((x, y) => byName(x.person, y.person))) {
    const dates = a.sessions.map((x) => x.date);
    for (const miss of missSentences(a.person, a.misses, dates))
      reasons.push(because('P1.2', 'problem', miss));
  }
  return reasons;
}

function gapsFor(
  index: TownIndex,
  status: PartStatus,
  cohort: CohortMember[],
  option: Option,
): ReadinessGap[] {
  // Not met: nothing to submit. Planned: nothing can be submitted until it has happened (T.4).
  if (status === 'notMet' || status === 'planned') return [];
  const gaps: ReadinessGap[] = cohort
    .filter((m) => m.title === null)
    .map((m) => ({
      part: 'part1',
      rule: 'P1.9',
      text: `Title missing for ${m.name} (the title held when attending ${option.outcome.series.name}).`,
      target: { screen: 'people', recordId: m.personId, field: 'title' },
    }));
  return [...gaps, ...narrativeGap(index, 'part1', option.credit?.credit ?? null)];
}

export function evaluatePart1(index: TownIndex, tf: Timeframe): Part1Evaluation {
  const notCounted: Part1Evaluation['notCounted'] = [];
  const options: Option[] = [];

  for (const series of index.data.series) {
    const topics = index.topicsBySeries.get(series.id) ?? [];
    const why = whyNotCounted(topics);
    if (why) {
      notCounted.push({ id: series.id, name: series.name, reason: why });
      continue;
    }
    const past = judgeSeries(index, series, topics, false);
    let outcome = past;
    let status: PartStatus = past.kind === null ? 'notMet' : past.kind === 'P1.4' ? 'met' : 'review';
    if (status === 'notMet') {
      const withPlanned = judgeSeries(index, series, topics, true);
      if (withPlanned.kind !== null) {
        outcome = withPlanned;
        status = 'planned';
      }
    }
    const credit =
      outcome.completionDate !== null && status !== 'notMet'
        ? decideCredit(tf, outcome.completionDate, { part: 'part1', seriesId: series.id }, series.name)
        : null;
    options.push({ outcome, status, credit });
  }
  for (const t of index.data.trainings) {
    if (t.seriesId !== null && index.topicsBySeries.has(t.seriesId)) continue;
    notCounted.push({
      id: t.id,
      name: t.name,
      reason:
        t.seriesId !== null
          ? 'Its series no longer exists (P1.1).'
          : t.providedBySustainableCT && t.isEquity
            ? "A single Sustainable CT training that is no series' topic is not a series: it cannot count for Part 1, though it may count for Part 2 (P1.1)."
            : 'It is not a topic of a Sustainable CT equity series; only such series count for Part 1 (P1.1).',
    });
  }

  const best = options.reduce<Option | null>((b, o) => (b === null || better(o, b) ? o : b), null);
  if (best === null || (best.outcome.attendees.length === 0 && best.status === 'notMet')) {
    const reasons: Reason[] = [
      {
        rule: 'P1.6',
        kind: 'problem',
        text:
          options.length === 0
            ? index.data.series.length > 0
              ? 'No series in the catalog counts for Part 1: Part 1 needs a Sustainable CT series on equity, and each series is listed under "Not counted for Part 1" with why (P1.6).'
              : 'No Sustainable CT equity series is in the catalog: add the series your town attended on the Trainings screen (P1.6).'
            : 'No one on the roster is recorded as attending a Sustainable CT equity series on or before the as-of date: record attendance on the Attendance screen (P1.6).',
      },
    ];
    return emptyPart1(reasons, notCounted);
  }

  const { outcome, status } = best;
  const claimed = status === 'met' || status === 'review';
  const cohort = cohortOf(index, outcome);
  const evidence =
    status === 'notMet'
      ? null
      : {
          seriesId: outcome.series.id,
          seriesName: outcome.series.name,
          topics: outcome.topics.map((t) => ({ trainingId: t.id, name: t.name })),
          cohort,
          sessions: sortRefs(
            [...new Map(outcome.attendees.flatMap((a) => a.sessions).map((s) => [s.id, s])).values()].map(
              (s) => sessionRef(index, s),
            ),
          ),
        };
  return {
    id: 'part1',
    status,
    points: claimed ? POINTS : 0,
    maxPoints: POINTS,
    credit: best.credit?.credit ?? null,
    completionDate: status === 'notMet' ? null : outcome.completionDate,
    reasons: reasonsFor(index, best, options),
    gaps: gapsFor(index, status, cohort, best),
    evidence,
    notCounted,
  };
}

function emptyPart1(reasons: Reason[], notCounted: Part1Evaluation['notCounted']): Part1Evaluation {
  return {
    id: 'part1',
    status: 'notMet',
    points: 0,
    maxPoints: POINTS,
    credit: null,
    completionDate: null,
    reasons,
    gaps: [],
    evidence: null,
    notCounted,
  };
}
