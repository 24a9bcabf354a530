/**
 * The rules engine: a pure, deterministic function from a town's data, a
 * certification year and an as-of date to an `Evaluation` (shared/rules/evaluation.ts).
 * It never reads the clock, the network or storage; every decision carries
 * plain-English reasons citing the rule ids of RULES.md.
 */
import type { TownData } from '../domain/schema';
import type { CoachingSummary, Evaluation, OptimizeSummary, Reason } from './evaluation';
import { because, indexTown } from './context';
import type { EvaluateOptions, TownIndex } from './context';
import { evaluatePart1 } from './part1';
import { evaluatePart2 } from './part2';
import { timeframeOf } from './timeframe';

export type { EvaluateOptions } from './context';

/** Coaching: up to the settings' free hours per municipality; warn past them (RULES.md, Around the action). */
function coachingOf(index: TownIndex): { summary: CoachingSummary; warning: Reason | null } {
  // Quarter hours are the finest step the form allows; rounding keeps 0.1 + 0.2 sums exact for display.
  const hoursUsed = Math.round(index.data.coaching.reduce((n, c) => n + c.hours, 0) * 100) / 100;
  const freeHours = index.data.settings.freeCoachingHours;
  const overFreeHours = hoursUsed > freeHours;
  return {
    summary: { hoursUsed, freeHours, overFreeHours },
    warning: overFreeHours
      ? because(
          'COACHING',
          'warning',
          `${hoursUsed} hours of equity coaching are recorded, more than the ${freeHours} free hours per municipality: hours past ${freeHours} may not be free`,
        )
      : null,
  };
}

/** Optimize for Equity: distinct actions the collaboration process was applied to, against each level's count. */
function optimizeOf(index: TownIndex): OptimizeSummary {
  const actions = new Set(
    index.data.optimizeForEquity.map((o) => (o.actionNumber.trim() || o.actionName.trim()).toLowerCase()),
  );
  const count = actions.size;
  const levels = [...index.data.settings.optimizeForEquityNeeded].sort((a, b) => a.actions - b.actions);
  let levelReached: string | null = null;
  let next: OptimizeSummary['next'] = null;
  for (const l of levels) {
    if (count >= l.actions) levelReached = l.level;
    else if (next === null) next = { level: l.level, actionsMore: l.actions - count };
  }
  return { actionsCount: count, levelReached, next };
}

/**
 * Evaluates the action "Participate in Equity Training" for certification year
 * `options.certificationYear` as of `options.asOfDate`.
 */
export function evaluate(data: TownData, options: EvaluateOptions): Evaluation {
  const index = indexTown(data, options);
  const tf = timeframeOf(index);
  const part1 = evaluatePart1(index, tf);
  const claimed = part1.status === 'met' || part1.status === 'review';
  const part2 = evaluatePart2(index, tf, {
    claimed,
    trainingIds: new Set(part1.evidence?.topics.map((t) => t.trainingId) ?? []),
    seriesName: part1.evidence?.seriesName ?? null,
  });
  const coaching = coachingOf(index);

  const warnings: Reason[] = [];
  if (part2.status === 'review' && part2.evidence && part1.evidence) {
    warnings.push(
      because(
        'P2.5',
        'warning',
        `${part2.evidence.trainingName} is used for both Part 1 (${part1.evidence.seriesName}) and Part 2: the program does not credit one training twice`,
      ),
    );
  }
  if (coaching.warning) warnings.push(coaching.warning);

  return {
    certificationYear: options.certificationYear,
    asOfDate: options.asOfDate,
    newCreditFrom: tf.newCreditFrom,
    recertification: tf.recertification,
    part1,
    part2,
    totalPoints: part1.points + part2.points,
    maxPoints: part1.maxPoints + part2.maxPoints,
    gaps: [...part1.gaps, ...part2.gaps],
    warnings,
    coaching: coaching.summary,
    optimizeForEquity: optimizeOf(index),
  };
}
