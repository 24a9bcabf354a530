/**
 * The one table of `ledger` subcommands. To add one, write it in its own file
 * exporting a `CliCommand` and list it here; `run.ts` handles help, dispatch and errors.
 */
import { checkCommand } from './check';
import type { CliCommand } from './command';
import { historyCommand } from './history';
import { packetCommand, signinCommand } from './packet';
import { pullCommand } from './pull';

export const commands: readonly CliCommand[] = [
  checkCommand,
  packetCommand,
  signinCommand,
  historyCommand,
  pullCommand,
];
