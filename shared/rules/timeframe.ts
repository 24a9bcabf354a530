/**
 * Timeframe for credit (T.1–T.3): whether a part's completion date earns new
 * credit or rolling credit, and the recertification that turns evidence which
 * already earned credit into rolling credit.
 */
import type { CreditedEvidence, IsoDate, PartId } from '../domain/schema';
import type { Credit, Evaluation, ReadinessGap, Reason } from './evaluation';
import { day, newCreditStart } from './context';
import type { TownIndex } from './context';

export interface Timeframe {
  newCreditFrom: IsoDate;
  recertification: Evaluation['recertification'];
  /** Evidence credited under a past certification (T.3); only consulted when `recertification` is set. */
  credited: CreditedEvidence[];
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
    credited: index.data.certifications.flatMap((c) => c.credited),
  };
}

export interface CreditDecision {
  credit: Credit;
  reason: Reason;
}

/**
 * New credit on or after 1 January of Y − 3 (T.1), rolling before it (T.2), and rolling
 * on recertification for evidence that already earned credit (T.3).
 * `alreadyCredited` says whether this part's evidence appears in the certification history.
 */
export function decideCredit(
  tf: Timeframe,
  completionDate: IsoDate,
  alreadyCredited: boolean,
  what: string,
): CreditDecision {
  if (tf.recertification !== null && alreadyCredited) {
    const r = tf.recertification;
    return {
      credit: 'rolling',
      reason: {
        rule: 'T.3',
        kind: 'info',
        text: `${what} already earned credit for the ${r.level} certification awarded in ${r.yearAwarded}, which expires in ${r.expires}: on recertification it applies for rolling credit, even inside the window (T.3).`,
      },
    };
  }
  if (completionDate >= tf.newCreditFrom) {
    return {
      credit: 'new',
      reason: {
        rule: 'T.1',
        kind: 'ok',
        text: `Completed ${day(completionDate)}, on or after ${day(tf.newCreditFrom)}: new credit (T.1).`,
      },
    };
  }
  return {
    credit: 'rolling',
    reason: {
      rule: 'T.2',
      kind: 'info',
      text: `Completed ${day(completionDate)}, before ${day(tf.newCreditFrom)}: rolling credit, which needs a narrative of ongoing, currently relevant, meaningful impact (T.2).`,
    },
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
