/**
 * Rules engine figures: `evaluate()` on the small town, the large town and all 169
 * towns of a region, plus how its cost grows from small to large. Linear growth
 * keeps the time ratio at or under the rows ratio (small towns also pay a fixed
 * cost); a quadratic role assignment would push the growth exponent towards 2.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeIo } from '../electron/cli/node-io';
import { runCli } from '../electron/cli/run';
import { serializeBackup } from '../shared/backup/format';
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
  const cli = await regionCli(towns.region);
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
    figure(
      'engine.regionCli',
      `ledger check FOLDER of ${towns.region.length} towns`,
      'ms',
      cli.samples,
      3000,
      `one call, --jsonl: reads, validates and evaluates ${towns.region.length} backup files (${(cli.bytes / 1e6).toFixed(1)} MB) as a council of governments would`,
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

/**
 * The region through the command line: every town written as a backup file to one
 * folder, then `ledger check FOLDER --jsonl` run in-process on the real file system
 * (reading, parsing, validating, evaluating and printing each file), output discarded.
 */
async function regionCli(region: readonly TownData[]): Promise<{ samples: number[]; bytes: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'ledger-region-'));
  try {
    let bytes = 0;
    await Promise.all(
      region.map((town, i) => {
        const text = serializeBackup(town, { exportedAt: '2026-06-30T12:00:00.000Z', appVersion: 'bench' });
        bytes += text.length;
        return writeFile(join(dir, `town-${String(i + 1).padStart(3, '0')}.json`), text);
      }),
    );
    let failure = '';
    const io = nodeIo({ stdout: () => undefined, stderr: (t) => (failure += t) });
    const samples = await time(
      async () => {
        const code = await runCli(['check', dir, '--jsonl', '--as-of', SYNTHETIC_AS_OF], io);
        if (code !== 0) throw new Error(`ledger check refused a generated town: ${failure}`);
      },
      { warmup: 1, runs: 5 },
    );
    return { samples, bytes };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
