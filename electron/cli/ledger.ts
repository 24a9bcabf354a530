/**
 * Entry point of the `ledger` command (`npm run ledger -- ...`, i.e. `tsx electron/cli/ledger.ts`):
 * wires `runCli` to the real process. All logic lives in `run.ts`.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { format } from 'date-fns';
import { runCli } from './run';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFile(path, 'utf8'),
  writeFile: (path, data) => writeFile(path, data),
  // date-fns formats in the local time zone: "today" is the clerk's calendar day.
  today: () => format(new Date(), 'yyyy-MM-dd'),
  listFolder: async (path) => {
    try {
      return await readdir(path);
    } catch (e) {
      // A file or a missing path is not a folder; `check` then reads it (and names the problem).
      const code = (e as { code?: unknown }).code;
      if (code === 'ENOTDIR' || code === 'ENOENT') return null;
      throw e;
    }
  },
});
