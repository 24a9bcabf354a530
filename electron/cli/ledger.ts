/**
 * Entry point of the `ledger` command (`npm run ledger -- ...`, i.e. `tsx electron/cli/ledger.ts`):
 * wires `runCli` to the real process. All logic lives in `run.ts`; the I/O in `node-io.ts`.
 */
import { nodeIo } from './node-io';
import { runCli } from './run';

process.exitCode = await runCli(process.argv.slice(2), nodeIo());
