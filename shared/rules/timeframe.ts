/**
 * Timeframe for credit (T.1–T.3): whether a part's completion date earns new
 * credit or rolling credit, and the recertification that turns evidence which
 * already earned credit into rolling credit.
 */
import type { CreditedEvidence, IsoDate, PartId } from '../domain/schema';
import type { Credit, Evaluation, ReadinessGap, Reason } from './evaluation';
import { because, day, newCreditStart } from './context';
import type { TownIndex } from './context';

export interface Timeframe {
  newCreditFrom: IsoDate;
  recertification: Evaluation['recertification'];
  /** Evidence credited under a past certification, with that certification (T.3); only consulted when `recertification` is set. */
  credited: { evidence: CreditedEvidence; yearAwarded: number; level: string }[];
  asOfDate: IsoDate;
}

/**
 * T.3: the town's current certification is the latest one awarded before Y; when it
 * expires in Y (awarded Y − 3), the town is recertifying.
 */
export function timeframeOf(index: TownIndex): Timeframe {
  const y = index.options.certificationYear;
  const past = index.data.certifications.filter((c) => c.yearAwarded < y);
  const current = past.reduce<(typeof past)[number] | null>(
    (best, c) => (best === null || c.yearAwarded > best.yearAwarded ? c : best),
    null,
  );
  const recertification =
    current !== null && current.yearAwarded + 3 === y
      ? { yearAwarded: current.yearAwarded, level: current.level, expires: current.yearAwarded + 3 }
      : null;
  return {
    newCreditFrom: newCreditStart(y),
    recertification,
    credited: index.data.certifications.flatMap((c) =>
      c.credited.map((evidence) => ({ evidence, yearAwarded: c.yearAwarded, level: c.level })),
    ),
    asOfDate: index.options.asOfDate,
  };
}

export interface CreditDecision {
  credit: Credit;
  reason: Reason;
}

/** The certification under which this evidence already earned credit, if any (T.3). */
export function creditedUnder(
  tf: Timeframe,
  evidence: CreditedEvidence,
): { yearAwarded: number; level: string } | null {
  const hit = tf.credited
    .filter((c) =>
      c.evidence.part === 'part1' && evidence.part === 'part1'
        ? c.evidence.seriesId === evidence.seriesId
        : c.evidence.part === 'part2' &&
          evidence.part === 'part2' &&
          c.evidence.sessionId === evidence.sessionId,
    )
    .sort((a, b) => b.yearAwarded - a.yearAwarded)[0];
  return hit ? { yearAwarded: hit.yearAwarded, level: hit.level } : null;
}

/**
 * New credit on or after 1 January of Y − 3 (T.1), rolling before it (T.2), and rolling
 * on recertification for evidence that already earned credit (T.3).
 */
export function decideCredit(
  tf: Timeframe,
  completionDate: IsoDate,
  evidence: CreditedEvidence,
  what: string,
): CreditDecision {
  const earlier = creditedUnder(tf, evidence);
  if (tf.recertification !== null && earlier !== null) {
    const r = tf.recertification;
    const under =
      earlier.yearAwarded === r.yearAwarded
        ? `the ${r.level} certification awarded in ${r.yearAwarded}, which expires in ${r.expires}`
        : `the ${earlier.level} certification awarded in ${earlier.yearAwarded}; the town's current certification (${r.level}, ${r.yearAwarded}) expires in ${r.expires}`;
    return {
      credit: 'rolling',
      reason: because(
        'T.3',
        'info',
        `${what} already earned credit under ${under}: on recertification it applies for rolling credit, even inside the window`,
      ),
    };
  }
  // A planned part has not been completed yet: say when it would be and what it would earn (T.4).
  const planned = completionDate > tf.asOfDate;
  const done = planned ? `Would be complete on ${day(completionDate)}` : `Completed ${day(completionDate)}`;
  if (completionDate >= tf.newCreditFrom) {
    return {
      credit: 'new',
      reason: because(
        'T.1',
        'ok',
        `${done}, on or after ${day(tf.newCreditFrom)}: ${planned ? 'it would earn new credit once held' : 'new credit'}`,
      ),
    };
  }
  return {
    credit: 'rolling',
    reason: because(
      'T.2',
      'info',
      `${done}, before ${day(tf.newCreditFrom)}: rolling credit, which needs a narrative of ongoing, currently relevant, meaningful impact`,
    ),
  };
}

/** T.2: rolling credit with an empty narrative is a readiness gap. */
export function narrativeGap(index: TownIndex, part: PartId, credit: Credit | null): ReadinessGap[] {
  if (credit !== 'rolling' || index.data.town.rollingNarrative[part].trim() !== '') return [];
  const label = part === 'part1' ? 'Part 1' : 'Part 2';
  return [
    {
      part,
      rule: 'T.2',
      text: `Rolling-credit narrative missing for ${label}: describe the ongoing, currently relevant, meaningful impact.`,
      target: { screen: 'town', field: `rollingNarrative.${part}` },
    },
  ];
}
