/**
 * `npm run bench`: the performance budgets of issue 6, measured on this machine.
 *
 *   npm run bench                        # everything
 *   npm run bench -- --only engine,packet # some sections (engine, packet, import, startup, restore, csv, packaging, latency, sync)
 *   npm run bench -- --strict            # exit 1 when a budget is missed (for CI)
 *
 * A section that cannot be measured (no Chromium, a server that will not start, code that
 * throws) is never passed over quietly: it is named in the summary as NOT MEASURED, the
 * summary never calls the run "within budget", and the exit code is 1, with or without
 * --strict. The browser sections serve their pages on a free port (bench/web.ts).
 *
 * Prints a table (figure, median, min, max, budget, result) and writes the same as
 * JSON to bench/results/ (git-ignored): `latest.json`, a dated copy, and `latest.md`
 * (the table in Markdown, for bench/README.md).
 *
 * Sections load lazily so one whose code does not build yet cannot stop the others.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { crossReferenceErrors } from '../shared/backup/parse';
import { townDataSchema } from '../shared/domain/schema';
import type { TownData } from '../shared/domain/schema';
import { largeTown, regionTowns, smallTown } from '../tests/fixtures/synthetic-towns';
import { summaryLine, table } from './stats';
import type { Figure } from './stats';

const SECTIONS = [
  'engine',
  'packet',
  'import',
  'startup',
  'restore',
  'csv',
  'packaging',
  'latency',
  'sync',
] as const;
type WebRuns = { warmup: number; runs: number };
type Section = (typeof SECTIONS)[number];

/** Validated once, so the benchmark cannot drift from the stored format. */
function validTown(town: TownData): TownData {
  const parsed = townDataSchema.safeParse(town);
  if (!parsed.success)
    throw new Error(`${town.town.name}: generated data is invalid: ${parsed.error.message}`);
  const refs = crossReferenceErrors(parsed.data);
  if (refs.length > 0) throw new Error(`${town.town.name}: ${refs[0]!.path}: ${refs[0]!.message}`);
  return parsed.data;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { only: { type: 'string' }, strict: { type: 'boolean', default: false } },
  });
  const wanted = values.only?.split(',').map((s) => s.trim()) ?? [...SECTIONS];
  const unknown = wanted.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length > 0) {
    process.stderr.write(
      `bench: unknown section(s) ${unknown.join(', ')}; choose from ${SECTIONS.join(', ')}\n`,
    );
    return 2;
  }
  const run = (s: Section) => wanted.includes(s);

  // Other work on the machine slows every figure; the load average is recorded beside them.
  const loadBefore = loadavg()[0] ?? 0;
  process.stdout.write('Generating towns (seed 1)...\n');
  const towns = {
    small: validTown(smallTown()),
    large: validTown(largeTown()),
    region: regionTowns().map(validTown),
  };

  const figures: Figure[] = [];
  const failures: string[] = [];
  const notMeasured: Section[] = [];
  /** Runs one section; a section that throws is reported and the others still run. */
  const section = async (name: Section, measure: () => Promise<Figure[]>): Promise<void> => {
    if (!run(name)) return;
    process.stdout.write(`Measuring ${name}...\n`);
    try {
      figures.push(...(await measure()));
    } catch (e) {
      const message = e instanceof Error ? (e.stack ?? e.message) : String(e);
      failures.push(`${name}: ${message}`);
      notMeasured.push(name);
      process.stderr.write(`bench: ${name} could not be measured:\n${message}\n`);
    }
  };

  // The engine first, while the heap is quiet: the packet's allocations would add GC noise to it.
  await section('engine', async () => (await import('./engine')).engineFigures(towns));
  await section('packet', async () => (await import('./packet')).packetFigures(towns));
  let chromium = '';
  const browser = async (importRuns: WebRuns | null, startupRuns: WebRuns | null) => {
    const web = await import('./web');
    chromium ||= await web.chromiumVersion();
    return web.webFigures({ importRuns, startupRuns });
  };
  await section('import', () => browser({ warmup: 1, runs: 7 }, null));
  await section('startup', () => browser(null, { warmup: 1, runs: 7 }));
  await section('restore', async () => (await import('./restore')).restoreFigures(towns.large));
  await section('csv', async () => (await import('./csv')).csvFigures(towns.large));
  await section('packaging', async () => (await import('./packaging')).packagingFigures());
  await section('latency', async () => (await import('./latency')).latencyFigures({ runs: 7 }));
  await section('sync', async () =>
    (await import('./sync')).syncFigures({ pulls: Number(process.env.SYNC_PULLS ?? 3), trips: 5 }),
  );

  const machine = {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium,
    platform: `${process.platform} ${process.arch}`,
    /** One-minute load average when the run started and when it ended. */
    loadAverage: [loadBefore, loadavg()[0] ?? 0].map((n) => Math.round(n * 100) / 100),
  };
  const date = new Date().toISOString();
  process.stdout.write(`\n${table(figures)}\n\n`);
  for (const f of figures) if (f.note) process.stdout.write(`- ${f.label}: ${f.note}\n`);
  process.stdout.write(
    `\n${date}; ${machine.cpus} × ${machine.cpu}, ${machine.memoryGb} GB; Node ${machine.node}` +
      `${chromium ? `; Chromium ${chromium}` : ''}; load average ${machine.loadAverage.join(' → ')}\n`,
  );

  const missed = figures.filter((f) => f.pass === false);
  const results = { date, machine, figures, missed: missed.map((f) => f.id), notMeasured, failures };
  // BENCH_RESULTS_DIR: somewhere else (the bench's own test), so a test run never replaces real figures.
  const dir = resolve(process.env.BENCH_RESULTS_DIR ?? resolve(import.meta.dirname, 'results'));
  await mkdir(dir, { recursive: true });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  await writeFile(resolve(dir, 'latest.json'), json);
  await writeFile(resolve(dir, `bench-${date.replace(/[:.]/g, '-')}.json`), json);
  // The same table as Markdown, ready for bench/README.md.
  await writeFile(resolve(dir, 'latest.md'), `${table(figures, true)}\n`);
  process.stdout.write(
    summaryLine(
      figures.length,
      missed.map((f) => f.label),
      notMeasured,
    ),
  );
  // A section that could not run fails the run in every mode: a figure never taken is not a pass.
  if (notMeasured.length > 0) return 1;
  return values.strict && missed.length > 0 ? 1 : 0;
}

process.exitCode = await main();
