/**
 * `runCli`: the whole `ledger` command line as a function of its arguments and
 * I/O, so tests run it in-process. User errors print one `ledger: ...` line per
 * error (or a short list) on stderr and exit 2; nothing prints a stack trace.
 * Everything any command prints goes through terminal.ts on the way out, so no
 * control character from a file or an argument ever reaches the terminal raw.
 */
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './command';
import type { CliCommand, CliIo } from './command';
import { commands as registered } from './commands';
import { oneLine, stderrSafe, terminalSafe } from './terminal';

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
  rawIo: CliIo,
  commands: readonly CliCommand[] = registered,
): Promise<number> {
  const io: CliIo = {
    ...rawIo,
    stdout: (text) => rawIo.stdout(terminalSafe(text)),
    stderr: (text) => rawIo.stderr(stderrSafe(text)),
  };
  /** One error, one line, whatever its text holds. */
  const error = (text: string): string => `ledger: ${oneLine(text)}\n`;
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
    io.stderr(error(`unknown command '${name}' (try 'ledger --help')`));
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
      io.stderr(e.lines.map(error).join(''));
      return EXIT_USAGE;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(error(`unexpected error: ${message.split('\n')[0]}`));
    return EXIT_FAILURE;
  }
}
