/**
 * Entry point of the `ledger` command (`npm run ledger -- ...`, i.e. `tsx electron/cli/ledger.ts`):
 * wires `runCli` to the real process. All logic lives in `run.ts`.
 */
import { nodeIo } from './node-io';
import { runCli } from './run';

process.exitCode = await runCli(
  process.argv.slice(2),
  nodeIo({
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }),
);
