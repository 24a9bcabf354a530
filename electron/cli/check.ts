/**
 * `ledger check <backup.json> --year <YYYY> [--as-of <YYYY-MM-DD>] [--json]`:
 * runs the rules engine on a backup file and prints the evaluation, as a table
 * for people or as JSON for scripts. The engine decides everything; this only prints.
 */
import { creditLabels, statusLabels } from '../../shared/domain/labels';
import type { TownData } from '../../shared/domain/schema';
import { evaluate } from '../../shared/rules/engine';
import type { Evaluation, ReadinessGap, Reason } from '../../shared/rules/evaluation';
import { CliError, EXIT_OK, parseCommandArgs, parseIsoDate, parseYear, readBackupFile } from './command';
import type { CliCommand } from './command';

const usage = `Usage: ledger check <backup.json> --year <YYYY> [--as-of <YYYY-MM-DD>] [--json]

Evaluates the town in a backup file for the Sustainable CT action
"Participate in Equity Training" and prints each part's status, points,
credit and completion date, the reasons (with rule ids), readiness gaps
and the total out of 15.

Options:
  --year <YYYY>         certification year Y (required)
  --as-of <YYYY-MM-DD>  day of the evaluation (default: today, local time)
  --json                print JSON instead of a table
  -h, --help            show this help`;

/** The JSON the `--json` flag prints; a stable shape for scripts. */
export function evaluationJson(ev: Evaluation) {
  const reasons = (rs: Reason[]) => rs.map((r) => ({ rule: r.rule, kind: r.kind, text: r.text }));
  return {
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

/** The readable report: a table of the parts, then reasons, gaps and warnings. */
export function evaluationTable(data: TownData, ev: Evaluation): string {
  const town = data.town.name.trim() || 'Unnamed town';
  const rows: string[][] = [
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
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const table = rows.map((r) =>
    r
      .map((cell, c) => pad(cell, widths[c]!))
      .join('  ')
      .trimEnd(),
  );
  table.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));

  const out = [
    `${town}: action ${data.settings.actionNumber} "${data.settings.actionName}"`,
    `Certification year ${ev.certificationYear}, as of ${ev.asOfDate} (new credit from ${ev.newCreditFrom})`,
    '',
    ...table,
  ];
  for (const p of [ev.part1, ev.part2]) {
    out.push('', `${p.id === 'part1' ? 'Part 1' : 'Part 2'} reasons:`);
    out.push(...(p.reasons.length > 0 ? p.reasons.map(reasonLine) : ['  (none)']));
  }
  out.push('', 'Readiness gaps:', ...(ev.gaps.length > 0 ? ev.gaps.map(gapLine) : ['  (none)']));
  if (ev.warnings.length > 0) out.push('', 'Warnings:', ...ev.warnings.map(reasonLine));
  return `${out.join('\n')}\n`;
}

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'evaluate a backup file: status, points, reasons and gaps per part',
  usage,
  run: async (args, io) => {
    const { values, positionals } = parseCommandArgs('check', args, {
      year: { type: 'string' },
      'as-of': { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    if (positionals.length === 0)
      throw new CliError("check: missing <backup.json> (see 'ledger check --help')");
    if (positionals.length > 1) throw new CliError(`check: unexpected argument '${positionals[1]}'`);
    const certificationYear = parseYear(values.year);
    const asOfDate = values['as-of'] === undefined ? io.today() : parseIsoDate(values['as-of'], '--as-of');
    const data = await readBackupFile(positionals[0]!, io);
    const ev = evaluate(data, { certificationYear, asOfDate });
    io.stdout(values.json ? `${JSON.stringify(evaluationJson(ev), null, 2)}\n` : evaluationTable(data, ev));
    return EXIT_OK;
  },
};
