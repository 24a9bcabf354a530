/**
 * `ledger history`: the town's certification cycles from a backup file — what
 * comes next, then each submission (newest first) with its status, the parts as
 * the evaluation gave them then, and the id `ledger packet --submission` takes.
 */
import { certificationRoundLabels, creditLabels, statusLabels } from '../../shared/domain/labels';
import { newestFirst, submissionStatus, whatComesNext } from '../../shared/submissions';
import type { FrozenPart } from '../../shared/submissions';
import { CliError, EXIT_OK, parseCommandArgs, readBackupFile } from './command';
import type { CliCommand } from './command';

const usage = `Usage: ledger history <backup.json>

Lists the town's certification cycles: what comes next, then every packet
marked as submitted (newest first) with its status, what each part showed
when it was submitted, and its id (for 'ledger packet --submission <id>').

Options:
  -h, --help            show this help`;

const part = (p: FrozenPart): string =>
  `${statusLabels[p.status]}${p.credit ? `, ${creditLabels[p.credit].toLowerCase()}` : ''}, ${p.points}/${p.maxPoints}`;

export const historyCommand: CliCommand = {
  name: 'history',
  summary: 'list the certification cycles and submissions in a backup file',
  usage,
  run: async (args, io) => {
    const { positionals } = parseCommandArgs('history', args, {});
    if (positionals.length === 0)
      throw new CliError("history: missing <backup.json> (see 'ledger history --help')");
    if (positionals.length > 1) throw new CliError(`history: unexpected argument '${positionals[1]}'`);
    const data = await readBackupFile(positionals[0]!, io);
    const lines = [
      `${data.town.name || 'Town name missing'}: ${whatComesNext(data.submissions, data.certifications)}`,
      '',
    ];
    const submissions = newestFirst(data.submissions);
    if (submissions.length === 0) lines.push('No submissions recorded.');
    for (const s of submissions) {
      const r = s.result;
      const credited =
        r?.awarded === true
          ? `; credited: ${[r.credited.part1 ? 'Part 1' : '', r.credited.part2 ? 'Part 2' : ''].filter(Boolean).join(', ') || 'none'}`
          : '';
      lines.push(
        `${s.certificationYear} ${certificationRoundLabels[s.round].toLowerCase()}  ${submissionStatus(s)}${credited}`,
        `  id ${s.id}`,
        `  submitted ${s.submittedOn}${s.submittedBy ? ` by ${s.submittedBy}` : ''}: ${s.packet.fileName} (${s.packet.byteLength} bytes)`,
        `  then: Part 1 ${part(s.evaluation.part1)}; Part 2 ${part(s.evaluation.part2)}; ${s.evaluation.totalPoints} of ${s.evaluation.maxPoints} points`,
      );
    }
    io.stdout(`${lines.join('\n')}\n`);
    return EXIT_OK;
  },
};
