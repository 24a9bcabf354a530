/**
 * `runCli`: the whole `ledger` command line as a function of its arguments and
 * I/O, so tests run it in-process. User errors print one `ledger: ...` line (or a
 * short list) on stderr and exit 2; nothing prints a stack trace.
 */
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './command';
import type { CliCommand, CliIo } from './command';
import { commands as registered } from './commands';

export type { CliIo } from './command';

function mainUsage(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: ledger <command> [options]',
    '',
    'Equity Training Ledger from the command line (npm run ledger -- <command> ...).',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'ledger <command> --help' for a command's options.",
    '',
  ].join('\n');
}

/**
 * Runs `ledger` with `argv` (without node and the script path) and returns the exit code:
 * 0 done, 2 the user must fix something (file, flag, year, date), 1 unexpected failure.
 */
export async function runCli(
  argv: string[],
  io: CliIo,
  commands: readonly CliCommand[] = registered,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(mainUsage(commands));
    return EXIT_OK;
  }
  if (name === undefined) {
    io.stderr(mainUsage(commands));
    return EXIT_USAGE;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    io.stderr(`ledger: unknown command '${name}' (try 'ledger --help')\n`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(e.lines.map((line) => `ledger: ${line}\n`).join(''));
      return EXIT_USAGE;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(`ledger: unexpected error: ${message.split('\n')[0]}\n`);
    return EXIT_FAILURE;
  }
}
