/**
 * Entry point of the `ledger` command (`npm run ledger -- ...`, i.e. `tsx electron/cli/ledger.ts`):
 * wires `runCli` to the real process. All logic lives in `run.ts`.
 */
import { writeFile } from 'node:fs/promises';
import { format } from 'date-fns';
import { readFileWithProgress } from './read-file';
import { runCli } from './run';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  // Bytes, not 'utf8': the backup reader decodes strictly, so a Latin-1 file is refused, not garbled.
  readFile: (path) => readFileWithProgress(path, (text) => process.stderr.write(text)),
  writeFile: (path, data) => writeFile(path, data),
  // date-fns formats in the local time zone: "today" is the clerk's calendar day.
  today: () => format(new Date(), 'yyyy-MM-dd'),
});
