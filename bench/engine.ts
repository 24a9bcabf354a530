/**
 * Rules engine figures: `evaluate()` on the small town, the large town and all 169
 * towns of a region, plus how its cost grows from small to large. Linear growth
 * keeps the time ratio at or under the rows ratio (small towns also pay a fixed
 * cost); a quadratic role assignment would push the growth exponent towards 2.
 */
import type { TownData } from '../shared/domain/schema';
import { evaluate } from '../shared/rules/engine';
import { SYNTHETIC_AS_OF, SYNTHETIC_YEAR } from '../tests/fixtures/synthetic-towns';
import { figure, summarise, time } from './stats';
import type { Figure } from './stats';

const options = { certificationYear: SYNTHETIC_YEAR, asOfDate: SYNTHETIC_AS_OF };

/** Records the engine reads: people, their positions, trainings, sessions and attendance. */
export const rowsOf = (t: TownData): number =>
  t.people.length +
  t.people.reduce((n, p) => n + p.positions.length, 0) +
  t.series.length +
  t.trainings.length +
  t.sessions.length +
  t.attendance.length;

export async function engineFigures(towns: {
  small: TownData;
  large: TownData;
  region: readonly TownData[];
}): Promise<Figure[]> {
  const small = await time(() => evaluate(towns.small, options), { warmup: 200, runs: 301 });
  const large = await time(() => evaluate(towns.large, options), { warmup: 10, runs: 31 });
  const region = await time(
    () => {
      for (const town of towns.region) evaluate(town, options);
    },
    { warmup: 3, runs: 15 },
  );
  const timeRatio = summarise(large).median / summarise(small).median;
  const rowsRatio = rowsOf(towns.large) / rowsOf(towns.small);
  const exponent = Math.log(timeRatio) / Math.log(rowsRatio);
  const regionRows = towns.region.reduce((n, t) => n + t.attendance.length, 0);
  return [
    figure(
      'engine.small',
      'evaluate small town',
      'ms',
      small,
      1,
      '30 people, 10 sessions, 150 attendance rows',
    ),
    figure(
      'engine.large',
      'evaluate large town',
      'ms',
      large,
      25,
      '1,000 people, 300 sessions, 20,000 attendance rows',
    ),
    figure(
      'engine.region',
      `evaluate all ${towns.region.length} region towns`,
      'ms',
      region,
      200,
      `${regionRows.toLocaleString('en-US')} attendance rows in all`,
    ),
    figure('engine.ratio', 'evaluate large / small (time)', '×', [timeRatio], null),
    figure(
      'engine.rowsRatio',
      'large / small (rows read)',
      '×',
      [rowsRatio],
      null,
      `growth exponent log(time ratio) / log(rows ratio) = ${exponent.toFixed(2)} (1 = linear, 2 = quadratic)`,
    ),
  ];
}
