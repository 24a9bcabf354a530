/**
 * `ledger check FILE... | FOLDER [--year YYYY] [--as-of YYYY-MM-DD] [--json | --jsonl]`:
 * runs the rules engine on backup files and prints the evaluations — one town in
 * full, or many towns (a council of governments' region) as one table. The engine
 * decides everything; this only prints.
 */
import { join } from 'node:path';
import { creditLabels, statusLabels } from '../../shared/domain/labels';
import type { TownData } from '../../shared/domain/schema';
import { evaluate } from '../../shared/rules/engine';
import type { Evaluation, ReadinessGap, Reason } from '../../shared/rules/evaluation';
import {
  CliError,
  EXIT_OK,
  EXIT_USAGE,
  parseCommandArgs,
  parseIsoDate,
  parseYear,
  readBackupFile,
} from './command';
import type { CliCommand, CliIo } from './command';

const usage = `Usage: ledger check <backup.json>... [--year <YYYY>] [--as-of <YYYY-MM-DD>] [--json | --jsonl]
       ledger check <folder> ...              (every *.json in the folder)

Evaluates the towns in backup files for the Sustainable CT action
"Participate in Equity Training". One file: each part's status, points,
credit and completion date, the reasons (with rule ids), what was not
counted, readiness gaps and the total out of 15. Several files or a folder:
one table across towns (town, Part 1, Part 2, total, open gaps).

Options:
  --year <YYYY>         certification year Y (default: each file's own)
  --as-of <YYYY-MM-DD>  day of the evaluation (default: each file's saved
                        as-of date, else today, local time)
  --json                print JSON instead of a table (several files: one array)
  --jsonl               print one JSON object per line per file
  -h, --help            show this help

Exit status: 0 when every file was read; 2 when any file was refused (each
problem is one line on stderr, after every other file has been reported).`;

/** The JSON `--json` prints for one town; a stable shape for scripts. */
export function evaluationJson(ev: Evaluation, data: TownData) {
  const reasons = (rs: Reason[]) => rs.map((r) => ({ rule: r.rule, kind: r.kind, text: r.text }));
  return {
    town: data.town.name,
    certificationYear: ev.certificationYear,
    asOfDate: ev.asOfDate,
    parts: [ev.part1, ev.part2].map((p) => ({
      id: p.id,
      status: p.status,
      points: p.points,
      maxPoints: p.maxPoints,
      credit: p.credit,
      completionDate: p.completionDate,
      evidence: p.evidence,
      reasons: reasons(p.reasons),
      // The lists the reasons refer to ("listed under Not counted for Part N").
      notCounted: p.notCounted,
      gaps: p.gaps,
    })),
    totalPoints: ev.totalPoints,
    maxPoints: ev.maxPoints,
    gaps: ev.gaps,
    warnings: reasons(ev.warnings),
  };
}

const pad = (s: string, n: number) => s.padEnd(n);
const reasonLine = (r: Reason) => `  ${pad(`[${r.kind}]`, 10)}${pad(r.rule, 9)}${r.text}`;
const gapLine = (g: ReadinessGap) => `  - ${pad(g.rule, 9)}${g.text}`;

/** Columns padded to their widest cell, with a rule under the header row. */
function columns(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const lines = rows.map((r) =>
    r
      .map((cell, c) => pad(cell, widths[c]!))
      .join('  ')
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return lines;
}

const townName = (data: TownData) => data.town.name.trim() || 'Unnamed town';

/** The readable report of one town: a table of the parts, then reasons, what was not counted, gaps and warnings. */
export function evaluationTable(data: TownData, ev: Evaluation): string {
  const table = columns([
    ['Part', 'Status', 'Points', 'Credit', 'Completed'],
    ...[
      { p: ev.part1, label: 'Part 1 — cohort' },
      { p: ev.part2, label: 'Part 2 — live training' },
    ].map(({ p, label }) => [
      label,
      statusLabels[p.status],
      `${p.points}/${p.maxPoints}`,
      p.credit ? creditLabels[p.credit] : '—',
      p.completionDate ?? '—',
    ]),
    ['Total', '', `${ev.totalPoints}/${ev.maxPoints}`, '', ''],
  ]);

  const out = [
    `${townName(data)}: action ${data.settings.actionNumber} "${data.settings.actionName}"`,
    `Certification year ${ev.certificationYear}, as of ${ev.asOfDate} (new credit from ${ev.newCreditFrom})`,
    '',
    ...table,
  ];
  for (const p of [ev.part1, ev.part2]) {
    const label = p.id === 'part1' ? 'Part 1' : 'Part 2';
    out.push('', `${label} reasons:`);
    out.push(...(p.reasons.length > 0 ? p.reasons.map(reasonLine) : ['  (none)']));
    out.push('', `Not counted for ${label}:`);
    out.push(
      ...(p.notCounted.length > 0 ? p.notCounted.map((n) => `  - ${n.name}: ${n.reason}`) : ['  (none)']),
    );
  }
  out.push('', 'Readiness gaps:', ...(ev.gaps.length > 0 ? ev.gaps.map(gapLine) : ['  (none)']));
  if (ev.warnings.length > 0) out.push('', 'Warnings:', ...ev.warnings.map(reasonLine));
  return `${out.join('\n')}\n`;
}

/** One town read and evaluated, or the one line saying why its file was refused. */
type Checked = { file: string; data: TownData; ev: Evaluation } | { file: string; error: string };

const partCell = (p: Evaluation['part1'] | Evaluation['part2']) =>
  `${statusLabels[p.status]} ${p.points}/${p.maxPoints}`;

/** The region table: one row per town, in the order the files were named. */
export function regionTable(results: readonly Checked[]): string {
  const read = results.filter((r): r is Extract<Checked, { data: TownData }> => 'data' in r);
  const rows = read.map(({ file, data, ev }) => [
    townName(data),
    partCell(ev.part1),
    partCell(ev.part2),
    `${ev.totalPoints}/${ev.maxPoints}`,
    String(ev.gaps.length),
    file,
  ]);
  const refused = results.length - read.length;
  const out =
    read.length > 0
      ? columns([['Town', 'Part 1', 'Part 2', 'Total', 'Open gaps', 'File'], ...rows])
      : ['No town could be read.'];
  out.push(
    '',
    `${read.length} ${read.length === 1 ? 'town' : 'towns'} checked${refused > 0 ? `; ${refused} ${refused === 1 ? 'file' : 'files'} refused (see the messages above)` : ''}.`,
  );
  return `${out.join('\n')}\n`;
}

/**
 * The files named: a file as given, a folder as every `*.json` directly in it, by name.
 * A folder without one is a problem of its own.
 */
async function expand(
  paths: string[],
  io: CliIo,
): Promise<{ files: string[]; folders: number; empty: string[] }> {
  const files: string[] = [];
  const empty: string[] = [];
  let folders = 0;
  for (const path of paths) {
    const names = io.listFolder ? await io.listFolder(path) : null;
    if (names === null) {
      files.push(path);
      continue;
    }
    folders++;
    const json = names.filter((n) => n.toLowerCase().endsWith('.json')).sort();
    if (json.length === 0) empty.push(path);
    files.push(...json.map((n) => join(path, n)));
  }
  return { files, folders, empty };
}

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'evaluate backup files (one town, or a folder of towns): status, points, reasons and gaps',
  usage,
  run: async (args, io) => {
    const { values, positionals } = parseCommandArgs('check', args, {
      year: { type: 'string' },
      'as-of': { type: 'string' },
      json: { type: 'boolean', default: false },
      jsonl: { type: 'boolean', default: false },
    });
    if (positionals.length === 0)
      throw new CliError("check: missing <backup.json> or <folder> (see 'ledger check --help')");
    if (values.json && values.jsonl) throw new CliError('check: choose one of --json and --jsonl');
    const year = values.year === undefined ? null : parseYear(values.year);
    const asOf = values['as-of'] === undefined ? null : parseIsoDate(values['as-of'], '--as-of');
    // Each town's own settings apply where a flag is left out: its year, its saved as-of date.
    const evaluateTown = (data: TownData) =>
      evaluate(data, {
        certificationYear: year ?? data.town.certificationYear,
        asOfDate: asOf ?? data.town.asOfDate ?? io.today(),
      });

    const { files, folders, empty } = await expand(positionals, io);
    // One file named as a file: the full report, exactly as before (its problems may take several lines).
    if (files.length === 1 && folders === 0 && !values.jsonl) {
      const data = await readBackupFile(files[0]!, io);
      const ev = evaluateTown(data);
      io.stdout(
        values.json ? `${JSON.stringify(evaluationJson(ev, data), null, 2)}\n` : evaluationTable(data, ev),
      );
      return EXIT_OK;
    }

    const results: Checked[] = [];
    for (const file of files) {
      let result: Checked;
      try {
        const data = await readBackupFile(file, io);
        result = { file, data, ev: evaluateTown(data) };
      } catch (e) {
        if (!(e instanceof CliError)) throw e;
        // One line per file: the first problem, and how many more there are.
        const more = e.lines.length - 1;
        const first = e.lines[0] ?? `${file}: could not be read`;
        result = {
          file,
          error: more > 0 ? `${first} (and more problems: check this file alone to list them)` : first,
        };
        io.stderr(`ledger: ${result.error}\n`);
      }
      if (values.jsonl) io.stdout(`${JSON.stringify(lineOf(result))}\n`);
      results.push(result);
    }
    for (const folder of empty) io.stderr(`ledger: ${folder}: no .json files in this folder\n`);
    if (values.json) io.stdout(`${JSON.stringify(results.map(lineOf), null, 2)}\n`);
    else if (!values.jsonl) io.stdout(regionTable(results));
    return results.some((r) => 'error' in r) || empty.length > 0 ? EXIT_USAGE : EXIT_OK;
  },
};

/** `file`, then the object `check --json` prints for one town, or `error`. */
function lineOf(r: Checked) {
  return 'error' in r ? { file: r.file, error: r.error } : { file: r.file, ...evaluationJson(r.ev, r.data) };
}
